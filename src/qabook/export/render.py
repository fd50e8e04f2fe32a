"""A block's Markdown → HTML with the `markdown` library and the site's pymdownx extensions.

Formulas become inline SVG (qabook.math) and code is highlighted with inline styles, so the
HTML stands alone (an Anki card, a JSON consumer) with no stylesheet and no outside request.
"""

from __future__ import annotations

import markdown

from qabook.math import render_math

EXTENSIONS = ["tables", "attr_list", "md_in_html", "admonition", "pymdownx.highlight", "pymdownx.inlinehilite",
              "pymdownx.superfences", "pymdownx.arithmatex"]
EXTENSION_CONFIGS = {
    "pymdownx.highlight": {"noclasses": True, "use_pygments": True},
    "pymdownx.arithmatex": {"generic": True},
}


def render_block(lines: list[str]) -> str:
    """The inner Markdown of one block (its lines) as standalone HTML."""
    md = markdown.Markdown(extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)
    html = md.convert("\n".join(lines))
    return render_math(html).html
