"""Word lists and term pairs for search, all read at build time.

- `zh_words()`: Chinese words to segment a book's text with (CC-CEDICT's simplified
  headwords, data/cedict-words.tsv.gz, plus every Chinese term of the glossaries);
- `zh_senses()`: CC-CEDICT's plain English senses of its words (趋势 → trend, tendency), by
  which a learner's everyday English word finds the book's Chinese word;
- `word_pairs(pairs, words)`: the words of a compound term pair, aligned (图像分割 / image
  segmentation → 分割 / segmentation);
- `shipped_pairs()`: qabook's glossary of term pairs for its fields — its own
  (data/glossary-qabook.tsv) and CC-CEDICT's (data/glossary-cedict.tsv);
- `load_glossary(path)`: an author's glossary.yml (`term: other term` or `term: [a, b]`),
  with a diagnostic for each entry it cannot use;
- `mine_pairs(text)`: a book's own pairs, written as `自注意力（self-attention）`,
  `polymorphism（多态）`, `Principal Component Analysis (PCA)`.

A pair says two terms are the same thing; search finds either from the other (lexicon →
expand → the browser). Sources rank: the author's, then the book's, then qabook's, then
CC-CEDICT's field terms, then single words ("words": the aligned words of compound pairs and
CC-CEDICT's everyday senses); a source is used for a term only when no better one has a pair
for it in the book.
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from qabook.diagnostics import Diagnostic, Severity
from qabook.search.analyze import CJK, STOPWORDS, normalize

SOURCES = ("author", "book", "qabook", "cedict", "words")  # the order of trust
HAN_RE = re.compile(rf"^[{CJK}]+$")
LATIN_TERM_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 .+#/'_-]*$")
GLOSSARY_CODE = "QA080"


@dataclass(frozen=True)
class Pair:
    """Two terms for one thing (any languages); `source` is one of SOURCES."""

    a: str
    b: str
    source: str


def _data(name: str):
    return resources.files("qabook.search").joinpath("data", name)


@lru_cache(maxsize=1)
def shipped_pairs() -> tuple[Pair, ...]:
    pairs = []
    for name, source in (("glossary-qabook.tsv", "qabook"), ("glossary-cedict.tsv", "cedict")):
        for line in _data(name).read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            zh, english, *_ = line.split("\t")
            pairs.extend(Pair(zh, en.strip(), source) for en in english.split("|") if en.strip())
    return tuple(pairs)


@lru_cache(maxsize=1)
def _cedict_words() -> dict[str, tuple[str, ...]]:
    """CC-CEDICT's simplified words → their plain English senses (data/cedict-words.tsv.gz)."""
    with _data("cedict-words.tsv.gz").open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as f:
        rows = [line.split("\t") for line in f.read().splitlines() if line and not line.startswith("#")]
    return {row[0]: tuple(row[1].split("|")) if len(row) > 1 else () for row in rows}


def zh_senses() -> dict[str, tuple[str, ...]]:
    """Chinese word → its everyday English senses, CC-CEDICT's order (趋势 → trend, tendency)."""
    return _cedict_words()


@lru_cache(maxsize=1)
def zh_words() -> frozenset[str]:
    """Chinese words (simplified) that segmentation knows: CC-CEDICT's and the glossaries'."""
    words = set(_cedict_words())
    for p in shipped_pairs():
        for term in (p.a, p.b):
            if HAN_RE.match(term):
                words.add(normalize(term))
    return frozenset(words)


