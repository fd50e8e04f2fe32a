"""A document to import saved in another encoding than UTF-8 — GBK from an old Chinese
Windows editor, Big5, UTF-16 from Notepad, Windows-1252 — is read as what it is (said once, QI027),
and the pages are written in UTF-8; bytes that are no text are still refused by name."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import qabook

ZH = "# 面试题\n\n" + "".join(
    f"## {n}. 什么是第{n}种模型结构？它和上一种有什么区别？\n\n答案：第{n}种结构用注意力机制处理序列，"
    f"和上一种相比，它的训练更稳定、推理更快。\n\n" for n in range(1, 7))
HANT = "# 面試題\n\n" + "".join(
    f"## {n}. 什麼是第{n}種模型結構？它和上一種有什麼區別？\n\n答案：第{n}種結構用注意力機制處理序列，"
    f"和上一種相比，它的訓練更穩定、推理更快。\n\n" for n in range(1, 7))
EN = "# Quiz\n\n" + "".join(
    f"## {n}. What does the café on the corner serve as rule number {n}?\n\nAnswer: the naïve façade of the "
    f"déjà-vu menu — “crème brûlée” and a piña colada — is kept for the señor, {n} × 2 times a week.\n\n"
    for n in range(1, 6))


@pytest.mark.parametrize("text, encoding", [(ZH, "gbk"), (HANT, "big5"), (ZH, "utf-16"), (EN, "cp1252")])
def test_a_document_in_another_encoding_imports_and_says_so(tmp_path: Path, text: str, encoding: str) -> None:
    source = tmp_path / "bank.md"
    source.write_bytes(text.encode(encoding))
    r = qabook("import", str(source), "--chapter", "ch", "--out", str(tmp_path / "docs"))
    assert r.returncode == 0, r.stderr
    said = [line for line in r.stderr.splitlines() + r.stdout.splitlines() if "QI027" in line]
    assert len(said) == 1 and f"{source}:1:1: QI027 the file is in " in said[0] and "not UTF-8" in said[0], said
    pages = sorted((tmp_path / "docs" / "ch").glob("*.md"))
    written = "".join(p.read_text(encoding="utf-8") for p in pages)  # UTF-8, or this raises
    assert written.count("/// question") == (5 if text is EN else 6)
    for n in (1, 5):  # every character as the author wrote it
        block = text.split(f"## {n}. ")[1].split("\n\n")
        assert block[0] in written and block[1].split("：" if text is not EN else ": ", 1)[1] in written
    assert source.read_bytes() == text.encode(encoding)  # the source is left as it is


def test_bytes_that_are_no_text_are_still_refused_by_name(tmp_path: Path) -> None:
    import random

    rnd = random.Random(7)
    source = tmp_path / "noise.md"
    source.write_bytes(bytes(rnd.randrange(1, 256) for _ in range(4000)))  # no NUL: not caught as binary
    r = qabook("import", str(source), "--chapter", "ch", "--out", str(tmp_path / "docs"))
    assert r.returncode != 0 and "Traceback" not in r.stderr
    assert "save the file as UTF-8" in r.stderr + r.stdout
    assert not (tmp_path / "docs").exists()
