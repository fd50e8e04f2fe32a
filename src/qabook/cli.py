"""The `qabook` command: import, check, build, serve, pdf, rules.

Exit codes: 0 clean, 1 findings (or a failed build), 2 usage or I/O error.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from qabook.diagnostics import FORMATTERS, Diagnostic, Severity, summary
from qabook.textfile import TextFile, read_text


class UsageError(click.ClickException):
    """A problem with the command line or the files it names: exit 2."""

    exit_code = 2


def _echo_diagnostics(diags: list[Diagnostic], fmt: str) -> None:
    click.echo(FORMATTERS[fmt](diags), nl=False)  # text/github print nothing when clean; json prints []


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="qabook")
def cli() -> None:
    """qabook: turn Q&A study material into a searchable, printable learning site."""


@cli.command("import")
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--chapter", help="Folder name (slug) of the new chapter; default: from the title.")
@click.option("--title", help="Chapter title; default: the document's first heading.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("docs"),
              show_default=True, help="The docs folder to write the chapter into.")
@click.option("--force", is_flag=True, help="Replace the pages of an existing chapter folder.")
@click.option("--dry-run", is_flag=True, help="Print the pages that would be written; write nothing.")
@click.option("--explain", is_flag=True,
              help="Print what detection chose: the question pattern, the labels, and per question the "
                   "source lines of each part and how it was classified; the chapter is written as without it "
                   "(add --dry-run to write nothing).")
@click.option("--question-heading", metavar="LEVEL",
              help="Every heading of this level starts a question (with --question-pattern: those matching); "
                   "several levels as 3,4.")
@click.option("--question-pattern", metavar="REGEX",
              help="A line (heading, paragraph, list item, bold line, a quote's first line) whose text starts "
                   "with this regular expression starts a question; a quoted line is matched without its '>' "
                   "marks (or as written).")
@click.option("--bold-questions", is_flag=True, help="Every bold line on its own ('**…**') starts a question.")
@click.option("--label", "labels", multiple=True, metavar="PART=WORD",
              help="Another label word: question=WORD, answer=WORD or explanation=WORD (repeatable).")
@click.option("--details-answers", is_flag=True, help="A <details> block holds the answer, whatever its summary says.")
@click.option("--split-on", metavar="REGEX", help="A line matching this regular expression separates questions.")
@click.option("--answer-key", metavar="REGEX",
              help="A heading or line matching this starts an answer key: answers listed by number, matched to "
                   "the questions before it.")
@click.option("--preview", is_flag=True,
              help="Write nothing but one HTML page (SOURCE-stem.preview.html in the current folder; run in a docs "
                   "folder, beside its mkdocs.yml, where the site does not publish it) showing the "
                   "source with each question, answer, explanation and chapter-text span coloured.")
@click.option("--rules", "rules_file", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE.yml",
              help="The same options in a YAML file (question_heading, question_pattern, bold_questions, "
                   "labels, details_answers, split_on, answer_key); options given on the command line win.")
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATTERS)), default="text", show_default=True,
              help="How to print findings.")
def import_cmd(source: Path, chapter: str | None, title: str | None, out_dir: Path, force: bool,
               dry_run: bool, explain: bool, question_heading: str | None, question_pattern: str | None,
               bold_questions: bool, labels: tuple[str, ...], details_answers: bool, split_on: str | None,
               answer_key: str | None, preview: bool, rules_file: Path | None, fmt: str) -> None:
    """Split a monolithic Q&A document SOURCE into a chapter of topic pages.

    Every non-blank line of SOURCE lands in exactly one page; what cannot be classified is
    kept on the chapter page and reported. When detection guesses wrong, --explain shows what
    it chose and the options above say what the document looks like. Exit 1 when no question
    is found (nothing is written), 2 when SOURCE cannot be read or the chapter exists.
    """
    from qabook.book import load_book
    from qabook.importer import ChapterExistsError, plan_import, write_plan
    from qabook.importer.options import ImportOptions, OptionsError, load_rules, merge

    from qabook.config import find_project
    from qabook.safepaths import chapter_problem, chapter_target_problem, out_dir_problem
    from qabook.vocabulary import Need, need_of

    if chapter is not None and (problem := chapter_problem(chapter)):
        raise UsageError(problem)
    if problem := out_dir_problem(out_dir, Path.cwd()):
        raise UsageError(problem)

    if not source.exists():
        raise UsageError(f"{source}: no such file")
    try:
        options = ImportOptions()
        if rules_file is not None:
            try:
                options = load_rules(rules_file.read_text(encoding="utf-8"), str(rules_file))
            except (OSError, UnicodeDecodeError) as exc:
                raise UsageError(f"{rules_file}: cannot read the rules file: {exc}") from None
        options = merge(options, question_heading=question_heading, question_pattern=question_pattern,
                        bold_questions=bold_questions, labels=labels, details_answers=details_answers,
                        split_on=split_on, answer_key=answer_key)
    except OptionsError as exc:
        raise UsageError(str(exc)) from None
    read = read_text(source, str(source), code="QI000", any_encoding=True)
    if isinstance(read, Diagnostic):
        _echo_diagnostics([read], fmt)
        raise UsageError(f"{source}: cannot import: {read.message}")
    assert isinstance(read, TextFile)
    if not read.text.strip():
        raise UsageError(f"{source}: the file is empty: nothing to import")
    taken: set[str] = set()
    if out_dir.is_dir():
        taken = {p.id for p in load_book(out_dir).pages.values()
                 if p.id and (chapter is None or p.chapter_slug != chapter)}
    plan = plan_import(read.text, str(source), chapter=chapter, title=title, taken_ids=taken, options=options,
                       docs=str(out_dir))
    if read.encoding != "utf-8":
        plan.diagnostics.insert(0, Diagnostic(str(source), 1, 1, "QI027", f"the file is in {read.encoding}, not UTF-8: "
                                              "read as such, the pages are written in UTF-8 (the file is left as it is)",
                                              Severity.WARNING))
    if need_of("explanation", find_project().optional) is Need.OPTIONAL:  # the book says so: no QI005
        plan.diagnostics[:] = [d for d in plan.diagnostics if d.code != "QI005"]
    if explain:
        click.echo("\n".join(plan.explanation))
    if preview:
        from qabook.importer.preview import preview_html

        from qabook.safepaths import unpublished_folder
        from qabook.staging import atomic_file

        target = unpublished_folder(Path.cwd()) / f"{source.stem}.preview.html"  # never in docs/: MkDocs would publish it
        try:
            with atomic_file(target) as part:  # all of it or nothing
                part.write_text(preview_html(read.text, plan), encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"cannot write the preview {target}: {exc}") from None
        moved = "" if target.parent == Path.cwd().resolve() else " (beside mkdocs.yml: in the docs folder the site would publish it)"
        click.echo(f"preview: wrote {target}{moved} ({plan.question_count} questions; open it in a browser); "
                   "no pages written", err=True)
    elif not plan.pages and any(d.code == "QI026" for d in plan.diagnostics):
        click.echo(f"import: {source} is a template whose answers are all still to be written (QI026), "
                   "nothing written", err=True)
    elif not plan.pages:
        click.echo(f"import: no question found in {source}, nothing written; try --explain to see what was "
                   "looked for, then --question-heading, --question-pattern, --bold-questions, --label or --rules",
                   err=True)
    elif dry_run:
        for page in plan.pages:
            kind = "chapter" if page.rel.endswith("/index.md") else f"{page.questions} question(s)"
            click.echo(f"would write {out_dir / page.rel}  [{kind}]  {page.title}")  # the answer asked for: stdout
    else:
        if problem := chapter_target_problem(out_dir / plan.chapter):
            raise UsageError(problem)
        left: list[str] = []
        try:
            target = write_plan(plan, out_dir, force=force, leftovers=left)
        except ChapterExistsError as exc:
            raise UsageError(str(exc)) from None
        except OSError as exc:
            raise UsageError(f"cannot write {out_dir}: {exc}") from None
        click.echo(f"wrote {len(plan.pages)} pages to {target} ({plan.question_count} questions)", err=True)
        if (line := _nav_line_to_paste(plan, out_dir)) is not None:
            click.echo(line, err=True)
        if (advice := _strict_build_advice(plan, out_dir)) is not None:
            click.echo(advice, err=True)
        for path in left:
            click.echo(f"import: warning: could not remove the replaced chapter's {path}; remove it yourself", err=True)
    _echo_diagnostics(plan.diagnostics, fmt)
    click.echo(f"import: {plan.question_count} questions, {summary(plan.diagnostics)}", err=True)
    if plan.has_errors:
        sys.exit(1)


def _nav_line_to_paste(plan, out_dir: Path) -> str | None:
    """Where mkdocs.yml has a `nav:`, the new chapter's line to paste into it (qabook never edits
    mkdocs.yml; the build's QA050 says the same until it is there)."""
    from qabook.config import find_project
    from qabook.rules.navigation import nav_line

    project = find_project()
    if project.nav is None or project.config_file is None:
        return None
    try:
        paths = [(out_dir / p.rel).resolve().relative_to(project.docs_dir.resolve()).as_posix() for p in plan.pages]
    except ValueError:  # written outside the site's docs folder
        return None
    if all(p in project.nav for p in paths):
        return None
    return (f"import: {project.config_file.name} has a nav: add this line under 'nav:' there "
            f"(qabook does not edit it): {nav_line(plan.title, paths)}")


