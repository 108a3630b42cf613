"""The tables of caring for a library (schema versions 9 and 11): the journal that undo
reads, fields set by hand, tags, notes, the search index, and the decisions kept by the
variants' text. Part of refs.library.schema's migrations; never edit one, append."""

from __future__ import annotations

# Caring for a library: the journal that undo reads, fields set by hand, tags, notes.
V9 = (
    """CREATE TABLE journal (            -- one entry per change a command made
        id INTEGER PRIMARY KEY,
        action TEXT NOT NULL,            -- add, merge, distinct, edit, remove, tag, ...
        summary TEXT NOT NULL,
        undone INTEGER NOT NULL DEFAULT 0)""",
    """CREATE TABLE journal_keys (       -- the keys an entry is about (refs history KEY)
        entry INTEGER NOT NULL, key TEXT NOT NULL, PRIMARY KEY (entry, key))""",
    "CREATE INDEX journal_keys_key ON journal_keys (key)",
    """CREATE TABLE journal_changes (    -- row images: what undo puts back, in reverse
        id INTEGER PRIMARY KEY,
        entry INTEGER NOT NULL,
        tbl TEXT NOT NULL, op TEXT NOT NULL,  -- I(nsert), U(pdate), D(elete)
        rid INTEGER NOT NULL,            -- the row's rowid
        old TEXT)                        -- the row before (JSON object), for U and D""",
    "CREATE INDEX journal_changes_entry ON journal_changes (entry)",
    """CREATE TABLE hand_fields (        -- fields set by hand: merges and re-adds keep them
        record_id INTEGER NOT NULL, field TEXT NOT NULL,
        value TEXT NOT NULL,             -- JSON of the field's value (null: unset)
        PRIMARY KEY (record_id, field))""",
    """CREATE TABLE tags (
        record_id INTEGER NOT NULL, tag TEXT NOT NULL, PRIMARY KEY (record_id, tag))""",
    "CREATE INDEX tags_tag ON tags (tag)",
    """CREATE TABLE notes (
        id INTEGER PRIMARY KEY, record_id INTEGER NOT NULL, text TEXT NOT NULL)""",
    "CREATE INDEX notes_record ON notes (record_id)",
    """CREATE TABLE import_files (       -- every file imported: its resolved path and the
        file TEXT PRIMARY KEY,           -- path as first given, which citations record
        source TEXT NOT NULL)""",
    # `refs search`: a full-text index of the records, brought up to date before a query
    # from the records that triggers mark stale (derived data: not journaled)
    """CREATE VIRTUAL TABLE search_fts USING fts5 (
        title, outlets, fields, notes, tags, tokenize = 'unicode61 remove_diacritics 2')""",
    "CREATE TABLE search_stale (record_id INTEGER PRIMARY KEY)",
    "INSERT INTO search_stale SELECT id FROM records",
    *(
        f"CREATE TRIGGER search_{table}_{op[0].lower()} AFTER {op} ON {table} BEGIN "
        f"INSERT OR IGNORE INTO search_stale VALUES ({row}.{col}); END"
        for table, col in (("records", "id"), ("tags", "record_id"), ("notes", "record_id"))
        for op, row in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD"))
    ),
)
V11 = (
    # merge and distinct decisions kept by the text of the variants (refs.library.
    # variant_decisions): a variant of this form is in / apart from the reference KEY
    """CREATE TABLE variant_decisions (
        form TEXT NOT NULL,              -- the variant's identity (JSON)
        key TEXT NOT NULL,               -- read through keys
        decision TEXT NOT NULL CHECK (decision IN ('merged', 'distinct')),
        PRIMARY KEY (form, key))""",
    # the URL of a digest article (refs add --url, or found in the page)
    "ALTER TABLE articles ADD COLUMN url TEXT",
    # the search index gets a column the filters of `refs search` ask (outlets with their
    # folded forms, tags) that weighs nothing in the rank: made again, indexed again
    "DROP TABLE search_fts",
    """CREATE VIRTUAL TABLE search_fts USING fts5 (title, outlets, fields, notes, tags,
        facets, tokenize = 'unicode61 remove_diacritics 2')""",
    "INSERT INTO search_stale SELECT id FROM records "
    "WHERE id NOT IN (SELECT record_id FROM search_stale)",
)
V12 = (
    # the facets of a record hold its citations' issues and article names too (the
    # filters --cited-by and --article inside the search query): a citation's change
    # marks its record, and every record is indexed again
    *(
        f"CREATE TRIGGER search_citations_{op[0].lower()} AFTER {op} ON citations BEGIN "
        f"INSERT OR IGNORE INTO search_stale VALUES ({row}.record_id); END"
        for op, row in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD"))
    ),
    "INSERT INTO search_stale SELECT id FROM records "
    "WHERE id NOT IN (SELECT record_id FROM search_stale)",
)
