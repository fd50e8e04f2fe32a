"""Readable, deterministic slugs: ASCII words kept, Chinese turned into toneless pinyin.

"什么是大模型？" → "shen-me-shi-da-mo-xing"; "Transformer 的自注意力" → "transformer-de-zi-zhu-yi-li".
"""

from __future__ import annotations

import re

from pypinyin import lazy_pinyin

_TOKEN_RE = re.compile(r"[A-Za-z0-9]+|[\u3400-\u4dbf\u4e00-\u9fff]+")


def slugify(text: str, max_words: int = 7, max_len: int = 48) -> str:
    words: list[str] = []
    for token in _TOKEN_RE.findall(text):
        if token.isascii():
            words.append(token.lower())
        else:
            words.extend(w.lower() for w in lazy_pinyin(token) if w.isascii() and w.isalnum())
    out: list[str] = []
    for word in words[:max_words]:
        if out and len("-".join(out + [word])) > max_len:
            break
        out.append(word[:max_len])
    return "-".join(out)


def unique(slug: str, taken: set[str]) -> str:
    """slug, or slug-2, slug-3 … whichever is not taken yet (and record it)."""
    candidate, n = slug, 1
    while candidate in taken:
        n += 1
        candidate = f"{slug}-{n}"
    taken.add(candidate)
    return candidate
