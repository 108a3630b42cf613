"""Our house style for the archive's source-list form (``Title, Outlet, Month Day``;
``Month Year`` where only the month is known). CSL cannot test a date's precision, so
for this style a month-precision ``issued`` is also given as ``original-date``, which
the style prints as month and year."""

from __future__ import annotations

from typing import Any


def adapt(item: dict[str, Any]) -> dict[str, Any]:
    issued = item.get("issued")
    if isinstance(issued, dict):
        parts = issued.get("date-parts") or []
        if len(parts) == 1 and len(parts[0]) == 2:
            return {**item, "original-date": issued}
    return item
