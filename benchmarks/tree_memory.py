"""A command's memory over its whole process tree, sampled every second: the largest single
process (what `./scripts/bench` calls the peak: `wait4`'s `ru_maxrss` of the largest process)
and the tree's proportional set size (PSS: pages shared by forked workers counted once), with a
timeline, so that a big build shows which step holds what.

    .venv/bin/python benchmarks/tree_memory.py -- qabook build --no-pdf

Printed on stderr at the end: exit code, wall and CPU seconds (the tree's user + system),
`ru_maxrss` of the largest process, the sampled largest process and the sampled PSS sum (MB),
and about 40 samples "seconds:processes/largest MB/PSS MB". Linux only (`/proc`).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time


def _rss(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return 0.0


def _pss(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as f:
                out += [int(x) for x in f.read().split()]
    except OSError:
        pass
    return out


def _tree(pid: int) -> list[int]:
    todo, seen = [pid], []
    while todo:
        p = todo.pop()
        seen.append(p)
        todo += _children(p)
    return seen


def main() -> int:
    command = sys.argv[1:]
    if command[:1] == ["--"]:
        command = command[1:]
    if not command:
        print(__doc__, file=sys.stderr)
        return 2
    start = time.time()
    proc = subprocess.Popen(command)
    largest = total = 0.0
    samples = []
    while proc.poll() is None:
        pids = _tree(proc.pid)
        one = max((_rss(p) for p in pids), default=0.0)
        pss = sum(_pss(p) for p in pids)
        largest, total = max(largest, one), max(total, pss)
        samples.append((round(time.time() - start), len(pids), round(one), round(pss)))
        time.sleep(1)
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"exit {proc.returncode}; wall {time.time() - start:.1f} s; CPU {usage.ru_utime + usage.ru_stime:.1f} s; "
          f"ru_maxrss (largest process) {usage.ru_maxrss / 1024:.0f} MB; sampled: largest process {largest:.0f} MB, "
          f"PSS of the tree {total:.0f} MB", file=sys.stderr)
    step = max(1, len(samples) // 40)
    print("timeline (s:processes/largest MB/PSS MB): " + " ".join(f"{a}:{b}/{c}/{d}" for a, b, c, d in samples[::step]),
          file=sys.stderr)
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main())
