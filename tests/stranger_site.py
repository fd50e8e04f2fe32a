"""A stranger's Material project with qabook added, as someone outside the team would have it:
navigation tabs and section index pages, Material's search with `search.suggest` and
`search.highlight`, its own palette, font, footer (`copyright`, `extra.social`), ordinary guide
pages in several folders (some without an index, id, title or questions), one Q&A folder (its
index page titled otherwise than the folder, listing no topic) and one Q&A page beside ordinary
pages. Nothing in it is copied from this repository."""

from __future__ import annotations

import textwrap
from pathlib import Path

MKDOCS_YML = """\
site_name: Acme Handbook
copyright: Copyright &copy; 2024 Acme Corp &mdash; internal handbook
theme:
  name: material
  language: en
  font:
    text: Lato
    code: Fira Code
  features:
    - navigation.tabs
    - navigation.indexes
    - navigation.path
    - search.suggest
    - search.highlight
  palette:
    - scheme: default
      primary: teal
      accent: deep orange
      toggle:
        icon: material/brightness-7
        name: Switch to dark mode
    - scheme: slate
      primary: teal
      accent: deep orange
      toggle:
        icon: material/brightness-4
        name: Switch to light mode
extra:
  generator: true
  social:
    - icon: material/web
      link: https://acme.example/
      name: Acme on the web
plugins:
  - search
  - qabook
markdown_extensions:
  - admonition
  - attr_list
  - md_in_html
  - pymdownx.details
  - pymdownx.superfences
  - toc:
      permalink: true
"""

QA_TOPIC = """\
---
id: {id}
---

# {title}

/// question
{question}
///

/// answer
{answer}
///

/// explanation
{explanation}
///
"""

#: docs-relative path → text. Ordinary pages first, then the Q&A pages.
ORDINARY = {
    "index.md": "# Welcome to the Acme Handbook\n\nEverything a new Acme engineer needs in the first week.\n\n"
                "- [Install the tools](getting-started/install.md)\n- [Deploy a service](guides/deploy.md)\n",
    "getting-started/index.md": "# Getting started\n\nStart here: install, then configure.\n",
    "getting-started/install.md": "# Install the tools\n\nRun `make setup` in the repository.\n\n"
                                  "### Troubleshooting\n\nA heading two levels down, as people write them.\n",
    "getting-started/configure.md": "Configure your editor; this page has no title heading at all.\n",
    "guides/deploy.md": "# Deploy a service\n\n!!! note\n    Deploys happen on weekdays only.\n\n"
                        "??? tip \"Rollback\"\n    Run `acme rollback` within ten minutes.\n",
    "guides/monitoring.md": "# Monitoring\n\nDashboards live in Grafana; alerts page the on-call engineer.\n",
    "reference/api.md": "# API reference\n\n| call | what |\n|:---|---:|\n| `GET /v1/health` | liveness |\n",
    "reference/changelog.md": "",
    # a front-matter title other than the H1, with an ampersand: Material's <title> takes it as written
    "about.md": "---\ntitle: Who we are & what we keep\n---\n\n# About\n\nThe handbook team keeps these pages.\n",
}
QA = {
    "guides/faq.md": QA_TOPIC.format(
        id="deploy-faq", title="Deployment FAQ", question="How long does a deploy take?",
        answer="About six minutes from merge to traffic.",
        explanation="The pipeline builds, runs the canary for five minutes, then shifts traffic."),
    # as people write it: a title and a line; MkDocs' navigation lists the topics, this page does not
    "interview/index.md": "# Interview questions\n\nThe questions we ask candidates, one page per subject.\n",
    "interview/01-python.md": QA_TOPIC.format(
        id="python-gil", title="What is the GIL?", question="What does the GIL protect?",
        answer="The interpreter's internal state: one thread runs Python bytecode at a time.",
        explanation="CPython's reference counting is not thread-safe without it."),
    "interview/02-sql.md": QA_TOPIC.format(
        id="sql-join", title="INNER versus LEFT JOIN", question="When does a LEFT JOIN return more rows?",
        answer="When left rows have no match: they are kept with NULLs.",
        explanation="An INNER JOIN drops unmatched rows from both sides."),
}
#: Pages the study controls belong on (topic pages) and the Q&A folder's chapter page.
TOPICS = ("guides/faq.md", "interview/01-python.md", "interview/02-sql.md")
CHAPTER_PAGES = ("interview/index.md",)


def stranger_project(root: Path, mkdocs_yml: str = MKDOCS_YML) -> Path:
    """Write the project into `root` (created); returns it."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(textwrap.dedent(mkdocs_yml), encoding="utf-8")
    for rel, text in {**ORDINARY, **QA}.items():
        path = root / "docs" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def page_url(rel: str) -> str:
    """A page's site-relative URL with directory URLs (`guides/faq.md` → `guides/faq/`)."""
    if rel == "index.md":
        return ""
    stem = rel[:-3]
    return (stem[: -len("index")] if stem.endswith("/index") else stem + "/")
