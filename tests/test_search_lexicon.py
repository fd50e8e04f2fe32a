"""Search's words and pairs, built at build time: glossaries, the book's own pairs, pinyin and
initials of the book's words, traditional characters, the tables the browser looks up."""

from __future__ import annotations

import json
import re
from pathlib import Path

from qabook.search import SearchDoc, analyze
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
