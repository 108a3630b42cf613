"""Four processes adding overlapping sets of articles to one library and merging at the
same time, on each backend: none fails, and the library holds what one process doing
it all would have made."""

from __future__ import annotations

import json
import shlex
import subprocess
import sys

from tests.conftest import NewLibrary
from tests.helpers import DATA, ROOT, SEEDS
from tests.helpers.cli_run import run_main

ARTICLES = sorted([*SEEDS.glob("*.txt"), *(DATA / "articles").glob("*.txt")])
# the merge each process makes after its add: two references of its own articles
MERGES = (
    ("ap2000gore", "ap2000kim"),
    ("reuters2000american", "reuters2000russia"),
    ("ap1998treaty", "reuters1998senate"),
    ("kyodo1997test", "upi1997experts"),
)


def _library(lib: str) -> list[object]:
    """The library as a user sees it: every reference with its citations and aliases,
    and the CSL-JSON export, in a stable order."""
    code, out, err = run_main("list", "--format", "json", "--library", lib)
    assert code == 0, err
    rows: list[object] = json.loads(out)
    code, exported, err = run_main("export", "--format", "csljson", "--library", lib)
    assert code == 0, err
    return [sorted(rows, key=lambda row: json.dumps(row, sort_keys=True)), exported]


def _refs(*args: str) -> str:
    return shlex.join([sys.executable, "-m", "refs", *args])


def test_four_writers_at_once_equal_one(new_library: NewLibrary) -> None:
    alone = new_library("alone.db")
    code, _, err = run_main("add", *map(str, ARTICLES), "--library", alone)
    assert code == 0, err
    for a, b in MERGES:
        code, _, err = run_main("merge", a, b, "--force", "--library", alone)
        assert code == 0, err
    shared = new_library("shared.db")
    n = len(ARTICLES)
    parts = [[str(ARTICLES[(i + j) % n]) for j in range(4)] for i in range(4)]
    procs = [
        subprocess.Popen(
            _refs("add", *part, "--library", shared)
            + " && "
            + _refs("merge", *merge, "--force", "--library", shared),
            shell=True,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for part, merge in zip(parts, MERGES, strict=True)
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        assert "Traceback" not in err
    assert _library(shared) == _library(alone)
