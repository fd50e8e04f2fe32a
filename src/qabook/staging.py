"""Leave nothing behind after a fault: owned temporary names, a build lock, workers that die
with their parent, ordinary permissions.

Temporary files and folders are named `<prefix><pid>-<random>`: a later run removes those whose
process is gone (killed builds, imports and PDF runs), never those of a run still going.
"""

from __future__ import annotations

import atexit
import ctypes
import errno
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
from pathlib import Path
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING, Callable, Iterator

if TYPE_CHECKING:
    from multiprocessing.pool import Pool


def pid_alive(pid: int) -> bool:
    """The process runs (an ended one not yet reaped, a zombie, does not: in a container whose
    first process reaps nothing, a remover's pid stays a zombie)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            return f.read().rsplit(b")", 1)[-1].split()[0] != b"Z"
    except (OSError, IndexError):
        return True  # no /proc (not Linux): it runs


def owned_name(prefix: str) -> str:
    """The start of a temporary name that records this process: `<prefix><pid>-`."""
    return f"{prefix}{os.getpid()}-"


def abandoned(folder: Path, prefix: str, suffix: str = "") -> list[Path]:
    """The entries of `folder` named `<prefix><pid>-…<suffix>` whose process no longer runs,
    sorted: what a killed or ended run left (the one scan of owned names: `remove_stale`,
    `restore_aside` and `remove_abandoned` each act on what it finds). A name whose pid runs,
    or that has no `<pid>-` after `prefix` (a name `owned_name` did not make), is never among them."""
    try:
        names = sorted(entry.name for entry in folder.iterdir())
    except OSError:
        return []
    found = []
    for name in names:
        if not name.startswith(prefix) or not name.endswith(suffix):
            continue
        pid_text, dash, _ = name[len(prefix):].partition("-")
        if dash and pid_text.isdigit() and not pid_alive(int(pid_text)):
            found.append(folder / name)
    return found


def remove_stale(folder: Path, prefix: str, suffix: str = "") -> list[Path]:
    """Remove `<prefix><pid>-…<suffix>` entries of `folder` whose process no longer runs."""
    removed = []
    for entry in abandoned(folder, prefix, suffix):
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
        removed.append(entry)
    return removed


def make_staging_dir(parent: Path, prefix: str) -> Path:
    """A fresh folder beside the target, with ordinary permissions (0777 less the umask), not
    mkdtemp's 0700, so a web server running as another user can read the published site."""
    path = Path(tempfile.mkdtemp(prefix=owned_name(prefix), dir=parent))
    os.chmod(path, 0o777 & ~current_umask())
    return path


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def make_readable(root: Path) -> None:
    """Folders 0777 and files 0666, less the umask (for files written with restrictive modes)."""
    mask = current_umask()
    for dirpath, dirnames, filenames in os.walk(root):
        os.chmod(dirpath, 0o777 & ~mask)
        for name in filenames:
            path = os.path.join(dirpath, name)
            mode = os.lstat(path).st_mode
            if stat.S_ISREG(mode) and (mode & 0o777) != (0o666 & ~mask):
                os.chmod(path, 0o666 & ~mask)


