"""Hypothesis strategies that produce the inputs that once crashed refs: article text,
BibTeX, CSL-JSON and RIS with odd numbers and dates, control characters, line breaks,
deep nesting, lone surrogates and pieces of syntax in values."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import strategies as st

from tests.helpers import SEEDS

ODD_NUMBERS = (
    "²⁰⁰⁰",
    "٢٠٠٠",  # Arabic-Indic digits
    "9" * 5000,
    "99999999999999999999",
    "0",
    "-500",
    "99999",
    "1e999",
    "NaN",
    "2000-02-31",
    "2000/13/45",
    "",
)
ODD_TEXT = (
    "\x00",
    "\x1b[31m",
    "\r",
    "\n@misc{x,",
    "\n@Word",
    "}",
    "{",
    "\\",
    "\ud800",
    "ER  - ",
    "\nTY  - ",
    "\u2028",
    "#",
    '"',
    "%",
)

# line ends of every kind (a lone CR above all) among the pieces of syntax of ODD_TEXT
# that an export keeps as they are (no control character, no lone surrogate)
BREAK_TEXT = ("\r", "\r\n", "\n", "\r\r", "\n\r", " \r ")
_KEPT_TEXT = tuple(t for t in ODD_TEXT if t not in ("\x00", "\x1b[31m", "\ud800"))
broken_text = st.lists(
    st.one_of(st.sampled_from(BREAK_TEXT + _KEPT_TEXT), st.text("abc xyz", min_size=1, max_size=6)),
    min_size=1,
    max_size=8,
).map("".join)

odd_number = st.one_of(st.sampled_from(ODD_NUMBERS), st.integers().map(str))
odd_text = st.lists(st.one_of(st.sampled_from(ODD_TEXT), st.text(max_size=12)), max_size=6).map(
    "".join
)


@st.composite
def bibtex_text(draw: st.DrawFn) -> str:
    entries = []
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["misc", "article", "online", "string", "comment", "x"]))
        key = draw(st.one_of(st.just("k"), odd_text))
        fields = {
            "title": draw(odd_text),
            draw(st.sampled_from(["year", "date", "month", "day"])): draw(odd_number),
            draw(st.sampled_from(["howpublished", "journaltitle", "organization"])): draw(odd_text),
        }
        body = ", ".join(f"{k} = {{{v}}}" for k, v in fields.items())
        entries.append(f"@{kind}{{{key}, {body}}}")
    return "\n".join(entries)


def _json_value() -> st.SearchStrategy[Any]:
    leaf = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=True, allow_infinity=True),
        odd_text,
        odd_number,
    )
    return st.recursive(leaf, lambda kids: st.lists(kids, max_size=3), max_leaves=8)


@st.composite
def csljson_text(draw: st.DrawFn) -> str:
    items = []
    for _ in range(draw(st.integers(1, 3))):
        parts = draw(st.lists(st.one_of(odd_number, st.integers(-(10**30), 10**30)), max_size=4))
        item: dict[str, Any] = {
            "id": draw(st.one_of(odd_text, _json_value())),
            "type": draw(st.one_of(st.sampled_from(["article-newspaper", "nonsense"]), odd_text)),
            "title": draw(st.one_of(odd_text, _json_value())),
            "issued": draw(
                st.one_of(
                    st.just({"date-parts": [parts]}),
                    st.builds(lambda v: {"date-parts": v}, _json_value()),
                    st.builds(lambda v: {"raw": v}, odd_number),
                    _json_value(),
                )
            ),
        }
        items.append(item)
    text = json.dumps(items, ensure_ascii=draw(st.booleans()))
    depth = draw(st.sampled_from([0, 0, 0, 50, 1000, 5000]))
    if depth:
        text = text[:-1] + ", " + "[" * depth + "]" * depth + "]"
    return text.replace("99999", draw(st.sampled_from(["99999", "1e999", "9" * 5000])))


@st.composite
def ris_text(draw: st.DrawFn) -> str:
    lines = []
    for _ in range(draw(st.integers(1, 3))):
        lines.append(f"TY  - {draw(st.sampled_from(['NEWS', 'GEN', 'XXXX', '']))}")
        for _ in range(draw(st.integers(0, 5))):
            tag = draw(st.sampled_from(["TI", "T2", "PB", "PY", "DA", "Y1", "M3", "ZZ"]))
            value = draw(odd_number if tag in ("PY", "DA", "Y1") else odd_text)
            lines.append(f"{tag}  - {value}")
        if draw(st.booleans()):
            lines.append("ER  - ")
    end = draw(st.sampled_from(["\r\n", "\n", "\r"]))
    return end.join(lines) + end


SEED_TEXT = (SEEDS / "000_ef633acc338f5415.txt").read_text(encoding="utf-8")


@st.composite
def article_text(draw: st.DrawFn) -> str:
    """The seed article, damaged: pieces cut out, odd text put in, line ends changed."""
    text = SEED_TEXT
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(text)))
        cut = draw(st.integers(0, 200))
        text = text[:at] + draw(odd_text) + text[at + cut :]
    end = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    if end != "\n":
        text = text.replace("\n", end)
    if draw(st.booleans()):
        text += "; x" + ", y" * draw(st.integers(0, 500))
    return text
