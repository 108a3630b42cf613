"""`refs link confirm|reject|add|list`: the editor's decisions are kept in the library and
outlive another layout of the article, a sentence splitter that shifts claim positions,
and a change of the linker; `refs check` shows each link's review status and
`--confirmed` counts confirmed links only."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from refs.check import claims as claims_module
from refs.check.sentences import split_sentences
from tests.conftest import NewLibrary
from tests.helpers import SEEDS
from tests.helpers.cli_run import run

SEED = SEEDS / "000_ef633acc338f5415.txt"
STEM = SEED.stem


def _check(db: str) -> dict[str, Any]:
    code, out, err = run("check", "--library", db, "--article", STEM, "--format", "json")
    assert code == 0, err
    article: dict[str, Any] = json.loads(out)["articles"][0]
    return article


def _status(art: dict[str, Any], claim: str, key: str) -> str | None:
    for c in art["claims"]:
        if c["id"] == claim:
            for s in c["sources"]:
                if s["key"] == key:
                    return str(s["status"])
    return None


def _claim(art: dict[str, Any], start: str) -> dict[str, Any]:
    found: dict[str, Any] = next(c for c in art["claims"] if c["text"].startswith(start))
    return found


@pytest.fixture
def reviewed(new_library: NewLibrary) -> tuple[str, str, str, str]:
    """A library with the seed: one link confirmed, one rejected, one added (claims late
    in the article, so that a splitter cutting earlier sentences moves them)."""
    db = new_library("refs.db")
    assert run("add", str(SEED), "--library", db)[0] == 0
    art = _check(db)
    holum = _claim(art, "In an October interview")
    fuerth = _claim(art, "on October 26, Leon S. Fuerth")
    union = _claim(art, "A European Union delegation")
    assert union["sources"] == []
    for verb, claim, key in (
        ("confirm", holum["id"], "washfile2000start"),
        ("reject", fuerth["id"], "ap2000gore"),
        ("add", union["id"], "ap2000korea"),
    ):
        code, _, err = run("link", verb, STEM, claim, key, "--library", db)
        assert code == 0, err
    return db, holum["id"], fuerth["id"], union["id"]


def _assert_review_holds(db: str, holum: str, fuerth: str, union: str) -> dict[str, Any]:
    art = _check(db)
    assert _status(art, holum, "washfile2000start") == "confirmed"
    assert _status(art, fuerth, "ap2000gore") == "rejected"
    assert _status(art, union, "ap2000korea") == "confirmed"
    status = {c["id"]: c["status"] for c in art["claims"]}
    assert status[fuerth] == "unsupported"  # a rejected link never counts
    assert status[union] == "supported"
    return art


def test_decisions_show_in_check(reviewed: tuple[str, str, str, str]) -> None:
    _assert_review_holds(*reviewed)
    db = reviewed[0]
    code, out, _ = run("link", "list", "--library", db)
    assert code == 0 and out.count("confirmed") == 2 and out.count("rejected") == 1
    code, out, _ = run("check", "--library", db, "--article", STEM)
    assert "washfile2000start" in out and "ap2000gore" in out and " rejected:" in out


def test_decision_survives_another_layout(
    reviewed: tuple[str, str, str, str], tmp_path: Path
) -> None:
    db = reviewed[0]
    flat = tmp_path / "flat" / SEED.name
    flat.parent.mkdir()
    text = SEED.read_text(encoding="utf-8")
    flat.write_text("".join(line.strip() for line in text.splitlines()), encoding="utf-8")
    code, _, err = run("add", str(flat), "--library", db)
    assert code == 0, err
    assert "already known" in err  # the same article: the library knows it
    _assert_review_holds(*reviewed)
    code, out, _ = run("check", str(flat), "--format", "json")
    ids = {c["id"] for c in json.loads(out)["articles"][0]["claims"]}
    assert set(reviewed[1:]) <= ids  # the decided claims have the same ids in this layout


def test_decision_survives_a_shifting_splitter(
    reviewed: tuple[str, str, str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A splitter that also cuts sentences at a colon gives more claims before the
    decided ones (their positions shift); they keep their ids and their decisions."""
    before = [c["id"] for c in _check(reviewed[0])["claims"]]

    def at_colons(text: str) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        for s, e in split_sentences(text):
            cut = text.find(": ", s, e)
            out += [(s, cut + 1), (cut + 2, e)] if cut > 0 else [(s, e)]
        return out

    monkeypatch.setattr(claims_module, "split_sentences", at_colons)
    art = _assert_review_holds(*reviewed)
    after = [c["id"] for c in art["claims"]]
    assert [after.index(c) for c in reviewed[1:]] != [before.index(c) for c in reviewed[1:]]


def test_decision_survives_a_linker_change(
    reviewed: tuple[str, str, str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A linker that suggests nothing: the confirmed links still count."""
    monkeypatch.setattr("refs.check.coverage.decide", lambda *a, **k: ())
    db, holum, fuerth, union = reviewed
    art = _check(db)
    assert _status(art, holum, "washfile2000start") == "confirmed"
    assert _status(art, union, "ap2000korea") == "confirmed"
    assert _status(art, fuerth, "ap2000gore") is None  # nothing suggested, nothing to reject
    assert art["coverage"]["supported"] == 2


def test_min_coverage_counts_confirmed_links(reviewed: tuple[str, str, str, str]) -> None:
    db = reviewed[0]
    base = ("check", "--library", db, "--article", STEM, "--min-coverage", "0.3")
    assert run(*base)[0] == 0
    code, _, err = run(*base, "--confirmed")
    assert code == 1 and "confirmed coverage" in err


def test_mistakes_exit_2_with_a_hint(reviewed: tuple[str, str, str, str]) -> None:
    db, holum, _, _ = reviewed
    lib = ("--library", db)
    code, _, err = run("link", "confirm", STEM, holum, "ap2000kim", *lib)
    assert code == 2 and "refs link add" in err  # not suggested: add it
    assert run("link", "confirm", STEM, "cnothing", "ap2000kim", *lib)[0] == 2
    assert run("link", "confirm", "nosuch", holum, "ap2000kim", *lib)[0] == 2
    code, _, err = run("link", "add", STEM, holum, "nosuchkey", *lib)
    assert code == 2 and "no reference with key" in err
