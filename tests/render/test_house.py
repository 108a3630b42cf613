"""The house style gives back each seed article's own source list."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from refs.models import PartialDate, Reference
from refs.pipeline import parse_paths
from refs.render.document import render_references
from refs.render.styles import load_style

ROOT = Path(__file__).resolve().parents[2]
GOLD = json.loads((ROOT / "tests" / "data" / "gold_seeds.json").read_text(encoding="utf-8"))


def as_listed(raw: str) -> str:
    """A source-list entry without the stray punctuation the archive has around its
    separators (a trailing period, a quote left after a comma)."""
    text = re.sub(r",'\s", ", ", raw.strip())
    return text[:-1] if text.endswith(".") else text


def gold_references(article: dict[str, Any]) -> list[Reference]:
    refs = []
    for n, ref in enumerate(article["references"]):
        year, *rest = (int(p) for p in ref["issued"].split("-"))
        soft = ref["soft"]
        refs.append(
            Reference(
                key=f"r{n}",
                raw=ref["raw"],
                title=ref["title"],
                outlet=ref["outlet"],
                issued=PartialDate(
                    year=year, month=rest[0] if rest else None, day=rest[1] if rest[1:] else None
                ),
                type=soft["type"],
                publisher=soft["publisher"],
                container_title=soft["container_title"],
            )
        )
    return refs


@pytest.mark.parametrize("article", GOLD["articles"], ids=lambda a: a["file"])
def test_house_style_round_trip_from_gold(article: dict[str, object]) -> None:
    refs = gold_references(article)
    out = render_references(refs, load_style("archive"), "text", citations=False)
    assert [e.text for e in out.entries] == [as_listed(r.raw) for r in refs]


def test_house_style_round_trip_from_parsed_seeds() -> None:
    result = parse_paths([ROOT / "seeds"])
    assert len(result.articles) == 2
    for parsed in result.articles:
        refs = list(parsed.references)
        out = render_references(refs, load_style("archive"), "text", citations=False)
        assert [e.text for e in out.entries] == [as_listed(r.raw) for r in refs]


def test_house_style_ignores_the_text_of_quotes() -> None:
    ref = Reference(key="k", raw="", title="talks have ''", outlet="AP", container_title="AP")
    out = render_references([ref], load_style("archive"), "text", citations=False)
    assert out.entries[0].text == "talks have '', AP"


def test_packaged_copy_matches_styles_folder() -> None:
    tree = (ROOT / "styles" / "refs-archive.csl").read_bytes()
    packaged = (ROOT / "refs" / "data" / "refs-archive.csl").read_bytes()
    assert tree == packaged
