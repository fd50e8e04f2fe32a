"""The book's words, and what else a learner may type for them: tables made at build time.

The browser looks a query up in the term index first (exact matches). What it does not find
there, and every query's words in the other language, it looks up in these tables, which all
lead to words *of this book*:

- `x` shards (key → the book's terms), one table for
  - the book's Chinese words (and a word joined to a lone character beside it: 状态码) by the
    initials of their pinyin, `^smzq` → `生命周期 shengmingzhouqi`, most frequent first
    (pypinyin, phrase-aware): initials, full pinyin and homophone slips all look here;
  - term pairs (lexicon: author's glossary.yml, the book's own `术语（term）` pairs, qabook's
    glossary, CC-CEDICT's field terms) keyed by either side, kept when the other side is a word
    of the book; and single words: the aligned words of those pairs' compound terms (图像分割 /
    image segmentation → 分割 / segmentation) and CC-CEDICT's everyday senses of the book's
    Chinese words (趋势 → trend), for the words a learner types alone;
  an English key is its words without fillers (`question and answer` → `question answer`); a
  key is looked up by its head (`head`), so a query needs few shards;
- `v` files (first letter → the book's Latin words by length): candidates for a mistyped word;
- `zh.js` (loaded only when a Chinese query misses): OpenCC's traditional → simplified table
  and the pinyin of common characters, for queries in traditional characters and homophone
  slips (声明周期 → shengmingzhouqi → 生命周期).

Chinese text is segmented by forward maximum matching over CC-CEDICT's words and the
glossaries' terms, and a word inside a compound where forward and backward matching agree
(自注意力机制 → 自|注意力|机制, but not 浮点数 → 浮点|数 or 浮|点数): `fine_bounds`. A word of the
book is a span between those boundaries; a Chinese target that also occurs in a document only
across them (点数 inside 浮点数) carries that document as an exception (`target|-<ids>`: the
documents' numbers as `digits.encode_ids` text, 3, 7 → `&'`), so that
an expansion matches the way the segmenter reads the page. Per-document work is cached on the
document (a live preview redoes only the pages it rendered again), or, for a big book, done
in worker processes that add up their documents (`PARALLEL_MIN_DOCS`); a one-off build's
converting workers do it as they make the documents, and the index reads their sums (`BookStats`).
"""

from __future__ import annotations

import json
import math
import os
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Sequence

from qabook.search.analyze import (FILLERS_ZH, STOPWORDS, TOKEN_RE, analyze, is_latin, normalize,
                                   shard_of, stem, t2s_table)
from qabook.search.digits import encode_ids
from qabook.search.extract import SearchDoc
from qabook.search.lexicon import HAN_RE, SOURCES, Pair, mine_pairs, shipped_pairs, zh_senses, zh_words

MAX_WORD = 8  # longest word segmentation tries
TARGETS = 4  # most targets kept for one key
SHARD_BYTES = 24_000


def _js(kind: str, *args: object) -> bytes:
    payload = ",".join(json.dumps(a, ensure_ascii=False, separators=(",", ":")) for a in args)
    return f"qabookSearch.{kind}({payload});\n".encode("utf-8")


def head(key: str) -> str:
    """What a key's shard is chosen by — the browser computes it the same way from a candidate key."""
    if key[0] == "^":
        return key[:3]
    if is_latin(key):
        return key.split(" ", 1)[0]
    return key[:2]


def latin_key(term: str) -> str:
    """An English term as a key: its words (analysed) without fillers, unless it is all fillers."""
    words = analyze(term)
    return " ".join([w for w in words if w not in STOPWORDS] or words)


def segment(run: str, words: frozenset[str], longest: int = MAX_WORD) -> list[str]:
    """Forward maximum matching; characters no word starts with stand alone."""
    out, i = [], 0
    while i < len(run):
        for n in range(min(longest, len(run) - i), 0, -1):
            if n == 1 or run[i:i + n] in words:
                out.append(run[i:i + n])
                i += n
                break
    return out


def _segment_back(run: str, words: frozenset[str], longest: int) -> list[str]:
    """Backward maximum matching."""
    out, j = [], len(run)
    while j > 0:
        for n in range(min(longest, j), 0, -1):
            if n == 1 or run[j - n:j] in words:
                out.insert(0, run[j - n:j])
                j -= n
                break
    return out


