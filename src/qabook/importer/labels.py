"""Recognise the labels Q&A documents put before their parts: 题目 / 答案 / 解析 and kin.

`Labels` holds the words; the author can add their own (`--label answer=Réponse`), and
`DEFAULT` is the built-in set (Chinese and English).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

QUESTION_WORDS = r"题目描述|(?:题目|面试题|问题)\s*\d*|Question(?:\s*\d+)?|Q\d+"
ANSWER_WORDS = r"答案|参考答案|正确答案|回答|参考回答|答|Answer|A\d+"
EXPLANATION_WORDS = r"解析|答案说明|详解|Explanation"
MERGED_WORDS = r"答案解析|解答"
KINDS = ("question", "answer", "explanation")


@dataclass(frozen=True)
class Label:
    kind: str  # "question", "answer", "explanation"
    word: str
    rest: str  # text after the label on the same line
    merged: bool = False  # 答案解析: answer and explanation in one
    whole: bool = False  # the label's line is the whole question ("**Q1：…**", "Q: …")


class Labels:
    """The label words of one import: the built-in ones plus the author's (`extra`)."""

    def __init__(self, extra: dict[str, list[str]] | None = None):
        self.extra = {k: list(v) for k, v in (extra or {}).items() if v}
        add = {k: "".join(f"|{re.escape(w)}" for w in self.extra.get(k, [])) for k in KINDS}
        q = QUESTION_WORDS + add["question"]
        a = ANSWER_WORDS + add["answer"]
        e = EXPLANATION_WORDS + add["explanation"]
        # author's words first, so that "Answer key" wins over "Answer"
        words = "|".join(re.escape(w) for k in KINDS for w in sorted(self.extra.get(k, []), key=len, reverse=True))
        all_words = (words + "|" if words else "") + f"{MERGED_WORDS}|{q}|{a}|{e}"
        self._q_full, self._a_full = re.compile(rf"(?:{q}|问)", re.I), re.compile(rf"(?:{a})", re.I)
        self._merged = re.compile(MERGED_WORDS)
        # **答案：** rest | **答案**：rest | **Q1：whole question** | **Q: whole question**
        self._bold_in = re.compile(rf"^\*\*(?P<label>{all_words})\s*[：:]\s*\*\*\s*(?P<rest>.*)$", re.S | re.I)
        self._bold_num = re.compile(r"^\*\*(?P<label>[QA]\d+)\s*[.．]\s*\*\*\s*(?P<rest>.*)$", re.S)  # **Q1.** text
        self._bold_out = re.compile(rf"^\*\*(?P<label>{all_words})\*\*\s*[：:]\s*(?P<rest>.*)$", re.S | re.I)
        self._bold_whole = re.compile(rf"^\*\*(?P<label>{q}|Q)\s*[：:.]\s*(?P<rest>[^*].*?)\*\*\s*$", re.S | re.I)
        # plain: "A1：rest", "Q: rest", "Answer: rest", "问：rest"
        plain = "A\\d+|Q\\d+|答|问|Q|A|Question|Answer|Explanation" + "".join(
            f"|{re.escape(w)}" for k in KINDS for w in self.extra.get(k, []))
        self._plain = re.compile(rf"^(?:(?P<label>{plain})\s*[：:]|(?P<num>[QA]\d+)\s*[.．](?!\d))\s*(?P<rest>.*)$", re.S)
        # heading labels: "### 题目", "### ✅ 正确答案：B", "### 📖 解析", "### Answer"
        self._heading = re.compile(rf"^(?P<label>{all_words})\s*(?:[：:]\s*(?P<rest>.*))?$", re.S | re.I)

    def classify(self, word: str) -> tuple[str, bool]:
        bare = re.sub(r"\s+", "", word)
        for kind in KINDS:
            if any(re.sub(r"\s+", "", w).lower() == bare.lower() for w in self.extra.get(kind, [])):
                return kind, False
        if self._merged.fullmatch(bare):
            return "answer", True
        if self._q_full.fullmatch(word) or re.fullmatch(r"题目描述|(?:题目|面试题|问题)\d*|Question\d*|Q\d*|问", bare, re.I):
            return "question", False
        if self._a_full.fullmatch(word) or re.fullmatch(r"A\d*", bare):
            return "answer", False
        return "explanation", False

    def paragraph(self, first_line: str) -> Label | None:
        line = first_line.strip()
        for pattern in (self._bold_whole, self._bold_in, self._bold_num, self._bold_out, self._plain):
            m = pattern.match(line)
            if m:
                word = m["label"] or m["num"]
                kind, merged = self.classify(word)
                whole = pattern is self._bold_whole or (pattern is self._plain and kind == "question")
                return Label(kind, word, (m["rest"] or "").strip(), merged, whole)
        return None

    def heading(self, text: str) -> Label | None:
        core = re.sub(r"^[^\w]+", "", text.strip())  # drop leading emoji and marks
        m = self._heading.match(core)
        if not m:
            return None
        kind, merged = self.classify(m["label"])
        return Label(kind, m["label"], " ".join((m["rest"] or "").split()), merged)  # one line, even setext


DEFAULT = Labels()


def paragraph_label(first_line: str, labels: Labels = DEFAULT) -> Label | None:
    """The label a paragraph's first line opens with, if any."""
    return labels.paragraph(first_line)


def heading_label(text: str, labels: Labels = DEFAULT) -> Label | None:
    """The label a heading is, if any ("### 答案", "### Answer:")."""
    return labels.heading(text)
