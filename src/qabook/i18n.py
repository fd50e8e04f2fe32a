"""Interface text per book language: the one home of every string qabook shows a reader.

Each language is one file, `locales/<code>.json`, a flat mapping of keys to text; `{name}`
placeholders are filled with `str.format`. A value may also be a mapping of plural forms
(`{"one": "{n} question", "other": "{n} questions"}`), chosen by the `n` value. The book's language is `theme.language` in
mkdocs.yml (as Material reads it); a language without a file falls back to English, and a key
missing from a language falls back to English too, so adding a language is one file.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any
from importlib import resources

FALLBACK = "en"


def _code(language: str | None) -> str:
    """'zh-Hans', 'zh_TW', 'ZH' → 'zh'; None or '' → the fallback."""
    return (language or FALLBACK).replace("_", "-").split("-")[0].lower()


@lru_cache(maxsize=None)
def _load(code: str) -> dict[str, Any]:
    path = resources.files("qabook.locales").joinpath(f"{code}.json")
    if not path.is_file():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def available() -> list[str]:
    """The language codes that have a file."""
    return sorted(p.name[:-5] for p in resources.files("qabook.locales").iterdir() if p.name.endswith(".json"))


@lru_cache(maxsize=None)
def _merged(code: str) -> dict[str, Any]:
    """A language's file over English's, plural forms kept."""
    return {**_load(FALLBACK), **_load(code)}


@lru_cache(maxsize=None)
def strings(language: str | None) -> dict[str, str]:
    """Every interface string for `language`, English filling any gap (plural forms: 'other')."""
    return {k: (v.get("other", "") if isinstance(v, dict) else v) for k, v in _merged(_code(language)).items()}


def t(language: str | None, key: str, **values: object) -> str:
    """One interface string, with its placeholders filled."""
    raw = _merged(_code(language)).get(key, key)
    if isinstance(raw, dict):
        raw = raw.get("one" if values.get("n") == 1 else "other", raw.get("other", key))
    return raw.format(**values) if values else raw
