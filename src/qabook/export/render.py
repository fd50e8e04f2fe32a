"""A block's Markdown → HTML with the `markdown` library and the site's pymdownx extensions.

Formulas become inline SVG (qabook.math) and code is highlighted with inline styles, so the
HTML stands alone (an Anki card, a JSON consumer) with no stylesheet and no outside request.
"""

from __future__ import annotations

from functools import lru_cache

import markdown

from qabook.math import render_math

EXTENSIONS = ["tables", "attr_list", "md_in_html", "admonition", "pymdownx.highlight", "pymdownx.inlinehilite",
              "pymdownx.superfences", "pymdownx.arithmatex"]
EXTENSION_CONFIGS = {
    "pymdownx.highlight": {"noclasses": True, "use_pygments": True},
    "pymdownx.arithmatex": {"generic": True},
}


_MD: markdown.Markdown | None = None


def render_block(lines: list[str], language: str | None = None) -> str:
    """The inner Markdown of one block (its lines) as standalone HTML; `language`: the book's
    (a formula that cannot be typeset is titled in it)."""
    return _render("\n".join(lines), language)


@lru_cache(maxsize=4096)
def _render(text: str, language: str | None) -> str:
    """One Markdown instance, reset per block (making one costs more than converting); the
    JSON and Anki exports of one build share the renders of the last blocks."""
    global _MD
    if _MD is None:
        _MD = markdown.Markdown(extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)
    _MD.reset()
    return render_math(_MD.convert(text), language=language).html
