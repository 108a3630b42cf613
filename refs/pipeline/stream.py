"""Many article files through the stages in bounded memory, on several cores.

Each file's whole job (read, parse, check, its output text) runs on its own, in a worker
process when ``jobs`` > 1, and comes back as compact rows: the output text with a
stand-in for each key, and the fields each key is made from. Keys are given once over
the whole run (``refs.dedupe.identity``), so the output text and the references wait
in a :class:`refs.library.run_index.RunIndex`; once every file is done
the keys are given and the output is written with them. Memory does not grow with the
number of files, and the output is the same, byte for byte, whatever ``jobs``."""

from __future__ import annotations

import hashlib
import marshal
import re
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Literal

from refs.dedupe.identity import Identity
from refs.diagnostics import Diagnostic, DiagnosticRow, diagnostic_of_row, has_errors, row_of
from refs.library.run_index import Cited, RunIndex
from refs.library.run_index import cited as cite
from refs.models import PartialDate
from refs.parse.normalise import normalize
from refs.parse.year_guess import year_guesses
from refs.pipeline import ParsedArticle, check, entries, parse_text
from refs.pipeline.workers import in_order
from refs.reader import read_text
from refs.report import streamed
from refs.select import article_named

Format = Literal["parse-json", "check-json", "check-text"]
# private-use characters: written as they are in JSON, never escaped for a terminal
_STAND_INS = "\ue000\ue001\ue002\ue003\ue004\ue005\ue006\ue007\ue008\ue009\ue00a"


@dataclass(frozen=True, slots=True)
class Task:
    path: str
    fmt: Format
    wanted: bool  # written out (--article); the others still take part in the keys


@dataclass(slots=True)
class Done:
    """What one file's job gives back."""

    spooled: bytes  # the output: compressed (pieces, slots, diagnostics), see ``_spooled``
    cited: list[Cited]
    errors: bool = False  # an error among the diagnostics
    unreadable: tuple[Diagnostic, ...] = ()  # why the file could not be read
    wanted: bool = True  # as the task said
    claims: int = 0
    supported: int = 0
    unused: int = 0


def article_job(task: Task) -> Done:
    """Read, parse (and check) one article and write its output (pure but for the read)."""
    text, notes = read_text(Path(task.path))
    if text is None:
        return Done(b"", [], has_errors(notes), tuple(notes))
    article, raws, found = parse_text(text, task.path)
    mark = next((c for c in _STAND_INS if c not in text and c not in task.path), "\ue000")
    slots: dict[Identity, int] = {}
    refs = []
    cited = []
    for e in entries(article, raws):
        slot = slots.setdefault(e.identity, len(slots))
        digest = hashlib.blake2b(repr(e.identity).encode(), digest_size=16).digest()
        cited.append(
            cite(slot, digest, (e.raw.title, e.raw.outlet, e.canonical, *_parts(e.issued)))
        )
        refs.append(normalize(e.raw, e.issued, task.path, f"{mark}{slot}{mark}"))
    guesses = year_guesses(article, refs, lambda _: "KEY")
    parsed = ParsedArticle(article, tuple(refs), (*notes, *found, *guesses))
    if not task.wanted:
        return Done(b"", cited, wanted=False)
    if task.fmt == "parse-json":
        return _split(streamed.parse_article(parsed), mark, cited, parsed.diagnostics)
    checked = check(parsed)
    out = (streamed.check_article if task.fmt == "check-json" else streamed.check_block)(
        parsed, checked
    )
    done = _split(out, mark, cited, parsed.diagnostics)
    done.claims, done.supported = len(checked.claims), len(checked.report.supported)
    done.unused = len(checked.report.unused_references)
    return done


def _parts(d: PartialDate | None) -> tuple[int | None, int | None, int | None, bool]:
    if d is None:
        return None, None, None, False
    return d.year, d.month, d.day, d.year_inferred


def _split(out: str, mark: str, cited: list[Cited], diagnostics: Sequence[Diagnostic]) -> Done:
    """The output cut at its keys' stand-ins, compressed for the spool (JSON shrinks
    about tenfold, so 10^6 articles wait in a few hundred MB, not several GB)."""
    # orjson and the text report write the private-use mark as it is
    parts = re.split(re.escape(mark) + r"(\d+)" + re.escape(mark), out)
    record = (parts[0::2], [int(n) for n in parts[1::2]], [row_of(d) for d in diagnostics])
    spooled = zlib.compress(marshal.dumps(record), 1)  # plain values: marshal is enough
    return Done(spooled, cited, has_errors(list(diagnostics)))


@dataclass
class Streamed:
    """The first pass over the files: everything counted, the output spooled."""

    fmt: Format
    articles: int = 0  # articles written out
    file_level: list[Diagnostic] = field(default_factory=list)
    errors: bool = False
    claims: int = 0
    supported: int = 0
    unused: int = 0
    _index: RunIndex = field(default_factory=RunIndex)

    def __enter__(self) -> Streamed:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @property
    def ratio(self) -> float:
        return self.supported / self.claims if self.claims else 1.0

    def close(self) -> None:
        self._index.close()

    @property
    def exit_code(self) -> int:
        """2 when a named path is missing, 1 for error findings, else 0."""
        if any(d.code == "R001" for d in self.file_level):
            return 2
        return 1 if self.errors else 0

    def write(self, out: IO[str]) -> None:
        """The output, keys in place (once, after the first pass)."""
        self._index.give_keys()
        out.write(streamed.head(self.fmt))
        for n, (number, pieces, slots, _) in enumerate(self._records()):
            keys = self._index.keys_of(number)
            if n:
                out.write(streamed.SEPARATOR[self.fmt])
            out.write(pieces[0])
            for slot, piece in zip(slots, pieces[1:], strict=True):
                out.write(keys[slot])
                out.write(piece)
        out.write(streamed.tail(self.fmt, self.articles, self.claims, self.supported, self.unused))

    def diagnostics(self) -> Iterator[Diagnostic]:
        """File-level diagnostics, then each article's, in the order of the files."""
        yield from self.file_level
        for *_, rows in self._records():
            yield from map(diagnostic_of_row, rows)

    def _records(self) -> Iterator[tuple[int, list[str], list[int], list[DiagnosticRow]]]:
        """Each article's spooled record: its number, output pieces, key slots and
        diagnostics (as rows: the output's writing does without them)."""
        for number, output in self._index.spooled():
            pieces, slots, rows = marshal.loads(zlib.decompress(output))
            yield number, pieces, slots, rows


def stream_articles(
    files: Sequence[str],
    found: Sequence[Diagnostic],
    fmt: Format,
    *,
    names: Sequence[str] = (),
    jobs: int = 1,
    on_file: Callable[[Path], None] | None = None,
) -> Streamed:
    """The first pass: every file's job (``jobs`` at a time), the output spooled."""
    run = Streamed(fmt, file_level=list(found), errors=has_errors(list(found)))
    tasks = (Task(f, fmt, not names or article_named(f, names)) for f in files)
    results = in_order(article_job, tasks, jobs, count=len(files))
    for number, (file, done) in enumerate(zip(files, results, strict=True)):
        if on_file is not None:
            on_file(Path(file))
        if done.unreadable:
            run.file_level.extend(done.unreadable)
            run.errors = run.errors or done.errors
            continue
        run._index.add((number, *row) for row in done.cited)
        if not done.wanted:
            continue
        run.articles += 1
        run.errors = run.errors or done.errors
        run.claims += done.claims
        run.supported += done.supported
        run.unused += done.unused
        run._index.spool(number, done.spooled)
    return run
