"""Search, typed into the search box in headless Chromium as a reader does.

The site: the committed seed chapter plus a document from ../shared/corpus imported at test
time into a second chapter `dc` (corpus text is never committed). Prints hit@1, hit@5, MRR.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import CORPUS, copy_project, qabook
from qabook.search import analyze, shard_of
from qabook.search.index import CHUNK_BYTES, SHARD_BYTES
from searchset import CORPUS_CHAPTER, load_queries, page_key, score

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def search_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The committed book plus one corpus document (from ../shared/: skipped without it)."""
    if not CORPUS.is_dir():
        pytest.skip(f"needs the corpus of ../shared/ beside the clone ({CORPUS} is absent)")
    project = copy_project(tmp_path_factory.mktemp("search"))
    r = qabook("import", str(CORPUS / CORPUS_CHAPTER), "--chapter", "dc", "--out", "docs", cwd=project)
    assert r.returncode == 0, r.stderr
    r = qabook("build", "--no-pdf", cwd=project)
    assert r.returncode == 0, r.stderr + r.stdout
    return project / "site"


def run_queries(page, queries: list[str]) -> dict[str, list[str]]:
    """Click into the header search box and type each query, as a reader does; read the result links
    (the first of them must be on screen)."""
    ranked = {}
    for query in queries:
        page.click("[data-qa-search] input")
        page.keyboard.press("Control+A")
        page.keyboard.press("Backspace")
        page.keyboard.type(query)
        page.wait_for_function("q => document.querySelector('[data-qa-search]').dataset.qaQuery === q", arg=query)
        hrefs = page.eval_on_selector_all(".md-search-result__list a", "els => els.map(e => e.href)")
        if hrefs:
            assert first_result_on_screen(page), query
        ranked[query] = [page_key(h) for h in hrefs]
    return ranked


def first_result_on_screen(page) -> bool:
    """A hit test at the centre of the first result: is it what the reader sees there?"""
    return page.evaluate("""() => {
        const a = document.querySelector('.md-search-result__list a');
        const r = a.getBoundingClientRect();
        if (r.width < 1 || r.height < 1) return false;
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return !!hit && a.contains(hit);
    }""")


def test_query_set_hit_at_1(browser, search_site: Path) -> None:
    from browser import serve

    queries = load_queries()
    assert len(queries) >= 40
    assert {q for q, e in queries if e.startswith("dc/")} and {q for q, e in queries if e.startswith("llm/")}
    with serve(search_site) as url:
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.goto(url + "llm/")
        ranked = run_queries(page, [q for q, _ in queries])
        page.close()
    result = score(ranked, queries)
    print("\n" + result.line("qabook search", len(queries)))
    for miss in result.misses:
        print("  miss:", miss)
    assert result.hit1 >= 0.95, result.misses


def test_result_opens_the_page_at_its_question(browser, search_site: Path) -> None:
    from browser import serve

    with serve(search_site) as url:
        page = browser.new_page()
        page.goto(url)
        run_queries(page, ["差分隐私"])
        page.locator(".md-search-result__list a").first.click()
        page.wait_for_url(re.compile(r"/llm/07-[^/]+/#q1$"))
        assert page.locator("#q1").is_visible()
        page.close()


def test_answers_and_explanations_are_searchable(browser, search_site: Path) -> None:
    """Words only in a collapsed answer (情感分析) or explanation (联邦学习) are found; a query
    that shares nothing with the book finds nothing."""
    from browser import serve

    with serve(search_site) as url:
        page = browser.new_page()
        page.goto(url)
        ranked = run_queries(page, ["情感分析", "联邦学习", "鳄鱼蟋蟀"])
        page.close()
    assert ranked["情感分析"][0] == "llm/04" and ranked["联邦学习"][0] == "llm/07"
    assert ranked["鳄鱼蟋蟀"] == []


def test_browser_and_python_analyse_alike(browser, search_site: Path) -> None:
    from browser import serve

    samples = ["自注意力机制", "Transformer（NLP）与 GPUs、tpu", "ＡＢＣ全角", "C++ 与 Go 1.22", "单", "classes 的 glass"]
    with serve(search_site) as url:
        page = browser.new_page()
        page.goto(url)
        got = page.evaluate("s => s.map(x => [qabookSearch.analyze(x), qabookSearch.analyze(x).map("
                            "t => qabookSearch.shardOf(t, 97))])", samples)
        page.close()
    assert got == [[analyze(s), [shard_of(t, 97) for t in analyze(s)]] for s in samples]


