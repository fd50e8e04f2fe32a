"""A one-off build (`qabook build`) lets go of each page's HTML before the search index is
built; a build whose pages may be rendered again (a live preview) keeps it. What is measured
is what the index step still holds (the memory itself is the benchmark's, not a test's)."""

from __future__ import annotations

import json
import os
from collections import Counter
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, filled_print_page

sys.path.insert(0, str(ROOT / "benchmarks"))
from genbook import generate  # noqa: E402

BUILD = r"""
import json, os, sys
from mkdocs.config import load_config
from qabook.parallel_build import build
from qabook.plugin import preview, search_index
seen = {"build": os.getpid()}
write_index = search_index.write_index
def watched(site, rendered, *args, **kwargs):  # (in the process that writes the index)
    seen["index"] = os.getpid()
    if os.environ.get("QABOOK_TEST_INDEX_FAILS"):
        raise OSError("No space left on device")
    seen["pages"] = len(rendered)
    seen["with_html"] = sum(1 for r in rendered.values() if r.html)
    seen["kept"] = sum(1 for r in preview._RENDERED.values() if r.html) + len(preview._STUDY)
    with open(sys.argv[4], "w") as out:
        json.dump(seen, out)
    return write_index(site, rendered, *args, **kwargs)
search_index.write_index = watched
config = load_config("mkdocs.yml", site_dir=sys.argv[1])
config.plugins["qabook"].config["pdf"] = False
class Counting:  # another plugin that keeps state from rendering: the pages render in this process
    def on_page_context(self, context, **kwargs):
        return None
if os.environ.get("QABOOK_TEST_STATEFUL_RENDER"):
    config.plugins.events["page_context"].append(Counting().on_page_context)
build(config, jobs=int(sys.argv[2]), min_pages=0, keep_content=sys.argv[3] == "keep")
print(json.dumps(seen))
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("memory") / "book"
    project.mkdir()
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    generate(project / "docs", 12, 1, per_chapter=6)
    return project


def _index_step(project: Path, site: Path, jobs: int, keep: bool) -> dict:
    seen = site.parent / "index-step.json"
    r = subprocess.run([sys.executable, "-c", BUILD, str(site), str(jobs), "keep" if keep else "go", str(seen)],
                       cwd=project, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-3000:]
    return {**json.loads(r.stdout.strip().splitlines()[-1]), **json.loads(seen.read_text())}


@pytest.mark.parametrize("jobs", [1, 2])
def test_one_off_build_lets_go_of_the_pages_html_before_the_index(project: Path, tmp_path: Path, jobs: int) -> None:
    seen = _index_step(project, tmp_path / "site", jobs, keep=False)
    assert seen["pages"] >= 12 and seen["with_html"] == 0 and seen["kept"] == 0
    # pages rendered in workers: the index is written beside them, by a process of its own
    assert (seen["index"] != seen["build"]) is (jobs > 1)
    # the print pages and study data were written from it first
    printed = filled_print_page(tmp_path / "site" / "c000" / "print" / "index.html")
    assert printed.count('class="qa-print-topic"') == 6 and "标记词00001" in printed
    cards = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "site").rglob("study-cards/*.js"))
    assert "标记词00001" in cards


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_index_that_cannot_be_written_stops_the_build_with_its_reason(project: Path, tmp_path: Path,
                                                                          jobs: int) -> None:
    """Written beside the render loop or after it, a failing index step ends the build (no hang,
    no half-made site reported as built) and says why."""
    r = subprocess.run([sys.executable, "-c", BUILD, str(tmp_path / "site"), str(jobs), "go", str(tmp_path / "s.json")],
                       cwd=project, capture_output=True, text=True, timeout=600,
                       env={**os.environ, "QABOOK_TEST_INDEX_FAILS": "1"})
    assert r.returncode != 0 and "No space left on device" in r.stderr


def test_pages_rendered_in_this_process_have_the_index_written_after_them(project: Path, tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Another plugin keeps state from rendering: the render loop runs in the build's process,
    and so does the index, after it (the ordinary path)."""
    monkeypatch.setenv("QABOOK_TEST_STATEFUL_RENDER", "1")
    seen = _index_step(project, tmp_path / "site", 2, keep=False)
    assert seen["index"] == seen["build"] and seen["pages"] >= 12 and seen["with_html"] == 0
    assert (tmp_path / "site" / "search" / "qabook" / "meta.js").is_file()


