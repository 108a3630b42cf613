"""Invented references that the export and import tests share."""

from __future__ import annotations

from refs.models import LibraryReference, PartialDate


def sample_refs() -> list[LibraryReference]:
    return [
        LibraryReference(
            key="wire1999talks",
            title="Envoys say NATO talks on ABM stall",
            outlet="Wire Service",
            container_title="Wire Service",
            issued=PartialDate(year=1999, month=3, day=9),
        ),
        LibraryReference(
            key="ministry1999brief",
            title="Briefing by the spokesman on the Geneva round",
            outlet="Foreign Ministry (Daily Bulletin)",
            publisher="Foreign Ministry",
            container_title="Daily Bulletin",
            type="speech",
            issued=PartialDate(year=1999, month=4),
        ),
        LibraryReference(
            key="palace1999text",
            title="Text of the joint statement",
            outlet="The Palace",
            publisher="The Palace",
            type="document",
            issued=PartialDate(year=1999),
        ),
        LibraryReference(
            key="radio1999chat",
            title="Interview with the minister",
            outlet="City Radio",
            publisher="City Radio",
            container_title="Morning Show",
            type="interview",
            issued=PartialDate(month=5, day=2),
        ),
        LibraryReference(key="undated", title="Undated note", outlet="Unknown Desk"),
    ]
