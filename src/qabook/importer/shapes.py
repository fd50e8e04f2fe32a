"""The shape of a block's first line: what a person sees at a glance before reading it.

Heading level or list depth, the numbering style and its value (`1.`, `1)`, `(1)`, `1、`,
`一、`, `第 N 题`, `Q1`, `问题 1`, `Problem 3`, `4.1.2`), a bold span and whether it covers
the whole line or only the number/label, a label word (from the vocabulary) with its colon,
and whether the text asks (`?`/`？`, a question word). Templates (`template.py`) are built
from the shapes that repeat.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from qabook.importer.elements import Element, unwrapped_quote
from qabook.importer.labels import DEFAULT, Labels
from qabook.importer.marked import underline_blank
from qabook.vocabulary import BLOCKS, PLACEHOLDER_WORDS

#: A fence line, opening or closing code (CommonMark: up to three spaces, three or more backticks or
#: tildes; a backtick fence's info has no backtick — '```void```' is inline code). Group 1 is the fence.
FENCE_RE = re.compile(r"^ {0,3}(?P<fence>`{3,}(?=[^`]*$)|~{3,})(?P<info>.*)$")

def unfenced(lines: list[str]) -> Iterator[tuple[int, str]]:
    """Each line outside fenced code with its index; the fence lines themselves left out (a fence
    closes with its own character, at least as long)."""
    fence: str | None = None
    for k, line in enumerate(lines):
        m = FENCE_RE.match(line)
        if m:
            if fence is None:
                fence = m.group(1)
            elif m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = None
            continue
        if fence is None:
            yield k, line


#: Pictographs a line opens with before its words ('## 🔥 **18. Explain …**', '### 📌 **Follow-up:** …'):
#: decoration — the number and bold after them are the line's own.
DECOR_RE = re.compile(r"^(?:[\u2300-\u23ff\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff][\ufe0f\u200d]*)+\s+(?=\S)")
_BOLD_WHOLE_RE = re.compile(r"^(\*\*|__)(?P<inner>(?:(?!\1).)+?)\1\s*$")
_BOLD_PREFIX_RE = re.compile(r"^(\*\*|__)(?P<inner>(?:(?!\1).)+?)\1\s*(?P<rest>\S.*)$")
_CJK_DIGITS = "零〇一二三四五六七八九十百"
#: Numbering styles, most specific first: (style, pattern). Each pattern has a group `n` and
#: leaves the title after its end.
_NUMBERING: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("第N题", re.compile(rf"^第\s*(?P<n>\d+|[{_CJK_DIGITS}]+)\s*[题問问道]\s*[：:.．、]?\s*")),
    # 'Question 17a.': a lettered part of question 17 (its own question), never '17' then a title 'a. …'
    ("wordN", re.compile(r"^(?P<word>题目|问题|面试题|试题|习题|练习|例题|考题|Question|Problem|Exercise|Quiz|Task|"
                         r"Ex(?:er)?\.?|Prob\.?|Q|No\.?|#)\s*#?\s*(?P<n>\d+(?:\.\d+)*)(?P<part>[a-z](?![a-z]))?(?!\d)\s*(?:[.:：．、)）\-—–]\s*|\s+|$)", re.I)),
    # the question word and its number in brackets, a wrapper ('[Q1] …', '【题目 2】…', '(Question 3) …')
    ("wordN", re.compile(r"^(?P<open>[\[【［(（])\s*(?P<word>题目|问题|Question|Problem|Exercise|Q)\s*(?P<n>\d+)\s*"
                         r"[\]】］)）](?![(\[:])\s*(?:[.:：．、\-—–]\s*)?", re.I)),
    # '4.1.2 …', '3-1: Names', and an exercise's number alone ('## 2.3-1', '## 1.12')
    ("N.N", re.compile(r"^(?P<pre>\d+(?:\.\d+)+)\.?\s+|^(?P<pre2>\d{1,2}-\d{1,3})[.:：]?\s+(?=\D)"
                       r"|^(?P<pre3>\d{1,2}(?:\.\d{1,2})?(?:[.-]\d{1,3}))(?:\s*(?:\$\\star\$|[★☆]+))*\s*$")),  # '2.3-7 $\star$': its difficulty
    ("(N)", re.compile(r"^[(（](?P<n>\d+)[)）]\s*")),
    ("N.", re.compile(r"^(?P<n>\d+)\s*[.．](?!\d)\s*")),
    ("N)", re.compile(r"^(?P<n>\d+)\s*[)）]\s*")),
    ("N、", re.compile(r"^(?P<n>\d+)\s*[、:：，]\s*")),  # '5， 从…': a Chinese comma for the 、
    # '三、 …', and '二 在go语言中…' (a space for the 、, beside '三、' in the same sequence; not '一 二 三')
    ("一、", re.compile(rf"^(?P<n>[{_CJK_DIGITS}]+)(?:\s*[、.．]|\s+(?=[^\s{_CJK_DIGITS}]))\s*")),
    ("N ", re.compile(r"^(?P<n>\d{1,3})\s+(?:[-–—]\s+)?(?=\D)")),  # '2 在go语言中…', '1 - Which …?'
)
#: The words that name a series before its question word and number ('Python Quiz 0001', 'Daily Problem 3',
#: 'Java 面试题 5', 'CKAD – Q01: …'): one to three words, each followed by a space, a dash after them at most.
_NAMED_SERIES_RE = re.compile(r"^(?:[^\W\d_][\w.+#-]{0,20}\s+){1,3}(?:[-–—:|]\s+)?(?=[^\W\d_])")
#: A heading that is only a number, a mark after it at most ('#### 07', '#### 49 *'): the question's number,
#: its words under it (1–3 digits: '## 2024' is a year).
_BARE_NUMBER_RE = re.compile(r"^(?P<n>\d{1,3})(?:\s*[*★☆✱]+)?\s*$")
#: Any word before a number ('Drill 26.', 'Card 3:'): a numbering only where the author's pattern
#: named that word (`numbering(…, any_word=True)`); in a document's prose it is words and a number.
_ANY_WORD_N_RE = re.compile(r"^(?P<word>[^\W\d_]{1,12})\s*#?\s*(?P<n>\d+)(?P<part>[a-z](?![a-z]))?(?!\d)"
                            r"\s*(?:[.:：．、)）\-—–]\s*|\s+|$)")
#: An unnumbered question prefix: `Q:`, `Q.`, `问：`, `Question:`.
_QPREFIX_RE = re.compile(r"^(?:Q|问|Question)\s*[:：.．]\s*|^Q\s+[-—–]\s*", re.I)
_INTERROGATIVE_RE = re.compile(
    # Chinese words need no word boundary ('如何封装…'); English ones do ('Is' is not 'Island')
    r"^(?:什么|如何|怎么|怎样|为什么|为何|哪些|哪个|哪种|是否|请|简述|简要|描述|解释|说明|说说|说一下|谈谈|介绍|列举|比较|实现|"
    r"手写|手动实现|编写|设计|写出|写一个|给定|求|判断|分析|区别|有没有)|^(?:(?:please|try to)\s+)?(?:"
    r"What|How|Why|When|Where|Which|Who|Whom|Whose|Explain|Describe|Write|Implement|Provide|Compare|Discuss|Define|"
    r"Name|List|Give|Find|Show|Prove|Calculate|Determine|Is|Are|Can|Could|Do|Does|Did|Should|Would|Will|Has|Have|"
    r"True or False|Tell\s+(?:me|us)|(?:Walk|Talk)\s+(?:me|us)\s+through)\b",
    re.I,
)
_ASKS_INSIDE_RE = re.compile(r"[?？]|(什么|吗|如何|怎么|为什么|哪些|区别|是否)|\b(what|how|why|which|difference)\b", re.I)
#: A Chinese question asks with these anywhere in it, with or without '？' ('pm2 怎么做进程管理').
_CJK_ASKS_RE = re.compile(r"什么|吗[？?。]?$|如何|怎么|怎样|为什么|为何|哪些|哪个|哪种|是否|有何|能否|可否|多少|几种|有没有|区别|异同")


def cjk_number(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20 (enough for question numbers)."""
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0}
    if text.isdigit():
        return int(text)
    if not text or any(c not in digits and c not in "十百" for c in text):
        return None
    if "百" in text:
        head, _, tail = text.partition("百")
        return (digits.get(head, 1) if head else 1) * 100 + (cjk_number(tail) or 0)
    if "十" in text:
        head, _, tail = text.partition("十")
        return (digits.get(head, 1) if head else 1) * 10 + (digits.get(tail, 0) if tail else 0)
    return digits.get(text) if len(text) == 1 else None


