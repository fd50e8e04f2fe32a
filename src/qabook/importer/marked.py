"""Choices whose answer the question marks itself: the stem names the letter ('### 3. … (**D**)',
'题干（ B ）'), one choice is written in bold among plain ones ('B) **structural properties**'), or
one choice of a list is ticked ('* [x] 42' among '* 0', '* 1') or written with the one bullet
that differs ('* x = 3' among '- x = 2', '- x = 6': a quiz format's mark, `odd_bullet`).

A unit so marked is answered even with no answer label: the mark is its answer. On its page the
learner sees the stem with a blank where the letter was, the choices unmarked, and the marked
choice in the hidden answer.
"""

from __future__ import annotations

import re

#: The answer letter(s) in parentheses inside a stem, bold or not: '(**D**)', '（ B ）', '(AC)', '【 D 】'.
STEM_MARK_RE = re.compile(r"[(（【]\s*(?P<b>\*\*|__)?\s*(?P<letters>[A-H](?:\s*[,，、]?\s*[A-H]){0,3})\s*(?P=b)?\s*[)）】]")
#: A choice on its own line: its letter and its text ('A) text', '- **B.** text', '(C) text').
#: The pieces every choice-line pattern is built from (here, `template`'s and `units`'): the list
#: marker a choice may stand behind ('- B. …', '4.   D、…') and what follows a choice's letter.
CHOICE_LIST_MARK = r"(?:[-*+]|\d{1,2}[.)])\s+"
CHOICE_SEP = r"[.)．、:：）]"
_CHOICE_RE = re.compile(rf"^(?P<lead>\s*(?:{CHOICE_LIST_MARK})?)(?P<pre>\*\*)?[(（]?(?P<letter>[A-H])(?:\*\*)?\s*{CHOICE_SEP}"
                        r"(?:\*\*)?\s*(?P<text>\S.*?)\s*$")
_BOLD_WHOLE_RE = re.compile(r"^(\*\*|__)(?P<inner>[^*_].*?)\1[.。]?$")


_BULLET_RE = re.compile(r"^\s*[-*+]\s+(?P<tick>\[[ xX]\]\s)?")
#: A task-list item ('- [ ] …', '- [x] …') and a ticked one (its marker in group 1).
TASK_RE = re.compile(r"^\s*[-*+]\s+\[[ xX]\]\s")
CHECKED_RE = re.compile(r"^(\s*[-*+]\s+)\[[xX]\]\s*")
#: A choice's box, in a task list or written bare on a text line under a quoted stem ('[ ] relative',
#: '[ x ] fixed', spaces inside the box allowed) or as a radio button ('() 1.14.0', '(*) 1.18.0': a lab's
#: self-check), and a ticked one (what goes before the box in group 1, the box's own brackets in `open`).
BOX_RE = re.compile(r"^(\s*(?:>\s*)*(?:[-*+]\s+)?)(?:\[\s*[xX]?\s*\]|\(\s*[*xX]?\s*\))\s")
BOX_CHECKED_RE = re.compile(r"^(\s*(?:>\s*)*(?:[-*+]\s+)?)(?P<open>[\[(])\s*[*xX]\s*[\])]\s*")
#: The answer a lab checks the learner's entry against, on its own line under the question ('=== 6443',
#: Katacoda's); not a content tab's title ('=== "Tab"', pymdownx.tabbed).
EXACT_ANSWER_RE = re.compile(r"^\s*===\s+(?P<answer>[^\s\"'].*?)\s*$")


def unticked(line: str) -> str:
    """A ticked choice shown as the others are: its box emptied ('[x] #app' → '[ ] #app', '(*) 2' → '() 2')."""
    m = BOX_CHECKED_RE.match(line)
    if not m:
        return line
    return m.group(1) + ("[ ] " if m["open"] == "[" else "() ") + line[m.end():]


