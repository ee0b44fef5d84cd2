"""Tables derived from the events, kept so that questions over millions of events are fast:
never edited by hand, rebuilt after each ingest, and trusted only while fresh.

Each derived table is stored with a marker of what it was derived from (the number of events,
which only grow, and the version of the rules that derive it). A reader that finds a marker
that does not match — a run killed before the refresh, a store of an older version — answers
from the events themselves instead.
"""

from __future__ import annotations

from .db import Store

# Bump a version whenever the derivation of its table changes: stored copies then go stale.
VERSIONS = {"relation_periods": "1", "actor_timeline": "1"}

# Every event once under each of its actors, sorted by actor and date: an actor's timeline is
# then a few contiguous row groups (DuckDB skips the others by their min/max), not a scan.
_ACTOR_TIMELINE = """
CREATE OR REPLACE TABLE actor_timeline AS
WITH first_evidence AS (
    SELECT event_id, first(sentence ORDER BY start_char) AS sentence,
           first(trigger ORDER BY start_char) AS trigger, count(*) AS mentions
    FROM evidence GROUP BY event_id)
SELECT a.actor_id, e.*, v.sentence, v.trigger, coalesce(v.mentions, 0) AS mentions
FROM events e
CROSS JOIN LATERAL (SELECT unnest(list_distinct([e.source_id, e.target_id])) AS actor_id) a
LEFT JOIN first_evidence v ON v.event_id = e.id
WHERE a.actor_id IS NOT NULL
ORDER BY a.actor_id, e.date_start NULLS LAST, e.doc_id, e.id
"""


def marker(store: Store, table: str) -> str:
    count = store.con.execute("SELECT count(*) FROM events").fetchone()[0]
    return f"{VERSIONS[table]}:{count}"


def is_fresh(store: Store, table: str) -> bool:
    row = store.con.execute("SELECT value FROM meta WHERE key = ?", [f"{table}_marker"]).fetchone()
    return row is not None and row[0] == marker(store, table)


def mark_fresh(store: Store, table: str, value: str) -> None:
    """Record the marker (inside the caller's transaction, with the table's new rows)."""
    store.con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [f"{table}_marker", value])


def refresh_timeline(store: Store) -> None:
    value = marker(store, "actor_timeline")
    store.con.execute("BEGIN TRANSACTION")
    try:
        store.con.execute(_ACTOR_TIMELINE)
        mark_fresh(store, "actor_timeline", value)
        store.con.execute("COMMIT")
    except BaseException:
        store.con.execute("ROLLBACK")
        raise


def refresh_derived(store: Store) -> None:
    """Rebuild every derived table (after an ingest that added documents)."""
    from .relations import refresh_relations

    refresh_relations(store)
    refresh_timeline(store)
