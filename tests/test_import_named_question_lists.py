"""An interview-prep README whose questions are bullets under headings that name them:
'## General Questions', '## Technical Questions', '## Behavioral Questions' (measure6 e09). Most
bullets ask ('- What is a closure?'); some are prompts a person answers all the same ('- Tell me
about yourself.', '- Describe a time when you missed a deadline.'), and the behavioural list has no
question mark at all. Beside the lists of questions, a list its heading names questions holds
questions, each prompt with a QI037 warning at its line.
"""

from __future__ import annotations

from pathlib import Path

from conftest import import_document

README = """# Interview prep

Questions I collected for my next round of interviews.

## General Questions

- Tell me about yourself.
- Why do you want to leave your current job?
- Where do you see yourself in five years?

## Technical Questions

- What is a closure in JavaScript?
- How does a hash map handle collisions?
- What is the difference between a process and a thread?

## Behavioral Questions

- Describe a time when you missed a deadline.
- Describe a time when you disagreed with your manager.
- Talk about a project you are proud of.

## Further reading

- [The tech interview handbook](https://example.org/handbook)
- [System design primer](https://example.org/primer)
"""


def test_prompts_under_a_heading_that_names_them_questions_are_questions(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "prep.md", README)
    out = r.stdout + r.stderr
    assert r.returncode == 0, out
    names = [p.name for p in pages]
    assert len(pages) == 9, names
    assert any("tell-me-about-yourself" in n for n in names), names
    assert any("describe-a-time-when-you-missed" in n for n in names), names
    assert not any("handbook" in n or "primer" in n for n in names), names  # reading links stay text
    # 'Talk about a project …' (a prompt that does not ask; 'Tell me about yourself.' asks the reader to tell)
    assert out.count("QI037") == 1, out
