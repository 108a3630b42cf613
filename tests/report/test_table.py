"""Display widths in plain-text tables: the one-column shortcut agrees with wcwidth."""

from __future__ import annotations

import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st
from wcwidth import wcswidth

from refs.report.table import ONE_COLUMN, pad, width


def _wcwidth_rule(text: str) -> int:
    columns = wcswidth(text)
    return columns if columns >= 0 else len(text)


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_ascii_width_is_what_wcwidth_says(text: str) -> None:
    assert width(text) == _wcwidth_rule(text)


def test_every_one_column_character_is_one_column_in_wcwidth() -> None:
    one_column = [chr(c) for c in range(0x3000) if ONE_COLUMN.fullmatch(chr(c))]
    assert len(one_column) > 95 + 96
    assert [c for c in one_column if wcswidth(c) != 1] == []


@given(st.text())
def test_any_width_is_what_wcwidth_says(text: str) -> None:
    assert width(text) == _wcwidth_rule(text)


def test_wide_and_combining_characters() -> None:
    assert width("漢字") == 4
    assert width("e\u0301") == 1
    assert pad("漢", 4) == "漢  "


def test_one_column_tables_do_not_import_wcwidth() -> None:
    code = (
        "import sys\n"
        "from refs.report.table import table\n"
        "table(['a', 'b'], [['x', 'the c\\u2026 \\u2014 \\xe9t\\xe9']])\n"
        "print('wcwidth' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
