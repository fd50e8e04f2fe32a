"""Shared test setup: where the seed and corpus are, the golden-file switch, a built site."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_a67bd3240e4ba4dd.txt"
CORPUS = SHARED / "corpus"
FIXTURES = Path(__file__).parent / "fixtures"
CHROMIUM = Path("/usr/bin/chromium")

#: The seed and corpus live in ../shared/ beside our clone (and CI's), never in a user's clone.
HAVE_SHARED = SEED.is_file() and (CORPUS / "INDEX.tsv").is_file()
needs_shared = pytest.mark.skipif(
    not HAVE_SHARED, reason=f"needs the seed and corpus of ../shared/ beside the clone ({SHARED} is absent)")


def in_ci() -> bool:
    """CI sets CI=true: there a missing ../shared/ is an error, not a reason to skip."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def pytest_configure(config: pytest.Config) -> None:
    if in_ci() and not HAVE_SHARED:
        missing = [SHARED] if not SHARED.is_dir() else [p for p in (SEED, CORPUS / "INDEX.tsv") if not p.is_file()]
        raise pytest.UsageError(f"CI is set but {' and '.join(map(str, missing))} {'is' if len(missing) == 1 else 'are'}"
                                " missing: the tests need the seed and corpus of ../shared/ beside the clone"
                                " (without CI they are skipped)")


