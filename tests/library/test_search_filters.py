"""The shapes of the facet tokens: a word typed that could find one (also as the start of
a token) is looked for in the text columns only; any other word goes to FTS5 without a
column filter (which costs a read of every position list)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from refs.library import search
from refs.library.search import fts_query
from refs.library.search_filters import facet, may_be_facet, year_facets

KINDS = st.sampled_from("otyca")


@given(KINDS, st.text(max_size=20), st.integers(0, 9999), st.integers(1, 17))
def test_every_start_of_every_facet_token_may_be_one(
    kind: str, value: str, year: int, length: int
) -> None:
    for token in (facet(kind, value), *year_facets(year)):
        assert may_be_facet(token[:length]), token[:length]
        assert may_be_facet(token.upper()[:length])  # the tokenizer folds case
        assert may_be_facet(f"x_{token[:length]}")  # and splits at the underscore


def test_words_that_cannot_be_facets_are_asked_without_a_column_filter() -> None:
    assert fts_query("north korea") == '("north" AND "korea"*)'
    assert fts_query("korea a") == '{title outlets fields notes tags} : ("korea" AND "a"*)'
    assert str(fts_query("Ötto tea")).startswith("{title")  # tea: t, then hex digits
    assert fts_query("Ötto tests") == '("Ötto" AND "tests"*)'
    assert search.TEXT_COLUMNS == ("title", "outlets", "fields", "notes", "tags")
