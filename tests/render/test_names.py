"""Names as citeproc-js prints them where citeproc-py and the spec say less: the order
of names in Japanese and Chinese items, and given names told apart in the bibliography."""

from __future__ import annotations

from typing import Any

from refs.render import load_style, render


def _item(key: str, authors: list[tuple[str, str]], **extra: Any) -> dict[str, Any]:
    return {
        "id": key,
        "type": "article-journal",
        "title": f"Title {key}",
        "container-title": "Science",
        "author": [{"family": f, "given": g} for f, g in authors],
        "issued": {"date-parts": [[1999, 2]]},
        **extra,
    }


def _texts(items: list[dict[str, Any]], style: str) -> tuple[dict[str, str], dict[str, str]]:
    out = render(items, load_style(style), "text", citations=True)
    return {e.key: e.text for e in out.entries}, {e.key: e.text for e in out.citations}


def test_latin_names_of_a_japanese_item_print_family_first_without_separator() -> None:
    items = [
        _item("ja", [("Müller", "Hans")], language="ja"),
        _item("de", [("Weber", "Anna")], language="de"),
    ]
    entries, _ = _texts(items, "apa")
    assert entries["ja"].startswith("Müller H. (1999")
    assert entries["de"].startswith("Weber, A. (1999")
    entries, cites = _texts(items, "chicago-notes")
    assert cites["ja"].startswith("Müller Hans, ")
    assert cites["de"].startswith("Anna Weber, ")
    entries, _ = _texts(items, "vancouver")  # initialize-with="" on the style, default cs:name
    assert entries["ja"].startswith("1. Müller H. ")


def test_given_names_that_tell_cited_people_apart_reach_the_bibliography() -> None:
    items = [_item("a", [("Smith", "John")]), _item("b", [("Smith", "Jane")])]
    entries, cites = _texts(items, "harvard")
    assert cites == {"a": "(John Smith, 1999)", "b": "(Jane Smith, 1999)"}
    assert entries["a"].startswith("Smith, John (1999)")
    assert entries["b"].startswith("Smith, Jane (1999)")


def test_people_of_one_name_list_are_told_apart_in_its_entry_only() -> None:
    items = [
        _item("both", [("Smith", "John"), ("Smith", "Jane")]),
        _item("other", [("Smith", "John"), ("Jones", "Mary")]),
    ]
    entries, cites = _texts(items, "harvard")
    assert entries["both"].startswith("Smith, John and Smith, Jane (1999)")
    assert entries["other"].startswith("Smith, J. and Jones, M. (1999)")
    assert cites["both"] == "(Smith and Smith, 1999)"


def test_repeated_names_are_compared_as_shown_without_et_al() -> None:
    items = [
        _item("one", [("Smith", "John")]),
        _item("many", [("Smith", "John"), ("Ivanova", "Irina"), ("Sanger", "David")]),
        _item("pair", [("Smith", "John"), ("Jones", "Mary")]),
    ]
    entries, _ = _texts(items, "mla")
    assert entries["many"].startswith("Smith, John, et al. ")
    assert entries["one"].startswith("———. ")
    assert entries["pair"].startswith("Smith, John, and Mary Jones. ")


def test_sort_keys_demote_particles_and_leave_out_et_al() -> None:
    items = [
        _item("berg", [("van der Berg", "Piet")]),
        _item("cole", [("Cole", "Ann")]),
        _item("alpha", [("Adams", "Ann")]),
        _item("many", [("Cole", "Ann"), ("Dunn", "Bo"), ("Eyre", "Cy"), ("Fox", "Di")]),
    ]
    items[3]["issued"] = {"date-parts": [[1998]]}
    out = render(items, load_style("harvard"), "text")  # demote-non-dropping-particle="sort-only"
    assert [e.key for e in out.entries] == ["alpha", "berg", "many", "cole"]
    assert out.entries[1].text.startswith("van der Berg, P. ")
