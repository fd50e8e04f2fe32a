"""Rules about questions: each is a question block, then an answer, then an explanation."""

from __future__ import annotations

from typing import Iterator

from qabook.diagnostics import Diagnostic, Severity
from qabook.model import Block, Book, Page, Question
from qabook.vocabulary import Need, need_of, optional_hint, parts, qa_types
from qabook.rules import at, rule

_NAMES = {"question": "question", "answer": "answer", "explanation": "explanation"}


@rule("QA030", "missing-question", "An answer or explanation block with no question block before it",
      bad="# 标题\n\n/// answer\n……\n///", good="# 标题\n\n/// question\n……\n///\n\n/// answer\n……\n///", per_page=True)
def missing_question(book: Book) -> Iterator[Diagnostic]:
    for page in book.pages.values():
        for block in page.orphan_parts:
            yield at(page, block.line, 1,
                     f"{block.kind} block has no question before it: add a '/// question' block above")


@rule("QA031", "missing-answer", "A question with no answer block",
      bad="/// question\n……\n///\n\n/// explanation\n……\n///",
      good="/// question\n……\n///\n\n/// answer\n……\n///\n\n/// explanation\n……\n///", per_page=True)
def missing_answer(book: Book) -> Iterator[Diagnostic]:
    yield from _missing(book, Need.REQUIRED)


def lacking(book: Book, need: Need) -> Iterator[tuple[Page, Question, str, Block]]:
    """Each question's missing parts of this need, in vocabulary order: (page, question, the part's
    kind, the block it would follow). Read by QA031/QA032 and by the import's strict-build advice."""
    for page in book.pages.values():
        for q in page.questions:
            before = q.question
            for part in parts():
                block = q.first(part.name)
                if block is None and need_of(part.name, book.optional) is need:
                    yield page, q, part.name, before
                before = block or before


def _missing(book: Book, need: Need) -> Iterator[Diagnostic]:
    """A diagnostic for each question lacking a part of this need."""
    for page, q, kind, before in lacking(book, need):
        optional = f", or, {optional_hint(kind)}" if need is Need.EXPECTED else ""
        yield at(page, before.line, 1, f"question {q.number} has no {kind}: add a "
                                       f"'/// {kind}' block after the {before.kind}{optional}")


@rule("QA032", "missing-explanation", "A question with no explanation block",
      bad="/// question\n……\n///\n\n/// answer\n……\n///",
      good="/// question\n……\n///\n\n/// answer\n……\n///\n\n/// explanation\n……\n///",
      severity=Severity.WARNING, per_page=True)
def missing_explanation(book: Book) -> Iterator[Diagnostic]:
    yield from _missing(book, Need.EXPECTED)


@rule("QA033", "empty-block", "A question, answer or explanation block with nothing in it",
      bad="/// answer\n///", good="/// answer\n大模型指的是……\n///", per_page=True)
def empty_block(book: Book) -> Iterator[Diagnostic]:
    for page in book.pages.values():
        for block in page.blocks:
            if block.kind in qa_types() and block.is_empty and block.end is not None:
                yield at(page, block.line, 1, f"{block.kind} block is empty: write its text between the fences")


@rule("QA034", "block-order", "Blocks of a question out of order (question, answer, explanation) or repeated",
      bad="/// question\n……\n///\n\n/// explanation\n……\n///\n\n/// answer\n……\n///",
      good="/// question\n……\n///\n\n/// answer\n……\n///\n\n/// explanation\n……\n///", per_page=True)
def block_order(book: Book) -> Iterator[Diagnostic]:
    rank = {kind: i for i, kind in enumerate(qa_types())}
    for page in book.pages.values():
        for q in page.questions:
            seen: set[str] = set()
            last = 0
            for block in q.parts:
                if block.kind in seen:
                    yield at(page, block.line, 1,
                             f"second {block.kind} block for question {q.number}: merge it into the first")
                elif rank[block.kind] < last:
                    yield at(page, block.line, 1, f"{block.kind} block after the {qa_types()[last]}: expected "
                                                  f"order is {', '.join(qa_types())}")
                seen.add(block.kind)
                last = max(last, rank[block.kind])


@rule("QA035", "stray-text", "Text between or after the blocks that belongs to no block",
      bad="/// answer\n……\n///\n\n这一段不属于任何块。\n\n/// explanation\n……\n///",
      good="/// answer\n……\n这一段属于答案。\n///\n\n/// explanation\n……\n///", per_page=True)
def stray_text(book: Book) -> Iterator[Diagnostic]:
    for page in book.pages.values():
        if page.kind != "topic":
            continue
        for line, col in page.stray_text:
            yield at(page, line, col,
                     "text outside any block belongs to no question: move it into the question, answer or explanation block")


@rule("QA040", "topic-without-question", "A topic page with no question block",
      bad="# 大模型的发展趋势\n\n只有正文，没有题目。",
      good="# 大模型的发展趋势\n\n/// question\n请简要描述大模型的发展趋势。\n///", per_page=True)
def topic_without_question(book: Book) -> Iterator[Diagnostic]:
    for page in book.pages.values():
        if page.kind == "topic" and not page.questions:
            yield at(page, page.title_line or 1, 1, "topic page has no question: add a '/// question' block")


@rule("QA028", "nested-block", "A question, answer or explanation block inside another block",
      bad="/// question\n……\n/// answer\n……\n///\n///",
      good="/// question\n……\n///\n\n/// answer\n……\n///", per_page=True)
def nested_block(book: Book) -> Iterator[Diagnostic]:
    for page in book.pages.values():
        outer: list = []  # the open blocks, outermost first, by depth
        for block in page.blocks:
            del outer[block.depth:]
            if block.depth and block.kind in qa_types() and outer:
                parent = outer[-1]
                yield at(page, block.line, block.column,
                         f"{block.kind} block inside the {parent.kind} block of line {parent.line}:"
                         f" close the {parent.kind} with '///' before it")
            outer.append(block)
