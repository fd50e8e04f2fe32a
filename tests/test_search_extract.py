"""Search documents from rendered HTML: text as the reader sees it, link lists left out."""

from __future__ import annotations

import sys

from qabook.search import SearchDoc, analyze, extract_docs, index_terms
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


def test_index_terms_are_analyze_s_then_each_run_s_characters() -> None:
    """The definition, in order (a term's place decides nothing in the index, but one pass must
    give what the two passes gave): analyze's terms, then the characters of every Chinese run of
    two or more, normalised (full width, traditional) as analyze reads them."""
    text = "自注意力（Self-Attention）讓模型關注 GPUs 與 ＴＰＵ、单 字。Tokenizers 分词"
    # (与, 单 and 字 stand alone: analyze's own terms, no characters added)
    expected = analyze(text) + [c for run in ("自注意力", "让模型关注", "分词") for c in run]
    assert index_terms(text) == expected


def _interface_pieces(language: str) -> list[str]:
    """The literal pieces of every interface string of a language (placeholders cut out), of
    two or more word characters."""
    import re

    from qabook.i18n import strings

    out = set()
    for value in strings(language).values():
        for text in (value.values() if isinstance(value, dict) else [value]):
            for piece in re.split(r"\{\w+\}", str(text)):
                piece = re.sub(r"\s+", " ", piece).strip(" ·:：,，（）()")
                if len(re.findall(r"\w", piece)) >= 2:
                    out.add(piece)
    return sorted(out, key=len, reverse=True)


def test_interface_text_qabook_writes_into_pages_is_not_indexed() -> None:
    """The home page's summary, chapter table, PDF and download buttons and offline panel, and a
    chapter page's buttons, in both languages: none of it is a page's words for search."""
    import markdown

    from conftest import ROOT
    from qabook.book import load_book
    from qabook.home import chapter_buttons, chapter_listing, mark_chapter_table
    from qabook.offline.pages import offline_panel_html
    from qabook.study.pages import downloads_markdown

    book = load_book(ROOT / "docs", base=ROOT)
    for language in ("zh", "en"):
        listing = chapter_listing(book, "pdf", "book", language)
        html = mark_chapter_table(markdown.markdown(listing, extensions=["tables", "md_in_html"]))
        html += downloads_markdown("pdf", language) + offline_panel_html(language)
        html += chapter_buttons("llm", "pdf", "print/", "book", language)
        html += '<p>作者的话。</p><div data-search-exclude><p>作者标记的不搜索。</p></div>'
        [doc] = extract_docs(f"<h1>首页</h1>{html}", "", "首页")
        assert doc.fields["body"] == "首页 作者的话。", (language, doc.fields["body"])


def test_no_page_of_the_built_book_indexes_interface_text(built_site) -> None:
    """Every indexed document of the seed book (home, chapter page, topics; built with PDFs,
    downloads, study mode and the offline panel): an interface string in its text must be the
    author's own words, in the page's Markdown."""
    import json
    import re

    from conftest import ROOT

    pieces = _interface_pieces("zh")
    rows = []
    for path in sorted((built_site / "search" / "qabook").glob("d*.js")):
        args = re.match(r"qabookSearch\.chunk\((\d+),(.*)\);\s*$", path.read_text(encoding="utf-8"), re.S)
        rows += json.loads(args.group(2))
    kinds = set()
    found = []
    for url, _title, _chapter, text, *_question in rows:
        page = url.split("#")[0]
        kind = "home" if not page else "chapter" if page.count("/") == 1 else "topic"
        kinds.add(kind)
        source = ROOT / "docs" / (page + "index.md" if kind != "topic" else page.rstrip("/") + ".md")
        author = re.sub(r"[*`_]", "", source.read_text(encoding="utf-8"))
        found += [(url, p) for p in pieces if p in text and p not in author]
    assert kinds == {"home", "chapter", "topic"}
    assert found == []


def test_an_index_is_the_same_whether_term_counts_are_kept_sent_or_let_go() -> None:
    """A one-off build lets each document's term counts go once weighed (`keep_terms=False`), and
    documents a worker sends arrive with their terms made shared strings again: the index files
    are the same bytes either way, and the same again when the counts have to be analysed anew."""
    import pickle

    from qabook.search.index import build_index

    def docs() -> list[SearchDoc]:
        out = [d for i in range(40) for d in extract_docs(TOPIC.replace("张量", f"张量{i % 7}"), f"t{i}/", f"张量 {i}")]
        out += extract_docs(CHAPTER, "c/", "第一章")
        for d in out:
            d.terms  # noqa: B018 - analysed, as in a worker
        return out

    kept = build_index(docs())
    sent = pickle.loads(pickle.dumps(docs()))
    assert all(t is sys.intern(t) for d in sent for counts in d.terms.values() for t in counts)
    let_go = docs()
    assert build_index(sent, keep_terms=False) == kept
    assert all("_packed_terms" not in d.__dict__ for d in sent)  # (a worker's packed counts go too)
    assert build_index(let_go, keep_terms=False) == kept
    assert all("terms" not in d.__dict__ and "_weights" not in d.__dict__ for d in let_go)  # (both in the postings)
    assert build_index(let_go) == kept  # weighed again: the counts analysed again from the text
    assert build_index(sent) == kept  # (the counts analysed again from the text, as let_go's)


