"""The importer on the real-document corpus (tests/corpus/): exact question counts, no options.

    .venv/bin/python benchmarks/import_corpus.py            # dev, holdout and total
    .venv/bin/python benchmarks/import_corpus.py --misses   # and the dev misses by shape

Prints "exact counts N/M" for dev, holdout and the total, then the dev misses with the shape
the collectors wrote down. Holdout misses are counted, never named: nobody working on the
importer looks at holdout files one by one.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from realcorpus import rows, run  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--misses", action="store_true", help="list the dev files whose count is off, with their shape")
    args = parser.parse_args()
    all_rows = rows()
    if not all_rows:
        print("no corpus: tests/corpus/*/INDEX.tsv not found")
        return 1
    start = time.perf_counter()
    results = [(row, run(row, check=False)) for row in all_rows]
    seconds = time.perf_counter() - start
    for split in ("dev", "holdout"):
        part = [(r, o) for r, o in results if r.split == split]
        exact = sum(1 for r, o in part if o.count == r.expected)
        crashed = sum(1 for _, o in part if o.crashed)
        lost = sum(1 for _, o in part if o.lost)
        print(f"{split:8s} exact counts {exact}/{len(part)}  crashes {crashed}  files losing lines {lost}")
    exact = sum(1 for r, o in results if o.count == r.expected)
    print(f"{'total':8s} exact counts {exact}/{len(results)} ({exact / len(results):.0%})  "
          f"import time {seconds:.1f} s for {len(results)} files")
    refused = sum(1 for r, o in results if o.count == 0 and r.expected)
    negatives = [(r, o) for r, o in results if r.expected == 0]
    print(f"refused with questions present: {refused}; negatives kept at 0: "
          f"{sum(1 for r, o in negatives if o.count == 0)}/{len(negatives)}")
    if args.misses:
        print("\ndev misses (got/hand count, shape):")
        for r, o in results:
            if r.split == "dev" and o.count != r.expected:
                print(f"  {r.lang}/{r.file}: {o.count}/{r.expected}  {r.shape[:110]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
