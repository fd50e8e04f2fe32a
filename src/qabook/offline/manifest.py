"""The web app manifest that makes the book installable: name, colours and icons.

The theme colour is Material's own: the primary colour the book's palette names, read from
Material's palette stylesheet (so every colour Material knows is known here, none listed by
hand). The icon is the theme's logo when it is a picture a browser can install with (SVG, or a
square PNG/WebP of at least 144 px); otherwise it is drawn from the theme's logo icon (a Material
icon, `theme.icon.logo`, Material's own default when unset) on the primary colour, as SVG.
"""

from __future__ import annotations

import json
import re
import struct
from dataclasses import dataclass
from pathlib import Path

#: Material's default primary colour (indigo) and logo icon, when the palette or theme names none.
DEFAULT_PRIMARY = "indigo"
DEFAULT_LOGO_ICON = "material/library"
#: Chromium's smallest installable icon (its installability check asks for 144 px).
MIN_ICON_PX = 144
ICON, MASKABLE_ICON = "assets/qabook/icon.svg", "assets/qabook/icon-maskable.svg"
MANIFEST = "manifest.webmanifest"


@dataclass(frozen=True)
class Colours:
    primary: str  # the header colour, e.g. "#4051b5"
    on_primary: str  # text and icons on it, e.g. "#fff"


@dataclass(frozen=True)
class Icon:
    src: str  # site-relative path
    sizes: str  # "any" (SVG) or "WxH"
    type: str
    purpose: str = "any"


def _first_palette(palette: object) -> dict:
    """theme.palette is one mapping or a list of them (light / dark toggles): the first one."""
    if isinstance(palette, list):
        palette = palette[0] if palette else {}
    return palette if isinstance(palette, dict) else {}


def material_dir() -> Path | None:
    """Material's templates folder, if Material is installed."""
    try:
        import material
    except ImportError:
        return None
    return Path(material.__file__).parent / "templates"


def theme_colours(palette: object, templates: Path | None = None) -> Colours:
    """The primary colour of the book's (first) palette, as Material's stylesheet defines it."""
    name = str(_first_palette(palette).get("primary") or DEFAULT_PRIMARY).strip().lower().replace(" ", "-")
    templates = templates or material_dir()
    css = ""
    if templates is not None:
        css = "".join(p.read_text(encoding="utf-8") for p in sorted(
            (templates / "assets" / "stylesheets").glob("palette.*.css")))
    for candidate in (name, DEFAULT_PRIMARY):
        m = re.search(r"\[data-md-color-primary=" + re.escape(candidate) + r"\]\{([^}]*--md-primary-fg-color:[^}]*)\}", css)
        if m:
            fg = re.search(r"--md-primary-fg-color:(#[0-9a-fA-F]{3,8})", m.group(1))
            bg = re.search(r"--md-primary-bg-color:(#[0-9a-fA-F]{3,8})", m.group(1))
            if fg:
                return Colours(fg.group(1), bg.group(1) if bg else "#fff")
    return Colours("#4051b5", "#fff")  # Material's indigo, when its stylesheet cannot be read


def _png_or_webp_size(data: bytes) -> tuple[int, int] | None:
    if data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR":
        return struct.unpack(">II", data[16:24])
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        kind = data[12:16]
        if kind == b"VP8X":
            w = int.from_bytes(data[24:27], "little") + 1
            h = int.from_bytes(data[27:30], "little") + 1
            return w, h
        if kind == b"VP8 ":
            w, h = struct.unpack("<HH", data[26:30])
            return w & 0x3FFF, h & 0x3FFF
        if kind == b"VP8L":
            bits = int.from_bytes(data[21:25], "little")
            return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    return None


def logo_icon(logo: str | None, docs_dir: Path) -> Icon | None:
    """The theme's logo picture as an install icon, when it can be one (else None)."""
    if not logo or "://" in logo or logo.startswith(("/", "data:")):
        return None
    path = docs_dir / logo
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if logo.lower().endswith(".svg"):
        return Icon(logo, "any", "image/svg+xml")
    size = _png_or_webp_size(data)
    if size and size[0] == size[1] and size[0] >= MIN_ICON_PX:
        return Icon(logo, f"{size[0]}x{size[1]}", "image/png" if data[:4] == b"\x89PNG" else "image/webp")
    return None


def _icon_svg_body(name: str, templates: Path | None) -> tuple[str, float] | None:
    """The inner SVG of a Material theme icon ("material/school") and its viewBox width."""
    if templates is None or not re.fullmatch(r"[\w-]+/[\w-]+", name):
        return None
    try:
        text = (templates / ".icons" / f"{name}.svg").read_text(encoding="utf-8")
    except OSError:
        return None
    m = re.search(r"<svg\b[^>]*viewBox=\"\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\"[^>]*>(.*)</svg>", text, re.S)
    if not m or m.group(1) != m.group(2):
        return None
    return m.group(3), float(m.group(1))


def drawn_icons(icon_name: str | None, colours: Colours, templates: Path | None = None) -> dict[str, str]:
    """Two SVG icons drawn from a Material icon on the primary colour: "any" (a rounded square,
    the glyph at 60 %) and "maskable" (full bleed, the glyph inside the 80 % safe circle)."""
    templates = templates or material_dir()
    body = _icon_svg_body(icon_name or DEFAULT_LOGO_ICON, templates) or _icon_svg_body(DEFAULT_LOGO_ICON, templates)
    if body is None:  # no Material to draw from: a plain square with a book's two pages
        inner, unit = '<path d="M3 5h7a2 2 0 0 1 2 2v12a2 2 0 0 0-2-2H3zm18 0h-7a2 2 0 0 0-2 2v12a2 2 0 0 1 2-2h7z"/>', 24.0
    else:
        inner, unit = body

    def svg(glyph: float, radius: int) -> str:
        scale, offset = glyph / unit, (512 - glyph) / 2
        return ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">'
                f'<rect width="512" height="512" rx="{radius}" fill="{colours.primary}"/>'
                f'<g transform="translate({offset:g} {offset:g}) scale({scale:.6g})" fill="{colours.on_primary}">'
                f"{inner}</g></svg>\n")

    return {ICON: svg(308, 96), MASKABLE_ICON: svg(256, 0)}


def web_manifest(name: str, language: str | None, colours: Colours, icons: list[Icon],
                 description: str = "") -> str:
    """manifest.webmanifest at the site root: start_url and scope are the site itself."""
    short = name
    if len(name) > 12:  # home-screen labels are short: whole words where there are spaces
        cut = name[:13].rsplit(" ", 1)[0] if " " in name[:13] else name[:12]
        short = cut.strip() or name[:12]
    data = {
        "name": name,
        "short_name": short,
        "description": description,
        "lang": language or "en",
        "id": "./",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": colours.primary,
        "icons": [{"src": i.src, "sizes": i.sizes, "type": i.type, "purpose": i.purpose} for i in icons],
    }
    if not description:
        del data["description"]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def head_tags(manifest_href: str, colours: Colours) -> str:
    """What every page's <head> gets: the manifest and the theme colour."""
    return f'<link rel="manifest" href="{manifest_href}"><meta name="theme-color" content="{colours.primary}">'