def test_build_that_renders_again_keeps_the_pages_html(project: Path, tmp_path: Path) -> None:
    seen = _index_step(project, tmp_path / "site", 1, keep=True)
    assert seen["pages"] >= 12 and seen["with_html"] == seen["pages"] and seen["kept"] > 0


def test_freed_memory_is_given_back_where_the_c_library_can() -> None:
    from qabook.memory import give_back

    assert give_back() is sys.platform.startswith("linux")


class _Unsendable(frozenset):
    """A word list that cannot be pickled: a task that sent its arguments would fail on it."""

    def __reduce__(self):
        raise TypeError("the word list was pickled")


def test_search_workers_inherit_the_word_list_and_keep_nothing_per_document(monkeypatch) -> None:
    """The expansions' per-document work in forked workers: the word list (tens of MB) is
    inherited, not pickled with each of the book's spans (each worker held a copy per task), and
    what a document yields is not kept in the worker; the result is the serial one."""
    from qabook.cpus import available_cores
    from qabook.search import SearchDoc, expand

    if available_cores() < 2:
        pytest.skip("one core: the work runs in this process")
    text = "自注意力机制让模型关注输入的不同位置"
    docs = [SearchDoc(f"p{i}/", "标题", "章", {"answer": f"{text}{i}"}) for i in range(40)]
    words = _Unsendable({"注意力", "机制", "模型"})
    monkeypatch.setattr(expand, "PARALLEL_MIN_DOCS", 0)
    parallel = expand._mapped(docs, expand._stats_of, words, 1)
    assert len(parallel) > 1 and all("_phrases" not in d.__dict__ for d in docs)  # (worked out in the workers)
    monkeypatch.setattr(expand, "PARALLEL_MIN_DOCS", 10**9)
    [serial] = expand._mapped(docs, expand._stats_of, words, 1)
    phrases = sum((part[0] for part in parallel), Counter())
    assert phrases == serial[0] and phrases["注意力"] == 40
    assert [lo for part in parallel for lo in part[4]] == serial[4]


RENDER_PROBE = r"""
import json, os, sys
from mkdocs.config import load_config
from qabook import parallel_build
from qabook.plugin import preview
render = parallel_build._build_chunk
def probe(indices):  # in a render worker (tasks name the function; the worker looks it up)
    plugin = parallel_build._STATE["config"].plugins["qabook"]
    held = len(plugin.rendered) + len(preview._RENDERED) + len(preview._STUDY)
    with open(os.path.join(sys.argv[2], f"{os.getpid()}.json"), "w") as out:
        json.dump(held, out)
    return render(indices)
parallel_build._build_chunk = probe
config = load_config("mkdocs.yml", site_dir=sys.argv[1])
config.plugins["qabook"].config["pdf"] = False
site = parallel_build.build(config, jobs=2, min_pages=0, keep_content=True)
print(json.dumps(len(site.config.plugins["qabook"].rendered)))
"""


def test_render_workers_let_go_of_what_the_parent_kept_of_every_page(project: Path, tmp_path: Path) -> None:
    """Render workers are forked with all the parent holds; qabook's copies of every page (its
    HTML, search documents, study splits) are not needed to render, and go in the worker. The
    parent keeps them (this build may be a preview's, which renders again)."""
    probes = tmp_path / "probes"
    probes.mkdir()
    r = subprocess.run([sys.executable, "-c", RENDER_PROBE, str(tmp_path / "site"), str(probes)], cwd=project,
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-3000:]
    assert int(r.stdout.strip().splitlines()[-1]) >= 12  # the parent's
    held = [json.loads(p.read_text()) for p in probes.glob("*.json")]
    assert held and held == [0] * len(held)
    assert (tmp_path / "site" / "c001" / "006-t001-005" / "index.html").is_file()