_INNER: dict[tuple[int, str], frozenset[int]] = {}


def inner_bounds(word: str, words: frozenset[str], key: int = 0) -> frozenset[int]:
    """Where a word splits into smaller words: the split points that forward and backward
    matching (over shorter words, recursively) both make. 自注意力机制 → {1, 4}; 浮点数 → {}."""
    if len(word) < 3:
        return frozenset()
    cached = _INNER.get((key, word))
    if cached is not None:
        return cached
    found = []
    for parts in (segment(word, words, len(word) - 1), _segment_back(word, words, len(word) - 1)):
        points, at = set(), 0
        for part in parts:
            points |= {at + b for b in inner_bounds(part, words, key)}
            at += len(part)
            points.add(at)
        found.append(points - {len(word)})
    out = frozenset(found[0] & found[1])
    if len(_INNER) > 500_000:
        _INNER.clear()
    _INNER[(key, word)] = out
    return out


_REACH: list = [None, {}]  # (the word list, its reach table): the one being used


def _add_reach(reach: dict[str, int], words: "frozenset[str] | set[str]") -> dict[str, int]:
    for w in words:
        if 2 <= len(w) <= MAX_WORD and reach.get(w[:2], 0) < len(w):
            reach[w[:2]] = len(w)
    return reach


@lru_cache(maxsize=1)
def _dictionary_reach(dictionary: frozenset[str]) -> dict[str, int]:
    return _add_reach({}, dictionary)


def _reach(words: frozenset[str]) -> dict[str, int]:
    """A word list's first two characters → the longest of its words (up to MAX_WORD characters)
    that begins with them: where a run can hold no word, nothing more is looked up. The
    dictionary's table is made once per process (0.07 s); a build's list (the dictionary and
    the book's terms) copies it and adds its own, before its workers fork."""
    dictionary = zh_words()
    if words is dictionary:  # (the dictionary alone: BookStats, and a document segmented again beside a build's list)
        return _dictionary_reach(dictionary)
    if _REACH[0] is not words:
        extra = words - dictionary
        if len(words) - len(extra) == len(dictionary):  # (the dictionary and more)
            reach = _add_reach(dict(_dictionary_reach(dictionary)), extra)
        else:
            reach = _add_reach({}, words)
        _REACH[:] = [words, reach]
    return _REACH[1]


def _starts(run: str, words: frozenset[str]) -> list[list[int]]:
    """For each position of a run, the lengths (2 to MAX_WORD, ascending) of the words of the
    list that begin there: every dictionary look-up the segmentations and the loose words need."""
    length, out = len(run), []
    for a, top in enumerate(map(_reach(words).get, [run[a:a + 2] for a in range(length)])):
        if top:
            top = min(top, length - a)
            out.append([n for n in range(2, top + 1) if run[a:a + n] in words])
        else:
            out.append([])
    return out


def _segments(run: str, starts: list[list[int]], backward: bool) -> list[str]:
    """Maximum matching over the words `_starts` found, forward or backward: what `segment` and
    `_segment_back` give with MAX_WORD."""
    out: list[str] = []
    if not backward:
        i = 0
        while i < len(run):
            n = starts[i][-1] if starts[i] else 1
            out.append(run[i:i + n])
            i += n
        return out
    ends: list[int] = [1] * (len(run) + 1)  # the longest word ending at each position (1: none)
    for a, lengths in enumerate(starts):
        for n in lengths:
            if n > ends[a + n]:
                ends[a + n] = n
    j = len(run)
    while j > 0:
        out.append(run[j - ends[j]:j])
        j -= ends[j]
    out.reverse()
    return out


def _bounds(segs: list[str], words: frozenset[str], key: int) -> list[int]:
    """Every word boundary of segments in a row: between them and inside them (`inner_bounds`)."""
    bounds, at = [0], 0
    for seg in segs:
        if len(seg) > 2:
            bounds += sorted(at + b for b in inner_bounds(seg, words, key))
        at += len(seg)
        bounds.append(at)
    return bounds


def fine_bounds(run: str, words: frozenset[str], key: int = 0, backward: bool = False) -> tuple[list[str], list[int]]:
    """(the run's segments, every word boundary in it: between segments and inside them), by
    forward (or backward) maximum matching."""
    segs = _segments(run, _starts(run, words), backward)
    return segs, _bounds(segs, words, key)