def die_with_parent() -> None:
    """Linux: have the kernel kill this process when its parent dies (PR_SET_PDEATHSIG), so a
    `kill -9` of qabook takes its MkDocs and PDF workers with it. A no-op elsewhere."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG = 1
    except (OSError, AttributeError):
        pass


def worker_process() -> None:
    """A forked worker of a build (a pool's initializer): it dies with the process that started
    it, and Ctrl+C is that process's to handle (it ends its workers itself): a worker never dies
    of the terminal's SIGINT half-way, with a traceback of its own. Nor when its parent is gone
    (Ctrl+C, a kill) while it sends a result: the pipe's SIGPIPE ends it quietly, as it ends any
    Unix tool, where Python's default would print a BrokenPipeError traceback before the parent's
    death signal arrives."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # held back while forked (`worker_pool`)
    die_with_parent()


def worker_pool(jobs: int, initializer: Callable[[], None] = worker_process) -> Pool:
    """A pool of `jobs` forked workers, each starting with `initializer` (which calls
    `worker_process`); leaving its `with` block ends them. SIGINT is held back while they are
    forked, so that a Ctrl+C reaches neither a worker before its initializer ignores it nor this
    process half-way through making the pool."""
    import multiprocessing

    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        return multiprocessing.get_context("fork").Pool(jobs, initializer=initializer)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


@contextmanager
def uninterrupted() -> Iterator[None]:
    """A Ctrl+C during the block is not heard (a swap of folders, the removal of a staging folder
    after a first Ctrl+C: what must not be cut in half); in the main thread only, else a no-op."""
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    before = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, before)


class LockHeld(Exception):
    """Another qabook run holds the lock."""


