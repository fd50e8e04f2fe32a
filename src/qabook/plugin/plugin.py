"""The MkDocs events of the qabook plugin, and nothing else: each hands its work to a module
beside this one (see the package's docstring) and begins `if not self.config.enabled: return`.

- on_startup: whether this is the live preview (`mkdocs serve`);
- on_config: the project read once (`qabook.config.Project`); templates, assets, Markdown
  extensions, theme settings (`site`);
- on_env: interface strings for the templates (`site`);
- on_pre_build: the book loaded, the check run and logged (`findings`);
- on_files: shipped assets, review / quiz and print pages (`site`, `study_data`, `outputs`);
- on_nav: with `home`, reading order and chapter titles (`navigation`);
- on_page_markdown: the chapter table, PDF and print buttons (`pages`);
- on_page_content: anchors, formulas …, search documents, progress and toolbar slots, and in the
  live preview a page's own findings (`pages`, `search_index`, `study_data`, `findings`).
A site's ordinary pages (`Book.owns` is false) are left as they are; only searched.
- on_template_context: the sitemap leaves out the pages qabook generates (print, review, quiz,
  offline): they repeat the book or are tools, not pages to find;
- on_post_page: the manifest link in every page's head (`offline`); the template's blank lines
  and indentation dropped (`qabook.compact`);
- on_post_build: with `home`, the navigation's shared scripts; print pages, PDFs (none when
  `--strict` will abort: `strict`), study data, exports, the search index; last, the offline
  book's file list and service worker (`offline`);
- on_build_error: the strict count stops (`strict`).
With `qabook build` the page events run in worker processes (qabook.parallel_build), which
hand each page's state to this plugin in the parent (`parallel_page_state` / `parallel_apply`).
"""

from __future__ import annotations

from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page as MkPage

from qabook import progress
from qabook import safe_markdown as sanitiser
from qabook.book import load_book
from qabook.compact import compact_html, without_material_search_strings
from qabook.config import Project, load_project
from qabook.diagnostics import Diagnostic
from qabook.html import hidden_parts_unsearched
from qabook.memory import give_back
from qabook.model import Book, Chapter
from qabook.parallel_build import Beside, beside
from qabook.pdfnames import book_slug, chapter_pdf
from qabook.plugin import book_identity, findings, fragments, navigation, outputs, pages, preview, search_index, site, study_data
from qabook.plugin.config import QabookConfig
from qabook.plugin.icons import IconMasks
from qabook.plugin.offline import OfflineSite
from qabook.plugin.strict import StrictWatch
from qabook.search import SearchDoc
from qabook.search.expand import BookStats


