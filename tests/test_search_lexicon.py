"""Search's words and pairs, built at build time: glossaries, the book's own pairs, pinyin and
initials of the book's words, traditional characters, the tables the browser looks up."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from conftest import CORPUS, SHARED, needs_shared

from qabook.search import SearchDoc, analyze, expand
from qabook.search.expand import build_expansions, head, segment
from qabook.search.lexicon import GLOSSARY_CODE, Pair, load_glossary, mine_pairs, shipped_pairs, zh_words


def doc(text: str, url: str = "t/#q1") -> SearchDoc:
    return SearchDoc(url, "题", "", {"question": text})


def tables(docs: list[SearchDoc], author: list[Pair] | None = None) -> tuple[dict, dict[str, list[str]]]:
    meta, files = build_expansions(docs, author)
    entries: dict[str, list[str]] = {}
    for name, data in files.items():
        if name.startswith("x"):
            entries.update(json.loads(re.search(rb"xshard\(\d+,(.*)\);", data, re.S).group(1)))
    return meta, entries


def test_the_shipped_glossary_has_thousands_of_pairs_of_both_languages() -> None:
    pairs = shipped_pairs()
    assert len(pairs) >= 2500
    assert {p.source for p in pairs} == {"qabook", "cedict"}
    assert all(re.search(r"[\u4e00-\u9fff]", p.a) and re.search(r"[a-z]", p.b, re.I) for p in pairs)
    assert Pair("生命周期", "lifecycle", "qabook") in pairs and Pair("梯度下降", "gradient descent", "qabook") in pairs


def test_traditional_characters_are_the_simplified_terms() -> None:
    assert analyze("雙向數據綁定 存儲過程 生命週期") == analyze("双向数据绑定 存储过程 生命周期")


def test_segmentation_uses_dictionary_words() -> None:
    words = zh_words()
    assert segment("生命周期的理解", words)[:2] == ["生命周期", "的"]


def test_the_book_writes_its_own_pairs() -> None:
    pairs = {(p.a, p.b) for p in mine_pairs("自注意力（self-attention）让模型关注上下文；"
                                           "polymorphism（多态）是面向对象的特性。"
                                           "We use Principal Component Analysis (PCA) here.")}
    assert ("自注意力", "self-attention") in pairs
    assert ("多态", "polymorphism") in pairs
    assert ("Principal Component Analysis", "PCA") in pairs


def test_an_author_glossary(tmp_path: Path) -> None:
    good = tmp_path / "glossary.yml"
    good.write_text("# terms\n生命周期: lifecycle\n自注意力: [self-attention, self attention]\n", encoding="utf-8")
    pairs, found = load_glossary(good, "glossary.yml")
    assert found == []
    assert [(p.a, p.b, p.source) for p in pairs] == [("生命周期", "lifecycle", "author"),
                                                     ("自注意力", "self-attention", "author"),
                                                     ("自注意力", "self attention", "author")]


def test_a_bad_glossary_says_where_and_what_would_be_right(tmp_path: Path) -> None:
    bad = tmp_path / "glossary.yml"
    bad.write_text("生命周期: lifecycle\n张量:\n  - [nested]\n梯度: \n", encoding="utf-8")
    pairs, found = load_glossary(bad, "glossary.yml")
    assert [(p.a, p.b) for p in pairs] == [("生命周期", "lifecycle")]
    assert [(d.line, d.column, d.code) for d in found] == [(3, 5, GLOSSARY_CODE), (4, 4, GLOSSARY_CODE)]
    assert str(found[0]).startswith("glossary.yml:3:5: QA080 '张量': the other term must be a word or phrase")
    broken = tmp_path / "broken.yml"
    broken.write_text("a: [b\n", encoding="utf-8")
    _, found = load_glossary(broken, "broken.yml")
    assert len(found) == 1 and found[0].code == GLOSSARY_CODE and "not valid YAML" in found[0].message
    listed = tmp_path / "list.yml"
    listed.write_text("- a\n- b\n", encoding="utf-8")
    _, found = load_glossary(listed, "list.yml")
    assert "must be a mapping" in found[0].message


def test_pinyin_and_initials_lead_to_the_book_s_words() -> None:
    _, entries = tables([doc("vue 生命周期的理解：创建、挂载、更新、销毁"), doc("状态码用于描述请求的结果")])
    assert "生命周期 shengmingzhouqi" in entries["^smzq"]
    assert any(row.startswith("状态码 ") for row in entries["^ztm"])  # a word and a lone character beside it


def test_pairs_lead_to_the_other_language_only_when_the_book_has_it() -> None:
    books = [doc("vue 生命周期的理解"), doc("What is gradient descent? It minimizes a cost function.", "e/#q1")]
    _, entries = tables(books)
    assert entries["lifecycle"] == ["生命周期"]
    assert entries["梯度下降"] == ["gradient descent"]
    assert "database" not in entries  # 数据库 is not in this book


def test_an_author_pair_comes_first_and_the_book_s_own_pairs_are_used() -> None:
    books = [doc("多头注意力（multi-head attention）把输入投影到多个子空间"), doc("张量是多维数组")]
    _, entries = tables(books, [Pair("张量", "tensorish", "author")])
    assert entries["tensorish"] == ["张量"]
    assert "多头注意力" in entries["multi head attention"]


def test_curated_terms_shadow_the_dictionary() -> None:
    """CC-CEDICT's 小瀑布 /cascade/ is not used when qabook's own 级联 is in the book."""
    _, entries = tables([doc("级联删除会删除子表的行"), doc("山里有一个小瀑布")])
    assert entries["cascade"] == ["级联"]


def test_heads_are_what_the_browser_computes() -> None:
    assert head("^smzq") == "^sm" and head("stored procedure") == "stored" and head("梯度下降") == "梯度"


def test_meta_carries_the_fillers_and_syllables() -> None:
    meta, files = build_expansions([doc("生命周期")])
    assert "怎么" in meta["fillers"]["zh"] and "how" in meta["fillers"]["en"]
    assert {"sheng", "zhuang", "lv"} <= set(meta["syllables"].split())
    assert "zh.js" in files and files["zh.js"].startswith(b"qabookSearch.zh(")


# -- the segmentation's fast path (`_starts`: each run's dictionary look-ups done once) against
# -- the plain definitions: maximum matching by `segment` / `_segment_back`, and every window of
# -- the run looked up for the loose words (the code before the fast path, kept here as the oracle)

def _reference_phrases(doc_: SearchDoc, words: frozenset[str]) -> tuple[Counter, set, set]:
    phrases: Counter = Counter()
    pieces: set[str] = set()
    loose: set[str] = set()

    def bounds_of(segs: list[str]) -> list[int]:
        bounds, at = [0], 0
        for seg in segs:
            bounds += sorted(at + b for b in expand.inner_bounds(seg, words))
            at += len(seg)
            bounds.append(at)
        return bounds

    for run in expand._runs(doc_):
        readings = [(segs, bounds_of(segs)) for segs in (expand.segment(run, words),
                                                         expand._segment_back(run, words, expand.MAX_WORD))]
        seen: set[tuple[int, int]] = set()
        for segs, bounds in readings:
            at = 0
            for i, seg in enumerate(segs):
                cuts = [0, *sorted(expand.inner_bounds(seg, words)), len(seg)]
                for x, a in enumerate(cuts):
                    for b in cuts[x + 1:]:
                        if b - a > 1 and ((a, b) == (0, len(seg)) or seg[a:b] in words) \
                                and (at + a, at + b) not in seen and not expand._FILLER_CHARS.issuperset(seg[a:b]):
                            seen.add((at + a, at + b))
                            phrases[seg[a:b]] += 1
                if i + 1 < len(segs):
                    nxt = segs[i + 1]
                    if (len(seg) == 1) != (len(nxt) == 1) and not ({seg, nxt} & expand._FILLER_CHARS) \
                            and (at, at + len(seg) + len(nxt)) not in seen:
                        seen.add((at, at + len(seg) + len(nxt)))
                        phrases[seg + nxt] += 1
                at += len(seg)
            edges = sorted(set(bounds))
            pieces |= {run[a:b] for x, a in enumerate(edges) for b in edges[x + 1:] if 1 < b - a <= expand.MAX_WORD}
        f_edges, b_edges = set(readings[0][1]), set(readings[1][1])
        for a in range(len(run) - 1):
            for n in range(2, min(expand.MAX_WORD, len(run) - a) + 1):
                if not ((a in f_edges and a + n in f_edges) or (a in b_edges and a + n in b_edges)) \
                        and run[a:a + n] in words:
                    loose.add(run[a:a + n])
    pieces.update(phrases)
    return phrases, pieces, loose - pieces


def _real_texts() -> list[str]:
    folders = [Path(__file__).parent / "searchbook" / "sources", CORPUS, SHARED / "seed"]
    return [p.read_text(encoding="utf-8", errors="ignore") for f in folders for p in sorted(f.glob("*.*"))
            if p.suffix in (".md", ".txt")]


@needs_shared
def test_the_fast_segmentation_is_maximum_matching_on_real_text() -> None:
    words = zh_words() | {"自注意力机制", "状态码"}
    runs = [r for text in _real_texts() for r in expand._runs(doc(text))]
    assert sum(map(len, runs)) > 30_000  # (the corpus and the seed: tens of thousands of characters)
    for run in runs:
        assert expand.fine_bounds(run, words)[0] == expand.segment(run, words), run
        backward = expand._segment_back(run, words, expand.MAX_WORD)
        assert expand.fine_bounds(run, words, backward=True)[0] == backward, run


@needs_shared
def test_a_document_s_words_pieces_and_loose_words_are_the_plain_definitions_on_real_text() -> None:
    words = zh_words() | {"自注意力机制", "状态码"}
    texts = [t for text in _real_texts() for t in text.split("\n\n") if t.strip()]
    assert len(texts) > 500
    for text in texts:
        made, expected = expand._phrases(doc(text), words, key=0), _reference_phrases(doc(text), words)
        assert made == expected, text[:80]


def test_a_run_is_segmented_once_per_word_list(monkeypatch) -> None:
    """A run that occurs again (in another document) takes its words from the process's memo;
    the same run under another word list — even one given the same key — is segmented anew."""
    expand._MEMOS.clear()
    made = []
    real = expand._run_words
    monkeypatch.setattr(expand, "_run_words", lambda r, w, k: (made.append(r), real(r, w, k))[1])
    base = zh_words()
    first = expand._phrases(doc("量子缠绕器很快，模型也快"), base, key=0)
    second = expand._phrases(doc("模型也快，量子缠绕器很快", url="t/#q2"), base, key=0)
    assert sorted(made) == ["模型也快", "量子缠绕器很快"]  # (each run once: the second document's from the memo)
    assert first == second
    more = base | {"量子缠绕器"}
    third = expand._phrases(doc("量子缠绕器很快", url="t/#q3"), more, key=0)
    assert made[-1] == "量子缠绕器很快" and len(made) == 3
    assert "量子缠绕器" in third[0] and "量子缠绕器" not in first[0]


# -- the expansions added up while the pages are converted (BookStats) -------------------------

def _stats_docs() -> list[SearchDoc]:
    """Pages of real text (the search book's sources, Chinese and English), and pages whose own
    pairs and the author's add words the dictionary lacks, which other pages hold as well."""
    root = Path(__file__).parent / "searchbook" / "sources"
    docs = []
    for n, path in enumerate(sorted(root.glob("*.md"))):
        for k, para in enumerate(p for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()):
            docs.append(SearchDoc(f"s{n}/#{k}", path.stem, "源", {"question": para[:600]}))
    docs += [SearchDoc("x/#1", "缠绕器", "c", {"question": "什么是量子缠绕器（quantum winder）？它和注意力机制有关。"}),
             SearchDoc("x/#2", "b", "c", {"question": "量子缠绕器的自注意力机制很快，浮点数也行。"}),
             SearchDoc("x/#3", "c", "c", {"question": "超导缠绕是一种方法，量子缠绕器用它。"})]
    for d in docs:
        d.terms  # noqa: B018 - analysed, as in a worker
    return docs


def test_expansions_added_up_page_by_page_are_the_documents_own(monkeypatch) -> None:
    """A one-off build segments each page in its converting worker (`BookStats.count`, with
    the dictionary's words alone) and the index reads the sum: the tables are the same bytes as
    when the index segments the documents itself, also where the book's own pairs (the search
    book's `术语（term）`) and the author's (超导缠绕) add words that other pages hold (those pages
    segmented again)."""
    import pickle

    author = [Pair("超导缠绕", "superwinding", "author")]
    monkeypatch.setattr(expand, "PARALLEL_MIN_DOCS", 10**9)
    docs = _stats_docs()
    assert len(docs) > 300
    own = build_expansions(pickle.loads(pickle.dumps(docs)), author)
    stats = expand.BookStats()
    sent = pickle.loads(pickle.dumps(docs))
    worker = pickle.loads(pickle.dumps(stats))  # (a converting worker's copy: the same token)
    for k in range(0, len(sent), 7):  # pages of 7 documents, chunks of 5 pages
        worker.count(sent[k:k + 7])
        if k % 35 == 28 or k + 7 >= len(sent):
            stats.add(pickle.loads(pickle.dumps(worker.take())))
    sent = pickle.loads(pickle.dumps(sent))  # (as the worker sends them: marked, nothing else kept)
    assert all(set(d.__dict__) & {"_zh_runs", "_phrases", "_mined"} == set() for d in sent)
    redone = []
    monkeypatch.setattr(expand, "_gathered", lambda *a: (_ for _ in ()).throw(AssertionError("not from the stats")))
    real = expand._phrases
    monkeypatch.setattr(expand, "_phrases", lambda d, w, k: (redone.append(d.url), real(d, w, k))[1])
    assert build_expansions(sent, author, stats) == own
    # the field means, from the workers' sums (no document's counts read for them), as counted
    from qabook.search.index import field_means
    counted = field_means(docs)
    monkeypatch.setattr(SearchDoc, "term_counts", lambda d: (_ for _ in ()).throw(AssertionError("counted again")))
    assert stats.matched and field_means(sent, stats) == counted
    # segmented again: the pages holding a word the pairs add (超导缠绕, the book's own terms), not the others
    assert "x/#3" in redone and 0 < len(set(redone)) < len(docs) / 2
    # documents the stats do not hold (another build's, or one more): segmented here, the same
    monkeypatch.undo()
    assert build_expansions(pickle.loads(pickle.dumps(docs)), author, expand.BookStats()) == own
