"""What the plugin adds to any MkDocs site: its templates, its assets (shipped in the
package), the Markdown extensions of the block vocabulary, and the theme settings it needs.
A project's mkdocs.yml needs only `- qabook`."""

from __future__ import annotations

import json

from importlib import resources
from pathlib import Path
from typing import Callable

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files

from qabook.i18n import strings, t
from qabook.plugin.navigation import chapter_nav, held_children, written_items
from qabook.plugin.preview import TEMPLATES
from qabook.render import BLOCK_EXTENSIONS, SAFE_EXTENSION
from qabook.textout import html_text, title_text
from qabook.vocabulary import pymdownx_configs

log = get_plugin_logger(__name__)

SEARCH_JS = "assets/qabook/qasearch.js"
#: The reading site's own stylesheet and script (copy-link, print CSS, question layout), shipped in the package.
SITE_CSS, SITE_JS = "assets/qabook/qabook.css", "assets/qabook/qabook.js"
FONT_CSS = "assets/qabook/font.css"  # option system_font
STUDY_DIR = "assets/qabook/"
#: shipped in qabook.assets; progresslink.js and the QR encoder load only when a learner asks
STUDY_ASSETS = ("fsrs.js", "study.js", "study.css", "print.js", "progresslink.js", "vendor/qrcode-generator.js",
                "vendor/LICENSE-qrcode-generator.txt")
STUDY_INDEX = STUDY_DIR + "study-index.js"  # written after the build: strings, chapters, topics
PRINT_JS = STUDY_DIR + "print.js"  # a chapter's print page: its questions' parts from the chapter's cards
STUDY_CARDS = STUDY_DIR + "study-cards/"  # written after the build: each question's HTML, a file per chapter
CSP_SCRIPTS = ("md-base.js", "md-palette.js", "md-content.js")


def book_language(config: MkDocsConfig) -> str | None:
    """The book's language: theme.language, as Material reads it."""
    language = config.theme.get("language") if config.theme else None
    return str(language) if language else None


def material_search(config: MkDocsConfig) -> bool:
    """Material's own search plugin is configured."""
    return "search" in config.plugins or "material/search" in config.plugins


def search_taken_over(config: MkDocsConfig) -> str:
    """Why qabook's search serves a site qabook was added to: its `plugins:` lists no `search`
    (MkDocs adds its own only to a `mkdocs.yml` with no `plugins:` key, so adding `- qabook` to
    such a site drops it), and what keeps Material's. Said at INFO: a choice, not a fault."""
    features = [str(f) for f in config.theme.get("features") or [] if str(f).startswith("search.")]
    wanted = f" and the theme's {', '.join(features)}" if features else ""
    return ("qabook's search serves this site, as mkdocs.yml lists no 'search' plugin (MkDocs adds "
            f"it only when there is no 'plugins:' key): to keep Material's search{wanted}, add '- search' "
            "under plugins; qabook's option 'search: true' says qabook's is meant")


def add_templates(config: MkDocsConfig, *, search: bool, footer: bool, home: bool) -> None:
    """qabook's templates, after the project's custom_dir and before Material's own: those every
    site gets (escaped titles, Material's inline scripts as files, pruned chapters in the
    navigation), and the overlays of the options that ask for them — qabook's search box
    (`search`), its footer (`footer`), its 404 page (`home`)."""
    root = resources.files("qabook").joinpath("templates")
    wanted = [str(root)] + [str(root.joinpath("overlays", name))
                            for name, on in (("search", search), ("footer", footer), ("home", home)) if on]
    dirs = config.theme.dirs
    at = next((i for i, d in enumerate(dirs) if Path(d, "base.html").is_file()), len(dirs))
    for folder in reversed(wanted):
        if folder not in dirs:
            dirs.insert(at, folder)


def no_web_fonts(config: MkDocsConfig) -> None:
    """theme.font off (option system_font): a page never loads from another host (font.css has
    a system CJK font stack)."""
    if config.theme.get("font") is not False:
        log.info("qabook: theme.font set to false (option system_font: no Google Fonts, a system CJK font stack)")
        config.theme["font"] = False


def configure_markdown(config: MkDocsConfig, language: str | None, *, book: bool, allow_html: list[str]) -> None:
    """The block vocabulary configures pymdownx itself, titled in the book's language; when the
    site is the book (option home), the ¶ links are titled in its language too. Every page's
    HTML leaves the renderer through the sanitiser (last), which keeps what `allow_html` allows."""
    for ext in BLOCK_EXTENSIONS:
        if ext not in config.markdown_extensions:
            config.markdown_extensions.append(ext)
    config.mdx_configs.update(pymdownx_configs(language, config.mdx_configs))
    extensions = config.markdown_extensions
    extensions[:] = [e for e in extensions if e != SAFE_EXTENSION] + [SAFE_EXTENSION]
    config.mdx_configs[SAFE_EXTENSION] = {"allow": list(allow_html), "site": True}
    toc = config.mdx_configs.setdefault("toc", {})
    if book and toc.get("permalink") and "permalink_title" not in toc:
        toc["permalink_title"] = t(language, "toc.permalink")


