"""Each exporter: the fields it writes, dates at known precision, stable order."""

from __future__ import annotations

import json

import pytest
from bibtexparser.entrypoint import parse_string

from refs.formats import registry
from refs.formats.bib_entries import safe_keys
from refs.models import LibraryReference, PartialDate
from tests.helpers.export_data import sample_refs


def entries(text: str) -> dict[str, dict[str, str]]:
    library = parse_string(text)
    assert not library.failed_blocks
    return {
        e.key: {f.key: f.value for f in e.fields} | {"@": e.entry_type} for e in library.entries
    }


def test_registry_names() -> None:
    assert registry.names() == ["biblatex", "bibtex", "csljson", "ris"]
    with pytest.raises(KeyError):
        registry.get("endnote")


@pytest.mark.parametrize("name", ["bibtex", "biblatex", "csljson", "ris"])
def test_sorted_and_independent_of_input_order(name: str) -> None:
    refs = sample_refs()
    out = registry.export(name, refs)
    assert out == registry.export(name, list(reversed(refs)))
    positions = [out.index(k) for k in sorted(r.key for r in refs)]
    assert positions == sorted(positions)


def test_bibtex_fields() -> None:
    got = entries(registry.export("bibtex", sample_refs()))
    wire = got["wire1999talks"]
    assert wire["@"] == "misc"
    assert wire["title"] == "Envoys say {NATO} talks on {ABM} stall"
    # the outlet is the corporate author (natbib labels it; no style prints the title twice)
    assert wire["author"] == "{Wire Service}" and "howpublished" not in wire
    assert (wire["year"], wire["month"], wire["day"]) == ("1999", "mar", "9")
    assert wire["entrysubtype"] == "article-newspaper"
    assert "key" not in wire
    brief = got["ministry1999brief"]
    assert brief["author"] == "{Foreign Ministry}"
    assert brief["howpublished"] == "Daily Bulletin" and brief["organization"] == "Foreign Ministry"
    # a document issued by a body names it once (as author), not also as howpublished
    assert "howpublished" not in got["palace1999text"]
    assert brief["month"] == "apr" and "day" not in brief
    assert "month" not in got["palace1999text"] and got["palace1999text"]["year"] == "1999"
    # no year: `n.d.` for natbib's label, no month macro that BibTeX would warn about,
    # the date kept in `issued`
    assert got["radio1999chat"]["issued"] == "--05-02" and "month" not in got["radio1999chat"]
    assert got["undated"]["year"] == "n.d." and not {"month", "issued"} & set(got["undated"])


@pytest.mark.parametrize("name", ["bibtex", "biblatex"])
def test_an_outlet_of_control_characters_names_no_author(name: str) -> None:
    # the outlet is left out as written: no empty name (``{}``) that reads back otherwise
    ref = LibraryReference(key="k", title="Talks", outlet="\x00", container_title="\x00")
    wire = entries(registry.export(name, [ref]))["k"]
    assert not {"author", "shortauthor", "sortname"} & set(wire)
    assert wire.get("key", "Anonymous") == "Anonymous"


def test_bibtex_month_is_a_macro() -> None:
    text = registry.export("bibtex", sample_refs())
    assert "month = mar," in text and "month = {mar}" not in text


def test_biblatex_types_and_dates() -> None:
    got = entries(registry.export("biblatex", sample_refs()))
    wire = got["wire1999talks"]
    assert wire["@"] == "article" and wire["journaltitle"] == "Wire Service"
    assert wire["date"] == "1999-03-09" and wire["entrysubtype"] == "newspaper"
    assert got["ministry1999brief"]["@"] == "performance"  # a speech: pandoc reads it so
    assert got["ministry1999brief"]["date"] == "1999-04"
    assert got["palace1999text"]["date"] == "1999"
    # no year: in words in `year`, which biber, pandoc and citation.js all keep
    assert "date" not in got["radio1999chat"] and got["radio1999chat"]["year"] == "May 2"


def test_csljson_items() -> None:
    items = {i["id"]: i for i in json.loads(registry.export("csljson", sample_refs()))}
    assert items["wire1999talks"] == {
        "id": "wire1999talks",
        "type": "article-newspaper",
        "title": "Envoys say NATO talks on ABM stall",
        "container-title": "Wire Service",
        "issued": {"date-parts": [[1999, 3, 9]]},
    }
    assert items["ministry1999brief"]["issued"] == {"date-parts": [[1999, 4]]}
    assert items["radio1999chat"]["issued"] == {"literal": "May 2"}  # no year: as written


def test_ris_records() -> None:
    text = registry.export("ris", sample_refs())
    assert "\n" not in text.replace("\r\n", "")
    records = text.split("ER  - \r\n")
    assert records[-1] == ""
    ministry = records[0].splitlines()
    assert ministry[0] == "TY  - SLIDE"
    # PY in ISO 8601 (pandoc and citation.js read only PY), DA in the specification's form
    assert "DA  - 1999/04" in ministry and "PY  - 1999-04" in ministry
    assert "M3  - speech" in ministry  # citation.js reads SLIDE alone as a film
    assert "T2  - Daily Bulletin" in ministry and "PB  - Foreign Ministry" in ministry
    radio = records[2].splitlines()
    # an interview is the outlet's item (PCOMM is a letter in Zotero); no year: in words,
    # which Zotero reads as month and day (it reads ``/05/02`` as the 5th)
    assert radio[0] == "TY  - NEWS" and "M3  - interview" in radio and "DA  - May 2" in radio
    assert not any(line.startswith("PY") for line in radio)
    palace = records[1].splitlines()
    assert palace[0] == "TY  - RPRT" and "M3  - document" in palace  # not GEN
    wire = records[4].splitlines()
    assert wire[:3] == [
        "TY  - NEWS",
        "ID  - wire1999talks",
        "TI  - Envoys say NATO talks on ABM stall",
    ]
    assert "DA  - 1999/03/09" in wire and not any(line.startswith("M3") for line in wire)


def test_ris_values_stay_on_one_line() -> None:
    ref = LibraryReference(key="k", title="two\nlines\rhere", outlet="X")
    assert "TI  - two lines here\r\n" in registry.export("ris", [ref])


def test_unsafe_keys_are_replaced() -> None:
    refs = [
        LibraryReference(key="../../etc/x", title="a"),
        LibraryReference(key="a,b}", title="b"),
        LibraryReference(key="a-b-", title="c"),
        LibraryReference(key="", title="d"),
    ]
    assert safe_keys(refs) == ["..-..-etc-x", "a-b-", "a-b--2", "ref"]
    got = entries(registry.export("bibtex", refs))
    assert set(got) == {"..-..-etc-x", "a-b-", "a-b--2", "ref"}


def test_dates_are_never_invented() -> None:
    ref = LibraryReference(key="k", title="t", issued=PartialDate(year=2001, month=2))
    for name in registry.names():
        out = registry.export(name, [ref])
        assert "2001-02-01" not in out and "2001/02/01" not in out and "day" not in out