def word_pairs(pairs: "list[Pair] | tuple[Pair, ...]", words: frozenset[str], key: int = 0) -> list[Pair]:
    """The aligned words of compound term pairs: a Chinese term that splits into as many words
    as its English term has (no filler among them) pairs them in order — 差分隐私 / differential
    privacy → 隐私 / privacy, 图像分割 / image segmentation → 分割 / segmentation (source "words")."""
    out: list[Pair] = []
    for pair in pairs:
        zh, en = (pair.a, pair.b) if HAN_RE.match(pair.a) else (pair.b, pair.a)
        if not HAN_RE.match(zh) or HAN_RE.match(en):
            continue
        tokens = [m.group() for m in TOKEN_RE.finditer(normalize(en))]
        if len(tokens) < 2 or any(not is_latin(t) or t in STOPWORDS or stem(t) in STOPWORDS for t in tokens):
            continue
        zh = normalize(zh)
        bounds = sorted(set(fine_bounds(zh, words, key)[1]))
        parts = [zh[a:b] for a, b in zip(bounds, bounds[1:])]
        if len(parts) != len(tokens):
            continue
        out += [Pair(part, token, "words") for part, token in zip(parts, tokens)
                if len(part) > 1 and len(token) > 2 and token.isalpha()]
    return out


def _runs(doc: SearchDoc) -> list[str]:
    cached = doc.__dict__.get("_zh_runs")
    if cached is None:
        text = normalize(" ".join(doc.fields.values()))
        cached = [m.group() for m in TOKEN_RE.finditer(text) if not is_latin(m.group()) and len(m.group()) > 1]
        doc.__dict__["_zh_runs"] = cached
    return cached


def _mined(doc: SearchDoc) -> list[Pair]:
    cached = doc.__dict__.get("_mined")
    if cached is None:
        cached = mine_pairs(" ".join(doc.fields.get(f, "") for f in ("question", "answer", "explanation", "body")))
        doc.__dict__["_mined"] = cached
    return cached


_FILLER_CHARS = frozenset(f for f in FILLERS_ZH if len(f) == 1)


def _phrases(doc: SearchDoc, words: frozenset[str], key: int) -> tuple[Counter[str], set[str], set[str]]:
    """(phrases: the doc's words — segments, the words inside them where the segmenter splits
    them, and a word joined to a lone character beside it: 状态码, 懒加载 — counted; pieces: every
    span between word boundaries of up to MAX_WORD characters, what a glossary term may be;
    loose: the words of the dictionary that occur in the doc only across word boundaries, 点数 in
    浮点数). Each run's share depends on the run alone (`_run_words`): the document adds them up."""
    cached = doc.__dict__.get("_phrases")
    if cached is not None and cached[0] == key:
        return cached[1], cached[2], cached[3]
    memo = _run_memo(words, key)
    said: list[str] = []
    pieces: set[str] = set()
    loose: set[str] = set()
    for run in _runs(doc):
        found = memo.get(run)
        if found is None:
            if len(memo) >= RUN_MEMO:
                memo.clear()
            found = memo[run] = _run_words(run, words, key)
        said += found[0]
        pieces |= found[1]
        if found[2]:
            loose |= found[2]
    phrases = Counter(said)
    loose -= pieces
    doc.__dict__["_phrases"] = (key, phrases, pieces, loose)
    return phrases, pieces, loose


#: Most runs a process keeps the words of (`_run_memo`); then it starts again.
RUN_MEMO = 4096  # (≈ 2.5 KB a run of real text: ≈ 10 MB at most)
_MEMOS: dict[tuple[int, int], tuple[frozenset[str], dict]] = {}  # (id(words), key) → (words, run → its words)


def _run_memo(words: frozenset[str], key: int) -> dict[str, tuple[list[str], set[str], set[str]]]:
    """This word list's memo of runs (`_run_words`), kept per process: a run that occurs again —
    in another document, page or chunk of the worker — is not segmented again. The list itself is
    held beside it (its id is not reused while it is); at most two lists are kept (a build's and
    the dictionary's, between which `_from_stats` goes)."""
    slot = (id(words), key)
    held = _MEMOS.get(slot)
    if held is None or held[0] is not words:
        if len(_MEMOS) >= 2:
            _MEMOS.clear()
        held = _MEMOS[slot] = (words, {})
    return held[1]


