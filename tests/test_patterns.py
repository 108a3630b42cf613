"""Patterns compiled at their first use behave as compiled ones."""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import refs
from refs.patterns import compiled

SOURCES = [r"(?P<day>\d+)\s*(?P<month>[A-Z][a-z]+)", r"\bthe\b", r"[,;]\s*", r"^(a|b)+$"]


def test_nothing_is_compiled_before_the_first_use() -> None:
    later = compiled(r"(unclosed")  # a bad pattern: made, as nothing compiles it yet
    assert "match" not in vars(later)
    with pytest.raises(re.error):
        later.match("x")  # the first use compiles


def test_after_the_first_use_the_methods_are_the_compiled_patterns() -> None:
    later = compiled(r"(?P<n>\d+)", re.IGNORECASE)
    assert later.pattern == r"(?P<n>\d+)" and later.groupindex == {"n": 1}
    assert later.flags == re.compile(r"(?P<n>\d+)", re.IGNORECASE).flags
    assert getattr(vars(later)["match"], "__self__", None) == re.compile(r"(?P<n>\d+)", re.I)


def test_bytes_patterns() -> None:
    assert compiled(rb"\x00+").sub(b"", b"a\x00\x00b") == b"ab"


@given(st.sampled_from(SOURCES), st.text(alphabet="ab the,;12 Mayx", max_size=30))
def test_results_equal_the_compiled_patterns(source: str, text: str) -> None:
    later, now = compiled(source), re.compile(source)
    assert later.findall(text) == now.findall(text)
    assert later.sub("-", text) == now.sub("-", text)
    assert later.split(text) == now.split(text)
    assert [m.span() for m in later.finditer(text)] == [m.span() for m in now.finditer(text)]
    assert bool(later.fullmatch(text)) == bool(now.fullmatch(text))
    assert bool(later.search(text)) == bool(now.search(text))


def test_no_module_compiles_a_pattern_when_it_is_imported() -> None:
    # start-up pays for no pattern: each module-level pattern is made by ``compiled``
    found = []
    for info in pkgutil.walk_packages(refs.__path__, "refs."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        found += [f"{info.name}.{n}" for n, v in vars(module).items() if isinstance(v, re.Pattern)]
        found += [
            f"{info.name}.{n}"
            for n, v in vars(module).items()
            if isinstance(v, (list, tuple)) and any(_holds_pattern(x) for x in v)
        ]
    assert not found, found


def _holds_pattern(value: object) -> bool:
    if isinstance(value, tuple):
        return any(isinstance(x, re.Pattern) for x in value)
    return isinstance(value, re.Pattern)