def said_words(text: str) -> str:
    """A text's words alone, for telling a repeat ('1. What is Docker?' and '### 1. What is Docker?'):
    no HTML tags, markup, spaces or punctuation, lower-cased."""
    return re.sub(r"<[^<>]*>|[\W_]+", "", text).lower()


def unbold(text: str) -> str:
    return re.sub(r"^(\*\*|__)(.*)\1$", r"\2", text.strip()).strip()


#: A line written as a question: it holds a question mark.
QUESTION_MARK_RE = re.compile(r"[?？]")
#: A link or an image, whatever the length of its target ('[editor](https://…/?code=%23%23…)', one
#: pair of parentheses inside allowed: '(…/Foo_(bar))'), and an address written bare.
_LINK_RE = re.compile(r"!?\[(?P<words>[^\[\]]{0,500})\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]{0,200}\")?\)|"
                      r"(?:https?|ftp)://[^\s<>()\[\]]+")


def without_links(text: str) -> str:
    """The text as a reader sees it: each link's words kept, its target and bare addresses left out
    (a '?' in 'editor?code=…' asks nothing)."""
    return _LINK_RE.sub(lambda m: m["words"] or " ", text)


def question_mark(text: str) -> bool:
    """The text is written as a question: a '?' or '？' in its words (not in a link's address)."""
    return bool(QUESTION_MARK_RE.search(text)) and bool(QUESTION_MARK_RE.search(without_links(text)))


