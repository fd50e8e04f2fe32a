"""The README is the front door (trial 6: 1,319 lines, the basic path hard to find): short, the
two commands, then "Your first book in five minutes", then links into guide/. These tests read
it as a stranger does: every link and anchor of the README and the guide leads somewhere, and
the five-minute path, run command by command exactly as written in a scratch home folder, says
what the README says it will (timings and the home folder aside)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

README = ROOT / "README.md"
GUIDE = sorted((ROOT / "guide").glob("*.md"))
LINK_RE = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


def github_anchor(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to '-'."""
    text = re.sub(r"[`*_]", "", heading.strip()).lower()
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def anchors(path: Path) -> set[str]:
    text = re.sub(r"^```.*?^```", "", path.read_text(encoding="utf-8"), flags=re.S | re.M)
    return {github_anchor(m) for m in re.findall(r"^#{1,6} (.+)$", text, flags=re.M)}


def section(text: str, heading: str) -> str:
    start = text.index(f"\n{heading}\n")
    end = text.find("\n## ", start + len(heading) + 2)
    while end != -1 and text.count("```", start, end) % 2:  # a '## ' inside a fenced sample
        end = text.find("\n## ", end + 4)
    return text[start:end if end != -1 else None]


@pytest.mark.parametrize("page", [README, *GUIDE], ids=lambda p: p.name)
def test_every_link_and_anchor_leads_somewhere(page: Path) -> None:
    text = re.sub(r"^```.*?^```", "", page.read_text(encoding="utf-8"), flags=re.S | re.M)
    text = re.sub(r"``.*?``|`[^`\n]*`", "", text)  # code spans show links as written, they link nothing
    broken = []
    for target in LINK_RE.findall(text):
        if re.match(r"[a-z]+:", target):
            continue
        file, _, anchor = target.partition("#")
        dest = (page.parent / file).resolve() if file else page
        if not dest.exists():
            broken.append(target)
        elif anchor and dest.suffix == ".md" and anchor not in anchors(dest):
            broken.append(target)
    assert not broken, f"{page.name}: {broken}"


def test_the_readme_is_a_front_door() -> None:
    text = README.read_text(encoding="utf-8")
    heads = re.findall(r"^## (.+)$", re.sub(r"^```.*?^```", "", text, flags=re.S | re.M), flags=re.M)
    assert heads[:2] == ["The two commands", "Your first book in five minutes"], heads
    assert "Architecture" in heads and "Dependencies, and why" in heads
    assert len(text.splitlines()) < 400
    for page in GUIDE:  # every guide page is linked from the front door
        assert f"(guide/{page.name})" in text, page.name


def _steps(text: str) -> tuple[str, list[tuple[str, list[str]]]]:
    """The five-minute path: its sample document, and (command, lines it shows) from step 2 on
    (step 1 builds this repository's own book, which the other tests build), up to the live
    preview, which runs until stopped (tests/test_live_preview.py)."""
    path = section(text, "## Your first book in five minutes")
    sample = re.search(r"```markdown\n(.*?)```", path, re.S).group(1)
    steps = []
    for block in re.findall(r"```console\n(.*?)```", path, re.S)[1:]:
        for chunk in re.split(r"^(?=\$ )", block, flags=re.M):
            if chunk.startswith("$ ") and not chunk.startswith("$ qabook serve"):
                command, *shown = chunk.rstrip("\n").split("\n")
                steps.append((command[2:], [s for s in shown if s.strip() and s.strip() != "…"]))
    return sample, steps


def _expected(line: str, home: Path) -> re.Pattern[str]:
    pattern = re.escape(line.replace("/home/me", str(home)))
    pattern = re.sub(r"\d+(?:\\\.\d+)?s\\\)", r"[\\d.]+s\\)", pattern)  # "(4 pages, 2.0s)"
    pattern = re.sub(r"\b\d+/\d+\b", r"\\d+/\\d+", pattern)  # "pdf 1/2": the order PDFs finish in
    return re.compile(pattern)


@pytest.mark.slow
def test_the_first_book_path_works_as_written(tmp_path: Path) -> None:
    sample, steps = _steps(README.read_text(encoding="utf-8"))
    home = tmp_path / "home"
    home.mkdir()
    (home / "qabook").symlink_to(ROOT)  # "the clone of this repository is ~/qabook"
    (home / "questions.md").write_text(sample, encoding="utf-8")
    commands = [c for c, _ in steps]
    assert commands[:2] == ['export PATH="$HOME/qabook/.venv/bin:$PATH"', "qabook --version"], commands
    assert any(c.startswith("qabook import ~/questions.md --preview") for c in commands)
    script = "set -e\n" + "".join(f"echo '@@step {i}'\n{c}\n" for i, c in enumerate(commands))
    venv = Path(sys.executable).parent
    env = {**os.environ, "HOME": str(home), "PATH": f"{venv}:/usr/bin:/bin"}
    env.pop("QABOOK", None)
    r = subprocess.run(["bash", "-c", script], cwd=home, env=env, capture_output=True, text=True, timeout=900)
    said = dict(re.findall(r"@@step (\d+)\n(.*?)(?=@@step |\Z)", r.stdout + "@@step ", re.S))
    assert r.returncode == 0, r.stdout + r.stderr
    out = r.stdout + r.stderr
    for i, (command, shown) in enumerate(steps):
        for line in shown:
            assert _expected(line, home).search(out), f"`{command}` did not say {line!r}:\n{said.get(str(i), '')}{r.stderr}"
    book = home / "mybook"
    assert (book / "questions.preview.html").is_file() and (book / "site" / "index.html").is_file()
    pdfs = sorted(p.name for p in (book / "site" / "pdf").glob("*.pdf"))
    assert pdfs == ["my-networking-book-networking.pdf", "my-networking-book.pdf"], pdfs