def test_search_works_from_file_url(browser, tmp_path_factory: pytest.TempPathFactory) -> None:
    """An --offline build opened from disk: links lead to pages, and search answers."""
    project = copy_project(tmp_path_factory.mktemp("offline"))
    assert qabook("build", "--offline", "--no-pdf", cwd=project).returncode == 0
    site = project / "site"
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((site / "index.html").as_uri())
    page.locator("article a", has_text="大模型：从理论到实践的应用").first.click()
    page.wait_for_url(re.compile(r"llm/index\.html$"))
    page.locator("article a", has_text="什么是大模型？").first.click()
    page.wait_for_url(re.compile(r"01-shen-me-shi-da-mo-xing\.html$"))
    assert page.locator("#q1").is_visible()  # a page, not a directory listing
    assert page.locator("#qa-file-note").count() == 0  # built for disk: nothing to say (tests/test_file_url_note.py)
    ranked = run_queries(page, ["反向传播", "fanxiangchuanbo", "反向傳播", "backpropagation"])
    assert ranked["反向传播"][0] == "llm/03"
    # pinyin, traditional characters, the other language: their tables load from disk too
    assert ranked["fanxiangchuanbo"][0] == ranked["反向傳播"][0] == ranked["backpropagation"][0] == "llm/03", ranked
    page.locator(".md-search-result__list a").first.click()
    page.wait_for_url(re.compile(r"03-ru-he-xun-lian-da-mo-xing\.html#q1$"))
    page.wait_for_function("document.querySelector('#q1').classList.contains('qa-landed')")
    # the match is in the answer; study mode (on) marks the question and leaves the answer to the learner
    assert page.locator("details.answer").get_attribute("open") is None
    page.close()
    assert errors == []


#: The most a query's browser loads for one term shard or one chunk of result texts (bytes).
FILE_LIMIT = 48_000


def test_index_files_are_small_and_sharded(search_site: Path) -> None:
    folder = search_site / "search" / "qabook"
    meta = json.loads(re.search(r"meta\((.*)\);", (folder / "meta.js").read_text(encoding="utf-8")).group(1))
    shards, chunks = sorted(folder.glob("t*.js")), sorted(folder.glob("d*.js"))
    assert meta["docs"] >= 28 and meta["shards"] == len(shards) > 1 and meta["chunks"] == len(chunks) > 1
    sizes = {p.name: p.stat().st_size for p in shards + chunks}
    assert max(sizes.values()) <= FILE_LIMIT, sizes
    # the fewest term shards of at most SHARD_BYTES each on average (their size as written)
    written = sum(p.stat().st_size for p in shards)
    assert (len(shards) - 1) * SHARD_BYTES < written <= len(shards) * SHARD_BYTES * 1.05, (written, len(shards))
    # a chunk of result texts holds as many documents as fit in about CHUNK_BYTES (a query needs
    # one document of each chunk it loads)
    mean = sum(p.stat().st_size for p in chunks) / len(chunks)
    assert meta["chunkDocs"] in (1, 2, 4, 8, 16, 32, 64) and CHUNK_BYTES / 2.5 <= mean <= CHUNK_BYTES * 1.25, mean


def test_every_index_file_is_one_call_of_json_arguments(search_site: Path) -> None:
    """qasearch.js fetches the index files over http(s) and reads their arguments with JSON.parse
    (a file of another shape is loaded as a <script>, slower): every file the writer makes is one
    call `qabookSearch.<kind>(…);` whose arguments are JSON."""
    folder = search_site / "search" / "qabook"
    call = re.compile(r"qabookSearch\.(meta|shard|chunk|xshard|vocab|zh)\((.*)\);\n", re.S)
    files = sorted(folder.glob("*.js"))
    assert {p.name[0] for p in files} >= {"m", "t", "d", "x", "z"}, [p.name for p in files][:20]
    for path in files:
        m = call.fullmatch(path.read_text(encoding="utf-8"))
        assert m, f"{path.name}: not one call of qabookSearch"
        json.loads("[" + m.group(2) + "]")


def test_constructor_where_no_text_has_it(browser, search_site: Path) -> None:
    """`constructor` names a member of every JS object: on a site without the word it finds nothing, cleanly."""
    from browser import serve

    from qabook.i18n import strings

    with serve(search_site) as url:
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.goto(url)
        ranked = {}
        for query in ["constructor", "constructors", "__proto__", "toString", "valueOf", "hasOwnProperty"]:
            ranked.update(run_queries(page, [query]))
            assert page.locator("[data-qa-search]").get_attribute("data-qa-error") is None, query
            assert page.locator(".md-search-result__meta").inner_text() == strings("zh")["search.none"], query
        page.close()
    assert all(found == [] for found in ranked.values()), ranked