class FolderLock:
    """An exclusive lock (flock) on `<folder>/<name>`; the holder's pid is written inside."""

    def __init__(self, folder: Path, name: str) -> None:
        self.path = folder / name
        self._file: IO[str] | None = None

    def __enter__(self) -> "FolderLock":
        import fcntl

        self._file = open(self.path, "a+", encoding="utf-8")
        try:
            fcntl.flock(self._file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            self._file.seek(0)
            holder = self._file.read().strip() or "?"
            self._file.close()
            self._file = None
            if exc.errno in (errno.EAGAIN, errno.EACCES):
                raise LockHeld(f"another qabook build is running on this project (pid {holder}); "
                               "wait for it to finish") from None
            raise
        self._file.seek(0)
        self._file.truncate()
        self._file.write(str(os.getpid()))
        self._file.flush()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._file is not None:  # the file stays: unlinking it would let two runs lock two files
            self._file.close()
            self._file = None


def replace_dir(new: Path, target: Path, aside: Path) -> None:
    """Put folder `new` in place of `target` (which may not exist); the previous target ends up
    at `aside`, for the caller to remove. On Linux the two are exchanged in one atomic step
    (renameat2 RENAME_EXCHANGE): at no moment is `target` missing. Elsewhere two renames, and
    `restore_aside` puts the old folder back if a kill falls between them."""
    if not target.exists():
        new.rename(target)
        return
    if _exchange(new, target):
        new.rename(aside)  # `new` now holds the previous target
        return
    target.rename(aside)
    try:
        new.rename(target)
    except OSError:
        aside.rename(target)
        raise


def restore_aside(folder: Path, prefix: str, target: Path, keep_hidden: bool = False) -> list[str]:
    """After a kill between two renames: a stale `<prefix><pid>-…` folder is the previous
    target; put it back if the target is missing, else remove it (with `keep_hidden`, after
    moving its hidden entries into the target). Returns what could not be removed."""
    left: list[str] = []
    for entry in abandoned(folder, prefix):
        if entry.is_symlink() or not entry.is_dir():  # only a folder of ours, never where a link points
            continue
        if not target.exists():
            entry.rename(target)
        else:
            if keep_hidden:
                carry_hidden(entry, target)
            left += remove_tree(entry)
    return left


# The remover: reads the path of the folder to remove from its stdin, then removes it. A folder
# it cannot empty (immutable files) stays, under its name, for the next run to name.
_REMOVER_CODE = "import shutil, sys\npath = sys.stdin.buffer.read()\nif path:\n    shutil.rmtree(path, ignore_errors=True)\n"
_REMOVERS: list[subprocess.Popen[bytes]] = []  # kept until they end (reaped, no warning of a live child)


@atexit.register
def _let_removers_outlive_us() -> None:
    """A remover still running when this process ends goes on alone, as meant: Popen must not
    warn at exit of a child still running (a ResourceWarning traceback under `-W` or pytest)."""
    for remover in _REMOVERS:
        if remover.poll() is None:
            remover.returncode = 0  # let go on purpose: its own session, nobody waits for it


def discard_dir(path: Path, prefix: str) -> list[str]:
    """Remove folder `path`, which is out of the way already, without waiting for it: it is
    renamed `<prefix><pid>-x`, where pid is a process of its own (its own session: a Ctrl+C or
    the end of the caller does not stop it) that removes it. A big site takes seconds to remove;
    the caller returns at once. Should the remover be killed, or fail to remove everything,
    `remove_abandoned` removes the rest on the next run and names what it cannot. Where no
    process can be started, the folder is removed now. Returns what could not be removed now."""
    _REMOVERS[:] = [p for p in _REMOVERS if p.poll() is None]
    try:
        remover = subprocess.Popen([sys.executable, "-I", "-S", "-c", _REMOVER_CODE], stdin=subprocess.PIPE,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd="/",
                                   start_new_session=True, close_fds=True)
    except OSError:
        return remove_tree(path)
    _REMOVERS.append(remover)
    assert remover.stdin is not None
    gone = path.with_name(f"{prefix}{remover.pid}-x")
    try:
        path.rename(gone)
    except OSError:
        remover.stdin.close()  # nothing to remove: it ends
        return remove_tree(path)
    try:
        remover.stdin.write(os.fsencode(gone))  # one write, shorter than PIPE_BUF: all or nothing
        remover.stdin.close()
    except OSError:  # the remover is gone already: the folder carries its pid, a dead one
        return remove_tree(gone)
    return []


def remove_abandoned(folder: Path, prefix: str) -> list[str]:
    """Remove the `<prefix><pid>-…` folders of `folder` left by a remover that no longer runs
    (`discard_dir`: killed, or stopped by what it could not remove); never one still at work.
    Returns the paths that cannot be removed, each with its reason."""
    left: list[str] = []
    for entry in abandoned(folder, prefix):
        if entry.is_dir() and not entry.is_symlink():
            left += remove_tree(entry)
    return left


def carry_hidden(old: Path, new: Path, skip: tuple[str, ...] = ()) -> None:
    """Move the entries of `old` whose names start with '.' (`.git`, `.nojekyll`) into `new`,
    where `new` has none of that name: a rebuilt site keeps them, as MkDocs' clean does."""
    for entry in sorted(old.iterdir()):
        if entry.name.startswith(".") and entry.name not in skip and not os.path.lexists(new / entry.name):
            entry.rename(new / entry.name)


def remove_tree(path: Path) -> list[str]:
    """Remove a folder; the paths that could not be removed (read-only, immutable, busy), each
    with its reason, so that nothing is left behind silently."""
    failed: list[str] = []

    def note(_func: object, where: str, exc: BaseException) -> None:
        failed.append(f"{where}: {getattr(exc, 'strerror', None) or exc}")

    if sys.version_info >= (3, 12):
        shutil.rmtree(path, onexc=note)
    else:
        shutil.rmtree(path, onerror=lambda func, where, info: note(func, where, info[1]))
    return failed


def _exchange(a: Path, b: Path) -> bool:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    return renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0


@contextmanager
def atomic_file(target: Path) -> Iterator[Path]:
    """A temporary path beside `target` to write; renamed onto `target` only when the block ends
    without an error, removed otherwise: a failed write never leaves a truncated file behind.
    Named `.<name>.<pid>-…part`, so a later `remove_stale` clears what a kill left."""
    prefix = f".{target.name}."
    remove_stale(target.parent, prefix, ".part")
    fd, tmp = tempfile.mkstemp(prefix=owned_name(prefix), suffix=".part", dir=target.parent)
    os.close(fd)
    part = Path(tmp)
    try:
        yield part
        os.chmod(part, 0o666 & ~current_umask())
        os.replace(part, target)
    finally:
        part.unlink(missing_ok=True)