def _strict_build_advice(plan, out_dir: Path) -> str | None:
    """Where written questions lack a part the book expects (an explanation): a `--strict` build
    stops on their QA032 although the import did what the source allowed, so say so, and the
    lines that declare those parts optional (qabook never edits mkdocs.yml: as the nav line).
    The pages as written are read, and checked, as the build reads and checks them."""
    from qabook.book import page_kind
    from qabook.config import find_project, plugin_entry
    from qabook.model import Book
    from qabook.parser import parse_page
    from qabook.rules.questions import lacking
    from qabook.vocabulary import Need, optional_line, optional_yaml

    project = find_project()
    pages = {page.rel: parse_page(page.text, out_dir / page.rel, page.rel, page.rel, page_kind(page.rel))
             for page in plan.pages}
    counts: dict[str, int] = {}
    for _page, _q, kind, _before in lacking(Book(out_dir, pages, optional=project.optional), Need.EXPECTED):
        counts[kind] = counts.get(kind, 0) + 1
    if not counts:
        return None
    total = plan.question_count

    def some(kind: str, missing: int) -> str:
        a = "an" if kind[0] in "aeiou" else "a"
        return f"{missing} of the {total} questions {'has' if missing == 1 else 'have'} no {kind}" \
            if missing < total else f"none of the {total} questions has {a} {kind}" if total > 1 \
            else f"the question has no {kind}"

    one = sum(counts.values()) == 1
    said = (f"import: {'; '.join(some(k, n) for k, n in counts.items())}: a --strict build (qabook build "
            f"--strict, mkdocs build --strict) stops on {'its' if one else 'their'} QA032 until each has one; "
            f"if this book does without {' and '.join(f'{k}s' for k in counts)}, say so in ")
    entry = plugin_entry(project.config_file) if project.config_file is not None else None
    name = project.config_file.name if project.config_file is not None else "mkdocs.yml"
    if entry is not None and entry[1]:  # `- qabook:` with options: one line more among them
        return f"{said}{name} (qabook does not edit it): add '{optional_line(counts)}' under '- qabook:' " \
               f"at {name}:{entry[0]}"
    where = f"in place of '- qabook' at {name}:{entry[0]}" if entry is not None else "under 'plugins:'"
    return f"{said}{name} (qabook does not edit it), {where}:\n{optional_yaml(counts)}"


