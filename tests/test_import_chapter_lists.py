"""A list right under a line of text on the CHAPTER page (`**Data Import Wizard:**`, then `- Browser-based
tool` …, as a Salesforce study guide writes its overview): CommonMark shows a list, Python-Markdown
needed a blank line and showed one paragraph with '- ' dashes in it, while the same list in a
question's answer was shown as a list (trial10). The chapter page now gets its lists as the question
blocks do (pagelines.site_lists, one helper for both). The test fails without the change.
"""

from __future__ import annotations

import re

from qabook.importer import plan_import
from qafuzz import render_page

DOC = """# Data Import

## Core Concepts

Salesforce provides two import tools.

**Data Import Wizard:**
- Browser-based tool (no software installation)
- Maximum records: **50,000 per import job**

Steps to follow:
1) Open Setup.
2) Pick the wizard.

## Practice Questions

### 1. Which tool imports 1,000,000 Contacts?

**Answer:** Data Loader.

**Why:**
- the wizard stops at 50,000 records
- Data Loader takes millions

### 2. Which tool runs in the browser?

**Answer:** The Data Import Wizard.
"""


def test_a_list_under_a_bold_line_is_a_list_on_the_chapter_page_as_in_a_question(tmp_path):
    plan = plan_import(DOC, str(tmp_path / "data-import.md"), chapter="data-import")
    chapter = plan.pages[0]
    assert not chapter.questions
    html = render_page(chapter.text)
    items = re.findall(r"<li>(.*?)</li>", html, re.S)
    assert "Browser-based tool (no software installation)" in items, html
    assert "<p>1) Open Setup.</p>" in html and "<p>2) Pick the wizard.</p>" in html  # '1)' items: a line each
    assert "- Browser" not in html  # no dashes run into a paragraph
    question = next(p for p in plan.pages if p.questions)
    assert "the wizard stops at 50,000 records" in re.findall(r"<li>(.*?)</li>", render_page(question.text))
    assert "**Data Import Wizard:**\n\n- Browser-based" in chapter.text  # one blank line added, nothing else
