"""The owned names of `qabook.staging`: `<prefix><pid>-…` entries a run left are found by one
scan (`abandoned`) and acted on by `remove_stale`, `restore_aside` and `remove_abandoned`; an
entry whose process still runs is never touched by any of them, whatever else holds."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from qabook import staging

PREFIX = ".site-old-"


def _dead_pid() -> int:
    return int(subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                              text=True, check=True).stdout)


@pytest.fixture
def live_pid():
    """A process that runs while the test does (not this one: a pid of someone else's run)."""
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        yield proc.pid
    finally:
        proc.kill()
        proc.wait()


def _folder(parent: Path, name: str) -> Path:
    folder = parent / name
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "page.html").write_text(name, encoding="utf-8")
    return folder


def _files(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_scan_finds_only_dead_owners(tmp_path: Path, live_pid: int) -> None:
    dead = _dead_pid()
    for name in (f"{PREFIX}{dead}-x", f"{PREFIX}{live_pid}-x", f"{PREFIX}{os.getpid()}-x", f"{PREFIX}gone-{dead}-x",
                 f"{PREFIX}{dead}", f".other-{dead}-x"):
        (tmp_path / name).mkdir()
    (tmp_path / f"{PREFIX}{dead}-y.part").write_text("half", encoding="utf-8")
    assert [p.name for p in staging.abandoned(tmp_path, PREFIX)] == [f"{PREFIX}{dead}-x", f"{PREFIX}{dead}-y.part"]
    assert [p.name for p in staging.abandoned(tmp_path, PREFIX, ".part")] == [f"{PREFIX}{dead}-y.part"]
    assert staging.abandoned(tmp_path / "missing", PREFIX) == []


@pytest.mark.parametrize("clean", ["remove_stale", "remove_abandoned", "restore_aside", "restore_aside_no_target"])
def test_a_live_runs_folder_is_never_touched(tmp_path: Path, live_pid: int, clean: str) -> None:
    """Beside a folder a dead run left (which each of them does act on), the folders of a run
    still going, its own process's and another's, stay as they are, contents and all."""
    target = _folder(tmp_path, "site")
    dead = _folder(tmp_path, f"{PREFIX}{_dead_pid()}-x")
    live = [_folder(tmp_path, f"{PREFIX}{pid}-x") for pid in (live_pid, os.getpid())]
    before = [_files(folder) for folder in live]
    if clean == "restore_aside_no_target":  # the target missing: the dead run's folder is put back, no live one
        (target / "sub" / "page.html").unlink()
        (target / "sub").rmdir()
        target.rmdir()
    if clean.startswith("restore_aside"):
        assert staging.restore_aside(tmp_path, PREFIX, target) == []
    else:
        getattr(staging, clean)(tmp_path, PREFIX)
    assert not dead.exists()  # the dead run's folder was acted on …
    assert [_files(folder) for folder in live] == before  # … the live ones not at all
    if clean == "restore_aside_no_target":
        assert _files(target) == {"sub/page.html": dead.name}


def test_a_link_with_an_owned_name_is_never_followed(tmp_path: Path) -> None:
    """A symbolic link named like a dead run's folder is no folder of qabook's: neither put in
    place of the target nor emptied where it points."""
    elsewhere = _folder(tmp_path, "elsewhere")
    link = tmp_path / f"{PREFIX}{_dead_pid()}-x"
    link.symlink_to(elsewhere)
    staging.restore_aside(tmp_path, PREFIX, tmp_path / "site")
    staging.remove_abandoned(tmp_path, PREFIX)
    assert not (tmp_path / "site").exists() and _files(elsewhere) == {"sub/page.html": "elsewhere"}


def test_a_worker_whose_parent_is_gone_ends_without_a_traceback() -> None:
    """A build's worker sending its result down a pipe whose reader has gone (Ctrl+C ended the
    process that started it, a moment before the parent's death signal reaches the worker) ends
    quietly: a user's terminal shows no BrokenPipeError traceback (seen under load in
    test_build_interrupt's render-workers case)."""
    code = ("import os\nfrom qabook import staging\nstaging.worker_process()\n"
            "r, w = os.pipe()\nos.close(r)\nos.write(w, b'a result')\nprint('not reached')\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.stderr == "" and proc.stdout == "", proc.stderr
    assert proc.returncode == -13  # SIGPIPE
