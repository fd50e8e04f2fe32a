"""Lighthouse (mobile) on the home page and a topic page, against Debian's Chromium.

    scripts/lighthouse            # installs npm `lighthouse` into .bench/, builds, measures

Serves the built site on 127.0.0.1 with gzip, as a static host would, and prints the four
category scores per page as a Markdown table (copied into design/quality.md).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from common import CHROMIUM, ROOT

from serve_gzip import serve_gzip

PAGES = {"home": "", "topic": "llm/01-shen-me-shi-da-mo-xing/"}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def main() -> int:
    lighthouse = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / ".bench" / "node_modules" / ".bin" / "lighthouse"
    site = ROOT / "site"
    if not (site / "index.html").exists():
        raise SystemExit("build the site first: scripts/build")
    flags = "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run " \
            "--disable-background-networking --disable-component-update --disable-sync"
    rows = []
    with serve_gzip(site) as url, tempfile.TemporaryDirectory() as tmp:
        for name, path in PAGES.items():
            out = Path(tmp) / f"{name}.json"
            cmd = [str(lighthouse), url + path, "--quiet", "--output=json", f"--output-path={out}",
                   f"--chrome-flags={flags}", "--only-categories=" + ",".join(CATEGORIES)]
            r = subprocess.run(cmd, env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True)
            if r.returncode != 0:
                raise SystemExit(f"lighthouse failed on {name}:\n{r.stderr[-2000:]}")
            report = json.loads(out.read_text(encoding="utf-8"))
            scores = [round(report["categories"][c]["score"] * 100) for c in CATEGORIES]
            rows.append((name, path or "/", scores))
            failing = [a["title"] for a in report["audits"].values()
                       if a.get("score") is not None and a["score"] < 0.9 and a.get("scoreDisplayMode") == "binary"]
            if failing:
                print(f"{name}: audits below 90: {failing}", file=sys.stderr)
                for a in report["audits"].values():
                    if a.get("score") is not None and a["score"] < 0.9 and a.get("scoreDisplayMode") == "binary":
                        for item in (a.get("details") or {}).get("items", [])[:6]:
                            node = item.get("node", {})
                            print(f"    {a['id']}: {node.get('snippet', '')[:120]} {node.get('explanation', '')[:160]}",
                                  file=sys.stderr)
    print("| page | path | performance | accessibility | best practices | SEO |")
    print("|---|---|---:|---:|---:|---:|")
    for name, path, s in rows:
        print(f"| {name} | `{path}` | {s[0]} | {s[1]} | {s[2]} | {s[3]} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
