"""Deduplication: quality on a labelled set, blocking, distinct pairs, and properties
(order independence, idempotence)."""

from __future__ import annotations

import json
import random

from hypothesis import assume, example, given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from refs.dedupe.clusters import Item, find_duplicates, make_item
from refs.dedupe.merge import merge_variants
from refs.dedupe.pairs import AUTO, mergeable_lengths
from refs.models import Fields, Name, PartialDate
from tests.helpers import DATA


def pd(text: str) -> PartialDate:
    parts = [int(x) for x in text.split("-")]
    return PartialDate(
        year=parts[0],
        month=parts[1] if len(parts) > 1 else None,
        day=parts[2] if len(parts) > 2 else None,
    )


def item(key: str, title: str, outlet: str, issued: str) -> Item:
    return make_item(key, title, outlet, pd(issued), None)


def merged_pairs(items: list[Item]) -> set[frozenset[str]]:
    out: set[frozenset[str]] = set()
    for group in find_duplicates(items).auto_groups:
        out.update(frozenset((a, b)) for a in group for b in group if a < b)
    return out


# ---------------------------------------------------------------- the labelled set


def test_labelled_pairs_precision_and_recall() -> None:
    pairs = json.loads((DATA / "dedupe_pairs.json").read_text(encoding="utf-8"))["pairs"]
    assert len(pairs) >= 200
    kinds = {p["kind"] for p in pairs if not p["duplicate"]}
    assert {"one word changed", "generic title, other day", "numbers differ"} <= kinds
    assert "code inside a word" in kinds
    tp = fp = fn = 0
    wrong = []
    for p in pairs:
        a, b = p["a"], p["b"]
        found = bool(
            merged_pairs(
                [
                    item("a", a["title"], a["outlet"], a["issued"]),
                    item("b", b["title"], b["outlet"], b["issued"]),
                ]
            )
        )
        tp += found and p["duplicate"]
        fp += found and not p["duplicate"]
        fn += not found and p["duplicate"]
        if found != p["duplicate"]:
            wrong.append((p["kind"], a["title"], b["title"]))
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    assert precision >= 0.98 and recall >= 0.98, (precision, recall, wrong)


def test_codes_inside_words_are_never_merged_on_their_own() -> None:
    pairs = json.loads((DATA / "dedupe_pairs.json").read_text(encoding="utf-8"))["pairs"]
    hard = [p for p in pairs if p["kind"] == "code inside a word"]
    assert len(hard) >= 10
    for p in hard:
        a, b = p["a"], p["b"]
        items = [
            item("a", a["title"], a["outlet"], a["issued"]),
            item("b", b["title"], b["outlet"], b["issued"]),
        ]
        assert not merged_pairs(items), (a["title"], b["title"])


def test_a_generated_set_of_numbered_codes_stays_apart() -> None:
    # was: 32,000 distinct titles of one outlet and date became 1,001 references
    items = [
        item(f"k{n:05d}", f"Shahab{n} missile tested", "Associated Press", "2000-07-19")
        for n in range(1, 1500)
    ]
    result = find_duplicates(items)
    assert result.auto_groups == ()


@given(st.integers(0, 10**6), st.integers(0, 10**6), st.sampled_from(["Shahab", "START-", "F"]))
@settings(max_examples=200, deadline=None)
def test_titles_with_other_glued_numbers_never_auto_merge(m: int, n: int, code: str) -> None:
    assume(m != n)
    a = item("a", f"Iran tests {code}{m} missile again", "Reuters", "2000-07-19")
    b = item("b", f"Iran tests {code}{n} missile again", "Reuters", "2000-07-19")
    assert not merged_pairs([a, b])


def test_seed_reuters_stories_of_july_20_stay_apart() -> None:
    items = [
        item("r1", "Putin says North Korea offers to give up rockets", "Reuters", "2000-07-19"),
        item("r2", "Washington - Russia intention in North Korea unclear", "Reuters", "2000-07-20"),
        item("r3", "Russia, North Korea - US missile fears groundless", "Reuters", "2000-07-20"),
        item("r4", "Putin visits North Korea", "Associated Press", "2000-07-20"),
    ]
    assert find_duplicates(items).auto_groups == ()


