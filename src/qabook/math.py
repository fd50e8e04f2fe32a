"""Formulas rendered at build time: LaTeX from pymdownx.arithmatex → inline SVG (ziamath).

No JavaScript and no CDN: the site and the PDFs show the same formulas, offline and printed.
A formula ziamath cannot typeset stays as its TeX source, marked, and is reported.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from qabook.staging import atomic_file

ARITHMATEX_RE = re.compile(r'<(span|div) class="arithmatex">(.*?)</\1>', re.S)
_DELIMS = ((r"\(", r"\)"), (r"\[", r"\]"), ("$$", "$$"), ("$", "$"))


@dataclass
class MathResult:
    html: str
    failures: list[str] = field(default_factory=list)  # TeX that could not be typeset


def _strip(tex: str) -> str:
    tex = tex.strip()
    for left, right in _DELIMS:
        if tex.startswith(left) and tex.endswith(right) and len(tex) >= len(left) + len(right):
            return tex[len(left):len(tex) - len(right)].strip()
    return tex


#: A path's data, token by token: a command letter or a number.
_PATH_TOKEN_RE = re.compile(r"[MmLlHhVvCcSsQqTtAaZz]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_PATH_D_RE = re.compile(r'(<path d=")([^"]*)(")')


def _tight_path(d: str) -> str:
    """The same path data in fewer bytes: no space around a command letter or before a minus
    sign, no leading zero ("M 0.63 -2.34 L 5 0" → "M.63-2.34L5 0"); every number and command
    kept as written, in order."""
    out: list[str] = []
    after_number = False
    for token in _PATH_TOKEN_RE.findall(d):
        if token[0].isalpha():
            out.append(token)
            after_number = False
            continue
        minus = token[0] == "-"
        body = token.lstrip("+-")
        if body.startswith("0.") and len(body) > 2:
            body = body[1:]
        if after_number and not minus:
            out.append(" ")
        out.append("-" + body if minus else body)
        after_number = True
    return "".join(out)


def tight_svg(svg: str) -> str:
    """A formula's SVG with its path data written tightly (a sixth fewer bytes: formulas are
    repeated in the page, its chapter's print page and study mode's cards)."""
    svg = _PATH_D_RE.sub(lambda m: m.group(1) + _tight_path(m.group(2)) + m.group(3), svg)
    return svg.replace('" />', '"/>')


@lru_cache(maxsize=4096)
def _svg(tex: str, display: bool, color: str, size: float) -> str | None:
    """One formula's SVG, or None if ziamath cannot typeset it; cached, since books repeat
    formulas and typesetting one takes tens of milliseconds to half a second: in this process,
    and on disk for the build's other workers and the next build (`_disk`)."""
    where = _disk(tex, display, color, size)
    if where is not None:
        try:
            return where.read_text(encoding="utf-8") or None  # (empty: ziamath could not typeset it)
        except (OSError, UnicodeDecodeError):
            pass
    svg = _typeset(tex, display, color, size)
    if where is not None:
        try:
            where.parent.mkdir(parents=True, exist_ok=True)
            with atomic_file(where) as part:  # whole or not at all: a worker reading it meanwhile sees none
                part.write_text(svg or "", encoding="utf-8")
        except OSError:
            pass  # no cache this time; the formula is typeset
    return svg


def _typeset(tex: str, display: bool, color: str, size: float) -> str | None:
    import ziamath

    ziamath.config.math.color = color
    try:
        return tight_svg(ziamath.Latex(tex, size=size, inline=not display).svg())
    except Exception:  # noqa: BLE001 - any TeX ziamath cannot typeset stays readable as source
        return None


def _disk(tex: str, display: bool, color: str, size: float) -> Path | None:
    """The formula's file in the user's cache folder (`$XDG_CACHE_HOME/qabook/math`, else
    `~/.cache/qabook/math`; never in the project), named by everything its SVG depends on."""
    versions = _versions()
    if versions is None:
        return None
    key = hashlib.sha256(repr((tex, display, color, float(size), versions)).encode("utf-8")).hexdigest()[:32]
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "qabook" / "math"
    return root / key[:2] / f"{key}.svg"


@lru_cache(maxsize=1)
def _versions() -> tuple[str, ...] | None:
    """qabook's and the typesetter's versions, and this module's own text (how the SVG is
    written: a change typesets anew); None: no disk cache."""
    from importlib.metadata import PackageNotFoundError, version

    from qabook import __version__

    try:
        code = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
        return __version__, version("ziamath"), version("ziafont"), code
    except (PackageNotFoundError, OSError):
        return None


def render_math(fragment: str, color: str = "currentColor", size: float = 17.0,
                language: str | None = None) -> MathResult:
    """Replace every arithmatex span/div with an SVG (role=img, the TeX as its label); a formula
    that cannot be typeset stays as TeX, titled in the book's `language`."""
    if "arithmatex" not in fragment:
        return MathResult(fragment)
    from qabook.i18n import t

    failures: list[str] = []
    why = html.escape(t(language, "math.error"), quote=True)

    def repl(m: re.Match[str]) -> str:
        display = m.group(1) == "div"
        tex = _strip(html.unescape(m.group(2)))
        svg = _svg(tex, display, color, size)
        if svg is None:
            failures.append(tex)
            return f'<code class="qa-math-error" title="{why}">{html.escape(tex)}</code>'
        tag = "div" if display else "span"
        # a line break in the attribute written as '&#10;' (the same value): a tag on one line, as
        # the Anki export's checker (genanki) wants it, which warned of the block's multi-line TeX
        label = html.escape(tex, quote=True).replace("\n", "&#10;")
        return f'<{tag} class="qa-math" role="img" aria-label="{label}">{svg}</{tag}>'

    return MathResult(ARITHMATEX_RE.sub(repl, fragment), failures)
