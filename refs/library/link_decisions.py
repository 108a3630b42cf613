"""The editor's review of claim links (``refs link confirm|reject|add``): one decision per
(article, claim, reference), kept in the library. A claim is known by its stable id (a
hash of its normalised text), so decisions outlive another layout of the article, a
changed sentence splitter and a better linker. Writes run inside the caller's
transaction."""

from __future__ import annotations

from refs.library.decisions import live_key
from refs.library.store import Library

DECISIONS_VERSION = 3  # the schema version that holds link_decisions
DECISIONS = ("confirmed", "rejected")


def record_decision(
    lib: Library, article_id: str, claim_id: str, claim_text: str, key: str, decision: str
) -> str:
    """Keep ``decision`` on the link of ``claim_id`` to ``key`` (a later one replaces an
    earlier); returns the live key the decision is on."""
    if decision not in DECISIONS:
        raise ValueError(decision)
    live = live_key(lib, key)
    lib.db.execute(
        "INSERT INTO link_decisions (article_id, claim_id, key, decision, claim_text) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (article_id, claim_id, key) "
        "DO UPDATE SET decision = excluded.decision, claim_text = excluded.claim_text",
        (article_id, claim_id, live, decision, " ".join(claim_text.split())),
    )
    return live


def article_decisions(lib: Library, article_id: str) -> dict[tuple[str, str], str]:
    """(claim id, live key) -> decision for one article; a key merged since the decision
    leads to the key kept (the latest decision wins when two meet)."""
    if lib.schema_version() < DECISIONS_VERSION:
        return {}
    out: dict[tuple[str, str], str] = {}
    for claim_id, key, decision in lib.db.execute(
        "SELECT claim_id, key, decision FROM link_decisions WHERE article_id = ? ORDER BY rowid",
        (article_id,),
    ):
        out[(str(claim_id), lib.resolve_key(str(key)) or str(key))] = str(decision)
    return out
