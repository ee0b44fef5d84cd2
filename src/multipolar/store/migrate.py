"""What a store of an older schema gains beyond new tables and columns when opened for writing.

Version 3 records whom officials act for (events' principals, see events/principals.py). The
events of an older store get them for the people of the knowledge base, whose offices are
known by date; people a document introduced by their title keep none (re-ingest the document
to give them one). The relations derived from the events are then folded again (their marker
version changed with the schema).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pyarrow as pa

from ..knowledge.actor_base import load_actor_base
from .db import Store


def add_principals(store: Store) -> int:
    """Fill the principals of events whose people are in the knowledge base; how many changed."""
    base = load_actor_base()
    rows = store.rows(  # only events with a person of the knowledge base on a side
        "SELECT e.id, e.source_id, e.target_id, e.date_start, e.date_end, d.published FROM events e"
        " JOIN documents d ON d.id = e.doc_id WHERE e.source_principal_id IS NULL"
        " AND e.target_principal_id IS NULL AND EXISTS (SELECT 1 FROM actors a WHERE a.kind = 'person'"
        " AND a.origin = 'kb' AND a.id IN (e.source_id, e.target_id))")
    changed: list[tuple[str, str | None, str | None]] = []
    for row in rows:
        start: date | None = row["date_start"] or row["published"]
        end: date | None = row["date_end"] or row["published"]
        sides = [base.principal_of(row[side], start, end) if row[side] else None for side in ("source_id", "target_id")]
        if any(sides):
            changed.append((row["id"], sides[0], sides[1]))
    if changed:
        _write(store, changed, base)
    return len(changed)


def _write(store: Store, changed: list[tuple[str, str | None, str | None]], base: Any) -> None:
    table = pa.table({"id": [c[0] for c in changed], "sp": pa.array([c[1] for c in changed], pa.string()),
                      "tp": pa.array([c[2] for c in changed], pa.string())})
    store.con.register("new_principals", table)
    try:
        store.con.execute("UPDATE events SET source_principal_id = n.sp, target_principal_id = n.tp"
                          " FROM new_principals n WHERE events.id = n.id")
    finally:
        store.con.unregister("new_principals")
    known = {r[0] for r in store.con.execute("SELECT id FROM actors").fetchall()}
    for actor_id in sorted({p for c in changed for p in c[1:] if p and p not in known}):
        actor = base.actor(actor_id)  # so that exports and relations can name the principal
        store.con.execute("INSERT INTO actors (id, name, kind, country, wikidata, origin, parent, members)"
                          " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                          [actor.id, actor.name, actor.kind, actor.country, actor.wikidata, actor.origin,
                           actor.parent, list(actor.members)])
        for alias in sorted(base.aliases_of(actor_id) | {actor.name}):
            store.con.execute("INSERT OR IGNORE INTO actor_aliases VALUES (?, ?)", [actor_id, alias])
