"""Golden files over seeds/: `refs parse` JSON and table output. Regenerate with
`make golden` (pytest --update-golden), review the diff, never edit them by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from refs.cli import app
from tests.conftest import ROOT, SEEDS

GOLDEN = Path(__file__).resolve().parent / "golden"
CASES = [(seed.name, fmt) for seed in sorted(SEEDS.glob("*.txt")) for fmt in ("json", "table")]


@pytest.mark.parametrize(("seed", "fmt"), CASES)
def test_parse_golden(
    seed: str, fmt: str, update_golden: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, ["parse", f"seeds/{seed}", "--format", fmt])
    assert result.exit_code == 0, result.stderr
    golden = GOLDEN / f"{Path(seed).stem}.parse.{'json' if fmt == 'json' else 'txt'}"
    if update_golden:
        golden.write_text(result.stdout, encoding="utf-8")
    assert golden.exists(), "run `make golden` to create the golden file"
    assert result.stdout == golden.read_text(encoding="utf-8")
