"""Exercises written one list at a time, each list answered once ('Questions:' over '- Get the
logs.' then a `<details>` Solution; issue 14 item 1, set 8). Where most lists hold one such bullet,
a list of two bullets answered once is one exercise in two steps — not a first question without
answer and a second that takes the solution. Bullets each answered under them stay questions.
"""

from __future__ import annotations

from pathlib import Path

from conftest import import_document, page_block

PRACTICE = """# Troubleshooting

## Monitoring

Doc: https://kubernetes.io/docs/tasks/debug/

Questions:
- Print the kubelet logs.

<details><summary>Solution</summary>

journalctl -u kubelet

</details>

Questions:
- Create a pod with a readiness probe on port 80.

<details><summary>Solution</summary>

kubectl apply -f probe.yaml

</details>

## Failing pods

Doc: https://kubernetes.io/docs/tasks/debug/debug-application/

Questions:
- Launch a pod whose command does not exist.
- Read its logs, then fix the command.

<details><summary>Solution</summary>

kubectl logs failing; kubectl edit pod failing

</details>

### Networking

Questions:
- Check the DNS service and its endpoints.

<details><summary>Solution</summary>

kubectl describe svc kube-dns

</details>
"""

EACH_ANSWERED = PRACTICE.replace("""- Launch a pod whose command does not exist.
""", """- Launch a pod whose command does not exist.

  <details><summary>Solution</summary>

  kubectl run failing --image=busybox -- sheep

  </details>

""")


def test_a_list_answered_once_is_one_exercise(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "practice.md", PRACTICE)
    assert r.returncode == 0, r.stdout + r.stderr
    assert len(pages) == 4, [p.name for p in pages]
    question = page_block(pages[2], "question")
    assert "- Launch a pod whose command does not exist." in question
    assert "- Read its logs, then fix the command." in question
    assert "kubectl logs failing" in page_block(pages[2], "answer")
    assert "# Launch a pod whose command does not exist." in pages[2].read_text(encoding="utf-8")


def test_bullets_answered_each_stay_questions(tmp_path: Path) -> None:
    """The same list, its first bullet answered under it: two exercises."""
    r, pages = import_document(tmp_path, "each.md", EACH_ANSWERED)
    assert r.returncode == 0, r.stdout + r.stderr
    assert len(pages) == 5, [p.name for p in pages]
    assert "kubectl run failing" in page_block(pages[2], "answer")