def test_generic_title_on_other_days_is_never_merged() -> None:
    title = "Transcript - State Dept. noon briefing"
    items = [item(f"k{d}", title, "US State Department", f"2000-07-{d:02d}") for d in (20, 21, 28)]
    result = find_duplicates(items)
    assert result.auto_groups == () and result.clusters == ()  # not even proposed
    assert result.comparisons >= 1  # the neighbouring day was compared
    same_day = [
        *items,
        item(
            "k20b",
            "Transcript: State Department noon briefing",
            "US State Department",
            "2000-07-20",
        ),
    ]
    (cluster,) = find_duplicates(same_day).clusters
    assert cluster.keys == ("k20", "k20b") and cluster.auto
    assert cluster.pairs[0].reasons == ("exact match on normalised fields",)


def test_variants_that_must_merge() -> None:
    items = [
        item("a", "N. Korea decries anti-missile system", "AP", "2000-07-22"),
        item("b", "North Korea decries anti-missile system", "Associated Press", "2000-07-22"),
        item("c", "north korea DECRIES anti missile system.", "Associated Press", "2000-07-22"),
        item("d", "North Korea decries anti-misile system", "The Associated Press", "2000-07-22"),
        item("e", "US reviews arms sales ban", "Reuter News Reports", "1997-04-28"),
        item("f", "US reviews arms sales ban", "Reuters", "1997-04-28"),
    ]
    assert find_duplicates(items).auto_groups == (("a", "b", "c", "d"), ("e", "f"))


def test_block_boundary_does_not_split_a_duplicate() -> None:
    items = [
        item("a", "Kim indicates he would halt missile exports", "Reuters", "2000-07-31"),
        item("b", "Kim indicates he would halt missile exports", "Reuters", "2000-08-01"),
        item("c", "Kim indicates he would halt missile exports", "Reuters", "2000-12"),
        item("d", "Kim indicates he would halt missile exports", "Reuters", "2001-01"),
    ]
    result = find_duplicates(items)
    assert ("a", "b") in {(p.a, p.b) for c in result.clusters for p in c.pairs}
    assert ("c", "d") in {(p.a, p.b) for c in result.clusters for p in c.pairs}


def test_distinct_pairs_are_never_proposed_nor_joined() -> None:
    items = [
        item("a", "Putin visits North Korea", "Reuters", "2000-07-20"),
        item("b", "Putin visits North Korea", "Reuters", "2000-07-20"),
        item("c", "Putin visits N. Korea", "Reuters", "2000-07-20"),
    ]
    assert find_duplicates(items).auto_groups == (("a", "b", "c"),)
    result = find_duplicates(items, distinct={("a", "b")})
    assert all((p.a, p.b) != ("a", "b") for c in result.clusters for p in c.pairs)
    for group in result.auto_groups:
        assert not {"a", "b"} <= set(group)