#: What an instruction after a question asks of the answer: '…有什么？并对其特征进行简要阐述。', '…? Explain why.'
#: (a conjunction or a request first, then what to do; 'see', '看', '参考' point elsewhere instead).
_ASKED_TAIL_RE = re.compile(
    r"^(?:并且?|同时|然后|再|试|请|(?:and|then|also|please)\b)?(?!.*(?:看|见|参考|如下|下面|\bsee\b|\brefer))"
    r"[^?？。.!！]{0,30}?(?:阐述|论述|说明|解释|分析|描述|简述|举例|列举|讨论|比较|评价|证明|"
    r"\b(?:explain|describe|discuss|justify|compare|give\s+an?\s+example)\b)[^?？。.!！]{0,20}[。.!！]?$", re.I)


def written_as_question(text: str) -> bool:
    """The text is written as a question: it ends with '?'/'？', or with one sentence after its
    question that says what the answer should do ('…有什么？并对其特征进行简要阐述。', '…? Explain.')."""
    if re.search(r"[?？]\s*$", text):
        return True
    plain = re.sub(r"[*_`]", "", without_links(text)).strip()
    at = max(plain.rfind("?"), plain.rfind("？"))
    return at > 0 and _ASKED_TAIL_RE.match(plain[at + 1:].strip()) is not None


_BLANK_RE = re.compile(r"（\s*）|(?<![\w`])\(\s*\)|(?<![A-Za-z0-9_])\(\s+\)|_{3,}|＿{2,}")
#: A blank already filled with the answer's letter: '(**D**)', '( C )', '(C )', '（B）' or '(B)' ending the line;
#: in lenticular brackets the letter alone fills it, where it stands: '…的是【 D 】', '按【B】键' ('【注意】' is a tag).
_FILLED_BLANK_RE = re.compile(r"[(（]\s*(?:\*\*|__)[A-H](?:\*\*|__)\s*[)）]|[(（]\s+[A-H]\s*[)）]|[(（][A-H]\s+[)）]|"
                              r"（[A-H]）|[(（][A-H][)）][\s.。:：?？]*$|【\s*(?:\*\*)?[A-H](?:\*\*)?\s*】")


def says_nothing(lines: list[str]) -> bool:
    """No word in the lines once their tags are gone ('<br>', '<div></div>'): what a number set
    out and never filled holds under it ('## 195. ')."""
    return not any(re.search(r"\w", re.sub(r"<[^<>]*>", "", line)) for line in lines)


def asks(title: str) -> bool:
    """The text reads as a question: a question mark, a blank to fill ('（）', '____'), or it
    opens with a question word."""
    title = without_links(title)  # a link asks with its words
    plain = re.sub(r"[*_`]", "", title).strip()
    plain = re.sub(r"^[\"'“‘「『]+(?=\w)", "", plain)  # a quoted question asks as well: '"请介绍一个项目"'
    words = re.sub(r"`[^`]*`", "code", title)  # 'saveBatch()' in code is no blank to fill
    words = words.replace("\\_", "_")  # a blank as it shows: '\_\_\_print\_\_' is '___print__', filled in
    if (_TELLING_RE.match(plain) or _DO_NOT_RE.match(plain)) and "?" not in plain:
        return False  # 'What we do now', 'How it works', 'Why this matters': a section says, it does not ask;
        # 'Do not provide hints': a rule, not a question
    opener = _INTERROGATIVE_RE.match(plain)
    if opener and not re.search(r"\w", plain[opener.end():]):
        opener = None  # the word alone names a section ('## 介绍', '### 说明', '## Implement'): no question
    if opener and re.match(r"\s*[:：]", plain[opener.end():]) and not _TRUE_FALSE_RE.match(plain):
        opener = None  # 'How: run the CLI', 'Why: …': a field's label, the text after it tells
    return bool("?" in plain or "？" in plain or _TRUE_FALSE_RE.match(plain) or _BLANK_RE.search(words) or _FILLED_BLANK_RE.search(title)
                or underline_blank(title) or opener
                or _CJK_ASKS_RE.search(plain))


#: An instruction to the reader: a word, then what it acts on ('Create an empty tuple', 'Join two
#: tuples', 'Check whether a name is in it').
_INSTRUCTION_RE = re.compile(r"^[A-Za-z]+\s+(?:an?|the|your|my|this|that|these|those|all|each|every|some|two|three|"
                             r"whether|if|how|what|which|it|them|its|their)\b", re.I)


def instructs(text: str) -> bool:
    """The text sets a task: a word, then what it acts on ('Create an nginx pod', 'Check whether …')."""
    return bool(_INSTRUCTION_RE.match(re.sub(r"[*_`]", "", text).strip()))


#: A statement to judge: 'True/False: variables declared in a function…', 'T/F - …', 'True or false: …'.
_TRUE_FALSE_RE = re.compile(r"^(?:true\s*(?:/|or)\s*false|t\s*/\s*f)\s*[:：.\-—–]\s*\w", re.I)


#: 'Do not …': an instruction (a question opening with 'Do' is written with its '?').
_DO_NOT_RE = re.compile(r"^do\s+not\b", re.I)


def tells_a_rule(title: str) -> bool:
    """The title tells the reader a rule ('Do not expect updates on patch day'): it neither asks nor
    states a problem the reader has."""
    return bool(_DO_NOT_RE.match(re.sub(r"[*_`]", "", title).strip()))
#: An English question word followed by a subject (no inversion): a heading that tells.
_TELLING_RE = re.compile(r"^(?:what|how|why|when|where|which|who)\s+(?:we|you|it|they|i|this|that|these|those|he|she|"
                         r"our|your|my|their|its)\b", re.I)


