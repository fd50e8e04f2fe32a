"""Generated books for benchmarks: realistic Chinese Q&A with code and formulas, fixed seed.

    generate(docs, questions=1000, per_page=1, text="prose")

`text="prose"` (the default, what `scripts/bench` builds): the text comes from real Chinese
prose shipped in this repository — the Chinese chapters of the search evaluation book
(tests/searchbook/docs/*-zh) and the `dev` documents of the import corpus (tests/corpus/zh) —
split into clauses; each clause of the book joins the head of one real clause to the tail of
another, cut at places the seeded RNG picks, so that a book of 10,000 questions repeats its runs
of text about as rarely as a real book does (a real book's sentences are its own; a book that
reuses a few thousand clauses would let per-phrase memos look better than they are).
`text="seed"`: clauses of the seed document (../shared/seed; a small built-in list without it),
reused whole — the book of the rounds before speed23 (its ≈ 100 clauses repeat: ≈ 3 % of a
10,000-question book's runs are distinct), kept for the search benchmarks whose queries are the
seed's words.

One question in three carries a code block, one in four an inline formula and one in eight a
display formula. Chapters hold `PER_CHAPTER` topic pages. The same inputs always give the same
files.
"""

from __future__ import annotations

import random
import re
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed" / "000_a67bd3240e4ba4dd.txt"
PER_CHAPTER = 100  # topic pages per chapter
PROSE = (ROOT / "tests" / "searchbook" / "docs", ROOT / "tests" / "corpus" / "zh")
TEXTS = ("prose", "seed")

_FALLBACK = ("大模型指的是参数规模巨大的深度学习模型", "自注意力机制让模型关注输入的不同位置",
             "反向传播通过链式法则计算梯度", "差分隐私在训练数据中加入噪声", "模型压缩可以降低推理成本",
             "分布式训练把计算分摊到多块GPU上", "预训练之后再在下游任务上微调")

FORMULAS = (r"\mathrm{softmax}(x_i) = \frac{e^{x_i}}{\sum_j e^{x_j}}", r"L = -\sum_i y_i \log \hat{y}_i",
            r"\mathrm{Attention}(Q,K,V) = \mathrm{softmax}\left(\frac{QK^T}{\sqrt{d_k}}\right)V",
            r"\theta \leftarrow \theta - \eta \nabla_\theta L", r"p(x) = \prod_{t=1}^{T} p(x_t \mid x_{<t})",
            r"\sigma(x) = \frac{1}{1+e^{-x}}", r"\mathrm{PPL} = \exp\left(-\frac{1}{N}\sum_i \log p_i\right)",
            r"y = W x + b", r"\|w\|_2^2 = \sum_i w_i^2", r"\mathrm{ReLU}(x) = \max(0, x)")

CODE = ('```python\nimport torch\n\ndef attention(q, k, v):\n    scores = q @ k.transpose(-2, -1) / k.size(-1) ** 0.5\n'
        '    return torch.softmax(scores, dim=-1) @ v\n```',
        '```python\nfor step, batch in enumerate(loader):\n    loss = model(**batch).loss\n    loss.backward()\n'
        '    optimizer.step()\n    optimizer.zero_grad()\n```',
        '```bash\ntorchrun --nproc_per_node=8 train.py --batch-size 32 --lr 3e-4\n```',
        '```python\nfrom transformers import AutoModel, AutoTokenizer\n\ntok = AutoTokenizer.from_pretrained("bert-base-chinese")\n'
        'model = AutoModel.from_pretrained("bert-base-chinese")\n```')

TAGS = ("基础概念", "训练", "推理", "安全", "应用", "优化")


def phrases() -> list[str]:
    """Clauses of the seed document (at least 4 characters), or a small built-in list."""
    try:
        text = SEED.read_text(encoding="utf-8")
    except OSError:
        return list(_FALLBACK)
    text = re.sub(r"\*\*[^*]*：\*\*|^#+.*$|^\d+\. |[`*$]", "", text, flags=re.M)
    found = [p.strip() for p in re.split(r"[。，、：；？！\n]", text) if len(p.strip()) >= 4]
    return found or list(_FALLBACK)


_HAN = re.compile(r"[\u4e00-\u9fff]")


def _prose_files() -> list[Path]:
    """The Chinese chapters of the search book, and the import corpus' `dev` Chinese documents
    (its `holdout` ones are left unread: nobody tuning on the corpus opens them)."""
    searchbook, corpus = PROSE
    files = sorted(p for folder in sorted(searchbook.glob("*-zh")) for p in folder.glob("*.md"))
    index = corpus / "INDEX.tsv"
    if index.is_file():
        rows = [line.split("\t") for line in index.read_text(encoding="utf-8").splitlines()[1:]]
        files += sorted(corpus / r[0] for r in rows if len(r) > 8 and r[8].strip() == "dev")
    return [p for p in files if p.is_file()]


