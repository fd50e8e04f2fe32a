"""Which lines Python-Markdown takes as raw HTML blocks, so the checker skips what the site hides.

Python-Markdown's own HTML block extractor runs over the page (code fences blanked first, as
pymdownx.superfences stashes them before it); each raw block it stores — a comment, or a
block-level tag such as `<div>` up to its end tag (or the end of the page) — is recorded as a
span of lines. `///` fences inside such a span are not seen by the renderer.
"""

from __future__ import annotations

from dataclasses import dataclass

import markdown
from markdown.htmlparser import HTMLExtractor


@dataclass(frozen=True)
class RawSpan:
    """A raw HTML block: 0-based first and last line, and what opened it ('<!--', '<div>'…)."""

    first: int
    last: int
    opener: str


class _Recorder(HTMLExtractor):
    """HTMLExtractor that notes the lines of each raw block it stores."""

    def __init__(self, md: markdown.Markdown, line_count: int) -> None:
        super().__init__(md)
        self.line_count = line_count
        self.spans: list[RawSpan] = []
        self._start: tuple[int, str] | None = None

    def _line(self) -> int:
        return self.getpos()[0] - 1

    def handle_starttag(self, tag, attrs):  # noqa: ANN001
        was_raw, line = self.inraw, self._line()
        super().handle_starttag(tag, attrs)
        if self.inraw and not was_raw:
            markdown_attr = any(name == "markdown" for name, _ in attrs)
            self._start = None if markdown_attr else (line, f"<{tag}>")

    def handle_endtag(self, tag):  # noqa: ANN001
        was_raw = self.inraw
        super().handle_endtag(tag)
        if was_raw and not self.inraw and self._start:
            self.spans.append(RawSpan(self._start[0], self._line(), self._start[1]))
            self._start = None

    def handle_empty_tag(self, data, is_block):  # noqa: ANN001
        standalone = not (self.inraw or self.intail) and self.at_line_start() and is_block
        super().handle_empty_tag(data, is_block)
        if standalone:
            line = self._line()
            opener = "<!--" if data.startswith("<!--") else data.split()[0].rstrip(">") + ">"
            self.spans.append(RawSpan(line, line + data.count("\n"), opener))

    def close(self) -> None:
        open_raw = self.inraw and self._start
        start = self._start
        super().close()
        if open_raw and start:
            self.spans.append(RawSpan(start[0], self.line_count - 1, start[1]))


def tags_that_cannot_close_as_text(text: str) -> str:
    """A `<` after the text's last `>` can end no tag, comment or declaration, yet html.parser
    scans to the end from each one (quadratic: `<a ` × 30,000 took a minute): blank them, as
    the renderer's `qabook.safe_markdown` guard stashes them as text. Lines stay where they are."""
    last = text.rfind(">")
    tail = text[last + 1:]
    return text if "<" not in tail else text[:last + 1] + tail.replace("<", " ")


def raw_html_spans(lines: list[str], first: int, code: set[int]) -> list[RawSpan]:
    """Raw HTML blocks of a page's lines from 0-based `first` on (front matter before it);
    fenced code lines (`code`) stand in as plain text. Never raises: on a failure, no spans."""
    text = "\n".join("" if i < first else "qabook" if i in code else line for i, line in enumerate(lines))
    if "<" not in text:
        return []
    text = tags_that_cannot_close_as_text(text)
    recorder = _Recorder(markdown.Markdown(), len(lines))
    try:
        recorder.feed(text)
        recorder.close()
    except Exception:  # noqa: BLE001 - html.parser on hostile input; the check goes on without
        return []
    return recorder.spans
