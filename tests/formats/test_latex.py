"""LaTeX escaping for BibTeX values: safe, balanced, reversible."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from refs.formats.latex import escape, unescape
from refs.formats.safe_text import CONTROL, without_controls

OUR_COMMANDS = re.compile(
    r"\\(?:textbackslash|textbraceleft|textbraceright|textasciitilde|textasciicircum)\{\}"
    r"|\\[&%$#_]"
)


def balanced(text: str) -> bool:
    depth = 0
    for ch in text:
        depth += {"{": 1, "}": -1}.get(ch, 0)
        if depth < 0:
            return False
    return depth == 0


def test_specials_are_escaped() -> None:
    assert escape("AT&T 50% $5 #1 a_b") == r"AT\&T 50\% \$5 \#1 a\_b"
    assert escape("~^") == r"\textasciitilde{}\textasciicircum{}"
    assert escape("a\\") == r"a\textbackslash{}"
    assert escape("{") == r"\textbraceleft{}"


def test_injections_stay_text() -> None:
    for attack in ("x}, author = {Mallory", "\\input{/etc/passwd}", "\\immediate\\write18{rm}"):
        out = escape(attack, protect_case=True)
        assert balanced(out)
        assert "\\input" not in out and "\\write18" not in out and "\\immediate" not in out
        assert unescape(out)[0] == attack


def test_acronyms_and_names_are_protected() -> None:
    assert escape("Talks on NMD end", protect_case=True) == "Talks on {NMD} end"
    assert escape("US-North Korea talks", protect_case=True) == "{US-North Korea} talks"
    assert escape("Cohen on N. Korea", protect_case=True) == "Cohen on {N. Korea}"
    # the first letter of a title is kept by BibTeX anyway
    assert escape("Kim halts tests", protect_case=True) == "Kim halts tests"
    assert escape("Kim halts tests") == "Kim halts tests"


def test_unescape_reads_other_tools_forms() -> None:
    assert unescape(r"{\"o}\'e \c{c} \&\%") == ("öé ç &%", [])
    text, unknown = unescape(r"see \emph{this}")
    assert text == r"see \emphthis" and unknown == [r"\emph"]


@given(st.text())
def test_escape_round_trips_any_text(text: str) -> None:
    for protect in (False, True):
        out = escape(text, protect_case=protect)
        assert balanced(out)
        assert not out.endswith("\\")
        # every backslash belongs to a command we wrote
        assert "\\" not in OUR_COMMANDS.sub("", out)
        # control characters are left out: no text file holds them
        assert unescape(out) == (without_controls(text), [])
        assert not CONTROL.search(out)
