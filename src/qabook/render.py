"""Markdown → HTML exactly as the site renders it, without MkDocs (for PDFs and exports).

Reads the `markdown_extensions` of the project's mkdocs.yml (tags such as `!!python/...` and
`!ENV` are dropped) and adds qabook's block configuration from `qabook.vocabulary`, titled in
the book's language — the same thing the plugin does inside MkDocs.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from qabook.vocabulary import known_block_names, pymdownx_configs

if TYPE_CHECKING:
    import markdown

MarkdownToHtml = Callable[[str], str]

#: What a page needs when mkdocs.yml lists no extensions at all.
BASE_EXTENSIONS = ["tables", "attr_list", "md_in_html", "pymdownx.superfences"]
BLOCK_EXTENSIONS = ["pymdownx.blocks.admonition", "pymdownx.blocks.details"]
#: The extension every page's HTML leaves the renderer through: the sanitiser (qabook.safe_markdown).
SAFE_EXTENSION = "qabook.safe_markdown"


def _drop_none(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _drop_none(v) for k, v in value.items() if v is not None}
    return value


def markdown_extensions(config: dict[str, Any], language: str | None) -> tuple[list[str], dict[str, dict[str, Any]]]:
    """(extension names, their configs) from a read mkdocs.yml, qabook's blocks included."""
    names: list[str] = []
    configs: dict[str, dict[str, Any]] = {}
    for entry in config.get("markdown_extensions") or []:
        if isinstance(entry, str):
            names.append(entry)
        elif isinstance(entry, dict):
            for name, options in entry.items():
                names.append(str(name))
                if isinstance(options, dict):
                    configs[str(name)] = _drop_none(options)
    if not names:
        names = list(BASE_EXTENSIONS)
    for ext in BLOCK_EXTENSIONS:
        if ext not in names:
            names.append(ext)
    configs.update(pymdownx_configs(language, configs))
    names = [n for n in names if n != SAFE_EXTENSION] + [SAFE_EXTENSION]
    configs[SAFE_EXTENSION] = {"allow": sorted(plugin_allow_html(config))}
    return names, configs


def plugin_allow_html(config: dict[str, Any]) -> frozenset[str]:
    """The qabook plugin's `allow_html` option in mkdocs.yml: what a trusted book may use."""
    for entry in config.get("plugins") or []:
        if isinstance(entry, dict) and isinstance(entry.get("qabook"), dict):
            allowed = entry["qabook"].get("allow_html") or []
            if isinstance(allowed, list):
                return frozenset(str(a).lower() for a in allowed)
    return frozenset()


def known_blocks(config: dict[str, Any]) -> frozenset[str]:
    """The `///` block types this project renders."""
    names, configs = markdown_extensions(config, None)
    return frozenset(known_block_names(names, configs))


def book_language(config: dict[str, Any]) -> str | None:
    """theme.language of mkdocs.yml, as Material reads it."""
    theme = config.get("theme")
    language = theme.get("language") if isinstance(theme, dict) else None
    return str(language) if language else None


def markdown_instance(config: dict[str, Any], *, report: bool = False,
                      overrides: dict[str, dict[str, Any]] | None = None) -> "markdown.Markdown":
    """A Markdown instance with the project's extensions, its HTML sanitised on the way out;
    `report`: the sanitiser also records what it removed (`safe_markdown.removed_html`);
    `overrides`: extension options to change (the exports highlight code with inline colours)."""
    import markdown

    names, configs = markdown_extensions(config, book_language(config))
    configs[SAFE_EXTENSION]["report"] = report
    for name, options in (overrides or {}).items():
        if name not in names:
            names.insert(-1, name)
        configs[name] = {**configs.get(name, {}), **options}
    return markdown.Markdown(extensions=names, extension_configs=configs)


def markdown_renderer(config: dict[str, Any], *, for_print: bool = False) -> MarkdownToHtml:
    """Markdown → HTML with the project's extensions (one Markdown instance, reset per call).
    `for_print`: HTML for a PDF, whose pictures from other hosts become labelled placeholders."""
    md = markdown_instance(config, overrides={SAFE_EXTENSION: {"print": True}} if for_print else None)

    def render(text: str) -> str:
        md.reset()
        return md.convert(text)

    return render


def read_project_config(config_file: Path | None) -> dict[str, Any]:
    from qabook.book import read_config

    return read_config(config_file) if config_file else {}
