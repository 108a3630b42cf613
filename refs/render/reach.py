"""Which parts of a style can print anything for a reference of a given shape (its type
and the variables it holds), so that a macro or group that cannot is not walked.

About half the macros and groups a long style such as chicago-author-date enters print
nothing for a given item (a newspaper article walks the branches of books, films and
laws). The answer depends only on the shape: a variable that the item lacks prints
nothing, a choice whose branches test only types and variables (``Choose.fixed``) takes
the same branch for every item of the shape, and a choice with other tests prints
only what one of its branches may. Every rule errs on the side of "may print": a part
it cannot read (a term, a value, a label) may print, so skipping a part never changes
what a render prints. A part that prints nothing has no other effect on the render:
the render state changes only when something prints, or in a choice with a
disambiguate test (it records the cite), which is always walked."""

from __future__ import annotations

from collections.abc import Container
from typing import Any

from refs.render.state import state_of

# the reference's type and the variables it holds (citeproc-py's names, with "_")
Shape = tuple[str, frozenset[str]]

# variables a cite or the render supplies, whatever the reference holds
_SUPPLIED = frozenset(
    {"year-suffix", "citation-number", "locator", "first-reference-note-number", "citation-label"}
)
_BRANCHES = frozenset({"if", "else-if", "else", "macro", "substitute"})

# variables a cite or a render sets: a choice that tests one is walked every time
VOLATILE = frozenset({"locator", "year_suffix", "citation_number", "first_reference_note_number"})
# a branch of a choice and its tests (match, types, variables), None for cs:else
Branch = tuple[Any, tuple[str, frozenset[str], tuple[str, ...]] | None]


def shape_of(reference: Any) -> Shape:
    """The reference's shape, read once per render (a render only adds variables that
    are supplied or tested by choices that are always walked: year-suffix)."""
    found: Shape | None = reference.__dict__.get("_refs_shape")
    if found is None:
        found = (str(dict.get(reference, "type")), frozenset(dict.keys(reference)))
        reference.__dict__["_refs_shape"] = found
    return found


def may_print(element: Any, shape: Shape) -> bool:
    """Can ``element`` print anything for a reference of ``shape``? (memoised per
    element and shape for the life of the parsed style)"""
    memo: dict[Shape, bool] = _memo(element, "_refs_reach")
    found = memo.get(shape)
    if found is None:
        found = memo[shape] = _may_print(element, shape)
    return found


def chosen(choose: Any, shape: Shape) -> Any:
    """The branch a choice whose tests are all fixed (``Choose.fixed``) takes for a
    reference of ``shape``, or None (memoised as ``may_print``)."""
    memo: dict[Shape, Any] = _memo(choose, "_refs_chosen")
    if shape in memo:
        return memo[shape]
    branch = memo[shape] = _first_fixed(choose.fixed(), shape[0], shape[1])
    return branch


def printable(element: Any, shape: Shape) -> tuple[tuple[Any, bool, bool], ...]:
    """The entries of ``element.plan()`` (child, is a choice, calls a variable) whose
    child may print for a reference of ``shape`` (memoised as ``may_print``)."""
    memo: dict[Shape, tuple[tuple[Any, bool, bool], ...]] = _memo(element, "_refs_printable")
    found = memo.get(shape)
    if found is None:
        found = memo[shape] = tuple(e for e in element.plan() if may_print(e[0], shape))
    return found


def _memo(element: Any, name: str) -> dict[Shape, Any]:
    """The element's memo ``name`` (per shape), made on first use."""
    memo: dict[Shape, Any] | None = element.__dict__.get(name)
    if memo is None:
        memo = element.__dict__[name] = {}
        state_of(element).reach[element] = memo  # keeps this proxy (and its dict) alive
    return memo


def holds(variable: str, present: frozenset[str]) -> bool:
    """Can a reference holding ``present`` print ``variable`` (or its short form)?"""
    if variable in _SUPPLIED:
        return True
    if variable.startswith("page"):  # page-first is cut from page
        variable = "page"
    name = variable.replace("-", "_")
    return name in present or f"{name}_short" in present


def _first_fixed(branches: tuple[Branch, ...], kind: Any, present: Container[str]) -> Any:
    """The first branch whose type and variable tests hold for a reference of type
    ``kind`` holding the variables ``present`` (as ``If.holds`` decides)."""
    for branch, tests in branches:
        if tests is None:
            return branch
        match, types, variables = tests
        if tests_hold(match, types, kind, [v in present for v in variables]):
            return branch
    return None


def tests_hold(match: str, types: frozenset[str], kind: Any, present: list[bool]) -> bool:
    """Do type tests of ``types`` and variable tests (``present``: is each variable
    there) hold, under ``match``, for an item of type ``kind``?"""
    if match == "any":
        return kind in types or any(present)
    if match == "none":
        return kind not in types and not any(present)
    # all: every type named is the item's, every variable present
    return (not types or types == {kind}) and all(present)


def _may_print(element: Any, shape: Shape) -> bool:
    tag = element.tag.rpartition("}")[2] if isinstance(element.tag, str) else ""
    attrib = element.attrib
    if tag == "text":
        if "variable" in attrib:
            return holds(attrib["variable"], shape[1])
        if "macro" in attrib:
            return may_print(element.get_macro(attrib["macro"]), shape)
        return True
    if tag in ("date", "number"):
        return "variable" not in attrib or holds(attrib["variable"], shape[1])
    if tag == "names":
        if any(holds(role, shape[1]) for role in attrib.get("variable", "").split()):
            return True
        substitute = element.substitute()
        return substitute is not None and may_print(substitute, shape)
    if tag == "group":  # prints when a child that calls a variable does, or calls none
        plan = element.plan()
        if any(calls and may_print(child, shape) for child, _, calls in plan):
            return True
        return not any(calls for _, _, calls in plan) and any(
            may_print(child, shape) for child, _, _ in plan
        )
    if tag == "choose":
        if element.fixed() is not None:
            branch = chosen(element, shape)
            return branch is not None and may_print(branch, shape)
        # other tests: the branch is unknown; a disambiguate test records the cite
        branches = element.children()
        if any("disambiguate" in b.attrib for b in branches):
            return True
        return any(may_print(b, shape) for b in branches)
    if tag in _BRANCHES:
        return any(may_print(child, shape) for child in element.children())
    return True