CONVERT_PROBE = r"""
import json, os, sys
from mkdocs.config import load_config
from qabook import parallel_build
from qabook.plugin import preview
convert = parallel_build._populate_chunk
def probe(indices):  # in a converting worker, after each of its chunks
    result = convert(indices)
    plugin = parallel_build._STATE["config"].plugins["qabook"]
    held = {"rendered": len(plugin.rendered), "study": len(preview._STUDY), "handed": len(result[0])}
    path = os.path.join(sys.argv[2], f"{os.getpid()}.json")
    before = json.load(open(path)) if os.path.exists(path) else []
    with open(path, "w") as out:
        json.dump(before + [held], out)
    return result
parallel_build._populate_chunk = probe
config = load_config("mkdocs.yml", site_dir=sys.argv[1])
config.plugins["qabook"].config["pdf"] = False
parallel_build.build(config, jobs=2, min_pages=0, keep_content=sys.argv[3] == "keep")
"""


@pytest.mark.parametrize("keep", [False, True])
def test_converting_workers_keep_nothing_of_the_pages_they_handed_over(project: Path, tmp_path: Path,
                                                                       keep: bool) -> None:
    """A converting worker hands each page's HTML, search documents and study questions to the
    parent and reads none of them again: kept, each worker held its share of the book unpacked
    (at 100,000 questions its largest process). Whatever the build, after each chunk the worker
    holds none of them; the parent has every page (the site is written)."""
    probes = tmp_path / "probes"
    probes.mkdir()
    r = subprocess.run([sys.executable, "-c", CONVERT_PROBE, str(tmp_path / "site"), str(probes),
                        "keep" if keep else "go"], cwd=project, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-3000:]
    chunks = [held for p in probes.glob("*.json") for held in json.loads(p.read_text())]
    assert sum(c["handed"] for c in chunks) >= 14
    assert [(c["rendered"], c["study"]) for c in chunks] == [(0, 0)] * len(chunks)
    assert (tmp_path / "site" / "c001" / "006-t001-005" / "index.html").is_file()


def test_search_index_files_are_made_one_at_a_time(monkeypatch) -> None:
    """The index is written file by file as it is made (a 10,000-page book's shards and their
    postings, held at once, were the build's peak): the files are build_index's, in its order,
    and a later shard is not made before the one before it has been taken."""
    from qabook.search import SearchDoc, index

    def docs():
        return [SearchDoc(f"p{i}/#q1", f"题{i}", "章", {"question": f"第{i}题问的是梯度下降和反向传播{i * 7}",
                                                      "answer": f"学习率 learning rate {i} 与动量"}) for i in range(300)]

    monkeypatch.setattr(index, "SHARD_BYTES", 2000)  # several shards
    whole = index.build_index(docs())
    made: list[str] = []
    js = index._js
    monkeypatch.setattr(index, "_js", lambda kind, *args: made.append(f"{kind}{args[0] if kind != 'meta' else ''}")
                        or js(kind, *args))
    files = index.index_files(docs())
    taken = []
    for name, data in files:
        taken.append((name, data))
        if name == "t0.js":
            assert "shard1" not in made and "shard0" in made
    assert taken == list(whole.items()) and sum(n.startswith("t") for n in whole) > 3


HELD_PROBE = r"""
import json, sys
from mkdocs.config import load_config
from qabook import parallel_build
from qabook.memory import Packed, PackedItems
from qabook.plugin import preview
seen = {}
build_all = parallel_build._build_all
def probe(config, nav, env, doc_files, jobs):  # in the parent, between converting and rendering
    plugin = config.plugins["qabook"]
    pages = [f.page for f in doc_files if f.page is not None]
    seen["pages"] = len(pages)
    seen["content_packed"] = sum(isinstance(p.__dict__.get("_held_content"), Packed) for p in pages)
    seen["content_reads_as_text"] = all(isinstance(p.content, str) and "<" in p.content for p in pages
                                        if isinstance(p.__dict__.get("_held_content"), Packed))
    tocs = [p for p in pages if isinstance(p.__dict__.get("_held_toc"), PackedItems)]
    seen["toc_packed"] = len(tocs)
    seen["toc_reads_as_mkdocs_own"] = all(type(p.toc).__name__ == "TableOfContents" and next(iter(p.toc)).title
                                          for p in tocs)
    rendered = list(plugin.rendered.values())
    seen["qabook_pages"] = len(rendered)
    seen["qabook_packed"] = sum(isinstance(r.html, Packed) for r in rendered)
    seen["questions"] = sum(len(q) for _, q in preview._STUDY.values())
    seen["questions_packed"] = sum(isinstance(x._html, Packed) for _, q in preview._STUDY.values() for x in q)
    docs = [d for r in rendered for d in r.docs]
    seen["docs"] = len(docs)
    seen["docs_packed"] = sum("_packed_terms" in d.__dict__ and "terms" not in d.__dict__ for d in docs)
    return build_all(config, nav, env, doc_files, jobs)
parallel_build._build_all = probe
config = load_config("mkdocs.yml", site_dir=sys.argv[1])
config.plugins["qabook"].config["pdf"] = False
parallel_build.build(config, jobs=2, min_pages=0, keep_content=sys.argv[2] == "keep")
print(json.dumps(seen))
"""


