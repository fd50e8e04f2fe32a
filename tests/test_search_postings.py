"""The index's postings made by two processes (a one-off build's big book: the later half of the
pages weighed by a forked process, `qabook.search.index._all_postings`) are those of one pass:
each term's postings across the halves, the deltas of more than one character included."""

from __future__ import annotations

import random

from qabook.memory import PackedItems
from qabook.search.extract import SearchDoc
from qabook.search import index
from qabook.search.index import PageDocs, _all_postings, _postings, field_means, index_files

WORDS = [f"w{k}" for k in range(400)] + ["模型", "训练", "梯度", "注意力", "向量"]


def _pages(seed: int = 3) -> list[PackedItems]:
    """60 pages of 5 documents, their terms analysed and held packed as a one-off build holds
    them: common words, and rare ones far apart (deltas of two and three characters)."""
    rng = random.Random(seed)
    pages = []
    for p in range(60):
        docs = []
        for q in range(5):
            words = rng.sample(WORDS[:40], 6) + [rng.choice(WORDS[40:])] * rng.randint(1, 3)
            if (p * 5 + q) % 97 == 0:
                words.append("rare")
            doc = SearchDoc(f"p{p}.html#q{q}", f"题 {p}", "章", {"question": " ".join(words[:4]),
                                                                  "answer": " ".join(words[4:])})
            doc.terms  # noqa: B018 - analysed (as in a converting worker)
            docs.append(doc)
        pages.append(PackedItems(docs))
    return pages


def test_postings_made_in_two_processes_are_those_of_one_pass(monkeypatch) -> None:
    pages = _pages()
    avg = field_means(PageDocs(pages))
    one, _, one_bytes = _postings(iter(PageDocs(pages)), 0, avg, False)
    two, two_bytes = _all_postings(PageDocs(pages), avg, False, split_min=0)
    assert sorted(one) == sorted(two) and one_bytes == two_bytes
    differ = [t for t in one if one[t] != two[t]]
    assert not differ, differ[:5]
    assert max(len(v) for v in one.values()) > 100 and "rare" in one  # (what the halves share, far apart)
    monkeypatch.setattr(index, "SPLIT_MIN_DOCS", 0)  # every file of the index: split (a one-off build) or not
    assert dict(index_files(PageDocs(pages), keep_terms=False)) == dict(index_files(PageDocs(pages), keep_terms=True))