def ticked(lines: list[str]) -> bool:
    """The first list among the lines is a run of choices with exactly one ticked ('* 0', '* 1',
    '* [x] 42'): the tick is the answer."""
    run = []
    for line in lines:
        if not line.strip():
            continue
        m = _BULLET_RE.match(line)
        if not m:
            if run:
                break
            continue
        run.append((m["tick"] or "").strip().lower())
    return len(run) >= 2 and run.count("[x]") == 1


_ODD_BULLET_RE = re.compile(r"^(?P<bullet>[-*+])\s+(?!\[[ xX]\])\S")


def odd_bullet(lines: list[str]) -> int | None:
    """The index (among `lines`) of the one choice written with another bullet than the others, in
    the first run of three or more one-line items right after each other ('- 37%', '- 50%',
    '* About 63%', '- 100%'); None when there is no such run or not exactly one differs."""
    run: list[tuple[int, str]] = []
    for k, line in enumerate(lines):
        m = _ODD_BULLET_RE.match(line)
        if m:
            run.append((k, m["bullet"]))
            continue
        if run or line.strip():
            break
    bullets = [b for _, b in run]
    if len(run) < 3 or len(set(bullets)) != 2:
        return None
    odd = [k for k, b in run if bullets.count(b) == 1]
    return odd[0] if len(odd) == 1 else None


def _whole(m: re.Match[str]) -> str:
    """A choice's text, bold when the bold wraps its letter too ('**D、新的开发工具**')."""
    text = m["text"]
    if m["pre"] and text.endswith("**") and not text.startswith("**") and "**" not in text[:-2]:
        return "**" + text
    return text


#: Where a further choice starts on a line that holds several: after a tab or two spaces or more,
#: its letter (bold or not) and what follows a choice's letter ('A.ping  \tB.route  \t**C.netstat**').
_MORE_CHOICES_RE = re.compile(rf"(?:\t|\s{{2,}})\s*(?=(?:\*\*)?[(（]?[A-H](?:\*\*)?\s*{CHOICE_SEP})")


def split_choices(line: str) -> list[str]:
    """The choices written side by side on one line ('A.shadow \t B. group \t **C.passwd** \t D. gshadow'),
    each with the space before it (joined, they are the line again); `[line]` when the line holds one
    choice or none, or its letters do not follow one by one."""
    m = _CHOICE_RE.match(line)
    if not m:
        return [line]
    cuts = [0] + [x.start() for x in _MORE_CHOICES_RE.finditer(line, m.end("letter"))]
    pieces = [line[a:b] for a, b in zip(cuts, cuts[1:] + [len(line)])]
    letters = [c["letter"] if (c := _CHOICE_RE.match(p)) else "" for p in pieces]
    if len(pieces) < 2 or not all(a and b and ord(b) == ord(a) + 1 for a, b in zip(letters, letters[1:])):
        return [line]
    return pieces


def choices(lines: list[str]) -> dict[str, str]:
    """The letter and text of each choice line among `lines` (only a run that holds A and B); a line
    of choices side by side gives each of them."""
    found = {m["letter"]: _whole(m) for line in lines for piece in split_choices(line) if (m := _CHOICE_RE.match(piece))}
    return found if {"A", "B"} <= set(found) else {}


def _stem_mark(stem: str, letters: set[str]) -> re.Match[str] | None:
    """The stem's last mark naming only letters among the choices' (the blank the answer fills)."""
    marks = [m for m in STEM_MARK_RE.finditer(stem) if set(re.findall(r"[A-H]", m["letters"])) <= letters]
    return marks[-1] if marks else None


def stem_letters(stem: str, letters: set[str]) -> list[str]:
    """The answer letters a stem names in parentheses, when they are among the choices' letters."""
    m = _stem_mark(stem, letters)
    return re.findall(r"[A-H]", m["letters"]) if m else []


def stem_mark(stem: str, letters: set[str]) -> str:
    """The answer letters as the stem writes them inside its parentheses ('BCD', 'A, C'), '' when
    it names none: several letters are a word of the source the page must keep."""
    m = _stem_mark(stem, letters)
    return m["letters"] if m else ""