class QabookPlugin(BasePlugin[QabookConfig]):
    def __init__(self) -> None:
        self.project: Project | None = None
        self.book: Book | None = None
        self.serving = False  # `mkdocs serve`: a page's check errors are shown on the page
        self.one_off = False  # `qabook build` (qabook.parallel_build, keep_content=False): nothing rendered again
        self.pdf_available = True  # WeasyPrint and its system libraries can be loaded
        self.findings: findings.PageFindings = {}  # src_uri → its check errors
        self.found: list[Diagnostic] = []  # every finding of the check (the live preview prints what is new)
        self.built_site: Path | None = None  # `qabook serve`: the project's own site folder (the preview builds elsewhere)
        self.renamed_from: str | None = None  # the id learners' progress is kept under, when site_name left it
        self.chapters: dict[str, Chapter] = {}  # by folder slug
        self.print_files: dict[str, File] = {}  # chapter slug → its generated print page
        self.icon_masks: IconMasks | None = None  # icons outside the article drawn by CSS masks
        self.study_files: dict[str, File] = {}  # "review" / "quiz" → its generated page
        self.language: str | None = None
        self.pdf_slug = "book"  # the PDFs' names begin with it: the site's name as a slug (qabook.pdfnames)
        self.files: Files | None = None
        self.rendered: dict[str, preview.Rendered] = {}  # src_uri → rendered in this build
        self.present: set[str] = set()  # src_uri of every page of this build
        self.offline: OfflineSite | None = None  # this build's offline book (option `offline`)
        self.nav: Navigation | None = None
        self.strict = StrictWatch()  # what `--strict` will abort on: no PDFs for a build thrown away
        self.index_job: Beside | None = None  # the search index being written beside the render loop
        self.expansion_stats: BookStats | None = None  # a one-off build's search expansions, added up page by page
        self.in_convert_worker = False  # in a converting worker of qabook.parallel_build

    # -- what this build makes ------------------------------------------------------------

    @property
    def wants_pdfs(self) -> bool:
        """This build is one that writes PDFs: asked for, possible, not the live preview (too slow
        to redo on every save)."""
        return bool(self.config.enabled and self.config.pdf and not self.serving and self.pdf_available)

    @property
    def making_pdfs(self) -> bool:
        """This build writes PDFs (`wants_pdfs`), when the book has a chapter with topics (else
        none: `Book.nothing_printed`)."""
        return self.wants_pdfs and (self.book is None or bool(self.book.printed_chapters))

    @property
    def making_exports(self) -> bool:
        """This build writes book.apkg and book.json: with the PDFs, the book's downloads (a
        `--no-pdf` build, a quick one, and the live preview make none, and link none)."""
        return bool(self.config.exports and self.making_pdfs)

    @property
    def making_offline(self) -> bool:
        """This build makes the offline book (never the live preview: no worker while authoring)."""
        wanted = self.config.home if self.config.offline is None else self.config.offline
        return bool(self.config.enabled and wanted and not self.serving)

    def _chapter_of(self, src_uri: str) -> Chapter | None:
        """The chapter a page belongs to (its folder under docs/), if any."""
        parts = src_uri.split("/")
        return self.chapters.get(parts[0]) if len(parts) == 2 else None

    def _chapter_or_home(self, src_uri: str) -> bool:
        """The pages study mode shows a progress panel on (under the title): the chapter pages,
        and the home page when it is the book's (option home)."""
        if src_uri == "index.md":
            return bool(self.config.home)
        return src_uri.endswith("/index.md") and self._chapter_of(src_uri) is not None

    def _chapter_pages(self) -> set[str]:
        """The chapter pages (src_uri) whose sections are the navigation's pruned and shared
        chapters: none in a site qabook was added to (`navigation.pruned_chapter_pages`)."""
        return navigation.pruned_chapter_pages(self.chapters, home=self.config.home)

    # -- events ---------------------------------------------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        self.strict.start(bool(config.strict) and not self.serving)
        config_file = Path(config.config_file_path) if config.config_file_path else None
        self.project = load_project(config_file, Path(config.docs_dir), Path(config.site_dir))
        if self.config.search is None:  # beside Material's search, qabook's stays out of the way
            self.config.search = not site.material_search(config)
            if self.config.search and not self.config.home:
                site.log.info(site.search_taken_over(config))
        site.add_templates(config, search=self.config.search, footer=self.config.footer, home=self.config.home)
        fragments.theme_envs(config.theme)  # its templates' {% shared %} tag, in every environment of the theme
        if self.config.pdf and not self.serving:
            try:
                import weasyprint  # noqa: F401
            except (ImportError, OSError) as exc:
                site.log.warning(f"no PDFs: WeasyPrint cannot be loaded ({exc}); install pango (see the qabook README)")
                self.pdf_available = False
        if self.config.system_font:
            site.no_web_fonts(config)
        self.language = site.book_language(config)
        self.pdf_slug = book_slug(config.site_name)
        site.configure_markdown(config, self.language, book=self.config.home, allow_html=self.config.allow_html)
        site.link_assets(config, search=self.config.search, study=self.config.study,
                         system_font=self.config.system_font)
        if self.making_offline:
            OfflineSite.link_script(config)
        self.icon_masks = IconMasks() if self.config.home else None  # where the site is the book
        if self.icon_masks is not None:
            self.icon_masks.link(config)
        return config

    def on_env(self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files) -> jinja2.Environment | None:
        if not self.config.enabled:
            return env
        fragments.install(env)  # before any template is compiled: the {% shared %} tag
        site.template_globals(env, self.language, search=self.config.search, book=self.config.home)
        env.globals["qabook_owns"] = self.book.owns if self.book is not None else (lambda src_uri: True)
        env.globals["qabook_chapter_pages"] = self._chapter_pages()
        return env

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        assert self.project is not None
        self.book = load_book(self.project, cache=preview.PARSED)
        self.chapters = {ch.slug: ch for ch in self.book.chapters}
        self.found = []
        if self.config.study:  # before the build empties the site folder: the id its study data was written with
            kept = book_identity.progress_id(Path(config.site_dir)) or book_identity.progress_id(
                self.built_site or self.project.site_dir)
            note = book_identity.renamed_warning(kept, config.site_name, self.config.book_id, config.config_file_path)
            self.renamed_from = kept if note else None  # written with the study data: the next build says it again
            if note:
                site.log.warning(note)
        self.findings = findings.run_check(self.book, self.found) if self.config.check else {}

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled or self.book is None:
            return files
        site.drop_unusable_files(files)
        self.files = files
        self.present = {f.src_uri for f in files.documentation_pages()}
        site.add_asset_files(files, config, search=self.config.search, study=self.config.study,
                             system_font=self.config.system_font, language=self.language)
        findings.replace_unreadable_pages(files, self.findings)
        self.rendered = {}
        self.study_files = study_data.add_study_pages(files, config, self.language) if self.config.study else {}
        self.print_files = outputs.add_print_pages(files, config, self.book, self.language)
        self.offline = OfflineSite(config, self.language) if self.making_offline else None
        if self.offline is not None:
            self.offline.add_files(files, config)
        return files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        if not self.config.enabled or self.book is None:
            return nav
        if self.config.home:  # the site is the book: chapters titled by their pages, home first
            navigation.title_chapters(nav, self._chapter_of)
            navigation.home_then_chapters(nav)
        self.nav = nav
        return nav

    def on_page_markdown(self, markdown: str, *, page: MkPage, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled or self.book is None:
            return markdown
        src = page.file.src_uri
        # a site's ordinary pages are its own, qabook's generated pages (print, review, quiz, offline)
        # its own markup (the print page's topics come in sanitised, after the build): not sanitised
        sanitiser.leave_next_page_alone(not self.book.owns(src) or page.file.generated_by == "qabook")
        if not self.book.owns(src):  # an ordinary page of the site: left as it is (not sanitised)
            return markdown
        pages.escape_meta_title(page)
        pdf_dir = self.config.pdf_dir if self.making_pdfs else None  # link only what this build writes
        if src == "index.md":
            if self.offline is not None:
                markdown = self.offline.home_markdown(markdown)
            downloads = self.config.pdf_dir if self.making_exports else None
            markdown = pages.home_markdown(markdown, self.book, pdf_dir, self.pdf_slug, self.language, downloads)
        elif src.endswith("/index.md") and (chapter := self._chapter_of(src)):
            markdown = pages.chapter_markdown(markdown, chapter, page.url, self.print_files.get(chapter.slug),
                                              pdf_dir, self.pdf_slug, self.language)
        return markdown

    def on_page_content(self, html: str, *, page: MkPage, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled or self.book is None:
            return html
        src = page.file.src_uri
        owned = self.book.owns(src)  # else an ordinary page of the site: left as it is, but searchable
        if owned:
            html = pages.finish_html(html, page, files, self.language)
        docs: list[SearchDoc] = []
        if self.config.search and search_index.searchable(page, list(self.print_files.values())):
            docs = search_index.page_docs(html, page, self._chapter_of(src))
        self.rendered[src] = preview.Rendered(page.url, page.title or "", html, docs)
        for doc in docs:
            doc.terms  # noqa: B018 - analysed here: in a worker process when the build has several
        if docs and self.in_convert_worker and self.expansion_stats is not None:  # segmented here, not after the pages
            self.expansion_stats.count(docs)
        if owned and self.config.study and self._chapter_of(src) and not src.endswith("/index.md"):
            preview.questions_of(src, html)  # a topic's questions for study mode, split here likewise
        if self.offline is not None:
            self.offline.page_content(html, page)
        if not owned:
            return html
        if not self.config.search:  # Material's search indexes what is returned: not the answers
            html = hidden_parts_unsearched(html)
        if self.config.study and self._chapter_or_home(src):  # (not in print pages or search)
            html = study_data.with_progress_slot(html, home=src == "index.md")
        elif self.config.study and self.book is not None and src in self.book.pages \
                and self.book.pages[src].kind == "topic":
            html = study_data.with_toolbar_slot(html)
        if self.serving and "qabook-live" not in config.plugins:  # plain `mkdocs serve`: the page's own
            # errors on top, after search has taken its documents (`qabook serve` shows them in a panel)
            html = findings.with_findings_box(html, self.findings.get(src))
        return html

    def on_build_error(self, *, error: Exception) -> None:
        self.strict.stop()
        if self.index_job is not None:
            self.index_job.stop()
            self.index_job = None

    def on_template_context(self, context, /, *, template_name: str, config: MkDocsConfig):
        if not self.config.enabled or template_name != "sitemap.xml" or not context.get("pages"):
            return context
        generated = {f.src_uri for f in [*self.print_files.values(), *self.study_files.values()]}
        if self.offline is not None and getattr(self.offline, "page_file", None) is not None:
            generated.add(self.offline.page_file.src_uri)
        context["pages"] = [f for f in context["pages"] if f.src_uri not in generated]
        return context

    def on_post_page(self, output: str, /, *, page: MkPage, config: MkDocsConfig) -> str | None:
        if not self.config.enabled:
            return output
        if self.offline is not None:
            output = self.offline.head(output, page)
        masks = self.icon_masks
        output = compact_html(output, icons=self.config.home, masks=masks.rules if masks is not None else None)
        if masks is not None:
            masks.note(Path(config.site_dir))
        if self.config.home and self.config.search:  # qabook's search box, not Material's
            output = without_material_search_strings(output)
        return output

    # -- pages rendered in worker processes (qabook.parallel_build) ---------------------------

    def parallel_page_state(self, page: MkPage) -> tuple:
        """In a converting worker: what the page events kept of the page, handed to the parent and
        let go here (the worker converts a share of the book and reads none of it again: kept,
        every page's HTML, search documents and study questions piled up in each worker)."""
        src = page.file.src_uri
        refs: set[str] = set()
        if self.offline is not None:  # what this page loads (the worker's set holds only this page's)
            refs, self.offline.refs = self.offline.refs, set()
        rendered, questions = self.rendered.pop(src, None), preview.take_split_questions(src)
        if self.one_off and rendered is not None:  # the parent holds every page until its print pages are written
            rendered, questions = preview.packed(rendered, questions)
        return rendered, questions, refs

    def parallel_chunk_state(self) -> tuple | None:
        """In a converting worker, after a chunk of pages: the search expansions' figures of its
        pages, added up (and let go here)."""
        return self.expansion_stats.take() if self.expansion_stats is not None else None

    def parallel_chunk_apply(self, state: tuple | None) -> None:
        """In the parent: a chunk's figures, added to the book's."""
        if state is not None and self.expansion_stats is not None:
            self.expansion_stats.add(state)

    def parallel_apply(self, page: MkPage, state: tuple) -> None:
        """In the parent: a worker's page state, as if the page had been rendered here."""
        rendered, questions, refs = state
        if rendered is not None:
            self.rendered[page.file.src_uri] = rendered
            if questions is not None:
                preview.keep_split_questions(page.file.src_uri, rendered.html, questions)
        if self.offline is not None:
            self.offline.refs |= refs

    def one_off_build(self) -> None:
        """Called by qabook.parallel_build before the pages are read when no page of this
        build is rendered again (`qabook build`): a page's HTML comes from its worker packed
        (`qabook.memory.Packed`, with its questions for study mode) and is let go once the print
        pages and the study data are written, before the search index (qabook.memory)."""
        self.one_off = not self.serving
        self.expansion_stats = BookStats() if self.one_off and self.config.search else None

    def parallel_convert_worker(self) -> None:
        """Called by qabook.parallel_build in a converting worker: a one-off build's search
        expansions are worked out here, page by page, where each page's text already is
        (`BookStats`: the index reads what the workers added up instead of segmenting the book
        again after the pages)."""
        self.in_convert_worker = True

    def parallel_beside_render(self, config: MkDocsConfig) -> None:
        """Called by qabook.parallel_build when a one-off build's pages are about to be rendered
        in workers: the search index needs only the pages' documents, all known now, so it is
        written by a process of its own while the pages are rendered (it lets go of the pages'
        HTML first, as `on_post_build` does before the index); `on_post_build` waits for it
        where it would have written the index. The same files as written after the render loop
        (tests/test_parallel_build.py compares the sites)."""
        if not (self.config.enabled and self.config.search and self.one_off and self.book is not None):
            return

        def write() -> None:
            rendered = preview.all_rendered(self.present, self.rendered)
            full_build = len(self.rendered) == len(rendered)
            preview.let_go_html(rendered, self.rendered)
            for file in self.files.documentation_pages() if self.files is not None else []:
                if file.page is not None:  # (MkDocs' copy: the parent lets go of it after rendering)
                    file.page.content = None
            give_back()
            self._write_index(config, rendered, full_build)

        progress.step("writing the search index beside the rendering")
        self.index_job = beside(write)

    def _write_index(self, config: MkDocsConfig, rendered: dict[str, preview.Rendered], full_build: bool) -> None:
        base = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
        pairs, found = search_index.glossary(base, self.config.glossary)
        for d in found:
            site.log.warning(str(d))
        search_index.write_index(Path(config.site_dir), rendered, full_build=full_build, pairs=pairs,
                                 keep_terms=self.serving, stats=self.expansion_stats)  # a preview's next build weighs again

    def parallel_render_worker(self) -> None:
        """In a render worker (forked after every page was converted): rendering reads none of
        the pages' HTML, search documents or study splits kept here; let them go."""
        self.rendered.clear()
        preview.let_go_html()

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        site_dir = Path(config.site_dir)
        outputs.mark_site(site_dir)
        if self.icon_masks is not None:
            self.icon_masks.write(site_dir)
        if self.nav is not None:
            navigation.write_nav_scripts(site_dir, self.nav, config.theme.get("features") or [],
                                         self._chapter_pages())
        rendered = preview.all_rendered(self.present, self.rendered)
        cards = None
        if self.config.study and self.book is not None:  # first: the print pages leave their questions to the cards
            progress.step(f"writing the study data of {len(rendered):,} pages")
            cards = study_data.write_study_data(site_dir, self.config.book_id or config.site_name, self.language,
                                                self.book, self.files, self.study_files, rendered,
                                                home=self.config.home, renamed_from=self.renamed_from)
        making_pdfs = self.making_pdfs
        if self.wants_pdfs and self.book is not None and (note := outputs.nothing_to_export_note(self.book)):
            outputs.log.info(note)  # (making_pdfs is False: no empty PDF, deck or JSON)
        elif making_pdfs and self.strict.count:
            outputs.log.info(f"no PDFs and no exports: this --strict build logged {self.strict.count} "
                             "warning(s) or error(s) and will abort")
            making_pdfs = False
        self.strict.stop()
        if self.book is not None:
            folder = self.config.pdf_dir.strip("/")
            pdfs = ({ch.slug: f"{folder}/{chapter_pdf(self.pdf_slug, ch.slug)}" for ch in self.book.chapters}
                    if making_pdfs else None)  # the PDFs this build writes
            if self.print_files:
                progress.step(f"writing the print pages of {len(self.print_files):,} chapters")
            outputs.fill_print_pages(site_dir, self.book, self.print_files, rendered, cards, self.language, pdfs)
        if making_pdfs and self.book is not None and self.project is not None:
            progress.step("printing the PDFs")
            outputs.write_pdfs(self.project, self.book, site_dir / self.config.pdf_dir, self.config.paper,
                               self.config.jobs)
            if note := outputs.unlinked_pdfs_note(self.book, self.config.pdf_dir, self.pdf_slug,
                                                      config.site_name, self.language):
                outputs.log.info(note)
        if making_pdfs and self.config.exports and self.book is not None:
            outputs.write_exports(self.book, site_dir / self.config.pdf_dir, config.site_name, self.language)
        full_build = len(self.rendered) == len(rendered)
        if self.one_off:  # the pages' HTML is not read again
            preview.let_go_html(rendered, self.rendered)
            give_back()
        if self.index_job is not None:  # written beside the render loop (parallel_beside_render)
            job, self.index_job = self.index_job, None
            if job.running():
                progress.step("waiting for the search index")
            job.join()
        elif self.config.search:
            progress.step(f"writing the search index of {len(rendered):,} pages")
            self._write_index(config, rendered, full_build)
        outputs.mark_site(site_dir)  # again, now with what came after the pages (search, study data)
        if self.offline is not None and self.files is not None:  # last: it lists what the build wrote
            progress.step("writing the offline book's file list")
            self.offline.write(site_dir, self.files, self.config.pdf_dir, list(self.study_files.values()))
