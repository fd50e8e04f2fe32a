"""Interface text in the book's language, and readable in dark mode."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CONTRAST_JS = """els => els.filter(e => e.offsetParent !== null).map(e => {
  const rgb = c => c.match(/[\\d.]+/g).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
  let bg = null, n = e;
  while (n && !bg) { const c = getComputedStyle(n).backgroundColor; const v = rgb(c); if (v.length < 4 || v[3] > 0) bg = v; n = n.parentElement; }
  bg = bg || [255, 255, 255];
  const a = lum(rgb(getComputedStyle(e).color)), b = lum(bg);
  return [e.textContent.trim().slice(0, 30), (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)];
})"""


def test_footer_skip_link_permalinks_in_chinese(built_site: Path) -> None:
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert "Material for MkDocs" not in home and "本站由 qabook 生成" in home
    assert "跳到正文" in home and "跳转至" not in home
    assert 'title="本节链接"' in home and "Permanent link" not in home
    topic = (built_site / "llm" / "01-shen-me-shi-da-mo-xing" / "index.html").read_text(encoding="utf-8")
    assert 'title="复制本题链接"' in topic


def test_404_page_in_chinese_with_a_way_home_and_search(browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(site_url + "404.html")
    assert "页面不存在" in page.locator("h1").inner_text()
    assert "404 - Not found" not in page.content()
    page.get_by_role("link", name="回到首页").click()
    page.wait_for_load_state()
    assert page.locator("h1").first.inner_text().startswith("大模型面试题学习站")
    page.close()


@pytest.mark.parametrize("path", ["", "llm/"])
def test_dark_mode_text_and_buttons_have_contrast(browser, site_url: str, path: str) -> None:
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(site_url + path, wait_until="networkidle")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    pairs = page.eval_on_selector_all(".md-content .md-button, .md-content a, .md-content p, .md-content li",
                                      CONTRAST_JS)
    context.close()
    low = [(text, round(ratio, 2)) for text, ratio in pairs if ratio < 4.5]
    assert pairs and low == []