#: A title that is one link, maybe bold: `[What is paging?](https://…/video)` (not an anchor in the page).
_LINKED_TITLE_RE = re.compile(r"^\s*(\*\*|__)?\[(?P<text>[^\[\]]{1,500})\]\((?P<target>(?!#)[^()\s]{1,2000})"
                              r"(?:\s+\"[^\"]{0,200}\")?\)(?(1)\1)\s*$")


def linked_title(title: str) -> tuple[str, str] | None:
    """(the words, the link as written) when a question's title is only a link to somewhere else:
    what it links to (a video, an article) is the question's answer."""
    m = _LINKED_TITLE_RE.match(title)
    if not m or not re.search(r"\w", m["text"]):
        return None
    link = title.strip()
    return m["text"].strip(), link[2:-2] if m.group(1) else link


#: A title that names a point of a subject the way an interviewer asks for it, with no question mark:
#: '平滑重启的原理', '线程的优点：', '反射的优缺点', 'Redis 的应用场景' (the same words as '反射的优缺点？').
_POINT_RE = re.compile(r"[\w)）]{2,}\s*的\s*(?:底层|实现|工作|基本|核心|主要)?(?:原理|优缺点|优点|缺点|优势|劣势|作用|用途|"
                       r"特点|特性|应用场景|使用场景)\s*[:：]?$")


def names_point(title: str) -> bool:
    """The title asks for a point of a subject in noun form ('平滑重启的原理', '线程的优点：'): a
    question of an interview note, not a section of an article ('## 工作原理' names no subject)."""
    return bool(_POINT_RE.search(re.sub(r"[*_`]", "", title).strip()))


#: A part of one question named in a word or two and a colon ('Commands:', 'Purposes:', 'Column A:', '命令：').
_PART_NAME_RE = re.compile(r"^(?:[A-Za-z][\w-]*\s+){0,2}[A-Za-z][\w-]*\s*:$|^[\u4e00-\u9fff]{1,4}\s*：$")


def part_name(title: str) -> bool:
    """The title only names a part of one question in a word or two and a colon ('### Commands:' over
    its choices, '### Purposes:' over its list; '### 命令：', '### 用途：'), bold or not, and asks for no
    point of a subject ('线程的优点：' does): the one rule for `template.named_parts` and `units._parts_go_on`."""
    plain = re.sub(r"[*_`]", "", title).strip()
    return bool(_PART_NAME_RE.match(plain)) and not names_point(plain)


def asks_somewhere(title: str) -> bool:
    """A weaker sign: a question word anywhere (`…的区别`, `… 吗`)."""
    return bool(_ASKS_INSIDE_RE.search(title))


@dataclass(frozen=True)
class Numbering:
    style: str  # "N.", "第N题", "wordN", …
    number: int | None
    word: str  # the word of a "wordN" style ("Q", "题目"), lower-cased
    title: str  # the text after the numbering
    part: str = ""  # the letter of a lettered part ('Question 17a' → 'a'), lower-cased


#: Numbering words that say "this is a question" on their own ('Q1', '题目 3', 'Problem 2').
QUESTION_WORDS = frozenset({"q", "题目", "问题", "面试题", "试题", "习题", "练习", "例题", "考题", "question", "problem",
                            "exercise", "quiz", "task", "ex", "exer", "prob"})  # (a textbook's 'Ex1.6', 'Prob. 3')


def says_question(num: Numbering | None) -> bool:
    """The numbering itself says 'question': '第 3 题', 'Q:', or a wordN whose word is a question word."""
    return bool(num and (num.style in ("第N题", "Q:") or num.word in QUESTION_WORDS))


def step(a: Numbering, b: Numbering) -> float:
    """How well b follows a in a sequence: 1 for the next number (or the next lettered part of
    the same one: 17a → 17b), 0.5 for a restart at 1 (a new group), else 0."""
    if a.number is None or b.number is None:
        return 0.0
    if b.number == a.number + 1 or (b.number == a.number and b.part and b.part > a.part):
        return 1.0
    return 0.5 if b.number == 1 else 0.0


_DATE_RE = re.compile(r"(?:19|20)\d\d([-./年])\d{1,2}(?:\1|月)\d{1,2}日?(?!\d)")
#: A version a line opens with, its last part a wildcard: '3.x数据库关键字如何处理？', '2.X 升级'.
_VERSION_RE = re.compile(r"[vV]?\d+(?:\.\d+)*\.[xX](?![A-Za-z])")


