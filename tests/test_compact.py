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


def test_icons_outside_the_article_become_masked_boxes_and_the_article_keeps_its_own() -> None:
    from qabook.compact import icon_class, icon_rule

    masks: dict[str, str] = {}
    two = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M1 1h2v2z"/><path d="M5 5h2v2z"/></svg>'
    out = compact_html(PAGE.replace("</body>", two + "</body>"), icons=True, masks=masks)
    name = icon_class("0 0 24 24", "M3 6h18v2H3zm0 5h18v2H3zm0 5h18v2H3z")
    head, article = out.split("<article>")
    assert f'<label class="menu">\n<svg viewBox="0 0 24 24" class="{name}"></svg>' in head
    assert ICON in article  # the author's content byte for byte
    assert '<path d="M1 1h2v2z"/><path d="M5 5h2v2z"/>' in out  # not one path: left as it is
    assert masks == {name: icon_rule("0 0 24 24", "M3 6h18v2H3zm0 5h18v2H3zm0 5h18v2H3z")}


@pytest.mark.browser
def test_a_masked_icon_paints_the_pixels_of_the_inline_one(browser) -> None:
    """The same icon in a header-like box (white on blue, 1.2rem of a 20px root, as Material sizes it), drawn
    inline and by its mask: the same pixels (anti-aliasing aside)."""
    from io import BytesIO

    from PIL import Image, ImageChops

    from qabook.compact import icon_rule

    d = "M12 3 1 9l11 6 9-4.91V17h2V9M5 13.18v4L12 21l7-3.82v-4L12 17z"  # Material's school icon
    masks: dict[str, str] = {}
    box = ('<style>html{{font-size:125%}}label{{display:block;width:48px;padding:8px;background:#4051b5;color:#fff}}'
           'label svg{{display:block;height:1.2rem;width:auto;fill:currentcolor}}{rule}</style>'
           '<label>{icon}</label>')
    inline = box.format(rule="", icon=f'<svg viewBox="0 0 24 24"><path d="{d}"/></svg>')
    masked_page = compact_html(f'<label>\n<svg viewBox="0 0 24 24"><path d="{d}"/></svg></label>',
                               icons=True, masks=masks)
    masked = box.format(rule=icon_rule("0 0 24 24", d), icon=masked_page.split("<label>\n")[1].split("</label>")[0])
    shots = []
    page = browser.new_page(device_scale_factor=2)
    for html in (inline, masked):
        page.set_content(html)
        shots.append(Image.open(BytesIO(page.locator("label").screenshot())).convert("RGB"))
    page.close()
    white = sum(shots[1].convert("L").histogram()[201:])
    assert white > 200  # the icon is drawn (white on blue), not a blank or a filled box
    assert white < 0.5 * shots[1].size[0] * shots[1].size[1]
    diff = ImageChops.difference(*shots)
    assert max(high for _, high in diff.getextrema()) <= 32, "the masked icon differs from the inline one"


def test_every_masked_icon_of_the_site_has_its_rule(built_site) -> None:
    import re

    rules = (built_site / "assets/qabook/icons.css").read_text(encoding="utf-8")
    used: set[str] = set()
    pages = list(built_site.rglob("*.html"))
    for page in pages:
        used |= set(re.findall(r'class="(qa-i-[0-9a-f]+)"', page.read_text(encoding="utf-8")))
    assert len(used) >= 5
    assert {n for n in used if f"svg.{n}{{" not in rules} == set()
    assert not (built_site / "assets/qabook/icons.parts").exists()
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'href="assets/qabook/icons.css"' in home


def test_white_space_and_kept_elements_are_found_as_the_regular_expressions_find_them() -> None:
    """`_one_break` and `_kept` stand in for `_RUN_RE.sub` and `_KEEP_RE.finditer` (faster): on
    strings of every mix of blanks, line breaks, kept elements' tags in any case, unclosed and
    look-alike tags, they give the same."""
    import random

    from qabook.compact import _KEEP_RE, _RUN_RE, _kept, _one_break

    rnd = random.Random(7)
    blanks = [" ", "\t", "\r", "\f", "\n", "\v", "\u3000", "a", "文"]
    tags = ["<code>", "</code>", "<CODE class=x>", "</Code >", "<pre", "</pre\n>", "<prefix>", "</pre x>",
            "<article>", "</article>", "<", "</", "<script>", "</script>", "</style>", "<style>", "<kbd>",
            "</kbd>", "<textarea>", "</textarea >", "x", " ", "\n  "]
    for _ in range(20000):
        text = "".join(rnd.choice(blanks) for _ in range(rnd.randint(0, 14)))
        assert _one_break(text) == _RUN_RE.sub("\n", text), repr(text)
        html = "".join(rnd.choice(tags) for _ in range(rnd.randint(0, 12)))
        assert _kept(html) == [m.span() for m in _KEEP_RE.finditer(html)], repr(html)
