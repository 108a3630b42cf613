"""References -> CSL-JSON (citeproc-js, pandoc, Zotero): a JSON array of items."""

from __future__ import annotations

import json
from collections.abc import Sequence

from refs.formats.bib_entries import sorted_refs
from refs.formats.csl_item import to_csl
from refs.formats.nocase import mark
from refs.models import Keyed


def export(refs: Sequence[Keyed]) -> str:
    """CSL-JSON for ``refs``, sorted by key; keys of each item sorted; title words that
    processors case differently protected (refs.formats.nocase)."""
    items = [to_csl(ref, custom=True) for ref in sorted_refs(refs)]
    for item in items:
        item["title"] = mark(item["title"])
    text = json.dumps(items, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    return text.replace("\x7f", "\\u007f")  # JSON leaves DEL as it is; no export writes it