def _run_words(run: str, words: frozenset[str], key: int) -> tuple[list[str], set[str], set[str]]:
    """One run's share of `_phrases`: (its phrases, each occurrence once; its pieces, its phrases
    among them; its loose words, not yet less the document's pieces)."""
    phrases: list[str] = []
    pieces: set[str] = set()
    loose: set[str] = set()
    starts = _starts(run, words)  # (every dictionary look-up of this run, done once)
    f_segs, b_segs = _segments(run, starts, False), _segments(run, starts, True)
    forward = (f_segs, _bounds(f_segs, words, key))
    # (the same segments read backward add nothing: every span is already seen or counted)
    readings = (forward,) if b_segs == f_segs else (forward, (b_segs, _bounds(b_segs, words, key)))
    seen: set[tuple[int, int]] = set()  # a word both readings make counts once
    for segs, bounds in readings:
        at = 0
        for i, seg in enumerate(segs):
            if len(seg) == 2:  # (the whole segment is its one word)
                if (at, at + 2) not in seen and not _FILLER_CHARS.issuperset(seg):
                    seen.add((at, at + 2))
                    phrases.append(seg)
            elif len(seg) > 2:
                # (its bounds strictly inside it: fine_bounds made them so)
                cuts = [0, *sorted(inner_bounds(seg, words, key)), len(seg)]
                for x, a in enumerate(cuts):
                    for b in cuts[x + 1:]:
                        whole = (a, b) == (0, len(seg))
                        # the words inside a compound are the book's words too: 自注意力机制 → 注意力, 机制
                        if b - a > 1 and (whole or seg[a:b] in words) and (at + a, at + b) not in seen \
                                and not _FILLER_CHARS.issuperset(seg[a:b]):
                            seen.add((at + a, at + b))
                            phrases.append(seg[a:b])
            if i + 1 < len(segs):
                nxt = segs[i + 1]
                if (len(seg) == 1) != (len(nxt) == 1) and not ({seg, nxt} & _FILLER_CHARS) \
                        and (at, at + len(seg) + len(nxt)) not in seen:
                    seen.add((at, at + len(seg) + len(nxt)))
                    phrases.append(seg + nxt)
            at += len(seg)
        edges = sorted(set(bounds))
        for x, a in enumerate(edges):
            for b in edges[x + 1:]:
                if b - a > MAX_WORD:
                    break
                if b - a > 1:
                    pieces.add(run[a:b])
    # a dictionary word that neither reading puts between word boundaries here
    f_edges, b_edges = set(readings[0][1]), set(readings[-1][1])
    for a, lengths in enumerate(starts):
        for n in lengths:
            if not ((a in f_edges and a + n in f_edges) or (a in b_edges and a + n in b_edges)):
                loose.add(run[a:a + n])
    pieces.update(phrases)
    return phrases, pieces, loose  # (kept in the memo: read, never changed)


@lru_cache(maxsize=1)
def _pinyin_module():
    import pypinyin

    return pypinyin


@lru_cache(maxsize=200_000)
def pinyin_of(phrase: str) -> tuple[str, ...] | None:
    """Toneless pinyin of a Chinese phrase (phrase-aware readings), one syllable per character."""
    pypinyin = _pinyin_module()
    syllables = pypinyin.lazy_pinyin(phrase, style=pypinyin.Style.NORMAL, errors="ignore")
    if len(syllables) != len(phrase) or not all(s.isascii() and s.isalpha() for s in syllables):
        return None
    return tuple(syllables)


@lru_cache(maxsize=1)
def common_chars() -> str:
    """The characters of GB 2312 (the common simplified ones), in code point order."""
    out = []
    for code in range(0x4E00, 0xA000):
        try:
            chr(code).encode("gb2312")
            out.append(chr(code))
        except UnicodeEncodeError:
            pass
    return "".join(out)


