"""The installable, offline book in the site (plugin option `offline`): the web app manifest and
its icons, the offline page, the page script (assets/offline.js) with its strings, the
manifest link in every page's head, and — last of the build — the list of files the service
worker may keep and the worker itself (sw.js at the site root). Never in the live preview.
The logic is in `qabook.offline`; this module only hands MkDocs' objects to it."""

from __future__ import annotations

import json
from html import unescape
from importlib import resources
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page as MkPage
from mkdocs.utils import get_relative_url

from qabook import i18n
from qabook.book import CHAPTERS_MARKER
from qabook.offline import (ICON, LIST, MANIFEST, MASKABLE_ICON, OFFLINE_PAGE, WORKER, Colours, Icon, drawn_icons,
                            head_tags, logo_icon, offline_page_markdown, offline_panel_html, page_references,
                            plan_offline, theme_colours, web_manifest, worker_script)
from qabook.plugin.navigation import NAV_DIR
from qabook.plugin.site import STUDY_CARDS

OFFLINE_JS = "assets/qabook/offline.js"
#: What study mode loads only when asked (the progress link, its QR code) and what a chapter's
#: print page loads besides every page's scripts (print.js; its cards are the optional group):
#: kept for offline use.
STUDY_LAZY = ("assets/qabook/progresslink.js", "assets/qabook/vendor/qrcode-generator.js",
              "assets/qabook/vendor/LICENSE-qrcode-generator.txt", "assets/qabook/print.js")


class OfflineSite:
    """One build's offline book: made in on_files, fed by every page, written after the build."""

    def __init__(self, config: MkDocsConfig, language: str | None) -> None:
        self.language = language
        self.colours: Colours = theme_colours(config.theme.get("palette"))
        self.page_file: File | None = None
        self.refs: set[str] = set()  # what the pages' content loads (pictures)

    @staticmethod
    def link_script(config: MkDocsConfig) -> None:
        config.extra_javascript.append(OFFLINE_JS)

    def add_files(self, files: Files, config: MkDocsConfig) -> None:
        """offline.js (with its strings), the offline page, the manifest and its icons."""
        strings = {k: v for k, v in i18n.strings(self.language).items() if k.startswith("offline.")}
        code = resources.files("qabook.assets").joinpath("offline.js").read_text(encoding="utf-8")
        files.append(File.generated(config, OFFLINE_JS, content=(
            "window.QABOOK_OFFLINE_UI = " + json.dumps({"strings": strings}, ensure_ascii=False) + ";\n" + code)))
        self.page_file = File.generated(config, OFFLINE_PAGE, content=offline_page_markdown(self.language),
                                        inclusion=InclusionLevel.NOT_IN_NAV)
        files.append(self.page_file)
        theme = config.theme
        icons = [icon] if (icon := logo_icon(theme.get("logo"), Path(config.docs_dir))) else []
        drawn = drawn_icons((theme.get("icon") or {}).get("logo"), self.colours)
        for path, svg in drawn.items():
            files.append(File.generated(config, path, content=svg))
        icons += [Icon(ICON, "any", "image/svg+xml"), Icon(MASKABLE_ICON, "any", "image/svg+xml", "maskable")]
        files.append(File.generated(config, MANIFEST, content=web_manifest(
            config.site_name, self.language, self.colours, icons, config.site_description or "")))

    def home_markdown(self, markdown: str) -> str:
        """The home page: the offline panel right after the chapter table and downloads."""
        if CHAPTERS_MARKER not in markdown:
            return markdown
        return markdown.replace(CHAPTERS_MARKER, CHAPTERS_MARKER + "\n\n" + offline_panel_html(self.language), 1)

    def page_content(self, html: str, page: MkPage) -> None:
        """Remember what the page's content loads (pictures), to keep it with the page."""
        self.refs |= page_references(html, page.file.dest_uri)

    def head(self, output: str, page: MkPage) -> str:
        """Every page's <head> links the manifest and names the theme colour."""
        tags = head_tags(get_relative_url(MANIFEST, page.url), self.colours)
        return output.replace("</head>", tags + "</head>", 1)

    def write(self, site: Path, files: Files, pdf_dir: str, shell_pages: list[File]) -> None:
        """offline.json and sw.js, after everything else of the build is written."""
        pages = {f.dest_uri: unescape(f.page.title) if f.page is not None and f.page.title else f.dest_uri
                 for f in files.documentation_pages()}
        home = files.get_file_from_path("index.md")
        shell = [f.dest_uri for f in (home, *shell_pages) if f is not None]
        if self.page_file is not None:
            shell.append(self.page_file.dest_uri)
        search = site / "search" / "qabook"
        index = sorted(f"search/qabook/{p.name}" for p in search.iterdir() if p.is_file()) if search.is_dir() else []
        cards = sorted(f"{STUDY_CARDS}{p.name}" for p in (site / STUDY_CARDS).glob("*.js"))
        nav = sorted(f"{NAV_DIR}{p.name}" for p in (site / NAV_DIR).glob("*.js"))  # what topic pages load
        plan = plan_offline(site, pages=pages, page_refs=[*self.refs, *nav], shell_pages=shell,
                            shell_files=[MANIFEST, ICON, MASKABLE_ICON, *STUDY_LAZY],
                            optional=[index, cards],
                            offline_page=self.page_file.dest_uri if self.page_file else "",
                            exclude=(pdf_dir.strip("/") + "/",))
        (site / LIST).parent.mkdir(parents=True, exist_ok=True)
        (site / LIST).write_text(plan.to_json(), encoding="utf-8")
        code = resources.files("qabook.assets").joinpath("offline-sw.js").read_text(encoding="utf-8")
        (site / WORKER).write_text(worker_script(plan, code), encoding="utf-8")
