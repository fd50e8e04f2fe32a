"""`qabook build` says how far it is: each step as it starts, the page loops' counts; `--quiet`
silences it (qabook.progress). No timing is asserted: a count's clock is given."""

from __future__ import annotations

from pathlib import Path

from conftest import built_chapters, qabook
from qabook import progress


def _said(stderr: str) -> list[str]:
    return [line.removeprefix("qabook: ") for line in stderr.splitlines() if line.startswith("qabook: ")]


def test_a_build_says_each_step_and_quiet_silences_it(tmp_path: Path) -> None:
    site = built_chapters(tmp_path, 2, 3, lambda c, t: f"题目 {c}-{t}", lambda c, t: f"问题 {c} {t}")
    project = site.parent
    built = qabook("build", "--no-pdf", cwd=project)
    assert built.returncode == 0, built.stderr
    said = _said(built.stderr)
    pages = len(list((project / "docs").rglob("*.md")))  # (and the generated pages: print, review, quiz)
    steps = [next((k for k, line in enumerate(said) if line.startswith(start)), None) for start in (
        "checking ", "building pages with MkDocs", "converting ", "rendering ", "writing the study data of ",
        "writing the print pages of 2 chapters", "writing the search index", "writing the offline book's file list",
        "site ready in ")]
    assert None not in steps and steps == sorted(steps), said  # every step, in the order they run
    converting = next(line for line in said if line.startswith("converting "))
    assert converting.endswith(" pages") and int(converting.split()[1]) > pages, said
    quiet = qabook("build", "--no-pdf", "--quiet", cwd=project)
    assert quiet.returncode == 0, quiet.stderr
    assert quiet.stderr == "", quiet.stderr  # nothing said: a clean book built
    assert (project / "site" / "search" / "qabook" / "meta.js").is_file()


def test_a_count_says_each_tenth_and_on_a_terminal_every_few_seconds() -> None:
    said: list[str] = []
    now = [0.0]
    with progress.reporting(said.append):
        count = progress.Count("converting", 1000, clock=lambda: now[0], tty=False)
        for _ in range(1000):
            now[0] += 1 / 64  # a tenth every 1.6 s
            count.add()
    assert said[0] == "converting 1,000 pages"
    assert said[1:] == [f"converting pages: {k * 100:,} of 1,000 ({k * 10} %)" for k in range(1, 11)]

    said.clear()
    now[0] = 0.0
    with progress.reporting(said.append):
        count = progress.Count("rendering", 100, clock=lambda: now[0], tty=True)
        for _ in range(5):  # slow: a page every 6 s, so no tenth is passed between lines...
            now[0] += 6.0
            count.add()
    # ... and a terminal still sees it move
    assert said == ["rendering 100 pages"] + [f"rendering pages: {k} of 100 ({k} %)" for k in range(1, 6)]

    said.clear()
    now[0] = 0.0
    with progress.reporting(said.append):
        count = progress.Count("converting", 1000, clock=lambda: now[0], tty=True)
        count.add(1000)  # a quick loop: said only that it started
    assert said == ["converting 1,000 pages"]

    count = progress.Count("converting", 10)  # no reporter (mkdocs build, the live preview): nothing
    count.add(10)
    assert said == ["converting 1,000 pages"]
