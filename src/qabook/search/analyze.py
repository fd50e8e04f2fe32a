"""Text → index terms, the same way at build time (here) and in the browser (qasearch.js).

Chinese runs become overlapping character bigrams (自注意力 → 自注 注意 意力), so a query is
split exactly as the index was, any substring of two or more characters matches, and no
dictionary is needed in the browser. Latin letters and digits form lowercase words with a
plural -s removed. NFKC folds full-width forms, so （NLP） and gpu、tpu split into words.
The index also holds each Chinese character alone (`index_terms`), so a one-character query
(模) finds the pages that hold it; a query never produces a lone character from a longer run.
"""

from __future__ import annotations

import re
import unicodedata

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
TOKEN_RE = re.compile(rf"[{CJK}]+|[a-z0-9]+")


def stem(word: str) -> str:
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def analyze(text: str) -> list[str]:
    """Terms in order, with repeats (term frequencies count them)."""
    text = unicodedata.normalize("NFKC", text).lower()
    out: list[str] = []
    for m in TOKEN_RE.finditer(text):
        token = m.group()
        if "a" <= token[0] <= "z" or token[0].isdigit():
            out.append(stem(token))
        elif len(token) == 1:
            out.append(token)
        else:
            out.extend(token[i:i + 2] for i in range(len(token) - 1))
    return out


def index_terms(text: str) -> list[str]:
    """The terms indexed for a text: `analyze` plus every character of each Chinese run of two or more."""
    out = analyze(text)
    for m in TOKEN_RE.finditer(unicodedata.normalize("NFKC", text).lower()):
        token = m.group()
        if len(token) > 1 and not ("a" <= token[0] <= "z" or token[0].isdigit()):
            out.extend(token)
    return out


def shard_of(term: str, shards: int) -> int:
    """FNV-1a over code points, as in qasearch.js (Math.imul)."""
    h = 0x811C9DC5
    for ch in term:
        h ^= ord(ch)
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h % shards
