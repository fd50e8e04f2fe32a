"""Readable, deterministic slugs: ASCII words kept, Chinese turned into toneless pinyin.

"什么是大模型？" → "shen-me-shi-da-mo-xing"; "Transformer 的自注意力" → "transformer-de-zi-zhu-yi-li".
"""

from __future__ import annotations

import re
from typing import Callable

from pypinyin import lazy_pinyin

#: A run of Latin letters and digits, or of Chinese characters: the words a name is made of.
_TOKEN_RE = re.compile(r"[A-Za-z0-9]+|[\u3400-\u4dbf\u4e00-\u9fff]+")


def pinyin(han: str) -> list[str]:
    """Chinese characters as toneless pinyin, a syllable each (大模型 → da, mo, xing)."""
    return [s.lower() for s in lazy_pinyin(han) if s.isascii() and s.isalnum()]


def ascii_words(text: str, han_words: Callable[[str], list[str]] = pinyin) -> list[str]:
    """The words of `text` in ASCII: each run of Latin letters and digits lower-cased (others
    are left out), each run of Chinese characters as `han_words` spells it (by default a word a
    syllable)."""
    words: list[str] = []
    for token in _TOKEN_RE.findall(text):
        words.extend([token.lower()] if token.isascii() else han_words(token))
    return words


def join_words(words: list[str], max_len: int) -> str:
    """Whole words joined by `-`, as many as fit in `max_len` characters; a first word longer
    than that is the only one cut."""
    out: list[str] = []
    for word in words:
        if out and len("-".join(out + [word])) > max_len:
            break
        out.append(word[:max_len])
    return "-".join(out)


def slugify(text: str, max_words: int = 7, max_len: int = 48) -> str:
    return join_words(ascii_words(text)[:max_words], max_len)


def unique(slug: str, taken: set[str]) -> str:
    """slug, or slug-2, slug-3 … whichever is not taken yet (and record it)."""
    candidate, n = slug, 1
    while candidate in taken:
        n += 1
        candidate = f"{slug}-{n}"
    taken.add(candidate)
    return candidate