def numbering(text: str, any_word: bool = False, heading: bool = False) -> Numbering | None:
    """The numbering a line opens with, if any (the text is taken without its bold marks); with
    `any_word`, any word before a number counts as a question word ('Drill 26.': an author's
    pattern named it). A heading's text (`heading`) may also be its number alone (`#### 07` over
    the question, `#### 49 *`: what it asks is the text under it), or name its series before a
    question word and its number (`## Python Quiz 0001`, `# CKAD – Q01: …`, `## Java 面试题 3`):
    numbered as `Quiz 1` is, the series' name, the same on each, no words of the title."""
    text = text.strip()
    if _DATE_RE.match(text) or _VERSION_RE.match(text):
        return None  # '2021.12.31 技术分享', '2024-05-01 …': a date; '3.x …' a version: no question's number
    styles = _NUMBERING + ((("wordN", _ANY_WORD_N_RE),) if any_word else ())
    for style, pattern in styles:
        m = pattern.match(text)
        if not m:
            continue
        if style == "N.N":
            number = int(re.split(r"[.-]", m["pre"] or m["pre2"] or m["pre3"])[-1])
            return Numbering(style, number, "", text[m.end():].strip())
        raw = m["n"].rsplit(".", 1)[-1]  # 'Exercise 4.12': the 12th exercise of chapter 4
        number = cjk_number(raw) if not raw.isdigit() else int(raw)
        if number is None:
            continue
        if style == "N " and not re.search(r"[\w\u4e00-\u9fff]", text[m.end():]):
            continue
        word = (m.groupdict().get("word") or "").lower().rstrip(".")
        rest = text[m.end():].strip()
        rest = re.sub(r"^(\*\*|__)\s*", "", rest) if text.startswith(("**", "__")) else rest
        return Numbering(style, number, word, rest, (m.groupdict().get("part") or "").lower())
    if heading:  # (after the styles: '#### 100.' is numbered 'N.' as its siblings are)
        if bare := _BARE_NUMBER_RE.match(text):
            return Numbering("N ", int(bare["n"]), "", "")
        if (named := _NAMED_SERIES_RE.match(text)) and not _INTERROGATIVE_RE.match(text) \
                and (inner := numbering(text[named.end():])) and says_question(inner) and inner.number is not None:
            return inner
    m = _QPREFIX_RE.match(text)
    if m:
        return Numbering("Q:", None, "q", text[m.end():].strip())
    return None


@dataclass(frozen=True)
class Shape:
    """What a block's first line looks like."""

    box: str  # "h1".."h6", "p", "item", "quote", "html", "hr", "table", "fence", "code", "list", "other"
    bold: str  # "whole" (the line is bold), "prefix" (only the number/label is), "" (none)
    numbering: Numbering | None
    label_kind: str  # "question", "answer", "explanation" or "" (a label word the vocabulary knows)
    title: str  # the text that would be the question's title
    asking: bool
    toc: bool = False  # the line only links to a place in the document (a table of contents entry)
    front: bool = False  # a paragraph right above this document's divider line (`dividers.py`): a card's front
    tag: str = ""  # a rating tag the line opens with ('[E]', '[Medium]', '【简单】'): `RATING_TAG_RE`

    @property
    def style(self) -> str:
        return self.numbering.style if self.numbering else ""


def first_line(el: Element) -> str:
    """The element's first line; for a paragraph wrapped whole in bold over several lines ('** 1-
    What do we do … if' / 'statement … true? **'), all of it, as one line: the bold line a person
    sees, written wrapped (`wrapped_bold`)."""
    return " ".join(x.strip() for x in el.text.split("\n")) if wrapped_bold(el) else el.text.split("\n", 1)[0].strip()


def wrapped_bold(el: Element) -> bool:
    """A paragraph of several lines that is one bold span from its first line to its last."""
    first, _, rest = el.text.partition("\n")
    return el.kind == "paragraph" and bool(rest) and bool(_BOLD_OPEN_RE.match(first)) \
        and not _BOLD_WHOLE_RE.match(first.strip()) \
        and bool(_BOLD_WHOLE_RE.match(" ".join(x.strip() for x in el.text.split("\n"))))


_BOLD_OPEN_RE = re.compile(r"^\s*(?:\*\*|__)")


_HTML_HEADING_RE = re.compile(r"^\s*<h(?P<level>[1-6])\b[^<>]*>(?P<text>.*?)(?:</h[1-6]>|$)", re.I)
DEFINITION_RE = re.compile(r"^:\s+\S")
_DETAILS_RE = re.compile(r"^\s*(?:<(?:b|strong|p|div)\b[^<>]*>\s*)*<details\b[^<>]*>\s*(?:<summary\b[^<>]*>(?P<summary>.*))?$", re.I)
_SUMMARY_RE = re.compile(r"^\s*<summary\b[^<>]*>(?P<summary>.*)$", re.I)


def summary_text(lines: list[str], start: int) -> str | None:
    """The first line of text of the `<summary>` of the `<details>` opened at line `start`
    (0-based), without tags; None when the line opens no `<details>` with a summary."""
    m = _DETAILS_RE.match(lines[start]) if start < len(lines) else None
    if not m:
        return None
    rest = m["summary"]
    if rest is None:
        nxt = next((k for k in range(start + 1, min(start + 3, len(lines))) if lines[k].strip()), None)
        m2 = _SUMMARY_RE.match(lines[nxt]) if nxt is not None else None
        if not m2:
            return None
        rest = m2["summary"]
        start = nxt
    if not re.sub(r"<[^>]+>", "", rest.split("</summary>")[0]).strip() and "</summary>" not in rest:
        # '<summary>' alone on its line, its text on the next ones
        more = [lines[k] for k in range(start + 1, min(start + 4, len(lines)))]
        text = " ".join(more)
        rest = text.split("</summary>")[0] if "</summary>" in text else ""
    return re.sub(r"<[^>]+>", "", rest.split("</summary>")[0]).strip()


