"""Display widths in plain-text tables: the ASCII shortcut agrees with wcwidth."""

from __future__ import annotations

import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st
from wcwidth import wcswidth

from refs.report.table import pad, width


def _wcwidth_rule(text: str) -> int:
    columns = wcswidth(text)
    return columns if columns >= 0 else len(text)


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_ascii_width_is_what_wcwidth_says(text: str) -> None:
    assert width(text) == _wcwidth_rule(text)


@given(st.text())
def test_any_width_is_what_wcwidth_says(text: str) -> None:
    assert width(text) == _wcwidth_rule(text)


def test_wide_and_combining_characters() -> None:
    assert width("漢字") == 4
    assert width("e\u0301") == 1
    assert pad("漢", 4) == "漢  "


def test_ascii_tables_do_not_import_wcwidth() -> None:
    code = (
        "import sys\n"
        "from refs.report.table import table\n"
        "table(['a', 'b'], [['x', 'yy']])\n"
        "print('wcwidth' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"