def test_a_query_of_punctuation_alone_finds_nothing_cleanly(browser, search_site: Path) -> None:
    """A query with nothing to look for ("?", "！？", "..."): "no results", not an error."""
    from browser import serve

    from qabook.i18n import strings

    with serve(search_site) as url:
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.goto(url)
        for query in ["?", "！？", "...", "-- ·"]:
            assert run_queries(page, [query]) == {query: []}
            assert page.locator("[data-qa-search]").get_attribute("data-qa-error") is None, query
            assert page.locator(".md-search-result__meta").inner_text() == strings("zh")["search.none"], query
        page.close()


def test_browser_reads_postings_as_the_index_writes_them(browser, search_site: Path) -> None:
    """Posting lists are text (digits.encode_numbers); the browser's `decode` gives the numbers back,
    at every boundary of one, two and three characters and past them."""
    from browser import serve

    from qabook.search.digits import decode_numbers, encode_numbers

    numbers = [0, 1, 45, 46, 47, 2069, 2070, 2071, 93149, 93150, 93151, 4_000_000, 7, 0, 300, 12]
    text = encode_numbers(numbers)
    assert decode_numbers(text) == numbers and '"' not in text and "\\" not in text
    assert len(encode_numbers(range(46))) == 46 and len(encode_numbers([46, 2069])) == 4
    with pytest.raises(ValueError):
        encode_numbers([3, -1])
    with serve(search_site) as url:
        page = browser.new_page()
        page.goto(url)
        got = page.evaluate("s => Array.from(qabookSearch.decode(s))", text)
        page.close()
    assert got == numbers


@pytest.mark.parametrize("step", [1, 10])
def test_results_asked_for_page_by_page_are_one_ranking(browser, search_site: Path, step: int) -> None:
    """The ranking is made as far as the results asked for reach: ten at a time ("show more"), or
    one at a time (the few best of a large tier, picked without sorting it), gives the list that
    one call for all gives, in the order the rules say (coverage, exact coverage,
    score, then the document), and the count of results holding every word is the list's."""
    from browser import serve

    queries = [q for q, _ in load_queries()] + ["训练 模型", "数据", "the", "fanxiangchuanbo", "backpropagation"]
    with serve(search_site) as url:
        page = browser.new_page()
        page.goto(url)
        runs = page.evaluate("""async ([qs, step]) => { const out = [];
            for (const q of qs) {
              const paged = [];  // (asked for first: the ranking of one query is kept, and sorted as far as asked)
              for (let at = 0, total = 1; at < total; at += step) {
                const some = await qabookSearch.search(q, step, at); total = some.total; paged.push(...some.results); }
              const all = await qabookSearch.search(q, 100000, 0);
              out.push({ q: q, total: all.total, full: all.full, all: all.results.map(r => [r.doc, r.cover, r.exact, r.score]),
                         paged: paged.map(r => [r.doc, r.cover, r.exact, r.score]) });
            }
            return out; }""", [queries, step])
        page.close()
    assert sum(r["total"] for r in runs) > 100
    for r in runs:
        assert r["paged"] == r["all"] and len(r["all"]) == r["total"], r["q"]
        keys = [(-round(c * 1e6), -round(e * 1e6), -s, d) for d, c, e, s in r["all"]]
        assert keys == sorted(keys), r["q"]
        assert r["full"] == sum(c >= 1 - 1e-9 for _, c, _, _ in r["all"]), r["q"]


def test_a_ranking_does_not_depend_on_the_query_before(browser, search_site: Path) -> None:
    """The ranking's tables of a row per document are kept from one query to the next (qasearch.js
    `tables`): each query ranks alike after the one before it and after a query of many terms that
    touches most documents."""
    from browser import serve

    queries = [q for q, _ in load_queries()][:30] + ["训练 模型", "数据", "the", "fanxiangchuanbo"]
    before = "训练 模型 数据 the model 反向传播 梯度 注意力 安全 网络"  # many terms, most documents
    with serve(search_site) as url:
        runs = []
        for first in ("", before):
            page = browser.new_page()
            page.goto(url)
            runs.append(page.evaluate("""async ([qs, first]) => { const out = [];
                const rows = r => r.list.map(x => [x.doc, x.cover, x.exact, x.score]);
                for (const q of qs) {
                  if (first) await qabookSearch.explain(first);
                  out.push(rows(await qabookSearch.explain(q)));
                }
                return out; }""", [queries, first]))
            page.close()
    assert sum(len(r) for r in runs[0]) > 100
    for q, alone, after in zip(queries, *runs):
        assert alone == after, q