@cli.command("check")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATTERS)), default="text", show_default=True,
              help="text: path:line:col: CODE message; json; github: workflow annotations.")
@click.option("-f", "--config-file", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="mkdocs.yml to read docs_dir and nav from (default: ./mkdocs.yml).")
@click.option("--docs-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Check this docs folder instead of the one mkdocs.yml names.")
@click.option("--strict", is_flag=True, help="Count warnings as failures too.")
@click.option("--no-cache", is_flag=True,
              help="Read every page again (default: only those changed since the last check; the parsed "
                   "pages are kept in ~/.cache/qabook).")
def check_cmd(paths: tuple[Path, ...], fmt: str, config_file: Path | None, docs_dir: Path | None,
              strict: bool, no_cache: bool) -> None:
    """Check the structure of the book's pages and print every finding, sorted.

    With PATHS, report only findings in those files or folders (the whole book is still read,
    so links and ids across pages are checked right). Exit 0 clean, 1 findings, 2 usage error.
    """
    from qabook.check import check_project
    from qabook.config import find_project

    project = find_project(config_file, docs_dir)
    if not project.docs_dir.is_dir():
        raise UsageError(f"docs folder {project.docs_dir} does not exist")
    for p in paths:
        if not p.exists():
            raise UsageError(f"{p}: no such file or folder")
    diags = check_project(project, paths=list(paths) or None, jobs=os.cpu_count() or 1, disk_cache=not no_cache)
    _echo_diagnostics(diags, fmt)
    click.echo(f"check: {summary(diags)}", err=True)
    if any(d.is_error or strict for d in diags):
        sys.exit(1)


