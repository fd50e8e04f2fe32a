"""The book's id keys every learner's progress (study mode, in their browsers): the plugin's
`book_id`, else `site_name`. A renamed `site_name` with no `book_id` would start everyone's
progress over without a word: the build compares the id with the one the last build wrote
(the site folder's study data, or the project's own built site in `qabook serve`) and says so,
with what to write to keep the progress.

It says so at every build until the author acts, not only at the first: a build that warned
writes the id the progress was kept under beside the new one (`renamed_from` in the study
data), and the next build compares against that. Setting `book_id` (the old name keeps the
progress, the new one starts over on purpose) or renaming the site back ends it."""

from __future__ import annotations

import json
import re
from pathlib import Path

from qabook.plugin.site import STUDY_DIR

_STRING = r'("(?:[^"\\]|\\.)*")'
_BOOK = re.compile(r'^window\.QABOOK_STUDY=\{"book":' + _STRING + r'(?:,"renamed_from":' + _STRING + ')?')


def _built(site: Path | None) -> tuple[str | None, str | None]:
    """(the book id the study data in `site` was written with, the id it says the learners'
    progress is still kept under after a rename nobody settled); None where there is none."""
    if site is None:
        return None, None
    try:
        with open(site / STUDY_DIR / "study-index.js", encoding="utf-8") as f:
            head = f.read(8192)
    except (OSError, UnicodeDecodeError):
        return None, None
    match = _BOOK.match(head)
    try:
        return tuple(json.loads(g) if g else None for g in match.groups()) if match else (None, None)  # type: ignore[return-value]
    except ValueError:
        return None, None


def progress_id(site: Path | None) -> str | None:
    """The id the learners' progress is kept under, as the study data in `site` says: the id
    before a rename still unsettled, else the id it was written with."""
    book, renamed_from = _built(site)
    return renamed_from or book


def renamed_warning(before: str | None, site_name: str, book_id: str, config_file: str | None) -> str | None:
    """What to tell the author when the id taken from site_name is not `before`, the id the
    learners' progress is kept under (`progress_id`)."""
    if book_id or before is None or before == site_name:
        return None
    where = "mkdocs.yml"
    if config_file:
        where = Path(config_file).name
        try:
            lines = Path(config_file).read_text(encoding="utf-8").splitlines()
            line = next((n for n, text in enumerate(lines, 1) if text.startswith("site_name:")), 1)
            where = f"{where}:{line}:1"
        except (OSError, UnicodeDecodeError):
            pass
    return (f"{where}: site_name changed from {json.dumps(before, ensure_ascii=False)} to "
            f"{json.dumps(site_name, ensure_ascii=False)}: learners' study progress is kept under the book's id "
            f"(book_id, else site_name), so every learner would start over. To keep their progress, add to the "
            f"qabook plugin in mkdocs.yml:  book_id: {json.dumps(before, ensure_ascii=False)}  "
            f"(or book_id: {json.dumps(site_name, ensure_ascii=False)} to start over on purpose); "
            f"said at every build until one is set")