def read_seed() -> str:
    """The seed document's text, or '' when ../shared/ is absent (its tests are skipped)."""
    return SEED.read_text(encoding="utf-8") if SEED.is_file() else ""


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="Rewrite golden files (expected outputs) from the current code.")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def qabook(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real `qabook` command, as a user would."""
    return subprocess.run([sys.executable, "-m", "qabook.cli", *args], cwd=cwd, text=True,
                          capture_output=True, env={**os.environ, **(env or {})}, timeout=600)


#: Seconds `qabook serve` may take to end once asked (its own limit is qabook.live.stopping.GRACE).
SERVE_STOPS_WITHIN = 30


def start_serve(project: Path, port: int, **popen: object) -> subprocess.Popen[str]:
    """`qabook serve` on `project`, in a process group of its own: whatever it leaves running
    can be found and ended (`stop_serve`)."""
    return subprocess.Popen([sys.executable, "-m", "qabook.cli", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                            cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, **popen)  # type: ignore[call-overload]


def stop_serve(proc: subprocess.Popen[str], signum: int = signal.SIGTERM) -> tuple[str, str]:
    """Ask `qabook serve` to stop (SIGTERM, as a process manager does); its stdout and stderr.
    When it has not ended within SERVE_STOPS_WITHIN seconds, or leaves a process of its group
    behind (holding its output), or says its stop hung, the whole group is killed and the test
    that started it fails here: a hang never leaks into the tests after it."""
    if proc.stdout is not None and proc.stdout.closed:  # it ended early, and its output was read
        return "", ""
    if proc.poll() is None:
        proc.send_signal(signum)
    problem = ""
    try:
        out, err = proc.communicate(timeout=SERVE_STOPS_WITHIN)  # its output ends when every holder has ended
    except subprocess.TimeoutExpired:
        problem = (f"qabook serve did not end within {SERVE_STOPS_WITHIN} s of signal {signum}" if proc.poll() is None
                   else f"qabook serve ended, but a process it started still held its output {SERVE_STOPS_WITHIN} s on")
        out, err = "", ""
    for _ in range(100):  # a child the preview ended a moment ago (reaped by init in a while)
        try:
            os.killpg(proc.pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        problem = problem or "qabook serve left a process of its group running"
    if problem:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        more_out, more_err = proc.communicate()
        pytest.fail(f"{problem}\n{(err + more_err)[-4000:]}", pytrace=False)
    if "stopping did not end" in err:
        pytest.fail(f"qabook serve had to be stopped without waiting for it:\n{err[-4000:]}", pytrace=False)
    return out, err


def empty_book(root: Path) -> Path:
    """This project's mkdocs.yml, home and tags pages, and no chapter: a book to add pages to."""
    shutil.copy2(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", root / "overrides")
    (root / "docs").mkdir()
    for name in ("index.md", "tags.md"):
        shutil.copy2(ROOT / "docs" / name, root / "docs" / name)
    return root


def built_chapters(root: Path, chapters: int, topics: int, title, question) -> Path:
    """`qabook new --empty`, then `chapters` chapters (c1, c2, …) of `topics` one-question topics
    (`title(c, t)`, `question(c, t)`, file `NN-tCT.md`, listed on the chapter page), built by
    `qabook build --no-pdf`: the site folder."""
    made = qabook("new", str(root / "book"), "--empty", cwd=root)
    assert made.returncode == 0, made.stderr
    project = root / "book"
    for c in range(1, chapters + 1):
        folder = project / "docs" / f"c{c}"
        folder.mkdir(parents=True)
        links = []
        for t in range(1, topics + 1):
            name = f"{t:02d}-t{c}{t}.md"
            links.append(f"- [{title(c, t)}]({name})")
            (folder / name).write_text(
                f"---\nid: t{c}-{t}\n---\n\n# {title(c, t)}\n\n/// question\n{question(c, t)}？\n///\n\n"
                f"/// answer\n答案 {c}-{t}。\n///\n", encoding="utf-8")
        (folder / "index.md").write_text(f"# 第 {c} 章\n\n" + "\n".join(links) + "\n", encoding="utf-8")
    built = qabook("build", "--no-pdf", cwd=project)
    assert built.returncode == 0, built.stderr + built.stdout
    return project / "site"


def filled_print_page(page: Path) -> str:
    """A chapter's print page as the browser shows it: each card slot filled from the chapter's
    cards script the page loads, as assets/print.js does."""
    import html
    import json

    text = page.read_text(encoding="utf-8")
    m = re.search(r'<script src="([^"]*study-cards/[^"]*)"></script>', text)
    if m is None:
        return text
    script = (page.parent / m.group(1)).read_text(encoding="utf-8")
    cards = json.loads(script[script.index("]=") + 2:script.rindex(";")])
    return re.sub(r'<template data-qa-card="([^"]*)" data-qa-part="(\w)"></template>',
                  lambda s: cards[html.unescape(s.group(1))][s.group(2)], text)


def old_sites_removed(folder: Path, within: float = 120.0) -> list[Path]:
    """Wait until the previous sites that builds left to remove after returning
    (`.<site>-gone-<pid>-x`, qabook.staging.discard_dir) are gone; those still there after
    `within` seconds (none, normally)."""
    def gone() -> list[Path]:
        return [p for p in folder.iterdir() if p.name.startswith(".") and "-gone-" in p.name]

    deadline = time.monotonic() + within
    while gone() and time.monotonic() < deadline:
        time.sleep(0.2)
    return gone()


def copy_project(dest: Path) -> Path:
    """A copy of the project's content (mkdocs.yml, docs/, overrides/) to build in isolation."""
    for name in ("mkdocs.yml",):
        shutil.copy2(ROOT / name, dest / name)
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, dest / name)
    return dest


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site with PDFs, built once per session by `qabook build` from a copy of the project."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    result = qabook("build", cwd=project, env={"QABOOK_PDF_STAMP": "test-build"})
    assert result.returncode == 0, result.stderr + result.stdout
    return project / "site"


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium, driven by Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    from browser import CHROMIUM_ARGS

    if not CHROMIUM.exists():
        pytest.fail("/usr/bin/chromium is missing: run scripts/bootstrap --test")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture(scope="session")
def site_url(built_site: Path):
    from browser import serve

    with serve(built_site) as url:
        yield url


def import_document(tmp_path: Path, name: str, text: str, chapter: str = "c") -> tuple[subprocess.CompletedProcess[str], list[Path]]:
    """`qabook import` of `text` saved as `name` into tmp_path/docs/<chapter>, as a user runs it:
    the run (its output in .stdout/.stderr) and the question pages written, in order."""
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    run = qabook("import", str(source), "--out", str(tmp_path / "docs"), "--chapter", chapter)
    return run, sorted((tmp_path / "docs" / chapter).glob("0*.md"))



def open_preview(browser, tmp_path: Path, name: str, text: str, width: int = 900, height: int = 700, listen=None):
    """`text` saved as `name` in tmp_path, `qabook import --preview` run there as an author runs
    it, and its page opened from disk in Chromium (`listen(page)` first, to watch its requests):
    the page."""
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    r = qabook("import", str(source), "--preview", cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    page = browser.new_page(viewport={"width": width, "height": height})
    if listen is not None:
        listen(page)
    page.goto(source.with_name(source.stem + ".preview.html").as_uri())
    return page


def block(text: str, kind: str) -> str:
    """The text of the first `/// kind` block of a page's Markdown ('question', 'answer',
    'explanation'), stripped; '' when there is none."""
    m = re.search(rf"^/// {kind}\b.*?\n(.*?)^///$", text, re.S | re.M)
    return m.group(1).strip() if m else ""


def page_block(page: Path, kind: str) -> str:
    """`block` of a written page."""
    return block(page.read_text(encoding="utf-8"), kind)
