"""A docs FAQ whose troubleshooting entries are symptoms written as statements (set 12): under
`## Troubleshooting`, `### The site will not load`, `### I found a broken link` and `### The
content seems outdated`, each answered with steps. A person reads the three one way: entries of the
FAQ, like the questions of the other sections. A short title that names a part of the page among
questions that ask (`### Guides` over links beside `### How do I …?`) stays chapter text.
"""

from __future__ import annotations

from qabook.importer import plan_import

_FAQ = """# Frequently Asked Questions

## General

### What is this site about?
Notes on running the build farm.

### How do I get started?
Read the introduction first.

### Is it free to use?
Yes, it is free.

## Troubleshooting

### The site will not load
1. Clear the browser cache
2. Try another browser

### I found a broken link
1. Open an issue
2. Paste the address of the page

### The content seems outdated
1. Check the date at the foot of the page
2. Send us a correction

## Help

### How can I get help?
Ask on the forum.

### Guides
- [Install](install.md)
- [Upgrade](upgrade.md)

### Can I suggest new features?
Open a feature request.
"""


def test_statement_siblings_of_a_faq_section_are_read_alike():
    plan = plan_import(_FAQ, "faq.md")
    titles = [p.title for p in plan.pages[1:]]
    assert "The content seems outdated" in titles
    assert "The site will not load" in titles and "I found a broken link" in titles
    assert "Guides" not in titles
    assert plan.question_count == 8
