"""The bibliography's indexed keys answer as the list citeproc-py keeps."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from refs.render import load_style
from refs.render.registry import Bibliography, Cite, IndexedKeys

KEYS = st.lists(st.sampled_from(["a", "b", "c", "d", "e"]), max_size=12)


@given(KEYS, KEYS, st.sampled_from(["a", "b", "c", "d", "e", "z"]))
def test_indexed_keys_answer_as_a_list(start: list[str], added: list[str], probe: str) -> None:
    keys, plain = IndexedKeys(start), list(start)
    for key in added:
        keys.append(key)
        plain.append(key)
    assert list(keys) == plain
    assert (probe in keys) == (probe in plain)
    if probe in plain:
        assert keys.index(probe) == plain.index(probe)


def test_an_absent_key_has_no_index() -> None:
    keys = IndexedKeys(["a"])
    try:
        keys.index("b")
    except ValueError as exc:
        assert "'b'" in str(exc)
    else:
        raise AssertionError("no ValueError")


def test_keys_stay_indexed_through_register_and_sort() -> None:
    from citeproc import Citation
    from citeproc.formatter import plain
    from citeproc.source.json import CiteProcJSON

    items = [
        {"id": "b", "type": "book", "title": "Zebra"},
        {"id": "a", "type": "book", "title": "Aardvark"},
    ]
    bib = Bibliography(load_style("chicago"), CiteProcJSON(items), plain)
    for key in ("b", "a", "b"):
        bib.register(Citation([Cite(key)]))
    assert isinstance(bib.keys, IndexedKeys) and list(bib.keys) == ["b", "a"]
    bib.sort()
    assert isinstance(bib.keys, IndexedKeys) and list(bib.keys) == ["a", "b"]
    assert bib.keys.index("b") == 1 and "c" not in bib.keys
