"""Icons outside the article drawn by CSS masks (where the site is the book): the pages keep an
empty `<svg>` of the icon's class (`qabook.compact`), the site one stylesheet with a rule per
icon, written after the build. Pages are rendered in worker processes: each process writes the
rules of the icons it meets first into a folder of the site, which `write` gathers."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from qabook.staging import atomic_file

ICONS_CSS = "assets/qabook/icons.css"
_PARTS = "assets/qabook/icons.parts"  # (gathered into ICONS_CSS, then removed)


class IconMasks:
    def __init__(self) -> None:
        self.rules: dict[str, str] = {}  # class → rule, this process's
        self._written: set[str] = set()

    @staticmethod
    def link(config: MkDocsConfig) -> None:
        config.extra_css.append(ICONS_CSS)

    def note(self, site: Path) -> None:
        """After a page: the rules this process met first, each into a file of its own (atomic)."""
        new = [name for name in self.rules if name not in self._written]
        if not new:
            return
        folder = site / _PARTS
        for name in new:
            try:
                folder.mkdir(parents=True, exist_ok=True)
                with atomic_file(folder / f"{name}.css") as part:
                    part.write_text(self.rules[name] + "\n", encoding="utf-8")
            except OSError:  # the folder gathered meanwhile (a live preview's writer): again after the next page
                continue
            self._written.add(name)

    def write(self, site: Path) -> None:
        """The stylesheet: the rules it held (a live preview's earlier builds), this process's and
        the workers'; sorted, so the same icons give the same bytes."""
        target = site / ICONS_CSS
        rules = {}
        if target.is_file():
            rules.update(_by_class(target.read_text(encoding="utf-8").splitlines()))
        rules.update(self.rules)
        folder = site / _PARTS
        if folder.is_dir():
            for part in sorted(folder.glob("*.css")):  # only those read are removed
                rules.update(_by_class(part.read_text(encoding="utf-8").splitlines()))
                part.unlink(missing_ok=True)
            try:
                folder.rmdir()
            except OSError:  # a part written meanwhile: gathered by the next build
                pass
        target.parent.mkdir(parents=True, exist_ok=True)
        with atomic_file(target) as part:  # a page loading it meanwhile (live preview) reads the old or the new
            part.write_text("".join(rules[k] + "\n" for k in sorted(rules)), encoding="utf-8")
        self._written = set(self.rules)


def _by_class(lines: list[str]) -> dict[str, str]:
    return {line.split("{", 1)[0].removeprefix("svg."): line for line in lines if line.startswith("svg.qa-i-")}