def zh_script(book_chars: set[str]) -> bytes:
    """zh.js: t2s pairs as one string, and characters grouped by their (first) toneless syllable."""
    pairs = "".join(chr(t) + s for t, s in t2s_table().items() if t < 0x10000 and ord(s) < 0x10000)
    by_syllable: dict[str, list[str]] = defaultdict(list)
    for ch in sorted(set(common_chars()) | {c for c in book_chars if "\u4e00" <= c <= "\u9fff"}):
        syllable = pinyin_of(ch)
        if syllable:
            by_syllable[syllable[0]].append(ch)
    return _js("zh", {"t2s": pairs, "pinyin": {s: "".join(cs) for s, cs in sorted(by_syllable.items())}})


def syllables() -> list[str]:
    """Every toneless syllable of the common characters (for the browser's pinyin segmentation)."""
    out = set()
    for ch in common_chars():
        s = pinyin_of(ch)
        if s:
            out.add(s[0])
    return sorted(out)


#: From this many documents on, the per-document work runs in worker processes (fork only).
PARALLEL_MIN_DOCS = 2000
_DOCS: list[SearchDoc] = []  # what forked workers read (set before forking)
_ARGS: tuple = ()  # and the arguments after the span (the word list: inherited, not pickled per task)
_CACHED = ("_zh_runs", "_mined", "_phrases")  # what one document yields, kept on it (see _mapped)


def _task(fn, span: tuple[int, int]):
    """fn over one span, in a worker: what each document yielded is dropped once added up."""
    out = fn(span, *_ARGS)
    for d in _DOCS[span[0]:span[1]]:
        for name in _CACHED:
            d.__dict__.pop(name, None)
    return out


def _pairs_of(span: tuple[int, int]) -> list[Pair]:
    return [p for d in _DOCS[span[0]:span[1]] for p in _mined(d)]


def _stats_of(span: tuple[int, int], words: frozenset[str], key: int) -> tuple[Counter, set, Counter, set, list]:
    """(phrases, pieces, Latin word → documents, characters) of some documents, added up, and
    each document's loose words (`_phrases`), in order."""
    loose: list[set[str]] = []
    phrases: Counter[str] = Counter()
    pieces: set[str] = set()
    latin_docs: Counter[str] = Counter()  # Latin word → documents holding it
    book_chars: set[str] = set()
    for d in _DOCS[span[0]:span[1]]:
        p, pc, lo = _phrases(d, words, key)
        phrases.update(p)
        pieces |= pc
        loose.append(lo)
        # (is_latin, written inline: a call per term was a tenth of the documents' work)
        latin_docs.update(_latin_words(d))
        for run in _runs(d):
            book_chars.update(run)
    return phrases, pieces, latin_docs, book_chars, loose


