"""Pages without the template's white space and the icons' namespace attribute (qabook.compact):
the same page on screen, fewer bytes; the article untouched."""

from __future__ import annotations

import pytest

from qabook.compact import compact_html

ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M3 6h18v2H3zm0 5h18v2H3zm0 5h18v2H3z"/></svg>'
PAGE = (f'<!doctype html><html><head><meta charset="utf-8"></head><body>\n  \n  <label class="menu">\n    {ICON}\n'
        f'  </label>\n<article>\n\n  <p>文</p>\n  {ICON}\n</article>\n</body></html>')


def test_icons_outside_the_article_lose_only_their_namespace_attribute() -> None:
    assert 'xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M3 6h18v2H3z' in compact_html(PAGE).split(
        "<article>")[0]  # a site qabook was added to: Material's markup
    out = compact_html(PAGE, icons=True)
    head = out.split("<article>")[0]
    assert "xmlns" not in head and '<svg viewBox="0 0 24 24">' in head
    assert PAGE[PAGE.index("<article>"):PAGE.index("</article>")] in out  # the article byte for byte
    assert len(out.encode()) < len(PAGE.encode())


@pytest.mark.browser
def test_an_icon_without_its_namespace_attribute_is_still_drawn(browser) -> None:
    page = browser.new_page()
    page.set_content(compact_html(PAGE, icons=True).replace('<label class="menu">', '<label class="menu" style="display:block;width:24px">'))
    drawn = page.evaluate("""() => { const s = document.querySelector('label.menu svg');
        const r = s.querySelector('path').getBoundingClientRect();
        return [s.namespaceURI, r.width > 0 && r.height > 0]; }""")
    assert drawn == ["http://www.w3.org/2000/svg", True]
    page.close()


def test_material_search_strings_leave_the_page_config_and_nothing_else() -> None:
    import json
    import re

    from qabook.compact import without_material_search_strings

    config = {"base": "..", "translations": {"clipboard.copied": "已复制", "clipboard.copy": "复制",
                                             "search.result.more.one": '在该页上还有 1 个"结果"',
                                             "search.result.none": "没有", "search.result.term.missing": "缺少",
                                             "select.version": "选择当前版本"}, "version": None}
    text = json.dumps(config, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    page = f'<p>"search.result.none":"x",</p><script id="__config" type="application/json">{text}</script><p>after</p>'
    out = without_material_search_strings(page)
    got = json.loads(re.search(r'application/json">(.*?)</script>', out).group(1))
    assert got == {**config, "translations": {k: v for k, v in config["translations"].items()
                                              if not k.startswith("search.")}}
    assert out.startswith('<p>"search.result.none":"x",</p>') and out.endswith("<p>after</p>")
    assert without_material_search_strings("<p>no config</p>") == "<p>no config</p>"
