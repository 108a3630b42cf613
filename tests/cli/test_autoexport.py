"""`refs autoexport`: a registered export is rewritten (atomically) after every command
that changes the library, with its filters; list and remove."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from refs.formats import registry
from tests.conftest import NewLibrary
from tests.helpers import DATA, SEEDS
from tests.helpers.cli_run import run
from tests.helpers.export_data import sample_refs

SEED0, SEED1 = (str(p) for p in sorted(SEEDS.glob("*.txt"))[:2])


def keys_in(path: Path) -> list[str]:
    return [item["id"] for item in json.loads(path.read_text(encoding="utf-8"))]


def test_registered_exports_follow_every_change(tmp_path: Path, new_library: NewLibrary) -> None:
    lib = new_library("lib.db")
    assert run("add", SEED0, "--library", lib)[0] == 0
    out = tmp_path / "paper" / "refs.json"
    out.parent.mkdir()
    code, _, err = run("autoexport", "add", str(out), "-f", "csljson", "--library", lib)
    assert code == 0 and "registered" in err
    first = keys_in(out)
    assert "ap2000kim" in first  # written at once
    # `refs add` rewrites it
    assert run("add", SEED1, "--library", lib)[0] == 0
    after_add = keys_in(out)
    assert set(first) < set(after_add)
    # so does `refs import`
    bib = tmp_path / "more.bib"
    bib.write_text(registry.export("bibtex", sample_refs()[:1]), encoding="utf-8")
    code, out_json, _ = run("import", str(bib), "--library", lib, "--format", "json")
    assert code == 0
    (new_key,) = json.loads(out_json)["new_keys"]
    assert new_key in keys_in(out) and len(keys_in(out)) == len(after_add) + 1
    # and `refs merge`
    code, _, err = run("merge", "ap2000kim", "ap2000gore", "--force", "--library", lib)
    assert code == 0, err
    assert "ap2000gore" not in keys_in(out)
    # no temporary file is left beside it
    assert [p.name for p in out.parent.iterdir()] == ["refs.json"]


def test_filters_list_and_remove(tmp_path: Path, new_library: NewLibrary) -> None:
    lib = new_library("lib.db")
    run("add", SEED0, "--library", lib)
    reuters = tmp_path / "reuters.bib"
    args = ("autoexport", "add", str(reuters), "-f", "biblatex", "--outlet", "Reuters")
    assert run(*args, "--library", lib)[0] == 0
    text = reuters.read_text(encoding="utf-8")
    assert "journaltitle = {Reuters}" in text and "Associated Press" not in text
    code, out, _ = run("autoexport", "list", "--format", "json", "--library", lib)
    assert code == 0
    (listed,) = json.loads(out)
    assert listed["path"] == str(reuters.resolve()) and listed["format"] == "biblatex"
    assert listed["filters"]["outlets"] == ["Reuters"]
    assert "--outlet Reuters" in run("autoexport", "list", "--library", lib)[1]
    assert run("autoexport", "remove", str(reuters), "--library", lib)[0] == 0
    reuters.unlink()
    run("add", SEED1, "--library", lib)
    assert not reuters.exists()  # no longer kept current
    code, _, err = run("autoexport", "remove", str(reuters), "--library", lib)
    assert code == 2 and "not a registered export" in err


def test_a_version_2_library_gains_the_table(tmp_path: Path) -> None:
    lib = tmp_path / "lib.db"
    shutil.copy(DATA / "libraries" / "v2-seeds-import.db", lib)  # written by refs 0.1.0
    assert run("autoexport", "list", "--library", str(lib))[0] == 0  # migrated on open
    assert run("add", SEED1, "--library", str(lib))[0] == 0
