"""One bank written in two forms (issue 14, fifth round): '1. question' with an 'Answer:' line
for one tool, then one line each 'question? Answer: answer' for the next, some glued to the end
of the previous answer with no blank line, some with 'Answer:' ending the line and the answer on
the lines below. Imported as a person does: every question its own page, no question swallowed
into the answer before it, no answer left in the question block.
"""

from __future__ import annotations

from pathlib import Path

from conftest import import_document, page_block, qabook

BANK = """Questions:
1. What is a container image?
Answer:
A read-only template with the application and everything it needs to run.

2. Why pin base image versions?
Answer:
So that a rebuild gives the same image; 'latest' moves under you.
The build stays reproducible.
3. How do you shrink an image?
Answer:
Use a multi-stage build and a slim base image.

------------------------------------------------------------

Questions:

What is a pod? Answer: The smallest deployable unit, one or more containers sharing a network.

What does a Deployment add to a ReplicaSet? Answer: Rolling updates and rollbacks.
What is a namespace? Answer: A virtual cluster that scopes names and quotas.

Which probes does the kubelet run? Answer:
Liveness: restarts a container that hangs.
Readiness: keeps traffic away until the container is ready.

How do you expose a Deployment outside the cluster? Answer: With a Service of type NodePort or LoadBalancer, or an Ingress.
"""


def test_a_bank_in_two_forms_gives_every_question_its_page(tmp_path: Path) -> None:
    r, pages = import_document(tmp_path, "containers.md", BANK)
    said = r.stdout + r.stderr
    assert r.returncode == 0, said
    questions = [page_block(p, "question").strip().split("\n")[0] for p in pages]
    assert len(pages) == 8, questions  # before: 3 (the one-line questions left on the chapter page)
    assert "How do you shrink an image?" in questions  # glued under the previous answer (already read so)
    assert "What is a namespace?" in questions  # glued under the previous one-line question
    probes = pages[questions.index("Which probes does the kubelet run?")]
    assert "Liveness" in page_block(probes, "answer") and "Liveness" not in page_block(probes, "question")
    pod = pages[questions.index("What is a pod?")]
    assert page_block(pod, "answer").strip() == "The smallest deployable unit, one or more containers sharing a network."
    assert qabook("check", "--docs-dir", str(tmp_path / "docs")).returncode == 0
