"""A chat-written list of open questions: section headings that count their questions
('# 🌐 SECTION 1 — NETWORKING (4 Questions)') over one numbered list that runs on across them
(measure6 e03: the ten sections were read as the questions, 110 questions as their answers). A
heading that counts the questions under it names a group of them, not one; the numbered items
that ask are the questions.
"""

from __future__ import annotations

from pathlib import Path

from conftest import import_document

SECTIONS = {
    "🌐 SECTION 1 — NETWORKING (4 Questions)": ["What happens when you type a URL into a browser?",
                                               "What is the difference between TCP and UDP?",
                                               "How does DNS caching work?", "What is a reverse proxy?"],
    "🔐 SECTION 2 — SECURITY (3 Questions)": ["What is the difference between hashing and encryption?",
                                             "How does a CSRF attack work?", "What is a JWT and where is it stored?"],
    "🗄️ SECTION 3 — DATABASES (3 Questions)": ["What is an index and when does it hurt?",
                                              "What is the N+1 query problem?", "How do transactions isolate reads?"],
}


def _document() -> str:
    out, n = ["Here are **10 backend interview questions** to practise, grouped by topic.\n\n---\n"], 1
    for heading, questions in SECTIONS.items():
        out.append(f"\n# {heading}\n\n")
        for q in questions:
            out.append(f"{n}. {q}\n")
            n += 1
        out.append("\n---\n")
    out.append("\n# 🧠 HOW TO PRACTISE\n\n## STEP 1 — Answer out loud\n\nSay each answer in two minutes.\n\n"
               "## STEP 2 — Write it down\n\nKeep a notebook of the answers you could not give.\n")
    return "".join(out)


def test_headings_that_count_their_questions_are_groups(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "practice.md", _document())
    out = r.stdout + r.stderr
    assert r.returncode == 0, out
    names = [p.name for p in sorted((tmp_path / "docs" / "c").glob("[0-9]*.md"))]  # 01- … 10-
    assert len(names) == 10, names
    assert not any("section" in n or "step" in n for n in names), names
    assert any("dns-caching" in n for n in names), names