def test_excepted_documents_are_read_as_the_writer_writes_them(browser, search_site: Path) -> None:
    """An expansion target's excepted documents (qabook.search.expand: 点数 where a page holds it
    only inside 浮点数) are written as distances (digits.encode_ids); the browser's `target`
    reads the same numbers back: every such target of the built book, and numbers at each
    boundary of one, two and three characters."""
    from browser import serve

    from qabook.search.digits import decode_ids, encode_ids

    ids = [0, 45, 46, 91, 2069, 2070, 2115, 4139, 93149, 100_000, 4_000_000]
    assert decode_ids(encode_ids(ids)) == ids
    with pytest.raises(ValueError):
        encode_ids([5, 3])
    tables = search_site / "search" / "qabook"
    targets = [t for f in sorted(tables.glob("x*.js"))
               for rows in json.loads(re.search(r"\((\d+),(.*)\);$", f.read_text(encoding="utf-8").strip()).group(2)).values()
               for t in rows if "|-" in t]
    assert targets  # (the seed book has such targets: 点数 inside 浮点数)
    docs = json.loads(re.search(r"\((.*)\);", (tables / "meta.js").read_text(encoding="utf-8")).group(1))["docs"]
    written = [("x|-" + encode_ids(ids), ids)] + [(t, decode_ids(t.split("|-", 1)[1])) for t in targets]
    assert all(0 <= i < docs for _, got in written[1:] for i in got)
    with serve(search_site) as url:
        page = browser.new_page()
        page.goto(url)
        read = page.evaluate("ts => ts.map(t => { const r = qabookSearch.target(t); return [r.text, Array.from(r.not || [])]; })",
                             [t for t, _ in written])
        page.close()
    assert read == [[t.split("|-", 1)[0], got] for t, got in written]


def test_a_query_whose_expansions_add_nothing_is_ranked_once(browser, search_site: Path) -> None:
    """`search` ranks by the query's own terms first (to ask for the shown results' texts early);
    when every expansion found after that needs a term no document holds, that ranking is the
    answer (one ranking, not two). Either way the results are those of a full ranking
    (`explain`, which always ranks once with every expansion)."""
    from browser import serve

    queries = [q for q, _ in load_queries()] + ["自注意力机制", "transformer", "fanxiangchuanbo", "声明周期",
                                                "privcy", "差分隐私 attention", "量子纠缠", "backpropagation"]
    with serve(search_site) as url:
        page = browser.new_page()
        page.goto(url)
        runs = page.evaluate("""async qs => { const out = [];
            const row = r => [r.doc, r.cover, r.exact, r.score, r.marks.slice().sort()];
            for (const q of qs) {
              const n = qabookSearch.rankings();
              const got = await qabookSearch.search(q, 20, 0);
              const once = qabookSearch.rankings() - n;
              const full = (await qabookSearch.explain(q)).list.slice(0, 20);
              out.push({ q: q, once: once, got: got.results.map(row), full: full.map(row) });
            }
            return out; }""", queries)
        page.close()
    for r in runs:
        assert r["got"] == r["full"], r["q"]
    assert {r["once"] for r in runs} == {1, 2}, runs  # some queries' expansions add nothing, some add results


def test_a_first_page_shown_before_its_count_is_the_answers(browser, search_site: Path) -> None:
    """`search`'s `early`: when at least a page of documents hold every word of the query exactly
    in the ranking by its own terms, that page is given before the expansions' files are in
    (the box shows it, the count follows). It is the answer's page, result for result (document,
    score, coverage, exact coverage, marks, text); for a query with fewer such documents, or
    planned again once zh.js folds it, it is not given early."""
    from browser import serve

    queries = [q for q, _ in load_queries()] + ["自注意力机制", "transformer", "fanxiangchuanbo", "声明周期",
                                                "privcy", "差分隐私 attention", "模型", "数据", "训练 模型",
                                                "安全", "the", "攻击", "网络"]
    with serve(search_site) as url:
        page = browser.new_page()
        page.goto(url)
        runs = page.evaluate("""async qs => { const out = [];
            const row = r => [r.doc, r.cover, r.exact, r.score, r.marks.slice().sort(), r.url, r.text];
            for (const n of [3, 10]) for (const q of qs) {
              let early = null;
              const got = await qabookSearch.search(q, n, 0, null, r => { early = r; });
              await qabookSearch.search('', 1, 0);  // (another query: search keeps its last answer)
              out.push({ q: q, n: n, early: early && early.results.map(row), total: early && early.total,
                         got: got.results.map(row) });
            }
            return out; }""", queries)
        page.close()
    early = [r for r in runs if r["early"] is not None]
    for r in early:
        assert r["early"] == r["got"], (r["q"], r["n"])
        assert r["total"] is None and len(r["got"]) == r["n"]
    assert early and len(early) < len(runs), [(r["q"], r["n"]) for r in early]  # some early, some not
