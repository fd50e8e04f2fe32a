"""`qabook new DIR`: a new book that builds as it is, in the book's language.

Writes mkdocs.yml (Material + the qabook plugin, nothing else needed), docs/ with a home page
and one example chapter of one topic (none with `--empty`, for a book to `qabook import` into),
the same light/dark palette in every language,
and scripts/build, which runs the qabook that made the book. Never writes into a folder that
already holds files.
"""

from __future__ import annotations

import json
import shlex
import shutil
import sys
from pathlib import Path

from qabook.i18n import t
from qabook.textout import markdown_text

#: Per language: site name, home page, chapter title, topic page, build hint.
_TEXT = {
    "zh": {
        "site": "我的题库",
        "home": "# {site}\n\n按主题整理的问答。每道题先看**题目**，答案和解析默认折叠：先自己想，再展开核对。\n\n"
                "## 章节\n\n<!-- qabook:chapters -->\n",
        "chapter": "示例章节",
        "topic_title": "什么是间隔重复？",
        "question": "请解释什么是间隔重复（spaced repetition）。",
        "answer": "间隔重复是一种复习方法：一条知识在快要忘记时再复习，每次成功回忆后，下一次复习的间隔就拉长。",
        "explanation": "遗忘曲线表明记忆随时间衰减；在衰减到一定程度时复习，用最少的复习次数保持记忆。"
                       "Anki 等工具用 FSRS 之类的算法安排复习时间。",
        "tag": "学习方法",
    },
    "en": {
        "site": "My question book",
        "home": "# {site}\n\nQuestions by topic. Each question comes first; its answer and explanation stay "
                "folded until you have thought about it.\n\n## Chapters\n\n<!-- qabook:chapters -->\n",
        "chapter": "Example chapter",
        "topic_title": "What is spaced repetition?",
        "question": "Explain what spaced repetition is.",
        "answer": "A way of reviewing: you review an item just before you would forget it, and each successful "
                  "recall makes the next interval longer.",
        "explanation": "Memory decays along a forgetting curve; reviewing at the right moment keeps an item with the "
                       "fewest reviews. Tools such as Anki schedule reviews with algorithms like FSRS.",
        "tag": "learning",
    },
}


class ScaffoldError(Exception):
    """The target folder cannot take a new book."""


#: What a book folder collects that is no source of the book, each rebuilt by a command: the
#: site (`qabook build`, `mkdocs build`) with its build's temporary folders and lock, the pages
#: `qabook import --preview` writes into the current folder, the PDFs the README's print step
#: writes (`qabook pdf --out pdfs`) and the exports the study guide names (`qabook export anki
#: --out book.apkg`, `… json --out book.json`).
GITIGNORE = """\
# written by qabook's commands, rebuilt at will
site/
.site-*/
.site.lock
*.preview.html
pdfs/
/book.apkg
/book.json
"""


def languages() -> list[str]:
    return sorted(_TEXT)


def build_script(qabook: Path | None) -> str:
    """scripts/build: runs the qabook this book was made with (`qabook`), else the one on PATH."""
    made_with = shlex.quote(str(qabook)) if qabook else "''"
    return ("#!/bin/sh\n# Check the pages, then build the site and its PDFs into site/.\n"
            "cd \"$(dirname \"$0\")/..\" || exit 2\n"
            f"QABOOK=\"${{QABOOK:-{made_with}}}\"  # the qabook this book was made with; override with QABOOK=…\n"
            "if [ ! -x \"$QABOOK\" ]; then\n"
            "  QABOOK=$(command -v qabook) || {\n"
            "    echo 'qabook not found: install it from your clone of the qabook repository (pip install /path/to/qabook; it is not on PyPI) or set QABOOK=/path/to/bin/qabook' >&2\n"
            "    exit 2\n  }\nfi\n"
            "exec \"$QABOOK\" build \"$@\"\n")


def palette_lines(language: str) -> list[str]:
    """theme.palette of every new book, whatever its language: light and dark, following the
    reader's system setting, with the header's toggle between them titled in the book's language."""
    lines = ["  palette:  # light and dark: the reader's system setting, and a toggle in the header"]
    for media, scheme, icon, key in (("light", "default", "weather-night", "palette.to_dark"),
                                     ("dark", "slate", "weather-sunny", "palette.to_light")):
        lines += [f'    - media: "(prefers-color-scheme: {media})"', f"      scheme: {scheme}",
                  "      primary: indigo", "      accent: indigo", "      toggle:",
                  f"        icon: material/{icon}", f"        name: {json.dumps(t(language, key), ensure_ascii=False)}"]
    return lines


def running_qabook() -> Path | None:
    """The `qabook` command beside the running Python (its virtual environment), if any."""
    beside = Path(sys.executable).with_name("qabook")
    found = beside if beside.is_file() else (Path(w) if (w := shutil.which("qabook")) else None)
    return found.absolute() if found else None


def new_book(target: Path, language: str = "zh", site_name: str | None = None, *, empty: bool = False) -> list[Path]:
    """Write a new book into `target` (created; must be empty if it exists); returns the files.
    `empty`: no example chapter (the book waits for `qabook import`)."""
    if language not in _TEXT:
        raise ScaffoldError(f"no example text for language '{language}': choose one of {', '.join(languages())}")
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ScaffoldError(f"{target} already exists and is not an empty folder: choose a new folder")
    text = _TEXT[language]
    if site_name is not None:
        site_name = " ".join(site_name.split())  # one line, no control characters
        if not site_name or not any(ch.isprintable() and not ch.isspace() for ch in site_name):
            raise ScaffoldError("--title is blank: give the book a name (it becomes site_name and the home page's title)")
    site = site_name or text["site"]
    files = {
        "mkdocs.yml": "\n".join([
            f"site_name: {json.dumps(site, ensure_ascii=False)}",
            "theme:",
            "  name: material",
            f"  language: {language}",
            "  font: false  # no web fonts: nothing loads from another host",
            "  features:",
            "    - navigation.indexes  # a chapter's page is its section in the navigation",
            *palette_lines(language),
            "plugins:",
            "  - qabook:  # blocks, search, print, study mode, PDFs: see the qabook README",
            "      chapters: all  # every folder of docs/ is a chapter",
            "      home: true  # the home page is the book's front page (study panel)",
            "      footer: true  # qabook's footer line",
            "      system_font: true  # no web fonts",
            "markdown_extensions:",
            "  - toc:",
            "      permalink: true",
            "  - attr_list",
            "  - md_in_html",
            "  - tables",
            "  - pymdownx.superfences",
            "  - pymdownx.arithmatex:",
            "      generic: true",
            "",
        ]),
        "docs/index.md": text["home"].format(site=markdown_text(site)),
        "docs/example/index.md": f"# {text['chapter']}\n\n<!-- qabook:pdf -->\n\n- [{text['topic_title']}](01-example.md)\n",
        "docs/example/01-example.md": "\n".join([
            "---", "id: example-spaced-repetition", f"tags: [{text['tag']}]", "---", "",
            f"# {text['topic_title']}", "",
            "/// question", text["question"], "///", "",
            "/// answer", text["answer"], "///", "",
            "/// explanation", text["explanation"], "///", "",
        ]),
        "scripts/build": build_script(running_qabook()),
        ".gitignore": GITIGNORE,
    }
    if empty:
        files = {rel: text for rel, text in files.items() if not rel.startswith("docs/example/")}
    written = []
    for rel, content in files.items():
        path = target / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
        written.append(path)
    (target / "scripts" / "build").chmod(0o755)
    return written
