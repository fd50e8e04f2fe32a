"""The live preview's site, held in memory between saves, and what a save renders again.

The first build is a full one (every core, `qabook.parallel_build`); MkDocs' configuration,
files, navigation, templates and the qabook plugin then stay in this process. A save of pages
that already exist renders the saved pages (read and checked again: their findings come with
them) and the open pages hear of it at once (a page showing a saved page gets its HTML with the
event); then what lists them is rendered and announced: their chapter's page (its topic list and
question counts), the home page when a page's number of questions changed, the pages before and
after a page whose title changed (their footer names it), and the chapter's navigation script
(`nav/<n>.js`). After that, the whole book is checked (what only the whole book
shows, such as an id two pages use, is printed once and shown in the panel) and a forked process
writes what the pages do not wait for: the chapter's print page, study mode's data and the
search index (only the files that changed are rewritten). Anything else — a page added or
removed, mkdocs.yml or the theme changed — builds everything again; a saved page that cannot be
read (not UTF-8) keeps its last good render, its findings in the panel.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import sys
import tempfile
import time
from urllib.parse import unquote
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkPage

from qabook.book import PROCESS_CACHE, load_book
from qabook.check import check_book, check_pages
from qabook.config import Project
from qabook.cpus import available_cores
from qabook.diagnostics import Diagnostic, said_once
from qabook.i18n import t
from qabook.live.server import page_key
from qabook.live.stopping import WAKE, Stopping, remove_in_background
from qabook.live.told import Hold, Told
from qabook.markdown_reuse import reused_markdown
from qabook.parallel_build import Site, build
from qabook.plugin import findings as plugin_findings

if TYPE_CHECKING:
    from qabook.live.server import PreviewServer
    from qabook.live.watch import Watcher

LIVE_JS = "assets/qabook/live.js"
log = logging.getLogger("mkdocs.qabook.live")


class LivePlugin(BasePlugin):
    """Only in `qabook serve`: the page script that listens for saves (assets/live.js)."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        config.extra_javascript.append(LIVE_JS)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        code = resources.files("qabook.assets").joinpath("live.js").read_text(encoding="utf-8")
        files.append(File.generated(config, LIVE_JS, content=code))
        return files


class Steps:
    """When each step of one save ended: wall clock (`time.time()`, comparable with the browser's
    `Date.now()`) and this process's CPU seconds; logged at debug level (`qabook serve -v`)."""

    def __init__(self) -> None:
        self.marks: list[tuple[str, float, float]] = []

    def mark(self, name: str, at: float | None = None) -> None:
        self.marks.append((name, time.time() if at is None else at, time.process_time()))

    def line(self) -> str:
        return "live steps " + json.dumps([[n, round(w, 4), round(c, 4)] for n, w, c in self.marks])


@dataclass
class Update:
    """What one save changed, as the browser hears it."""

    urls: list[str] = field(default_factory=list)  # site-relative URLs of the pages rendered again
    findings: list[dict[str, Any]] = field(default_factory=list)  # the findings panel, whole (`Told.panel`)
    saved: set[str] = field(default_factory=set)  # the saved pages rendered again (docs-relative)
    full: bool = False  # everything was built again: every open page reloads
    written: dict[str, str] = field(default_factory=dict)  # URL → the file written for it (the saved pages)
    seconds: float = 0.0

    def message(self) -> dict[str, Any]:
        return {"kind": "reload" if self.full else "pages", "urls": self.urls, "findings": self.findings}


