"""cs:choose picks its branch by ``If.holds`` (no exception per failed branch), with
``match`` any, all and none over type and variable tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from refs.render import render
from tests.render.test_fixes import tiny_style

BRANCHES = (
    '<choose><if type="book report" variable="publisher" match="{match}">'
    '<text value="yes"/></if><else><text value="no"/></else></choose>'
)


@pytest.mark.parametrize(
    ("match", "item", "expected"),
    [
        ("any", {"type": "book"}, "yes"),
        ("any", {"type": "speech", "publisher": "P"}, "yes"),
        ("any", {"type": "speech"}, "no"),
        ("all", {"type": "book", "publisher": "P"}, "no"),  # two types never both hold
        ("none", {"type": "speech"}, "yes"),
        ("none", {"type": "speech", "publisher": "P"}, "no"),
    ],
)
def test_match_modes(tmp_path: Path, match: str, item: dict[str, str], expected: str) -> None:
    style = tiny_style(tmp_path, BRANCHES.format(match=match))
    out = render([{"id": "x", "title": "T", **item}], style, "text")
    assert [e.text for e in out.entries] == [expected]


def test_all_of_one_type_and_a_variable(tmp_path: Path) -> None:
    style = tiny_style(
        tmp_path,
        '<choose><if type="book" variable="publisher"><text value="yes"/></if>'
        '<else-if variable="title"><text value="titled"/></else-if></choose>',
    )
    items = [
        {"id": "a", "type": "book", "title": "T", "publisher": "P"},
        {"id": "b", "type": "book", "title": "T"},
    ]
    out = render(items, style, "text")
    assert sorted(e.text for e in out.entries) == ["titled", "yes"]


def test_no_branch_renders_nothing(tmp_path: Path) -> None:
    style = tiny_style(
        tmp_path,
        '<text value="["/><choose><if type="book"><text value="b"/></if></choose><text value="]"/>',
    )
    out = render([{"id": "a", "type": "speech", "title": "T"}], style, "text")
    assert [e.text for e in out.entries] == ["[]"]


class _Item(dict[str, object]):
    """A cite as the conditions see it: its reference, and its own fields (locator)."""

    def __init__(self, reference: dict[str, object], **fields: object) -> None:
        super().__init__(fields)
        self.reference = reference


@pytest.mark.parametrize(
    ("attrs", "reference", "fields", "holds"),
    [
        ('type="book" variable="locator"', {"type": "book"}, {"locator": "12"}, True),
        ('type="book" variable="locator"', {"type": "book"}, {}, False),
        ('variable="container-title" match="any"', {"type": "x", "container_title": "C"}, {}, True),
        ('variable="container-title" match="none"', {"type": "x"}, {}, True),
        ('is-numeric="volume"', {"type": "x", "volume": "4"}, {}, True),
    ],
)
def test_holds(
    tmp_path: Path, attrs: str, reference: dict[str, object], fields: dict[str, object], holds: bool
) -> None:
    style = tiny_style(tmp_path, f'<choose><if {attrs}><text value="y"/></if></choose>')
    condition = style.root.xpath_search(".//cs:if")[0]
    assert condition.holds(_Item(reference, **fields)) is holds


def test_language_of_an_item_else_of_the_style(tmp_path: Path) -> None:
    style = tiny_style(tmp_path, '<text variable="title"/>', 'default-locale="de-DE"')
    text = style.root.xpath_search(".//cs:bibliography//cs:text")[0]
    assert text._language(_Item({"language": "fr-FR"})) == "fr"
    assert text._language(_Item({})) == "de"
