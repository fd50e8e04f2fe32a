"""Numbered question headings, some of which are wholly a link to a video or an article that
answers them ('# [3. How does a WebSocket handshake work?](https://…)') (issue 14 item 1). A person
reads the number inside the link as the question's number: those entries are questions in the
sequence like their neighbours, not text left on the chapter page or inside the answer before them.
"""

from __future__ import annotations

from pathlib import Path

from conftest import import_document, page_block

NOTES = """# 1. What is a WebSocket?

A full-duplex channel over one TCP connection, opened by an HTTP upgrade.

# 2. How does it differ from long polling?

The server pushes frames whenever it wants; no request is held open per message.

# [3. The opening handshake, step by step](https://videos.example.org/ws-handshake)

Watch from minute 5: the Upgrade and Sec-WebSocket-Key headers.

# 4. How are dead connections noticed?

With ping and pong frames sent on a timer.

# [5. Reconnecting after a dropped connection](https://blog.example.org/ws-reconnect)

Back off exponentially and resubscribe to what it had.

# 6. Can a proxy break WebSockets?

Yes: one that does not forward the Upgrade header ends the handshake.
"""


def test_a_numbered_heading_that_is_a_link_is_a_question_of_the_sequence(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "ws.md", NOTES)
    assert r.returncode == 0, r.stdout + r.stderr
    assert len(pages) == 6, [p.name for p in pages]
    assert "opening handshake, step by step" in pages[2].read_text(encoding="utf-8")
    assert "Sec-WebSocket-Key" in page_block(pages[2], "answer")  # its own answer, not question 2's
    assert "minute 5" not in page_block(pages[1], "answer")
    assert "https" not in pages[2].name  # the page is named by the words, not the address
