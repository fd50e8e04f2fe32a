"""The plugin's options (`plugins: - qabook: {...}` in mkdocs.yml); README "Plugin options"."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class QabookConfig(Config):
    """The qabook plugin's options, typed; `enabled` first."""

    enabled = c.Type(bool, default=True)
    check = c.Type(bool, default=True)  # run the structure check during build and serve
    pdf = c.Type(bool, default=True)  # print the chapters and the book as PDF after the build
    pdf_dir = c.Type(str, default="pdf")  # where PDFs and exports go, relative to the site
    paper = c.Choice(("A4", "Letter"), default="A4")
    jobs = c.Type(int, default=2)  # PDFs rendered at once
    search = c.Type(bool, default=True)  # qabook's Chinese search (replaces Material's search plugin)
    study = c.Type(bool, default=True)  # self-test, progress, review and quiz pages (assets/study.js)
    exports = c.Type(bool, default=True)  # book.apkg and book.json next to the PDFs
    allow_html = c.ListOfItems(c.Type(str), default=[])  # raw HTML a trusted book may use (QA070)
