"""Recognise the labels Q&A documents put before their parts: 题目 / 答案 / 解析 and kin."""

from __future__ import annotations

import re
from dataclasses import dataclass

QUESTION_WORDS = r"题目|题目描述|面试题|问题\s*\d*|Question(?:\s*\d+)?|Q\d+"
ANSWER_WORDS = r"答案|参考答案|正确答案|答|Answer|A\d+"
EXPLANATION_WORDS = r"解析|答案说明|Explanation"
MERGED_WORDS = r"答案解析|解答"
ALL_WORDS = rf"{MERGED_WORDS}|{QUESTION_WORDS}|{ANSWER_WORDS}|{EXPLANATION_WORDS}"

# **答案：** rest   |   **答案**：rest   |   **Q1：whole question**   |   A1：rest (plain)
_BOLD_IN = re.compile(rf"^\*\*(?P<label>{ALL_WORDS})\s*[：:]\s*\*\*\s*(?P<rest>.*)$", re.S)
_BOLD_OUT = re.compile(rf"^\*\*(?P<label>{ALL_WORDS})\*\*\s*[：:]\s*(?P<rest>.*)$", re.S)
_BOLD_WHOLE = re.compile(rf"^\*\*(?P<label>{QUESTION_WORDS})\s*[：:]\s*(?P<rest>[^*].*?)\*\*\s*$", re.S)
_PLAIN = re.compile(r"^(?P<label>A\d+|Q\d+|答|问)\s*[：:]\s*(?P<rest>.*)$", re.S)
# heading labels: "### 题目", "### ✅ 正确答案：B", "### 📖 解析"
_HEADING = re.compile(rf"^(?P<label>{ALL_WORDS})\s*(?:[：:]\s*(?P<rest>.*))?$", re.S)


@dataclass(frozen=True)
class Label:
    kind: str  # "question", "answer", "explanation"
    word: str
    rest: str  # text after the label on the same line
    merged: bool = False  # 答案解析: answer and explanation in one


def classify_word(word: str) -> tuple[str, bool]:
    word = re.sub(r"\s+", "", word)
    if re.fullmatch(MERGED_WORDS, word):
        return "answer", True
    if re.fullmatch(r"题目|题目描述|面试题|问题\d*|Question\d*|Q\d+|问", word):
        return "question", False
    if re.fullmatch(ANSWER_WORDS, word):
        return "answer", False
    return "explanation", False


def paragraph_label(first_line: str) -> Label | None:
    line = first_line.strip()
    for pattern in (_BOLD_WHOLE, _BOLD_IN, _BOLD_OUT, _PLAIN):
        m = pattern.match(line)
        if m:
            kind, merged = classify_word(m["label"])
            return Label(kind, m["label"], (m["rest"] or "").strip(), merged)
    return None


def heading_label(text: str) -> Label | None:
    core = re.sub(r"^[^\w]+", "", text.strip())  # drop leading emoji and marks
    m = _HEADING.match(core)
    if not m:
        return None
    kind, merged = classify_word(m["label"])
    return Label(kind, m["label"], (m["rest"] or "").strip(), merged)
