"""A personal or corporate name as CSL holds it (CSL 1.0.2 name variables)."""

from __future__ import annotations

from typing import Any

from refs.models.base import Frozen, model

# CSL-JSON's names of the parts (the model's attributes use underscores)
NAME_PARTS: tuple[str, ...] = (
    "family",
    "given",
    "dropping-particle",
    "non-dropping-particle",
    "suffix",
    "literal",
)
NAME_FLAGS: tuple[str, ...] = ("comma-suffix", "static-ordering")


@model
class Name(Frozen):
    """One name: a person (``family``, ``given``, particles, ``suffix``) or an
    institution given whole as ``literal``."""

    family: str | None = None
    given: str | None = None
    dropping_particle: str | None = None  # "de" in "Jean de La Fontaine", sorted apart
    non_dropping_particle: str | None = None  # "van" in "Vincent van Gogh"
    suffix: str | None = None  # "Jr."
    literal: str | None = None  # an institution: "Associated Press"
    comma_suffix: bool = False
    static_ordering: bool = False

    @property
    def personal(self) -> bool:
        return self.literal is None and bool(self.family)

    def csl(self) -> dict[str, Any]:
        """The CSL-JSON name object (parts that are set, in the order of NAME_PARTS)."""
        out: dict[str, Any] = {}
        for part in NAME_PARTS + NAME_FLAGS:
            value = getattr(self, part.replace("-", "_"))
            if value:
                out[part] = value
        return out

    def family_full(self) -> str:
        """The family name with its non-dropping particle (``van Gogh``), or the literal."""
        if self.literal is not None:
            return self.literal
        return " ".join(p for p in (self.non_dropping_particle, self.family) if p)


def name_of_csl(value: Any) -> Name | None:
    """A Name from a CSL-JSON name object, None where it holds no part."""
    if not isinstance(value, dict):
        return None
    parts: dict[str, Any] = {}
    for part in NAME_PARTS:
        text = value.get(part)
        if text is not None and str(text) != "":
            parts[part.replace("-", "_")] = str(text)
    if not parts:
        return None
    for flag in NAME_FLAGS:
        if value.get(flag):
            parts[flag.replace("-", "_")] = True
    return Name(**parts)
