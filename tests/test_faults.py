"""Faults never reach the user as a traceback, and nothing is left behind after a kill."""

from __future__ import annotations

import os
import signal
import socket
import stat
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import copy_project, old_sites_removed, qabook, start_serve, stop_serve
from test_cli import make_book

pytestmark = pytest.mark.slow

TOPIC = "docs/llm/02-da-mo-xing-de-gong-zuo-yuan.md"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str, tries: int = 120) -> tuple[int, str]:
    for _ in range(tries):
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                return r.status, r.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode("utf-8", "replace")
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"no answer from {url}")


def test_serve_shows_a_page_with_bad_bytes_as_findings_and_keeps_serving(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    page = project / TOPIC
    page.write_bytes(page.read_bytes().replace("大模型的工作原理".encode(), b"\xff\xfe bad", 1))
    port = free_port()
    proc = start_serve(project, port)
    try:
        status, body = fetch(f"http://127.0.0.1:{port}/llm/02-da-mo-xing-de-gong-zuo-yuan/")
        assert status == 200 and "QA001" in body and "not valid UTF-8" in body
        status, body = fetch(f"http://127.0.0.1:{port}/llm/")  # the rest of the site still answers
        assert status == 200 and "大模型" in body
    finally:
        out, err = stop_serve(proc)
    assert "Traceback" not in err and "Traceback" not in out


@pytest.mark.parametrize("front", ["title: 123", "tags: 基础概念", "id: 5"])
def test_odd_front_matter_types_never_traceback(tmp_path: Path, front: str) -> None:
    project = copy_project(tmp_path)
    page = project / TOPIC
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("---\n", f"---\n{front}\n", 1), encoding="utf-8")
    for args in (("check",), ("build",), ("pdf", "--chapter", "llm", "--out", "out")):
        r = qabook(*args, cwd=project)
        assert r.returncode in (0, 1), (args, r.stderr)
        assert "Traceback" not in r.stderr + r.stdout, (args, r.stderr)


def test_import_of_a_device_or_folder_is_refused(tmp_path: Path) -> None:
    for source in ("/dev/zero", str(tmp_path)):
        r = qabook("import", source, "--out", str(tmp_path / "docs"))
        assert r.returncode == 2 and "Traceback" not in r.stderr and r.stderr.strip(), r.stderr
    assert not (tmp_path / "docs").exists()


def test_a_read_only_target_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        # root ignores write bits: use a parent that is a file instead
        project = copy_project(tmp_path)
        (project / "blocker").write_text("x", encoding="utf-8")
        r = qabook("build", "--no-pdf", "--site-dir", "blocker/site", cwd=project)
    else:
        project = copy_project(tmp_path)
        (project / "ro").mkdir()
        os.chmod(project / "ro", 0o500)
        r = qabook("build", "--no-pdf", "--site-dir", "ro/site", cwd=project)
    assert r.returncode in (1, 2) and "Traceback" not in r.stderr, r.stderr
    assert "cannot write" in r.stderr or "not a folder" in r.stderr, r.stderr


