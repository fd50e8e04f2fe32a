"""The block vocabulary: the one table every part of qabook reads.

A question is a `/// question` block followed, in this order, by its parts (`/// answer`,
`/// explanation`, …). For each kind the table says how it renders (an always-visible
admonition or a collapsed details block), its title (a locale key, so the book's language
chooses it), whether a question must have it, its weight in search, and the label words an
imported document uses for it. The parser, the rules, the importer, search, the print page,
the PDF and the plugin's pymdownx configuration all come from here: adding a kind (say
`hint`) is one entry below plus its CSS.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from enum import Enum
from typing import Any, Iterable

from qabook.i18n import t


class Need(str, Enum):
    REQUIRED = "required"  # missing → error
    EXPECTED = "expected"  # missing → warning
    OPTIONAL = "optional"  # missing → nothing


@dataclass(frozen=True)
class BlockKind:
    name: str  # as written: `/// name`
    element: str  # "admonition" (always shown) or "details" (collapsed until the reader opens it)
    need: Need
    search_weight: float
    labels: tuple[str, ...] = ()  # label words in source documents (`**答案：**`, `Answer:`)

    @property
    def title_key(self) -> str:
        return f"block.{self.name}"

    def title(self, language: str | None) -> str:
        return t(language, self.title_key)


#: The question first, then its parts in the order they must appear.
BLOCKS: tuple[BlockKind, ...] = (
    BlockKind("question", "admonition", Need.REQUIRED, 2.0,
              ("题目描述", "题目", "问题", "面试题", "题干", "问", "Question", "Q")),
    BlockKind("answer", "details", Need.REQUIRED, 1.0,
              ("答案", "参考答案", "正确答案", "参考回答", "回答", "答", "Answer", "Solution", "A")),
    BlockKind("explanation", "details", Need.EXPECTED, 0.8,
              ("解析", "答案说明", "详解", "解释", "Explanation")),
)

#: Hints for label words the importer learns from a document (`importer/learn.py`): a learned
#: word holding one of these (a Chinese morpheme anywhere, an English word at a word start) is
#: that part; other learned words get their part from where they stand in the units.
LABEL_HINTS: dict[str, tuple[str, ...]] = {
    "question": ("题", "问", "描述", "description", "problem", "prompt", "task", "scenario", "statement"),
    "answer": ("答", "思路", "解法", "题解", "solution", "answer", "réponse", "respuesta", "resposta", "antwort", "risposta",
               "response", "reply"),
    "explanation": ("析", "释", "why", "explanation", "rationale", "reason"),
}

def holds_hint(word: str, hints: Iterable[str], whole_word: bool = False) -> bool:
    """The word holds one of the hints: a Chinese morpheme anywhere, an English word at a word start
    ('Suggested Answers' holds 'answer'; 'Unanswered' does not), or only as a whole word."""
    low, end = word.lower(), r"\b" if whole_word else ""
    return any(h in low if not h.isascii() else re.search(rf"\b{re.escape(h)}{end}", low) for h in hints)


def hinted_kind(word: str) -> str | None:
    """The part a label word names by its hint, answer first ('题解' is an answer, '问题分析' an
    explanation); None when it holds none."""
    return next((kind for kind in ("answer", "explanation", "question") if holds_hint(word, LABEL_HINTS[kind])), None)


#: The class word of a container (a Pandoc/MyST fenced div `::: challenge`, `:::{exercise}`) by what
#: the box holds: a question (an exercise to try) or its answer. Any other class (`callout`, `note`,
#: `instructor`, `objectives`, `keypoints`) is text of the lesson (`importer/fencediv.py`).
CONTAINER_HINTS: dict[str, tuple[str, ...]] = {
    "question": ("challenge", "exercise", "question", "problem", "quiz", "practice", "task", "练习", "习题", "题"),
    "answer": ("solution", "answer", "hint", "答", "解"),
}


def container_kind(word: str) -> str | None:
    """What a container's class word (or its box title) says it holds: 'answer' first ('exercise-solution'
    is an answer), then 'question' — one question: a plural ('questions', 'exercises') names a list of
    them (the lesson's guiding questions), text; None when it names neither."""
    low = word.lower().replace("-", " ").replace("_", " ")
    if holds_hint(low, CONTAINER_HINTS["answer"]):
        return "answer"
    return "question" if holds_hint(low, CONTAINER_HINTS["question"], whole_word=True) else None


#: The words of a `<summary>` (or block title) that only says "the answer is in here": 'Show answer',
#: 'Click to see the solution', '查看答案', '点击展开'. A title made of these alone is dropped, so the
#: block gets its default title.
GENERIC_TITLE_WORDS: tuple[str, ...] = (
    "show", "view", "see", "reveal", "click", "tap", "here", "to", "the", "an", "a", "me", "my", "your", "expand",
    "toggle", "open", "hide", "display", "check", "answer", "answers", "solution", "solutions", "result", "details",
    "more", "spoiler", "réponse", "voir", "la",
    "点击", "点我", "查看", "展开", "显示", "收起", "参考", "答案", "解答", "回答", "这里", "此处", "看", "的")

#: What a skeleton writes where an answer will go ('答案：待补充', 'A: TODO', '（在此填写）'): an
#: answer made only of these (and punctuation, brackets, 'x'/'.' runs) is no answer.
PLACEHOLDER_WORDS: tuple[str, ...] = (
    "todo", "tbd", "tba", "tbc", "fixme", "wip", "to do", "to be added", "to be done", "to be written",
    "to be completed", "coming soon", "your answer here", "answer here", "fill in", "fill me in", "placeholder",
    "待补充", "待完善", "待填写", "待填", "待更新", "待整理", "待续", "待定", "待写", "未完成", "暂无", "暂缺", "略",
    "在此填写", "此处填写", "填写答案", "请填写", "请补充", "补充中", "更新中", "占位")

#: What a heading says of exercises the author left out ('## Ex 1.23 1.24 1.25 *ignore*', '### 习题 7（略）'):
#: a start whose title is only numbers and one of these, with nothing under it, is no question.
SKIPPED_WORDS: tuple[str, ...] = ("ignore", "ignored", "skip", "skipped", "omit", "omitted", "n/a", "略", "跳过", "省略")

#: Headings that name a part of a document, not a question ('## Summary', '### 参考资料'): a start
#: of the question template titled only with one of these (and that does not ask) stays on the
#: chapter page.
SECTION_WORDS: tuple[str, ...] = (
    "summary", "conclusion", "conclusions", "references", "reference", "resources", "further reading",
    "see also", "introduction", "intro", "overview", "preface", "foreword", "contents", "table of contents",
    "toc", "license", "licence", "contributing", "contributors", "acknowledgements", "acknowledgments",
    "changelog", "credits", "appendix", "glossary", "bibliography", "sources", "final thoughts", "wrap-up",
    "wrapping up", "next steps", "key takeaways", "takeaways", "recap", "related", "related links",
    "useful links", "links", "notes", "about", "prerequisites", "background", "learning objectives",
    "objectives", "score tracker", "scoring guide",
    "总结", "小结", "结语", "结论", "参考", "参考资料", "参考文献", "参考链接", "相关链接", "延伸阅读", "扩展阅读",
    "推荐阅读", "相关阅读", "前言", "引言", "简介", "概述", "目录", "导读", "附录", "致谢", "更新日志", "写在前面",
    "写在最后", "后记", "资源", "术语表", "学习目标", "本节讲什么", "核心要点", "知识点", "说明")

#: The sections of a project's README or manual ('## Install', '## Configuration', '## Credits'):
#: question headings standing among several of these ('## What is Viper?', '## What can it do?') are
#: the project introducing itself, not a bank (`importer/askheadings.py`).
PROJECT_SECTION_WORDS: tuple[str, ...] = (
    "install", "installation", "installing", "setup", "set up", "getting started", "quick start", "quickstart",
    "usage", "how to use", "configuration", "config", "configuring", "build", "building", "development",
    "developing", "deployment", "deploying", "running", "support", "requirements", "dependencies", "features",
    "documentation", "docs", "roadmap", "authors", "maintainers", "license", "licence", "contributing",
    "contributors", "credits", "changelog", "acknowledgements", "acknowledgments", "troubleshooting",
    "安装", "安装方法", "使用", "使用方法", "用法", "配置", "构建", "编译", "开发", "部署", "运行", "快速开始", "快速上手",
    "功能", "特性", "依赖", "环境要求", "文档", "许可证", "开源协议", "贡献", "贡献者", "致谢", "更新日志", "支持")

#: The column headers of a troubleshooting table, by the part a row's cell plays: the first column
#: names the problem (`错误信息 / 现象`, `Error`, `Symptom`), another its fix (`解决方案`, `Solution`),
#: maybe one its cause (`可能原因`, `Cause`). Such a table's rows are questions (`importer/tables.py`).
TROUBLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "question": ("error", "problem", "issue", "symptom", "message", "错误", "报错", "现象", "故障", "症状", "问题"),
    "answer": ("solution", "fix", "resolution", "workaround", "remedy", "解决", "处理", "办法", "方案", "对策"),
    "explanation": ("cause", "reason", "原因"),
}

