"""MkDocs' build with its two page loops fed to worker processes: both cores, the same bytes.

`build(config, jobs=N)` takes the steps of `mkdocs.commands.build.build` (MkDocs 1.6) in the
same order; only the two loops over the pages differ. After `on_nav`, the pages are read and
converted (`on_page_markdown`, Markdown, `on_page_content`) in N forked workers, and what each
page became (its HTML, table of contents, title, anchors) is sent back and set on the page in
the parent, in page order. After `on_env`, N freshly forked workers (they hold every page's
title for the navigation) render the templates and write the files. Logged messages come back
with the results and are logged by the parent in page order, so `--strict` counts them.

Plugins keep state from page events in their own process, so:
- a plugin with `parallel_page_state(page)` / `parallel_apply(page, state)` (qabook's) hands
  its per-page state over itself (and keeps none of it in the worker: a worker converts a share
  of the book and reads no page of it again);
- any other plugin's `on_page_markdown` / `on_page_content` is called again in the parent with
  the input it had in the worker (its result is the worker's), so tags and the like are
  collected as in a serial build;
- a one-off build (`keep_content=False`) whose two loops both run in workers holds each page's
  HTML and table of contents packed in the parent (`qabook.memory.Packed` behind `page.content`,
  which reads as the text: a plugin's `on_env` may read or set it, e.g. Material's tag listings;
  `PackedItems` behind `page.toc`, which reads as MkDocs' own): a big book's pages are all held
  at once there;
- a plugin with `parallel_convert_worker()` is told when it is in a converting worker, and one
  with `parallel_chunk_state()` / `parallel_chunk_apply(state)` hands over what it added up
  over a chunk of pages (qabook's search expansions' figures: one sum per chunk, not one per
  page, for the parent to add);
- a plugin with `parallel_render_worker()` is told when it is in a render worker (forked with
  everything the parent holds: qabook lets go of its copies of the pages there, and the freed
  heap is given back, so that the worker's memory is what rendering needs);
- a plugin with `parallel_beside_render(config)` is told when the pages are about to be rendered in
  workers (a one-off build: `keep_content=False`): it may start work that needs no rendered
  page (qabook's search index) in a process of its own with `beside()`, and wait for it in
  `on_post_build`, so that it runs while the pages are rendered instead of after them;
- a plugin with `on_pre_page` / `on_page_read_source`, or with `on_page_context` /
  `on_post_page` that is not known to keep no state, makes that loop run in the parent.

`jobs=1` (or a small book) is MkDocs' own serial loop. A test builds books both ways and
compares every file (`tests/test_parallel_build.py`).
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence
from urllib.parse import urljoin

import jinja2
import jinja2.nodes
from mkdocs import utils
from mkdocs.commands.build import (_build_extra_template, _build_page, _build_theme_template, _populate_page,
                                   site_directory_contains_stale_files)
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, BuildError
from mkdocs.structure.files import File, Files, InclusionLevel, get_files, set_exclusions
from mkdocs.structure.nav import Navigation, get_navigation
from mkdocs.structure.pages import Page

from qabook import progress, template_trees
from qabook.cpus import available_cores
from qabook.markdown_reuse import reused_markdown
from qabook.memory import Packed, PackedItems, give_back, packed_or_items, packed_or_text
from qabook.staging import worker_pool, worker_process

log = logging.getLogger("mkdocs.commands.build")

#: Below this many pages, forking workers costs more than it saves.
PARALLEL_MIN_PAGES = 200
#: Pages per task: small enough to spread uneven pages (formulas) over the workers.
CHUNK = 32
#: Plugins whose `on_page_context` / `on_post_page` keep no state (safe in a worker).
STATELESS_RENDER_PLUGINS = {"material.plugins.tags.plugin.TagsPlugin"}
#: What reading and converting sets on a page (MkDocs 1.6 `Page.read_source` and `render`).
PAGE_RESULT = ("markdown", "meta", "content", "toc", "_title_from_render", "present_anchor_ids")


@dataclass
class Site:
    """A built site as MkDocs holds it: what a live preview needs to render a page again."""

    config: MkDocsConfig
    files: Files
    nav: Navigation
    env: jinja2.Environment
    doc_files: Sequence[File] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)  # drafts shown only in the preview




# -- what the workers see (set before forking; a forked worker inherits it) --------------------

_STATE: dict[str, Any] = {}


class _Collect(logging.Handler):
    """A worker's log records, kept to be logged by the parent in page order."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def _child_setup() -> _Collect:
    """A forked child's signals and log: SIGTERM ends it (the parent stops it so), Ctrl+C is the
    parent's to handle, it dies with the parent (`staging.worker_process`), and MkDocs' log
    records are collected for the parent to replay."""
    worker_process()
    logger = logging.getLogger("mkdocs")
    collect = _Collect()
    collect.setLevel(logger.getEffectiveLevel())
    logger.handlers[:] = [collect]
    logger.propagate = False
    return collect


