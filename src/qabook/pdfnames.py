"""What the published PDFs are called: after the book and its chapters, so a downloaded file
says what it holds (`da-mo-xing-mian-shi-ti-xue-llm.pdf`, not `llm.pdf`)."""

from __future__ import annotations

from qabook.slug import slugify


def book_slug(site_name: str | None) -> str:
    """The book's name as a file-name slug (pinyin for Chinese); 'book' when it has none."""
    return slugify(site_name or "") or "book"


def book_pdf(slug: str) -> str:
    return f"{slug}.pdf"


def chapter_pdf(slug: str, chapter_slug: str) -> str:
    return f"{slug}-{chapter_slug}.pdf"
