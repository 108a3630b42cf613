"""An import killed with SIGKILL halfway leaves the library exactly as it was.

A real `refs import` process writes a big BibTeX file into a library that holds the
seeds; once a megabyte of its uncommitted pages has reached the write-ahead log (the
transaction is partly written; it writes about 12 MB), it is killed with SIGKILL. The
library must dump the same as before."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from refs.library.ingest import add_articles
from refs.library.store import Library
from refs.pipeline import parse_paths
from tests.helpers import ROOT, SEEDS

ENTRIES = 25_000
KILL_AT = 1_000_000  # bytes of write-ahead log: well into the transaction, far from its end


def big_bibtex(path: Path) -> None:
    rng = random.Random(11)
    outlets = ["Reuters", "AP", "AFP", "UPI", "Interfax", "Xinhua", "Kyodo"]
    with path.open("w", encoding="utf-8") as out:
        for i in range(ENTRIES):
            out.write(
                f"@misc{{e{i}, title = {{Story {i} on talks {rng.randrange(10**6)}}}, "
                f"howpublished = {{{rng.choice(outlets)}}}, "
                f"date = {{{rng.randint(1990, 2010)}-{rng.randint(1, 12):02d}-"
                f"{rng.randint(1, 28):02d}}}}}\n"
            )


def test_sigkill_during_import_leaves_the_library_as_it_was(tmp_path: Path) -> None:
    lib_path = tmp_path / "lib.db"
    wal = tmp_path / "lib.db-wal"
    with Library(lib_path) as lib, lib.transaction():
        add_articles(lib, parse_paths([SEEDS]).articles)
    with Library(lib_path) as lib:
        before = lib.dump()
    assert not wal.exists() or wal.stat().st_size == 0
    bib = tmp_path / "big.bib"
    big_bibtex(bib)

    proc = subprocess.Popen(
        [sys.executable, "-m", "refs", "import", str(bib), "--library", str(lib_path)],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 600  # a loaded machine may take long to get there
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            if wal.exists() and wal.stat().st_size >= KILL_AT:
                break  # uncommitted pages are being written: the transaction is underway
            time.sleep(0.001)
        assert proc.poll() is None, "the import ended before it could be killed halfway"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert wal.stat().st_size >= KILL_AT  # the interrupted transaction left its pages behind

    with Library(lib_path) as lib:
        assert lib.dump() == before
        assert len(lib.references()) == 21
