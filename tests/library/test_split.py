"""Every merge can be undone: `refs split KEY` gives a merged-away key its citations
back as a reference of its own, and the pair is never proposed or merged again."""

from __future__ import annotations

import json

from tests.conftest import NewLibrary
from tests.helpers import SEEDS
from tests.helpers.cli_run import run

SEED0 = str(SEEDS / "000_ef633acc338f5415.txt")


def _listed(lib: str) -> dict[str, int]:
    _, out, _ = run("list", "--format", "json", "--library", lib)
    return {r["key"]: len(r["citations"]) for r in json.loads(out)}


def test_a_merge_is_undone_by_split(new_library: NewLibrary) -> None:
    lib = new_library("t.db")
    assert run("add", SEED0, "--library", lib)[0] in (0, 1)
    before = _listed(lib)
    first, second = sorted(before)[:2]
    code, _, err = run("merge", first, second, "--force", "--library", lib)
    assert code == 0, err
    assert second not in _listed(lib)
    code, _, err = run("split", second, "--library", lib)
    assert code == 0, err
    assert "is its own reference again (1 citation(s))" in err
    assert _listed(lib) == before
    assert run("dedupe", "--apply", "--library", lib)[0] == 0
    assert _listed(lib) == before  # kept apart from then on
    code, _, err = run("split", second, "--library", lib)
    assert code == 2 and "was not merged" in err


def test_split_of_a_key_never_merged_is_a_usage_error(new_library: NewLibrary) -> None:
    lib = new_library("t.db")
    run("add", SEED0, "--library", lib)
    key = sorted(_listed(lib))[0]
    code, _, err = run("split", key, "--library", lib)
    assert code == 2 and "was not merged into another reference" in err