class Session:
    """One project's preview site in `site_dir`, served at `dev_addr`."""

    def __init__(self, project: Project, dev_addr: str, site_dir: Path, *, jobs: int | None = None,
                 full: bool = False) -> None:
        self.project = project
        self.dev_addr = dev_addr
        self.site_dir = site_dir
        self.jobs = jobs or available_cores()
        self.always_full = full
        self.site: Site | None = None
        self.plugin: Any = None
        self.told = Told()  # the findings, each printed once; what the panel shows
        self.shown: list[dict[str, Any]] = []  # the findings panel as last sent
        self.held: dict[str, list[Diagnostic]] = {}  # a page saved unreadable → why; its last good render stays
        self.replaced: set[str] = set()  # pages unreadable at the last full build (their findings shown instead)
        self.by_url: dict[str, str] = {}  # a page's URL (`server.page_key`) → its docs-relative path
        self.children: list[int] = []  # forked writers of the secondary outputs
        self.pending_outputs: set[str] | None = None  # chapters whose outputs wait for a writer
        self.known: set[str] = set()  # every file of the docs folder (docs-relative), as built
        self.steps = Steps()  # the current save's steps
        check_log = plugin_findings.log
        logging.getLogger(getattr(check_log, "logger", check_log).name).addFilter(Hold())  # printed by `told`

    # -- building everything ------------------------------------------------------------------

    def _config(self) -> MkDocsConfig:
        config_file = self.project.config_file
        config = load_config(str(config_file) if config_file else None, site_dir=str(self.site_dir),
                             dev_addr=self.dev_addr)
        config.site_url = f"http://{self.dev_addr}/"
        config.plugins["qabook-live"] = LivePlugin()
        if (qabook := config.plugins.get("qabook")) is not None:
            qabook.built_site = self.project.site_dir  # a renamed book is told against the project's built site
        config.plugins.on_startup(command="serve", dirty=False)
        return config

    def build_all(self) -> Update:
        """A full build (every core); the state the next saves start from."""
        start = time.perf_counter()
        self.stop_outputs()  # a writer still at work: the full build writes all it would
        config = self._config()
        self.site = build(config, jobs=self.jobs, serve_url=config.site_url)
        self.plugin = self.site.config.plugins.get("qabook")
        self.held = {}
        self.replaced = set()
        self.by_url = {page_key(f.url): f.src_uri for f in self.site.files.documentation_pages()}
        if self.plugin is not None and self.plugin.book is not None:
            self.replaced = {rel for rel, found in self.plugin.findings.items() if plugin_findings.unreadable(found)}
            self._say(self.told.whole(self.plugin.found))
            docs = str(self.plugin.book.docs_dir).rstrip(os.sep) + os.sep
            self.known = {str(p)[len(docs):].replace(os.sep, "/") for p in self.plugin.book.files}
            self._warm_up()
        return Update(full=True, findings=self.panel(), seconds=time.perf_counter() - start)

    def _warm_up(self) -> None:
        """The templates compiled in this process (the build rendered pages in workers), so the
        first save does not wait for it."""
        site = self.site
        assert site is not None
        page = next((f.page for f in site.doc_files if f.page is not None and f.page.content is not None), None)
        if page is not None:
            _build_page(page, site.config, site.doc_files, site.nav, site.env)

    # -- a save -------------------------------------------------------------------------------

    def apply(self, paths: set[Path], push: Callable[[Update], None] | None = None) -> Update | None:
        """Render what the changed `paths` changed; None when nothing of the site did. With
        `push`, the saved pages are handed to it as soon as they are written, before the pages
        that list them (chapter page, home, neighbours) are rendered: the reader of the saved
        page does not wait for those. The returned update names every page rendered."""
        start = time.perf_counter()
        changed = self._classify(paths)
        if changed is None:
            update = self.build_all()
        elif not changed:
            return None
        else:
            try:
                update = self._render_pages(changed, push)
            except _NeedsFullBuild:
                update = self.build_all()
        update.seconds = time.perf_counter() - start
        return update

    def _classify(self, paths: set[Path]) -> set[str] | None:
        """The saved pages (docs-relative), an empty set when nothing of the site changed, or
        None when it needs a full build (a file added or removed, configuration, theme, assets)."""
        if self.site is None or self.plugin is None or self.plugin.book is None or self.always_full:
            return None
        docs = self.project.docs_dir.resolve()
        known = self.known
        pages: set[str] = set()
        for path in paths:
            path = path.resolve() if path.exists() else path.absolute()
            try:
                rel = path.relative_to(docs).as_posix()
            except ValueError:
                return None  # mkdocs.yml, the theme's folders
            if any(part.startswith(".") for part in rel.split("/")):
                continue  # editors' swap files; MkDocs leaves hidden files out
            exists = path.is_file()
            if exists != (rel in known):
                if exists or rel in known:
                    return None  # a file came or went
                continue  # a temporary file, come and gone
            if not exists:
                continue
            if not rel.endswith(".md"):
                return None  # a picture or stylesheet: copied by a full build
            pages.add(rel)
        return pages

    def _render_pages(self, saved: set[str], push: Callable[[Update], None] | None = None) -> Update:
        site, plugin = self.site, self.plugin
        assert site is not None and plugin is not None
        config, files = site.config, site.files
        old_book = plugin.book
        with reused_markdown():
            book = load_book(self.project, cache=PROCESS_CACHE, again=(old_book, saved))
            self.steps.mark("read")
            found = check_pages(book, saved)
            self.steps.mark("checked")
            unreadable = {d.path for d in found if d.code == "QA001"}
            was = {rel: old_book.pages[rel].display for rel in saved if rel in old_book.pages}
            if unreadable and len(was) == len(saved) and set(was.values()) <= unreadable \
                    and not saved & self.replaced:
                # saved in bytes MkDocs cannot read (not UTF-8): the open pages keep their last good
                # render, where the reader is, and the panel says what is wrong
                for rel, display in was.items():
                    self.held[rel] = [d for d in found if d.path == display]
                self._say(self.told.pages(set(was.values()), found))
                return Update(findings=self.panel())
            if unreadable or any(rel not in book.pages for rel in saved) or saved & self.replaced:
                raise _NeedsFullBuild  # a page MkDocs cannot read (or could not): built as a whole
            plugin.book = book
            plugin.chapters = {chapter.slug: chapter for chapter in book.chapters}
            for rel in saved:
                self.held.pop(rel, None)
            self._say(self.told.pages({book.pages[rel].display for rel in saved}, found))
            mkpages = [file.page for rel in sorted(saved) if (file := files.get_file_from_path(rel)) and file.page]
            before = {id(page): (page.title, _questions(old_book, page.file.src_uri)) for page in mkpages}
            for page in mkpages:
                rel = page.file.src_uri
                if rel.endswith("index.md") and _title_after(old_book, rel) != _title_after(book, rel):
                    raise _NeedsFullBuild  # a chapter's or the book's title: every page's navigation
            for page in mkpages:
                _populate_again(page, config, files)
            self.steps.mark("converted")
            for page in mkpages:
                _build_page(page, config, site.doc_files, site.nav, site.env)
            self.steps.mark("rendered")
            findings = self.panel()
            if push is not None:
                push(Update(urls=[p.url for p in mkpages], findings=findings, saved=set(saved),
                            written={p.url: p.file.abs_dest_path for p in mkpages}))
            # what lists the saved pages: their chapter page (topic list, question counts), the
            # home page (question counts), the neighbours (their footer names a changed title)
            to_populate: list[MkPage] = list(mkpages)
            to_render: list[MkPage] = list(mkpages)
            titles_changed = False
            for page in mkpages:
                title, questions = before[id(page)]
                rel = page.file.src_uri
                chapter_page = _chapter_page(files, rel)
                if chapter_page is not None and chapter_page not in to_populate:
                    _populate_again(chapter_page, config, files)
                    to_populate.append(chapter_page)
                    to_render.append(chapter_page)
                if questions != _questions(book, rel):
                    home = files.get_file_from_path("index.md")
                    if home is not None and home.page is not None and home.page not in to_populate:
                        _populate_again(home.page, config, files)
                        to_populate.append(home.page)
                        to_render.append(home.page)
                if page.title != title:
                    titles_changed = True
                    to_render += [p for p in (page.previous_page, page.next_page) if p is not None and p.content]
            seen: set[int] = {id(page) for page in mkpages}
            for page in to_render:
                if id(page) not in seen:
                    seen.add(id(page))
                    _build_page(page, config, site.doc_files, site.nav, site.env)
            self.steps.mark("listing pages rendered")
            if titles_changed and plugin.nav is not None:
                from qabook.plugin.navigation import write_nav_scripts

                write_nav_scripts(Path(config.site_dir), plugin.nav, config.theme.get("features") or [],
                                  plugin._chapter_pages())
        urls: list[str] = []
        for page in to_render:
            if page.url not in urls:
                urls.append(page.url)
        return Update(urls=urls, findings=findings, saved=set(saved))

    def check_everything(self) -> Update | None:
        """After a save: the whole book checked (what only the whole book shows, such as an id
        two pages use, or a link the save broke on another page). Prints what is new; the
        findings panel when it changed."""
        site, plugin = self.site, self.plugin
        if site is None or plugin is None or plugin.book is None:
            return None
        found = check_book(plugin.book)
        if self.held:  # the book holds those pages as they last were: what holds is that they cannot be read
            held = [d for why in self.held.values() for d in why]
            found = [d for d in found if d.path not in {d.path for d in held}] + held
        self._say(self.told.whole(found))
        before = self.shown
        if self.panel() == before:
            return None
        return Update(findings=self.shown)

    def panel(self) -> list[dict[str, Any]]:
        """The findings panel of the open pages (`Told.panel`), by file."""
        plugin = self.plugin
        book = plugin.book if plugin is not None else None
        rel_of = {page.display: rel for rel, page in book.pages.items()} if book is not None else {}
        rel_of |= {why[0].path: rel for rel, why in self.held.items() if why}
        groups: dict[str, list[Diagnostic]] = {}
        for d in self.told.panel():
            groups.setdefault(d.path, []).append(d)
        files = self.site.files if self.site is not None else Files([])
        language = plugin.language if plugin is not None else None
        self.shown = [_findings_message(rel_of.get(path, path), files, found, language)
                      for path, found in groups.items()]
        return self.shown

    def own(self, page: str) -> list[dict[str, Any]]:
        """The errors of the page at `page` (its URL, as `server.page_key` writes it): shown in
        its panel whatever was saved, as the page's own box used to be."""
        site, plugin = self.site, self.plugin
        if site is None or plugin is None or plugin.book is None:
            return []
        rel = self.by_url.get(page)
        held = self.held.get(rel or "")
        found_on = held[0].path if held else (plugin.book.pages[rel].display if rel in plugin.book.pages else None)
        errors = [d for d in self.told.now if d.path == found_on and d.is_error] if found_on else []
        return [_findings_message(rel, site.files, errors, plugin.language)] if errors and rel else []

    @staticmethod
    def _say(found: list[Diagnostic]) -> None:
        """Findings the author has not been told (each once), as MkDocs prints its own, a long hint
        they share said once as `qabook build` says it (`said_once`)."""
        for d, line in said_once(found):
            (log.error if d.is_error else log.warning)(line)

    # -- what the pages do not wait for ---------------------------------------------------------

    def write_outputs(self, saved: set[str]) -> None:
        """Print pages, study data and search index of the saved pages' chapters, in a forked
        process (one at a time: a save during one is written by the next)."""
        chapters = {rel.split("/")[0] for rel in saved if "/" in rel}
        if not saved:
            return
        self.reap()
        if self.children:
            self.pending_outputs = (self.pending_outputs or set()) | chapters
            return
        self._fork_writer(chapters)

    def _fork_writer(self, chapters: set[str]) -> None:
        site, plugin = self.site, self.plugin
        if site is None or plugin is None:
            return
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid:
            self.children.append(pid)
            return
        code = 0
        try:
            try:
                os.nice(10)  # behind the next save's render, which the reader waits for; this one nobody watches
            except OSError:
                pass
            config = site.config
            plugin.print_files = {slug: f for slug, f in plugin.print_files.items() if slug in chapters}
            for file in plugin.print_files.values():
                if file.page is not None and file.page.content is not None:
                    _build_page(file.page, config, site.doc_files, site.nav, site.env)  # its marker back
            config.plugins.on_post_build(config=config)
            if log.isEnabledFor(logging.DEBUG):
                os.write(2, f"DEBUG   -  live outputs written {time.time():.4f} cpu {time.process_time():.4f}\n".encode())
        except BaseException as exc:  # noqa: BLE001 - a child never returns into the server
            os.write(2, f"qabook serve: writing the search index and study data failed: {exc}\n".encode())
            code = 1
        finally:
            os._exit(code)

    def reap(self) -> None:
        """Forget writers that finished; start the next if saves came in meanwhile."""
        self._collect()
        if not self.children and self.pending_outputs is not None:
            chapters, self.pending_outputs = self.pending_outputs, None
            self._fork_writer(chapters)

    def stop_outputs(self) -> None:
        """End the writers at once (the preview is stopping, or everything is built again: what
        they write is thrown away or written anew)."""
        for pid in self.children:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self._reap_all(deadline=time.monotonic() + 2.0)
        self.children = []  # (killed: one the kernel has not yet let go of is not waited for)
        self.pending_outputs = None

    def wait_for_outputs(self, timeout: float = 600.0) -> None:
        """Wait for the writers to finish (tests); those still writing after `timeout` s are ended."""
        self._reap_all(deadline=time.monotonic() + timeout)
        self.stop_outputs()

    def _reap_all(self, deadline: float) -> None:
        """Collect the writers that end before `deadline` (never an untimed wait)."""
        self._collect()
        while self.children and time.monotonic() < deadline:
            time.sleep(0.01)
            self._collect()

    def _collect(self) -> None:
        """Forget the writers that have ended (a look, no wait)."""
        for pid in list(self.children):
            try:
                done, _ = os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:  # not ours, or already collected
                done = pid
            if done:
                self.children.remove(pid)


