"""Properties: any text in any field survives BibTeX/BibLaTeX and CSL-JSON export and
re-parse unchanged, and nothing in a value can add a field, an entry or a command."""

from __future__ import annotations

from bibtexparser.entrypoint import parse_string
from hypothesis import given, settings
from hypothesis import strategies as st

from refs.formats import registry
from refs.formats.bib_types import CSL_TYPES, biblatex_type
from refs.formats.bibtex_read import parse_bibtex
from refs.formats.csljson_read import parse_csljson
from refs.models import LibraryReference, PartialDate

texts = st.text(min_size=1)
maybe = st.none() | texts
dates = st.none() | st.builds(
    PartialDate,
    year=st.none() | st.integers(1000, 9999),
    month=st.none() | st.integers(1, 12),
    day=st.none() | st.integers(1, 28),
).filter(lambda d: not (d.month is None and d.day is not None))


@st.composite
def references(draw: st.DrawFn, any_type: bool = False) -> LibraryReference:
    ctype = draw(texts) if any_type else draw(st.sampled_from(sorted(CSL_TYPES)))
    return LibraryReference(
        key=draw(st.from_regex(r"[a-z0-9]{1,12}", fullmatch=True)) if not any_type else draw(texts),
        title=draw(texts),
        outlet=draw(maybe),
        publisher=draw(maybe),
        container_title=draw(maybe),
        issued=draw(dates),
        type=ctype,
    )


def written_outlet(ref: LibraryReference, name: str) -> str | None:
    if name == "biblatex" and biblatex_type(ref.type)[0] == "article":
        return ref.container_title or ref.outlet or ref.publisher
    return ref.container_title or ref.publisher or ref.outlet


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


@settings(max_examples=150, deadline=None)
@given(references(any_type=True), st.lists(ATTACKS, max_size=3))
def test_bibtex_values_cannot_break_out(ref: LibraryReference, attacks: list[str]) -> None:
    ref = ref.model_copy(update={"title": ref.title + "".join(attacks)})
    for name in ("bibtex", "biblatex"):
        text = registry.export(name, [ref])
        library = parse_string(text)
        assert not library.failed_blocks
        assert [b for b in library.blocks if b not in library.entries] == []
        (entry,) = library.entries
        allowed = {"title", "howpublished", "organization", "journaltitle", "publisher"}
        allowed |= {"year", "month", "day", "date", "issued", "entrysubtype", "key"}
        allowed |= {"shortauthor", "sortname"}  # biblatex: an author-less item cited by outlet
        assert {f.key for f in entry.fields} <= allowed
        assert "author" not in entry.fields_dict
        for field in entry.fields:
            value = str(field.value)
            assert "\\input" not in value and "\\write18" not in value


@settings(max_examples=150, deadline=None)
@given(references())
def test_bibtex_and_biblatex_round_trip_values(ref: LibraryReference) -> None:
    for name in ("bibtex", "biblatex"):
        text = registry.export(name, [ref])
        result = parse_bibtex(text)
        assert result.diagnostics == ()
        (back,) = result.references
        assert back.key == ref.key and back.title == ref.title
        assert back.publisher == ref.publisher
        # the outlet is written where BibTeX prints it (container, else publisher, else the
        # outlet as cited) and comes back as the container unless it is the publisher
        where = written_outlet(ref, name)
        assert back.container_title == (where if where != ref.publisher else None)
        assert back.type == ref.type
        expected_date = ref.issued if ref.issued is None or ref.issued.iso() else None
        assert back.issued == expected_date
        # writing the read reference again gives the same file
        assert registry.export(name, result.references) == text


@settings(max_examples=150, deadline=None)
@given(references(any_type=True))
def test_csljson_round_trips_any_value(ref: LibraryReference) -> None:
    ref = ref.model_copy(update={"key": ref.key})
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