def _init_worker() -> None:
    collect = _child_setup()
    _STATE["log"] = collect
    replays: list[tuple[str, int, Any]] = []
    _STATE["replays"] = replays
    plugins = _STATE["config"].plugins
    if "doc_files" in _STATE:  # a render worker: what plugins kept of every page is not needed here
        for plugin in plugins.values():
            if hasattr(plugin, "parallel_render_worker"):
                plugin.parallel_render_worker()
        give_back()
        # The templates were compiled before the fork (`_compile_templates`) and a worker lives for
        # one build: no check of each template file's time on every load (Jinja's `auto_reload`
        # stats the file each time a page includes a template, ≈ 23 a page).
        if (env := _STATE.get("env")) is not None:
            env.auto_reload = False
    else:  # a converting worker
        for plugin in plugins.values():
            if hasattr(plugin, "parallel_convert_worker"):
                plugin.parallel_convert_worker()
    # What the worker inherited lives as long as it does: out of the cyclic collector's sight,
    # its full collections do not walk the parent's whole heap again (nor write to each
    # inherited object's header, which would copy the parent's memory page by page).
    gc.freeze()
    for event in ("page_markdown", "page_content"):
        methods = plugins.events[event]
        for k, method in enumerate(methods):
            if not _aware(method):
                methods[k] = _recorder(method, event, k, replays)


def _recorder(method: Callable, event: str, k: int, replays: list) -> Callable:
    def record(item: Any, **kwargs: Any) -> Any:
        replays.append((event, k, item))
        return method(item, **kwargs)

    return record


def _aware(method: Callable) -> bool:
    """The method's plugin hands its page state over itself (`parallel_page_state`)."""
    return hasattr(getattr(method, "__self__", None), "parallel_page_state")


def _take_log() -> list[tuple[str, int, str]]:
    records = _STATE["log"].records[:]
    _STATE["log"].records.clear()
    return records


def _populate_chunk(indices: list[int]) -> tuple[list[tuple], list[tuple[str, int, str]], str | None, list]:
    """Read and convert these pages; what each became, the log, an error if one failed, and
    what plugins added up over the chunk (`parallel_chunk_state`)."""
    config: MkDocsConfig = _STATE["config"]
    pages: list[Page] = _STATE["pages"]
    aware = [p for p in config.plugins.values() if hasattr(p, "parallel_page_state")]
    out = []
    for i in indices:
        page = pages[i]
        _STATE["replays"].clear()
        try:
            _populate_page(page, config, _STATE["files"])
        except Exception as exc:  # noqa: BLE001 - sent to the parent, which stops the build
            return out, _take_log(), _error_text(exc), []
        attrs = {name: getattr(page, name, None) for name in PAGE_RESULT}
        attrs["content"] = packed_or_text(attrs["content"], _STATE["pack"])  # (see _hold_packed)
        attrs["toc"] = packed_or_items(attrs["toc"], _STATE["pack"])
        if "title" in page.__dict__:  # set by a plugin (MkDocs' title is a weak property)
            attrs["title"] = page.__dict__["title"]
        links = getattr(page, "links_to_anchors", None)
        attrs["links_to_anchors"] = {f.src_uri: v for f, v in links.items()} if links else links
        states = [plugin.parallel_page_state(page) for plugin in aware]
        out.append((i, attrs, states, list(_STATE["replays"])))
        page.content = page.markdown = None  # sent; this worker does not need it again
    chunked = [p.parallel_chunk_state() for p in config.plugins.values() if hasattr(p, "parallel_chunk_state")]
    return out, _take_log(), None, chunked


def _build_chunk(indices: list[int]) -> tuple[int, list[tuple[str, int, str]], str | None]:
    """Render and write these pages."""
    config: MkDocsConfig = _STATE["config"]
    doc_files = _STATE["doc_files"]
    done = 0
    for i in indices:
        file = doc_files[i]
        page = file.page
        toc = page.__dict__.get("_held_toc")
        page.content, page.toc = page.content, page.toc  # (unpacked once for the template: see _hold_packed)
        try:
            _build_page(page, config, doc_files, _STATE["nav"], _STATE["env"],
                        excluded=file.inclusion.is_excluded())
        except Exception as exc:  # noqa: BLE001
            return done, _take_log(), _error_text(exc)
        page.content = None  # written; (a one-off build lets the parent's copy go too)
        if isinstance(toc, PackedItems):
            page.toc = toc  # (held packed again, as the parent held it: the worker renders more pages)
        done += 1
    return done, _take_log(), None