# -- the plain-tag reader gives what html.parser gives ----------------------------------------

def _both_ways(html: str, monkeypatch) -> tuple[list[SearchDoc], list[SearchDoc], bool]:
    """(documents as built, documents through html.parser, whether the plain-tag reader took the page)"""
    from qabook.search import extract

    walker = extract._Walker()
    taken = extract._feed_plain(walker, html)
    fast = extract_docs(html, "p/", "标题", "章", ["标签"])
    with monkeypatch.context() as m:
        m.setattr(extract, "_feed_plain", lambda walker, html: False)
        slow = extract_docs(html, "p/", "标题", "章", ["标签"])
    return fast, slow, taken


_PIECES = ['<div class="admonition question" id="q{n}">', '<p class="admonition-title">题目</p>', "</div>",
           '<details class="answer">', '<details class="explanation" open>', "<summary>答案</summary>", "</details>",
           "<p>", "</p>", "<ul>", "<li>", "</li>", "</ul>", '<a href="x/?a=1&amp;b=2">', "</a>", "<table>", "<tr>",
           "<td>", "</td>", "</tr>", "</table>", "<br>", "<br/>", "<br />", "<hr>", "<code>", "</code>",
           '<span class="n">', "</span>", '<div data-search-exclude class="x">', '<h1 id="t">', "</h1>",
           '<h2 id="a">', '<a class="headerlink" href="#a">¶</a>', "</h2>",
           '<div class="qa-math" role="img" aria-label="\\frac{1}{n} &lt; x">', '<svg viewBox="0 0 1 1">',
           '<path d="M0 0L1 1"/>', "</svg>", "<img src=a.png alt='图 &amp; 文'>", "<P CLASS=Admonition-Title>",
           "<input disabled>", '<details class="answer"/>', "<div data-search-exclude />", "<li/>",
           '<td align="left">', "<em>", "</em>", "<strong>", "</strong>",
           # text, entities, odd spacing
           "张量的秩", " 梯度 ", "\n", "a &amp; b", "&lt;tag&gt;", "&#21313;&#x4e00;", "&nbsp;", "&copy", "x &y",
           "&amp", "ü", "\u3000", "  ",
           # what only html.parser should read
           "<!-- 注释 -->", "<!DOCTYPE html>", "<?pi?>", "a < b", "a <3", "<", "</ p>", "</>", "<script>x<y</script>",
           "<style>p{}</style>", "<title>t</title>", "<textarea><b></textarea>", '<div class="a"id="b">',
           "<div class=a/b>", "<a href='x'y>", "<div\u3000class='x'>", "<svg:rect/>", "<div / >", "<p x=\"<\">",
           "<div\tCLASS='Q'\nID=x>", "<br/ >", "</P >", "<b", "&#0;", "<x-y a-b=c.d:e>"]


def test_plain_tag_reader_gives_what_html_parser_gives_on_random_pages(monkeypatch) -> None:
    import random

    rnd = random.Random(18)
    odd_from = _PIECES.index("<!-- 注释 -->")
    taken = 0
    for n in range(3000):
        plain = n % 2 == 0  # half the pages only of plain tags and text
        pool = _PIECES[:odd_from] if plain else _PIECES
        html = "".join(rnd.choice(pool).replace("{n}", str(rnd.randint(1, 3))) for _ in range(rnd.randint(1, 60)))
        fast, slow, took = _both_ways(html, monkeypatch)
        assert fast == slow, html
        taken += took
    assert taken >= 1400  # the plain pages (and a few others) were read without html.parser


def test_plain_tag_reader_gives_what_html_parser_gives_on_the_built_book(built_site, monkeypatch) -> None:
    import re

    pages = sorted(built_site.rglob("index.html"))
    taken = 0
    for path in pages:
        article = re.search(r"<article\b[^>]*>(.*)</article>", path.read_text(encoding="utf-8"), re.S)
        if article is None:
            continue
        fast, slow, took = _both_ways(article.group(1), monkeypatch)
        assert fast == slow, path
        taken += took
    assert len(pages) >= 10 and taken >= len(pages) // 2, taken
