"""One Markdown converter per process instead of one per page (MkDocs makes a new one for every
page: a tenth of a build went to setting up the same extensions again).

`reused_markdown()` makes MkDocs' `Page.render` (1.6) reset and reuse a converter built once for
the configuration; the four helpers MkDocs registers per page (anchors, relative links, title,
raw-HTML ids) are registered again for each page, replacing the last page's. Python-Markdown
resets its extensions between documents (`Markdown.reset`); a test renders varied pages both
ways and requires the same HTML, contents, title and anchors (`tests/test_parallel_build.py`).

Highlighting does the same per code block: pymdownx looks a lexer up by name among Pygments'
≈ 500 (a linear search) and makes an HTML formatter, which builds its style's class table, for
every block. Inside `reused_markdown()` the lexer's class is found once per name (the same
class Pygments would find, given the block's options as before) and a formatter's class table
once per (formatter class, style, class prefix) — tables Pygments only reads once made.
"""

from __future__ import annotations

import logging
from contextlib import contextmanager
from typing import Any, Iterator

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
        with _highlighting_reused():
            yield
    finally:
        mkpages.Page.render = original  # type: ignore[method-assign]
        _CONVERTERS.clear()


@contextmanager
def _highlighting_reused() -> Iterator[None]:
    try:
        import pymdownx.highlight as highlight
        from pygments.formatters.html import HtmlFormatter
    except ImportError:  # (no highlighting configured or installed)
        yield
        return
    if not hasattr(highlight, "get_lexer_by_name"):
        yield
        return
    find_lexer = highlight.get_lexer_by_name
    make_tables = HtmlFormatter._create_stylesheet
    classes: dict[str, type] = {}
    tables: dict[tuple, tuple[dict, dict]] = {}

    def lexer_by_name(alias: str, **options: Any) -> Any:
        cls = classes.get(alias)
        if cls is None:
            lexer = find_lexer(alias, **options)  # (raises for an unknown name, as before)
            classes[alias] = type(lexer)
            return lexer
        return cls(**options)

    def stylesheet(self: Any) -> None:
        key = (type(self), self.style, self.classprefix)
        held = tables.get(key)
        if held is None:
            make_tables(self)
            tables[key] = (self.ttype2class, self.class2style)
        else:
            self.ttype2class, self.class2style = held

    highlight.get_lexer_by_name = lexer_by_name
    HtmlFormatter._create_stylesheet = stylesheet  # type: ignore[method-assign]
    try:
        yield
    finally:
        highlight.get_lexer_by_name = find_lexer
        HtmlFormatter._create_stylesheet = make_tables  # type: ignore[method-assign]
