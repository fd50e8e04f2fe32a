"""Study mode in the site: the review and quiz pages, the progress panel's place on the home
and chapter pages, and the data scripts study.js reads (written after the build)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from qabook import i18n
from qabook.model import Book
from qabook.plugin.preview import Rendered, questions_of
from qabook.plugin.site import STUDY_CARDS, STUDY_DIR
from qabook.study import (QUIZ_PAGE, REVIEW_PAGE, QuestionHtml, StudyTopic, card_files, chapter_cards, index_script,
                          study_page_markdown, write_cards_script)

#: Where study mode puts its progress panel: the page keeps the room, so nothing shifts when it comes.
PROGRESS_SLOT = '<div class="qa-progress-slot" aria-hidden="true"></div>'


def add_study_pages(files: Files, config: MkDocsConfig, language: str | None) -> dict[str, File]:
    """The review and quiz pages (not in the navigation); returns them by mode."""
    pages = {}
    for mode, path in (("review", REVIEW_PAGE), ("quiz", QUIZ_PAGE)):
        text = study_page_markdown(mode, i18n.t(language, f"study.{mode}"), i18n.t(language, "study.needs_js"))
        file = File.generated(config, path, content=text, inclusion=InclusionLevel.NOT_IN_NAV)
        files.append(file)
        pages[mode] = file
    return pages


#: Room for the self-test toolbar study.js puts before a topic page's first question.
TOOLBAR_SLOT = '<div class="qa-toolbar-slot" aria-hidden="true"></div>'
_FIRST_QUESTION = '<div class="admonition question"'


def with_toolbar_slot(html: str) -> str:
    """A topic page keeps the room for its toolbar: nothing shifts when study.js adds it."""
    return html.replace(_FIRST_QUESTION, TOOLBAR_SLOT + _FIRST_QUESTION, 1)


def with_progress_slot(html: str, home: bool) -> str:
    """Room for the progress panel under the page's title."""
    slot = PROGRESS_SLOT.replace("qa-progress-slot", "qa-progress-slot qa-progress-slot--home") if home \
        else PROGRESS_SLOT
    return html.replace("</h1>", "</h1>" + slot, 1)


def write_study_data(site: Path, book_id: str, language: str | None, book: Book, files: Files | None,
                     study_files: dict[str, File], rendered: dict[str, Rendered], *,
                     home: bool, renamed_from: str | None = None) -> dict[str, tuple[str, dict[str, QuestionHtml]]]:
    """study-index.js (every page) and study-cards/<n>.js per chapter (review and quiz pages, the
    chapters they need; files of chapters no longer there removed). Every Q&A page is
    a topic (those of no chapter with chapter ""); `home`: the home page shows the book's panel
    (and the badges are painted on every page), else study mode keeps to the Q&A pages;
    `book_id` keys the learner's progress (option book_id, else the site name; `renamed_from`:
    the id it was kept under before a rename not yet settled, `book_identity`). Returns, by
    chapter slug, its cards' file (site path) and its cards by key, for the print pages."""
    by_src = {f.src_uri: f for f in files} if files is not None else {}
    studied = [(chapter, index) for chapter in book.printed_chapters  # the chapters with topics, and a chapter page
               if (index := by_src.get(f"{chapter.slug}/index.md")) is not None]
    chapters = [{"slug": chapter.slug, "title": chapter.title, "url": index.url} for chapter, index in studied]
    topics = []
    for slug, members in [*((chapter.slug, chapter.topics) for chapter, _ in studied), ("", book.loose_topics)]:
        for topic in members:
            file = by_src.get(topic.rel)
            if file is None or not topic.id:
                continue
            tags = topic.meta.get("tags") if isinstance(topic.meta.get("tags"), list) else []
            questions = questions_of(topic.rel, rendered[topic.rel].html) if topic.rel in rendered else []
            topics.append(StudyTopic(topic.id, file.url, topic.title or topic.rel, slug,
                                     [str(t) for t in tags], questions))
    home_file = by_src.get("index.md")
    pages = {m: f.url for m, f in study_files.items()}
    if home:
        pages["home"] = home_file.url if home_file else ""
    out = site / STUDY_DIR
    out.mkdir(parents=True, exist_ok=True)
    files_of = card_files(topics)
    (out / "study-index.js").write_text(
        index_script(book_id, i18n.strings(language), chapters, topics, pages, cards=files_of,
                     renamed_from=renamed_from), encoding="utf-8")
    folder = site / STUDY_CARDS
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.js"):
        if old.name not in files_of.values():
            old.unlink()
    written = {}
    for chapter, name in files_of.items():
        members = [t for t in topics if t.chapter == chapter]
        with open(folder / name, "wb") as cards:
            write_cards_script(cards, chapter, members)
        written[chapter] = (STUDY_CARDS + name, chapter_cards(members))
    return written
