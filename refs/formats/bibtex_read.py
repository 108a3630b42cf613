"""BibTeX/BibLaTeX text -> references (plain text values) and diagnostics.

bibtexparser recovers per block; this reader reports every block it could not use
(failed, duplicate key, duplicate field) with its 1-based line, and the silent cases
that bibtexparser lets through (text outside entries, undefined macros, a value that
swallowed the next field)."""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from bibtexparser.entrypoint import parse_string
from bibtexparser.model import (
    DuplicateBlockKeyBlock,
    DuplicateFieldKeyBlock,
    Entry,
    Field,
    ImplicitComment,
    ParsingFailedBlock,
)

from refs.diagnostics import error, info, warning
from refs.formats.bib_fields import READ_FIELDS, read_more
from refs.formats.bib_syntax import (
    BLANK_KEY,
    braced_whole,
    name_blank_keys,
)
from refs.formats.bib_types import csl_type
from refs.formats.bib_values import FieldReader, bib_line
from refs.formats.imported import (
    Draft,
    ImportResult,
    finish,
    kept,
)
from refs.models import Fields

# Fields this reader uses; ``key`` (a sort key) is derived and not needed.
_USED = frozenset(
    [
        "title",
        "howpublished",
        "organization",
        "publisher",
        "institution",
        "journal",
        "journaltitle",
        "year",
        "month",
        "day",
        "date",
        "issued",
        "entrysubtype",
        "key",
        "author",
        "ids",
        "shortauthor",  # refs writes the outlet there (and in sortname) for biblatex
        "sortname",
    ]
)


@contextmanager
def _quiet_bibtexparser() -> Iterator[None]:
    """bibtexparser logs each failed block on its own; we report them as diagnostics with
    the block's line instead, so its log is held back while it parses."""
    logger = logging.getLogger("bibtexparser")
    previous = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(previous)


class _Reader(FieldReader):
    """Entries -> drafts of references (and what their fields hold outside CSL)."""

    def entry(self, entry: Entry) -> Draft | None:
        line = bib_line(entry.start_line)
        fields: dict[str, Field] = {}
        for f in entry.fields:
            fields.setdefault(f.key.lower(), f)
        if len(fields) != len(entry.fields):
            names = Counter(f.key.lower() for f in entry.fields)
            twice = ", ".join(sorted(n for n, c in names.items() if c > 1))
            self.diagnostics.append(
                warning("I005", self.file, line, f"entry repeats field(s) {twice}; first kept")
            )
        for name in fields:
            if name not in _USED and name not in READ_FIELDS:
                self.unused[name] += 1

        def text(name: str) -> str | None:
            return self.text(fields, name, line)

        def raw(name: str) -> str | None:
            field = fields.get(name)
            return None if field is None else str(field.value)

        title = text("title") or ""
        unpublished = entry.entry_type.lower() == "unpublished"
        organization, where, corporate = self.publishers(fields, text, line, unpublished)
        container = where if where and where != organization else None
        subtype = text("entrysubtype")
        kind = csl_type(entry.entry_type, subtype)
        extra = tuple((n, text(n) or "") for n in fields if n in self.unused_here(fields))
        # the outlet as refs writes it for biblatex is derived; a name of the user's is kept
        derived = {"{" + (where or "") + "}", "{" + (organization or "") + "}"}
        extra += tuple(
            (n, text(n) or "")
            for n in ("shortauthor", "sortname")
            if n in fields and (raw(n) or "").strip() not in derived
        )
        draft = Draft(
            key=None if entry.key.startswith(BLANK_KEY) else entry.key or None,
            line=line,
            fields=Fields(
                title=title,
                issued=self.issued(text, line),
                type=kind,
                publisher=organization or None,
                container_title=container,
                extra_fields=extra,
                **read_more(
                    (lambda n: None if n == "author" and corporate else raw(n)),
                    text,
                    kind.startswith("article"),
                ),
            ),
            aliases=tuple(a.strip() for a in (text("ids") or "").split(",") if a.strip()),
        )
        name = f"entry {entry.key!r}"
        return draft if kept(name, self.file, line, draft.fields, self.diagnostics) else None

    def publishers(
        self,
        fields: dict[str, Field],
        text: Callable[[str], str | None],
        line: int | None,
        unpublished: bool = False,
    ) -> tuple[str | None, str | None, str | None]:
        """The publisher, the outlet (journal or howpublished, else a braced corporate
        author, as refs writes the outlet) and that corporate author where it is the
        outlet rather than the item's own author. In ``@unpublished`` (a speech or
        document refs writes) ``howpublished`` is the issuer, where nothing else is."""
        organization = text("organization") or text("publisher") or text("institution")
        where = text("journaltitle") or text("journal") or text("howpublished")
        if unpublished and not organization:
            organization, where = text("howpublished"), text("journaltitle") or text("journal")
        corporate = self.corporate_author(fields, line)  # the outlet, as refs writes it
        if corporate is not None and corporate != organization and (organization or where):
            corporate = None  # a corporate author of the item's own (read as its author)
        if not where and corporate != organization:
            where = corporate
        return organization, where, corporate

    def corporate_author(self, fields: dict[str, Field], line: int | None) -> str | None:
        """A braced corporate author (``{{Associated Press}}``): the outlet where no
        other field names it."""
        field = fields.get("author")
        if field is None:
            return None
        raw = str(field.value).strip()
        if not (raw.startswith("{") and raw.endswith("}") and braced_whole(raw)):
            return None
        return self.text(fields, "author", line)

    @staticmethod
    def unused_here(fields: dict[str, Field]) -> list[str]:
        """Fields outside CSL (kept verbatim as extra fields)."""
        return [n for n in fields if n not in _USED and n not in READ_FIELDS and n != "ids"]


