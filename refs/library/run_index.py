"""The references of one run over many article files, in a temporary SQLite database,
so that keys can be given once over the whole run without holding every reference in
memory: each cited reference is recorded as it is parsed (its identity digest and the
fields its key is made from); once all are in, each identity gets the key of its merged
fields (``refs.dedupe.identity``), in the order ``refs.keys.library_keys`` serves them.
Each article's output waits in it too, until the keys are given.

SQLite's private temporary database (an empty file name) holds it: in memory up to its
cache, in a file SQLite deletes beyond that, and gone when the index is closed."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from refs.dedupe.identity import key_request
from refs.dedupe.merge import merge_variants
from refs.keys import KeyRequest, keys_in_order
from refs.models import Fields, PartialDate
from refs.models.trusted import filled

# the form a reference is cited in: title, outlet, canonical, year, month, day, inferred
Form = tuple[str, str | None, str | None, int | None, int | None, int | None, bool]
# a reference as cited: slot, identity digest, its form, and the key its fields alone
# ask for (base, sort identity)
Cited = tuple[int, bytes, *Form, str, str]
CitedRow = tuple[int, *Cited]  # (article, *Cited)

_SCHEMA = """
CREATE TABLE cited (article INTEGER, slot INTEGER, ident BLOB, title TEXT, outlet TEXT,
                    canonical TEXT, year INTEGER, month INTEGER, day INTEGER, inferred INTEGER,
                    base TEXT, sort TEXT);
CREATE TABLE wanted (ident BLOB PRIMARY KEY, base TEXT, identity TEXT) WITHOUT ROWID;
CREATE TABLE keyed (ident BLOB PRIMARY KEY, key TEXT) WITHOUT ROWID;
CREATE TABLE spool (article INTEGER PRIMARY KEY, output BLOB);
"""


class RunIndex:
    def __init__(self) -> None:
        self.db = sqlite3.connect("", isolation_level=None)
        # a cache of 4 MB: each of SQLite's sorts (give_keys) takes as much memory before
        # it spills, and at 16 MB they peaked at 49 MB, with no time gained at 10^5 articles
        for pragma in ("journal_mode = OFF", "synchronous = OFF", "cache_size = -4000"):
            self.db.execute(f"PRAGMA {pragma}")
        self.db.executescript(_SCHEMA)
        self.db.execute("BEGIN")

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> RunIndex:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def add(self, rows: Iterable[CitedRow]) -> None:
        self.db.executemany("INSERT INTO cited VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)

    def spool(self, article: int, output: bytes) -> None:
        """Keep one article's output (compressed) until the keys are given."""
        self.db.execute("INSERT INTO spool VALUES (?, ?)", (article, output))

    def spooled(self) -> Iterator[tuple[int, bytes]]:
        """Each article's output, in the order of the articles."""
        for article, output in self.db.execute("SELECT article, output FROM spool ORDER BY 1"):
            yield int(article), bytes(output)

    def give_keys(self) -> None:
        """Give every identity its key (call once, after the last ``add``)."""
        self.db.executemany("INSERT INTO wanted VALUES (?, ?, ?)", self._requests())
        self.db.executemany("INSERT INTO keyed VALUES (?, ?)", self._keys())
        self.db.execute("CREATE INDEX cited_article ON cited (article)")
        self.db.execute("COMMIT")

    def _keys(self) -> Iterator[tuple[bytes, str]]:
        rows = self.db.execute("SELECT ident, base FROM wanted ORDER BY base, identity")
        current: list[bytes] = []

        def bases() -> Iterator[str]:
            for ident, base in rows:
                current.append(ident)
                yield base

        for key in keys_in_order(bases()):  # one key for each base, as it is read
            yield current.pop(), key

    def _requests(self) -> Iterator[tuple[bytes, str, str]]:
        rows = self.db.execute(
            "SELECT ident, title, outlet, canonical, year, month, day, inferred, count(*), "
            "base, sort FROM cited "
            "GROUP BY ident, title, outlet, canonical, year, month, day, inferred ORDER BY ident"
        )
        ident: bytes | None = None
        forms: list[tuple[Any, ...]] = []  # the forms one identity is cited in
        for row in rows:
            if row[0] != ident and forms:
                yield _request(ident, forms)
                forms = []
            ident = row[0]
            forms.append(row)
        if forms:
            yield _request(ident, forms)

    def keys_of(self, article: int) -> dict[int, str]:
        """slot -> key, for one article (after ``give_keys``)."""
        rows = self.db.execute(
            "SELECT c.slot, k.key FROM cited c JOIN keyed k ON k.ident = c.ident "
            "WHERE c.article = ?",
            (article,),
        )
        return {int(slot): str(key) for slot, key in rows}


def cited(slot: int, digest: bytes, form: Form) -> Cited:
    """A reference as cited in ``form``, with the key its fields alone ask for: made where
    it is parsed (a worker), so that the index merges and asks again only for an identity
    cited in several forms."""
    return (slot, digest, *form, *_pair(key_request(_variant(form))))


def _pair(wanted: KeyRequest) -> tuple[str, str]:
    return wanted.base, wanted.identity


def _request(ident: bytes | None, forms: list[tuple[Any, ...]]) -> tuple[bytes, str, str]:
    """The key one identity asks for: its one form's, else that of its forms merged
    (each as often as it was cited)."""
    assert ident is not None
    if len(forms) == 1:
        return ident, str(forms[0][9]), str(forms[0][10])
    variants = []
    for f in forms:
        variants += [_variant(f[1:8])] * f[8]
    return ident, *_pair(key_request(merge_variants(variants)))


def _variant(form: Form) -> Fields:
    """The fields a key is made from, as the index holds them."""
    title, outlet, canonical, year, month, day, inferred = form
    issued = _date(year, month, day, bool(inferred))
    values = {"title": title, "outlet": outlet, "outlet_canonical": canonical, "issued": issued}
    return filled(Fields, values)


@lru_cache(maxsize=65536)
def _date(
    year: int | None, month: int | None, day: int | None, inferred: bool
) -> PartialDate | None:
    if year is None and month is None:
        return None
    return filled(
        PartialDate, {"year": year, "month": month, "day": day, "year_inferred": inferred}
    )
