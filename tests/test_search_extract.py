"""Search documents from rendered HTML: text as the reader sees it, link lists left out."""

from __future__ import annotations

from qabook.search import SearchDoc, extract_docs, index_terms
from qabook.search.index import term_weights

TOPIC = """<h1>张量</h1>
<div class="admonition question" id="q1"><p class="admonition-title">题目 1</p><p>什么是张量？</p></div>
<details class="answer"><summary>答案</summary>
<p>用 <code><span class="n">torch</span><span class="o">.</span><span class="n">Tensor</span></code> 创建。</p>
<div class="qa-math" role="img" aria-label="\\frac{1}{n}"><svg><path d="M0 0"/></svg></div>
</details>
"""

CHAPTER = """<h1>第一章</h1><p>本章讲张量的基础。</p>
<ul><li><a href="01-a/">什么是张量？</a> · 1 题</li><li><a href="02-b/">怎样求导？</a></li></ul>
<table><tr><th>章节</th></tr><tr><td><a href="x/">链接章节</a></td><td>8</td></tr></table>
<ul><li>先读 <a href="x/">这里</a> 的说明，再做题目和练习。</li></ul>
"""


def test_code_and_formulas_read_as_text() -> None:
    [doc] = extract_docs(TOPIC, "t/", "张量")
    assert "torch.Tensor" in doc.fields["answer"]
    assert "\\frac{1}{n}" in doc.fields["answer"]
    assert "题目" not in doc.text and "答案" not in doc.text
    assert doc.title == "张量" and doc.url == "t/#q1"


def test_titles_carry_no_question_number() -> None:
    html = TOPIC + TOPIC.replace('id="q1"', 'id="q2"').replace("<h1>张量</h1>", "")
    docs = extract_docs(html, "t/", "张量")
    assert [d.title for d in docs] == ["张量", "张量"] and [d.url for d in docs] == ["t/#q1", "t/#q2"]


def test_link_lists_are_left_out_and_prose_kept() -> None:
    [doc] = extract_docs(CHAPTER, "ch/", "第一章")
    assert doc.page
    body = doc.fields["body"]
    assert "本章讲张量的基础" in body and "先读 这里 的说明" in body
    assert "什么是张量" not in body and "怎样求导" not in body and "链接章节" not in body and "8" not in body


def test_pages_rank_below_topics() -> None:
    """The same text weighs less on a page without questions (a chapter page) than in a topic."""
    [page] = extract_docs("<p>张量的基础知识</p>", "p/", "第一章")
    as_topic = SearchDoc("t/#q1", page.title, "", dict(page.fields))
    weights = dict(term_weights([page, as_topic])["张量"])
    assert weights[0] < weights[1]


def test_one_character_terms_are_indexed() -> None:
    assert {"模", "型", "模型"} <= set(index_terms("模型"))
    assert index_terms("单") == ["单"]  # a lone character is not counted twice
