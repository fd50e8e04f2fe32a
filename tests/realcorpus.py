"""The real-document corpus of tests/corpus/ (format: tests/corpus/README.md), shared by
`test_import_realcorpus.py` and `benchmarks/import_corpus.py`: the rows, the importer run on a
file with no options, and the checks every import must pass (kept lossless, pages pass the check).
"""

from __future__ import annotations

import csv
import html
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from qabook.check import check_docs
from qabook.importer import plan_import, write_plan
from qabook.importer.shapes import LINKED_NUMBER_RE, numbering
from qabook.importer.units import generic_title
from qabook import vocabulary
from qabook.vocabulary import BLOCKS

MERGED_LABELS = getattr(vocabulary, "MERGED_LABELS", ("答案解析", "解答"))  # also measured on older importers
try:
    from qabook.importer.shapes import DECOR_RE
except ImportError:  # an importer from before pictographs were read as decoration
    DECOR_RE = None
try:
    from qabook.importer import shortcodes
except ImportError:  # an importer from before template tags were read (the benchmark measures older ones too)
    shortcodes = None

try:
    from qabook.importer.shapes import nowhere_link_words
except ImportError:  # an importer from before a link to nowhere was read as its words
    def nowhere_link_words(line: str) -> str:
        return line

CORPUS = Path(__file__).parent / "corpus"


@dataclass(frozen=True)
class Row:
    lang: str
    file: str
    path: Path
    expected: int
    split: str  # "dev" or "holdout"
    shape: str


def rows() -> list[Row]:
    out = []
    for index in sorted(CORPUS.glob("*/INDEX.tsv")):
        with index.open(encoding="utf-8") as f:
            for r in csv.DictReader(f, delimiter="\t"):
                expected = int(re.match(r"\d+", r["n_questions"]).group())
                out.append(Row(index.parent.name, r["file"], index.parent / r["file"], expected, r["split"],
                               r.get("shape", "")))
    return out


_LABELS_RE = re.compile(r"(?<![A-Za-z0-9])(?:" + "|".join(re.escape(w) for w in sorted(
    {w for b in BLOCKS for w in b.labels} | set(MERGED_LABELS), key=len, reverse=True)) + r")(?:s(?=\W|$)|\s+keys?\b)?(?:\s*\d+)?(?![A-Za-z])(?=\s*(?:\*\*)?\s*[:：.*\s\"]|$)",
    re.I)
# (a label word in the plural, '## Answers' over a key whose entries went to their questions, opens their answers)
#: An admonition's or a fenced div's type: '!!! note', '::: challenge', '::: {.callout-tip collapse="true"}',
#: ':::{exercise}' — the box shows it; its title after it is text.
# (its class words before a quoted title too, '!!! exercise choice "Title"': CSS classes, never shown)
_ADMONITION_RE = re.compile(r'^\s*(?:!!!|\?\?\?\+?|:::+)\s*(?:\{[^{}\n]*\}|[\w-]+(?:\s+[\w-]+)*(?=\s*")|[\w-]+)')
_URL_RE = re.compile(r"https?://[^\s\"'<>()\[\]]+")
_TOKEN_RE = re.compile(r"[A-Za-z]{2,}|\d+|[\u4e00-\u9fff]")  # words, numbers, Chinese characters


def _tokens(text: str) -> set[str]:
    text = _URL_RE.sub(" ", re.sub(r"\]\([^)\n]*\)|<[^>\n]*>", " ", text))  # link targets may be retargeted; tags markup
    text = html.unescape(text)  # '&lt;script&gt;' written in a source line may be '<script>' on the page
    return {t.lower() for t in _TOKEN_RE.findall(text)}


def _words_of(line: str) -> set[str]:
    """The words a source line must bring to its page: its label word, admonition type and
    question numbering ('Problem 3 —', '第 2 题') become the block or the page and are not text
    any more."""
    summary = re.fullmatch(r"\s*(?:<[^>]+>\s*)*<summary[^>]*>(?P<text>.*?)</summary>(?:\s*<[^>]+>)*\s*", line, re.I)
    if summary and generic_title(re.sub(r"<[^>]+>", "", summary["text"])):
        return set()  # 'Show answer' only says the answer is inside: the block's default title says it
    if shortcodes is not None and shortcodes.CLOSE_RE.match(line):
        return set()  # '{{< /expand >}}': the end of a block, shown by the block
    if shortcodes is not None and (tag := shortcodes.OPEN_RE.match(line)):
        title = shortcodes.tag_title(tag["args"])  # '{{< expand "Answer" >}}': its title is what the page shows
        return set() if generic_title(title) else _tokens(_LABELS_RE.sub(" ", title))
    line = _URL_RE.sub(" ", line)  # before the labels: '%E8%AE%A1' in a URL holds 'A1'
    core = re.sub(r"^\s*(?:#{1,6}\s+|(?:[-*+]|\d+[.)])\s+)?", "", line)
    if DECOR_RE is not None:  # '## 🔥 **18. …**': the pictograph decorates, the number after it is numbering
        core = DECOR_RE.sub("", core, count=1)
    core = LINKED_NUMBER_RE.sub(r"\g<lead>\g<n>", core, count=1)  # '**[1](ch01.md#q1).** …': a number, linked
    core = nowhere_link_words(core)  # '[[0.数据库范式有哪些？]]()': the words of a link to nowhere, numbered
    core = re.sub(r"^(?:\*\*|__|(?:<(?:p|b|strong|em|i)\b[^<>]*>\s*)+)", "", core)  # '**1. …', '<b>1. …'
    # a list item's or heading's number may become the question's number ('#### 07', '## Python Quiz 0001': a
    # heading's, as `shapes.numbering` reads a heading)
    found = numbering(core, heading=bool(re.match(r"^\s*#{1,6}\s", line)))
    line = found.title if found is not None else core
    return _tokens(_LABELS_RE.sub(" ", _ADMONITION_RE.sub(" ", line)))


@dataclass
class Outcome:
    count: int
    crashed: str = ""
    lost: list[int] | None = None  # source lines not kept exactly once
    check_errors: int = 0


def run(row: Row, check: bool = True) -> Outcome:
    """Import one file with no options; never raises."""
    text = row.path.read_text(encoding="utf-8")
    try:
        plan = plan_import(text, row.file, chapter="c")
    except Exception as exc:  # noqa: BLE001 - the test reports any crash
        return Outcome(-1, crashed=f"{type(exc).__name__}: {exc}")
    outcome = Outcome(plan.question_count, lost=lost_lines(text, plan))
    if check and plan.pages:
        with tempfile.TemporaryDirectory() as tmp:
            write_plan(plan, Path(tmp))
            outcome.check_errors = sum(1 for d in check_docs(Path(tmp)) if d.is_error)
    return outcome


def lost_lines(text: str, plan) -> list[int]:
    """Source lines that are not in exactly one page, or whose words that page does not hold
    (label words and numbering aside: a label becomes its block)."""
    if not plan.pages:
        return []  # nothing written (no questions): nothing lost
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    owners: dict[int, set[str]] = {}
    for page in plan.pages:
        for out in page.lines:
            for n in out.src:
                owners.setdefault(n, set()).add(page.rel)
    words = {p.rel: _tokens(p.text) for p in plan.pages}
    lost = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        pages = owners.get(n, set())
        if len(pages) != 1:
            lost.append(n)
            continue
        missing = _words_of(line) - words[next(iter(pages))]
        if missing:
            lost.append(n)
    return lost
