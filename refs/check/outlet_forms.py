"""The names a claim may give a reference's outlet by: as cited, canonical, each part
around parentheses, and the last word of a name of several (``the Post``)."""

from __future__ import annotations

import re

from refs.models import Reference


def outlet_forms(ref: Reference) -> set[str]:
    """Names of the reference's outlet as a claim may give it: as cited, canonical, and
    each part around parentheses (``US State Department``, ``Washington File``)."""
    forms: set[str] = set()
    for name in (ref.outlet, ref.outlet_canonical, ref.container_title):
        if not name:
            continue
        forms.add(name.strip())
        forms.update(p.strip() for p in re.split(r"[()]", name) if len(p.strip()) > 2)
    return {f for f in forms if f} | _short_forms(forms)


# last words that do not name one outlet ("the Press", "the Service")
_GENERIC_LAST = frozenset(
    "News Press Service Services Agency Wire Reports Report International Online "
    "Worldstream Newswire Network Department Office Radio Television Daily".split()
)


def _short_forms(forms: set[str]) -> set[str]:
    """``the Post`` for the Washington Post, ``the Times`` for the New York Times: the
    last word of a name of several, as a story names the outlet again."""
    out: set[str] = set()
    for name in forms:
        parts = name.split()
        last = parts[-1] if len(parts) > 1 else ""
        if len(last) > 3 and last[0].isupper() and last.isalpha() and last not in _GENERIC_LAST:
            out.update({f"the {last}", f"The {last}"})
    return out
