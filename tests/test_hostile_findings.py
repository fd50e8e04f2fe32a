"""A hostile page (the second trial's): the live preview's box, the log and `qabook build`
report the same findings, every removal located at its own tag."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import empty_book, qabook

HOSTILE = """---
id: hostile
---

# Is this page safe?

/// question
Is this safe? <script>alert(1)</script>

<img src=x onerror=alert(2)>
///

/// answer
Click [here](javascript:alert(3)) or <a href="jav&#x61;script:alert(4)">there</a>.

<iframe src="https://example.org/" onload="alert(5)">frame text</iframe>

<svg onload="alert(7)"><circle r="5"/></svg>

<p onclick="alert(11)">para</p>
///

/// explanation
<style>.answer{display:none}</style>
///
"""


def hostile_book(root: Path) -> Path:
    empty_book(root)
    ch = root / "docs" / "ch"
    ch.mkdir()
    (ch / "index.md").write_text("# Chapter\n\n- [Hostile](01-hostile.md)\n", encoding="utf-8")
    (ch / "01-hostile.md").write_text(HOSTILE, encoding="utf-8")
    return root


def qa070_lines(text: str) -> list[str]:
    return re.findall(r"01-hostile\.md:(\d+:\d+): QA070", text)


def test_svg_event_attribute_is_reported_at_the_svg(tmp_path: Path) -> None:
    root = hostile_book(tmp_path)
    r = qabook("build", "--no-pdf", cwd=root)
    assert r.returncode == 1
    found = qa070_lines(r.stdout)
    assert "18:6" in found, r.stdout  # <svg onload=…>: its own line, not the iframe's onload
    assert len(found) == len(set(found)), r.stdout


def test_preview_box_after_a_rebuild_shows_what_the_log_shows(tmp_path: Path) -> None:
    """`mkdocs serve` builds again in the same process after a save: the second build's box
    and log still hold every QA070 (the last page MkDocs rendered does not switch the check's
    sanitiser off)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    root = hostile_book(tmp_path)
    boxes = []
    for _ in range(2):  # first build, then the rebuild after a save
        config = load_config(str(root / "mkdocs.yml"))
        config.plugins.on_startup(command="serve", dirty=False)
        build(config)
        plugin = config.plugins["qabook"]
        logged = sorted(str(d) for d in plugin.findings.get("ch/01-hostile.md", []))
        page = (Path(config.site_dir) / "ch" / "01-hostile" / "index.html").read_text(encoding="utf-8")
        box = re.search(r'<div class="admonition danger qa-findings".*?</div>', page, re.S)
        assert box, page[:2000]
        boxes.append((logged, box.group(0)))
    for logged, box in boxes:
        assert sum("QA070" in d for d in logged) >= 7, logged
        assert f"{len(logged)} error(s) on this page" in box
    assert boxes[0] == boxes[1]


def test_plugin_and_cli_report_the_same_html_findings(tmp_path: Path) -> None:
    """`mkdocs build --strict` (the plugin) and `qabook build` name the same QA070/QA071 at the
    same places; a <script> closed on its own line is no stray </script>."""
    import subprocess
    import sys

    root = hostile_book(tmp_path)
    cli = qabook("build", "--no-pdf", cwd=root)
    plugin = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=root,
                            capture_output=True, text=True)
    pick = lambda text: sorted(set(re.findall(r"01-hostile\.md:\d+:\d+: QA07\d[^\n]*", text)))  # noqa: E731
    assert pick(cli.stdout) and pick(cli.stdout) == pick(plugin.stdout + plugin.stderr), (cli.stdout, plugin.stderr)
    assert "stray </script>" not in plugin.stdout + plugin.stderr + cli.stdout
