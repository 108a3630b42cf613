"""Reading the value of one BibTeX field as plain text, with a diagnostic for each
silent case bibtexparser lets through (an undefined macro, a value that swallowed the
next field, a LaTeX command read as text), and reading an entry's date from its date
fields. Used by refs.formats.bibtex_read."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from bibtexparser.model import Field

from refs.dates import month_number, written_date
from refs.diagnostics import Diagnostic, warning
from refs.formats.bib_syntax import split_concatenation
from refs.formats.bib_types import NO_YEAR
from refs.formats.csl_dates import edtf_date
from refs.formats.imported import iso_date, number, valid_date
from refs.formats.latex_foreign import read_latex
from refs.models import PartialDate
from refs.patterns import compiled

_SWALLOWED = compiled(r"[,}\s]\s*[A-Za-z][\w-]*\s*=\s*[{\"]")


def bib_line(start_line: int | None) -> int | None:
    """bibtexparser's 0-based line as a 1-based one."""
    return None if start_line is None else start_line + 1


def _month(value: str) -> int | None:
    value = value.strip()
    return number(value) if value.isdigit() else month_number(value)


class FieldReader:
    """The values of a file's entries; ``diagnostics`` collects what reading them found."""

    def __init__(self, file: str, strings: dict[str, str]) -> None:
        self.file = file
        self.strings = strings  # @string macros, by lower-case name
        self.diagnostics: list[Diagnostic] = []
        self.unused: Counter[str] = Counter()

    def text(self, fields: dict[str, Field], name: str, line: int | None) -> str | None:
        field = fields.get(name)
        if field is None:
            return None
        raw = str(field.value)
        line = bib_line(field.start_line) or line
        if field.enclosing == "no-enclosing" and name != "month":
            raw = self.concatenate(raw, name, line)
        if _SWALLOWED.search(raw):
            self.diagnostics.append(
                warning("I012", self.file, line, f"{name} looks as if it holds another field")
            )
        text, unknown = read_latex(raw)
        for command in sorted(set(unknown)):
            self.diagnostics.append(
                warning("I010", self.file, line, f"LaTeX command {command} in {name} read as text")
            )
        return text

    def concatenate(self, raw: str, name: str, line: int | None) -> str:
        """Resolve a bare value: ``macro``, ``macro # {text} # "text"`` (bibtexparser
        leaves concatenations as written). Undefined macros are kept as their name."""
        parts = split_concatenation(raw)
        if parts is None:
            return raw
        out = []
        for part in parts:
            if part[:1] in '{"' and len(part) >= 2:
                out.append(part[1:-1])
            elif part.isdigit():
                out.append(part)
            elif part.lower() in self.strings:
                out.append(self.strings[part.lower()])
            else:
                self.diagnostics.append(
                    warning("I007", self.file, line, f"undefined macro {part!r} in {name}, kept")
                )
                out.append(part)
        return "".join(out)

    def issued(self, text: Callable[[str], str | None], line: int | None) -> PartialDate | None:
        for name in ("date", "issued"):
            value = text(name)
            if value:
                date = edtf_date(value) if "/" in value else iso_date(value)
                if date is None:
                    self.diagnostics.append(
                        warning(
                            "I009", self.file, line, f"{name} {value[:60]!r} not read; left out"
                        )
                    )
                return date
        year_text, month_text, day_text = text("year"), text("month"), text("day")
        if year_text and year_text.strip() == NO_YEAR:
            year_text = None
        if not (year_text or month_text):
            return None
        if year_text and not (month_text or day_text) and number(year_text) is None:
            in_words = written_date(year_text)  # ``year = {March 5}``: a year-less date
            if in_words is not None:
                return in_words
        year = number(year_text) if year_text else None
        month = _month(month_text) if month_text else None
        day = number(day_text) if day_text else None
        bad = (year_text and year is None) or (month_text and month is None)
        bad = bad or (day_text and day is None)
        date = None if bad else valid_date(year, month, day)
        if date is None:
            shown = " ".join(t for t in (day_text, month_text, year_text) if t)
            self.diagnostics.append(
                warning("I009", self.file, line, f"date {shown[:60]!r} not read; left out")
            )
        return date
