"""reach.py: which parts of a style may print for a shape of reference; skipping the
parts that cannot never changes a render."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from refs.render import load_style, render
from refs.render.elements import fast_paths, layout, text
from refs.render.engine import render_clusters
from refs.render.reach import holds, may_print
from refs.render.styles import SHORT_NAMES
from tests.render.test_fixes import CSL_HEAD, CSL_INFO, tiny_style

NEWS = ("article-newspaper", frozenset({"title", "container_title", "issued"}))


def _layout_children(style: Any) -> list[Any]:
    return list(style.root.xpath_search(".//cs:bibliography/cs:layout/*"))


@pytest.mark.parametrize(
    ("layout_xml", "expected"),
    [
        ('<text variable="title"/>', True),
        ('<text variable="publisher"/>', False),
        ('<text variable="title" form="short"/>', True),
        ('<text term="in"/>', True),
        ('<text value="x"/>', True),
        ('<number variable="volume"/>', False),
        ('<date variable="issued"><date-part name="year"/></date>', True),
        ('<date variable="accessed"><date-part name="year"/></date>', False),
        ('<text variable="year-suffix"/>', True),  # the render supplies it
        ('<group><text term="in"/><text variable="publisher"/></group>', False),
        ('<group><text term="in"/><text term="and"/></group>', True),
        ('<group><text term="in"/><text variable="title"/></group>', True),
        ('<names variable="author"/>', False),
        (
            '<names variable="author"><substitute><text variable="title"/></substitute></names>',
            True,
        ),
        (
            '<names variable="author"><substitute><text variable="URL"/></substitute></names>',
            False,
        ),
        (
            '<choose><if type="book"><text variable="title"/></if>'
            '<else><text variable="publisher"/></else></choose>',
            False,  # a news article takes the else branch
        ),
        (
            '<choose><if type="article-newspaper"><text variable="title"/></if></choose>',
            True,
        ),
        (
            '<choose><if is-numeric="volume"><text variable="title"/></if>'
            '<else><text variable="publisher"/></else></choose>',
            True,  # a branch that may print, whichever the test picks
        ),
        (
            '<choose><if is-numeric="volume"><text variable="URL"/></if>'
            '<else><text variable="publisher"/></else></choose>',
            False,
        ),
        (
            '<choose><if disambiguate="true"><text variable="URL"/></if></choose>',
            True,  # always asked: the test records the cite
        ),
    ],
)
def test_what_a_news_article_may_print(tmp_path: Path, layout_xml: str, expected: bool) -> None:
    style = tiny_style(tmp_path, layout_xml)
    (element,) = _layout_children(style)
    assert may_print(element, NEWS) is expected


def test_a_macro_is_read_through(tmp_path: Path) -> None:
    path = tmp_path / "macro.csl"
    path.write_text(
        CSL_HEAD
        + f'class="in-text" version="1.0">{CSL_INFO}'
        + '<macro name="m"><text variable="URL"/></macro>'
        + '<citation><layout><text variable="title"/></layout></citation>'
        + '<bibliography><layout><text macro="m"/></layout></bibliography></style>',
        encoding="utf-8",
    )
    (element,) = _layout_children(load_style(str(path)))
    assert not may_print(element, NEWS)
    assert may_print(element, ("webpage", frozenset({"URL"})))


def test_page_first_is_cut_from_page() -> None:
    assert holds("page-first", frozenset({"page"}))
    assert not holds("page-first", frozenset({"title"}))
    assert holds("container-title", frozenset({"container_title_short"}))


TYPES = [
    "article-newspaper",
    "book",
    "chapter",
    "speech",
    "interview",
    "broadcast",
    "report",
    "webpage",
    "article-journal",
    "thesis",
    "motion_picture",
    "legal_case",
]
VALUES: dict[str, Any] = {
    "title": "Talks on the test ban resume",
    "container-title": "Reuters",
    "publisher": "US State Department",
    "publisher-place": "Washington",
    "issued": {"date-parts": [[2000, 3, 1]]},
    "accessed": {"date-parts": [[2001, 5]]},
    "author": [{"family": "Cohen", "given": "William"}],
    "editor": [{"family": "Smith", "given": "Ann"}],
    "page": "12-14",
    "volume": "3",
    "issue": "54",
    "edition": "2",
    "number": "IV",
    "URL": "https://example.org/a",
    "DOI": "10.1000/x",
    "genre": "Transcript",
    "medium": "Radio",
    "event-title": "Press briefing",
    "collection-title": "Washington File",
    "title-short": "Talks",
    "note": "Excerpts",
}


@st.composite
def _items(draw: Any) -> list[dict[str, Any]]:
    out = []
    for n in range(draw(st.integers(1, 4))):
        names = draw(st.sets(st.sampled_from(sorted(VALUES)), max_size=len(VALUES)))
        item = {"id": f"i{n}", "type": draw(st.sampled_from(TYPES))}
        item.update({name: VALUES[name] for name in names})
        out.append(item)
    return out


def _rendered(items: list[dict[str, Any]], name: str) -> tuple[Any, ...]:
    style = load_style(name)
    out = render(items, style, "text", citations=True)
    return out.entries, out.citations


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(items=_items())
def test_skipping_what_cannot_print_changes_no_render(
    monkeypatch: pytest.MonkeyPatch, items: list[dict[str, Any]]
) -> None:
    pruned = {name: _rendered(items, name) for name in SHORT_NAMES}
    with monkeypatch.context() as m:  # every part walked
        for module in (text, layout):
            m.setattr(module, "may_print", lambda element, shape: True)
        for module in (fast_paths, layout):
            m.setattr(module, "printable", lambda element, shape: element.plan())
        walked = {name: _rendered(items, name) for name in SHORT_NAMES}
    assert pruned == walked


def test_a_wrong_answer_would_show(monkeypatch: pytest.MonkeyPatch) -> None:
    """The check above can fail: a part wrongly skipped changes what prints."""
    items = [{"id": "a", "type": "book", "title": "Arms", "publisher": "P"}]
    style = load_style("chicago")
    clusters: list[Any] = []
    before = render_clusters(items, style, clusters, "text", citations=False).entries
    with monkeypatch.context() as m:
        m.setattr(text, "may_print", lambda element, shape: False)
        after = render_clusters(items, style, clusters, "text", citations=False).entries
    assert before != after
