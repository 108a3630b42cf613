"""The journal: every change recorded, `undo` gives back exactly the library before it,
for any sequence of add / merge / distinct / edit / remove / tag / note."""

from __future__ import annotations

import itertools
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from refs.errors import UsageError
from refs.library.connection import location
from refs.library.decisions import mark_distinct
from refs.library.edits import edit, note, tag
from refs.library.ingest import add_articles
from refs.library.journal import content_dump, history, recording, undo
from refs.library.merging import careful_merge
from refs.library.removal import plan_article, plan_reference, remove
from refs.library.store import Library
from refs.models import PartialDate
from refs.pipeline import ParsedArticle, parse_paths
from tests.conftest import NewLibrary
from tests.helpers import DATA, SEEDS

PARSED: list[ParsedArticle] = sorted(
    parse_paths([SEEDS, DATA / "articles"]).articles, key=lambda p: p.article.source
)


def journaled(lib: Library, action: str, change: Callable[[], object]) -> bool:
    """Run ``change`` as one journaled command; False when it was refused."""
    try:
        with lib.transaction(), recording(lib, action) as rec:
            change()
            rec.summary = action
    except UsageError:
        return False
    return True


def keys(lib: Library) -> list[str]:
    return [r.key for r in lib.references()]


def test_an_unmerge_gives_back_the_library_before_the_merge(new_library: NewLibrary) -> None:
    with Library(location(new_library("lib.db"))) as lib:
        journaled(lib, "add", lambda: add_articles(lib, PARSED[:2]))
        before = content_dump(lib)
        gore = lib.reference("ap2000gore")
        journaled(
            lib, "merge", lambda: careful_merge(lib, "reuters2000putin", "ap2000gore", force=True)
        )
        assert lib.resolve_key("ap2000gore") == "reuters2000putin"
        with lib.transaction():
            undo(lib)
        assert content_dump(lib) == before
        assert lib.reference("ap2000gore") == gore


def test_a_merge_of_different_outlets_or_one_source_list_is_refused(
    new_library: NewLibrary,
) -> None:
    with Library(location(new_library("lib.db"))) as lib:
        journaled(lib, "add", lambda: add_articles(lib, PARSED[:2]))
        with lib.transaction(), pytest.raises(UsageError, match="outlets differ"):
            careful_merge(lib, "reuters2000putin", "ap2000gore")
        with lib.transaction(), pytest.raises(UsageError, match="one source list"):
            careful_merge(lib, "ap2000gore", "ap2000kim")
        assert [e.action for e in history(lib)] == ["add"]


def test_keep_chooses_the_title_and_it_survives_re_adds(new_library: NewLibrary) -> None:
    with Library(location(new_library("lib.db"))) as lib:
        journaled(lib, "add", lambda: add_articles(lib, PARSED[:2]))
        journaled(lib, "edit", lambda: edit(lib, "ap2000kim", {"title": "Gore aide"}))
        chosen = {"title": "B"}
        journaled(
            lib, "merge", lambda: careful_merge(lib, "ap2000gore", "ap2000kim", chosen, force=True)
        )
        journaled(lib, "add", lambda: add_articles(lib, PARSED[:2]))
        ref = lib.reference("ap2000gore")
        assert ref is not None and ref.title == "Gore aide"


def test_an_edited_field_survives_a_merge_into_another(new_library: NewLibrary) -> None:
    with Library(location(new_library("lib.db"))) as lib:
        journaled(lib, "add", lambda: add_articles(lib, PARSED[:2]))
        date = PartialDate(year=2001, month=3, day=1)
        journaled(lib, "edit", lambda: edit(lib, "ap2000kim", {"issued": date}))
        journaled(lib, "merge", lambda: careful_merge(lib, "ap2000gore", "ap2000kim", force=True))
        ref = lib.reference("ap2000kim")
        assert ref is not None and ref.key == "ap2000gore" and ref.issued == date


def test_an_entry_changed_since_is_not_undone_alone(new_library: NewLibrary) -> None:
    with Library(location(new_library("lib.db"))) as lib:
        journaled(lib, "add", lambda: add_articles(lib, PARSED[:2]))
        journaled(lib, "edit", lambda: edit(lib, "ap2000gore", {"title": "Gore aide"}))
        journaled(lib, "edit", lambda: edit(lib, "ap2000gore", {"title": "Gore's aide"}))
        with lib.transaction(), pytest.raises(UsageError, match="entries 3"):
            undo(lib, 2)
        with lib.transaction():
            undo(lib, 3)
            undo(lib, 2)
        ref = lib.reference("ap2000gore")
        assert ref is not None and ref.title == "Gore aid discusses North Korea"
        with lib.transaction(), pytest.raises(UsageError, match="undone already"):
            undo(lib, 2)