def details_close(lines: list[str], start: int) -> int | None:
    """The 0-based line that closes the `<details>` opened at line `start` (nested ones counted)."""
    depth = 0
    for k in range(start, len(lines)):
        depth += len(re.findall(r"<details\b", lines[k], re.I))
        closes = len(re.findall(r"</details\s*>", lines[k], re.I))
        depth -= closes
        if closes and depth <= 0:
            return k
    return None


#: `!!! question "Title"`, `??? answer`, `???+ faq "Title"` (MkDocs) and `::: details Title` (VuePress…)
ADMONITION_RE = re.compile(r'^(?P<mark>!!!|\?\?\?\+?|:::+)\s*(?P<type>[\w-]+)\s*'
                           r'(?:(?:[\w-]+\s+)*"(?P<quoted>[^"]*)"|(?P<title>[^"]*?))\s*$')
_ANSWER_TYPES = {"answer", "success", "tip", "note", "solution", "hint", "check", "details", "info", "答案", "解答"}


#: A question's number written as a link to its answer ('**[1](vol1_ch01.md#ques1_1a).** Which …').
LINKED_NUMBER_RE = re.compile(r"^(?P<lead>(?:\*\*|__)?\s*)\[(?P<n>\d{1,4})\]\([^()\s]{1,500}\)(?=\s*(?:\*\*|__)?\s*[.．、)])")


#: A line that is one link leading nowhere ('[[0.数据库范式有哪些？]]()': an empty target, its words maybe in
#: a wiki link's brackets): the reader sees its words, '[0.数据库范式有哪些？]', and nothing to follow.
_NOWHERE_LINK_RE = re.compile(r"^(?P<lead>(?:\*\*|__)?)\[(?:\[(?P<wiki>[^\[\]]{1,500})\]|(?P<words>[^\[\]]{1,500}))\]\(\s*\)"
                              r"(?P<tail>(?:\*\*|__)?)\s*$")


def nowhere_link_words(line: str) -> str:
    """The line as its reader sees it when it is one link that leads nowhere (its words, the wiki
    link's brackets aside); else the line as it is."""
    m = _NOWHERE_LINK_RE.match(line)
    if not m or m["lead"] != m["tail"]:
        return line
    return f"{m['lead']}{(m['wiki'] or m['words']).strip()}{m['tail']}"


