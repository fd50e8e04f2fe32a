"""A build's forked processes keep what they inherited out of the cyclic collector's sight.

The converting and render workers (qabook.parallel_build) and the search index's process beside
the render loop hold the whole parent heap they were forked with; a full collection there walks
all of it (and writes to every inherited object's header, copying the parent's memory page by
page). Each freezes what it inherited (`gc.freeze`) as it starts: its frozen count is not zero.
No timing is asserted.
"""

from __future__ import annotations

import gc
from types import SimpleNamespace

import pytest

from qabook import parallel_build


class _Plugins(dict):
    """What a worker's start-up reads of MkDocs' plugin collection: no plugin, no events."""

    events = {"page_markdown": [], "page_content": []}


@pytest.fixture
def nothing_frozen():
    """This process's frozen objects (an earlier test may have loaded a parse cache, which
    freezes) let back in, so that a worker's count is its own doing."""
    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    yield


@pytest.mark.parametrize("kind", ["converting", "render"])
def test_a_build_worker_freezes_what_it_inherited(nothing_frozen: None, kind: str) -> None:
    state = {"pages": []} if kind == "converting" else {"doc_files": []}
    with parallel_build._pool(1, config=SimpleNamespace(plugins=_Plugins()), **state) as pool:
        frozen = pool.apply(gc.get_freeze_count)
    assert frozen > 0, f"a {kind} worker left what it inherited to the collector (parallel_build._init_worker)"


def _frozen_or_fail() -> None:
    if gc.get_freeze_count() == 0:
        raise RuntimeError("the process beside the render loop left what it inherited to the collector")


def test_the_process_beside_the_render_loop_freezes_what_it_inherited(nothing_frozen: None) -> None:
    parallel_build.beside(_frozen_or_fail).join()  # a BuildError if it did not
