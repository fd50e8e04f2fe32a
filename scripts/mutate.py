"""Mutation check: break known-critical lines of src/qabook one at a time; the tests must notice.

Each mutant replaces one exact piece of a source file (it must occur once: a mutant whose line
has changed is reported as stale, never skipped silently) in a scratch copy of the project, then
runs only the tests relevant to it (`pytest -x`, fastest module first). A mutant is *killed* when
a test fails and that test passes again without the mutant; it *survives* when they all pass.

    scripts/mutate                      # every mutant
    scripts/mutate --only fsrs-cap      # some (comma-separated names)
    scripts/mutate --tests-from REV     # with the tests/ of a git revision (a "before" figure)
    scripts/mutate --list               # the catalogue

The copy imports its own src/ (PYTHONPATH), also in the `qabook` processes the tests start;
../shared/ is linked beside it when present. PYTHONHASHSEED is fixed so that a run repeats.
Figures: design/quality.md.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IMPORTER_TESTS = ["tests/test_fuzz.py", "tests/test_import_golden.py", "tests/test_import_shapes.py",
                  "tests/test_import_random.py", "tests/test_import_corpus.py"]


@dataclass(frozen=True)
class Mutant:
    name: str
    path: str  # under src/qabook/
    old: str
    new: str
    tests: tuple[str, ...]  # pytest arguments: files, -k expressions
    what: str


MUTANTS = [
    Mutant("import-long-heading", "importer/plan.py", 'OutLine(f"# {h1}", title_src)', 'OutLine(f"# {title}", title_src)',
           tuple(IMPORTER_TESTS), "the chapter's H1 is the cut title, not the whole first heading"),
    Mutant("import-setext-heading", "importer/plan.py",
           'text = "#" * previous_level + " " + " ".join(el.text.split())', 'text = "#" * previous_level + " " + el.text',
           tuple(IMPORTER_TESTS), "a setext heading over several lines keeps its line breaks"),
    Mutant("import-diagnostics-order", "importer/plan.py", "plan.diagnostics = sorted(self.diags)",
           "plan.diagnostics = list(set(self.diags))", tuple(IMPORTER_TESTS),
           "import diagnostics in set order (changes with the hash seed)"),
    Mutant("copy-link-clipboard", "assets/qabook.js", "if (navigator.clipboard && window.isSecureContext) {",
           "if (false) {", ("tests/test_browser.py", "-k", "copy_link or anchor"),
           "the question's ¶ no longer copies its link"),
    Mutant("allow-html-raises", "config.py", 'allowed = options.get("allow_html") or []',
           'allowed = options.get("allow_html") or []\n    if allowed:\n        raise RuntimeError("mutant")',
           ("tests/test_content_safety.py", "-k", "not titles"), "reading the plugin's allow_html raises"),
    Mutant("allow-html-ignored", "config.py", "return frozenset(str(a).lower() for a in allowed) if",
           "return frozenset() if", ("tests/test_content_safety.py", "-k", "not titles"),
           "the plugin's allow_html is ignored"),
    Mutant("qa070-off", "rules/safety.py", "for line, column, what in page_problems(page, book.allow_html):",
           "for line, column, what in ():", ("tests/test_rules.py", "tests/test_content_safety.py", "-k", "not titles"),
           "script in a page is no longer a check error"),
    Mutant("search-one-shard", "search/index.py", "shards = max(1, min(4096, math.ceil(raw / SHARD_BYTES)))",
           "shards = 1", ("tests/test_search_extract.py", "tests/test_search.py"),
           "the search index is one term file whatever its size"),
    Mutant("raw-html-blind", "rawhtml.py", 'if "<" not in text:\n        return []',
           'if True:\n        return []', ("tests/test_fuzz.py", "tests/test_checker_renderer.py"),
           "the checker no longer sees raw HTML that hides block fences"),
    Mutant("parallel-never", "book.py", "jobs = min(jobs, os.cpu_count() or 1)", "jobs = 1",
           ("tests/test_performance.py", "-k", "parallel or parse_cache"), "the parallel check never starts its pool"),
    Mutant("duplicate-id-silent", "rules/metadata.py", "        if value in first:\n            yield",
           "        if False:\n            yield", ("tests/test_rules.py",), "two pages with one id pass the check"),
    Mutant("check-exits-0", "cli.py",
           '    click.echo(f"check: {summary(diags)}", err=True)\n    if any(d.is_error or strict for d in diags):',
           '    click.echo(f"check: {summary(diags)}", err=True)\n    if False:',
           ("tests/test_cli.py", "tests/test_content_safety.py", "-k", "not titles"),
           "`qabook check` exits 0 with errors"),
    Mutant("build-ignores-check", "build.py", "if any(d.is_error for d in diags) or (strict and diags):",
           "if False:", ("tests/test_build.py", "tests/test_content_safety.py", "-k", "not titles"),
           "the build publishes a book the check failed"),
    Mutant("answers-always-shown", "vocabulary.py", 'BlockKind("answer", "details"', 'BlockKind("answer", "admonition"',
           ("tests/test_checker_renderer.py", "tests/test_build.py", "tests/test_browser.py", "-k", "collapsed or agree"),
           "answers are shown, not collapsed"),
    Mutant("usage-error-lines", "cli.py",
           """click.echo(f"Error: {exc.format_message()} (see '{where} --help')", err=True)""", "exc.show()",
           ("tests/test_import_shapes.py", "-k", "usage or option"), "click's usage errors take four lines"),
    Mutant("fsrs-cap", "assets/fsrs.js", "maxInterval: 36500}", "maxInterval: 3650}",
           ("tests/test_study.py", "-k", "fsrs"), "the FSRS interval cap is 10 years instead of 100"),
]


def copy_project(dest: Path, tests_from: str | None) -> Path:
    """The tracked files of this clone (with their working-tree content) in dest/qabook; the
    tests/ of `tests_from` when given; ../shared/ linked beside it."""
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    project = dest / "qabook"
    for rel in filter(None, files.decode().split("\0")):
        src, dst = ROOT / rel, project / rel
        if src.is_symlink() or src.is_file():
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dst, follow_symlinks=False)
    if tests_from:
        shutil.rmtree(project / "tests")
        archive = subprocess.run(["git", "archive", tests_from, "tests"], cwd=ROOT, capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", str(project)], input=archive.stdout, check=True)
    if (ROOT.parent / "shared").is_dir():
        (dest / "shared").symlink_to(ROOT.parent / "shared")
    return project


def pytest(project: Path, args: list[str]) -> tuple[int, str]:
    """Run pytest on the copy; (exit code, the first failing test or the summary line)."""
    env = {**os.environ, "PYTHONPATH": str(project / "src"), "PYTHONHASHSEED": "0", "PYTHONDONTWRITEBYTECODE": "1"}
    r = subprocess.run([str(ROOT / ".venv" / "bin" / "python"), "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider",
                        "-o", "addopts=", *args], cwd=project, env=env, capture_output=True, text=True)
    lines = r.stdout.splitlines()
    failed = [line.split(" - ")[0].removeprefix("FAILED ").removeprefix("ERROR ") for line in lines
              if line.startswith(("FAILED ", "ERROR "))]
    return r.returncode, failed[0] if failed else (lines[-1] if lines else r.stderr.strip()[-300:])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", help="comma-separated mutant names")
    parser.add_argument("--tests-from", metavar="REV", help="use the tests/ of this git revision")
    parser.add_argument("--list", action="store_true", help="print the catalogue and stop")
    opts = parser.parse_args()
    mutants = MUTANTS
    if opts.only:
        names = opts.only.split(",")
        unknown = set(names) - {m.name for m in MUTANTS}
        if unknown:
            parser.error(f"unknown mutant(s): {', '.join(sorted(unknown))}")
        mutants = [m for m in MUTANTS if m.name in names]
    if opts.list:
        for m in mutants:
            print(f"{m.name:26} src/qabook/{m.path}: {m.what}\n{'':26} tests: {' '.join(m.tests)}")
        return 0

    with tempfile.TemporaryDirectory(prefix="qabook-mutate-") as tmp:
        project = copy_project(Path(tmp), opts.tests_from)
        tests = f"tests/ of {opts.tests_from}" if opts.tests_from else "the working tree's tests/"
        print(f"mutation check: {len(mutants)} mutants of src/qabook, {tests}", flush=True)
        survived, stale, unsure = [], [], []
        for m in mutants:
            target = project / "src" / "qabook" / m.path
            original = target.read_text(encoding="utf-8")
            if original.count(m.old) != 1:
                stale.append(m.name)
                print(f"STALE     {m.name}: the text to mutate occurs {original.count(m.old)} times in {m.path}",
                      flush=True)
                continue
            target.write_text(original.replace(m.old, m.new), encoding="utf-8")
            start = time.monotonic()
            try:
                code, detail = pytest(project, list(m.tests))
            finally:
                target.write_text(original, encoding="utf-8")
            if code in (0, 5):  # 5: no test selected, so none could notice
                verdict = "SURVIVED"
                survived.append(m.name)
            elif code == 1 and pytest(project, [detail])[0] == 0:  # the test that failed passes without the mutant
                verdict = "killed"
            else:
                verdict = "UNSURE"
                unsure.append(m.name)
                detail = f"pytest exit {code}; {detail} (fails without the mutant too, or did not run)"
            print(f"{verdict:9} {m.name:26} {time.monotonic() - start:6.0f} s  {detail}", flush=True)
        tried = len(mutants) - len(stale)
        print(f"survived: {len(survived)} of {tried} mutants" + (f" ({', '.join(survived)})" if survived else "")
              + (f"; unsure: {', '.join(unsure)}" if unsure else "") + (f"; stale: {', '.join(stale)}" if stale else ""),
              flush=True)
        return 1 if survived or stale or unsure else 0


if __name__ == "__main__":
    sys.exit(main())