def shape_of(el: Element, labels: Labels = DEFAULT, lines: list[str] | None = None, numbered: bool = True) -> Shape:
    """The shape of one element's first line; with `numbered` False, a number it opens with is a
    word of its title (`counted_titles`)."""
    if el.kind == "paragraph" and (m := ADMONITION_RE.match(first_line(el))):
        title = unbold((m["quoted"] if m["quoted"] is not None else m["title"]) or "")
        kind = m["type"].lower()
        said = labels.heading(title) if title else None
        # a tip or note box asks only when its title is written as a question: '!!! tip "How to drill"'
        # titles advice (a question word without '?'), '??? tip "Why does it fail?"' may hide an answer
        if (kind in _ANSWER_TYPES and not question_mark(title)) or (said and said.kind != "question"):
            return Shape("adm", "", None, "answer", title, False)  # the answer of the question before it
        if kind in ("question", "faq", "quiz", "q", "exercise", "problem", "example", "abstract") or asks(title):
            return Shape("adm", "", numbering(title), "", title, True if kind != "example" else asks(title))
        return Shape("adm", "", None, "", title, False)
    if el.kind in ("html", "paragraph") and lines is not None and summary_text(lines, el.start) is not None:
        summary = summary_text(lines, el.start) or ""
        said = labels.heading(summary)
        if said and said.kind != "question":
            return Shape("html", "", None, "answer", summary, False)  # <summary>Answer</summary>
        title = unbold(said.rest if said and said.rest else summary)
        num = numbering(title)
        return Shape("details", "", num, "", title, asks(num.title if num else title))
    if el.kind == "html" and lines is not None and (m := _HTML_HEADING_RE.match(lines[el.start])):
        own = " ".join(lines[el.start:el.own_end])  # '<h3 name="x">⏎  Question?⏎</h3>'
        whole = re.match(r"\s*<h[1-6]\b[^<>]*>(?P<text>.*?)(?:</h[1-6]>|$)", own, re.I | re.S)
        text = " ".join(re.sub(r"<[^>]+>", "", whole["text"] if whole else m["text"]).split())
        box, line = f"h{m['level']}", text
    elif el.kind == "html" and lines is not None and (said := labels.paragraph(lines[el.start])) \
            and lines[el.start].lstrip().startswith("<!--"):
        return Shape("p", "", None, said.kind, "", False)  # '<!-- QUESTION -->': a label in a comment
    elif el.kind == "html":
        return Shape("html", "", None, "", "", False)
    elif el.kind == "quote" and lines is not None and 0 <= el.start < len(lines):
        # '> **Q:** What is X?' then '> **A:** …' in the same quote: a quoted question and its answer
        line = unwrapped_quote(lines[el.start].lstrip())  # (indented under a list item: `quoted.py`)
        label = labels.paragraph(line)
        if label is None or label.kind != "question" or not label.rest:
            # '> 第 152 题：…' after a date line: a question numbered as one, quoted (its paragraph twin's shape)
            num = numbering(unbold(line))
            if num is not None and num.number is not None and num.title:
                # '> 第 152 题：…' (its paragraph twin's sequence), '> 1 - Which …?' (a quiz's questions quoted)
                return Shape("quote", "", num, "", unbold(num.title), asks(num.title))
            return Shape("quote", "", None, "", "", False)
        title = unbold(label.rest)
        num = numbering(unbold(line))  # '> 问题2：…', '>>Q1: …<<': the label carries the question's number
        return Shape("quote", "", num if num and num.style == "wordN" else None, "question", title, asks(title))
    elif el.kind == "heading":
        box = f"h{el.level}"
        line = el.text.strip()
    elif el.kind in ("paragraph", "item"):
        box = "p" if el.kind == "paragraph" else "item"
        line = first_line(el)
        if el.kind == "paragraph" and lines is not None and el.own_end - el.start == 1 and el.end < len(lines) \
                and not DEFINITION_RE.match(line) \
                and DEFINITION_RE.match(next((x for x in lines[el.start + 1:el.end + 1] if x.strip()), "")):
            box = "dt"  # a definition list's term: 'What is it?' then ': It is …'
    else:
        return Shape(el.kind, "", None, "", "", False)
    bold = ""
    line = DECOR_RE.sub("", line, count=1)  # '## ✅ **1. What is …?**': numbered and bold under its emoji
    line = LINKED_NUMBER_RE.sub(r"\g<lead>\g<n>", line, count=1)  # '**[1](ch01.md#q1).** …': the number, linked
    line = nowhere_link_words(line)  # '[[0.数据库范式有哪些？]]()': a link to nowhere is its words
    text = line
    if box == "item" and (h := ATX_HEADING_RE.match(line)):
        # '1. ### What is X?': a heading inside the list item — its form is the heading's, apart from
        # the list's plain items (an answer's steps); its text is the heading's
        bold, line = f"h{len(h['marks'])}", h["text"]
        text = line
    elif m := _BOLD_WHOLE_RE.match(line):
        bold, text = "whole", m["inner"].strip()
    elif m := _BOLD_PREFIX_RE.match(line):
        inner = m["inner"].strip()
        if numbering(inner) or labels.paragraph(line):
            bold, text = "prefix", f"{inner} {m['rest']}"
    label = labels.heading(text) if box[:1] == "h" else labels.paragraph(line)
    label_kind = label.kind if label else ""
    num = numbering(text, heading=box[:1] == "h") if numbered else None
    if num is None and numbered and box[:1] == "h" and (linked := linked_title(text)) and (inner := numbering(linked[0])):
        # '# [3. WebSocket的工作原理](https://…/video)': the number is read inside the link that makes
        # the whole heading; the title keeps the link as written (its words are the link's)
        num = Numbering(inner.style, inner.number, inner.word, text, inner.part)
    if num and num.style == "Q:" and label_kind not in ("", "question"):
        num = None
    if num and num.style in ("N ", "N.N") and el.kind == "item" and el.level:
        num = None  # '10. 3 coins are tossed…', '2. 1.5 kg of…': the list's number is the numbering, the rest is text
    if num is None and el.kind == "item" and el.level:  # '3. …': the list's own number
        num = Numbering("N.", el.level, "", text)
    title = num.title if num else (label.rest if label and label.kind == "question" else text)
    title = unbold(title)
    front = bool(box == "p" and lines is not None and labels.dividers and el.own_end < len(lines)
                 and labels.dividers.get(lines[el.own_end].strip()) == "answer")
    return Shape(box, bold, num, label_kind, title, asks(title) or front, bool(_TOC_RE.match(line)), front,
                 rating_tag(title))


def counted_titles(elements: list[Element], shapes: list[Shape], labels: Labels = DEFAULT,
                   lines: list[str] | None = None) -> list[Shape]:
    """The shapes, with a number that starts no sequence read as a word of its heading's title:
    '## 7 Wonders of the World' among unnumbered '## Oldest known written language?' cards,
    '#### 3 worst defects', '#### 10 years' among unnumbered topic headings. Only for numbers
    written bare ('N ', no '.' or '、' after them), at a heading level whose other headings are
    unnumbered, at least twice as many, and when no two of those numbers follow one another
    (`## 1 Introduction`, `## 2 Setup` are numbered sections)."""
    by_box: dict[str, list[int]] = {}
    for i, sh in enumerate(shapes):
        if sh.box[:1] == "h" and sh.box[1:].isdigit() and elements[i].kind == "heading":
            by_box.setdefault(sh.box, []).append(i)
    out = list(shapes)
    for idx in by_box.values():
        bare = [i for i in idx if shapes[i].numbering and shapes[i].numbering.style == "N "]
        plain = [i for i in idx if not shapes[i].numbering]
        if not bare or len(bare) + len(plain) < len(idx) or len(plain) < max(2, 2 * len(bare)):
            continue  # other numbering at this level, or too few unnumbered siblings to tell
        nums = [shapes[i].numbering for i in bare]
        if any(step(a, b) >= 1.0 for a, b in zip(nums, nums[1:])):
            continue
        for i in bare:
            out[i] = shape_of(elements[i], labels, lines, numbered=False)
    return out


