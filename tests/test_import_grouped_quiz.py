"""Past exam papers grouped under headings (issue 14 item 1): a heading per term, a heading per
question type ('### Single choice (1 pt each)'), then the questions as a numbered list, each stem
asking with its choices on the line under it. A person counts the numbered questions; the type
headings are groups, not questions that swallow ten stems as their "answer".
"""

from __future__ import annotations

from pathlib import Path

from conftest import import_document, page_block


def _paper(term: str, kind: str, first: int) -> str:
    out = [f"### {kind} (1 pt each)", ""]
    for k in range(6):
        n = first + k
        out.append(f"{k + 1}. In the {term} paper, which unit measures quantity number {n} (   )  ")
        if k % 3 == 1:  # the choices on one line, or one per line
            out.append("   A. metre   B. kelvin   C. mole   D. candela  ")
        else:
            out += ["   A. metre  ", "   B. kelvin  ", "   C. mole  ", "   D. candela  "]
    return "\n".join(out) + "\n"


EXAM = "# Past physics exam papers\n\n" + "".join(
    f"## {term}\n\n" + _paper(term, "Single choice", 1) + "\n" + _paper(term, "Multiple choice", 7) + "\n"
    for term in ("Autumn 2021", "Spring 2022"))

OUTLINE = """# Course outline

## Week 1

### Topics

1. Units and measurement
2. Vectors and their components
3. Motion in one dimension
4. Motion in two dimensions
5. Newton's laws
6. Work and energy

## Week 2

### Topics

1. Momentum and collisions
2. Rotation of rigid bodies
3. Gravitation
4. Oscillations
5. Waves
6. Sound
"""


def test_numbered_stems_with_choices_under_type_headings_are_the_questions(tmp_path: Path) -> None:
    r, _ = import_document(tmp_path, "papers.md", EXAM)
    assert r.returncode == 0, r.stdout + r.stderr
    pages = sorted((tmp_path / "docs" / "c").glob("[0-9]*.md"))
    assert len(pages) == 24, [p.name for p in pages]  # 2 terms x 2 types x 6 stems, not the 4 type headings
    q = page_block(pages[0], "question")
    assert "which unit measures" in q and "B. kelvin" in q, q  # the choices stay with their stem
    index = (tmp_path / "docs" / "c" / "index.md").read_text(encoding="utf-8")
    assert "Single choice" in index  # the type headings group the questions on the chapter page


def test_a_numbered_outline_under_headings_is_not_a_quiz(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "outline.md", OUTLINE)
    assert len(pages) == 0 and r.returncode == 1, r.stdout + r.stderr
