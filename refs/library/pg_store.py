"""Opening a PostgreSQL library and its transactions (refs.library.store for a URL).

A command that writes takes one transaction-level advisory lock first, as a SQLite
writer takes the file's write lock (``BEGIN IMMEDIATE``): writers run one after another
while readers read on, so no update is lost, a key is given once and nobody sees half a
command. Waiting is bounded by ``REFS_LOCK_WAIT`` like SQLite's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from refs.errors import LibraryError
from refs.library import lock
from refs.library.catalog import DERIVED_TABLES, tables
from refs.library.connection import ServerUrl
from refs.library.pg_schema import SET_VERSION_SQL, VERSION_SQL, journal_triggers, pending
from refs.library.schema import SCHEMA_VERSION

if TYPE_CHECKING:
    from refs.library.pg_connection import PgConnection

# the advisory lock every writing command of a library takes ("refs" in ASCII)
WRITE_LOCK = 0x72656673
# The cost of reading a page out of order that a writing command plans with (4 by
# default, for disks). Its tables grow inside its one transaction without statistics
# while it looks up each batch's records by index (refs.library.lookups); at the default
# the planner soon scans a whole table of tens of thousands of records for a few hundred
# of them, every batch, where the pages are in memory: 1.1, as for solid-state disks.
PROBE_COST = 1.1
# A statement is prepared only when asked (inserts of many rows, refs.library.pg_rows,
# whose planning costs more than running them), never for having run a few times:
# the generic plan of a lookup, made while a command's first rows went in, would read
# a table grown since as if it were still small.
ASKED = 2**62


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def connect(url: ServerUrl, readonly: bool) -> PgConnection:
    """A connection to the library at ``url``; LibraryError when it cannot be reached."""
    try:
        import psycopg
    except ImportError:
        raise LibraryError(
            "a PostgreSQL library needs psycopg", hint="pip install 'refs[postgresql]'"
        ) from None
    from refs.library.pg_connection import PgConnection

    try:
        # (the raw cursor: parameters numbered by refs.library.pg_connection)
        conn = psycopg.connect(
            str(url), autocommit=True, prepare_threshold=ASKED, cursor_factory=psycopg.RawCursor
        )
    except psycopg.Error as exc:
        raise LibraryError(f"cannot open the library {url.shown}: {_first_line(exc)}") from None
    if readonly:
        conn.execute("SET default_transaction_read_only = on")
    return PgConnection(conn)


def schema_version(db: PgConnection) -> int:
    row = db.execute("SELECT to_regclass('refs_meta')").fetchone()
    if row is None or row[0] is None:
        return 0
    found = db.execute(VERSION_SQL).fetchone()
    return int(found[0]) if found else 0


def check_version(db: PgConnection, url: ServerUrl, create: bool) -> int:
    """The library's schema version; refuses a newer one, another program's database,
    and (``create`` false) a database that holds no library yet."""
    version = schema_version(db)
    if version > SCHEMA_VERSION:
        raise LibraryError(
            f"{url.shown} has schema version {version}; this refs knows up to {SCHEMA_VERSION}",
            hint="upgrade refs to use this library",
        )
    if version == 0 and tables(db, server=True):
        raise LibraryError(
            f"{url.shown} holds tables of another program, not a refs library; "
            "name an empty database or a refs library with --library"
        )
    if version == 0 and not create:
        raise LibraryError(
            f"no library at {url.shown}", hint="add articles first: refs add PATH..."
        )
    return version


def migrate(db: PgConnection, url: ServerUrl) -> None:
    """Bring the library to SCHEMA_VERSION in one transaction (under the write lock, so
    commands starting at once on a new database migrate it once)."""
    begin(db, url)
    try:
        for step in pending(schema_version(db)) if schema_version(db) < SCHEMA_VERSION else []:
            if isinstance(step, str):
                db.execute(step)
            else:
                step(db)
            db.forget_tables()
        for sql in journal_triggers(journaled(db)):
            db.execute(sql)
        db.execute(SET_VERSION_SQL)
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    finally:
        db.forget_tables()


def journaled(db: PgConnection) -> list[str]:
    from refs.library.journal import JOURNAL_TABLES

    return [t for t in tables(db, server=True) if t not in JOURNAL_TABLES | DERIVED_TABLES]


def may_write(db: PgConnection) -> bool:
    row = db.execute("SELECT has_table_privilege(current_user, 'records', 'INSERT')").fetchone()
    readonly = db.execute("SHOW default_transaction_read_only").fetchone()
    return bool(row and row[0]) and not (readonly and readonly[0] == "on")


def analyze(db: PgConnection) -> None:
    """ANALYZE every table, outside any transaction (inside a reading command's snapshot
    its statistics would go with the snapshot's rollback). What it gathers only speeds
    reads up, and autovacuum gathers it too: a failure (the server gone) changes
    nothing and is not reported."""
    import psycopg

    if db.in_transaction:
        raise RuntimeError("ANALYZE runs between transactions")
    try:
        db.conn.execute("ANALYZE")
    except psycopg.Error:
        return


def begin(db: PgConnection, url: ServerUrl) -> None:
    """BEGIN and the write lock, waiting (bounded, with one notice) for another writer."""
    import psycopg

    if schema_version(db) and not may_write(db):
        user = db.execute("SELECT current_user").fetchone()
        raise LibraryError(
            f"cannot write {url.shown}: the role {user[0] if user else '?'} may only read "
            "this library; nothing was changed"
        )
    wait = lock.wait_seconds()
    db.execute("BEGIN")
    db.execute(f"SET LOCAL random_page_cost = {PROBE_COST}")
    got = db.execute("SELECT pg_try_advisory_xact_lock(?)", (WRITE_LOCK,)).fetchone()
    if got and got[0]:
        return
    if lock.notice is not None:
        lock.notice(f"refs: waiting for another command to finish writing {url.shown} ...")
    db.execute(f"SET LOCAL lock_timeout = {int(wait * 1000) or 1}")
    try:
        db.execute("SELECT pg_advisory_xact_lock(?)", (WRITE_LOCK,))
    except psycopg.errors.LockNotAvailable:
        db.execute("ROLLBACK")
        raise LibraryError(
            f"{url.shown} is being written by another command (waited {wait:.0f} s); "
            "try again when it has finished, or wait longer with REFS_LOCK_WAIT=SECONDS"
        ) from None
    db.execute("SET LOCAL lock_timeout = 0")