class _NeedsFullBuild(Exception):
    """The save changed more than its pages: build everything again."""


def _populate_again(page: MkPage, config: MkDocsConfig, files: Files) -> None:
    page.markdown = page.content = None
    page.toc = []  # type: ignore[assignment]
    page.meta = {}
    page._title_from_render = None
    _populate_page(page, config, files)


def _chapter_page(files: Files, rel: str) -> MkPage | None:
    """The chapter page of a topic (the saved page itself is not its own)."""
    parts = rel.split("/")
    if len(parts) != 2 or parts[1] == "index.md":
        return None
    file = files.get_file_from_path(f"{parts[0]}/index.md")
    return file.page if file is not None else None


def _questions(book: Any, rel: str) -> int:
    page = book.pages.get(rel) if book is not None else None
    return len(page.questions) if page is not None else 0


def _title_after(book: Any, rel: str) -> str | None:
    page = book.pages.get(rel)
    return page.title if page is not None else None


def _findings_message(rel: str, files: Files, found: list[Diagnostic], language: str | None) -> dict[str, Any]:
    file = files.get_file_from_path(rel)
    errors = sum(d.is_error for d in found)
    return {"page": rel, "url": file.url if file is not None else "",
            "title": t(language, "live.findings", page=rel, errors=errors, warnings=len(found) - errors),
            "items": [str(d) for d in found], "errors": errors, "close": t(language, "live.close")}