#: Tags that mark a line as a flash card's front in a note (`## Braking #card`, Obsidian's plugins):
#: read by `importer/tagcards.py`, a suffix allowed (`#card-reverse`, `#flashcards/deck`).
CARD_TAGS: tuple[str, ...] = ("card", "cards", "flashcard", "flashcards", "anki", "srs")

#: What a tag at the start of a question's line names (`【单选题】以下描述错误的是：`, `[判断题] …`,
#: `[Multiple choice] …`): the kind of question, so the line is a question (`importer/labels.py`).
#: A Chinese tag is read by its closing 题 (`【多选题】`, `（填空题）`, `【例题】`); these are the others.
QUESTION_KIND_TAGS: tuple[str, ...] = (
    "multiple choice", "single choice", "multiple answer", "multiple select", "mcq", "true/false", "true or false",
    "t/f", "fill in the blank", "fill-in-the-blank", "short answer", "essay", "matching",
    "名词解释", "选择", "单选", "多选", "判断", "填空", "简答", "问答")

#: Label words that hold the answer and its explanation in one (imported as the answer, reported).
MERGED_LABELS: tuple[str, ...] = ("答案解析", "解答")

#: The quote and list markers before a line's content ('> ', '- ', '1. ', '> - '): a `///` fence
#: after them is inside the quote or list item. A pattern to build on, read atomically (a quote
#: nested a hundred deep, or a run of spaces, is never tried two ways). The one spelling of a
#: container marker: the parser's fence look-alikes, the importer (`pagelines`, `neutralise`).
CONTAINER_MARKERS = r"(?>(?:[ \t]*>[ \t]?|[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+)*)"

