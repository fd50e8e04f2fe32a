"""Pages without the template's blank lines and indentation (a third of a page's bytes were
white space the browser collapses anyway).

Only white space that holds a line break is touched, and only where it cannot show: outside
the article (the book's own content stays byte for byte as rendered) and outside `pre`, `code`,
`kbd`, `textarea`, `script` and `style`. A run of white space with a line break becomes one
line break, which a browser renders exactly as the run. With `icons` (where the site is the book:
a site qabook was added to keeps Material's markup), inline SVG icons outside the article lose
their `xmlns` attribute: an HTML parser puts `<svg>` in the SVG namespace by itself (twelve icons
a page, 35 bytes each). `without_material_search_strings`: Material's search strings left out
of its page config where qabook's search box stands in for Material's.
"""

from __future__ import annotations

import re

#: Elements whose white space may show, and the article (the author's content).
_KEEP_RE = re.compile(r"<(article|pre|code|kbd|textarea|script|style)\b.*?</\1\s*>", re.S | re.I)
_RUN_RE = re.compile(r"[ \t\r\f]*\n[ \t\r\n\f]*")
_SVG_NS = '<svg xmlns="http://www.w3.org/2000/svg" '


def compact_html(html: str, *, icons: bool = False) -> str:
    """The page with every white-space run that holds a line break reduced to one line break,
    outside the article and the elements that keep their white space (and, with `icons`, the
    icons' `xmlns` attribute left out there)."""
    def _compact(text: str) -> str:
        text = _RUN_RE.sub("\n", text)
        return text.replace(_SVG_NS, "<svg ") if icons else text

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
