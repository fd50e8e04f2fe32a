"""`mkdocs build --strict` aborts after the last event (on_post_build) when anything was logged
as a warning or an error; MkDocs keeps that count to itself. The plugin counts the same records
the same way (a `CountHandler` on the `mkdocs` logger, from on_config on), so that it spends no
PDF time on a build that is going to be thrown away."""

from __future__ import annotations

import logging

from mkdocs.utils import CountHandler


class StrictWatch:
    """The warnings and errors of this strict build so far (none counted when not strict)."""

    def __init__(self) -> None:
        self._handler: CountHandler | None = None

    def start(self, strict: bool) -> None:
        """A new build begins (on_config): count its records if it is strict."""
        self.stop()
        if strict:
            self._handler = CountHandler(level=logging.WARNING)
            logging.getLogger("mkdocs").addHandler(self._handler)

    def stop(self) -> None:
        if self._handler is not None:
            logging.getLogger("mkdocs").removeHandler(self._handler)
            self._handler = None

    @property
    def count(self) -> int:
        """How many warnings and errors MkDocs' strict mode will abort on (0: none, or not strict)."""
        return sum(n for _, n in self._handler.get_counts()) if self._handler is not None else 0
