"""Markdown the site generates from the book model: the home page's chapter list, PDF links.

PDF links are raw HTML: the PDFs are made after MkDocs has built the pages, so MkDocs'
link validation must not look for them among the docs.
"""

from __future__ import annotations

from qabook.model import Book


def chapter_listing(book: Book, pdf_dir: str | None = "pdf") -> str:
    chapters = [ch for ch in book.chapters if ch.topics]
    head = "| 章节 | 主题 | 题目 |" + (" PDF |" if pdf_dir else "")
    rows = [head, "|---|---:|---:|" + ("---|" if pdf_dir else "")]
    for ch in chapters:
        row = f"| [{ch.title}]({ch.slug}/index.md) | {len(ch.topics)} | {ch.question_count} |"
        if pdf_dir:
            row += f' <a href="{pdf_dir}/{ch.slug}.pdf" download>下载本章 PDF</a> |'
        rows.append(row)
    questions = sum(ch.question_count for ch in chapters)
    out = [f"全书 {len(chapters)} 章、{len(book.topics)} 个主题、{questions} 道题。", "", *rows]
    if pdf_dir:
        out += ["", f'<a class="md-button" href="{pdf_dir}/book.pdf" download>下载全书 PDF</a>']
    return "\n".join(out)


def pdf_link_markdown(chapter_slug: str, pdf_dir: str | None = "pdf") -> str:
    if not pdf_dir:
        return ""
    return (f'<a class="md-button" href="../{pdf_dir}/{chapter_slug}.pdf" download>下载本章 PDF</a> '
            f'<a class="md-button" href="print/">打印本章</a>')


def with_question_counts(markdown: str, counts: dict[str, int]) -> str:
    """On a chapter page, '- [标题](01-x.md)' becomes '- [标题](01-x.md) · 3 题' (counts by file name)."""
    import re

    def repl(m: "re.Match[str]") -> str:
        n = counts.get(m.group(2))
        return f"{m.group(0)} · {n} 题" if n is not None else m.group(0)

    return re.sub(r"^([-*] \[[^\]]*\]\(([^)#]+\.md)\))[ \t]*$", repl, markdown, flags=re.M)
