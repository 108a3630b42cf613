"""Complete items both ways: every CSL variable and name form, in files shaped as
Zotero, JabRef and pandoc write them. Import -> export in the same format gives back
every field; import -> export in another format keeps every field that format carries,
and the export names the rest."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from refs.formats import registry
from refs.formats.bib_fields import BIBLATEX, BIBTEX
from refs.formats.bib_names import bib_names, names_of_bib
from refs.formats.csl_item import to_csl
from refs.formats.detect import parse_text, read_import
from refs.formats.ris_fields import RIS_TAGS, name_of_ris, ris_name
from refs.models import (
    CSL_VARIABLES,
    FIELD_NAMES,
    KINDS,
    Fields,
    LibraryReference,
    Name,
    PartialDate,
    fields_of,
    set_fields,
)
from tests.helpers import DATA

FILES = DATA / "full_items"
FORMAT_OF = {"jabref.bib": "biblatex", "zotero.ris": "ris", "pandoc.json": "csljson"}
TABLES = {"bibtex": BIBTEX, "biblatex": BIBLATEX, "ris": RIS_TAGS}

NAMES = (
    Name(family="Gordon", given="Michael R."),
    Name(family="Gogh", given="Vincent", non_dropping_particle="van"),
    Name(family="La Fontaine", given="Jean", dropping_particle="de"),
    Name(family="King", given="Martin Luther", suffix="Jr."),
    Name(literal="Associated Press"),
    Name(family="王", given="小明"),
    Name(family="Иванов", given="Игорь"),
)


def _value(name: str) -> Any:
    kind = KINDS[name]
    if kind == "name":
        return NAMES
    if kind == "date":
        return PartialDate(
            year=2000, month=10, day=24, end=PartialDate(year=2000, month=10, day=26)
        )
    if kind == "number":
        return "12-14"
    return f"{name} value"


def every_variable() -> LibraryReference:
    """One item setting every CSL variable of the model (and an extra field)."""
    values = {n: _value(n) for n in CSL_VARIABLES if n not in ("type", "title")}
    return LibraryReference(
        key="every2000item",
        title="Every Variable",
        type="article-journal",
        extra_fields=(("zotero-key", "ABCD1234"),),
        aliases=("EveryItem",),
        **values,
    )


def _no_outlet(fields: Fields) -> Fields:
    return dataclasses.replace(fields, outlet=None, outlet_canonical=None)


def _by_key(refs: Any) -> dict[str, Fields]:
    return {r.key: fields_of(r) for r in refs}


def _again(fmt: str, refs: Any) -> dict[str, Fields]:
    text = registry.export(fmt, list(refs))
    result = parse_text(text, f"again.{fmt}", fmt if fmt != "biblatex" else "bibtex")
    assert not [d for d in result.diagnostics if d.severity == "error"], result.diagnostics
    return _by_key(result.references)


def test_every_csl_variable_goes_through_csljson_unchanged() -> None:
    ref = every_variable()
    item = to_csl(ref, custom=True)
    for variable in CSL_VARIABLES.values():
        assert variable in item, variable
    back = _again("csljson", [ref])
    # the outlet as cited is rebuilt from publisher and container on import
    assert _no_outlet(back["every2000item"]) == fields_of(ref)
    # outside CSL: custom; the alias too
    assert item["custom"] == {"zotero-key": "ABCD1234", "aliases": ["EveryItem"]}


@pytest.mark.parametrize("name", sorted(FORMAT_OF))
def test_import_then_export_in_the_same_format_gives_back_every_field(name: str) -> None:
    first = read_import(FILES / name)
    assert first.references
    fmt = FORMAT_OF[name]
    back = _again(fmt, first.references)
    # keys are kept (the file's own keys)
    assert set(back) == {r.key for r in first.references}
    for ref in first.references:
        assert back[ref.key] == fields_of(ref), ref.key


def test_the_files_hold_the_fields_imports_used_to_lose() -> None:
    refs = [r for f in FORMAT_OF for r in read_import(FILES / f).references]
    held = {n for r in refs for n in set_fields(r)}
    for field in ("author", "editor", "translator", "url", "accessed", "page", "volume"):
        assert field in held, field
    assert {"issue", "doi", "isbn", "publisher_place", "language", "abstract", "note"} <= held
    names = {n for r in refs for n in r.author}
    assert any(n.non_dropping_particle for n in names) and any(n.literal for n in names)
    assert any(n.suffix for n in names) and any(n.dropping_particle for n in names)
    assert any(not (n.family or "a").isascii() for n in names)


@pytest.mark.parametrize("target", ["bibtex", "biblatex", "ris", "csljson"])
def test_cross_format_keeps_what_the_format_carries_and_names_the_rest(target: str) -> None:
    refs = [every_variable(), *read_import(FILES / "pandoc.json").references]
    back = _again(target, refs)
    fmt = registry.get(target)
    for ref in refs:
        lost = set(fmt.uncarried(ref))
        got = back[ref.key] if target in ("csljson", "ris") else back[_bib_key(ref.key)]
        for name in set_fields(ref):
            if name in lost or name in ("outlet", "outlet_canonical"):
                continue
            if name in ("publisher", "container_title", "extra_fields"):
                continue  # rebuilt through the outlet / written where the format allows
            assert getattr(got, name) == _carried(target, name, getattr(ref, name)), (
                ref.key,
                name,
            )
        if target == "csljson":
            assert not lost


def _bib_key(key: str) -> str:
    return key


def _carried(target: str, name: str, value: Any) -> Any:
    """What a format gives back of a value it carries: RIS dates have no ranges."""
    if isinstance(value, PartialDate) and target in ("ris", "bibtex") and value.end:
        return dataclasses.replace(value, end=None)
    return value


def test_csljson_from_zotero_keeps_short_forms_and_custom_fields() -> None:
    text = json.dumps(
        [
            {
                "id": "x1",
                "type": "article-journal",
                "title": "T",
                "shortTitle": "Short",
                "journalAbbreviation": "J. Abbr.",
                "custom": {"extra-line": "tex.origin: JabRef"},
            }
        ]
    )
    (ref,) = parse_text(text, "z.json").references
    assert ref.title_short == "Short" and ref.container_title_short == "J. Abbr."
    assert ref.extra_fields == (("extra-line", "tex.origin: JabRef"),)


name_parts = (
    st.text(
        alphabet=st.characters(categories=["L"], exclude_characters="{}\\"), min_size=1, max_size=8
    )
    .map(str.capitalize)
    .filter(lambda s: s[:1].isupper())
)  # particles are lower case


@st.composite
def names(draw: st.DrawFn) -> Name:
    if draw(st.booleans()):
        return Name(literal=" ".join(draw(st.lists(name_parts, min_size=1, max_size=3))))
    # a family name alone reads as an institution in RIS and takes a suffix for the
    # given name in BibTeX: both formats need the given name to tell
    return Name(
        family=draw(name_parts),
        given=draw(name_parts),
        non_dropping_particle=draw(st.none() | st.sampled_from(["van", "von", "de la"])),
        suffix=draw(st.none() | st.sampled_from(["Jr.", "III"])),
    )


@given(st.lists(names(), min_size=1, max_size=4))
def test_names_round_trip_through_bibtex_and_ris(people: list[Name]) -> None:
    assert names_of_bib(bib_names(people)) == tuple(people)
    for person in people:
        if person.literal is None or "," not in person.literal:
            assert name_of_ris(ris_name(person)) == person


def test_fields_model_is_the_one_table() -> None:
    # every CSL variable the model holds has a kind, and the JSON names are CSL's
    assert set(KINDS) == set(CSL_VARIABLES)
    assert CSL_VARIABLES["url"] == "URL" and CSL_VARIABLES["container_title"] == "container-title"
    assert CSL_VARIABLES["library_catalog"] == "source"
    assert FIELD_NAMES[:7] == (
        "title",
        "outlet",
        "outlet_canonical",
        "issued",
        "type",
        "publisher",
        "container_title",
    )


def test_export_warns_with_the_key_for_fields_it_cannot_carry(tmp_path: Path) -> None:
    from tests.helpers.cli_run import run

    lib = str(tmp_path / "lib.db")
    code, _, err = run("import", str(FILES / "jabref.bib"), "--library", lib)
    assert code == 0, err
    code, _, err = run("export", "--format", "bibtex", "--library", lib)
    assert code == 0
    assert "refs: warning: Gordon2000: bibtex has no place for accessed" in err
    code, _, err = run("export", "--format", "csljson", "--library", lib)
    assert code == 0 and "no place" not in err


def test_the_library_stores_every_field(tmp_path: Path) -> None:
    from refs.library.ingest import import_references
    from refs.library.store import Library

    ref = every_variable()
    with Library(tmp_path / "lib.db") as lib, lib.transaction():
        import_references(lib, [ref], "every.json")
    with Library(tmp_path / "lib.db") as lib:
        (stored,) = lib.references()
    assert stored.key == "every2000item" and stored.aliases == ("EveryItem",)
    assert _no_outlet(fields_of(stored)) == _no_outlet(fields_of(ref))


def test_a_personal_author_gives_the_key_people_expect() -> None:
    text = json.dumps(
        [
            {
                "type": "article-newspaper",
                "title": "Allies Worry About US Missile Defense",
                "container-title": "The New York Times",
                "author": [{"family": "Gordon", "given": "Michael R."}],
                "issued": {"date-parts": [[2000, 10, 24]]},
            },
            {
                "type": "book",
                "title": "Letters",
                "author": [{"family": "Gogh", "given": "Vincent", "non-dropping-particle": "van"}],
                "issued": {"date-parts": [[2001]]},
            },
            {
                "type": "report",
                "title": "Safeguards",
                "author": [{"literal": "IAEA"}],
                "publisher": "Reuters",
                "issued": {"date-parts": [[2001]]},
            },
        ]
    )
    keys = [r.key for r in parse_text(text, "x.json").references]
    assert keys == ["gordon2000allies", "vangogh2001letters", "reuters2001safeguards"]