def parse_bibtex(text: str, file: str = "<string>") -> ImportResult:
    """Read BibTeX or BibLaTeX text."""
    with _quiet_bibtexparser():
        library = parse_string(name_blank_keys(text))
    strings = {k.lower(): str(v.value) for k, v in library.strings_dict.items()}
    reader = _Reader(file, strings)
    diags = reader.diagnostics
    kept: list[Entry] = []
    for failed in library.failed_blocks:
        line = bib_line(failed.start_line)
        if isinstance(failed, DuplicateBlockKeyBlock):
            diags.append(error("I004", file, line, f"duplicate key {failed.key!r}; skipped"))
        elif isinstance(failed, DuplicateFieldKeyBlock):
            block = failed.ignore_error_block
            if isinstance(block, Entry):
                kept.append(block)  # read below, the first value kept
        else:
            diags.append(error("I003", file, line, f"block not read: {_firstbib_line(failed)}"))
    for block in library.blocks:
        if isinstance(block, ImplicitComment) and re.search(r"[{}=@]", block.comment):
            diags.append(
                warning(
                    "I006",
                    file,
                    bib_line(block.start_line),
                    "text outside any entry ignored: " + _snippet(block.comment),
                )
            )
    drafts = []
    entries = sorted([*library.entries, *kept], key=lambda e: e.start_line or 0)
    for entry in entries:
        draft = reader.entry(entry)
        if draft is not None:
            drafts.append(draft)
    if reader.unused:
        listed = ", ".join(f"{name} ({n})" for name, n in sorted(reader.unused.items()))
        diags.append(info("I008", file, None, f"fields outside CSL kept verbatim: {listed}"))
    diags.sort(key=lambda d: (d.line or 0, d.code))
    return ImportResult("bibtex", finish(drafts), tuple(diags))


def _firstbib_line(block: ParsingFailedBlock) -> str:
    raw = block.raw or ""
    return _snippet(raw.splitlines()[0] if raw else str(block.error))


def _snippet(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:57] + "..."
