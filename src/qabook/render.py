"""Markdown → HTML exactly as the site renders it, without MkDocs (for PDFs and exports).

Uses the `markdown_extensions` of the project's mkdocs.yml (as `qabook.config` read them,
once) with qabook's block configuration from `qabook.vocabulary`, titled in the book's
language — the same thing the plugin does inside MkDocs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from qabook.vocabulary import pymdownx_configs

if TYPE_CHECKING:
    from qabook.config import Project

MarkdownToHtml = Callable[[str], str]

#: What a page needs when mkdocs.yml lists no extensions at all.
BASE_EXTENSIONS = ["tables", "attr_list", "md_in_html", "pymdownx.superfences"]
BLOCK_EXTENSIONS = ["pymdownx.blocks.admonition", "pymdownx.blocks.details"]


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
    return names, configs


def markdown_renderer(project: Project) -> MarkdownToHtml:
    """Markdown → HTML with the project's extensions (one Markdown instance, reset per call)."""
    import copy

    import markdown

    md = markdown.Markdown(extensions=list(project.extensions),
                           extension_configs=copy.deepcopy(project.extension_configs))

    def render(text: str) -> str:
        md.reset()
        return md.convert(text)

    return render