def _project(config_file: Path | None):
    from qabook.config import find_project

    project = find_project(config_file)
    if not project.docs_dir.is_dir():
        raise UsageError(f"docs folder {project.docs_dir} does not exist")
    return project


def _progress(message: str) -> None:
    click.echo(f"qabook: {message}", err=True)


@cli.command("build")
@click.option("-f", "--config-file", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="mkdocs.yml to build (default: ./mkdocs.yml).")
@click.option("-d", "--site-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Where the site goes (default: site_dir of mkdocs.yml, 'site').")
@click.option("--pdf/--no-pdf", default=True, show_default=True, help="Also print the chapters and book as PDF.")
@click.option("--offline", is_flag=True, help="A site that works opened from disk (file://): no directory URLs.")
@click.option("--strict", is_flag=True, help="Fail on warnings too (check and MkDocs).")
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=None,
              help="Processes: pages rendered and chapters printed to PDF at once (default: every core).")
@click.option("-q", "--quiet", is_flag=True, help="No progress lines: only findings, warnings and errors.")
def build_cmd(config_file: Path | None, site_dir: Path | None, pdf: bool, offline: bool, strict: bool,
              jobs: int | None, quiet: bool) -> None:
    """Check the pages, then build the site (and PDFs); publish only if everything passes.

    The new site is built in a staging folder and swapped in at the end: a failed check or
    build leaves the previous site exactly as it was. Each step is said on stderr as it
    starts, with how many pages are converted and rendered (every tenth; on a terminal, every
    few seconds too), unless --quiet.
    """
    from qabook.build import UnsafePathError, build_site

    project = _project(config_file)
    try:
        result = build_site(project, site_dir, offline=offline, pdf=pdf, strict=strict, jobs=jobs,
                            progress=None if quiet else _progress, quiet=quiet)
    except UnsafePathError as exc:
        raise UsageError(str(exc)) from None
    except KeyboardInterrupt:  # its workers and staging folder are gone by now (build.build_site)
        click.echo("qabook: build stopped (Ctrl+C): the previous site is unchanged", err=True)
        sys.exit(130)
    _echo_diagnostics(result.diagnostics, "text")
    for left in result.leftovers:
        click.echo(f"qabook: warning: could not remove the previous site's {left}; remove it yourself", err=True)
    for note in result.kept:
        click.echo(f"qabook: {note}", err=True)
    if not result.ok:
        click.echo(f"qabook: build failed: {result.reason}", err=True)
        sys.exit(1)


@cli.command("serve")
@click.option("-f", "--config-file", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="mkdocs.yml to serve (default: ./mkdocs.yml).")
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True, help="Address to serve on.")
@click.option("--full", is_flag=True,
              help="Build every page again after a save (default: only what the save changed).")
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=None,
              help="Processes for a full build (default: every core).")
@click.option("-v", "--verbose", is_flag=True, help="Debug messages, with the time each step of a save took.")
def serve_cmd(config_file: Path | None, dev_addr: str, full: bool, jobs: int | None, verbose: bool) -> None:
    """Preview the site; a save shows in the open pages by itself (the page, its chapter page and
    its findings at once; search and study data right after). Findings are printed once each,
    in the terminal and on their page."""
    from qabook.live import serve

    project = _project(config_file)
    host, _, port = dev_addr.rpartition(":")
    if not host or not port.isdigit():
        raise UsageError(f"--dev-addr {dev_addr}: expected HOST:PORT, e.g. 127.0.0.1:8000")
    try:
        serve(project, dev_addr, full=full, jobs=jobs, verbose=verbose)
    except OSError as exc:
        raise UsageError(f"cannot serve on {dev_addr}: {exc.strerror or exc}") from None


