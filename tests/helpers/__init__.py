"""Shared test helpers: the repository's folders, the in-process CLI runner, sample
references and the citeproc-js harness."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TESTS = ROOT / "tests"
SEEDS = ROOT / "seeds"
DATA = TESTS / "data"
