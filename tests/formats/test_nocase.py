"""Title words that CSL 1.0.1 processors capitalise are protected in the exports."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from refs.formats import registry
from refs.formats.detect import parse_text
from refs.formats.latex import escape, unescape
from refs.formats.nocase import mark, unmark
from tests.helpers.varied_library import varied_refs


def test_mark_protects_a_lowered_word_only_where_title_case_keeps_it() -> None:
    assert mark("Arms control after the summit") == (
        'Arms control <span class="nocase">after</span> the summit'
    )
    assert mark("After the summit") == "After the summit"  # first word
    assert mark("Talks: after the summit") == "Talks: after the summit"  # after a colon
    assert mark("Life after") == "Life after"  # last word
    assert mark("Senate rejects the treaty") == "Senate rejects the treaty"  # CSL 1.0.1


@given(st.text(alphabet='abfterAB :<>/"=', max_size=40))
def test_unmark_undoes_mark(title: str) -> None:
    assert unmark(mark(title)) == title


def test_biblatex_braces_the_word() -> None:
    value = escape("Arms control after the summit", protect_case=True)
    assert value == "Arms control {after} the summit"
    assert unescape(value)[0] == "Arms control after the summit"


def test_csljson_reads_its_marks_back() -> None:
    text = registry.export("csljson", varied_refs())
    assert '<span class=\\"nocase\\">after</span>' in text
    titles = {r.key: r.title for r in parse_text(text, "x.json", "csljson").references}
    assert titles["jones2000arms"] == "Arms control after the summit"
