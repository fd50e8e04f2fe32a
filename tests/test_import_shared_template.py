"""Documents whose units share an inner template are read as questions even when their start
lines do not ask (issue 14 item 1: "refusal only when no repeated question-like unit exists at
all"); the mirror: sections sharing labels that name no question or answer part (a reference's
`Parameters:` / `Returns:`) stay refused. Written as a person meets them: a cloze item bank whose
headings only name the item, and an API reference of the same outline.
"""

from __future__ import annotations

from pathlib import Path

from conftest import import_document, page_block, qabook

CLOZE = """# Kubernetes operator — cloze items

Fill each blank; the grader accepts any of the listed variants.

## Scheduling

### Item 1: Taints

**Level:** basic

**Statement:** A node repels pods with a ___ unless the pod carries a matching ___.

**Accepted Answers:** "taint"; "toleration"

**Rationale:** Taints and tolerations work together.

### Item 2: Affinity

**Level:** basic

**Statement:** To keep two replicas on different nodes, use pod ___ with a topology key of ___.

**Accepted Answers:** "anti-affinity"; "kubernetes.io/hostname"

**Rationale:** Anti-affinity spreads replicas.

## Storage

### Item 3: Claims

**Level:** advanced

**Statement:** A pod asks for storage through a ___, bound to a ___.

**Accepted Answers:** "PersistentVolumeClaim", "PVC"; "PersistentVolume", "PV"

**Rationale:** The claim is bound to a volume.

### Item 4: Access

**Level:** advanced

**Statement:** A volume mounted read-write by many nodes has the access mode ___.

**Accepted Answers:** "ReadWriteMany", "RWX"

**Rationale:** RWX allows many writers.
"""

REFERENCE = """# storage client reference

## open_bucket

**Parameters:** `name`, the bucket; `region`, where it lives.

**Returns:** a `Bucket`.

**Example:** `open_bucket("logs", "eu")`

## put_object

**Parameters:** `bucket`, `key`, `data`.

**Returns:** the object's version.

**Example:** `put_object(b, "a.txt", b"hi")`

## delete_object

**Parameters:** `bucket`, `key`.

**Returns:** nothing.

**Example:** `delete_object(b, "a.txt")`
"""


def test_units_sharing_labelled_parts_are_questions(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "cloze.md", CLOZE)
    assert r.returncode == 0, r.stdout + r.stderr
    assert len(pages) == 4
    for page, answer in zip(pages, ("toleration", "anti-affinity", "PersistentVolumeClaim", "ReadWriteMany")):
        q, a, e = (page_block(page, k) for k in ("question", "answer", "explanation"))
        assert "___" in q and answer not in q, q  # the learner reads the blanks, not the words that fill them
        assert answer in a, a
        assert "Rationale" not in a and e, (a, e)  # the rationale is the explanation


def test_explain_names_the_shared_labels(tmp_path: Path) -> None:
    source = tmp_path / "cloze.md"
    source.write_text(CLOZE, encoding="utf-8")
    r = qabook("import", str(source), "--out", str(tmp_path / "docs"), "--dry-run", "--explain")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "Accepted Answers ×4 (answer, a labelled part most units of a template share" in r.stdout, r.stdout


def test_a_reference_sharing_labels_that_name_no_part_stays_refused(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "reference.md", REFERENCE)
    assert r.returncode == 1 and not pages, r.stdout + r.stderr


GUIDE = """# How to prepare for a backend interview

These notes describe how to answer each kind of question you will meet.

## 1. Behavioral Questions

1. Pick a story from the last two years.
2. Say the situation in one sentence.
3. Say what you did, then what changed.

## 2. System Design Questions (6 Steps)

1. Ask about the load and the users.
2. Sketch the data model.
3. Draw the request path.
4. Name the bottleneck.

## 3. Coding Questions

1. Repeat the task in your own words.
2. Write the simplest version first.
3. Test it on an edge case.
"""

BANK = """# Backend interview bank

## 1. Networking Questions

### What does TCP guarantee that UDP does not?

Ordered, reliable delivery with congestion control.

### Why does a TLS handshake cost a round trip?

The client and server must agree on keys before data flows.

## 2. Storage Questions

### When is a B-tree index slower than a full scan?

When most rows match, random reads cost more than one sequential pass.
"""


def test_sections_that_name_kinds_of_questions_are_not_questions(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "guide.md", GUIDE)
    assert r.returncode == 1 and not pages, r.stdout + r.stderr
    source = tmp_path / "guide.md"
    r = qabook("import", str(source), "--out", str(tmp_path / "docs"), "--dry-run", "--explain")
    assert "group headings: 3 of its 3 starts name a group of questions" in r.stdout, r.stdout


def test_group_headings_over_questions_leave_the_questions(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "bank.md", BANK)
    assert r.returncode == 0, r.stdout + r.stderr
    assert len(pages) == 3
    assert "B-tree" in page_block(pages[2], "question") and "sequential" in page_block(pages[2], "answer")
