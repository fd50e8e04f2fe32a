"""tests/searchbook/import.sh re-imports the evaluation book from its sources with today's
importer: re-running it must give back exactly the committed pages (the hard query set is
measured on them)."""

from __future__ import annotations

import filecmp
import os
import subprocess
import sys
from pathlib import Path

from searchset import SEARCHBOOK


def differences(a: Path, b: Path) -> list[str]:
    """Files that differ or exist on one side only, recursively (paths relative to `a`)."""
    cmp = filecmp.dircmp(a, b)
    out = [f"only committed: {n}" for n in cmp.left_only] + [f"only re-imported: {n}" for n in cmp.right_only]
    out += [f"differs: {n}" for n in cmp.diff_files if not filecmp.cmp(a / n, b / n, shallow=False)]
    for sub in cmp.common_dirs:
        out += [f"{sub}/{d}" for d in differences(a / sub, b / sub)]
    return out


def test_re_running_import_sh_changes_nothing(tmp_path: Path) -> None:
    qabook = Path(sys.executable).parent / "qabook"
    assert qabook.is_file(), f"the qabook command is not beside {sys.executable}"
    out = tmp_path / "docs"
    r = subprocess.run(["bash", str(SEARCHBOOK / "import.sh")], env={**os.environ, "QABOOK": str(qabook), "OUT": str(out)},
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]
    chapters = sorted(p.name for p in (SEARCHBOOK / "docs").iterdir() if p.is_dir())
    assert len(chapters) == 6 and sorted(p.name for p in out.iterdir()) == chapters
    found = [f"{ch}/{d}" for ch in chapters for d in differences(SEARCHBOOK / "docs" / ch, out / ch)]
    assert found == [], found
