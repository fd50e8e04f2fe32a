"""The project's configuration, read once: where things are and what mkdocs.yml says.

`find_project` (the command line) and `load_project` read mkdocs.yml once into a `Project`;
the MkDocs plugin makes the same object from the configuration MkDocs has already loaded
(`project_from_dict`). Everything downstream — the book loader, the checker, the renderer of
PDFs and exports — takes the `Project` and never opens mkdocs.yml itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pathspec
import yaml

from qabook.render import SAFE_EXTENSION, markdown_extensions
from qabook.vocabulary import known_block_names

if TYPE_CHECKING:
    from qabook.diagnostics import Diagnostic


class _LenientLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without executing its `!!python/...` and `!ENV` tags."""


def _ignore_tag(loader: yaml.Loader, suffix: str, node: yaml.Node) -> Any:
    return None


_LenientLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)
_LenientLoader.add_multi_constructor("!", _ignore_tag)


def read_config(config_file: Path) -> dict[str, Any]:
    """mkdocs.yml as a dict ({} when it cannot be read); tags are dropped, nothing is executed."""
    try:
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_LenientLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}


_PROBLEMS: dict[tuple[str, str], tuple[tuple[int, int], Diagnostic | None]] = {}


def config_problem(config_file: Path, display: str) -> Diagnostic | None:
    """Why mkdocs.yml cannot be read as a configuration (QA005), or None. Remembered while the
    file's mtime and size stay the same (a live preview reads the book again on every save; the
    YAML parse with positions is most of that read)."""
    try:
        st = config_file.stat()
        stamp = (st.st_mtime_ns, st.st_size)
    except OSError:
        stamp = None
    key = (str(config_file), display)
    if stamp is not None and (known := _PROBLEMS.get(key)) is not None and known[0] == stamp:
        return known[1]
    problem = _config_problem(config_file, display)
    if stamp is not None:
        _PROBLEMS[key] = (stamp, problem)
    return problem


