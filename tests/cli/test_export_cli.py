"""`refs export`: formats, filters, output file, library mode, bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.helpers import SEEDS
from tests.helpers.cli_run import run, run_main


def test_export_articles_each_format() -> None:
    for fmt, marker in (
        ("bibtex", "@misc{ap2000kim,"),
        ("biblatex", "@article{ap2000kim,"),
        ("csljson", '"id": "ap2000kim"'),
        ("ris", "ID  - ap2000kim"),
    ):
        code, out, err = run("export", str(SEEDS), "--format", fmt)
        assert code == 0, err
        assert marker in out
        assert "S003 warning" in err  # parse diagnostics go to stderr


def test_filters() -> None:
    code, out, _ = run(
        "export", str(SEEDS), "-f", "csljson", "--outlet", "reuters", "--since", "2000-08"
    )
    assert code == 0
    assert [i["id"] for i in json.loads(out)] == ["reuters2000american", "reuters2000us"]
    code, out, _ = run("export", str(SEEDS), "-f", "csljson", "--article", "000_ef633acc338f5415")
    assert len(json.loads(out)) == 8
    code, out, err = run("export", str(SEEDS), "-f", "csljson", "--until", "1990")
    assert code == 0 and json.loads(out) == [] and "no reference matched" in err


def test_bad_date_is_a_usage_error() -> None:
    code, out, err = run("export", str(SEEDS), "--since", "last week")
    assert code == 2 and out == ""
    assert "--since 'last week' is not a date" in err and "Traceback" not in err


def test_unknown_format_is_a_usage_error() -> None:
    code, _, err = run("export", str(SEEDS), "--format", "endnote")
    assert code == 2 and "endnote" in err


def test_output_file_written_atomically(tmp_path: Path) -> None:
    target = tmp_path / "out.ris"
    code, out, _ = run("export", str(SEEDS), "-f", "ris", "-o", str(target))
    assert code == 0 and out == ""
    data = target.read_bytes()
    assert data.startswith(b"TY  - ") and b"\r\n" in data
    assert [p.name for p in tmp_path.iterdir()] == ["out.ris"]


def test_one_source_in_several_articles_is_exported_once(tmp_path: Path) -> None:
    seed = SEEDS / "001_71ef8663aa33fb13.txt"
    (tmp_path / "copy.txt").write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, err = run("export", str(seed), str(tmp_path / "copy.txt"), "-f", "csljson")
    assert code == 0, err
    ids = [i["id"] for i in json.loads(out)]
    assert len(ids) == len(set(ids)) == 13
    code, out, err = run("export", str(SEEDS), "-f", "csljson")
    assert code == 0, err
    ids = [i["id"] for i in json.loads(out)]
    assert len(ids) == len(set(ids)) == 21


def test_library_mode(library_url: str) -> None:
    db = library_url
    proc = subprocess.run(
        [sys.executable, "-m", "refs", "export", "--library", db],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2 and "no library" in proc.stderr
    assert "Traceback" not in proc.stderr
    code, _, err = run_main("list", "--library", db)  # the export made no library
    assert code == 2 and "no library" in err
    code, _, err = run("add", str(SEEDS), "--library", db)
    assert code == 0, err
    code, out, err = run("export", "--library", db, "-f", "csljson", "--outlet", "Reuters")
    assert code == 0, err
    items = json.loads(out)
    assert len(items) >= 5 and all(i.get("container-title") == "Reuters" for i in items)
    code, out, _ = run(
        "export", "--library", db, "-f", "bibtex", "--article", "000_ef633acc338f5415"
    )
    assert code == 0 and out.count("@misc{") == 8
