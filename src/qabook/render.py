"""Markdown → HTML exactly as the site renders it, without MkDocs (for PDFs and exports).

Uses the `markdown_extensions` of the project's mkdocs.yml (as `qabook.config` read them,
once) with qabook's block configuration from `qabook.vocabulary`, titled in the book's
language — the same thing the plugin does inside MkDocs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from qabook.vocabulary import pymdownx_configs

if TYPE_CHECKING:
    import markdown

    from qabook.config import Project

MarkdownToHtml = Callable[[str], str]

#: What a page needs when mkdocs.yml lists no extensions at all.
BASE_EXTENSIONS = ["tables", "attr_list", "md_in_html", "pymdownx.superfences"]
BLOCK_EXTENSIONS = ["pymdownx.blocks.admonition", "pymdownx.blocks.details"]
#: The extension every page's HTML leaves the renderer through: the sanitiser (qabook.safe_markdown);
#: its `allow` is the plugin's allow_html (set by qabook.config and by the plugin).
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
    names = [n for n in names if n != SAFE_EXTENSION] + [SAFE_EXTENSION]  # last: it sees the final HTML
    configs[SAFE_EXTENSION] = {"allow": []}
    return names, configs


def markdown_instance(project: Project, *, report: bool = False,
                      overrides: dict[str, dict[str, Any]] | None = None) -> markdown.Markdown:
    """A Markdown instance with the project's extensions, its HTML sanitised on the way out;
    `report`: the sanitiser also records what it removed (`safe_markdown.removed_html`);
    `overrides`: extension options to change (the exports highlight code with inline colours)."""
    import copy

    import markdown

    names = list(project.extensions)
    configs = copy.deepcopy(project.extension_configs)
    if SAFE_EXTENSION not in names:
        names.append(SAFE_EXTENSION)
    configs.setdefault(SAFE_EXTENSION, {})["report"] = report
    for name, options in (overrides or {}).items():
        if name not in names:
            names.insert(-1, name)
        configs[name] = {**configs.get(name, {}), **options}
    return markdown.Markdown(extensions=names, extension_configs=configs)


def for_print(project: Project) -> Project:
    """The project as the PDFs render it: the sanitiser keeps the src of pictures from other
    hosts (the PDF never fetches them; it shows a placeholder naming them)."""
    import dataclasses

    configs = dict(project.extension_configs)
    configs[SAFE_EXTENSION] = {**configs.get(SAFE_EXTENSION, {}), "print": True}
    return dataclasses.replace(project, extension_configs=configs)


def markdown_renderer(project: Project) -> MarkdownToHtml:
    """Markdown → HTML with the project's extensions (one Markdown instance, reset per call)."""
    md = markdown_instance(project)

    def render(text: str) -> str:
        md.reset()
        return md.convert(text)

    return render