def bold_letters(found: dict[str, str]) -> list[str]:
    """The choices written wholly in bold, when some but not all of them are."""
    bold = [letter for letter, text in found.items() if _BOLD_WHOLE_RE.match(text)]
    return bold if 0 < len(bold) < len(found) else []


def marked(stem: str, lines: list[str]) -> list[str]:
    """The letters a question marks as its answer: named in its stem or bold among its choices."""
    found = choices(lines)
    if not found:
        return []
    return stem_letters(stem, set(found)) or bold_letters(found)


def blank_stem(text: str, letters: set[str]) -> str:
    """The stem with its answer mark made a blank: '(**D**)' → '( )'."""
    m = _stem_mark(text, letters)
    if not m:
        return text
    blank = {"（": "（ ）", "【": "【 】"}.get(m.group()[0], "( )")
    return text[:m.start()] + blank + text[m.end():]


#: A blank to fill written as an underline among the sentence's words: the answer written in on
#: it in bold ('分页命令包括：1ess 和 **<u>more</u>** ，', '组成： <u>**内核**</u> 、shell'), or nothing on it
#: yet ('<u>      </u>'). Underlined words alone are emphasis ('如果有一个操作数是<u>布尔值</u>').
UNDERLINE_BLANK_RE = re.compile(r"\*\*<u>[^<>\n]{1,80}</u>\*\*|<u>\s*\*\*[^<>\n]{1,80}\*\*\s*</u>|"
                                 r"<u>(?:\s|&nbsp;|\u00a0|\u3000|_)+</u>")


def _blanks(text: str) -> list[re.Match[str]]:
    """The underlined blanks of the text; a bold span round the underline opens there ('**<u>more</u>**'),
    not where two bold words meet around it ('**指令系统**<u>属于</u>**计算机软件**': underlined emphasis)."""
    return [m for m in UNDERLINE_BLANK_RE.finditer(text)
            if not m.group().startswith("**") or text[:m.start()].count("**") % 2 == 0]


def underline_blank(text: str) -> bool:
    """The text holds a blank to fill written as an underline (filled in bold or still empty) with
    words of the sentence beside it: the line is a fill-in question."""
    found = _blanks(text)
    return bool(found) and bool(re.search(r"\w", text[:found[0].start()] + text[found[0].end():]))


#: What a filled blank shows the learner: an empty line to write on ('\_' is an underscore, not emphasis).
EMPTY_BLANK = "\\_" * 6


def filled_blanks(text: str) -> tuple[str, list[str]]:
    """The text with each blank filled in on an underline made empty, and the words that filled them, in
    order ('组成： <u>**内核**</u> 、shell' → '组成： \\_\\_… 、shell', ['内核']); a blank still empty stays one."""
    fills: list[str] = []
    out, at = [], 0
    for m in _blanks(text):
        words = " ".join(re.sub(r"</?u>|\*\*|&nbsp;", " ", m.group()).split())
        if words.strip("_"):
            fills.append(words)
        out += [text[at:m.start()], EMPTY_BLANK]
        at = m.end()
    return "".join(out) + text[at:], fills


def unbold_choice(line: str) -> str:
    """A bold choice written plain, so that the choices do not give the answer away (each of the
    choices a line holds side by side)."""
    pieces = split_choices(line)
    if len(pieces) > 1:
        return "".join(map(unbold_choice, pieces))
    m = _CHOICE_RE.match(line)
    if not m:
        return line
    if _whole(m) != m["text"]:  # '**D、新的开发工具**': the bold around letter and text
        return line[:m.start("pre")] + line[m.end("pre"):m.start("text")] + m["text"][:-2] + line[m.end("text"):]
    b = _BOLD_WHOLE_RE.match(m["text"])
    return line[:m.start("text")] + b["inner"] + line[m.end("text"):] if b else line
