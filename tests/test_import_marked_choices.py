"""A quiz whose questions mark their own answer (issue 14, fifth round): the letter in the stem
('### 12. … (**C**)', '（ B ）') or the correct choice in bold, choices on the lines below, no
answer label anywhere; numbers climb with gaps (a selection from a bank) and a few questions have
no choices or no answer yet. Imported as a person does: every numbered question becomes a page,
the learner sees a blank and plain choices, and the marked choice waits in the hidden answer.
"""

from __future__ import annotations

from pathlib import Path

from conftest import import_document, page_block, qabook

QUIZ = """# Cell biology past papers

## Unit 1 - The cell

### 3. The organelle that makes most of the cell's ATP is the (**C**).
A) nucleus  
B) ribosome  
C) mitochondrion  
D) Golgi apparatus  

---

### 11. Which structure controls what enters and leaves the cell (**A**)
A) cell membrane  
B) cell wall  
C) vacuole  
D) chloroplast  

---

### 17. Plant cells differ from animal cells because they have
A) a nucleus  
B) **a cell wall**  
C) ribosomes  
D) mitochondria  

---

### 24. Try to explain the difference between diffusion and osmosis.

---

## Unit 2 - Genetics

### 2. The shape of the DNA molecule is a ( B ).
A) single strand  
B) double helix  
C) triple helix  
D) ring  

---

### 9. Which base pairs with adenine in DNA (**D**)
A) cytosine  
B) guanine  
C) uracil  
D) thymine  

---

### 15. Mendel's experiments used which plant
A) maize  
B) wheat  
C) pea  
D) bean  
"""


def _answer(page: Path) -> str:
    return page_block(page, "answer")


def _question(page: Path) -> str:
    return page_block(page, "question")


def test_a_quiz_whose_stems_mark_their_answer_is_imported_question_by_question(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "past-papers.md", QUIZ)
    said = r.stdout + r.stderr
    assert r.returncode == 0, said  # before: 'no questions found'
    assert len(pages) == 7, [p.name for p in pages]
    by_stem = {_question(p).strip().split("\n", 1)[0]: p for p in pages}
    atp = by_stem["The organelle that makes most of the cell's ATP is the ( )."]
    assert "C) mitochondrion" in _question(atp) and "D) Golgi apparatus" in _question(atp)  # choices shown
    assert _answer(atp) == "C) mitochondrion"
    wall = next(p for s, p in by_stem.items() if s.startswith("Plant cells differ"))
    assert "B) a cell wall" in _question(wall) and "**" not in _question(wall)  # the bold gives nothing away
    assert _answer(wall) == "B) a cell wall"
    assert _answer(by_stem["The shape of the DNA molecule is a ( )."]) == "B) double helix"
    assert "(**" not in "".join(p.read_text(encoding="utf-8").split("# ", 1)[1] for p in pages)  # titles too
    assert qabook("check", "--docs-dir", str(tmp_path / "docs")).returncode == 0


BANK = """## Chapter 4 - Physical layer

### 6. The standard that defines the electrical levels of a serial port
A) RS-232  
B) IEEE 802.3  
C) X.25  
D) V.90  

---

### 21. Sending several signals over one line at once is called
A) modulation  
B) multiplexing  
C) encoding  
D) sampling  

---

### 40. Frequency modulation, amplitude modulation, phase modulation.

---

### 57. The device that turns digital signals into analog ones on a telephone line
A) hub  
B) switch  
C) modem  
D) repeater  

---

### 73. Baseband and broadband transmission.

---

### 88. Nyquist limit for a noise-free channel of 3 kHz with 8 signal levels.
"""


def test_a_bank_of_numbered_choices_without_answers_is_still_a_quiz(tmp_path: Path) -> None:
    """Half the numbered headings offer choices, none is answered yet and the rest are bare
    statements cut from an exam: a person still sees six numbered exam questions."""
    r, pages = import_document(tmp_path, "chapter4.md", BANK)
    said = r.stdout + r.stderr
    assert r.returncode == 0, said  # before: 'no questions found'
    assert len(pages) == 6, [p.name for p in pages]
    modem = next(p for p in pages if "telephone line" in _question(p))
    assert "C) modem" in _question(modem)  # the choices are the question's, before any reveal
    assert any("Baseband and broadband" in _question(p) for p in pages)  # a bare statement is a question too
    assert "no answer" in _answer(modem)  # none in the source: said, not the choices revealed as one


SEVERAL = """1. 关于逻辑回归和支持向量机，下列选项中结论错误的是（BCD）
- A、两者的损失函数不同，但都可以使用梯度下降进行优化求解
- B、相较于逻辑回归，支持向量机对噪音数据更加敏感
- C、两者的概率输出都可以直接与阈值进行比较作为分类依据
- D、两者都考虑全局数据来产生最佳分类决策边界

2. 下列哪种方法不属于分箱的主要方法（BD）
- A、统一权重法
- B、平均值法
- C、自定义区间法
- D、边界值法

3. 下列哪个是监督学习算法（A）
- A、决策树
- B、K-Means
- C、DBSCAN
- D、PCA
"""


def test_several_letters_a_stem_names_stay_on_the_page_as_its_answer(tmp_path: Path) -> None:
    """'（BCD）' after a choice stem: the letters are the answer. The learner sees a blank, and the
    hidden answer keeps the letters as written over the chosen choices (before: the letters were
    gone from the page, the stem line lost, the chosen choices run together in one paragraph)."""
    from realcorpus import lost_lines
    from qabook.importer import plan_import

    r, pages = import_document(tmp_path, "选择题.md", SEVERAL)
    assert r.returncode == 0, r.stdout + r.stderr
    assert len(pages) == 3, [p.name for p in pages]
    first, second, third = pages
    assert _question(first).startswith("关于逻辑回归和支持向量机，下列选项中结论错误的是（ ）")
    assert _answer(first).split("\n") == ["BCD", "", "- B、相较于逻辑回归，支持向量机对噪音数据更加敏感",
                                           "- C、两者的概率输出都可以直接与阈值进行比较作为分类依据",
                                           "- D、两者都考虑全局数据来产生最佳分类决策边界"]
    assert _answer(second).split("\n") == ["BD", "", "- B、平均值法", "- D、边界值法"]
    assert _answer(third) == "A、决策树"  # one letter: the chosen choice, its letter with it
    assert lost_lines(SEVERAL, plan_import(SEVERAL, "选择题.md", chapter="c")) == []
    assert qabook("check", "--docs-dir", str(tmp_path / "docs")).returncode == 0
