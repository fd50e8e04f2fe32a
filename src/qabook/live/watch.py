"""What changed on disk: the docs folder, mkdocs.yml and the theme folders, watched through the
system's file events (inotify on Linux, via watchdog) — a save is seen when it happens, not at
the next poll. Events come in bursts (an editor writes a temporary file and renames it over the
page); `Watcher.changes()` waits for the burst to end (15 ms without an event, 3 ms after one
that finished writing a file) and returns every path it touched."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

QUIET = 0.015  # seconds without a new event that end a burst
QUIET_WRITTEN = 0.003  # … when its last event finished a file (closed after writing, renamed onto a page)
LONGEST = 0.25  # never wait longer than this for a burst to end


class _Collect(FileSystemEventHandler):
    def __init__(self, watcher: "Watcher") -> None:
        self.watcher = watcher

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return  # reading a file changes nothing
        if event.is_directory and event.event_type == "modified":
            return  # a folder's time moves with each file event in it, which comes on its own
        paths = [event.src_path, getattr(event, "dest_path", "") or ""]
        dest = str(getattr(event, "dest_path", "") or "")
        written = event.event_type == "closed" or (event.event_type == "moved" and dest.endswith(".md"))
        self.watcher.hear({Path(str(p)) for p in paths if p}, written=written and not event.is_directory)


class Watcher:
    """File events under `folders` (recursively) and on `files`."""

    def __init__(self, folders: list[Path], files: list[Path]) -> None:
        folders = [f.resolve() for f in folders]  # events then name absolute paths
        files = [f.resolve() for f in files]
        self._heard: set[Path] = set()
        self._last = 0.0
        self._first = 0.0  # when the burst being collected began (time.time())
        self._written = False  # the burst's last event finished writing a file: a short wait for more
        self.burst: tuple[float, float] = (0.0, 0.0)  # the last burst: first event heard, burst over
        self._event = threading.Condition()
        self._observer = Observer()
        handler = _Collect(self)
        watched: set[Path] = set()
        for folder in folders:
            if folder.is_dir() and folder not in watched:
                self._observer.schedule(handler, str(folder), recursive=True)
                watched.add(folder)
        for file in files:
            if file.parent.is_dir() and file.parent not in watched:
                self._observer.schedule(handler, str(file.parent), recursive=False)
                watched.add(file.parent)
        self._files = set(files)
        self._folders = list(folders)

    def hear(self, paths: set[Path], written: bool = False) -> None:
        wanted = {p for p in paths if p in self._files or any(f == p or f in p.parents for f in self._folders)}
        if not wanted:
            return
        with self._event:
            if not self._heard:
                self._first = time.time()
            self._heard |= wanted
            self._last = time.monotonic()
            self._written = written
            self._event.notify_all()

    def start(self) -> None:
        self._observer.start()

    def stop(self) -> None:
        self._observer.stop()
        self._observer.join(timeout=2)

    def changes(self, timeout: float | None = None) -> set[Path]:
        """Every path touched by the next burst of events (empty after `timeout` seconds of none)."""
        with self._event:
            if not self._heard and not self._event.wait_for(lambda: bool(self._heard), timeout):
                return set()
            first = time.monotonic()
            while True:
                now = time.monotonic()
                wait = min(self._last + (QUIET_WRITTEN if self._written else QUIET), first + LONGEST) - now
                if wait <= 0:
                    break
                self._event.wait(wait)
            heard, self._heard = self._heard, set()
            self.burst = (self._first, time.time())
            return heard