def _mapped(docs: list[SearchDoc], fn, *args) -> list:
    """fn over spans of the documents, in order: in `jobs` forked processes for a big book (each
    adds up its documents; what one document yields is not kept; `args`, the word list, are
    inherited by the fork, not pickled with each task), else here (and kept on each
    document, for a live preview's next build)."""
    global _DOCS, _ARGS
    from qabook.cpus import available_cores

    jobs = available_cores()
    _DOCS, _ARGS = docs, args
    try:
        if jobs > 1 and len(docs) >= PARALLEL_MIN_DOCS:
            size = max(1, min(500, len(docs) // (jobs * 4)))
            spans = [(k, min(len(docs), k + size)) for k in range(0, len(docs), size)]
            from qabook.staging import worker_pool

            with worker_pool(jobs) as pool:
                return pool.starmap(_task, [(fn, span) for span in spans])
        return [fn((0, len(docs)), *args)]
    finally:
        _DOCS, _ARGS = [], ()


#: The key of segmentations made with the dictionary's words alone (`BookStats`; a build's own
#: key is the hash of its added words, never -1).
BASE_KEY = -1


class BookStats:
    """What the expansions need of every document, added up while the documents are made (the
    converting workers of a one-off build `count` each page's and hand a chunk's sum over with
    `take`; the parent `add`s them), so that the index does not segment the whole book again
    after the pages: the phrases, the pieces (counted by documents, so that one document's share
    can be taken out again), Latin word → documents, the characters. Each document keeps its
    loose words and mined pairs (`_expanded`, with this object's `token`). Segmented with the
    dictionary's words alone: a document whose runs hold a word that the book's or the author's
    pairs add is segmented again by `build_expansions` (what it counted here taken out, what it
    counts with the book's words put in), so the tables are the same as from the documents.
    Beside them, each field's number of terms over the documents (`lengths`: what the index's
    field means are made of, `qabook.search.index.field_means`), read once `build_expansions` found every document
    marked with `token` (`matched`), so that the index does not unpack every document's term
    counts once more for them."""

    def __init__(self) -> None:
        self.token = int.from_bytes(os.urandom(8), "big")  # (the documents' mark: of this build)
        _reach(zh_words())  # (made once, in the build's parent: its converting workers inherit it)
        self.docs = 0
        self.phrases: Counter[str] = Counter()
        self.pieces: Counter[str] = Counter()
        self.latin_docs: Counter[str] = Counter()
        self.chars: set[str] = set()
        self.lengths: Counter[str] = Counter()  # field → its terms in every document (a sum of counts)
        self.matched = False  # `_from_stats` found these figures to be exactly the documents'

    def count(self, docs: list[SearchDoc]) -> None:
        """In a converting worker: a page's documents added, each marked with its loose words
        and mined pairs (what one document yielded is not kept on it)."""
        words = zh_words()
        for d in docs:
            for f, counts in d.term_counts().items():
                self.lengths[f] += sum(counts.values())
            p, pc, lo = _phrases(d, words, BASE_KEY)
            self.phrases.update(p)
            self.pieces.update(pc)
            self.latin_docs.update(_latin_words(d))
            for run in _runs(d):
                self.chars.update(run)
            mined = _mined(d)
            for name in _CACHED:
                d.__dict__.pop(name, None)
            d.__dict__["_expanded"] = (self.token, frozenset(lo) if lo else None, tuple(mined))
        self.docs += len(docs)

    def take(self) -> tuple:
        """In a converting worker: what it counted since the last `take`, for the parent to `add`
        (the worker's counts start again at nothing)."""
        part = (self.docs, self.phrases, self.pieces, self.latin_docs, self.chars, self.lengths)
        self.docs, self.phrases, self.pieces, self.latin_docs, self.chars = 0, Counter(), Counter(), Counter(), set()
        self.lengths = Counter()
        return part

    def add(self, part: tuple) -> None:
        """In the build's parent: what a worker counted (`take`)."""
        docs, phrases, pieces, latin, chars, lengths = part
        self.docs += docs
        self.lengths.update(lengths)
        self.phrases.update(phrases)
        self.pieces.update(pieces)
        self.latin_docs.update(latin)
        self.chars |= chars


_TERMS_SEEN: list[set[str]] = [set(), set()]  # (terms known to be Latin words, terms known not to be)


def _latin_words(d: SearchDoc) -> set[str]:
    """The document's terms that are Latin words (or numbers): each distinct term of the process
    is tested once (`is_latin`'s test, inline); a document's are then found by set operations."""
    latin, other = _TERMS_SEEN
    terms = set().union(*d.term_counts().values())
    new = terms - latin - other
    if new:
        if len(latin) + len(other) > 1_000_000:
            latin.clear()
            other.clear()
        for t in new:
            (latin if "a" <= t[0] <= "z" or t[0].isdigit() else other).add(t)
    return terms & latin


def _from_stats(docs, stats: BookStats | None, author: list[Pair]) -> tuple | None:
    """`_gathered`'s figures from `stats` (one pass over the documents for their loose words
    and pairs, a second only for the documents a word of the book's pairs falls in), or None
    when the stats do not hold exactly these documents (then they are segmented here)."""
    if stats is None:
        return None
    stats.matched = False
    if stats.docs != len(docs):
        return None
    book_pairs: list[Pair] = []
    loose: list[set[str]] = []
    for d in docs:
        mark = d.__dict__.get("_expanded")
        if mark is None or mark[0] != stats.token:
            return None
        loose.append(set(mark[1]) if mark[1] else set())
        book_pairs += mark[2]
    extra = {normalize(t) for p in (*author, *book_pairs) for t in (p.a, p.b) if HAN_RE.match(t)}
    words = zh_words() | frozenset(extra)
    key = hash(frozenset(extra))
    base = zh_words()
    added = sorted((w for w in extra if len(w) > 1 and w not in base), key=len, reverse=True)
    phrases, pieces = stats.phrases, stats.pieces
    if added:  # the documents whose runs hold a word the dictionary lacks: segmented again
        import re

        holds = re.compile("|".join(map(re.escape, added)))
        phrases, pieces = Counter(phrases), Counter(pieces)
        _reach(words)
        for doc_id, d in enumerate(docs):
            if not holds.search("\n".join(_runs(d))):
                d.__dict__.pop("_zh_runs", None)
                continue
            p, pc, _ = _phrases(d, base, BASE_KEY)  # (what the worker counted: the same segmentation)
            phrases.subtract(p)
            pieces.subtract(pc)
            d.__dict__.pop("_phrases", None)
            p, pc, lo = _phrases(d, words, key)
            phrases.update(p)
            pieces.update(pc)
            loose[doc_id] = lo
            for name in _CACHED:
                d.__dict__.pop(name, None)
        phrases, pieces = +phrases, +pieces  # (a count of 0: no document holds it now)
    stats.matched = True
    return book_pairs, words, key, phrases, pieces, loose, stats.latin_docs, stats.chars


def _gathered(docs: list[SearchDoc], author: list[Pair]) -> tuple:
    """(book pairs, word list, its key, phrases, pieces, each document's loose words, Latin word
    → documents, characters), from the documents themselves."""
    book_pairs = [p for part in _mapped(docs, _pairs_of) for p in part]
    extra = {normalize(t) for p in (*author, *book_pairs) for t in (p.a, p.b) if HAN_RE.match(t)}
    words = zh_words() | frozenset(extra)
    key = hash(frozenset(extra))
    _reach(words)  # (made here, before workers fork, not once in each)
    phrases: Counter[str] = Counter()
    pieces: set[str] = set()
    loose: list[set[str]] = []  # per document: words found there only across word boundaries
    latin_docs: Counter[str] = Counter()  # Latin word → documents holding it
    book_chars: set[str] = set()
    for p, pc, latin, chars, lo in _mapped(docs, _stats_of, words, key):  # in the documents' order
        phrases.update(p)
        pieces |= pc
        loose.extend(lo)
        latin_docs.update(latin)
        book_chars |= chars
    return book_pairs, words, key, phrases, pieces, loose, latin_docs, book_chars


def build_expansions(docs: "list[SearchDoc] | Sequence[SearchDoc]", author: list[Pair] | None = None,
                     stats: BookStats | None = None) -> tuple[dict, dict[str, bytes]]:
    """(what meta.js needs to know, files) for the documents of one build; `stats`: the
    documents' figures added up as they were made (`BookStats`), used when they are these
    documents' (`docs` may then be any sequence read again on each pass, e.g. packed pages)."""
    author = author or []
    gathered = _from_stats(docs, stats, author)
    if gathered is None:
        gathered = _gathered(docs if isinstance(docs, list) else list(docs), author)
    book_pairs, words, key, phrases, pieces, loose, latin_docs, book_chars = gathered

    table: dict[str, list[tuple[int, int, int, str]]] = defaultdict(list)  # key → (source, order, -count, target)

    # the book's words by the initials of their pinyin, each with its full pinyin: one table for
    # initials (smzq), full pinyin (shengmingzhouqi) and homophone slips (声明周期)
    pinyin_rows: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for phrase, count in phrases.items():
        syl = pinyin_of(phrase)
        if syl is not None:
            pinyin_rows["^" + "".join(s[0] for s in syl)].append((-count, phrase, "".join(syl)))

    # term pairs, either way, when the other side is in the book
    def present(term: str) -> bool:
        norm = normalize(term)
        parts = [m.group() for m in TOKEN_RE.finditer(norm)]
        if not parts:
            return False
        for part in parts:
            if is_latin(part):
                if latin_docs[analyze(part)[0]] == 0:
                    return False
            elif len(part) > 1 and part not in pieces:
                return False
        return True

    def lookup_key(term: str) -> str | None:
        norm = normalize(term)
        if HAN_RE.match(norm) and len(norm) > 1:
            return norm
        if all(is_latin(m.group()) for m in TOKEN_RE.finditer(norm)) and TOKEN_RE.search(norm):
            k = latin_key(norm)
            return None if k in STOPWORDS else k
        return None

    rank = {s: i for i, s in enumerate(SOURCES)}
    seen: set[tuple[str, str]] = set()
    pairs = (*author, *book_pairs, *shipped_pairs())

    def add(k: str | None, dst: str, source: str, order: int = 0, count: int = 0) -> None:
        if k is None or (k, dst) in seen or lookup_key(dst) == k:
            return
        seen.add((k, dst))
        table[k].append((rank[source], order, -count, dst))

    for pair in pairs:  # term pairs, either way, when the other side is in the book
        for src, dst in ((pair.a, pair.b), (pair.b, pair.a)):
            if present(dst):
                add(lookup_key(src), dst, pair.source)
    # single words: the aligned words of compound pairs, either way; then the everyday senses of
    # the book's Chinese words (English → Chinese), the first senses first
    for pair in word_pairs(pairs, words, key):
        for src, dst in ((pair.a, pair.b), (pair.b, pair.a)):
            if present(dst):
                add(lookup_key(src), dst, "words", 0, phrases.get(normalize(dst), 0))
    senses = zh_senses()
    for phrase, count in phrases.items():
        for order, sense in enumerate(senses.get(phrase, ())):
            add(lookup_key(sense), phrase, "words", 1 + order, count)

    # a Chinese target that some document holds only across word boundaries: those documents
    # are its exceptions (the browser does not count the target there)
    targets_zh = {normalize(t) for ts in table.values() for *_, t in ts if HAN_RE.match(t)} | set(phrases)
    exceptions: dict[str, list[int]] = defaultdict(list)
    for doc_id, lo in enumerate(loose):
        for word in lo & targets_zh:
            exceptions[word].append(doc_id)

    def with_exceptions(target: str, text: str | None = None) -> str:
        ids = exceptions.get(normalize(target)) if HAN_RE.match(target) else None
        return (text or target) + ("|-" + encode_ids(ids) if ids else "")

    # a source is used for a key only when no better class of source has a target for it:
    # curated (author, book, qabook), then CC-CEDICT's field terms, then single words
    klass = {"author": 0, "book": 0, "qabook": 0, "cedict": 1, "words": 2}
    entries: dict[str, list[str]] = {}
    for k, targets in table.items():
        targets.sort()
        best = min(klass[SOURCES[r]] for r, *_ in targets)
        out: list[str] = []
        for r, _, _, target in targets:
            if klass[SOURCES[r]] == best and target not in out:
                out.append(target)
            if len(out) == TARGETS:
                break
        entries[k] = [with_exceptions(t) for t in out]

    for k, rows in pinyin_rows.items():
        entries[k] = [with_exceptions(phrase, f"{phrase} {full}") for _, phrase, full in sorted(rows)]

    raw = sum(len(k) * 3 + sum(len(t) * 3 + 3 for t in v) for k, v in entries.items())
    xshards = max(1, math.ceil(raw / SHARD_BYTES))
    buckets: list[dict[str, list[str]]] = [{} for _ in range(xshards)]
    for k in sorted(entries):
        buckets[shard_of(head(k), xshards)][k] = entries[k]
    files = {f"x{n}.js": _js("xshard", n, b) for n, b in enumerate(buckets)}

    # Latin words for mistyped ones: the book's, and the words of keys that lead into the book
    vocab: Counter[str] = Counter({w: n for w, n in latin_docs.items() if w.isalpha() and len(w) >= 3})
    for k in entries:
        if k[0] != "^" and is_latin(k):
            for w in k.split(" "):
                if w.isalpha() and len(w) >= 3 and w not in STOPWORDS:
                    vocab.setdefault(w, 0)
    by_letter: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for w, n in sorted(vocab.items(), key=lambda x: (-x[1], x[0])):  # the book's words by length, "kN" the keys'
        by_letter[w[0]][f"{len(w)}" if n else f"k{len(w)}"].append(w)
    for letter, groups in by_letter.items():
        files[f"v{ord(letter)}.js"] = _js("vocab", letter, {n: " ".join(ws) for n, ws in sorted(groups.items())})
    files["zh.js"] = zh_script(book_chars)
    meta = {"xshards": xshards, "vocab": "".join(sorted(by_letter)), "syllables": " ".join(syllables()),
            "fillers": {"zh": list(FILLERS_ZH), "en": sorted(STOPWORDS)}}
    _REACH[:] = [None, {}]  # (this build's table is let go before the index's postings are made)
    _MEMOS.clear()  # (and its runs' words: a converting worker's, of the dictionary alone, stay there)
    return meta, files


__all__ = ["BookStats", "build_expansions", "head", "pinyin_of", "segment"]