# -- the command ------------------------------------------------------------------------------

class _Console(logging.Handler):
    """MkDocs' and qabook's messages as MkDocs' own command prints them."""

    def emit(self, record: logging.LogRecord) -> None:
        print(f"{record.levelname:<7} -  {record.getMessage()}", file=sys.stderr, flush=True)


def serve(project: Project, dev_addr: str = "127.0.0.1:8000", *, full: bool = False,
          jobs: int | None = None, verbose: bool = False) -> None:
    """Build the site into a temporary folder, serve it on `dev_addr` and render what each
    save changes until asked to stop (Ctrl+C, SIGTERM: `qabook.live.stopping`)."""
    from qabook.live.server import PreviewServer
    from qabook.live.watch import Watcher

    logger = logging.getLogger("mkdocs")
    logger.handlers[:] = [_Console()]
    logger.setLevel(logging.INFO)
    logger.propagate = False
    log.setLevel(logging.DEBUG if verbose else logging.NOTSET)  # the preview's own steps, not MkDocs' every page
    host, _, port = dev_addr.rpartition(":")
    site_dir = Path(tempfile.mkdtemp(prefix="qabook-serve-"))
    stopping = Stopping(site_dir)
    stopping.install()
    session = Session(project, dev_addr, site_dir, jobs=jobs, full=full)
    server = None
    watcher = None
    try:
        with stopping.working():
            session.build_all()
            watched = [project.docs_dir] + [Path(d) for d in _theme_dirs(session)]
            watcher = Watcher(watched, [project.config_file] if project.config_file else [])
            watcher.start()  # before the first page is served: a save made once it answers is seen
            server = PreviewServer(site_dir, host or "127.0.0.1", int(port), own=session.own)
            server.start()
            log.info(f"Serving on http://{dev_addr}/ (a save shows in the open pages by itself)")
        while not stopping.requested:
            paths = watcher.changes(timeout=WAKE)
            with stopping.working():
                if stopping.requested:
                    break
                _one_save(session, server, watcher, paths)
    finally:
        stopping.stop()  # a signal from now on ends the process at once; so does a stop that hangs
        session.stop_outputs()
        if watcher is not None:
            watcher.stop()
        if server is not None:
            server.stop()
        remove_in_background(site_dir)


