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

#: Elements whose white space may show, and the article (the author's content).
_KEEP_RE = re.compile(r"<(article|pre|code|kbd|textarea|script|style)\b.*?</\1\s*>", re.S | re.I)
_RUN_RE = re.compile(r"[ \t\r\f]*\n[ \t\r\n\f]*")
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
        text = _RUN_RE.sub("\n", text)
        if not icons:
            return text
        text = text.replace(_SVG_NS, "<svg ")
        return _ICON_RE.sub(_mask, text) if masks is not None else text

    out: list[str] = []
    at = 0
    for m in _KEEP_RE.finditer(html):
        out.append(_compact(html[at:m.start()]))
        out.append(m.group(0))
        at = m.end()
    out.append(_compact(html[at:]))
    return "".join(out)


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
