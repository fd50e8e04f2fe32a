"""`qabook pdf`: print chapters and the whole book as PDF with WeasyPrint.

An adapter: renders with the Markdown extensions of the project's mkdocs.yml (so the PDF
renders blocks exactly as the site does), assembles print HTML with `qabook.printbook`, and renders chapters in parallel.
Each PDF is written to a temporary file and renamed into place: no half-written PDF remains, after a
failure, a kill (the next run removes it) or a Ctrl+C.
"""

from __future__ import annotations

import logging
import os
import tempfile
import time
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from qabook.builddate import build_date
from qabook.config import Project
from qabook.model import Book, Chapter
from qabook.i18n import t
from qabook.pdfnames import book_pdf, book_slug, chapter_pdf
from qabook.printbook import print_document, whole_title
from qabook.render import for_print, markdown_renderer
from qabook.progress import Progress
from qabook.staging import owned_name, remove_stale, uninterrupted, worker_pool



@dataclass(frozen=True)
class PdfJob:
    name: str  # chapter slug, or "book"
    html: str
    out: Path
    base_url: str
    root: str  # the docs folder: the only place files are read from


def stylesheet(paper: str) -> str:
    from pygments.formatters import HtmlFormatter

    css = resources.files("qabook.assets").joinpath("pdf.css").read_text(encoding="utf-8")
    css = css.replace("var(--paper, A4)", paper)
    return css + "\n" + HtmlFormatter(style="friendly").get_style_defs(".highlight")


def local_only_fetcher(root: Path):
    """A WeasyPrint URL fetcher that reads only data: URLs and files inside `root` (the docs
    folder): a PDF never fetches from the network (privacy, no hangs offline) and never embeds a
    file from elsewhere on the machine. WeasyPrint ≥ 68 takes a `URLFetcher` object; older
    versions a function."""
    root = root.resolve()

    def allowed(url: str) -> None:
        if url.startswith("data:"):
            return
        if url.startswith("file:"):
            from urllib.parse import unquote, urlsplit

            path = Path(unquote(urlsplit(url).path)).resolve()
            if root in path.parents:
                return
        raise ValueError(f"not fetched (a PDF reads only files in the docs folder): {url}")

    try:
        from weasyprint.urls import URLFetcher
    except ImportError:  # WeasyPrint < 68
        from weasyprint import default_url_fetcher

        def fetch(url: str, timeout: int = 10, ssl_context: object = None) -> dict:
            allowed(url)
            return default_url_fetcher(url, timeout=timeout)

        return fetch

    class LocalOnly(URLFetcher):
        def fetch(self, url, headers=None):  # type: ignore[no-untyped-def]
            allowed(url)
            return super().fetch(url, headers)

    return LocalOnly(allowed_protocols={"file", "data"})


def render_job(job: PdfJob) -> tuple[str, Path, float, int]:
    """Render one PDF atomically; returns (name, path, seconds, pages)."""
    from weasyprint import HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    start = time.perf_counter()
    job.out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=owned_name(PART_PREFIX), suffix=PART_SUFFIX, dir=job.out.parent)
    os.close(fd)
    try:
        fetcher = local_only_fetcher(Path(job.root))
        document = HTML(string=job.html, base_url=job.base_url, url_fetcher=fetcher).render()
        document.write_pdf(tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, job.out)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return job.name, job.out, time.perf_counter() - start, len(document.pages)


