"""Reference -> CSL-JSON item (the one mapping that exports and rendering share)."""

from __future__ import annotations

from typing import Any

from refs.dates import format_date
from refs.models import Keyed, PartialDate


def csl_date(date: PartialDate | None) -> dict[str, Any] | None:
    """CSL date object at the known precision: date-parts where the year is known, a literal
    (``March 5``) where only the month (and day) are, else None."""
    if date is None:
        return None
    if date.year is None:
        return {"literal": format_date(date, with_year=False)} if date.month else None
    return {"date-parts": [date.parts()]}


def to_csl(ref: Keyed) -> dict[str, Any]:
    """The CSL-JSON item for a reference. Keys are stable and values are plain text."""
    item: dict[str, Any] = {"id": ref.key, "type": ref.type, "title": ref.title}
    if ref.container_title:
        item["container-title"] = ref.container_title
    if ref.publisher:
        item["publisher"] = ref.publisher
    if not ref.container_title and not ref.publisher and ref.outlet:
        item["container-title"] = ref.outlet
    issued = csl_date(ref.issued)
    if issued is not None:
        item["issued"] = issued
    return item
