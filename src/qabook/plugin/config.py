"""The plugin's options (`plugins: - qabook: {...}` in mkdocs.yml); guide/your-mkdocs-site.md, "Plugin options".

The defaults leave a site qabook is added to as it was: only its Q&A pages become qabook's.
qabook's own book and the books `qabook new` writes set `chapters: all`, `home`, `footer` and
`system_font`."""

from __future__ import annotations

from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError


class Chapters(c.BaseConfigOption[Any]):
    """`auto` (a folder whose pages all hold questions), `all` (every folder), or a list of folders."""

    def __init__(self, default: str = "auto") -> None:
        super().__init__()
        self.default = default

    def run_validation(self, value: object) -> str | list[str]:
        if value in ("auto", "all"):
            return str(value)
        if isinstance(value, list) and all(isinstance(v, str) and v.strip("/") for v in value):
            return [v.strip("/") for v in value]
        raise ValidationError("expected 'auto', 'all' or a list of folder names under docs/, "
                              f"got {value!r}")


class QabookConfig(Config):
    """The qabook plugin's options, typed; `enabled` first."""

    enabled = c.Type(bool, default=True)
    chapters = Chapters(default="auto")  # which folders of docs/ are chapters
    home = c.Type(bool, default=False)  # the home page is the book's: study panel, nav led by chapters, 404
    footer = c.Type(bool, default=False)  # qabook's footer line instead of Material's
    system_font = c.Type(bool, default=False)  # no web fonts (theme.font off), a system CJK font stack
    check = c.Type(bool, default=True)  # run the structure check during build and serve
    pdf = c.Type(bool, default=True)  # print the chapters and the book as PDF after the build
    pdf_dir = c.Type(str, default="pdf")  # where PDFs and exports go, relative to the site
    paper = c.Choice(("A4", "Letter"), default="A4")
    jobs = c.Type(int, default=2)  # PDFs rendered at once
    #: qabook's Chinese search; None (default): on unless Material's search plugin is configured
    search = c.Optional(c.Type(bool))
    study = c.Type(bool, default=True)  # self-test, progress, review and quiz pages (assets/study.js)
    exports = c.Type(bool, default=True)  # book.apkg and book.json next to the PDFs
    optional = c.ListOfItems(c.Type(str), default=[])  # block kinds not expected (`[explanation]`: no QA032/QI005)
    allow_html = c.ListOfItems(c.Type(str), default=[])  # raw HTML a trusted book may use (QA070)
    glossary = c.Type(str, default="glossary.yml")  # the author's term pairs for search, beside mkdocs.yml
    #: installable book (manifest, service worker, "whole book offline"); None (default): as `home`,
    #: on where the site is the book, off in a site qabook was added to (a worker would control it all)
    offline = c.Optional(c.Type(bool))
    book_id = c.Type(str, default="")  # the key of the learner's progress; empty: site_name (as before)
