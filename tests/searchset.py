"""The search query set and its scoring, shared by the browser test and the benchmark."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

QUERIES = Path(__file__).parent / "search_queries.tsv"
CORPUS_CHAPTER = "02-datacenter-security-reliability.md"


def load_queries() -> list[tuple[str, str]]:
    rows = []
    for line in QUERIES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            query, expected = line.split("\t")
            rows.append((query, expected))
    return rows


def page_key(href: str) -> str:
    """'…/llm/02-da-mo-xing…/#q1' or '…/llm/02-….html#q1' → 'llm/02'; a page that is no topic →
    its path ('/llm', '/' — the host is left out: '127.0.0.1' is not a topic number)."""
    path = urlsplit(href).path.rstrip("/") if "://" in href else href.split("#")[0].split("?")[0].rstrip("/")
    parts = path.split("/")
    if len(parts) < 2 or not parts[-1][:2].isdigit():
        return path or "/"  # the home page, a chapter page: never an expected topic
    return f"{parts[-2]}/{parts[-1][:2]}"


@dataclass
class Score:
    hit1: float
    hit5: float
    mrr: float
    misses: list[tuple[str, str, list[str]]]

    def line(self, name: str, n: int) -> str:
        return f"{name}: {n} queries, hit@1 {self.hit1:.3f}, hit@5 {self.hit5:.3f}, MRR {self.mrr:.3f}"


def score(ranked: dict[str, list[str]], queries: list[tuple[str, str]]) -> Score:
    hit1 = hit5 = mrr = 0.0
    misses = []
    for query, expected in queries:
        keys = ranked.get(query, [])
        rank = next((i for i, k in enumerate(keys, 1) if k == expected), None)
        hit1 += rank == 1
        hit5 += rank is not None and rank <= 5
        mrr += 1 / rank if rank else 0
        if rank != 1:
            misses.append((query, expected, keys[:5]))
    n = len(queries)
    return Score(hit1 / n, hit5 / n, mrr / n, misses)


# ---- the hard query set over tests/searchbook (real documents, the learner's own words) ----

SEARCHBOOK = Path(__file__).parent / "searchbook"
HARD_QUERIES = SEARCHBOOK / "queries.tsv"
KINDS = ("term", "paraphrase", "answer-only", "cross-language", "pinyin", "typo")
#: The seed book's trial set: what a new user typed on the seed book and reported (kept apart
#: from the hard set's figures).
TRIAL_QUERIES = Path(__file__).parent / "search_queries_trial.tsv"
TRIAL_KINDS = ("word", "phrase", "typo", "term")


@dataclass(frozen=True)
class HardQuery:
    query: str
    expected: frozenset[str]  # pages that answer it (chapter/NN)
    kind: str
    form: str = ""


def load_hard_queries(path: Path = HARD_QUERIES, kinds: tuple[str, ...] = KINDS) -> list[HardQuery]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            query, expected, kind, *rest = line.split("\t")
            assert kind in kinds, line
            rows.append(HardQuery(query, frozenset(expected.split("|")), kind, rest[0] if rest else ""))
    return rows


def load_trial_queries() -> list[HardQuery]:
    return load_hard_queries(TRIAL_QUERIES, TRIAL_KINDS)


def load_seed_queries() -> list[HardQuery]:
    """The seed set (search_queries.tsv) as one kind, 'seed'."""
    return [HardQuery(q, frozenset([e]), "seed") for q, e in load_queries()]


@dataclass
class KindScore:
    n: int = 0
    hit1: int = 0
    hit5: int = 0
    empty: int = 0

    def line(self, name: str) -> str:
        n = max(1, self.n)
        return (f"{name:<15} {self.n:>4}  hit@1 {self.hit1 / n:.3f} ({self.hit1:>3})  "
                f"hit@5 {self.hit5 / n:.3f} ({self.hit5:>3})  empty {self.empty:>3}")


def score_hard(ranked: dict[str, list[str]], queries: list[HardQuery]) -> tuple[dict[str, KindScore], list[str]]:
    """Per kind (and 'all'): hit@1, hit@5, empty lists; plus one line per miss at 1."""
    kinds = list(dict.fromkeys(q.kind for q in queries))
    scores = {k: KindScore() for k in (*kinds, "all")}
    misses = []
    for q in queries:
        keys = ranked.get(q.query, [])
        rank = next((i for i, k in enumerate(keys, 1) if k in q.expected), None)
        for s in (scores[q.kind], scores["all"]):
            s.n += 1
            s.hit1 += rank == 1
            s.hit5 += rank is not None and rank <= 5
            s.empty += not keys
        if rank != 1:
            misses.append(f"{q.kind:<14} {q.query!r} → {'|'.join(sorted(q.expected))}: rank {rank}, got {keys[:3]}")
    return scores, misses


#: a page's init script that hides the study data, as a book built with `study: false` has none:
#: a result then shows the passage that matched, the answer's too (qasearch.js, shownText)
NO_STUDY = "Object.defineProperty(window, 'QABOOK_STUDY', {get: () => undefined, set: () => {}})"


def on_screen(page, locator) -> bool:
    """Whether the element is what a person sees at its centre (a hit test, not DOM presence),
    once it stands still: on a phone Material slides the search panel in, and the box and the hit
    test are taken in one go, in the same frame."""
    return locator.evaluate("""el => new Promise(done => {
        let last = '', still = 0, frames = 0;
        const tick = () => {
          const r = el.getBoundingClientRect(), now = [r.left, r.top, r.width, r.height].join();
          still = now === last ? still + 1 : 0; last = now;
          if (still < 3 && ++frames < 120) { requestAnimationFrame(tick); return; }  // at most ~2 s
          if (r.width < 1 || r.height < 1) { done(false); return; }
          const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          done(!!hit && (hit === el || el.contains(hit)));
        };
        requestAnimationFrame(tick); })""")


def visible_results(page, depth: int = 5) -> list[str]:
    """The first `depth` result links a person sees: each is scrolled into view inside the results
    panel and hit-tested at its centre; one that is hidden or covered counts as not shown."""
    hrefs = page.evaluate("""depth => {
        const out = [];
        for (const a of [...document.querySelectorAll('.md-search-result__list a')].slice(0, depth)) {
            a.scrollIntoView({block: 'nearest'});
            const r = a.getBoundingClientRect();
            const hit = r.width >= 1 && r.height >= 1 &&
                document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 20));
            out.push(hit && a.contains(hit) ? a.href : null);
        }
        const first = document.querySelector('.md-search-result__list a');
        if (first) first.scrollIntoView({block: 'nearest'});
        return out;
    }""", depth)
    return [page_key(h) if h else "(not visible)" for h in hrefs]


def type_into_box(page, query: str) -> None:
    """Click into the header search box (tap the search icon on a phone), clear it, type the query."""
    box = page.locator("[data-qa-search] input")
    if page.viewport_size["width"] >= 960:  # Material shows the box in the header from 60em up
        page.click("[data-qa-search] input")
    elif page.evaluate("document.getElementById('__search').checked"):  # a phone, search open: tap the box
        box.scroll_into_view_if_needed()
        box.tap()
    else:
        page.tap("label.md-header__button[for=__search]")
        page.wait_for_function("document.activeElement && document.activeElement.matches('[data-qa-search] input')")
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    page.keyboard.type(query)
    page.wait_for_function("q => document.querySelector('[data-qa-search]').dataset.qaQuery === q", arg=query)


def run_hard_queries(page, queries: list[HardQuery], depth: int = 5) -> dict[str, list[str]]:
    out = {}
    for q in queries:
        type_into_box(page, q.query)
        out[q.query] = visible_results(page, depth)
    return out
