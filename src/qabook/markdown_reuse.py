"""One Markdown converter per process instead of one per page (MkDocs makes a new one for every
page: a tenth of a build went to setting up the same extensions again).

`reused_markdown()` makes MkDocs' `Page.render` (1.6) reset and reuse a converter built once for
the configuration; the four helpers MkDocs registers per page (anchors, relative links, title,
raw-HTML ids) are registered again for each page, replacing the last page's. Python-Markdown
resets its extensions between documents (`Markdown.reset`); a test renders varied pages both
ways and requires the same HTML, contents, title and anchors (`tests/test_parallel_build.py`).
"""

from __future__ import annotations

import logging
from contextlib import contextmanager
from typing import Iterator

import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure import pages as mkpages
from mkdocs.structure.files import Files
from mkdocs.structure.toc import get_toc

_CONVERTERS: dict[int, tuple[MkDocsConfig, markdown.Markdown]] = {}


def _converter(config: MkDocsConfig) -> markdown.Markdown:
    """The configuration's converter, made on first use (kept with the configuration it is for)."""
    held = _CONVERTERS.get(id(config))
    if held is None or held[0] is not config:
        md = markdown.Markdown(extensions=config["markdown_extensions"],
                               extension_configs=config["mdx_configs"] or {})
        held = _CONVERTERS[id(config)] = (config, md)
    return held[1]


def render(page: mkpages.Page, config: MkDocsConfig, files: Files) -> None:
    """`Page.render` of MkDocs 1.6 with a reused converter."""
    if page.markdown is None:
        raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
    md = _converter(config)
    md.reset()
    raw_html_ext = mkpages._RawHTMLPreprocessor()
    raw_html_ext._register(md)
    extract_anchors_ext = mkpages._ExtractAnchorsTreeprocessor(page.file, files, config)
    extract_anchors_ext._register(md)
    relative_path_ext = mkpages._RelativePathTreeprocessor(page.file, files, config)
    relative_path_ext._register(md)
    extract_title_ext = mkpages._ExtractTitleTreeprocessor()
    extract_title_ext._register(md)
    page.content = md.convert(page.markdown)
    page.toc = get_toc(getattr(md, "toc_tokens", []))
    page._title_from_render = extract_title_ext.title
    page.present_anchor_ids = extract_anchors_ext.present_anchor_ids | raw_html_ext.present_anchor_ids
    if mkpages.log.getEffectiveLevel() > logging.DEBUG:
        page.links_to_anchors = relative_path_ext.links_to_anchors


@contextmanager
def reused_markdown() -> Iterator[None]:
    """Pages rendered with one converter per configuration while inside."""
    original = mkpages.Page.render
    mkpages.Page.render = render  # type: ignore[method-assign]
    try:
        yield
    finally:
        mkpages.Page.render = original  # type: ignore[method-assign]
        _CONVERTERS.clear()