def _error_text(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text if isinstance(exc, BuildError) else f"{type(exc).__name__}: {text}"


def _relog(records: list[tuple[str, int, str]]) -> None:
    for name, level, message in records:
        logging.getLogger(name).log(level, message)


def _chunks(n: int, jobs: int) -> list[list[int]]:
    size = max(1, min(CHUNK, n // (jobs * 4) or 1))
    return [list(range(k, min(n, k + size))) for k in range(0, n, size)]


def _pool(jobs: int, **state: Any) -> Any:
    _STATE.clear()
    _STATE.update(state)
    return worker_pool(jobs, _init_worker)


# -- which loops may run in workers ------------------------------------------------------------

def _plugin_names(config: MkDocsConfig, events: tuple[str, ...]) -> list[tuple[str, Any]]:
    out = []
    for event in events:
        for method in config.plugins.events[event]:
            owner = getattr(method, "__self__", None)
            if owner is not None and not hasattr(owner, "parallel_page_state"):
                out.append((event, owner))
    return out


def populate_in_parallel(config: MkDocsConfig) -> bool:
    """No plugin replaces pages or their source (those events cannot be replayed)."""
    return not _plugin_names(config, ("pre_page", "page_read_source"))


def render_in_parallel(config: MkDocsConfig) -> bool:
    """Every plugin that sees pages being rendered keeps no state from it."""
    return all(f"{type(p).__module__}.{type(p).__qualname__}" in STATELESS_RENDER_PLUGINS
               for _, p in _plugin_names(config, ("page_context", "post_page")))


# -- the build ---------------------------------------------------------------------------------

def build(config: MkDocsConfig, *, jobs: int | None = None, serve_url: str | None = None,
          min_pages: int = PARALLEL_MIN_PAGES, keep_content: bool = True) -> Site:
    """A full build of `config` (loaded, not yet through `on_config`), like `mkdocs build`,
    with the pages in `jobs` worker processes (default: every core) when there are at least
    `min_pages`. Returns the built site's state. `keep_content=False` (a one-off build, which
    renders no page again): each page's HTML is let go once every page is written, before
    `on_post_build` (the search index), and plugins with `one_off_build()` are told so before
    the pages are read (and, when they are rendered in workers, `parallel_beside_render()`);
    when both loops run in workers, each page's HTML is held packed (`qabook.memory.Packed`)
    between them: `page.content` is a `Packed` there (`str()` gives the HTML), the render worker
    unpacks it for the template and lets it go once the page is written."""
    jobs = jobs or available_cores()
    with reused_markdown():
        return _build(config, jobs, serve_url, min_pages, keep_content)


def _build(config: MkDocsConfig, jobs: int, serve_url: str | None, min_pages: int, keep_content: bool) -> Site:
    warning_counter = utils.CountHandler()
    warning_counter.setLevel(logging.WARNING)
    if config.strict:
        logging.getLogger("mkdocs").addHandler(warning_counter)
    inclusion = InclusionLevel.is_in_serve if serve_url else InclusionLevel.is_included
    try:
        start = time.monotonic()
        template_trees.forget()  # (a new build: its templates are read again)
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        log.info("Cleaning site directory")
        utils.clean_directory(config.site_dir)
        if not serve_url:
            log.info(f"Building documentation to directory: {config.site_dir}")
            if site_directory_contains_stale_files(config.site_dir):
                log.info("The directory contains stale files. Use --clean to remove them.")
        files = get_files(config)
        env = config.theme.get_env()
        files.add_files_from_theme(env, config)
        files = config.plugins.on_files(files, config=config)
        set_exclusions(files, config)
        nav = get_navigation(files, config)
        nav = config.plugins.on_nav(nav, config=config, files=files)

        excluded: list[str] = []
        pages: list[Page] = []
        for file in files.documentation_pages(inclusion=inclusion):
            if file.page is None and file.inclusion.is_not_in_nav():
                if serve_url and file.inclusion.is_excluded():
                    excluded.append(urljoin(serve_url, file.url))
                Page(None, file, config)
            assert file.page is not None
            pages.append(file.page)
        parallel = jobs > 1 and len(pages) >= min_pages
        if not keep_content:  # plugins that can let go of their copies (qabook's: packed, and let go before its index)
            for plugin in config.plugins.values():
                if hasattr(plugin, "one_off_build"):
                    plugin.one_off_build()
        if parallel and populate_in_parallel(config):
            # a one-off build whose pages are rendered in workers holds each page's HTML packed
            # from converting to rendering (memory.Packed: every page of the book is held then)
            pack = not keep_content and render_in_parallel(config)
            _populate_all(config, files, pages, jobs, pack)
        else:
            converted = progress.Count("converting", len(pages))  # (said by `qabook build`: qabook.progress)
            for page in pages:
                _populate_page(page, config, files)
                converted.add()
        if excluded:
            log.info("The following pages are being built only for the preview but will be excluded from "
                     "`mkdocs build` per `draft_docs` config:\n  - " + "\n  - ".join(excluded))

        env = config.plugins.on_env(env, config=config, files=files)
        files.copy_static_files(inclusion=inclusion)
        for template in config.theme.static_templates:
            _build_theme_template(template, env, files, config, nav)
        for template in config.extra_templates:
            _build_extra_template(template, files, config, nav)

        doc_files = files.documentation_pages(inclusion=inclusion)
        if parallel and render_in_parallel(config):
            if not keep_content:
                for plugin in config.plugins.values():
                    if hasattr(plugin, "parallel_beside_render"):
                        plugin.parallel_beside_render(config)
            _build_all(config, nav, env, doc_files, jobs)
        else:
            rendered = progress.Count("rendering", len(doc_files))
            for file in doc_files:
                assert file.page is not None
                _build_page(file.page, config, doc_files, nav, env, excluded=file.inclusion.is_excluded())
                rendered.add()

        log_level = config.validation.links.anchors
        for file in doc_files:
            assert file.page is not None
            file.page.validate_anchor_links(files=files, log_level=log_level)
            if not keep_content:
                file.page.content = None  # (its markdown stays: MkDocs' page title reads it)
        config.plugins.on_post_build(config=config)
        if counts := warning_counter.get_counts():
            msg = ", ".join(f"{v} {k.lower()}s" for k, v in counts)
            raise Abort(f"Aborted with {msg} in strict mode!")
        log.info(f"Documentation built in {time.monotonic() - start:.2f} seconds")
        return Site(config, files, nav, env, doc_files, excluded)
    except Exception as e:
        config.plugins.on_build_error(error=e)
        if isinstance(e, BuildError):
            log.error(str(e))
            raise Abort("Aborted with a BuildError!")
        raise
    finally:
        logging.getLogger("mkdocs").removeHandler(warning_counter)


def _populate_all(config: MkDocsConfig, files: Files, pages: list[Page], jobs: int, pack: bool = False) -> None:
    converted = progress.Count("converting", len(pages))
    aware = [p for p in config.plugins.values() if hasattr(p, "parallel_page_state")]
    chunked = [p for p in config.plugins.values() if hasattr(p, "parallel_chunk_state")]
    with _pool(jobs, config=config, files=files, pages=pages, pack=pack) as pool:
        for results, records, error, chunk_states in pool.imap(_populate_chunk, _chunks(len(pages), jobs)):
            for i, attrs, states, replays in results:
                page = pages[i]
                links = attrs.pop("links_to_anchors")
                if isinstance(attrs["content"], Packed) or isinstance(attrs["toc"], PackedItems):
                    _hold_packed(page)
                for name, value in attrs.items():
                    setattr(page, name, value)
                if links is not None:
                    page.links_to_anchors = {files.get_file_from_path(uri): v for uri, v in links.items()}
                for plugin, state in zip(aware, states):
                    plugin.parallel_apply(page, state)
                for event, k, item in replays:
                    config.plugins.events[event][k](item, page=page, config=config, files=files)
            for plugin, state in zip(chunked, chunk_states):
                plugin.parallel_chunk_apply(state)
            _relog(records)
            if error is not None:
                raise BuildError(error)
            converted.add(len(results))


_PACKED_PAGES: dict[type, type] = {}
#: What a one-off build holds packed of every page between its loops (see `_hold_packed`).
HELD_PACKED = ("content", "toc")


def _held(name: str) -> property:
    key = f"_held_{name}"

    def get(self: Page) -> Any:
        value = self.__dict__.get(key)
        if isinstance(value, Packed):  # text: unpacked on each read, not kept
            return str(value)
        if isinstance(value, PackedItems):  # objects a plugin may change (Material's tag listings add
            value = self.__dict__[key] = value.unpacked()  # to their page's toc): unpacked once, kept
        return value

    def put(self: Page, value: Any) -> None:
        self.__dict__[key] = value

    return property(get, put)


def _hold_packed(page: Page) -> None:
    """`page.content` and `page.toc` kept as they are set, and read as MkDocs' own: a `Packed`
    HTML is unpacked on each read (not kept), a `PackedItems` table of contents on its first read
    (then kept: it may be changed in place), so the parent holds every page packed and a plugin
    reading a page's HTML or table of contents (Material's tag listings, in `on_env`) still reads
    and changes it; the page stays an instance of its class (a subclass with `content` and `toc`
    as properties)."""
    cls = type(page)
    held = _PACKED_PAGES.get(cls)
    if held is None:
        held = _PACKED_PAGES[cls] = type(cls.__name__, (cls,), {**{name: _held(name) for name in HELD_PACKED},
                                                              "__module__": cls.__module__})
    values = {name: page.__dict__.pop(name, None) for name in HELD_PACKED}
    page.__class__ = held
    for name, value in values.items():
        setattr(page, name, value)


def _build_all(config: MkDocsConfig, nav: Navigation, env: jinja2.Environment, doc_files: Sequence[File],
               jobs: int) -> None:
    _compile_templates(env, {str(f.page.meta.get("template", "main.html")) for f in doc_files if f.page is not None})
    rendered = progress.Count("rendering", len(doc_files))
    with _pool(jobs, config=config, nav=nav, env=env, doc_files=doc_files) as pool:
        for written, records, error in pool.imap(_build_chunk, _chunks(len(doc_files), jobs)):
            _relog(records)
            if error is not None:
                raise BuildError(error)
            rendered.add(written)


def _compile_templates(env: jinja2.Environment, names: set[str]) -> None:
    """The pages' templates, and the templates every render of them loads (`extends`, and an
    `include` or `import` of a constant name outside any `if`, loop, macro or call block,
    followed), compiled here before the render workers fork: each worker would compile them
    again itself (the environment's cache is inherited). A template only some pages load is
    left to the workers, as a name that does not load (the render meets it as before)."""
    todo, seen = sorted(names), set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            env.get_template(name)
            tree = template_trees.parsed(env, name)  # (parsed once a build: `{% shared %}` reads it too)
        except (jinja2.TemplateError, LookupError):
            continue
        todo += sorted(set(_always_loaded(tree)) - seen)


_CONDITIONAL = (jinja2.nodes.If, jinja2.nodes.For, jinja2.nodes.Macro, jinja2.nodes.CallBlock, jinja2.nodes.CondExpr)


def _always_loaded(node: jinja2.nodes.Node) -> list[str]:
    """The constant names of the templates a template's body always loads (`_compile_templates`)."""
    out: list[str] = []
    for child in node.iter_child_nodes():
        if isinstance(child, (jinja2.nodes.Extends, jinja2.nodes.Include, jinja2.nodes.Import, jinja2.nodes.FromImport)):
            template = child.template
            if isinstance(template, jinja2.nodes.Const) and isinstance(template.value, str):
                out.append(template.value)
        elif not isinstance(child, _CONDITIONAL):
            out += _always_loaded(child)
    return out


# -- work beside the render loop (a plugin's, in a forked process) -----------------------------

class Beside:
    """A function running in a forked process (`beside()`); `join()` waits for it, logs what it
    logged (in the parent, so `--strict` counts it) and raises a BuildError if it failed."""

    def __init__(self, func: Callable[[], None]) -> None:
        ctx = multiprocessing.get_context("fork")
        self._reader, writer = ctx.Pipe(duplex=False)
        self._process = ctx.Process(target=_beside_run, args=(func, writer))  # (not daemonic: it may fork workers)
        self._process.start()
        writer.close()

    def running(self) -> bool:
        """Still at work (it has not sent its result yet)."""
        return not self._reader.poll()

    def join(self) -> None:
        try:
            records, error = self._reader.recv()
        except (EOFError, OSError):
            records, error = [], f"the process beside the render loop ended without a result " \
                                 f"(exit code {self._process.exitcode if self._process.exitcode is not None else '?'})"
        finally:
            self._reader.close()
            self._process.join()
        _relog(records)
        if error is not None:
            raise BuildError(error)

    def stop(self) -> None:
        """The build failed: end the process, wait for it."""
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._reader.close()


def beside(func: Callable[[], None]) -> Beside:
    """Run `func` in a process forked now (it sees everything this process holds), beside the
    render workers: what it writes, it writes itself; call `join()` before using it."""
    return Beside(func)


def _beside_run(func: Callable[[], None], writer: Any) -> None:
    collect = _child_setup()
    gc.freeze()  # what it inherited, as in the workers (_init_worker)
    error = None
    try:
        func()
    except Exception as exc:  # noqa: BLE001 - sent to the parent, which stops the build
        error = _error_text(exc)
    writer.send((collect.records, error))
    writer.close()
