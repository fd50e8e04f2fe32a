"""The search query set and its scoring, shared by the browser test and the benchmark."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

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
    """'…/llm/02-da-mo-xing…/#q1' or '…/llm/02-….html#q1' → 'llm/02'."""
    path = href.split("#")[0].split("?")[0].rstrip("/")
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
