"""Diagnostics: findings about the input, reported instead of raised."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from refs.models import Severity
from refs.visible import visible


class Diagnostic(BaseModel):
    """A finding with a stable code, a severity, the file and a 1-based line."""

    model_config = ConfigDict(frozen=True, extra="forbid")

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


def error(
    code: str, file: str, line: int | None, message: str, hint: str | None = None
) -> Diagnostic:
    return Diagnostic(
        code=code, severity=Severity.ERROR, file=file, line=line, message=message, hint=hint
    )


def warning(
    code: str, file: str, line: int | None, message: str, hint: str | None = None
) -> Diagnostic:
    return Diagnostic(
        code=code, severity=Severity.WARNING, file=file, line=line, message=message, hint=hint
    )


def info(
    code: str, file: str, line: int | None, message: str, hint: str | None = None
) -> Diagnostic:
    return Diagnostic(
        code=code, severity=Severity.INFO, file=file, line=line, message=message, hint=hint
    )


def has_errors(diagnostics: list[Diagnostic] | tuple[Diagnostic, ...]) -> bool:
    return any(d.severity is Severity.ERROR for d in diagnostics)


# Codes in use (stable; documented in README):
# R001 error   file cannot be read (missing, a folder, permission)
# R002 warning file is not UTF-8; decoded with a fallback
# R003 error   file is empty
# R004 error   file looks binary
# R005 error   no article files found under a folder
# A001 warning no header: publication/issue unknown, years not inferred
# A002 warning no source list ("Reports:") found
# A007 error   the source list holds no entry
# A003 warning issue line found but its date could not be read
# A004 info    an issue line after body text is a citation, not the header
# A005 info    no title after the issue line (the text there is body)
# A006 warning text after the source list is not read as entries
# S001 warning entry has no date
# S002 warning entry has no outlet
# S003 warning entry text looks damaged (lost apostrophes, empty quotes)
# S004 warning date could not be read
# S005 info    empty entry between separators skipped
# S006 warning entry has no title
# S007 warning two entries without a ';' between them were split
# L001 error   refs check: the library has no text of an article (refs add it again)
# L002 warning refs check: an entry is in the text or the library, not in both
# L003 warning refs check: an entry reads differently in the text and the library
# I001-I014    import readers (refs/imports/result.py)
