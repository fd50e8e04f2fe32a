"""Search documents → the files the browser loads: a small meta file, term shards, doc chunks.

Scores are precomputed per (term, document) as a field-weighted BM25 term weight, so the browser
only adds idf-weighted numbers. Terms are spread over shards by hash: a query loads the few
shards holding its terms and the chunks holding its top results, whatever the size of the book.
A term's postings are a string (`digits.encode_numbers`), half the bytes of a JSON list of numbers.
Every file is one call `qabookSearch.<kind>(…)` of JSON arguments: the browser fetches it and
reads the arguments with JSON.parse over http(s), and loads it with a <script> tag from file://,
where fetch() cannot read files (qasearch.js `load`).
"""

from __future__ import annotations

import json
import math
from array import array
from collections import defaultdict
from typing import Iterator, Sequence

from qabook.search.analyze import shard_of
from qabook.search.digits import BYTE_CODES, code, first_number
from qabook.search.expand import BookStats, build_expansions
from qabook.search.extract import SearchDoc
from qabook.search.lexicon import Pair
from qabook.vocabulary import BLOCKS

FIELD_WEIGHTS = {"title": 3.0, **{b.name: b.search_weight for b in BLOCKS}, "tags": 1.5, "body": 0.5}
K1, B = 1.2, 0.75
PAGE_FACTOR = 0.5  # a page without questions (chapter, home) ranks below the topics
SHARD_BYTES = 12_000  # target size of one term shard (raw: the posting lists as written)
MAX_SHARDS = 8192  # (100,000 documents of generated text: ≈ 63 MB of postings, ≈ 5,300 shards)
CHUNK_BYTES = 4_000  # about the size of one chunk of result texts (raw): a query loads the chunks
#                      of the results it shows, each for one of its documents (chunk_docs)
VERSION = 5  # (5: an expansion target's excepted documents as encode_ids text)
class PageDocs:
    """The book's documents, page by page, read again on each pass (`iter`): a page's may be
    held packed (qabook.memory.PackedItems: unpacked for the pass, not kept), so that the index
    holds one page's documents at a time, not the book's."""

    def __init__(self, pages: "list[Sequence[SearchDoc]]") -> None:
        self.pages = pages
        self.count = sum(len(p) for p in pages)

    def __iter__(self) -> Iterator[SearchDoc]:
        for page in self.pages:
            yield from page

    def __len__(self) -> int:
        return self.count


def _row_bytes(d: SearchDoc) -> int:
    return len(d.url) + len(d.title.encode()) + len(d.chapter.encode()) + len(d.text.encode()) + 12 + (0 if d.page else 5)


def chunk_docs(docs: "Sequence[SearchDoc]", total: int | None = None) -> int:
    """Documents per chunk of result texts: the most, a power of two, whose mean size stays
    within CHUNK_BYTES (at least one). A query shows ten results, mostly from ten chunks, and
    needs one document of each: a chunk of 8 documents of a big book loaded 8 × what was shown.
    (A power of two: a save that changes the mean a little keeps the chunks as they were.)
    `total`: the documents' rows' bytes, when already added up (`_row_bytes`)."""
    if not len(docs):
        return 1
    mean = (sum(map(_row_bytes, docs)) if total is None else total) / len(docs)
    n = 1
    while n < 64 and 2 * n * mean <= CHUNK_BYTES:
        n *= 2
    return n


def _js(kind: str, *args: object) -> bytes:
    payload = ",".join(json.dumps(a, ensure_ascii=False, separators=(",", ":")) for a in args)
    return f"qabookSearch.{kind}({payload});\n".encode("utf-8")


def field_means(docs: "Sequence[SearchDoc]", stats: BookStats | None = None) -> dict[str, float]:
    """field → mean number of terms per document (BM25's length normalisation): the one home of
    the means. From each field's terms as a one-off build's converting workers added them up
    (`stats.lengths`, `BookStats.count`) when those are these documents' (`stats.matched`, known
    once `build_expansions` has read them), else counted here, each document's counts read once
    and not kept (`SearchDoc.term_counts`)."""
    if stats is not None and stats.matched:
        totals: "dict[str, int]" = dict(stats.lengths)
    else:
        totals = dict.fromkeys(FIELD_WEIGHTS, 0)
        for d in docs:
            for f, counts in d.term_counts().items():
                if f in totals:
                    totals[f] += sum(counts.values())
    n = max(1, len(docs))
    return {f: (totals.get(f, 0) / n) or 1.0 for f in FIELD_WEIGHTS}


