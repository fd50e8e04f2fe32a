"""Golden-file tests for `qabook import`: each input beside the pages it must produce.

Inputs: the seed (read from ../shared/seed) and small fixtures in tests/fixtures/import/.
Expected: tests/golden/<name>/ (the pages and diagnostics.txt). After an intended change,
rewrite them with `scripts/test tests/test_import_golden.py --update-golden` and review the diff.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, HAVE_SHARED, SEED, needs_shared
from qabook.diagnostics import format_text
from qabook.importer import plan_import

GOLDEN = Path(__file__).parent / "golden"
CASES = {"seed": SEED, **{p.stem: p for p in sorted((FIXTURES / "import").glob("*.md"))}}


def produce(name: str) -> dict[str, str]:
    source = CASES[name]
    plan = plan_import(source.read_text(encoding="utf-8"), source.name, chapter="ch")
    files = {page.rel.split("/", 1)[1]: page.text for page in plan.pages}
    files["diagnostics.txt"] = format_text(plan.diagnostics)
    return files


@pytest.mark.parametrize("name", sorted(CASES))
def test_import_matches_golden(name: str, update_golden: bool) -> None:
    if name == "seed" and not HAVE_SHARED:
        pytest.skip(f"needs the seed of ../shared/ beside the clone ({SEED} is absent)")
    produced = produce(name)
    folder = GOLDEN / name
    if update_golden:
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        for rel, text in produced.items():
            (folder / rel).write_text(text, encoding="utf-8")
    expected = {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*"))}
    assert sorted(produced) == sorted(expected), "pages differ; run with --update-golden after checking"
    for rel, text in produced.items():
        assert text == expected[rel], f"{name}/{rel} differs from the golden file"


PRODUCE_ALL = """
import json, sys
from pathlib import Path
from qabook.diagnostics import format_text
from qabook.importer import plan_import
out = {}
for source in map(Path, sys.argv[1:]):
    plan = plan_import(source.read_text(encoding="utf-8"), source.name, chapter="ch")
    out[source.name] = {**{p.rel.split("/", 1)[1]: p.text for p in plan.pages}, "diagnostics.txt": format_text(plan.diagnostics)}
print(json.dumps(out, ensure_ascii=False))
"""


def test_import_is_deterministic() -> None:
    """The same pages and diagnostics from processes with different string hash seeds (the order
    of sets and of dicts built from them) as from this one."""
    sources = [CASES[name] for name in sorted(CASES) if CASES[name].is_file()]
    here = {source.name: produce(name) for name, source in sorted(CASES.items()) if source.is_file()}
    for seed in ("1", "2", "3"):
        r = subprocess.run([sys.executable, "-c", PRODUCE_ALL, *map(str, sources)], capture_output=True, text=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}, timeout=300)
        assert r.returncode == 0, r.stderr
        assert json.loads(r.stdout) == here, f"import differs with PYTHONHASHSEED={seed}"


@needs_shared
def test_committed_chapter_is_the_seed_import() -> None:
    """docs/llm was made by this import; authors have since added tags, nothing else."""
    docs = Path(__file__).parent.parent / "docs" / "llm"
    plan = plan_import(SEED.read_text(encoding="utf-8"), SEED.name, chapter="llm")
    for page in plan.pages:
        committed = (docs.parent / page.rel).read_text(encoding="utf-8")
        assert re.sub(r"^tags: .*\n", "", committed, flags=re.M) == page.text, page.rel
