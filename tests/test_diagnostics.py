"""The one table of diagnostic codes: the README documents exactly it, and every code the
code emits is in it with the severity it is emitted at."""

from __future__ import annotations

import pickle
import re
from collections.abc import Callable

from hypothesis import given
from hypothesis import strategies as st

from refs import diagnostics
from refs.diagnostics import CODES, Diagnostic, error, warning
from refs.models.dump import dumped
from refs.models.valid import validated
from tests.helpers import ROOT

_ROW = re.compile(r"^\| ([A-Z]\d{3}) \| ([\w, ]+) \| (.*) \|$", re.MULTILINE)
_EMIT = re.compile(r"\b(error|warning|info)\(\s*\"([A-Z]\d{3})\"")
_LITERAL = re.compile(r"\"([A-Z]\d{3})\"")


def _sources() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "refs").rglob("*.py")))


def test_readme_table_is_the_codes_table() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = {code: (sev, meaning) for code, sev, meaning in _ROW.findall(readme)}
    assert rows == CODES


def test_every_code_in_the_source_is_in_the_table() -> None:
    used = set(_LITERAL.findall(_sources()))
    assert used <= set(CODES), sorted(used - set(CODES))


def test_codes_are_emitted_at_their_severity() -> None:
    for severity, code in _EMIT.findall(_sources()):
        assert severity in CODES[code][0].split(", "), (code, severity)


def test_the_checks_can_fail() -> None:
    assert not _ROW.findall("| X1 | error | nope |")
    found = _EMIT.findall('warning("A002", f, 1, "x")')
    assert found == [("warning", "A002")] and "warning" not in CODES["A002"][0]
    assert error("A002", "f", 1, "m").severity.value == "error"
    assert warning("S001", "f", 1, "m").code in CODES


@given(
    st.sampled_from([diagnostics.error, diagnostics.warning, diagnostics.info]),
    st.text(max_size=5),
    st.text(max_size=20),
    st.none() | st.integers(min_value=1),
    st.text(max_size=40),
    st.none() | st.text(max_size=20),
)
def test_made_diagnostics_equal_validated_ones(
    make: Callable[..., Diagnostic],
    code: str,
    file: str,
    line: int | None,
    message: str,
    hint: str | None,
) -> None:
    made = make(code, file, line, message, hint)
    twin = Diagnostic(
        code=code, severity=made.severity, file=file, line=line, message=message, hint=hint
    )
    assert made == twin
    assert made == validated(Diagnostic, dumped(made))
    assert pickle.loads(pickle.dumps(made)) == twin
