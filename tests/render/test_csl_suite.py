"""The CSL processor test suite through refs: the fixtures that pass are exactly the
listed ones (the list may only grow), and every fixture that citeproc-py as shipped
passes also passes through the conformance layer."""

from __future__ import annotations

import pytest

from tests.helpers import csl_suite as suite

MIN_PASS_RATE = 0.84  # raised as the list grows; the list itself is the real guard


@pytest.fixture(scope="module")
def ours() -> dict[str, bool]:
    results, _, _ = suite.score("refs")
    return results


def test_fixtures_are_all_read() -> None:
    fixtures = suite.fixtures()
    assert len(fixtures) == 845
    assert sum(fx.unscored is None for fx in fixtures) == 839
    assert {fx.mode for fx in fixtures} == {"citation", "bibliography"}


def test_citations_section_gives_the_final_citations_in_order() -> None:
    fx = suite.read(suite.SUITE / "affix_WithCommas.txt")
    assert fx.numbered
    assert [[cite["id"] for cite in cluster] for cluster in fx.clusters] == [
        ["ITEM-1", "ITEM-2"],
        ["ITEM-1", "ITEM-2"],
        ["ITEM-1", "ITEM-2"],
    ]
    assert fx.clusters[2][0]["locator"] == 23


def test_normalise_reads_entities_and_layout_whitespace_alike() -> None:
    a = '<div class="csl-bib-body">\n  <div class="csl-entry">A &#38; B</div>\n</div>'
    b = '<div class="csl-bib-body">\n<div class="csl-entry">A &amp; B</div>\n</div>'
    assert suite.normalise(a, "bibliography") == suite.normalise(b, "bibliography")
    assert suite.normalise(">>[0] x\n..[1] y", "citation") == "[0] x\n[1] y"
    assert suite.normalise("a &#38; b", "citation") != suite.normalise("a &lt; b", "citation")


def test_passes_are_exactly_the_known_passes(ours: dict[str, bool]) -> None:
    known = suite.listed(suite.KNOWN)
    passing = {name for name, ok in ours.items() if ok}
    lost = sorted(known - passing)
    new = sorted(passing - known)
    assert not lost, f"listed fixtures that fail now: {lost}"
    assert not new, f"fixtures that pass now (add them to {suite.KNOWN.name}): {new}"


def test_pass_rate(ours: dict[str, bool]) -> None:
    assert sum(ours.values()) / len(ours) >= MIN_PASS_RATE


def test_what_citeproc_py_passes_passes_through_refs(ours: dict[str, bool]) -> None:
    plain = suite.listed(suite.PLAIN)
    assert len(plain) > 400
    broken = sorted(name for name in plain if not ours.get(name))
    assert not broken, f"fixtures citeproc-py passes and refs fails: {broken}"


def test_plain_list_is_current() -> None:
    results, _, _ = suite.score("plain")
    assert {n for n, ok in results.items() if ok} == suite.listed(suite.PLAIN)
