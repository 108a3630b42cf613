"""Shared writing for BibTeX and BibLaTeX: safe keys and bibtexparser serialisation."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bibtexparser.entrypoint import write_string
from bibtexparser.library import Library
from bibtexparser.middlewares import AddEnclosingMiddleware
from bibtexparser.model import Block, Entry, Field
from bibtexparser.writer import BibtexFormat

from refs.models import Keyed
from refs.patterns import compiled

_UNSAFE_KEY = compiled(r"[^A-Za-z0-9_:.+-]")


@dataclass(frozen=True, slots=True)
class BibField:
    name: str
    value: str  # already LaTeX-escaped
    macro: bool = False  # written bare, e.g. ``month = oct``


def safe_keys(refs: Sequence[Keyed]) -> list[str]:
    """Entry keys that cannot break the file: characters outside ``[A-Za-z0-9_:.+-]``
    become ``-``; a key that then collides gets ``-2``, ``-3`` ... (in input order)."""
    used: set[str] = set()
    out: list[str] = []
    for ref in refs:
        base = _UNSAFE_KEY.sub("-", ref.key) or "ref"
        key, n = base, 1
        while key in used:
            n += 1
            key = f"{base}-{n}"
        used.add(key)
        out.append(key)
    return out


def sorted_refs(refs: Sequence[Keyed]) -> list[Keyed]:
    """Stable output order: by key, then by title."""
    return sorted(refs, key=lambda r: (r.key, r.title))


def write_bib(entries: Iterable[tuple[str, str, list[BibField]]]) -> str:
    """Serialise ``(entry type, key, fields)`` through bibtexparser."""
    library = Library()
    blocks: list[Block] = []
    for entry_type, key, fields in entries:
        bib_fields = []
        for field in fields:
            f = Field(field.name, field.value)
            if field.macro:
                f.enclosing = "no-enclosing"
            bib_fields.append(f)
        blocks.append(Entry(entry_type, key, bib_fields))
    library.add(blocks)
    fmt = BibtexFormat()  # type: ignore[no-untyped-call]
    fmt.indent = "  "
    fmt.block_separator = "\n"
    stack = [
        AddEnclosingMiddleware(
            reuse_previous_enclosing=False,
            enclose_integers=True,
            default_enclosing="{",
            allow_inplace_modification=True,
        )
    ]
    text: str = write_string(library, unparse_stack=stack, bibtex_format=fmt)
    return text
