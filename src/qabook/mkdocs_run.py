"""Run `mkdocs build` for `qabook build`: in a child process (so the check runs beside it on the
other core, and a failed check can stop it), with the plugin's options set directly on the
loaded configuration — no environment variables between qabook and MkDocs.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import select
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from qabook import progress
from qabook.staging import worker_process


@dataclass
class MkdocsBuild:
    """What to build: mkdocs.yml, where, and the options that differ from it."""

    config_file: Path | None
    site_dir: Path
    strict: bool = False
    directory_urls: bool | None = None  # None: as mkdocs.yml says
    plugin_options: dict[str, Any] = field(default_factory=dict)  # the qabook plugin's, e.g. pdf=False
    jobs: int | None = None  # worker processes for the pages (None: every core)
    built_site: Path | None = None  # the site folder this build replaces (`site_dir` is a staging folder)
    progress: Callable[[str], None] | None = None  # told how far the build is (qabook.progress), in the child
    quiet: bool = False  # MkDocs' own messages: warnings and errors only


class _Console(logging.Handler):
    """MkDocs' messages as its own command prints them: 'WARNING -  text'."""

    def emit(self, record: logging.LogRecord) -> None:
        level = record.levelname if record.levelname != "WARNING" else "WARNING"
        print(f"{level:<7} -  {record.getMessage()}", file=sys.stderr, flush=True)


def _child(job: MkdocsBuild, conn: Any) -> None:
    worker_process()  # Ctrl+C is qabook's: it ends this process and, with it, every process under it
    logger = logging.getLogger("mkdocs")
    logger.handlers[:] = [_Console()]
    logger.setLevel(logging.WARNING if job.quiet else logging.INFO)
    logger.propagate = False
    try:
        from mkdocs.config import load_config

        from qabook.parallel_build import build

        overrides: dict[str, Any] = {"site_dir": str(job.site_dir), "strict": job.strict}
        if job.directory_urls is not None:
            overrides["use_directory_urls"] = job.directory_urls
        config = load_config(str(job.config_file) if job.config_file else None, **overrides)
        plugin = config.plugins.get("qabook")
        if plugin is not None:
            for key, value in job.plugin_options.items():
                plugin.config[key] = value
            if job.built_site is not None:
                plugin.built_site = job.built_site  # a renamed book is told against the site it replaces
        with progress.reporting(job.progress):
            build(config, jobs=job.jobs, keep_content=False)  # one build, then the process ends
        conn.send(None)
    except BaseException as exc:  # noqa: BLE001 - sent to the parent as one line
        text = str(exc).strip() or type(exc).__name__
        conn.send(text if type(exc).__module__.startswith("mkdocs") else f"{type(exc).__name__}: {text}")
    finally:
        conn.close()


class MkdocsProcess:
    """A started build; `wait()` returns None on success or the reason it failed; `stop()` ends
    it and every process under it (page, index and PDF workers), and returns once they are gone."""

    def __init__(self, job: MkdocsBuild) -> None:
        context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
        self._parent, child = context.Pipe(duplex=False)
        # held open by the child and, forked, by every process under it: read to its end when all are gone
        self._tree: int | None
        self._tree, held = os.pipe()
        self._process = context.Process(target=_child, args=(job, child))  # not daemonic: PDF workers
        self._process.start()
        child.close()
        os.close(held)

    def wait(self) -> str | None:
        try:
            result = self._parent.recv()
        except EOFError:
            result = "mkdocs stopped without a word"
        self._process.join()
        self._let_go()
        return result

    def stop(self, within: float = 10.0) -> None:
        """Kill the build; its workers die with it (`staging.worker_process`). Waits, at most
        `within` seconds, until none is left that could still write into the staging folder."""
        if self._process.is_alive():
            self._process.kill()
        self._process.join()
        deadline = time.monotonic() + within
        try:
            while self._tree is not None and (left := deadline - time.monotonic()) > 0 \
                    and select.select([self._tree], [], [], left)[0]:
                if not os.read(self._tree, 4096):  # every holder has ended
                    break
        finally:
            self._let_go()

    def _let_go(self) -> None:
        if self._tree is not None:
            os.close(self._tree)
            self._tree = None