@cli.command("pdf")
@click.option("-f", "--config-file", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="mkdocs.yml to read (default: ./mkdocs.yml).")
@click.option("--chapter", "chapters", multiple=True, metavar="SLUG",
              help="Print this chapter (repeatable); default: every chapter and the book.")
@click.option("--book", "whole_book", is_flag=True, help="Print the whole book (with --chapter: as well).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("site/pdf"),
              show_default=True, help="Folder for the PDFs.")
@click.option("--paper", type=click.Choice(["A4", "Letter"], case_sensitive=False), default="A4",
              show_default=True, help="Paper size.")
@click.option("-j", "--jobs", type=click.IntRange(1, 16), default=2, show_default=True,
              help="PDFs rendered at once.")
def pdf_cmd(config_file: Path | None, chapters: tuple[str, ...], whole_book: bool, out_dir: Path, paper: str,
            jobs: int) -> None:
    """Print chapters (and the whole book) as PDF: cover, contents, bookmarks, page numbers,
    every answer and explanation expanded, CJK fonts embedded. A book whose chapters hold no
    topic yet has nothing to print: no PDF is written (exit 1)."""
    from qabook.book import load_book
    from qabook.pdf import plan_jobs, render_all

    from qabook.safepaths import pdf_dir_problem

    project = _project(config_file)
    if problem := pdf_dir_problem(out_dir):
        raise UsageError(problem)
    book = load_book(project)
    _refuse_on_check_errors(book, "printing")
    _refuse_when_nothing_printed(book, "print", f"no PDF written to {out_dir}")
    try:
        planned = plan_jobs(project, book, out_dir, list(chapters) or None, whole_book, paper)
    except KeyError as exc:
        raise UsageError(str(exc.args[0])) from None
    try:
        failed = render_all(planned, jobs, _progress)
    except KeyboardInterrupt:  # its workers and their unfinished files are gone by now (pdf.render_all)
        click.echo(f"qabook: pdf stopped (Ctrl+C): the PDFs in {out_dir} it had not finished are as they were",
                   err=True)
        sys.exit(130)
    for line in failed:
        click.echo(f"qabook: pdf failed: {line}", err=True)
    if failed:
        sys.exit(1)


@cli.command("export")
@click.argument("kind", type=click.Choice(["anki", "json"]))
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The file to write: book.apkg (anki) or book.json (json).")
@click.option("--config-file", "-f", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="mkdocs.yml to read (default: ./mkdocs.yml).")
def export_cmd(kind: str, out: Path, config_file: Path | None) -> None:
    """Export the book as an Anki deck (KIND=anki, .apkg) or as JSON (KIND=json).

    Question keys (and Anki note GUIDs) are `<page id>#q<N>`: re-importing an edited book into
    Anki updates its notes. The JSON follows qabook/export/book.schema.json. A book whose
    chapters hold no topic yet has nothing to export: nothing is written (exit 1).
    """
    from qabook.book import load_book
    from qabook.export import export_anki, export_json
    from qabook.safepaths import is_apkg, is_book_json, output_file_problem
    from qabook.staging import atomic_file

    project = _project(config_file)
    if not project.docs_dir.is_dir():
        raise UsageError(f"{project.docs_dir}: no such folder")
    if problem := output_file_problem(out, "apkg" if kind == "anki" else "json",
                                      is_apkg if kind == "anki" else is_book_json):
        raise UsageError(problem)
    title = project.site_name or None
    book = load_book(project)
    _refuse_on_check_errors(book, "exporting")
    _refuse_when_nothing_printed(book, "export", f"{out} not written" + (" (the file there is left as it is)" if out.exists() else ""))
    try:
        with atomic_file(out) as part:
            if kind == "anki":
                export_anki(book, part, title, project.language)
            else:
                export_json(book, part, title)
    except OSError as e:
        raise UsageError(f"{out}: cannot write: {e.strerror or e}") from e
    click.echo(f"wrote {out}")


