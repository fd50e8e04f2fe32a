"""What a built site holds per topic, and what a topic page carries, part by part.

    .venv/bin/python benchmarks/page_parts.py SITE [--topics N]

Two tables, in Markdown:
  - the site's bytes by kind (topic pages, chapter pages, print pages, study cards, search …),
    in total and per topic (N topics: by default the number of topic pages found);
  - a topic page's parts (<head>, header, navigation and in it the chapter's topic links, the
    table of contents, the article, the footer, the scripts at the end; inline SVG icons across
    them), averaged over a sample of topic pages.
Topic pages are those of benchmarks/genbook.py (`cNNN/NNN-…/index.html`); any site can be read,
the tables then hold what matches.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

TOPIC_GLOB = "c[0-9][0-9][0-9]/[0-9][0-9][0-9]-*/index.html"


def _kind(rel: str) -> str:
    """The kind of a site file by its path (site-relative, '/'-separated)."""
    parts = rel.split("/")
    if re.fullmatch(r"c\d{3}", parts[0]):
        if parts[1] == "print":
            return "print pages"
        return "chapter pages" if parts[1] == "index.html" else "topic pages"
    if rel.startswith("search/"):
        return "search index"
    if rel.startswith("assets/qabook/study-cards"):
        return "study cards"
    if rel.startswith("assets/qabook/study-index"):
        return "study index"
    if rel.startswith("assets/qabook/nav/"):
        return "navigation scripts"
    if rel.startswith("assets/qabook/offline.json") or rel == "sw.js":
        return "offline list"
    if rel.startswith("tags"):
        return "tags page"
    if rel.startswith("assets/"):
        return "other assets (fixed)"
    return "other"


def site_table(site: Path, topics: int) -> str:
    sizes: dict[str, list[int]] = {}
    for p in site.rglob("*"):
        if p.is_dir():  # a folder takes a block on disk (a topic's page is its folder's index.html)
            entry = sizes.setdefault("folders", [0, 0, 0])
            entry[0] += 1
            entry[2] += p.lstat().st_blocks * 512
        elif p.is_file():
            st = p.stat()
            entry = sizes.setdefault(_kind(p.relative_to(site).as_posix()), [0, 0, 0])
            entry[0] += 1
            entry[1] += st.st_size
            entry[2] += st.st_blocks * 512
    total = [sum(v[i] for v in sizes.values()) for i in range(3)]
    out = [f"| site ({topics:,} topics) | files (folders) | MB | KB per topic | on disk, KB per topic |",
           "|---|---:|---:|---:|---:|"]
    for kind, (n, size, disk) in sorted(sizes.items(), key=lambda kv: -kv[1][1]):
        out.append(f"| {kind} | {n:,} | {size / 1e6:.2f} | {size / topics / 1e3:.2f} | {disk / topics / 1e3:.2f} |")
    out.append(f"| **all** | {total[0]:,} | {total[1] / 1e6:.2f} | **{total[1] / topics / 1e3:.2f}** "
               f"| {total[2] / topics / 1e3:.2f} |")
    return "\n".join(out)


def _element(html: str, start: int, tag: str) -> tuple[int, int]:
    """(start, end) of the element whose start tag is at `start` (same-name nesting counted)."""
    token = re.compile(rf"<(/?){tag}\b[^>]*>", re.I)
    depth = 0
    for m in token.finditer(html, start):
        depth += -1 if m.group(1) else 1
        if depth == 0:
            return start, m.end()
    return start, len(html)


def _span(html: str, pattern: str, tag: str) -> tuple[int, int] | None:
    m = re.search(pattern, html)
    return _element(html, m.start(), tag) if m else None


def page_parts(html: str) -> dict[str, int]:
    """Bytes (UTF-8) of each part of one topic page ("… " parts are inside the one above;
    "inline SVG icons" cut across the parts, "SVG count" is a count)."""
    def size(a: int, b: int) -> int:
        return len(html[a:b].encode("utf-8"))

    parts: dict[str, int] = {"whole page": size(0, len(html))}
    spans = {
        "<head>": _span(html, r"<head>", "head"),
        "header (site name, palette, search box)": _span(html, r"<header\b", "header"),
        "navigation (primary sidebar)": _span(html, r'<nav class="md-nav md-nav--primary"', "nav"),
        "table of contents (secondary sidebar)": _span(html, r'<div class="md-sidebar md-sidebar--secondary"', "div"),
        "article": _span(html, r"<article\b", "article"),
        "footer": _span(html, r'<footer class="md-footer"', "footer"),
    }
    covered = 0
    for name, span in spans.items():
        parts[name] = size(*span) if span else 0
        covered += parts[name]
        if name.startswith("navigation"):
            parts["… of it, the chapter's other topics"] = _chapter_links(html, span) if span else 0
    footer = spans["footer"]
    scripts = re.findall(r"<script\b.*?</script>", html[footer[1]:] if footer else "", re.S)
    parts["scripts after the footer (config, script tags)"] = sum(len(s.encode("utf-8")) for s in scripts)
    covered += parts["scripts after the footer (config, script tags)"]
    parts["the rest (wrappers, skip link, dialog)"] = parts["whole page"] - covered
    article = spans["article"] or (0, 0)
    svgs = re.findall(r"<svg\b.*?</svg>", html[:article[0]] + html[article[1]:], re.S)
    parts["inline SVG icons (outside the article), across the parts"] = sum(len(s.encode("utf-8")) for s in svgs)
    parts["SVG count"] = len(svgs)
    return parts


def _chapter_links(html: str, nav: tuple[int, int]) -> int:
    """Bytes of the current chapter's list in the navigation, but for the current page's item."""
    chapter = re.search(r'<ul class="md-nav__list"[^>]*data-qa-nav="\d+"[^>]*>', html[nav[0]:nav[1]])
    if not chapter:
        return 0
    a, b = _element(html, nav[0] + chapter.start(), "ul")
    inner = html[a:b]
    here = re.search(r'<li class="md-nav__item md-nav__item--active">', inner)
    own = _element(inner, here.start(), "li") if here else (0, 0)
    return len(inner.encode("utf-8")) - len(inner[own[0]:own[1]].encode("utf-8"))


def page_table(site: Path, sample: int = 200) -> str:
    pages = sorted(site.glob(TOPIC_GLOB))
    if not pages:
        return "(no topic pages found)"
    chosen = pages[:: max(1, len(pages) // sample)]
    totals: dict[str, float] = {}
    for p in chosen:
        for name, n in page_parts(p.read_text(encoding="utf-8")).items():
            totals[name] = totals.get(name, 0) + n
    out = [f"| a topic page (mean of {len(chosen)}) | KB |", "|---|---:|"]
    for name, n in totals.items():
        mean = n / len(chosen)
        out.append(f"| inline SVG icons: how many | {mean:.1f} |" if name == "SVG count" else f"| {name} | {mean / 1e3:.2f} |")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("site", type=Path)
    ap.add_argument("--topics", type=int, help="topics in the book (default: the topic pages found)")
    args = ap.parse_args(argv)
    if not args.site.is_dir():
        print(f"{args.site}: not a folder (a built site was expected)", file=sys.stderr)
        return 2
    topics = args.topics or len(list(args.site.glob(TOPIC_GLOB))) or 1
    print(site_table(args.site, topics))
    print()
    print(page_table(args.site))
    return 0


if __name__ == "__main__":
    sys.exit(main())