@lru_cache(maxsize=1)
def prose_clauses() -> tuple[str, ...]:
    """Clauses of real Chinese prose (at least 4 characters, 3 of them Chinese), Markdown taken
    out, in file order; the seed's clauses if none are found."""
    out: list[str] = []
    for path in _prose_files():
        text = path.read_text(encoding="utf-8", errors="ignore")
        text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)  # front matter
        text = re.sub(r"```.*?```|<!--.*?-->", " ", text, flags=re.S)
        text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)|<[^>]+>|https?://\S+", r"\1", text)
        text = re.sub(r"^\s*(#+|///.*|[-*+>|]+|\d+[.)、])\s*|[`*$|#_~\\]", "", text, flags=re.M)
        for clause in re.split(r"[。，、：；？！,;:?!\n]", text):
            clause = re.sub(r"\s+", " ", re.sub(r"[\[\]<>{}]", "", clause)).strip().lstrip("-+*#> ")
            if 4 <= len(clause) <= 60 and len(_HAN.findall(clause)) >= 3:
                out.append(clause)
    return tuple(out) or tuple(phrases())


def _spliced(rnd: random.Random, pool: list[str] | tuple[str, ...]) -> str:
    """The head of one real clause joined to the tail of another, each cut where the RNG says."""
    a, b = rnd.choice(pool), rnd.choice(pool)
    return a[:rnd.randint(1, len(a))] + b[rnd.randint(0, len(b) - 1):]


def _question(rnd: random.Random, pool: list[str] | tuple[str, ...], n: int, clause=None) -> str:
    clause = clause or (lambda: rnd.choice(pool))

    def say(k: int) -> str:
        return "，".join(clause() for _ in range(k)) + "。"

    answer = [say(4)]
    if n % 4 == 0:
        answer.append(f"其中 ${rnd.choice(FORMULAS)}$ 是关键公式，{say(1)}")
    if n % 3 == 0:
        answer.append(rnd.choice(CODE))
    answer.append(say(3))
    explanation = [say(4)]
    if n % 8 == 0:
        explanation.append(f"$$\n{rnd.choice(FORMULAS)}\n$$")
    explanation.append(say(2))
    return (f"/// question\n{say(2)}标记词{n:05d}是什么？\n///\n\n/// answer\n" + "\n\n".join(answer)
            + "\n///\n\n/// explanation\n" + "\n\n".join(explanation) + "\n///\n")


def generate(docs: Path, questions: int, per_page: int = 1, seed: int = 42, per_chapter: int = PER_CHAPTER,
             text: str = "prose") -> int:
    """Write a book of `questions` questions, `per_page` per topic page, `per_chapter` pages per
    chapter, its text from `text` (`TEXTS`: see the module's docstring); returns the page count."""
    if text not in TEXTS:
        raise ValueError(f"text={text!r}: one of {', '.join(TEXTS)}")
    rnd = random.Random(seed)
    pool: list[str] | tuple[str, ...] = prose_clauses() if text == "prose" else phrases()

    def clause() -> str:
        return _spliced(rnd, pool) if text == "prose" else rnd.choice(pool)

    docs.mkdir(parents=True, exist_ok=True)
    pages = max(1, questions // per_page)
    chapters = (pages + per_chapter - 1) // per_chapter
    (docs / "index.md").write_text("# 生成的题库\n\n<!-- qabook:chapters -->\n", encoding="utf-8")
    n = 0
    for c in range(chapters):
        folder = docs / f"c{c:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        links = []
        for p in range(min(per_chapter, pages - c * per_chapter)):
            name = f"{p + 1:03d}-t{c:03d}-{p:03d}.md"
            title = f"{clause()}（{c}-{p}）"
            links.append(f"- [{title}]({name})")
            body = [f"---\nid: t{c:03d}-{p:03d}\ntags: [{rnd.choice(TAGS)}]\n---\n\n# {title}\n"]
            for q in range(per_page):
                n += 1
                if per_page > 1:
                    body.append(f"## 第 {q + 1} 问\n")
                body.append(_question(rnd, pool, n, clause))
            (folder / name).write_text("\n".join(body), encoding="utf-8")
        (folder / "index.md").write_text(f"# 第 {c + 1} 章\n\n<!-- qabook:pdf -->\n\n" + "\n".join(links) + "\n",
                                         encoding="utf-8")
    return pages
