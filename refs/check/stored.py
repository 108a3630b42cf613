"""``refs check`` over the library (pure): each stored article is parsed again from the
text the library keeps, and each of its references takes the library key of its entry
(list index -> citation -> record; a merged record gives the key kept). The claims and
links are then those of ``refs check PATH`` with library keys."""

from __future__ import annotations

import dataclasses
import shlex
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from refs import diagnostics as diag
from refs.diagnostics import Diagnostic
from refs.models import Reference
from refs.pipeline import ParsedArticle, build, parse_text
from refs.select import article_named
from refs.text import loose

if TYPE_CHECKING:
    from refs.library.texts import StoredArticle


def chosen(stored: Sequence[StoredArticle], names: Collection[str]) -> list[StoredArticle]:
    """The articles named (path, file name or stem of the file added); all without names."""
    if not names:
        return list(stored)
    return [
        s
        for s in stored
        if article_named(s.source, names)
        or (s.text_source is not None and article_named(s.text_source, names))
    ]


def _rekey(stored: StoredArticle, parsed: ParsedArticle) -> ParsedArticle:
    """``parsed`` with the library key on each reference, and a warning for each entry
    that the library and the text do not agree on."""
    source = parsed.article.source
    again = f"refs add {shlex.quote(stored.source)}"
    refs: list[Reference] = []
    notes: list[Diagnostic] = []
    for ref in parsed.references:
        line = ref.span.line if ref.span else None
        entry = stored.entries.get(ref.index)
        if entry is None:
            notes.append(
                diag.warning(
                    "L002",
                    source,
                    line,
                    f"entry {ref.index + 1} is not in the library; it keeps the key "
                    f"{ref.key} of this run",
                    hint=f"the parser reads this text differently now: {again}",
                )
            )
            refs.append(ref)
            continue
        key, raw = entry
        if loose(raw) != loose(ref.raw):
            notes.append(
                diag.warning(
                    "L003",
                    source,
                    line,
                    f"entry {ref.index + 1} reads {ref.raw!r} here but {raw!r} in the library "
                    f"(key {key})",
                    hint=f"the parser reads this text differently now: {again}",
                )
            )
        refs.append(dataclasses.replace(ref, key=key))
    found = {ref.index for ref in parsed.references}
    lost = sorted(i + 1 for i in stored.entries if i not in found)
    if lost:
        notes.append(
            diag.warning(
                "L002",
                source,
                None,
                f"the library has entries {', '.join(map(str, lost))} of this article, the "
                "text does not give them",
                hint=f"the parser reads this text differently now: {again}",
            )
        )
    return ParsedArticle(parsed.article, tuple(refs), parsed.diagnostics + tuple(notes))


def library_articles(
    stored: Sequence[StoredArticle],
) -> tuple[list[ParsedArticle], list[Diagnostic]]:
    """The stored articles parsed from their kept text, with library keys; an error
    (L001) for each article the library keeps no text of."""
    missing: list[Diagnostic] = []
    texts: list[StoredArticle] = []
    for s in stored:
        if s.text is None:
            missing.append(
                diag.error(
                    "L001",
                    s.source,
                    None,
                    "not checked: the library has no text of this article (it was added "
                    "before refs kept article text)",
                    hint=f"add it again to keep its text: refs add {shlex.quote(s.source)}",
                )
            )
        else:
            texts.append(s)
    parsed = build([parse_text(s.text or "", s.text_source or s.source) for s in texts])
    return [_rekey(s, p) for s, p in zip(texts, parsed, strict=True)], missing
