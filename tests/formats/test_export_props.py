"""Properties: any text in any field survives BibTeX/BibLaTeX and CSL-JSON export and
re-parse unchanged, and nothing in a value can add a field, an entry or a command."""

from __future__ import annotations

import dataclasses

from bibtexparser.entrypoint import parse_string
from hypothesis import given
from hypothesis import strategies as st

from refs.formats import registry
from refs.formats.bib_syntax import braced_whole
from refs.formats.bib_types import CSL_TYPES
from refs.formats.bibtex_read import parse_bibtex
from refs.formats.csljson_read import parse_csljson
from refs.formats.detect import parse_text
from refs.formats.safe_text import CONTROL, export_notes, one_line
from refs.models import LibraryReference, PartialDate
from refs.reader import looks_binary
from tests.helpers.fuzz import BREAK_TEXT, broken_text

texts = st.text(min_size=1)
# what a BibTeX file can hold as it is: no control character (tab and line breaks are text)
bib_texts = st.text(
    st.characters(exclude_characters="".join(map(chr, [*range(9), 11, 12, *range(14, 32), 127]))),
    min_size=1,
)
dates = st.none() | st.builds(
    PartialDate,
    year=st.none() | st.integers(1000, 9999),
    month=st.none() | st.integers(1, 12),
    day=st.none() | st.integers(1, 28),
).filter(lambda d: not (d.month is None and d.day is not None))


@st.composite
def references(
    draw: st.DrawFn, any_type: bool = False, text_of: st.SearchStrategy[str] = texts
) -> LibraryReference:
    ctype = draw(text_of) if any_type else draw(st.sampled_from(sorted(CSL_TYPES)))
    maybe = st.none() | text_of
    return LibraryReference(
        key=draw(st.from_regex(r"[a-z0-9]{1,12}", fullmatch=True))
        if not any_type
        else draw(text_of),
        title=draw(text_of),
        outlet=draw(maybe),
        publisher=draw(maybe),
        container_title=draw(maybe),
        issued=draw(dates),
        type=ctype,
    )


def read_back_container(ref: LibraryReference) -> str | None:
    """Where it appeared, as BibTeX and BibLaTeX give it back: the container, else the
    outlet where no publisher is known, and nothing where that is the publisher."""
    where = ref.container_title or (None if ref.publisher else ref.outlet)
    return None if where == ref.publisher else where


ATTACKS = st.sampled_from(
    [
        "x}, author = {Mallory",
        "x}}\n@misc{injected, title = {pwned}}",
        "\\input{/etc/passwd}",
        "\\immediate\\write18{touch pwned}",
        "{",
        "}",
        "trailing \\",
        "@word{",
        '" # "',
        "%",
    ]
)


@given(references(any_type=True), st.lists(ATTACKS, max_size=3))
def test_bibtex_values_cannot_break_out(ref: LibraryReference, attacks: list[str]) -> None:
    ref = dataclasses.replace(ref, title=ref.title + "".join(attacks))
    for name in ("bibtex", "biblatex"):
        text = registry.export(name, [ref])
        library = parse_string(text)
        assert not library.failed_blocks
        assert [b for b in library.blocks if b not in library.entries] == []
        (entry,) = library.entries
        allowed = {"title", "howpublished", "organization", "journaltitle", "publisher"}
        allowed |= {"year", "month", "day", "date", "issued", "entrysubtype", "key", "author"}
        allowed |= {"institution"}
        allowed |= {"shortauthor", "sortname"}  # biblatex: an author-less item cited by outlet
        assert {f.key for f in entry.fields} <= allowed
        if "author" in entry.fields_dict:  # one corporate name, braced whole
            author = str(entry.fields_dict["author"].value)
            assert author.startswith("{") and braced_whole(author)
        for field in entry.fields:
            value = str(field.value)
            assert "\\input" not in value and "\\write18" not in value


@given(references(text_of=bib_texts))
def test_bibtex_and_biblatex_round_trip_values(ref: LibraryReference) -> None:
    for name in ("bibtex", "biblatex"):
        text = registry.export(name, [ref])
        result = parse_bibtex(text)
        assert result.diagnostics == ()
        (back,) = result.references
        assert back.key == ref.key and back.title == ref.title
        assert back.publisher == ref.publisher
        assert back.container_title == read_back_container(ref)
        assert back.type == ref.type
        expected_date = ref.issued if ref.issued is None or ref.issued.iso() else None
        assert back.issued == expected_date
        # writing the read reference again gives the same file
        assert registry.export(name, result.references) == text


@given(references(any_type=True))
def test_csljson_round_trips_any_value(ref: LibraryReference) -> None:
    ref = dataclasses.replace(ref, key=ref.key)
    text = registry.export("csljson", [ref])
    result = parse_csljson(text)
    (back,) = result.references
    assert (back.key, back.title, back.type, back.publisher) == (
        ref.key,
        ref.title,
        ref.type,
        ref.publisher,
    )
    assert back.container_title == (ref.container_title or (None if ref.publisher else ref.outlet))
    assert registry.export("csljson", result.references) == text


@given(references(), st.sampled_from(["\x00", "\x1b[31m", "\x07", "\x7f", "\n@Word{x,", "\n@misc"]))
def test_exports_hold_no_control_character_and_no_new_entry(
    ref: LibraryReference, odd: str
) -> None:
    ref = dataclasses.replace(ref, title="Title " + odd + ref.title)
    for name in ("bibtex", "biblatex", "ris"):
        text = registry.export(name, [ref])
        assert not CONTROL.search(text.replace("\r\n", "\n")), name
        assert not looks_binary(text.encode("utf-8"))
        result = parse_text(text, "x", name)
        assert len(result.references) == 1, (name, result.diagnostics)
        assert result.references[0].title.startswith("Title ")
    notes = export_notes([ref], "ris")
    assert notes and (CONTROL.search(ref.title) or "line breaks" in notes[0])


@given(
    st.builds(
        LibraryReference,
        key=st.just("k1"),
        title=broken_text,
        outlet=st.none() | broken_text,
        container_title=st.none() | broken_text,
        issued=dates,
    ),
    st.sampled_from(BREAK_TEXT),
)
def test_line_breaks_in_values_round_trip_and_never_break_an_entry(
    ref: LibraryReference, end: str
) -> None:
    """A lone CR (or any line end) inside a value: BibTeX, BibLaTeX and CSL-JSON give it
    back as it was, RIS as the one-line value; the entry after it is whole."""
    ref = dataclasses.replace(ref, title=f"A{end}" + ref.title)
    after = LibraryReference(
        key="k2", title="After", outlet="Reuters", issued=PartialDate(year=2000)
    )
    for name in ("bibtex", "biblatex", "csljson", "ris"):
        text = registry.export(name, [ref, after])
        result = parse_text(text, "x", name)
        assert [r.key for r in result.references] == ["k1", "k2"], (name, result.diagnostics)
        back, then = result.references
        if name == "ris":  # one-line values
            assert back.title == one_line(ref.title)
        else:
            assert back.title == ref.title, name
            assert back.container_title == read_back_container(ref), name
        assert (then.title, then.outlet) == ("After", "Reuters"), name
        assert registry.export(name, list(result.references)) == text, name