def _doc_weights(doc: SearchDoc, avg: dict[str, float]) -> "_Weights":
    """(term, integer weight) of one document; kept on the document for the same means."""
    key = tuple(avg[f] for f in FIELD_WEIGHTS)
    cached = doc.__dict__.get("_weights")
    if cached is not None and cached[0] == key:
        return cached[1]
    weight: dict[str, float] = defaultdict(float)
    for f, counts in doc.term_counts().items():
        if f not in FIELD_WEIGHTS:
            continue
        k_norm = K1 * (1 - B + B * sum(counts.values()) / avg[f])
        field, k1 = FIELD_WEIGHTS[f], K1 + 1
        for term, tf in counts.items():
            weight[term] += field * tf * k1 / (tf + k_norm)  # (the same operations, in the same order)
    factor = (PAGE_FACTOR if doc.page else 1.0) * 10  # pages without questions rank below topics
    out = _Weights(tuple(weight), array("l", [round(w * factor) or 1 for w in weight.values()]))
    doc.__dict__["_weights"] = (key, out)
    return out


class _Weights:
    """A document's (term, weight) pairs, kept as its terms and an array of their weights: every
    document keeps them (a live preview weighs again only what changed), and a list of pairs
    per document was most of a big build's memory."""

    __slots__ = ("terms", "weights")

    def __init__(self, terms: tuple[str, ...], weights: array) -> None:
        self.terms, self.weights = terms, weights

    def __iter__(self):
        return zip(self.terms, self.weights)

    def __len__(self) -> int:
        return len(self.terms)


def term_weights(docs: list[SearchDoc], avg: dict[str, float] | None = None) -> dict[str, list[tuple[int, int]]]:
    """term → [(doc id, integer weight)], doc ids ascending.

    `avg` replaces the documents' own field means: a live preview passes its first build's,
    so that documents it did not render again keep their weights instead of being weighed anew."""
    avg = avg or field_means(docs)
    postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for doc_id, doc in enumerate(docs):
        for term, w in _doc_weights(doc, avg):
            postings[term].append((doc_id, w))
    return postings


#: Documents from which a one-off build's postings are made by two processes (`_all_postings`).
SPLIT_MIN_DOCS = 4000
_SPLIT: dict = {}  # what the second process makes its half from (set before it is forked)


def _postings(docs: "Iterator[SearchDoc]", first: int, avg: dict[str, float],
              keep_terms: bool) -> tuple[dict[str, bytearray], dict[str, int], int]:
    """Each term's postings of these documents (numbered from `first`), as written: (term → its
    [delta, weight, …] in digits' code, the first delta counted from 0; term → its last
    document; the result texts' bytes, for chunk_docs)."""
    # (written as they come, in digits.encode_numbers' code — each number's characters do not depend
    # on its neighbours —: ≈ 1.3 bytes a number, where an array of 32-bit numbers held 4, and
    # the whole book's postings were the index process's largest growth)
    encoded: dict[str, bytearray] = {}
    last: dict[str, int] = {}
    codes, top = BYTE_CODES, len(BYTE_CODES)
    row_bytes = 0
    for doc_id, doc in enumerate(docs, first):
        row_bytes += _row_bytes(doc)
        weights = _doc_weights(doc, avg)
        if not keep_terms:  # (and its weights: they are in the postings now)
            doc.__dict__.pop("terms", None)
            doc.__dict__.pop("_packed_terms", None)  # (a worker's document holds its counts packed)
            doc.__dict__.pop("_weights", None)
        if len(weights) and min(weights.weights) < 0:
            raise ValueError(f"a posting holds {min(weights.weights)}: only whole numbers ≥ 0 are written")
        for term, w in zip(weights.terms, weights.weights):
            flat = encoded.get(term)
            if flat is None:
                flat = encoded[term] = bytearray()
            delta = doc_id - last.get(term, 0)
            flat += codes[delta] if delta < top else code(delta).encode("ascii")
            flat += codes[w] if w < top else code(w).encode("ascii")
            last[term] = doc_id
    return encoded, last, row_bytes


def _second_half() -> tuple[dict[str, bytes], int]:
    """In the forked process: `_postings` of the later pages (`_SPLIT`), sent back as bytes."""
    encoded, _, row_bytes = _postings(iter(_SPLIT["docs"]), _SPLIT["first"], _SPLIT["avg"], False)
    return {term: bytes(flat) for term, flat in encoded.items()}, row_bytes


