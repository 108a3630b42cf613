"""Articles made ready for the store (in `refs add`'s workers): what each citation carries
is what placing would work out from its variant, the variant comes back whole from its
columns, and a ready article crosses processes unchanged."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

import pytest

from refs.dedupe.identity import key_request, variant_identity
from refs.library.ready import ReadyArticle, made_ready, ready, ready_job
from refs.library.schema import fields_of_row, fields_row
from refs.library.writes import match_item
from refs.models import fields_of
from refs.pipeline import build, file_job, unkeyed
from tests.helpers import DATA, SEEDS

PAGES = sorted((DATA / "realpages" / "pages").iterdir())
FILES = [*sorted(SEEDS.glob("*.txt")), *sorted((DATA / "articles").glob("*.txt")), *PAGES]
FILES += sorted((DATA / "care").glob("*.txt"))


def made(file: Path) -> ReadyArticle:
    one = ready_job(file, None)
    assert isinstance(one, ReadyArticle), one
    return one


@pytest.mark.parametrize("file", FILES, ids=lambda f: f.name)
def test_each_citation_carries_what_placing_works_out(file: Path) -> None:
    parsed = file_job(file, None)
    assert not isinstance(parsed, list)
    article = made(file)
    refs = unkeyed(parsed).references
    assert [c.index for c in article.citations] == [r.index for r in refs]
    for cited, ref in zip(article.citations, refs, strict=True):
        variant = fields_of(ref)
        r = cited.ready
        assert fields_of_row(r.columns) == variant  # the variant, whole, from its columns
        assert r.columns == fields_row(variant)
        assert r.identity == variant_identity(variant)
        assert r.view == match_item("", variant)
        assert r.request == key_request(variant)
        assert cited.raw == ref.raw and cited.line == (ref.span.line if ref.span else None)


@pytest.mark.parametrize("file", FILES, ids=lambda f: f.name)
def test_a_ready_article_crosses_processes_unchanged(file: Path) -> None:
    article = made(file)
    assert pickle.loads(pickle.dumps(article, protocol=pickle.HIGHEST_PROTOCOL)) == article


def test_the_worker_gives_what_a_parse_of_the_run_gives() -> None:
    """A file made ready in a worker equals the run's parse made ready: keys aside (the
    library gives them), the S008 findings held back to be keyed once placed."""
    for file in FILES:
        parsed = file_job(file, None)
        assert not isinstance(parsed, list)
        (whole,) = build([parsed])
        keyed = ready(whole)
        unkeyed_refs = tuple(dataclasses.replace(r, key="") for r in keyed.guessed)
        assert dataclasses.replace(keyed, guessed=unkeyed_refs) == made(file)


def test_a_guessed_year_is_kept_for_its_finding() -> None:
    article = made(DATA / "care" / "late_issue.txt")
    (guess,) = article.guessed
    assert guess.raw == "Kim Dae-jung urges Bush to engage Pyongyang, Yonhap, March 1"
    assert all(d.code != "S008" for d in article.diagnostics)


def test_made_ready_is_the_rules_on_a_variant() -> None:
    article = made(SEEDS / "000_ef633acc338f5415.txt")
    variant = fields_of_row(article.citations[0].ready.columns)
    assert made_ready(variant) == article.citations[0].ready