def test_blocking_compares_far_fewer_than_all_pairs() -> None:
    rng = random.Random(3)
    items = [
        item(
            f"k{i:04d}",
            f"Story {rng.randrange(10**6)} about talks",
            rng.choice(["Reuters", "AP", "AFP", "UPI"]),
            f"{rng.randint(1996, 2000)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        )
        for i in range(2000)
    ]
    result = find_duplicates(items)
    assert result.all_pairs == 2000 * 1999 // 2
    assert 0 < result.comparisons < result.all_pairs / 100


# ---------------------------------------------------------------- properties

WORDS = ["putin", "visits", "north", "korea", "talks", "missile", "missiles", "halt", "kim"]
titles = st.lists(st.sampled_from(WORDS), min_size=1, max_size=5).map(" ".join)
records = st.lists(
    st.tuples(
        titles,
        st.sampled_from(["Reuters", "AP", "Associated Press", "Reuter News Reports"]),
        st.sampled_from(["2000-07-20", "2000-07-21", "2000-07", "2000-08-01", "2000"]),
    ),
    max_size=12,
)


def as_items(recs: list[tuple[str, str, str]]) -> list[Item]:
    return [item(f"k{i:02d}", t, o, d) for i, (t, o, d) in enumerate(recs)]


@settings(max_examples=150, deadline=None)
@given(records, st.randoms(use_true_random=False))
def test_order_independent(recs: list[tuple[str, str, str]], rnd: random.Random) -> None:
    items = as_items(recs)
    shuffled = list(items)
    rnd.shuffle(shuffled)
    assert find_duplicates(items) == find_duplicates(shuffled)


@settings(max_examples=150, deadline=None)
@given(records)
def test_idempotent(recs: list[tuple[str, str, str]]) -> None:
    """Merging what dedupe merges, then deduplicating again, merges nothing more."""
    items = as_items(recs)
    by_key = {f"k{i:02d}": r for i, r in enumerate(recs)}
    merged: dict[str, list[str]] = {k: [k] for k in by_key}
    for group in find_duplicates(items).auto_groups:
        for k in group[1:]:
            merged[group[0]].extend(merged.pop(k))
    again = []
    for key, members in merged.items():
        v = merge_variants(
            [
                Fields(title=by_key[k][0], outlet=by_key[k][1], issued=pd(by_key[k][2]))
                for k in members
            ]
        )
        again.append(make_item(key, v.title, v.outlet, v.issued, v.outlet_canonical))
    second = find_duplicates(again)
    assert second.auto_groups == ()


def test_a_year_one_apart_is_proposed_never_merged() -> None:
    from refs.dedupe.clusters import find_duplicates, make_item
    from refs.models import PartialDate

    title = "Kim urges Bush to engage Pyongyang"
    items = [
        make_item(key, title, "Yonhap", PartialDate(year=year, month=3, day=1), None)
        for key, year in (("a", 2000), ("b", 2001), ("c", 2003))
    ]
    result = find_duplicates(items)
    assert [c.keys for c in result.clusters] == [("a", "b")]
    assert not result.auto_groups
    assert "one apart" in result.clusters[0].pairs[0].reasons[0]


@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet="abcdefgh ", min_size=0, max_size=90),
    st.lists(st.tuples(st.integers(0, 90), st.text(alphabet="ab ", max_size=25)), max_size=6),
)
@example("a" * 90, [(90, "a" * 20)])  # ratio 90 exactly: the longest title it can merge with
@example("a" * 9, [(9, "aa")])  # ratio 90 exactly, 9 and 11 letters
@example("a" * 11, [(0, ""), (0, "")])  # and the other way round
def test_titles_of_other_lengths_cannot_merge(title: str, edits: list[tuple[int, str]]) -> None:
    """Every title that reaches the merging score with another is of a length
    ``mergeable_lengths`` allows (the filter of the library's lookups loses none)."""
    other = title
    for at, text in edits:  # replace one character (or none, past the end) by text
        other = other[:at] + text + other[at + 1 :]
    if fuzz.ratio(title, other) >= AUTO:
        low, high = mergeable_lengths(len(title))
        assert low <= len(other) <= high
        low, high = mergeable_lengths(len(other))
        assert low <= len(title) <= high


def test_tied_author_lists_merge_as_they_always_did() -> None:
    # equal length and count: the list whose repr sorts first (pydantic's repr, kept)
    bare = Fields(title="T", author=(Name(family="X"),))
    given = Fields(title="T", author=(Name(family="X", given="B"),))
    suffixed = Fields(title="T", author=(Name(family="X", suffix="Jr."),))
    assert merge_variants([bare, given]).author == given.author
    assert merge_variants([given, bare]).author == given.author
    assert merge_variants([bare, suffixed]).author == suffixed.author
    assert merge_variants([suffixed, given]).author == given.author