def _one_save(session: Session, server: PreviewServer, watcher: Watcher, paths: set[Path]) -> None:
    """What one burst of file events changed: rendered, pushed to the open pages, the whole
    book checked, the secondary outputs written in a forked process."""
    session.reap()
    if not paths:
        return
    session.steps = steps = Steps()
    steps.mark("heard", watcher.burst[0])
    steps.mark("burst over", watcher.burst[1])
    pushed: list[str] = []

    def push(first: Update) -> None:
        shown = server.broadcast.pages()
        bodies = {url: Path(path).read_text(encoding="utf-8") for url, path in first.written.items()
                  if page_key(url) in shown}  # the open page's HTML goes with the event: no request
        server.broadcast.send(first.message(), bodies)
        pushed.extend(first.urls)
        steps.mark("pushed")

    try:
        update = session.apply(paths, push)
    except Exception as exc:  # noqa: BLE001 - the preview keeps serving what it has
        log.error(f"qabook serve: the site could not be built again: {exc}")
        return
    if update is None:
        return
    if not pushed:
        server.broadcast.send(update.message())
        steps.mark("pushed")
    elif rest := [url for url in update.urls if url not in pushed]:
        server.broadcast.send({"kind": "pages", "urls": rest})  # no findings: those came with the page
        steps.mark("listing pages pushed")
    shown = ", ".join(unquote(url) for url in update.urls) or (  # '网络/01-…/', not '%E7%BD%91…'
        "nothing (the page as it was stays on screen: " + ", ".join(sorted(session.held)) + " cannot be read)"
        if session.held else "nothing")
    log.info(f"{'Built the site again' if update.full else 'Rendered ' + shown}"
             f" in {update.seconds:.2f} s")
    if not update.full:
        more = session.check_everything()
        if more is not None:
            server.broadcast.send(more.message())
        steps.mark("book checked")
        session.write_outputs(update.saved)
        steps.mark("writer started")
    log.debug(steps.line())


def _theme_dirs(session: Session) -> list[str]:
    """The theme's custom_dir (the project's overrides), watched like the pages."""
    if session.site is None:
        return []
    custom = session.site.config.theme.custom_dir
    return [custom] if custom and Path(custom).is_dir() else []
