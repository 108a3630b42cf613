"""Diagnostics: findings about the input, reported instead of raised."""

from __future__ import annotations

from refs.models import Frozen, Severity
from refs.models.base import model
from refs.models.trusted import trusted
from refs.text import visible


@model
class Diagnostic(Frozen):
    """A finding with a stable code, a severity, the file and a 1-based line."""

    code: str
    severity: Severity
    file: str
    line: int | None = None
    message: str
    hint: str | None = None

    def format(self) -> str:
        """``file:line: CODE severity: message`` (the line left out where unknown)."""
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        text = f"{where}: {self.code} {self.severity.value}: {self.message}"
        return visible(f"{text} (hint: {self.hint})" if self.hint else text)


def _made(
    code: str, severity: Severity, file: str, line: int | None, message: str, hint: str | None
) -> Diagnostic:
    """A diagnostic refs makes itself: its values are of the right types."""
    values = {"code": code, "severity": severity, "file": file, "line": line}
    return trusted(Diagnostic, {**values, "message": message, "hint": hint})


def error(
    code: str, file: str, line: int | None, message: str, hint: str | None = None
) -> Diagnostic:
    return _made(code, Severity.ERROR, file, line, message, hint)


def warning(
    code: str, file: str, line: int | None, message: str, hint: str | None = None
) -> Diagnostic:
    return _made(code, Severity.WARNING, file, line, message, hint)


def info(
    code: str, file: str, line: int | None, message: str, hint: str | None = None
) -> Diagnostic:
    return _made(code, Severity.INFO, file, line, message, hint)


# a diagnostic as plain values: code, severity, file, line, message, hint
DiagnosticRow = tuple[str, str, str, int | None, str, str | None]


def row_of(d: Diagnostic) -> DiagnosticRow:
    return d.code, d.severity.value, d.file, d.line, d.message, d.hint


def diagnostic_of_row(row: DiagnosticRow) -> Diagnostic:
    code, severity, file, line, message, hint = row
    return _made(code, Severity(severity), file, line, message, hint)


def has_errors(diagnostics: list[Diagnostic] | tuple[Diagnostic, ...]) -> bool:
    return any(d.severity is Severity.ERROR for d in diagnostics)


# Every diagnostic code, its severity and what it means: the one table (the README's
# table of codes is tested against it). Codes are stable; a new one is added here first.
CODES: dict[str, tuple[str, str]] = {
    "R001": ("error", "a named file or folder is missing or unreadable (exit 2)"),
    "R002": ("warning", "the file is not UTF-8; read as Windows-1252/Latin-1"),
    "R003": ("error", "the file is empty"),
    "R004": ("error", "the file looks binary"),
    "R005": ("error", "a folder holds no article files"),
    "A001": ("warning", "no issue header: publication and issue unknown, years not inferred"),
    "A002": ("error", "no source list (`Reports:`/`Report:`)"),
    "A003": ("warning", "the issue line's date could not be read"),
    "A004": ("info", "an `Issue No.` line after body text is read as a citation, not the header"),
    "A005": ("info", "the text after the issue line is too long for a title: read as body"),
    "A007": ("error", "the source list (`Reports:`) holds no entry"),
    "A006": ("warning", "text after the source list (before the footer) is not read as entries"),
    "S001": ("warning", "an entry has no date (cut off?); kept as found"),
    "S002": ("warning", "an entry has no outlet; kept as found"),
    "S003": ("warning", "an entry looks damaged (lost apostrophes, empty quotes); kept as found"),
    "S004": (
        "warning",
        "an entry's date cannot be read (`February 30`, `12/05/97`); kept as written, undated",
    ),
    "S005": ("info", "an empty piece between two `;` was skipped"),
    "S006": ("warning", "an entry has no title"),
    "S007": (
        "warning",
        "two entries had no `;` between them (`..., Reuters, May 5\\nB story, ...`); split",
    ),
    "S008": (
        "warning",
        "an entry is dated after the issue month: its year is a guess (a late issue?); "
        "`refs edit KEY --set issued=...` fixes it",
    ),
    "L001": (
        "error",
        "`refs check`: the library has no text of an article (added by an older refs): "
        "`refs add` it again",
    ),
    "L002": (
        "warning",
        "`refs check`: an entry of the text is not in the library, or the other way round",
    ),
    "L003": ("warning", "`refs check`: an entry reads differently in the text than in the library"),
    "I001": ("error", "import: file cannot be read, or its format is unknown"),
    "I002": ("warning", "import: file is not UTF-8; decoded as latin-1"),
    "I003": (
        "error, warning",
        "import: a block, record or item could not be read (skipped); "
        "as a warning: an item without type, read as document",
    ),
    "I004": ("error", "import: duplicate key (the later entry is skipped)"),
    "I005": ("warning", "import: an entry repeats a field (the first value kept)"),
    "I006": ("warning", "import: text outside any entry or record ignored"),
    "I007": ("warning", "import: undefined `@string` macro kept as text"),
    "I008": (
        "info",
        "import: fields outside CSL, kept verbatim as extra fields (e.g. JabRef's `owner`)",
    ),
    "I009": ("warning", "import: date could not be read (left out)"),
    "I010": ("warning", "import: LaTeX command unknown to pylatexenc, read as its argument"),
    "I011": (
        "warning, error",
        "import: entry without a title: kept untitled when what was read of it has an "
        "outlet, a date or an author (else an error, skipped)",
    ),
    "I012": ("warning", "import: a value looks as if it swallowed the next field (missing comma?)"),
    "I013": ("warning", "import: entry without a key: one was made"),
    "I014": ("warning", "import: the file holds no entries at all"),
    "I015": (
        "warning",
        "import: a text held a lone surrogate (no file can hold one): replaced by U+FFFD",
    ),
    "I016": ("warning", "import: a CSL-JSON `type` that is not a CSL type (kept as written)"),
    "I017": (
        "warning",
        "import: a field's value could not be read (e.g. a name list that is not one); "
        "kept verbatim",
    ),
    "C001": ("error", "render: an item without id (left out)"),
    "C002": ("warning", "render: an item without type (rendered as document)"),
    "C003": ("warning", "render: a date or a name list that cannot be used (dropped)"),
    "C004": ("error", "render: a duplicate id (left out)"),
    "C005": ("error", "render: the bibliography could not be sorted (input order kept)"),
    "C006": ("error", "render: one entry or citation could not be rendered (left out)"),
    "C007": ("error", "render: a citation (`--cite`) names a key that is not among the references"),
}
