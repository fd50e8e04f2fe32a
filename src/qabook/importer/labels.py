"""Recognise the labels Q&A documents put before their parts: 题目 / 答案 / 解析 and kin.

The words come from their one home, the vocabulary (`BLOCKS[*].labels`, `MERGED_LABELS`);
the author can add their own (`--label answer=Réponse`). A label is a word, maybe numbered
(`问题1`, `Q3`, `A3`), with its colon inside or outside the bold (`**答案：**`, `**答案**：`,
`答案：`), a whole bold question line (`**Q1：…？**`), `**Q1.** …`, or a heading (`### 答案`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qabook.vocabulary import BLOCKS, MERGED_LABELS, QUESTION_KIND_TAGS

KINDS = ("question", "answer", "explanation")
#: A tag naming the kind of question at the start of its line: `【单选题】`, `[判断题]`, `（填空题）`,
#: `[Multiple choice]` (a Chinese kind ends in 题; the others are `vocabulary.QUESTION_KIND_TAGS`), maybe
#: bold; the text after it is the question.
KIND_TAG_RE = re.compile(r"^(?:\*\*|__)?(?P<tag>[【\[［(（]\s*(?P<kind>[^】\]］)）\n]{1,20}?)\s*[】\]］)）])(?:\*\*|__)?\s*"
                         r"(?P<rest>\S.*)$", re.S)
_KIND_WORDS = {w.lower() for w in QUESTION_KIND_TAGS}


def names_kind(words: str) -> bool:
    """The words name a kind of question: a Chinese word that ends in 题 (`单选题`, `简答题`, `实战题`,
    `算法题`), or one of `vocabulary.QUESTION_KIND_TAGS` (`Multiple choice`)."""
    kind = re.sub(r"\s+", " ", words).strip().lower()
    return kind.endswith("题") and len(kind) <= 8 or kind in _KIND_WORDS


def kind_tag(line: str) -> tuple[str, str] | None:
    """(the tag, the text after it) when the line opens with a tag naming a kind of question."""
    line = line.strip()
    m = KIND_TAG_RE.match(line)
    if not m or m["tag"][0] in "[［" and line[m.end("tag"):m.end("tag") + 1] == "(":
        return None  # '**[安装问题](…/installation.html)** - …': a link's text, naming a page, no tag
    kind = re.sub(r"\s+", " ", m["kind"]).strip().lower()
    kind = re.sub(r"\s*[,，:：]?\s*[\d.]+\s*(?:分|points?|pts?|marks?)\s*$", "", kind)  # '【单选题，2分】'
    if not names_kind(kind):
        return None
    return m["tag"], m["rest"].strip()


#: A label word alone in an HTML comment on its own line: the part marker of a card kept invisible.
COMMENT_LABEL_RE = re.compile(r"^<!--\s*(?P<word>[^<>\-\s][^<>]{0,20}?)\s*-->$")


@dataclass(frozen=True)
class Label:
    kind: str  # "question", "answer", "explanation"
    word: str
    rest: str  # text after the label on the same line
    merged: bool = False  # 答案解析: answer and explanation in one
    whole: bool = False  # the label's line is the whole question ("**Q1：…**", "Q: …")


def _alternation(words: list[str]) -> str:
    """Words longest first (so that '参考答案' wins over '答案'), each maybe numbered ('问题 1', 'Q3')."""
    out = []
    for w in sorted(dict.fromkeys(words), key=len, reverse=True):
        word = r"\s*".join(re.escape(part) for part in w.split())
        out.append(word + (r"(?:\s*\d+)?" if w[:1].isascii() or len(w) <= 3 else ""))
    return "|".join(out)


class Labels:
    """The label words of one import: the vocabulary's plus the author's (`extra`)."""

    def __init__(self, extra: dict[str, list[str]] | None = None, learned: dict[str, list[str]] | None = None,
                 dividers: dict[str, str] | None = None):
        self.dividers = dict(dividers or {})  # a line alone that this document puts before an answer (`dividers.py`)
        self.authors = {k: list(v) for k, v in (extra or {}).items() if v}
        self.learned = {k: list(v) for k, v in (learned or {}).items() if v}
        # the author's words, then the ones learned from the document (`learn.py`)
        self.extra = {k: self.authors.get(k, []) + self.learned.get(k, []) for k in KINDS}
        builtin = {b.name: list(b.labels) for b in BLOCKS if b.name in KINDS}
        self.words = {k: self.extra.get(k, []) + builtin.get(k, []) for k in KINDS}
        merged = list(MERGED_LABELS)
        # author's words first, then the longest: "Answer key" wins over "Answer"
        authors = [w for k in KINDS for w in self.extra.get(k, [])]
        all_words = _alternation(authors) + "|" if authors else ""
        all_words += _alternation(merged + [w for k in KINDS for w in builtin.get(k, [])])
        q = _alternation(self.words["question"])
        self._kind_of = {k: re.compile(rf"(?:{_alternation(self.words[k])})", re.I) for k in KINDS}
        self._merged = re.compile(_alternation(merged))
        colon = r"\s*[：:]"
        # **答案：** rest | **答案**：rest | **Q1：whole question** | **Q1.** text
        self._bold_in = re.compile(rf"^\*\*(?P<label>{all_words}){colon}\s*\*\*\s*(?P<rest>.*)$", re.S | re.I)
        self._bold_num = re.compile(r"^\*\*(?P<label>[QA]\d+)\s*[.．]\s*\*\*\s*(?P<rest>.*)$", re.S)
        self._bold_out = re.compile(rf"^\*\*(?P<label>{all_words})\*\*{colon}\s*(?P<rest>.*)$", re.S | re.I)
        self._bold_whole = re.compile(rf"^\*\*(?P<label>{q})\s*[：:.]\s*(?P<rest>[^*].*?)\*\*\s*$", re.S | re.I)
        # **答案：B** — a short bold answer with its label inside
        self._bold_short = re.compile(rf"^\*\*(?P<label>{all_words}){colon}\s*(?P<rest>[^*]{{1,40}}?)\s*\*\*\s*$", re.S | re.I)
        # **思路** alone on its line
        self._bold_alone = re.compile(rf"^\*\*\s*(?P<label>{all_words})\s*\*\*\s*(?P<rest>)$", re.I)
        # **Answer: B) a long answer** — a whole bold answer line with its label inside
        self._bold_long = re.compile(rf"^\*\*(?P<label>{all_words}){colon}\s*(?P<rest>.+?)\s*\*\*\s*$", re.S | re.I)
        # plain: "A1：rest", "Q: rest", "答案：rest", "Answer: rest"; "Q3. rest"
        self._plain = re.compile(rf"^(?:(?P<label>{all_words}){colon}|(?P<num>[QA]\d+)\s*[.．](?!\d))\s*(?P<rest>.*)$",
                                 re.S | re.I)
        # a question and its answer on one line: "水的沸点？答：100 度", "Capital of France? Answer: Paris."
        answers = _alternation(self.words["answer"] + merged)
        self._inline = re.compile(rf"^(?P<q>.*?[?？.。!！)）])\s*(?:\*\*)?(?P<label>{answers})\s*(?:\*\*)?\s*[：:]"
                                  rf"\s*(?:\*\*)?\s*(?P<rest>.*)$", re.S | re.I)  # rest empty: the answer is on the lines below
        # heading labels: "### 题目", "### ✅ 正确答案：B", "### 📖 解析", "### Answer"
        self._heading = re.compile(rf"^(?P<label>{all_words})\s*(?:[：:]\s*(?P<rest>.*)|[-–—~*_]*\s*)$", re.S | re.I)

    def is_learned(self, word: str) -> bool:
        """The word was learned from the document (`learn.py`), not given by the vocabulary or the author."""
        bare = re.sub(r"\s+", "", word).lower()
        return any(re.sub(r"\s+", "", w).lower() == bare for ws in self.learned.values() for w in ws)

    def classify(self, word: str) -> tuple[str, bool]:
        bare = re.sub(r"\s+", "", word)
        for kind in KINDS:
            if any(re.sub(r"\s+", "", w).lower() == bare.lower() for w in self.extra.get(kind, [])):
                return kind, False
        if self._merged.fullmatch(bare):
            return "answer", True
        for kind in KINDS:
            if self._kind_of[kind].fullmatch(word) or self._kind_of[kind].fullmatch(bare):
                return kind, False
        return "explanation", False

    def paragraph(self, first_line: str) -> Label | None:
        line = first_line.strip()
        if line in self.dividers:
            return Label(self.dividers[line], line, "")
        line = _UNDERSCORE_BOLD_RE.sub(r"**\1**", line)  # '__答案：__', '__Suggested Answers__': bold as '**'
        if (tagged := kind_tag(line)) is not None:
            # '【单选题】以下描述错误的是：': the tag stays in the question (it says which kind it is)
            return Label("question", tagged[0], line, whole=True)
        if (m := COMMENT_LABEL_RE.match(line)) and (said := self.heading(m["word"])) and not said.rest:
            return Label(said.kind, line, "", said.merged)  # '<!-- QUESTION -->', '<!-- 答案 -->': a label no reader sees
        for pattern in (self._bold_whole, self._bold_in, self._bold_num, self._bold_out, self._bold_short, self._bold_long,
                        self._bold_alone, self._plain):
            m = pattern.match(line)
            if m:
                word = m["label"] or m.groupdict().get("num")
                kind, merged = self.classify(word)
                if pattern in (self._bold_short, self._bold_long, self._bold_alone) and kind == "question" \
                        and not (pattern is self._bold_alone and self.is_learned(word)):
                    continue  # '**Q: short?**' is a whole question line, read by _bold_whole (a word this
                    # document repeats alone over each question, `cycles.py`, labels the text under it)
                whole = pattern is self._bold_whole or (pattern is self._plain and kind == "question")
                return Label(kind, word, (m["rest"] or "").strip(), merged, whole)
        return None

    def inline_answer(self, line: str) -> tuple[str, Label] | None:
        """A question line that carries its answer after a label: (the question, the answer label)."""
        m = self._inline.match(line.strip())
        if not m or not m["q"].strip():
            return None
        kind, merged = self.classify(m["label"])
        return m["q"].strip(), Label("answer", m["label"], m["rest"].strip(), merged)

    def heading(self, text: str) -> Label | None:
        core = re.sub(r"^[^\w]+", "", text.strip())  # drop leading emoji and marks
        core = re.sub(r"^(\*\*|__)(.*?)\1\s*", r"\2", core)  # '### **答案**'
        m = self._heading.match(core)
        if not m:
            return None
        kind, merged = self.classify(m["label"])
        return Label(kind, m["label"], " ".join((m["rest"] or "").split()), merged)  # one line, even setext


#: A bold span written with underscores at the line's start: the same bold as '**…**'.
_UNDERSCORE_BOLD_RE = re.compile(r"^__(?=\S)((?:(?!__).)+?)(?<=\S)__(?!_)")


DEFAULT = Labels()


def paragraph_label(first_line: str, labels: Labels = DEFAULT) -> Label | None:
    """The label a paragraph's first line opens with, if any."""
    return labels.paragraph(first_line)


def heading_label(text: str, labels: Labels = DEFAULT) -> Label | None:
    """The label a heading is, if any ("### 答案", "### Answer:")."""
    return labels.heading(text)
