"""The generated review (复习) and quiz (测验) pages: a title and a mount point for study.js."""

from __future__ import annotations

import json

REVIEW_PAGE = "study/review.md"
QUIZ_PAGE = "study/quiz.md"


def study_page_markdown(mode: str, title: str, needs_js: str) -> str:
    """mode: "review" or "quiz". study.js replaces the needs-JavaScript line with the page."""
    return (f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\nsearch:\n  exclude: true\n---\n\n# {title}\n\n"
            f'<div id="qa-study-app" data-mode="{mode}" markdown="0"><p>{needs_js}</p></div>\n')


def downloads_markdown(pdf_dir: str, language: str | None) -> str:
    """The home page's links to the Anki deck and the book as JSON (published beside the PDFs).

    Raw HTML: the files are written after MkDocs has built the pages, so its link check must
    not look for them among the docs.
    """
    from qabook import i18n

    return (f'<p class="qa-downloads" data-search-exclude><a class="md-button" href="{pdf_dir}/book.apkg" download>'
            f'{i18n.t(language, "study.download_anki")}</a> '
            f'<a class="md-button" href="{pdf_dir}/book.json" download>{i18n.t(language, "study.download_json")}</a></p>')