def load_glossary(path: Path, display: str | None = None) -> tuple[list[Pair], list[Diagnostic]]:
    """An author's glossary.yml: a mapping of a term to another term or a list of them."""
    import yaml

    shown = display or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return [], [Diagnostic(shown, 1, 1, GLOSSARY_CODE, f"glossary cannot be read ({exc}); it must be UTF-8 "
                               "YAML: `term: other term` or `term: [a, b]`", Severity.WARNING)]
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return [], [Diagnostic(shown, line, col, GLOSSARY_CODE, f"glossary is not valid YAML ({problem}); write "
                               "`term: other term` or `term: [a, b]`, one per line", Severity.WARNING)]
    if node is None:
        return [], []
    if not isinstance(node, yaml.MappingNode):
        return [], [Diagnostic(shown, node.start_mark.line + 1, node.start_mark.column + 1, GLOSSARY_CODE,
                               "glossary must be a mapping of terms (`生命周期: lifecycle`), not a "
                               f"{node.tag.rsplit(':', 1)[-1]}", Severity.WARNING)]
    pairs: list[Pair] = []
    found: list[Diagnostic] = []

    def bad(n: yaml.Node, message: str) -> None:
        found.append(Diagnostic(shown, n.start_mark.line + 1, n.start_mark.column + 1, GLOSSARY_CODE, message,
                                Severity.WARNING))

    for key, value in node.value:
        if not isinstance(key, yaml.ScalarNode) or not str(key.value).strip():
            bad(key, "a glossary term must be a word or phrase, e.g. `生命周期: lifecycle`")
            continue
        values = value.value if isinstance(value, yaml.SequenceNode) else [value]
        if not values:
            bad(value, f"'{key.value}' has no other term: write `{key.value}: other term` or a list")
        for v in values:
            if not isinstance(v, yaml.ScalarNode) or not str(v.value).strip() or v.tag.endswith(":null"):
                bad(v, f"'{key.value}': the other term must be a word or phrase, e.g. `{key.value}: lifecycle`")
                continue
            pairs.append(Pair(str(key.value).strip(), str(v.value).strip(), "author"))
    return pairs, found


_PAREN_RE = re.compile(r"[(（]([^()（）\n]{1,80})[)）]")
_BEFORE_HAN_RE = re.compile(rf"([{CJK}]+)\s*$")
_BEFORE_LATIN_RE = re.compile(r"((?:[A-Za-z][A-Za-z0-9.+#/'_-]*\s+){0,5}[A-Za-z][A-Za-z0-9.+#/'_-]*)\s*$")


def _han_term(run: str, known: frozenset[str]) -> str | None:
    """The term a Chinese run before a parenthesis ends with: its longest known suffix, else the
    whole run if short."""
    for n in range(min(len(run), 8), 1, -1):
        if run[-n:] in known:
            return run[-n:]
    return run if 2 <= len(run) <= 6 else None


def _acronym_phrase(words: list[str], acronym: str) -> str | None:
    """'… Principal Component Analysis' + 'PCA' → 'Principal Component Analysis'."""
    letters = acronym.lower()
    parts: list[str] = []
    initials = ""
    for word in reversed(words):
        parts.insert(0, word)
        initials = "".join(p[0].lower() for piece in parts for p in piece.split("-") if p)
        if len(initials) >= len(letters):
            break
    return " ".join(parts) if initials == letters else None


def mine_pairs(text: str) -> list[Pair]:
    """Pairs a book writes itself: a term followed by its other name in parentheses."""
    text = unicodedata.normalize("NFKC", text)
    known = zh_words()
    pairs: list[Pair] = []
    for m in _PAREN_RE.finditer(text):
        before = text[max(0, m.start() - 80):m.start()]
        inside = [p.strip(" *`") for p in re.split(r"[,，;；:：、]", m.group(1))]
        inside = [p for p in inside if p]
        terms: list[str] = []
        han = _BEFORE_HAN_RE.search(before)
        latin = _BEFORE_LATIN_RE.search(before.rstrip(" *`"))
        if han:
            term = _han_term(han.group(1), known)
            if term:
                terms.append(term)
        elif latin:
            words = latin.group(1).split()
            acronym = next((p for p in inside if re.fullmatch(r"[A-Z][A-Za-z]?[A-Z0-9]{1,6}s?", p)), None)
            phrase = _acronym_phrase(words, acronym) if acronym else None
            if phrase:
                terms.append(phrase)
            else:  # the last words up to a filler: 'ICMP Echo Request（请求报文）'
                tail: list[str] = []
                for w in reversed(words[-3:]):
                    if w.lower() in STOPWORDS:
                        break
                    tail.insert(0, w)
                if tail:
                    terms.append(" ".join(tail))
        for p in inside:
            if HAN_RE.match(p) and 2 <= len(p) <= 8:
                terms.append(p)
            elif LATIN_TERM_RE.match(p) and len(p.split()) <= 5 and len(p) >= 2:
                terms.append(p)
        han_terms = [t for t in terms if HAN_RE.match(t)]
        latin_terms = [t for t in terms if not HAN_RE.match(t)]
        pairs += [Pair(h, t, "book") for h in han_terms for t in latin_terms]
        pairs += [Pair(x, y, "book") for i, x in enumerate(latin_terms) for y in latin_terms[i + 1:]
                  if x.lower() != y.lower()]
    return pairs
