"""One identity rule and one key assignment: a run over article files and the library
agree on which entries are one reference and on its key."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from refs.dedupe.identity import group_keys, identity
from refs.models import Fields, PartialDate
from tests.helpers.cli_run import run

OCT5 = PartialDate(year=2000, month=10, day=5, year_inferred=True)


def article(issue: int, entries: list[str]) -> str:
    return (
        "Disarmament Diplomacy\n\n"
        f"Issue No. {issue}, October 2000\n\n"
        "Talks in Geneva\n\n"
        "The talks stalled on October 5 in Geneva, officials said.\n\n"
        "Reports: " + "; ".join(entries) + ".\n\n"
        "© 2000 The Acronym Institute.\n"
    )


def export_keys(*args: str) -> list[str]:
    code, out, err = run("export", *args, "--format", "csljson")
    assert code == 0, err
    return [item["id"] for item in json.loads(out)]


def run_and_library(folder: Path) -> tuple[list[str], list[str]]:
    """Keys of ``refs export FOLDER`` and of ``refs add FOLDER`` + ``refs export``."""
    from_files = export_keys(str(folder))
    db = str(folder / "lib.db")
    code, _, err = run("add", str(folder), "--library", db)
    assert code == 0, err
    return from_files, export_keys("--library", db)


def test_korea_pair_is_one_reference_everywhere(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        article(50, ["Korea: talks stall in Geneva, Reuters, October 5"]), encoding="utf-8"
    )
    (tmp_path / "b.txt").write_text(
        article(51, ["Korea - talks stall in Geneva, Reuters, October 5"]), encoding="utf-8"
    )
    from_files, from_library = run_and_library(tmp_path)
    assert from_files == from_library == ["reuters2000korea"]


def test_identity_folds_punctuation_case_and_outlet_aliases() -> None:
    one = identity("Korea: talks stall in Geneva", "Reuters", None, OCT5)
    assert identity("KOREA - Talks stall in Geneva", "Reuters", None, OCT5) == one
    assert identity("Korea talks stall in Geneva", "Reuter News Reports", None, OCT5) == one
    assert identity("Korea talks stall in Geneva", "AP", None, OCT5) != one
    assert identity("Korea talks stall in Geneva", "Reuters", None, None) != one


def test_group_key_comes_from_the_merged_fields() -> None:
    # the properly cased title wins over the shouted one, whichever comes first
    shouted = Fields(
        title="N. KOREA TALKS", outlet="Reuters", outlet_canonical="Reuters", issued=OCT5
    )
    cased = Fields(
        title="North Korea talks", outlet="Reuters", outlet_canonical="Reuters", issued=OCT5
    )
    assert group_keys([[shouted, cased]]) == group_keys([[cased, shouted]]) == ["reuters2000north"]


# Stories with no word in common (so the library's fuzzy rule never joins two of them),
# each written in several ways that the identity rule folds together.
STORIES = [
    ("Korea", "talks stall in Geneva"),
    ("Putin", "backs test ban treaty"),
    ("Albright", "urges missile restraint"),
    ("Iran", "rejects inspection demands"),
]
OUTLETS = ["Reuters", "Associated Press", "AFP"]
FORMS = ["{a}: {b}", "{a} - {b}", "{a} {b}", "{A}: {b}"]

entry = st.tuples(
    st.integers(0, len(STORIES) - 1),
    st.integers(0, len(FORMS) - 1),
    st.sampled_from(OUTLETS),
    st.sampled_from([5, 15, 25]),  # days apart: the library joins a next-day report
)


def entry_text(story: int, form: int, outlet: str, day: int) -> str:
    a, b = STORIES[story]
    title = FORMS[form].format(a=a, A=a.upper(), b=b)
    return f"{title}, {outlet}, October {day}"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(entry, min_size=1, max_size=5), min_size=1, max_size=4))
def test_run_and_library_give_the_same_keys(
    articles: list[list[tuple[int, int, str, int]]],
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for n, entries in enumerate(articles):
            text = article(50 + n, [entry_text(*e) for e in entries])
            (folder / f"{n:02d}.txt").write_text(text, encoding="utf-8")
        from_files, from_library = run_and_library(folder)
        assert from_files == from_library
        assert len(from_files) == len({(e[0], e[2], e[3]) for es in articles for e in es})
