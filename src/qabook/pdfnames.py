"""What the published PDFs are called: after the book and its chapters, so a downloaded file
says what it holds (`damoxing-mianshi-ti-xuexi-zhan-llm.pdf`, not `llm.pdf`).

The book's part keeps whole words, never a word cut short: Latin words as they are (accents
folded, `Café` → `cafe`), each Chinese word as one run of toneless pinyin (segmented by the
search's word list: 大模型面试题学习站 → `damoxing-mianshi-ti-xuexi-zhan`), joined by `-`. The
whole title is kept up to `MAX_STEM` characters; a longer one stops at the last whole word that
fits (file systems take 255 bytes a name). Only `a-z`, `0-9` and `-`: safe on every file system
and in every URL. The chapter's part is its folder's name, already a name on disk.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from qabook.slug import ascii_words, join_words, pinyin

#: The longest book part of a file name, in characters (ASCII): room for a chapter and `.pdf`.
MAX_STEM = 96


def _han_words(run: str) -> list[str]:
    """A run of Chinese characters as its words, each one pinyin run (大模型 → damoxing)."""
    from qabook.search.expand import segment
    from qabook.search.lexicon import zh_words

    return [spelt for word in segment(run, zh_words()) if (spelt := "".join(pinyin(word)))]


def title_words(title: str) -> list[str]:
    """A title's words as file-name words: Latin lower-cased with accents folded, Chinese as pinyin words."""
    folded = "".join(ch for ch in unicodedata.normalize("NFKD", title) if not unicodedata.combining(ch))
    return ascii_words(folded, _han_words)


@lru_cache(maxsize=8)
def book_slug(site_name: str | None, max_len: int = MAX_STEM) -> str:
    """The book's name as a file-name stem: its whole words, as many as fit; 'book' when it has none.
    Kept once worked out: the plugin (at `on_config`, before the page workers fork) and the PDF
    step both ask (segmenting a Chinese name loads the word list)."""
    return join_words(title_words(site_name or ""), max_len) or "book"


def book_pdf(slug: str) -> str:
    return f"{slug}.pdf"


def chapter_pdf(slug: str, chapter_slug: str) -> str:
    return f"{slug}-{chapter_slug}.pdf"
