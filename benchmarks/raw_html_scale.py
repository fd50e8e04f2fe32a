"""Hostile and large raw HTML: check, import and render time for a 1 MB page of tags.

Each shape is repeated to about 1 MB inside an answer; the figures are seconds (CPU) for the
check of a one-page book (`load_book` + every rule, the sanitiser's report included), the
importer's plan of the same text as a document, and one render through the site's renderer
(Python-Markdown + `qabook.safe_markdown`). Quadratic scanning took minutes at 90 KB; every
figure here should grow linearly with the size (run with --sizes to see it).

    .venv/bin/python benchmarks/raw_html_scale.py [--sizes 250000,1000000]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from qabook.book import load_book
from qabook.check import check_book
from qabook.config import project_from_dict
from qabook.importer import plan_import
from qabook.render import markdown_renderer

SHAPES = {
    "unclosed <a ": "<a ",
    'unclosed <a x="': '<a x="',
    "unclosed <![CDATA[": "x <![CDATA[ ",
    "unmatched [": "[",
    "balanced <span>": "<span>x</span> ",
    "links <a href>": '<a href="#q1">x</a> ',
}

PAGE = "---\nid: t\n---\n\n# T\n\n/// question\n题目？\n///\n\n/// answer\n{body}\n///\n\n/// explanation\n解析\n///\n"


def cpu(fn) -> float:  # noqa: ANN001
    start = time.process_time()
    fn()
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000000", help="page sizes in bytes, comma-separated")
    args = parser.parse_args()
    render = markdown_renderer(project_from_dict({}, None))
    print(f"{'shape':22} {'bytes':>9} {'check s':>8} {'import s':>9} {'render s':>9}")
    for size in (int(s) for s in args.sizes.split(",")):
        for name, shape in SHAPES.items():
            body = shape * (size // len(shape.encode("utf-8")))
            with tempfile.TemporaryDirectory() as tmp:
                ch = Path(tmp) / "docs" / "ch"
                ch.mkdir(parents=True)
                (ch / "index.md").write_text("# 章\n\n- [T](01-t.md)\n", encoding="utf-8")
                (ch / "01-t.md").write_text(PAGE.format(body=body), encoding="utf-8")
                check = cpu(lambda: check_book(load_book(Path(tmp) / "docs")))
            document = f"# 文档\n\n## 1. 题目？\n\n答案：{body}\n"
            imported = cpu(lambda: plan_import(document, "doc.md", chapter="x"))
            rendered = cpu(lambda: render(body))
            print(f"{name:22} {len(body.encode('utf-8')):9d} {check:8.2f} {imported:9.2f} {rendered:9.2f}")


if __name__ == "__main__":
    main()