#: A short bracketed tag a question line opens with, rating it or saying its kind: '[E] Why …?',
#: '[Medium] …', '【简单】…', '(Easy) …' — a word (or up to three CJK characters, or stars), never a
#: task box ('[x]'), a number ('(1)') or a link ('[text](url)').
RATING_TAG_RE = re.compile(r"^(?:\[(?P<a>[A-Za-z]{1,8}|[\u4e00-\u9fff]{1,3}|[★☆*]{1,5})\]|【(?P<b>[^】\d]{1,6})】|"
                           r"[(（](?P<c>[A-Za-z]{2,8}|[\u4e00-\u9fff]{1,3})[)）])(?!\()\s*(?=\S)")


def rating_tag(text: str) -> str:
    """The rating tag `text` opens with ('E' for '[E] Why …?'), or ''."""
    m = RATING_TAG_RE.match(text.strip())
    if not m:
        return ""
    tag = m["a"] or m["b"] or m["c"] or ""
    return "" if tag.lower() == "x" else tag


#: An ATX heading line, or a list item's content that opens with one ('1. ### What is X?'): its
#: marks and its text; a closing run of '#' counts only after a space ('## Learn C#' keeps its '#').
ATX_HEADING_RE = re.compile(r"^ {0,3}(?P<marks>#{1,6})[ \t]+(?P<text>.*?)(?:[ \t]+#+)?[ \t]*$")

#: A line that only links to an anchor of the document: `[1. Title](#1-title)`, `<a href="#7">…</a><br/>`.
_TOC_RE = re.compile(r"""^\s*(?:\*\*)?(?:\[[^\]]{0,500}\]\(#[^)]{0,500}\)|<a\s[^>]*href\s*=\s*["']?#[^<>]*>.{0,500}?</a>)(?:\*\*)?\s*"""
                     r"(?:<br\s*/?>)?\s*$", re.I)


#: The shape of a line of an answer key (`answerkey.py`): never a question, and it closes the unit before it.
KEY_SHAPE = Shape("key", "", None, "", "", False)


def numbering_only(title: str) -> bool:
    """The title says only which question this is ('**Question 7**', 'Q7', '题目 3', '第 3 题'):
    what it asks is the text under it."""
    text = re.sub(r"^[\W_]+|[\W_]+$", "", title.strip())
    num = numbering(text) if text else None
    return bool(num and num.number is not None and num.style in ("第N题", "wordN") and says_question(num)
                and not re.search(r"\w", num.title))


_PLACEHOLDER_WORD = "|".join(re.escape(w) for w in sorted(PLACEHOLDER_WORDS, key=len, reverse=True))
_PLACEHOLDER_RE = re.compile(rf"^(?:(?:{_PLACEHOLDER_WORD})(?![a-z])|x{{2,}}|_{{3,}}|\?{{2,}}|？{{2,}})"
                             rf"(?:\s*(?:{_PLACEHOLDER_WORD})(?![a-z])|\s*x{{2,}}|\s*_{{3,}})*$", re.I)
_PUNCT_RE = re.compile(r"[\s*`>#|:：.。,，;；!！()（）\[\]【】{}<>\-–—~…、]+")


#: An answer's own label before its text, in a list item or not: '- Answer:', '答案：', '**A:**'.
_ANSWER_LEAD_RE = re.compile(r"^(?:[-*+]\s+|\d+[.)]\s+)?(?:\*\*)?(?:" + "|".join(
    re.escape(w) for w in sorted(next(b for b in BLOCKS if b.name == "answer").labels, key=len, reverse=True))
    + r")\s*(?:\*\*)?\s*[:：]\s*(?:\*\*)?\s*", re.I)
#: A slot to fill in, as a template writes it: a few words in square brackets that say what goes there
#: ('[Expected answer]', '[Your answer here]', '[在此填写答案]'), not a link ('[text](…)'), a task box
#: ('[x]') or a value ('[1, 2, 3]', '[]').
_SLOT_RE = re.compile(r"^\[(?P<words>[^\W\d_][^\[\]\d,;=<>(){}]{2,58})\](?![(\[:])$")


def placeholder_slot(text: str) -> bool:
    """The text is only a slot to fill in: '[Expected answer]', '[Question about key concept]'
    (two words or more, or Chinese words) — what a template says goes there."""
    m = _SLOT_RE.match(text.strip())
    return bool(m) and (len(m["words"].split()) >= 2 or not m["words"].isascii())


def placeholder_text(text: str) -> str | None:
    """`text` (an answer's lines) when it says only that the answer is still to be written:
    'TODO', '待补充。', '（在此填写）', 'xxx', '...', or a template's slot ('- Answer: [Expected answer]')."""
    stripped = text.strip()
    if not stripped or len(stripped) > 60:
        return None
    said = _ANSWER_LEAD_RE.sub("", stripped, count=1) if "\n" not in stripped else stripped
    if placeholder_slot(said):
        return stripped
    core = _PUNCT_RE.sub(" ", said).strip()
    if not core:  # only dots, an ellipsis, dashes: '...', '……'
        return stripped if re.fullmatch(r"[.。…\s]{2,}|…+", stripped) else None
    return stripped if _PLACEHOLDER_RE.match(core) else None
