"""The author's word on what their document looks like, when detection cannot tell.

From the command line (`--question-heading 3`, `--question-pattern 'Q\\d+:'`, `--bold-questions`,
`--label answer=Réponse`, `--details-answers`, `--split-on '^={3,}$'`, `--answer-key '^答案'`) or a
small YAML file (`--rules FILE.yml`) with the same keys:

    question_heading: 3          # or several levels: [3, 4]
    question_pattern: '^Q\\d+[.:]'
    bold_questions: false
    labels: {answer: [Réponse], explanation: [Pourquoi]}
    details_answers: true
    split_on: '^<!-- next -->$'
    answer_key: '^(参考)?答案'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from qabook.importer.labels import KINDS, Labels


class OptionsError(ValueError):
    """An option or rules file the importer cannot use (one line, for the author)."""


@dataclass
class ImportOptions:
    question_heading: tuple[int, ...] = ()  # every heading of these levels (matching the pattern, if any)
    question_pattern: re.Pattern[str] | None = None  # prefix of a heading or bold line that starts a question
    bold_questions: bool = False  # every bold line on its own starts a question
    labels: dict[str, list[str]] = field(default_factory=dict)  # extra label words per part
    details_answers: bool = False  # a <details> opens the answer, whatever its summary says
    answer_key: re.Pattern[str] | None = None  # a heading or line after which answers are listed by number
    split_on: re.Pattern[str] | None = None  # a separator line between questions

    def __post_init__(self) -> None:
        if isinstance(self.question_heading, int):  # one level given as a number: one level, one type
            self.question_heading = (self.question_heading,)
        self.question_heading = tuple(sorted(set(self.question_heading or ())))

    @property
    def forced(self) -> bool:
        """True when the author said where questions start (detection does not vote)."""
        return bool(self.question_heading or self.question_pattern or self.bold_questions or self.split_on)

    @property
    def heading_levels(self) -> frozenset[int]:
        """The heading levels the author named (none: any level)."""
        return frozenset(self.question_heading)

    def label_set(self) -> Labels:
        return Labels(self.labels)

    def describe(self) -> list[str]:
        out = []
        if self.question_heading:
            out.append(f"--question-heading {','.join(map(str, sorted(self.heading_levels)))}")
        if self.question_pattern:
            out.append(f"--question-pattern {self.question_pattern.pattern!r}")
        if self.bold_questions:
            out.append("--bold-questions")
        out += [f"--label {k}={w}" for k in KINDS for w in self.labels.get(k, [])]
        if self.details_answers:
            out.append("--details-answers")
        if self.split_on:
            out.append(f"--split-on {self.split_on.pattern!r}")
        if self.answer_key:
            out.append(f"--answer-key {self.answer_key.pattern!r}")
        return out


def compile_pattern(text: str, what: str = "question pattern") -> re.Pattern[str]:
    try:
        return re.compile(text)
    except re.error as exc:
        raise OptionsError(f"{what} {text!r} is not a valid regular expression: {exc}") from None


def parse_label(spec: str) -> tuple[str, str]:
    """'answer=Réponse' → ('answer', 'Réponse')."""
    kind, sep, word = spec.partition("=")
    kind, word = kind.strip().lower(), word.strip()
    if not sep or kind not in KINDS or not word:
        raise OptionsError(f"--label {spec!r}: expected question=WORD, answer=WORD or explanation=WORD")
    return kind, word


def _heading_level(value: object, where: str = "--question-heading") -> tuple[int, ...]:
    """A level 1–6, or several (`[3, 4]` in YAML, `3,4` on the command line)."""
    given = value
    if isinstance(value, str) and re.fullmatch(r"\s*\d+\s*(?:,\s*\d+\s*)*", value):
        value = [int(v) for v in value.split(",")]
    values = value if isinstance(value, (list, tuple)) else [value]
    if not values or any(isinstance(v, bool) or not isinstance(v, int) or not 1 <= v <= 6 for v in values):
        raise OptionsError(f"{where}: a heading level is 1 to 6, or several as 3,4 (YAML: [3, 4]); not {given!r}")
    return tuple(sorted(set(values)))


def load_rules(text: str, name: str) -> ImportOptions:
    """Options from the YAML text of a rules file."""
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{name}:{mark.line + 1}:{mark.column + 1}" if mark is not None else name
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise OptionsError(f"{where}: not valid YAML: {problem}") from None
    if not isinstance(data, dict):
        raise OptionsError(f"{name}: expected a mapping of options")
    known = {"question_heading", "question_pattern", "bold_questions", "labels", "details_answers", "split_on",
             "answer_key"}
    unknown = sorted(set(map(str, data)) - known)
    if unknown:
        raise OptionsError(f"{name}: unknown option(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    opts = ImportOptions()
    if data.get("question_heading") is not None:
        opts.question_heading = _heading_level(data["question_heading"], f"{name}: question_heading")
    if data.get("question_pattern"):
        opts.question_pattern = compile_pattern(str(data["question_pattern"]), f"{name}: question_pattern")
    opts.bold_questions = bool(data.get("bold_questions", False))
    if data.get("split_on"):
        opts.split_on = compile_pattern(str(data["split_on"]), f"{name}: split_on")
    if data.get("answer_key"):
        opts.answer_key = compile_pattern(str(data["answer_key"]), f"{name}: answer_key")
    opts.details_answers = bool(data.get("details_answers", False))
    labels = data.get("labels") or {}
    if not isinstance(labels, dict):
        raise OptionsError(f"{name}: labels must map question/answer/explanation to words")
    for kind, words in labels.items():
        if kind not in KINDS:
            raise OptionsError(f"{name}: unknown label kind {kind!r}; use question, answer or explanation")
        words = [words] if isinstance(words, str) else list(words or [])
        opts.labels.setdefault(kind, []).extend(str(w) for w in words)
    return opts


def merge(base: ImportOptions, *, question_heading: int | str | None = None, question_pattern: str | None = None,
          bold_questions: bool = False, labels: tuple[str, ...] = (), details_answers: bool = False,
          split_on: str | None = None, answer_key: str | None = None) -> ImportOptions:
    """Command-line options on top of a rules file (the command line wins)."""
    if question_heading is not None:
        base.question_heading = _heading_level(question_heading)
    if question_pattern:
        base.question_pattern = compile_pattern(question_pattern)
    base.bold_questions = base.bold_questions or bold_questions
    if split_on:
        base.split_on = compile_pattern(split_on, "--split-on")
    if answer_key:
        base.answer_key = compile_pattern(answer_key, "--answer-key")
    base.details_answers = base.details_answers or details_answers
    for spec in labels:
        kind, word = parse_label(spec)
        base.labels.setdefault(kind, []).append(word)
    return base