@pytest.mark.parametrize("keep", [False, True])
def test_one_off_parallel_build_holds_every_page_packed_between_its_loops(project: Path, tmp_path: Path,
                                                                          keep: bool) -> None:
    """Between converting and rendering, the parent holds every page of the book: a one-off build
    holds each page's HTML packed (MkDocs' copy, read through `page.content` as text; qabook's,
    and its questions for study mode reading it), MkDocs' table of contents (read through
    `page.toc` as MkDocs' own) and its search documents' term counts packed —
    at 30,000 questions these were 1.3 GB of a 2.4 GB build. A build that renders again keeps
    them as they are. (That the site is the same is test_parallel_build's.)"""
    r = subprocess.run([sys.executable, "-c", HELD_PROBE, str(tmp_path / "site"), "keep" if keep else "go"],
                       cwd=project, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-3000:]
    seen = json.loads(r.stdout.strip().splitlines()[-1])
    assert seen["pages"] >= 14 and seen["qabook_pages"] >= 14 and seen["questions"] >= 12 and seen["docs"] >= 12
    if keep:
        assert seen["content_packed"] == seen["qabook_packed"] == seen["questions_packed"] == seen["toc_packed"] == 0
        return
    # every converted page (the print, review and quiz pages are converted too)
    assert seen["content_packed"] == seen["pages"] and seen["content_reads_as_text"]
    # and MkDocs' table of contents of every page that has one (each topic's), read as MkDocs' own
    assert seen["toc_packed"] >= 12 and seen["toc_reads_as_mkdocs_own"]
    assert seen["qabook_packed"] == seen["qabook_pages"]
    assert seen["questions_packed"] == seen["questions"]
    # (the documents came from workers, which pack their counts whatever the build)
    assert seen["docs_packed"] == seen["docs"]


def test_packed_text_and_term_counts_read_back_the_same() -> None:
    """What a big build holds packed reads back as it was: a page's HTML (whole and sliced),
    and a search document's term counts (the same terms in the same order, each the one
    interned string, the counts not kept on the document when read)."""
    import pickle

    from qabook.memory import Packed
    from qabook.search import SearchDoc

    html = "<p>梯度下降 gradient descent</p>" * 50 + "<svg>" + "M 1 2 L 3 4 " * 200 + "</svg>"
    packed = pickle.loads(pickle.dumps(Packed(html)))
    assert str(packed) == html and packed[5:40] == html[5:40] and len(packed) == len(html)
    assert len(packed.data) < len(html) / 4
    doc = SearchDoc("a/#q1", "题", "章", {"question": "反向传播如何计算梯度？梯度", "answer": "链式法则 chain rule rules"})
    terms = doc.terms
    back = pickle.loads(pickle.dumps(doc))
    assert "terms" not in back.__dict__ and "_packed_terms" in back.__dict__
    counts = back.term_counts()
    assert counts == terms and [list(c.items()) for c in counts.values()] == [list(c.items()) for c in terms.values()]
    assert all(t is sys.intern(t) for c in counts.values() for t in c)
    assert "terms" not in back.__dict__  # read, not kept
    assert back.terms == terms and "terms" in back.__dict__  # `terms` keeps them, as before
    # a page's questions for study mode, reading its packed HTML through flat spans
    from qabook.study import split_questions

    page = ('<div class="admonition question" id="q1"><p class="admonition-title">问题</p><p>什么是梯度？</p></div>'
            '<details class="answer"><summary>答案</summary><p>损失函数的导数。</p></details>')
    questions = split_questions(page)
    assert questions and [q.reading(Packed(page)).as_tuple() for q in questions] == [q.as_tuple() for q in questions]
