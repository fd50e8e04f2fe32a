"""Rules about page metadata: ids and titles."""

from __future__ import annotations

import re
from typing import Iterator

from qabook.diagnostics import Diagnostic
from qabook.model import Book, Page
from qabook.rules import at, rule

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _meta_line(page: Page, key: str) -> int:
    for offset, line in enumerate(page.source_lines[page.meta_line:page.meta_end], start=page.meta_line + 1):
        if line.startswith(f"{key}:"):
            return offset
    return page.meta_line or 1


@rule("QA011", "missing-id", "A topic page without a valid `id` in its front matter",
      bad="---\ntags: [基础概念]\n---", good="---\nid: what-is-llm\ntags: [基础概念]\n---", per_page=True)
def missing_id(book: Book) -> Iterator[Diagnostic]:
    for page in book.pages.values():
        if page.kind != "topic" or any(d.code == "QA010" for d in page.structure):
            continue
        value = page.meta.get("id")
        if value is None:
            yield at(page, page.meta_line or 1, 1,
                     "topic page has no id: add 'id: some-stable-name' to its front matter")
        elif isinstance(value, str) and not ID_RE.match(value):
            yield at(page, _meta_line(page, "id"), 1,
                     f"id {value!r} is not valid: use lowercase letters, digits and single hyphens")


@rule("QA012", "duplicate-id", "Two pages share one `id`; ids are anchors and progress keys site-wide",
      bad="---\nid: what-is-llm\n---   (in two pages)", good="---\nid: what-is-llm-2\n---")
def duplicate_id(book: Book) -> Iterator[Diagnostic]:
    first: dict[str, Page] = {}
    for page in sorted(book.pages.values(), key=lambda p: p.rel):
        value = page.id
        if not value:
            continue
        if value in first:
            yield at(page, _meta_line(page, "id"), 1,
                     f"id '{value}' is already used by {first[value].display}: choose another id")
        else:
            first[value] = page


@rule("QA013", "missing-title", "A topic or chapter page with no `# title` heading",
      bad="---\nid: what-is-llm\n---\n\n/// question\n……\n///",
      good="---\nid: what-is-llm\n---\n\n# 什么是大模型？\n\n/// question\n……\n///", per_page=True)
def missing_title(book: Book) -> Iterator[Diagnostic]:
    for page in book.pages.values():
        if page.kind in ("topic", "chapter", "home") and not page.title:
            line = (page.meta_end + 1) if page.meta_end else 1
            yield at(page, line, 1, "page has no title: start it with a '# title' heading")


def _type_problem(key: str, value: object) -> str | None:
    """What is wrong with a front-matter value the build reads, or None."""
    if key in ("id", "title") and not isinstance(value, str):
        return f"{key} must be text, not {type(value).__name__}: write {key}: \"{value}\""
    if key == "tags":
        if isinstance(value, str):
            return f"tags must be a list, not one string: write tags: [{value}]"
        if not isinstance(value, list) or not all(isinstance(t, str) and t.strip() for t in value):
            return "tags must be a list of words: write tags: [基础概念, 训练]"
    return None


@rule("QA014", "front-matter-type", "A front-matter value of a type the build cannot use (`title`/`id` not text, `tags` not a list of words)",
      bad="---\ntitle: 123\ntags: 基础概念\n---", good="---\ntitle: \"123\"\ntags: [基础概念]\n---", per_page=True)
def front_matter_type(book: Book) -> Iterator[Diagnostic]:
    for page in book.pages.values():
        for key in ("id", "title", "tags"):
            if key in page.meta and (problem := _type_problem(key, page.meta[key])):
                yield at(page, _meta_line(page, key), 1, problem)
