"""Four processes adding overlapping sets of articles to one library at the same time:
none fails, and the library holds what one process adding them all would have made."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.helpers import DATA, ROOT, SEEDS
from tests.helpers.cli_run import run_main

ARTICLES = sorted([*SEEDS.glob("*.txt"), *(DATA / "articles").glob("*.txt")])


def _references(lib: str) -> list[object]:
    code, out, err = run_main("list", "--format", "json", "--library", lib)
    assert code == 0, err
    rows: list[object] = json.loads(out)
    return sorted(rows, key=lambda row: json.dumps(row, sort_keys=True))


def test_four_writers_at_once_equal_one(tmp_path: Path) -> None:
    alone = str(tmp_path / "alone.db")
    code, _, err = run_main("add", *map(str, ARTICLES), "--library", alone)
    assert code == 0, err
    shared = str(tmp_path / "shared.db")
    n = len(ARTICLES)
    parts = [[str(ARTICLES[(i + j) % n]) for j in range(4)] for i in range(4)]
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "refs", "add", *part, "--library", shared],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for part in parts
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        assert "Traceback" not in err
    assert _references(shared) == _references(alone)