QUESTION = "question"


def need_of(kind: str, optional: Iterable[str] = ()) -> Need:
    """How much a book needs a part of this kind: the vocabulary's need, or OPTIONAL when the book
    declares it optional (plugin option `optional: [explanation]`). Unknown kinds: OPTIONAL."""
    if kind in optional:
        return Need.OPTIONAL
    return next((b.need for b in BLOCKS if b.name == kind), Need.OPTIONAL)


def optional_line(kinds: Iterable[str]) -> str:
    """The plugin option that declares these kinds of part optional (read by `need_of`), as it
    goes into mkdocs.yml under `- qabook:`: the one spelling of that advice."""
    return f"optional: [{', '.join(kinds)}]"


def optional_hint(kind: str) -> str:
    """What a book that does without this kind of part writes, for a message about a missing one."""
    return f"if the book does without them, say so once in mkdocs.yml under '- qabook:': '{optional_line([kind])}'"


def optional_yaml(kinds: Iterable[str]) -> str:
    """The plugin entry that declares these kinds of part optional, as lines to paste under
    `plugins:` in mkdocs.yml (a `- qabook` already there takes the `optional:` line)."""
    return f"  - qabook:\n      {optional_line(kinds)}"


def qa_types() -> tuple[str, ...]:
    """Every kind's name, the question first (read at call time, so a kind added to BLOCKS counts)."""
    return tuple(b.name for b in BLOCKS)


def parts() -> tuple[BlockKind, ...]:
    """The kinds that follow a question, in order."""
    return BLOCKS[1:]


#: pymdownx.blocks extensions and the block names each registers whatever its `types`.
_FIXED_NAMES = {"pymdownx.blocks.admonition": ("admonition",), "pymdownx.blocks.details": ("details",),
                "pymdownx.blocks.tab": ("tab",), "pymdownx.blocks.html": ("html",),
                "pymdownx.blocks.definition": ("define",), "pymdownx.blocks.caption": ("caption",)}
_DEFAULT_TYPES = {
    "pymdownx.blocks.admonition": ("note", "attention", "caution", "danger", "error", "tip", "hint", "warning",
                                   "important"),
    "pymdownx.blocks.details": (),
}


def pymdownx_configs(language: str | None, existing: dict[str, Any] | None = None) -> dict[str, dict[str, Any]]:
    """The `pymdownx.blocks.admonition` / `.details` configuration for our kinds, titled in
    `language`, merged into a project's own (its other types are kept; ours replace any of the
    same name)."""
    existing = existing or {}
    out: dict[str, dict[str, Any]] = {}
    for ext, element in (("pymdownx.blocks.admonition", "admonition"), ("pymdownx.blocks.details", "details")):
        config = dict(existing.get(ext) or {})
        given = config.get("types")
        types = list(given) if given is not None else list(_DEFAULT_TYPES[ext])
        ours = [b for b in BLOCKS if b.element == element]
        names = {b.name for b in BLOCKS}  # a name of ours is ours alone (pymdownx has its own `hint`)
        types = [ty for ty in types if (ty.get("name") if isinstance(ty, dict) else ty) not in names]
        types += [{"name": b.name, "class": b.name, "title": b.title(language)} for b in ours]
        config["types"] = types
        out[ext] = config
    return out


@lru_cache(maxsize=1)
def default_known_blocks() -> frozenset[str]:
    """The block types a project with pymdownx's admonition and details blocks renders."""
    exts = ["pymdownx.blocks.admonition", "pymdownx.blocks.details", "pymdownx.blocks.tab", "pymdownx.blocks.html"]
    return frozenset(known_block_names(exts, pymdownx_configs(None)))


def known_block_names(extensions: list[str], configs: dict[str, dict[str, Any]]) -> set[str]:
    """Every `/// name` that the given Markdown extensions render (so anything else is unknown)."""
    names: set[str] = set()
    for ext in extensions:
        names.update(_FIXED_NAMES.get(ext, ()))
        if ext in _DEFAULT_TYPES:
            given = (configs.get(ext) or {}).get("types")
            for ty in (given if given is not None else _DEFAULT_TYPES[ext]):
                names.add(str(ty.get("name") if isinstance(ty, dict) else ty))
    return names
