"""RIS text -> references and diagnostics. Accepts CR LF or LF line ends, ``T1``/``TI``
titles, ``T2``/``JF``/``JO`` containers, ``DA``/``PY``/``Y1`` dates."""

from __future__ import annotations

from refs.diagnostics import Diagnostic, error, info, warning
from refs.formats.bib_types import CSL_TYPES
from refs.formats.imported import Draft, ImportResult, finish, kept
from refs.formats.ris_fields import TAG_FIELDS, ris_date_of, ris_read_more
from refs.formats.ris_write import RIS_TO_CSL
from refs.models import Fields, PartialDate
from refs.patterns import compiled

_TAG = compiled(r"^([A-Z][A-Z0-9])  -(?: (.*))?$")
_USED = frozenset({"TY", "ER", "ID", "TI", "T1", "CT", "T2", "JF", "JO", "BT", "PB"})
_USED_DATES = frozenset({"DA", "PY", "Y1", "M3"})


class _Outside:
    """Tags that no field reads: kept verbatim as extra fields."""

    def __contains__(self, tag: object) -> bool:
        return tag not in _USED and tag not in _USED_DATES and tag not in TAG_FIELDS


_OUTSIDE = _Outside()


_date = ris_date_of


class _Record:
    def __init__(self, ty: str, line: int) -> None:
        self.ty = ty
        self.line = line
        self.tags: dict[str, list[str]] = {}

    def first(self, *names: str) -> str | None:
        for name in names:
            if self.tags.get(name):
                return self.tags[name][0]
        return None


def _draft(rec: _Record, file: str, diags: list[Diagnostic]) -> Draft | None:
    title = rec.first("TI", "T1", "CT", "BT") or ""
    m3 = (rec.first("M3") or "").strip().lower()
    csl = m3 if m3 in CSL_TYPES else RIS_TO_CSL.get(rec.ty, "document")
    issued = None
    da, py = rec.first("DA"), rec.first("PY", "Y1")
    if da or py:
        issued = _date(da) if da else None
        from_py = _date(py) if py else None
        if issued is None or (issued.year is None and from_py is not None):
            year = from_py.year if from_py else None
            if issued is not None and year is not None:
                issued = PartialDate(year=year, month=issued.month, day=issued.day)
            else:
                issued = from_py if from_py is not None else issued
        if issued is None:
            shown = " / ".join(v for v in (da, py) if v)
            diags.append(warning("I009", file, rec.line, f"date {shown[:60]!r} not read; left out"))
    draft = Draft(
        key=rec.first("ID"),
        line=rec.line,
        fields=Fields(
            title=title,
            issued=issued,
            type=csl,
            publisher=rec.first("PB"),
            container_title=rec.first("T2", "JF", "JO"),
            extra_fields=tuple((t, v) for t, vs in rec.tags.items() if t in _OUTSIDE for v in vs),
            **ris_read_more(lambda tag: rec.tags.get(tag, [])),
        ),
    )
    return draft if kept("record", file, rec.line, draft.fields, diags) else None


def parse_ris(text: str, file: str = "<string>") -> ImportResult:
    """Read RIS text."""
    diags: list[Diagnostic] = []
    drafts: list[Draft] = []
    seen: set[str] = set()
    unused: dict[str, int] = {}
    rec: _Record | None = None
    last: str | None = None

    def close(r: _Record) -> None:
        draft = _draft(r, file, diags)
        if draft is None:
            return
        if draft.key is not None and draft.key in seen:
            diags.append(error("I004", file, r.line, f"duplicate ID {draft.key!r}; skipped"))
            return
        if draft.key is not None:
            seen.add(draft.key)
        drafts.append(draft)

    for n, raw in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
        match = _TAG.match(raw)
        if match is None:
            if rec is not None and last is not None and raw.strip():
                # A long value continued on the next line (allowed by the specification).
                rec.tags[last][-1] += " " + raw.strip()
            elif raw.strip():
                diags.append(warning("I006", file, n, "text outside any record ignored"))
            continue
        tag, value = match.group(1), match.group(2) or ""
        if tag == "TY":
            if rec is not None:
                diags.append(warning("I003", file, rec.line, "record without ER; closed"))
                close(rec)
            rec, last = _Record(value.strip(), n), None
            continue
        if rec is None:
            diags.append(warning("I006", file, n, f"{tag} outside any record ignored"))
            continue
        if tag == "ER":
            close(rec)
            rec, last = None, None
            continue
        if tag not in _USED and tag not in _USED_DATES and tag not in TAG_FIELDS:
            unused[tag] = unused.get(tag, 0) + 1
        rec.tags.setdefault(tag, []).append(value)
        last = tag
    if rec is not None:
        diags.append(warning("I003", file, rec.line, "record without ER at end of file; closed"))
        close(rec)
    if unused:
        listed = ", ".join(f"{tag} ({n})" for tag, n in sorted(unused.items()))
        diags.append(info("I008", file, None, f"tags outside CSL kept verbatim: {listed}"))
    return ImportResult("ris", finish(drafts), tuple(diags))