def link_assets(config: MkDocsConfig, *, search: bool, study: bool, system_font: bool) -> None:
    """Every page loads qabook's stylesheet and scripts (and search's, study mode's and the font
    stack's when on)."""
    config.extra_css.insert(0, SITE_CSS)
    if system_font:
        config.extra_css.insert(0, FONT_CSS)
    config.extra_javascript.insert(0, SITE_JS)
    if search:
        if material_search(config):
            log.warning("both Material's search plugin and qabook's search are enabled: remove 'search' "
                        "from plugins in mkdocs.yml, or qabook's `search: true`")
        config.extra_javascript.append(SEARCH_JS)
    if study:
        config.extra_css.append(STUDY_DIR + "study.css")
        config.extra_javascript += [STUDY_INDEX, STUDY_DIR + "fsrs.js", STUDY_DIR + "study.js"]


def material_strings(env: jinja2.Environment, language: str | None) -> Callable[[str], str]:
    """Material's interface string for a key, as partials/language.html gives it: qabook's
    locale file (material.* keys) first, then Material's language, then English, else the key.
    Looked up once per key (Material's own macro builds its table of strings on every call)."""
    found: dict[str, str] = {}
    mended = strings(language)
    theme_language = language or "en"

    def t(key: str) -> str:
        if key not in found:
            value = mended.get(f"material.{key}", "")
            for name in (theme_language, "en"):
                if value:
                    break
                try:
                    value = str(env.get_template(f"partials/languages/{name}.html").module.t(key))
                except jinja2.TemplateNotFound:
                    value = ""
            found[key] = value or key
        return found[key]

    return t


def template_globals(env: jinja2.Environment, language: str | None, *, search: bool, book: bool = False) -> None:
    """Templates read qabook's interface strings: qabook_t(key, **values); qabook_material(key)
    for Material's own strings that the locale file mends; the search box's search.* strings.
    Compiled templates are kept across live-preview rebuilds, and are not looked at again
    during a build (Jinja would check each included file's date on every include)."""
    if env.bytecode_cache is None:
        env.bytecode_cache = TEMPLATES
    env.auto_reload = False
    env.globals["qabook_material_t"] = material_strings(env, language)
    env.globals["qabook_t"] = lambda key, **values: t(language, key, **values)
    env.filters["qabook_text"] = html_text  # site_name and titles in qabook's templates
    env.filters["qabook_title"] = title_text  # the page's <title>, as Material writes it but for `<`
    env.globals["qabook_material"] = lambda key: strings(language).get(f"material.{key}", "")
    # where the site is the book (`book`; a site qabook was added to keeps Material's markup),
    # `tojson` (Material's page config, the search box's strings) writes text as UTF-8, not as
    # \uXXXX escapes (6 bytes a character for 3), without spaces: still HTML-safe (<, >, &, ')
    if book:
        env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False, "separators": (",", ":")}
    env.globals["qabook_chapter_nav"] = chapter_nav  # templates/partials/nav.html
    env.globals["qabook_nav_held"] = held_children
    env.globals["qabook_nav_items"] = written_items
    if search:
        env.globals["qabook_search_strings"] = {k: v for k, v in strings(language).items()
                                                if k.startswith("search.")}


def drop_unusable_files(files: Files) -> None:
    """A FIFO, socket or device under docs/ would hang the build, a name that is not UTF-8
    cannot be published: MkDocs never sees them (the check reports them, QA004)."""
    from qabook.docfiles import kind_problem, name_problem

    for file in [f for f in files if f.abs_src_path]:
        if name_problem(file.abs_src_path) or kind_problem(file.abs_src_path):
            files.remove(file)


def _shipped(*path: str) -> str:
    return resources.files("qabook.assets").joinpath(*path).read_text(encoding="utf-8")


def add_asset_files(files: Files, config: MkDocsConfig, *, search: bool, study: bool, system_font: bool,
                    language: str | None = None) -> None:
    """The assets shipped in the package, as files of the site; the search script starts with
    its interface strings (the locale's search.* keys: once for the site, not in every page), the
    site script with its note for a page opened from disk (file.note)."""
    if search:
        ui = {"strings": {k: v for k, v in strings(language).items() if k.startswith("search.")}}
        files.append(File.generated(config, SEARCH_JS, content=(
            "window.QABOOK_SEARCH_UI = " + json.dumps(ui, ensure_ascii=False).replace("</", "<\\/") + ";\n"
            + _shipped("qasearch.js"))))
    # the site script starts with what it says on a page opened from disk (file://) when the site
    # links folders, which a browser shows as lists of files there (a build without --offline)
    site_ui = {"directory_urls": bool(config.use_directory_urls), "file_note": strings(language).get("file.note", "")}
    files.append(File.generated(config, SITE_JS, content=(
        "window.QABOOK_SITE_UI = " + json.dumps(site_ui, ensure_ascii=False).replace("</", "<\\/") + ";\n"
        + _shipped("qabook.js"))))
    for path in (SITE_CSS,) + ((FONT_CSS,) if system_font else ()):
        files.append(File.generated(config, path, content=_shipped(path.rsplit("/", 1)[1])))
    for name in CSP_SCRIPTS:  # Material's inline scripts as files (see templates/partials/javascripts)
        files.append(File.generated(config, f"assets/qabook/csp/{name}", content=_shipped("csp", name)))
    if study:
        for name in STUDY_ASSETS:
            files.append(File.generated(config, STUDY_DIR + name, content=_shipped(*name.split("/"))))
