"""Imports of files in the shapes other tools write (JabRef, Citavi, Zotero, citation.js,
pandoc), written here by hand in those shapes: every item imported, every field either
kept or named in the I008 note, never dropped silently."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from refs.formats.detect import read_import
from refs.formats.imported import ImportResult
from refs.models import PartialDate

# JabRef 5: the encoding header, `@Article{,` entries without keys, its meta comment,
# LaTeX accents and commands, a field given twice.
JABREF = r"""% Encoding: UTF-8

@Article{,
  author       = {M{\"u}ller, Hans},
  title        = {\textit{Le Monde} on the {NATO} summit},
  journal      = {Frankfurter Allgemeine},
  year         = {2000},
  month        = oct,
  keywords     = {nato},
  owner        = {hans},
  creationdate = {2020-01-01T10:00:00},
}

@Article{,
  title   = {Caf\'e talks in \mbox{Gen\`eve} \ldots{} and after},
  journal = {Le Temps},
  year    = {2000},
  year    = {2001},
}

@Misc{,
  title        = {Statement of the \guillemotleft Six\guillemotright},
  organization = {{Disarmament and Security Centre}},
  date         = {2000-05-20},
}

@Comment{jabref-meta: databaseType:biblatex;}
"""

# Zotero's BibTeX export: tab indent, trailing commas, lower-case keys, urldate.
ZOTERO_BIB = """
@article{smith_missile_2000,
\ttitle = {Missile defence: the {European} view},
\tvolume = {12},
\turl = {https://example.org/a},
\turldate = {2020-02-03},
\tjournal = {Arms Control Today},
\tauthor = {Smith, Jane},
\tmonth = jun,
\tyear = {2000},
\tpages = {3--9},
}

@misc{noauthor_statement_2000,
\ttitle = {Statement on the {Review} {Conference}},
\turl = {https://example.org/b},
\tpublisher = {Foreign Ministry},
\tmonth = may,
\tyear = {2000},
\tnote = {Press release},
}
"""

# Zotero's CSL JSON: date parts as strings, authors, URL, accessed.
ZOTERO_JSON = [
    {
        "id": "http://zotero.org/users/1/items/ABCD1234",
        "type": "article-newspaper",
        "title": "Kim indicates he would halt missiles",
        "container-title": "Associated Press",
        "URL": "https://example.org/c",
        "author": [{"family": "Doe", "given": "John"}],
        "accessed": {"date-parts": [["2020", 1, 2]]},
        "issued": {"date-parts": [["2000", "10", "24"]]},
    },
    {
        "id": "http://zotero.org/users/1/items/EFGH5678",
        "type": "speech",
        "title": "Remarks at the National Press Club",
        "publisher": "US Department of Defense",
        "event-place": "Washington",
        "issued": {"date-parts": [["2000", 5, 2]]},
    },
]

# citation.js output: `_graph` provenance, `citation-key`.
CITATION_JS = [
    {
        "id": "reuters2000talks",
        "citation-key": "reuters2000talks",
        "type": "article-newspaper",
        "title": "Russia, North Korea - US missile fears groundless",
        "container-title": "Reuters",
        "issued": {"date-parts": [[2000, 7, 19]]},
        "_graph": [{"type": "@biblatex/text", "data": "..."}],
    }
]

# pandoc's BibLaTeX output (`pandoc -t biblatex`).
PANDOC_BIB = """@article{ap2000kim,
  title = {Kim Indicates He Would Halt Missiles},
  journaltitle = {Associated Press},
  date = {2000-10-24},
  entrysubtype = {newspaper}
}
"""

# RIS from Citavi/EndNote on Windows: UTF-16 with BOM, CR LF, Y1 dates, N1 notes.
CITAVI_RIS = (
    "TY  - NEWS\r\nT1  - Moscou et Washington: l'accord\r\nJF  - Le Monde\r\n"
    "Y1  - 2000/06/03/\r\nN1  - Citavi note\r\nER  - \r\n"
    "TY  - RPRT\r\nT1  - Яdерная безопасность\r\nPB  - ПИР-Центр\r\nPY  - 2001\r\nER  - \r\n"
)


def read(tmp_path: Path, name: str, data: bytes) -> ImportResult:
    path = tmp_path / name
    path.write_bytes(data)
    return read_import(path)


def no_errors(result: ImportResult) -> None:
    assert [d for d in result.diagnostics if d.severity == "error"] == []


def named(result: ImportResult) -> str:
    return " ".join(d.message for d in result.diagnostics if d.code == "I008")


def test_jabref_blank_keys_repeated_fields_and_latex(tmp_path: Path) -> None:
    result = read(tmp_path, "jabref.bib", JABREF.encode("utf-8"))
    no_errors(result)
    titles = [r.title for r in result.references]
    assert titles == [
        "Le Monde on the NATO summit",
        "Café talks in Genève … and after",
        "Statement of the «Six»",
    ]
    assert len({r.key for r in result.references}) == 3  # keys made for the blank ones
    second = result.references[1]
    assert second.issued == PartialDate(year=2000)  # the first of the repeated years
    messages = [(d.code, d.line, d.message) for d in result.diagnostics]
    assert ("I005", 14, "entry repeats field(s) year; first kept") in messages
    assert result.references[2].publisher == "Disarmament and Security Centre"
    assert all("\\" not in t for t in titles)
    # every field kept (authors, keywords) or named (fields outside CSL)
    assert result.references[0].author and result.references[0].keyword
    for field in ("owner", "creationdate"):
        assert field in named(result)


def test_jabref_windows_1252_header(tmp_path: Path) -> None:
    text = "% Encoding: windows-1252\n@Article{,\n  title = {Caf\u00e9 \u2013 talks},\n}\n"
    result = read(tmp_path, "old.bib", text.encode("cp1252"))
    assert result.diagnostics == ()
    assert result.references[0].title == "Caf\u00e9 \u2013 talks"


def test_zotero_bibtex_and_csl_json(tmp_path: Path) -> None:
    bib = read(tmp_path, "zotero.bib", ZOTERO_BIB.encode("utf-8"))
    no_errors(bib)
    assert [r.key for r in bib.references] == ["smith_missile_2000", "noauthor_statement_2000"]
    assert bib.references[0].container_title == "Arms Control Today"
    assert bib.references[1].publisher == "Foreign Ministry"
    first = bib.references[0]
    assert first.author and first.url and first.accessed and first.volume and first.page
    assert any(r.note for r in bib.references)
    js = read(tmp_path, "zotero.json", json.dumps(ZOTERO_JSON).encode("utf-8"))
    no_errors(js)
    assert [r.type for r in js.references] == ["article-newspaper", "speech"]
    assert js.references[0].issued == PartialDate(year=2000, month=10, day=24)
    news, speech = js.references
    assert news.url and news.author and news.accessed and speech.event_place


def test_citation_js_and_pandoc_output(tmp_path: Path) -> None:
    js = read(tmp_path, "cjs.json", json.dumps(CITATION_JS).encode("utf-8"))
    no_errors(js)
    assert [r.key for r in js.references] == ["reuters2000talks"]
    (item,) = js.references
    assert "_graph" in dict(item.extra_fields) or "_graph" in named(js)
    bib = read(tmp_path, "pandoc.bib", PANDOC_BIB.encode("utf-8"))
    assert bib.diagnostics == ()
    (ref,) = bib.references
    assert (ref.type, ref.container_title) == ("article-newspaper", "Associated Press")


def test_utf16_ris_from_windows_tools(tmp_path: Path) -> None:
    for encoding in ("utf-16", "utf-16-le"):  # with a BOM, and without one
        result = read(tmp_path, "citavi.ris", CITAVI_RIS.encode(encoding))
        no_errors(result)
        assert [r.title for r in result.references] == [
            "Moscou et Washington: l'accord",
            "Яdерная безопасность",
        ]
        assert result.references[0].issued == PartialDate(year=2000, month=6, day=3)
        assert result.references[0].note


# Zotero's RIS export: AU names, DA with a trailing slash, UR, L2 links, KW tags.
ZOTERO_RIS = (
    "TY  - NEWS\r\nTI  - Kim indicates he would halt missiles\r\nAU  - Doe, John\r\n"
    "T2  - Associated Press\r\nDA  - 2000/10/24/\r\nPY  - 2000\r\nUR  - https://example.org\r\n"
    "L2  - https://example.org/full\r\nKW  - korea\r\nER  - \r\n\r\n"
    "TY  - SLIDE\r\nTI  - Remarks at the National Press Club\r\nA2  - Cohen, William\r\n"
    "PB  - US Department of Defense\r\nDA  - 2000/05/02/\r\nPY  - 2000\r\nER  - \r\n"
)


def test_zotero_ris(tmp_path: Path) -> None:
    result = read(tmp_path, "zotero.ris", ZOTERO_RIS.encode("utf-8"))
    no_errors(result)
    news, speech = result.references
    assert (news.type, news.container_title) == ("article-newspaper", "Associated Press")
    assert news.issued == PartialDate(year=2000, month=10, day=24)
    assert (speech.type, speech.publisher) == ("speech", "US Department of Defense")
    assert news.author and news.url and news.keyword and speech.editor
    assert "L2" in named(result)  # a tag outside CSL, kept verbatim and named


@settings(max_examples=100, deadline=None)
@given(
    st.text(
        st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00\ufeff"), min_size=1
    )
)
def test_any_text_comes_back_from_unicode_encodings(text: str) -> None:
    """Any text without NUL (a file holding NUL is binary), in UTF-16/32 with a BOM."""
    from refs.formats.decoding import decode

    for encoding in ("utf-16", "utf-8-sig", "utf-32"):
        decoded, notes = decode(text.encode(encoding), "x")
        assert (decoded, notes) == (text, [])