def _config_problem(config_file: Path, display: str) -> Diagnostic | None:
    from qabook.diagnostics import Diagnostic

    try:
        text = config_file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return Diagnostic(display, 1, 1, "QA005", f"cannot read the configuration: {exc}")
    try:
        data = yaml.load(text, Loader=_LenientLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or "invalid YAML"
        return Diagnostic(display, 1 + (mark.line if mark else 0), 1 + (mark.column if mark else 0), "QA005",
                          f"not valid YAML: {problem}; MkDocs cannot build the site until it is fixed")
    if not isinstance(data, dict):
        return Diagnostic(display, 1, 1, "QA005", "expected a mapping of settings ('site_name: …', 'theme: …')")
    return None


@dataclass(frozen=True)
class Project:
    """One book project: its folders and the settings of its mkdocs.yml that qabook uses."""

    config_file: Path | None  # None when there is no mkdocs.yml
    docs_dir: Path
    site_dir: Path
    root: Path
    site_name: str = ""  # "" when mkdocs.yml has none
    language: str | None = None  # theme.language, as Material reads it
    extensions: tuple[str, ...] = ()  # Markdown extensions, qabook's blocks included
    extension_configs: dict[str, dict[str, Any]] = field(default_factory=dict)
    known_blocks: frozenset[str] | None = None  # `///` types the project renders (None: defaults)
    allow_html: frozenset[str] = frozenset()  # the qabook plugin's `allow_html` (trusted books)
    nav: tuple[str, ...] | None = None  # pages named in mkdocs.yml's nav, if it has one
    not_in_nav: str = ""  # mkdocs.yml's `not_in_nav`: gitignore-style patterns of pages kept out of the nav on purpose
    #: Which folders are chapters: "auto" (those whose pages all hold questions), "all", or the
    #: names listed; a bare docs folder with no mkdocs.yml is a book: "all".
    chapters: str | tuple[str, ...] = "all"
    home: bool = True  # the home page is the book's (checked, with the study panel)
    optional: frozenset[str] = frozenset()  # block kinds this book does not expect (`optional: [explanation]`)
    pdf_dir: str = "pdf"  # the plugin's pdf_dir: where PDFs and exports go in the site (a reserved name)


def kept_out_of_nav(project: Project | None, rel: str) -> bool:
    """The page `rel` (docs-relative) matches mkdocs.yml's `not_in_nav`: its author keeps it out
    of the navigation on purpose. Read as MkDocs reads it: gitignore-style lines matched against
    the docs-relative path (`/drafts/` a folder at the top, `*.md` any page)."""
    return bool(project is not None and project.not_in_nav and _nav_spec(project.not_in_nav).match_file(rel))


@lru_cache(maxsize=8)
def _nav_spec(text: str) -> pathspec.GitIgnoreSpec:
    return pathspec.GitIgnoreSpec.from_lines(text.splitlines())


def _nav_pages(nav: Any) -> list[str]:
    out: list[str] = []
    if isinstance(nav, str):
        if not nav.startswith(("http://", "https://")):
            out.append(nav)
    elif isinstance(nav, list):
        for item in nav:
            out.extend(_nav_pages(item))
    elif isinstance(nav, dict):
        for value in nav.values():
            out.extend(_nav_pages(value))
    return out


def plugin_options(config: dict[str, Any]) -> dict[str, Any]:
    """The qabook plugin's options as written in mkdocs.yml ({} when none)."""
    for entry in config.get("plugins") or []:
        if isinstance(entry, dict) and isinstance(entry.get("qabook"), dict):
            return entry["qabook"]
    return {}


def plugin_entry(config_file: Path) -> tuple[int, bool] | None:
    """Where mkdocs.yml names the qabook plugin: (its line, whether options follow: `- qabook:`
    rather than a bare `- qabook`), for a message that says where an option goes; None if the
    file does not name it on a line of its own or cannot be read."""
    try:
        lines = config_file.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    for number, line in enumerate(lines, 1):
        if m := re.match(r"\s*-\s*['\"]?qabook['\"]?\s*(:)?\s*(?:#.*)?$", line):
            return number, m.group(1) is not None
    return None


def _allow_html(options: dict[str, Any]) -> frozenset[str]:
    allowed = options.get("allow_html") or []
    return frozenset(str(a).lower() for a in allowed) if isinstance(allowed, list) else frozenset()


def _chapters(options: dict[str, Any]) -> str | tuple[str, ...]:
    value = options.get("chapters", "auto")
    if isinstance(value, list):
        return tuple(str(v).strip("/") for v in value)
    return value if value in ("auto", "all") else "auto"


def _language(config: dict[str, Any]) -> str | None:
    theme = config.get("theme")
    language = theme.get("language") if isinstance(theme, dict) else None
    return str(language) if language else None


def project_from_dict(config: dict[str, Any], config_file: Path | None, *, docs_dir: Path | None = None,
                      site_dir: Path | None = None) -> Project:
    """A `Project` from mkdocs.yml already read into `config`; `docs_dir`/`site_dir` override it."""
    root = config_file.resolve().parent if config_file else Path.cwd()
    language = _language(config)
    options = plugin_options(config)
    names, configs = markdown_extensions(config, language)
    configs[SAFE_EXTENSION] = {"allow": sorted(_allow_html(options))}  # the sanitiser keeps what a trusted book allows
    nav = config.get("nav")
    return Project(
        config_file=config_file,
        docs_dir=Path(docs_dir) if docs_dir is not None else root / str(config.get("docs_dir") or "docs"),
        site_dir=Path(site_dir) if site_dir is not None else root / str(config.get("site_dir") or "site"),
        root=root,
        site_name=str(config.get("site_name") or ""),
        language=language,
        extensions=tuple(names),
        extension_configs=configs,
        known_blocks=frozenset(known_block_names(names, configs)) if config_file else None,
        allow_html=_allow_html(options),
        nav=tuple(_nav_pages(nav)) if nav else None,
        not_in_nav=config["not_in_nav"] if isinstance(config.get("not_in_nav"), str) else "",
        chapters=_chapters(options) if config_file else "all",
        home=bool(options.get("home", False)) if config_file else True,
        optional=frozenset(str(k) for k in options.get("optional") or [] if isinstance(k, str)),
        pdf_dir=str(options.get("pdf_dir") or "pdf"),
    )


def load_project(config_file: Path | None, docs_dir: Path | None = None, site_dir: Path | None = None) -> Project:
    """Read `config_file` (None: no mkdocs.yml) once; `docs_dir`/`site_dir` override its folders."""
    if config_file is not None and not config_file.exists():
        config_file = None
    config = read_config(config_file) if config_file else {}
    return project_from_dict(config, config_file, docs_dir=docs_dir, site_dir=site_dir)


def find_project(config_file: Path | None = None, docs_dir: Path | None = None) -> Project:
    """The project the command line works on: `config_file`, else ./mkdocs.yml if there is one."""
    if config_file is None and Path("mkdocs.yml").exists():
        config_file = Path("mkdocs.yml")
    return load_project(config_file, docs_dir)
