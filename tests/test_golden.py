"""Golden files over seeds/: what the main commands print for the two sample articles.
Regenerate with `make golden` (pytest --update-golden), review the diff, never edit them
by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from refs.cli.commands import app
from tests.helpers import ROOT, SEEDS

GOLDEN = Path(__file__).resolve().parent / "golden"
SEED_NAMES = [seed.name for seed in sorted(SEEDS.glob("*.txt"))]
# (golden file suffix, arguments after the path)
PER_SEED = [
    ("parse.json", ["parse", "--format", "json"]),
    ("parse.txt", ["parse", "--format", "table"]),
]
BOTH_SEEDS = [
    ("check.json", ["check", "--format", "json"]),
    ("check.txt", ["check", "--format", "text"]),
    ("render-chicago.txt", ["render", "--style", "chicago", "--citations"]),
    ("render-archive.txt", ["render", "--style", "archive"]),
    ("export.bib", ["export", "--format", "bibtex"]),
    ("export-biblatex.bib", ["export", "--format", "biblatex"]),
    ("export.json", ["export", "--format", "csljson"]),
    ("export.ris", ["export", "--format", "ris"]),
]
CASES = [
    (f"{Path(s).stem}.{suffix}", args, f"seeds/{s}")
    for s in SEED_NAMES
    for suffix, args in PER_SEED
]
CASES += [(f"seeds.{suffix}", args, "seeds") for suffix, args in BOTH_SEEDS]


@pytest.mark.parametrize(("golden", "args", "path"), CASES, ids=[c[0] for c in CASES])
def test_golden(
    golden: str,
    args: list[str],
    path: str,
    update_golden: bool,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, [args[0], path, *args[1:]])
    assert result.exit_code == 0, result.stderr
    file = GOLDEN / golden
    if update_golden:
        file.write_bytes(result.stdout_bytes)
    assert file.exists(), "run `make golden` to create the golden file"
    assert result.stdout_bytes == file.read_bytes()
