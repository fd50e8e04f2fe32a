"""Text → index terms, the same way at build time (here) and in the browser (qasearch.js).

Chinese runs become overlapping character bigrams (自注意力 → 自注 注意 意力), so a query is
split exactly as the index was, any substring of two or more characters matches, and no
dictionary is needed in the browser. Latin letters and digits form lowercase words with a
plural -s removed. NFKC folds full-width forms, so （NLP） and gpu、tpu split into words.
Traditional characters fold to simplified ones (OpenCC's t2s table, one character for one), so
雙向綁定 and 双向绑定 are the same terms; the browser loads the table when a query misses.
The index also holds each Chinese character alone (`index_terms`), so a one-character query
(模) finds the pages that hold it; a query never produces a lone character from a longer run.

Question words and fillers (怎么, 如何, 什么, how, what, the…) are searched like any word but
need not match: `FILLERS_ZH` and `STOPWORDS_EN`, sent to the browser in meta.js.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
TOKEN_RE = re.compile(rf"[{CJK}]+|[a-z0-9]+")

#: Chinese question words and fillers a query may hold without a page holding them; longest first
#: wins in the browser. Single characters only where they are almost never part of a content word.
FILLERS_ZH = ("为什么", "为啥", "为何", "怎么样", "怎么办", "怎么", "怎样", "如何", "什么", "有什么", "是什么",
              "有哪些", "哪些", "哪个", "哪几种", "哪几", "哪里", "请问", "一下", "一个", "这个", "那个", "我们",
              "可以", "应该", "需要", "还是", "或者", "里面", "的时候", "时候", "到底", "一般", "具体", "的", "了", "吗", "呢", "吧", "啊", "呀", "是", "和",
              "与", "及", "在", "或", "我", "你")
#: English question words and fillers (as analysed: plural -s removed).
STOPWORDS_EN = frozenset("""a an the is are was were be been being am do does did doing how what which why when
where who whom whose should would could can will shall may might must i me my we our you your it its this
that these those of to in on for with by at from as or and nor vs versus into about there their them they
he she his her between than then so if some any get gets got use using used there explain describe define
list give tell compare difference differences different meaning way ways work works please""".split())


def stem(word: str) -> str:
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


STOPWORDS = frozenset(stem(w) for w in STOPWORDS_EN) | STOPWORDS_EN


@lru_cache(maxsize=1)
def t2s_table() -> dict[int, str]:
    """Traditional → simplified, one character for one (OpenCC's t2s; data/t2s.tsv)."""
    text = resources.files("qabook.search").joinpath("data", "t2s.tsv").read_text(encoding="utf-8")
    table = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            trad, simple = line.split("\t")
            table[ord(trad)] = simple
    return table


def normalize(text: str) -> str:
    """NFKC, lowercase, traditional characters as simplified: what analysis sees."""
    return unicodedata.normalize("NFKC", text).lower().translate(t2s_table())


def is_latin(token: str) -> bool:
    return "a" <= token[0] <= "z" or token[0].isdigit()


def _terms(text: str, runs: list[str] | None) -> list[str]:
    """analyze's terms; each Chinese run of two or more characters also added to `runs` (if given)."""
    out: list[str] = []
    for token in TOKEN_RE.findall(normalize(text)):
        if is_latin(token):
            out.append(stem(token))
        elif len(token) == 1:
            out.append(token)
        else:
            out += [token[i:i + 2] for i in range(len(token) - 1)]
            if runs is not None:
                runs.append(token)
    return out


def analyze(text: str) -> list[str]:
    """Terms in order, with repeats (term frequencies count them)."""
    return _terms(text, None)


def index_terms(text: str) -> list[str]:
    """The terms indexed for a text: `analyze` plus every character of each Chinese run of two or
    more (after all of analyze's terms; one pass over the text)."""
    runs: list[str] = []
    out = _terms(text, runs)
    for token in runs:
        out += token
    return out


def shard_of(term: str, shards: int) -> int:
    """FNV-1a over code points, as in qasearch.js (Math.imul)."""
    h = 0x811C9DC5
    for ch in term:
        h ^= ord(ch)
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h % shards