def test_site_gets_ordinary_permissions(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    old = os.umask(0o022)
    try:
        assert qabook("build", "--no-pdf", cwd=project).returncode == 0
    finally:
        os.umask(old)
    site = project / "site"
    assert stat.S_IMODE(site.stat().st_mode) == 0o755
    assert stat.S_IMODE((site / "index.html").stat().st_mode) == 0o644
    assert stat.S_IMODE((site / "llm").stat().st_mode) == 0o755


def _children(pid: int) -> list[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as f:
            return f.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


def test_kill_during_build_keeps_the_site_and_the_next_build_cleans_up(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    assert qabook("build", "--no-pdf", cwd=project).returncode == 0
    before = (project / "site" / "index.html").read_bytes()
    proc = subprocess.Popen([sys.executable, "-m", "qabook.cli", "build"], cwd=project,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: list[int] = []
    deadline = time.time() + 120
    while time.time() < deadline and not workers:  # wait until MkDocs or the PDF workers run
        time.sleep(0.2)
        workers = _children(proc.pid)
    assert workers, "the build started no worker"
    time.sleep(1.0)
    workers = _children(proc.pid) + [g for w in _children(proc.pid) for g in _children(w)]
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    time.sleep(1.0)
    assert [w for w in workers if _alive(w)] == [], "workers outlived the killed build"
    assert (project / "site" / "index.html").read_bytes() == before  # the previous site, whole
    leftovers = [p.name for p in project.iterdir() if p.name.startswith(".site-")]
    assert leftovers  # the killed build's staging folder …
    assert qabook("build", "--no-pdf", cwd=project).returncode == 0
    old_sites_removed(project)  # (the previous site, removed after the build returned)
    assert [p.name for p in project.iterdir() if p.name.startswith(".site-")] == []  # … is gone now


def test_killed_pdf_run_leaves_no_part_files_after_the_next_run(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    out = project / "site" / "pdf"
    out.mkdir(parents=True)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True).stdout.strip()
    part = out / f".qabook-pdf-{dead}-abc.pdf.part"
    part.write_bytes(b"%PDF-half")
    r = qabook("pdf", "--chapter", "llm", "--out", str(out), cwd=project)
    assert r.returncode == 0, r.stderr
    assert not part.exists() and (out / "damoxing-mianshi-ti-xuexi-zhan-llm.pdf").is_file()


def test_two_builds_at_once_the_second_is_told(tmp_path: Path) -> None:
    from qabook.staging import FolderLock

    project = copy_project(tmp_path)
    with FolderLock(project, ".site.lock"):
        r = qabook("build", "--no-pdf", cwd=project)
    assert r.returncode == 1 and "another qabook build is running" in r.stderr, r.stderr
    assert not (project / "site").exists()
    assert qabook("build", "--no-pdf", cwd=project).returncode == 0


def test_check_with_a_missing_config_file_is_a_usage_error(tmp_path: Path) -> None:
    make_book(tmp_path)
    r = qabook("check", "--config-file", "missing.yml", cwd=tmp_path)
    assert r.returncode == 2 and "missing.yml" in r.stderr


def test_a_file_name_with_a_newline_stays_one_finding_per_line(tmp_path: Path) -> None:
    docs = make_book(tmp_path)
    (docs / "ch" / "bad\nname.md").write_bytes(b"\xff\xfe")
    for fmt in ("text", "github"):
        r = qabook("check", "--format", fmt, cwd=tmp_path)
        lines = r.stdout.splitlines()
        assert r.returncode == 1 and any("bad\\nname.md" in ln or "bad%0Aname.md" in ln for ln in lines), r.stdout
        assert all(ln.startswith(("docs/", "::")) for ln in lines), lines


def test_symlinks_out_of_docs_or_looping_are_findings(tmp_path: Path) -> None:
    docs = make_book(tmp_path)
    secret = tmp_path / "secret.txt"
    secret.write_text("private\n", encoding="utf-8")
    (docs / "ch" / "leak.txt").symlink_to(secret)
    (docs / "ch" / "a.md").symlink_to("b.md")
    (docs / "ch" / "b.md").symlink_to("a.md")
    r = qabook("check", cwd=tmp_path)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert "docs/ch/leak.txt:1:1: QA003 symbolic link to" in r.stdout
    assert "docs/ch/a.md:1:1: QA003 symbolic link that is broken or loops" in r.stdout


@pytest.mark.parametrize("data, message", [
    (("# 标题\n" + "正文。\n" * 3000).encode("utf-8") + b"\x00tail\n", "binary file (NUL byte)"),
    ("# 标题\n\n正文\n".encode("utf-16"), "UTF-16 text: save the file as UTF-8"),
])
def test_late_nul_bytes_and_utf16_are_named(tmp_path: Path, data: bytes, message: str) -> None:
    make_book(tmp_path, data)
    r = qabook("check", cwd=tmp_path)
    assert r.returncode == 1 and message in r.stdout, r.stdout
    if b"\x00tail" in data:
        assert "docs/ch/page.md:3002:1: QA001" in r.stdout  # where the NUL is


def test_an_interrupted_import_is_cleaned_up_and_never_loses_the_chapter(tmp_path: Path) -> None:
    out = tmp_path / "docs"
    src = tmp_path / "src.md"
    src.write_text("# 书\n\n#### 1. 什么是模型？\n\n**题目：** 什么是模型？\n\n**答案：** 函数。\n\n**解析：** 参数化。\n",
                   encoding="utf-8")
    assert qabook("import", str(src), "--chapter", "ch", "--out", str(out)).returncode == 0
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True).stdout.strip()
    # a kill between the two renames of an old-style swap: the chapter is aside, not in place
    (out / "ch").rename(out / f".ch.import-old-{dead}-x")
    (out / f".ch.import-{dead}-abc").mkdir()  # and a staging folder of the killed run
    r = qabook("import", str(src), "--chapter", "ch", "--out", str(out), "--force")
    assert r.returncode == 0, r.stderr
    assert (out / "ch" / "index.md").is_file()
    assert sorted(p.name for p in out.iterdir()) == ["ch"]


IMPORT_SOURCE = "# 书\n\n#### 1. 什么是模型？\n\n**题目：** 什么是模型？\n\n**答案：** 函数。\n\n**解析：** 参数化。\n"


def test_a_replaced_chapter_is_removed_by_a_process_of_its_own(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`import --force` puts the new pages in place and returns; the replaced folder is out of
    the way at once (never under the chapter's name) and removed by a detached process, as a
    replaced site is (here: once a gate file exists)."""
    from qabook import staging
    from qabook.importer import plan_import, write_plan

    out = tmp_path / "docs"
    plan = plan_import(IMPORT_SOURCE, "src.md", chapter="ch")
    write_plan(plan, out)
    (out / "ch" / "mine.md").write_text("# 旧页\n", encoding="utf-8")  # a page the new import replaces
    gate = tmp_path / "gate"
    monkeypatch.setattr(staging, "_REMOVER_CODE", f"import os, time\nwhile not os.path.exists({str(gate)!r}):\n"
                        f"    time.sleep(0.05)\n" + staging._REMOVER_CODE)
    left: list[str] = []
    write_plan(plan, out, force=True, leftovers=left)
    assert left == [] and not (out / "ch" / "mine.md").exists() and (out / "ch" / "index.md").is_file()
    gone = [p for p in out.iterdir() if p.name.startswith(".ch.import-gone-")]
    assert len(gone) == 1 and (gone[0] / "mine.md").is_file(), "the import waited for the old chapter's removal"
    remover = int(gone[0].name[len(".ch.import-gone-"):].split("-")[0])
    assert staging.pid_alive(remover) and os.getsid(remover) != os.getsid(0)
    gate.touch()
    deadline = time.monotonic() + 30
    while gone[0].exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert sorted(p.name for p in out.iterdir()) == ["ch"]


def test_a_chapter_removal_cut_short_is_finished_by_the_next_import_and_never_restored(tmp_path: Path) -> None:
    """A kill of the remover leaves a half-removed old chapter, `.ch.import-gone-<pid>-x`: the
    next import of that chapter removes it, and never puts it back, even with the chapter gone."""
    out = tmp_path / "docs"
    src = tmp_path / "src.md"
    src.write_text(IMPORT_SOURCE, encoding="utf-8")
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True).stdout.strip()
    half = out / f".ch.import-gone-{dead}-x"
    half.mkdir(parents=True)
    (half / "index.md").write_text("# 半个旧章节\n", encoding="utf-8")
    r = qabook("import", str(src), "--chapter", "ch", "--out", str(out))
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in out.iterdir()) == ["ch"]
    assert "半个旧章节" not in (out / "ch" / "index.md").read_text(encoding="utf-8")


def _gone(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.startswith(".site-gone-")]


def test_the_build_returns_with_the_new_site_and_the_old_one_goes_shortly_after(tmp_path: Path) -> None:
    """Removing a big previous site took seconds after MkDocs had ended (about 18 s at 10,000
    questions); the build returns as soon as the new site is in place, and the old copy is
    gone shortly after, by a process of its own."""
    project = copy_project(tmp_path)
    assert qabook("build", "--no-pdf", cwd=project).returncode == 0
    page = project / "docs" / "llm" / "03-ru-he-xun-lian-da-mo-xing.md"
    page.write_text(page.read_text(encoding="utf-8").replace("/// answer\n", "/// answer\n新写的一句。\n", 1),
                    encoding="utf-8")
    r = qabook("build", "--no-pdf", cwd=project)
    assert r.returncode == 0, r.stderr
    assert "新写的一句" in (project / "site" / "llm" / "03-ru-he-xun-lian-da-mo-xing" / "index.html").read_text(
        encoding="utf-8")
    assert "could not remove" not in r.stderr
    assert old_sites_removed(project) == [], "the previous site was never removed"
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site")) == [".site.lock"]


def test_the_old_site_is_removed_by_a_process_of_its_own_after_the_swap(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The swap does not wait for the removal: the old site is aside (never under the site's
    name), a detached process (its own session: a Ctrl+C in the terminal does not reach it)
    removes it when it may (here: once a gate file exists)."""
    from qabook import staging
    from qabook.build import swap_in
    from qabook.safepaths import SITE_MARKER, marker_text

    site, new = tmp_path / "site", tmp_path / ".site-build-1-x"
    for folder, name in ((site, "old.html"), (new, "new.html")):
        folder.mkdir()
        (folder / name).write_text(name, encoding="utf-8")
    (site / SITE_MARKER).write_text(marker_text(site), encoding="utf-8")
    gate = tmp_path / "gate"
    monkeypatch.setattr(staging, "_REMOVER_CODE", f"import os, time\nwhile not os.path.exists({str(gate)!r}):\n"
                        f"    time.sleep(0.05)\n" + getattr(staging, "_REMOVER_CODE", ""), raising=False)
    left, _ = swap_in(new, site)
    assert left == [] and sorted(p.name for p in site.iterdir()) == [SITE_MARKER, "new.html"]
    gone = _gone(tmp_path)
    assert len(gone) == 1 and (gone[0] / "old.html").is_file(), "the swap waited for the old site's removal"
    remover = int(gone[0].name[len(".site-gone-"):].split("-")[0])
    assert staging.pid_alive(remover) and os.getsid(remover) != os.getsid(0)
    gate.touch()
    assert old_sites_removed(tmp_path) == []


def test_a_process_that_ends_before_its_remover_prints_no_warning(tmp_path: Path) -> None:
    """A build that returns while its old site is still being removed ends quietly, even with
    every warning shown (pytest's and `python -W always` runs showed a ResourceWarning traceback
    of a child still running), and the remover still finishes its work after it."""
    old = tmp_path / "old"
    old.mkdir()
    for i in range(200):
        (old / f"{i}.html").write_text("x" * 1000, encoding="utf-8")
    code = ("import sys, time\nfrom pathlib import Path\nfrom qabook import staging\n"
            f"staging._REMOVER_CODE = 'import time\\ntime.sleep(1)\\n' + staging._REMOVER_CODE\n"
            f"assert staging.discard_dir(Path({str(old)!r}), '.site-gone-') == []\n")
    r = subprocess.run([sys.executable, "-W", "always", "-c", code], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0 and "still running" not in r.stderr and "Traceback" not in r.stderr, r.stderr
    assert not old.exists()
    assert old_sites_removed(tmp_path) == []


def test_a_removal_cut_short_is_finished_by_the_next_build_and_never_restored(tmp_path: Path) -> None:
    """A kill of the remover leaves a half-removed old site, `.site-gone-<pid>-x`: the next
    build removes it (never puts it back as the site, even when site/ is missing)."""
    project = copy_project(tmp_path)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True).stdout.strip()
    half = project / f".site-gone-{dead}-x"
    (half / "llm").mkdir(parents=True)
    (half / "index.html").write_text("half of an old site", encoding="utf-8")
    r = qabook("build", "--no-pdf", cwd=project)
    assert r.returncode == 0, r.stderr
    assert not half.exists()
    assert "half of an old site" not in (project / "site" / "index.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site")) == [".site.lock"]
