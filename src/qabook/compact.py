"""Pages without the template's blank lines and indentation (a third of a page's bytes were
white space the browser collapses anyway).

Only white space that holds a line break is touched, and only where it cannot show: outside
the article (the book's own content stays byte for byte as rendered) and outside `pre`, `code`,
`kbd`, `textarea`, `script` and `style`. A run of white space with a line break becomes one
line break, which a browser renders exactly as the run. With `icons` (where the site is the book:
a site qabook was added to keeps Material's markup), inline SVG icons outside the article lose
their `xmlns` attribute: an HTML parser puts `<svg>` in the SVG namespace by itself (twelve icons
a page, 35 bytes each); with `masks` too, each icon of one path becomes an empty `<svg>` of its
own class, drawn by a CSS mask (`icon_rule`, one stylesheet for the site): the same box, sized by
Material's rules for `svg` as before, 0.2–0.7 KB less an icon.
`without_material_search_strings`: Material's search strings left out of its page config where
qabook's search box stands in for Material's.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import quote

#: Elements whose white space may show, and the article (the author's content): each from its
#: opening tag to its first closing tag (`_kept`: what `_KEEP_RE.finditer` finds, found faster).
KEPT = ("article", "pre", "code", "kbd", "textarea", "script", "style")
_KEEP_RE = re.compile(rf"<({'|'.join(KEPT)})\b.*?</\1\s*>", re.S | re.I)
_OPEN_RE = re.compile(rf"<({'|'.join(KEPT)})\b", re.I)
_CLOSE_RE = {name: re.compile(rf"</{name}\s*>", re.I) for name in KEPT}
#: A run of white space that holds a line break (`_one_break`: what `_RUN_RE.sub("\n", …)` gives).
_RUN_RE = re.compile(r"[ \t\r\f]*\n[ \t\r\n\f]*")
_BLANK = " \t\r\f"
_SVG_NS = '<svg xmlns="http://www.w3.org/2000/svg" '


#: An icon as Material's templates write it (after its `xmlns` is dropped): one path.
_ICON_RE = re.compile(r'<svg viewBox="([^"<>]*)"><path d="([^"<>\']*)"/></svg>')


def icon_class(view_box: str, path: str) -> str:
    """The class of an icon drawn by a mask: named after its drawing, so every process names it alike."""
    return "qa-i-" + hashlib.blake2b(f"{view_box}|{path}".encode(), digest_size=5).hexdigest()


def icon_rule(view_box: str, path: str) -> str:
    """The stylesheet's rule (one line) that draws the icon in its box in the text's colour."""
    svg = f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='{view_box}'><path d='{path}'/></svg>"
    url = 'url("data:image/svg+xml,' + quote(svg, safe=" '=/:.,-") + '") center/contain no-repeat'
    return (f"svg.{icon_class(view_box, path)}{{background-color:currentcolor;-webkit-mask:{url};mask:{url};"
            "forced-color-adjust:none}")


def compact_html(html: str, *, icons: bool = False, masks: dict[str, str] | None = None) -> str:
    """The page with every white-space run that holds a line break reduced to one line break,
    outside the article and the elements that keep their white space (and, with `icons`, the
    icons' `xmlns` attribute left out there; with `masks` too, each one-path icon there drawn by
    a mask: `masks` gains the rule of each icon it meets, by class)."""
    def _mask(m: re.Match[str]) -> str:
        view_box, path = m.group(1), m.group(2)
        name = icon_class(view_box, path)
        if name not in masks:
            masks[name] = icon_rule(view_box, path)
        return f'<svg viewBox="{view_box}" class="{name}"></svg>'

    def _compact(text: str) -> str:
        text = _one_break(text)
        if not icons:
            return text
        text = text.replace(_SVG_NS, "<svg ")
        return _ICON_RE.sub(_mask, text) if masks is not None else text

    out: list[str] = []
    at = 0
    for start, end in _kept(html):
        out.append(_compact(html[at:start]))
        out.append(html[start:end])
        at = end
    out.append(_compact(html[at:]))
    return "".join(out)


def _kept(html: str) -> list[tuple[int, int]]:
    """Where the elements that keep their white space are: the spans `_KEEP_RE.finditer` finds
    (an opening tag without its closing tag is passed over), with one search for the opening
    tag and one for its closing tag instead of a lazy match through the element (⅓ of the time)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    while (m := _OPEN_RE.search(html, pos)) is not None:
        close = _CLOSE_RE[m.group(1).lower()].search(html, m.end())
        if close is None:
            pos = m.start() + 1
            continue
        spans.append((m.start(), close.end()))
        pos = close.end()
    return spans


def _one_break(text: str) -> str:
    """`text` with each run of white space that holds a line break made one line break:
    `_RUN_RE.sub("\\n", text)`, line by line (⅓ of the regular expression's time, which tries
    every position of the page): a line's blanks at either end belong to the runs around it,
    and a line of blanks alone lies inside a run."""
    lines = text.split("\n")
    if len(lines) == 1:
        return text
    middle = filter(None, [line.strip(_BLANK) for line in lines[1:-1]])
    return "\n".join([lines[0].rstrip(_BLANK), *middle, lines[-1].lstrip(_BLANK)])


_CONFIG_OPEN = '<script id="__config" type="application/json">'
#: A string of Material's own search box in its page config's translations (JSON as the book writes it).
_MATERIAL_SEARCH_STRING_RE = re.compile(r'"search\.result\.[a-z.]+":"(?:[^"\\]|\\.)*",?')


def without_material_search_strings(html: str) -> str:
    """The page with Material's search.result.* strings left out of its page config (`__config`):
    where qabook's search box stands in for Material's (its form not named "search"), Material's
    bundle mounts no search and never reads them (≈ 0.4 KB a page in Chinese)."""
    start = html.rfind(_CONFIG_OPEN)
    if start < 0:
        return html
    start += len(_CONFIG_OPEN)
    end = html.find("</script>", start)
    if end < 0:
        return html
    config = _MATERIAL_SEARCH_STRING_RE.sub("", html[start:end]).replace(",}", "}")
    return html[:start] + config + html[end:]