def plan_jobs(project: Project, book: Book, out_dir: Path, chapters: list[str] | None, whole_book: bool,
              paper: str = "A4") -> list[PdfJob]:
    """The PDFs to make: the named chapters (plus the book with whole_book), only the book
    (whole_book alone), or every chapter and the book (neither)."""
    render = markdown_renderer(for_print(project))
    css = stylesheet(paper)
    title = project.site_name or "qabook"
    slug = book_slug(title)
    stamp = os.environ.get("QABOOK_PDF_STAMP") or f"{build_date().isoformat()} · qabook"
    real = book.printed_chapters
    by_slug = {ch.slug: ch for ch in real}
    unknown = [s for s in chapters or [] if s not in by_slug]
    if unknown:
        raise KeyError(f"no chapter named {', '.join(unknown)}; chapters: {', '.join(by_slug) or 'none'}")
    chosen: list[Chapter] = [by_slug[s] for s in chapters] if chapters else ([] if whole_book else real)
    base = project.docs_dir.resolve().as_uri() + "/"
    root = str(project.docs_dir.resolve())
    language = project.language
    topics: dict[str, str] = {}  # each topic rendered once, for its chapter's PDF and the book's
    jobs = []
    for ch in chosen:
        subtitle = t(language, "pdf.subtitle", topics=len(ch.topics), questions=ch.question_count)
        doc = print_document(book, [ch], render, book_title=title, subtitle=subtitle, stamp=stamp, css=css,
                             cache=topics, language=language)
        jobs.append(PdfJob(ch.slug, doc.html, out_dir / chapter_pdf(slug, ch.slug), base, root))
    if whole_book or not chapters:
        subtitle = t(language, "pdf.book_subtitle", chapters=len(real), topics=sum(len(ch.topics) for ch in real),
                     questions=sum(ch.question_count for ch in real))
        doc = print_document(book, real, render, book_title=whole_title(book, title, language), subtitle=subtitle,
                             stamp=stamp, css=css, cache=topics, language=language, whole=True)
        jobs.append(PdfJob("book", doc.html, out_dir / book_pdf(slug), base, root))
    return jobs


PART_PREFIX, PART_SUFFIX = ".qabook-pdf-", ".pdf.part"


def render_all(jobs: list[PdfJob], jobs_at_once: int, progress: Progress) -> list[str]:
    """Render every job; returns one error text per failed PDF (others are still written).

    `.part` files that a killed run left in the output folders are removed first. Several at
    once in `staging.worker_pool`'s workers, as the build's other pools: they die with this
    process and leave Ctrl+C to it; on a Ctrl+C (KeyboardInterrupt, raised on) they are ended
    and the `.part` files they were writing removed: the PDFs not finished are as they were."""
    folders = {job.out.parent for job in jobs}
    for folder in folders:
        remove_stale(folder, PART_PREFIX, PART_SUFFIX)
    errors: list[str] = []
    total = len(jobs)
    if jobs_at_once <= 1 or total <= 1:
        done = 0
        for job in jobs:
            try:
                name, out, secs, pages = render_job(job)
            except Exception as exc:  # noqa: BLE001 - reported per chapter, never a traceback
                errors.append(f"{job.name}: {_reason(exc)}")
                continue
            done += 1
            progress(f"pdf {done}/{total}: {name} → {out.name} ({pages} pages, {secs:.1f}s)")
        return errors
    done = 0
    try:
        with worker_pool(min(jobs_at_once, total)) as pool:
            for index, rendered, error in pool.imap_unordered(_render_reported, list(enumerate(jobs))):
                done += 1
                if error is not None:
                    errors.append(f"{jobs[index].name}: {error}")
                    progress(f"pdf {done}/{total}: {jobs[index].name} FAILED: {error}")
                    continue
                assert rendered is not None
                name, out, secs, pages = rendered
                progress(f"pdf {done}/{total}: {name} → {out.name} ({pages} pages, {secs:.1f}s)")
    finally:  # the workers are gone (leaving the pool ends them): what a cut-short one was writing goes too
        with uninterrupted():
            for folder in folders:
                remove_stale(folder, PART_PREFIX, PART_SUFFIX)
    return errors


def _render_reported(item: tuple[int, PdfJob]) -> tuple[int, tuple[str, Path, float, int] | None, str | None]:
    """In a worker: (the job's index, what `render_job` returns, None), or (index, None, why it
    failed): a failed PDF is the parent's to report, never an exception that has to cross back."""
    index, job = item
    try:
        return index, render_job(job), None
    except Exception as exc:  # noqa: BLE001 - reported per chapter, never a traceback
        return index, None, _reason(exc)


def _reason(exc: BaseException) -> str:
    """One line: the exception's kind and its first line of text."""
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0][:300] if text else 'no details'}"