def _refuse_on_check_errors(book, doing: str) -> None:  # noqa: ANN001
    """Like `build`: the check first; its errors are printed and nothing is written (exit 1)."""
    from qabook.check import check_book

    errors = [d for d in check_book(book) if d.is_error]
    if errors:
        _echo_diagnostics(errors, "text")
        raise click.ClickException(f"the check found errors: fix them before {doing}")


def _refuse_when_nothing_printed(book, doing: str, unwritten: str) -> None:  # noqa: ANN001
    """A book with no chapter holding a topic gets no PDF, deck or JSON (each would be empty), as
    a build gets none: the reason is printed, and what was not written (exit 1)."""
    if reason := book.nothing_printed():
        raise click.ClickException(f"nothing to {doing}: {reason}; {unwritten}")


@cli.command("new")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--language", default="zh", show_default=True,
              help="The book's language (theme.language): block titles and interface text.")
@click.option("--title", "site_name", help="The book's name (site_name); default: an example name.")
@click.option("--empty", is_flag=True, help="No example chapter: a book to import your documents into.")
def new_cmd(directory: Path, language: str, site_name: str | None, empty: bool) -> None:
    """Start a new book in DIRECTORY: mkdocs.yml, docs/ with an example chapter (none with
    --empty), scripts/build (which runs this qabook).

    It builds as it is: `cd DIRECTORY && ./scripts/build`. DIRECTORY must be new or empty.
    """
    from qabook.scaffold import ScaffoldError, new_book

    try:
        written = new_book(directory, language, site_name, empty=empty)
    except ScaffoldError as exc:
        raise UsageError(str(exc)) from None
    except OSError as exc:
        raise UsageError(f"cannot write {directory}: {exc.strerror or exc}") from None
    for path in written:
        click.echo(f"wrote {path}", err=True)
    click.echo(f"new book in {directory}: cd {directory} && ./scripts/build  (builds it with this qabook)", err=True)
    if not empty:
        click.echo(f"docs/example/ is an example chapter: delete it when you import your own document "
                   f"(qabook import FILE.md --out {directory / 'docs'}), or start with `qabook new DIR --empty`",
                   err=True)


@cli.command("rules")
@click.option("--markdown", is_flag=True, help="Print the rule catalogue as Markdown (RULES.md).")
def rules_cmd(markdown: bool) -> None:
    """List every check with its code, name and summary."""
    from qabook.rules import RULES

    if not markdown:
        for r in RULES.values():
            click.echo(f"{r.code}  {r.name:24} {r.severity.value:8} {r.summary}")
        return
    click.echo(rules_markdown(), nl=False)


def rules_markdown() -> str:
    from qabook.rules import RULES

    out = ["# qabook check rules", "",
           "Generated by `qabook rules --markdown`; a test keeps it in step with the code.", "",
           "| code | name | severity | what it finds |", "|---|---|---|---|"]
    out += [f"| {r.code} | {r.name} | {r.severity.value} | {r.summary} |" for r in RULES.values()]
    for r in RULES.values():
        out += ["", f"## {r.code} {r.name}", "", f"{r.summary}.", "", "Bad:", "", "```markdown", r.bad, "```",
                "", "Good:", "", "```markdown", r.good, "```"]
    return "\n".join(out) + "\n"


_HELP_ERRORS = tuple(getattr(click.exceptions, name) for name in ("NoArgsIsHelpError",) if hasattr(click.exceptions, name))


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; return the exit code instead of exiting (for tests and embedding)."""
    try:
        cli.main(args=argv, prog_name="qabook", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.UsageError as exc:  # click's own: a bad value, an unknown option, a missing argument
        if isinstance(exc, _HELP_ERRORS):  # `qabook` alone: its help
            exc.show()
        else:  # one line, like qabook's own usage errors
            where = exc.ctx.command_path if exc.ctx else "qabook"
            click.echo(f"Error: {exc.format_message()} (see '{where} --help')", err=True)
        return 2
    except click.ClickException as exc:
        exc.show()
        return 2 if isinstance(exc, click.UsageError) else exc.exit_code
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        return 130
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())


if __name__ == "__main__":
    run()