def _all_postings(docs: "Sequence[SearchDoc]", avg: dict[str, float], keep_terms: bool,
                  split_min: int | None = None) -> tuple[dict[str, bytearray], int]:
    """`_postings` of every document. A one-off build's big book (its documents packed page by
    page, `PageDocs`, their counts let go as they are weighed: `keep_terms=False`), on a machine
    of several cores: the later half of its pages weighed by a forked process at the same time
    (the index is the last step of such a build, the other core idle) and its postings appended:
    each term's first delta there, counted from 0, is counted again from the term's last
    document in the first half. The same bytes as one pass (tests/test_search_index.py)."""
    from qabook.cpus import available_cores

    split_min = SPLIT_MIN_DOCS if split_min is None else split_min
    if keep_terms or not isinstance(docs, PageDocs) or len(docs) < split_min or len(docs.pages) < 2 \
            or available_cores() < 2:
        encoded, _, row_bytes = _postings(iter(docs), 0, avg, keep_terms)
        return encoded, row_bytes
    from qabook.staging import worker_pool

    half, count = len(docs.pages) // 2, 0
    for page in docs.pages[:half]:
        count += len(page)
    _SPLIT.update(docs=PageDocs(docs.pages[half:]), first=count, avg=avg)
    try:
        with worker_pool(1) as pool:
            later = pool.apply_async(_second_half)
            encoded, last, row_bytes = _postings(iter(PageDocs(docs.pages[:half])), 0, avg, keep_terms)
            tail, tail_bytes = later.get()
    finally:
        _SPLIT.clear()
    codes, top = BYTE_CODES, len(BYTE_CODES)
    for term, flat in tail.items():
        before = encoded.get(term)
        if before is None:  # (its first delta, from 0, is right as it is)
            encoded[term] = bytearray(flat)
            continue
        end, first = first_number(flat)
        delta = first - last[term]
        before += codes[delta] if delta < top else code(delta).encode("ascii")
        before += flat[end:]
    return encoded, row_bytes + tail_bytes




def build_index(docs: "Sequence[SearchDoc]", avg: dict[str, float] | None = None,
                glossary: list[Pair] | None = None, keep_terms: bool = True) -> dict[str, bytes]:
    """Relative path (under the search folder) → file content (`avg`: see `term_weights`;
    `glossary`: the author's term pairs, see qabook.search.lexicon). `keep_terms=False` (a
    one-off build): each document's term counts and weights are let go once it is weighed
    (they are analysed again if ever asked for; a live preview keeps them for its next build)."""
    return dict(index_files(docs, avg, glossary, keep_terms))


def index_files(docs: "Sequence[SearchDoc]", avg: dict[str, float] | None = None,
                glossary: list[Pair] | None = None, keep_terms: bool = True,
                stats: BookStats | None = None) -> Iterator[tuple[str, bytes]]:
    """build_index's files one at a time, in the same order: each is made when the one before
    has been taken, and a term shard's postings go once it is made (a big book's index is never
    whole in memory: at 10,000 pages the files and postings held at once set the build's peak).
    `docs` is read in order, a few times over (`PageDocs`: a page's documents at a time);
    `stats`: the expansions' figures added up beforehand (qabook.search.expand.BookStats), and
    with them, when they are these documents' and no `avg` is given, the field means."""
    # delta-encoded flat lists: [d1, w1, d2-d1, w2, …] (term_weights' postings, built flat:
    # a tuple per posting was most of a big book's memory)
    expansions, files = build_expansions(docs, glossary, stats)  # (reads the term counts: before they go)
    if not avg:  # (after the expansions: they tell whether the stats are these documents')
        avg = field_means(docs, stats)
    encoded, row_bytes = _all_postings(docs, avg, keep_terms)
    # each posting list becomes the text it is written as, now: a shard's size is then known
    texts: dict[str, str] = {}
    for term in sorted(encoded):
        texts[term] = encoded.pop(term).decode("ascii")
    raw = sum(len(term.encode()) + len(text) + 6 for term, text in texts.items())  # "term":"text",
    shards = max(1, min(MAX_SHARDS, math.ceil(raw / SHARD_BYTES)))
    buckets: list[dict[str, str]] = [{} for _ in range(shards)]
    for term, text in texts.items():
        buckets[shard_of(term, shards)][term] = text
    texts.clear()
    per_chunk = chunk_docs(docs, row_bytes)
    chunks = math.ceil(len(docs) / per_chunk)
    yield from files.items()
    files.clear()
    yield "meta.js", _js("meta", {"version": VERSION, "docs": len(docs), "shards": shards,
                                  "chunkDocs": per_chunk, "chunks": chunks, **expansions})
    for n, bucket in enumerate(buckets):
        shard = _js("shard", n, bucket)
        buckets[n] = {}
        yield f"t{n}.js", shard
    rows: list[list[str]] = []
    c = 0
    for d in docs:  # (in order, a chunk at a time)
        q = d.question_chars  # (a question's row: how much of its text is the question, for study mode)
        rows.append([d.url, d.title, d.chapter, d.text] if q is None else [d.url, d.title, d.chapter, d.text, q])
        if len(rows) == per_chunk:
            yield f"d{c}.js", _js("chunk", c, rows)
            rows, c = [], c + 1
    if rows:
        yield f"d{c}.js", _js("chunk", c, rows)
