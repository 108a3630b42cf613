"""The seeds against the expected parse (tests/data/gold_seeds.json)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from refs.pipeline import parse_paths
from refs.report.json_doc import article_json
from tests.helpers import DATA, SEEDS

GOLD = json.loads((DATA / "gold_seeds.json").read_text(encoding="utf-8"))


def norm(value: Any) -> Any:
    return " ".join(str(value).split()) if value is not None else None


@pytest.mark.parametrize("gold", GOLD["articles"], ids=lambda g: g["file"])
def test_seed_matches_gold(gold: dict[str, Any]) -> None:
    result = parse_paths([SEEDS / gold["file"]])
    art = article_json(result.articles[0])
    for field in ("publication", "issue", "issue_date", "title"):
        assert norm(art[field]) == norm(gold[field]), field
    assert len(art["references"]) == len(gold["references"])
    for got, want in zip(art["references"], gold["references"], strict=True):
        assert norm(got["raw"]) == norm(want["raw"])
        for field in ("title", "outlet", "issued"):
            assert norm(got[field]) == norm(want[field]), (want["raw"], field)
        for field, value in want["soft"].items():
            assert norm(got[field]) == norm(value), (want["raw"], field)