def test_history_of_a_key_follows_its_merges(new_library: NewLibrary) -> None:
    with Library(location(new_library("lib.db"))) as lib:
        journaled(lib, "add", lambda: add_articles(lib, PARSED[:2]))
        with lib.transaction(), recording(lib, "tag") as rec:
            tag(lib, "ap2000gore", ["korea"])
            rec.keys = {"ap2000gore"}
        with lib.transaction(), recording(lib, "note") as rec:
            note(lib, "ap2000kim", "same day as the summit")
            rec.keys = {"ap2000kim"}
        assert [e.action for e in history(lib, {"ap2000kim"})] == ["note"]
        with lib.transaction(), recording(lib, "nothing"):
            pass
        assert [e.action for e in history(lib)] == ["add", "tag", "note"]


def test_removing_an_article_keeps_the_references_edited_by_hand(new_library: NewLibrary) -> None:
    with Library(location(new_library("lib.db"))) as lib:
        journaled(lib, "add", lambda: add_articles(lib, PARSED[:2]))
        journaled(lib, "edit", lambda: edit(lib, "ap2000gore", {"title": "Gore aide"}))
        source = PARSED[0].article.source
        with lib.transaction():
            plan = plan_article(lib, source)
            assert plan.kept == ("ap2000gore",) and plan.more_than_named
            remove(lib, plan)
        ref = lib.reference("ap2000gore")
        assert ref is not None and ref.title == "Gore aide" and not ref.citations
        assert not [k for k in keys(lib) if k in plan.keys]
        # a removed reference alone names only itself
        with lib.transaction():
            assert not plan_reference(lib, "ap2000gore").more_than_named


# ---------------------------------------------------------------- the property

OPS = st.lists(
    st.tuples(
        st.sampled_from(
            ["add", "merge", "distinct", "edit", "unset", "remove", "drop-article", "tag", "note"]
        ),
        st.integers(0, 40),
        st.integers(0, 40),
    ),
    min_size=1,
    max_size=8,
)


def _apply(lib: Library, op: str, i: int, j: int) -> bool:
    ks = keys(lib)
    if op == "add":
        return journaled(lib, op, lambda: add_articles(lib, [PARSED[i % len(PARSED)]]))
    if not ks:
        return False
    a, b = ks[i % len(ks)], ks[j % len(ks)]
    changes: dict[str, Callable[[], object]] = {
        "merge": lambda: careful_merge(lib, a, b, {"title": "B"}, force=True),
        "distinct": lambda: mark_distinct(lib, a, b),
        "edit": lambda: edit(lib, a, {"title": f"Edited {j}", "issued": PartialDate(year=2001)}),
        "unset": lambda: edit(lib, a, {}, unset=["outlet"]),
        "remove": lambda: remove(lib, plan_reference(lib, a)),
        "drop-article": lambda: remove(
            lib, plan_article(lib, PARSED[i % len(PARSED)].article.source)
        ),
        "tag": lambda: tag(lib, a, [f"t{j % 3}"]),
        "note": lambda: note(lib, a, f"note {j}"),
    }
    return journaled(lib, op, changes[op])


_counter = itertools.count()


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(OPS)
# an article removed and put back keeps its row number, so undoing its adding removes it
@example([("add", 1, 0), ("add", 2, 0), ("drop-article", 1, 0)])
def test_undoing_everything_in_reverse_gives_back_the_first_library(
    new_library: NewLibrary, ops: list[tuple[str, int, int]]
) -> None:
    with Library(location(new_library(f"lib{next(_counter)}.db"))) as lib:
        with lib.transaction():
            add_articles(lib, PARSED[:1])
        states = [content_dump(lib)]  # the library after each journal entry
        for op, i, j in ops:
            entries = len(history(lib))
            if _apply(lib, op, i, j) and len(history(lib)) > entries:
                states.append(content_dump(lib))
            else:
                assert content_dump(lib) == states[-1]  # refused or no change: nothing moved
        while len(states) > 1:
            with lib.transaction():
                undo(lib)
            states.pop()
            assert content_dump(lib) == states[-1]
        assert all(e.undone for e in history(lib))
