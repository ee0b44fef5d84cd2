"""Tables derived from the events, kept so that questions over millions of events are fast:
never edited by hand, brought up to date after each ingest, and trusted only while fresh.

Each derived table is stored with a marker of what it was derived from (the number of events,
which only grow, and the version of the rules that derive it). A reader that finds a marker
that does not match — a run killed before the refresh, a store of an older version — answers
from the events themselves instead.

After an ingest that added few events (under INCREMENTAL_SHARE of the store since the last full
build), only the new events are added to the timeline and only the actor pairs they touch are
folded again; otherwise both tables are built anew, which also re-sorts the timeline.
"""

from __future__ import annotations

from .db import Store

# Bump a version whenever the derivation of its table changes: stored copies then go stale.
VERSIONS = {"relation_periods": "4", "actor_timeline": "4"}
INCREMENTAL_SHARE = 0.05

# The first evidence sentence and trigger of each event of `chosen`, and how many sentences tell
# it: only the chosen events' evidence is read (event listings and the timeline copy share it).
FIRST_EVIDENCE = (
    " LEFT JOIN (SELECT event_id, first(sentence ORDER BY start_char) AS sentence,"
    " first(trigger ORDER BY start_char) AS trigger, count(*) AS mentions FROM evidence"
    " WHERE event_id IN (SELECT id FROM chosen) GROUP BY event_id) v ON v.event_id = e.id")
# Every event once under each of its actors (and whom its officials act for), sorted by actor and date: an actor's timeline is
# then a few contiguous row groups (DuckDB skips the others by their min/max), not a scan.
# Rows added since the last full build sit unsorted at the end, which stays cheap while few.
_TIMELINE_ROWS = (
    "WITH chosen AS (SELECT * FROM events e WHERE {where})"
    " SELECT a.actor_id, e.*, v.sentence, v.trigger, coalesce(v.mentions, 0) AS mentions FROM chosen e"
    " CROSS JOIN LATERAL (SELECT unnest(list_distinct([e.source_id, e.target_id, e.source_principal_id,"
    " e.target_principal_id])) AS actor_id) a"
    + FIRST_EVIDENCE +
    " WHERE a.actor_id IS NOT NULL ORDER BY a.actor_id, e.date_start NULLS LAST, e.doc_id, e.id")
# Events with an actor that the timeline does not hold yet.
_NEW_EVENTS = ("coalesce(e.source_id, e.target_id, e.source_principal_id, e.target_principal_id) IS NOT NULL"
               " AND NOT EXISTS (SELECT 1 FROM actor_timeline t WHERE t.id = e.id)")


def event_count(store: Store) -> int:
    return store.con.execute("SELECT count(*) FROM events").fetchone()[0]


def _stored(store: Store, table: str) -> tuple[int, int] | None:
    """(events when last brought up to date, events at the last full build), if current rules."""
    row = store.con.execute("SELECT value FROM meta WHERE key = ?", [f"{table}_marker"]).fetchone()
    parts = row[0].split(":") if row else []
    if len(parts) < 2 or parts[0] != VERSIONS[table]:
        return None
    return int(parts[1]), int(parts[2]) if len(parts) > 2 else int(parts[1])


def is_fresh(store: Store, table: str) -> bool:
    stored = _stored(store, table)
    return stored is not None and stored[0] == event_count(store)


def _mark(store: Store, table: str, count: int, base: int) -> None:
    store.con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                      [f"{table}_marker", f"{VERSIONS[table]}:{count}:{base}"])


def refresh_derived(store: Store) -> None:
    """Bring every derived table up to date (after an ingest that added documents)."""
    from .relations import refold_pairs, refresh_relations

    now = event_count(store)
    timeline, relations = _stored(store, "actor_timeline"), _stored(store, "relation_periods")
    if timeline is not None and relations is not None and timeline[0] == relations[0] == now:
        return
    incremental = (timeline is not None and relations is not None and timeline[0] == relations[0]
                   and now - timeline[1] <= INCREMENTAL_SHARE * now)
    with store.transaction():
        if incremental:
            assert timeline is not None
            store.con.execute("CREATE OR REPLACE TEMP TABLE new_events AS SELECT id,"
                              " coalesce(source_principal_id, source_id) AS source_id,"
                              " coalesce(target_principal_id, target_id) AS target_id"
                              " FROM events e WHERE " + _NEW_EVENTS)
            store.con.execute("INSERT INTO actor_timeline "
                              + _TIMELINE_ROWS.format(where="id IN (SELECT id FROM new_events)"))
            pairs = store.con.execute(
                "SELECT DISTINCT least(source_id, target_id), greatest(source_id, target_id) FROM new_events"
                " WHERE source_id IS NOT NULL AND target_id IS NOT NULL").fetchall()
            refold_pairs(store, pairs)
            store.con.execute("DROP TABLE new_events")
            base = timeline[1]
        else:
            store.con.execute("CREATE OR REPLACE TABLE actor_timeline AS " + _TIMELINE_ROWS.format(where="true"))
            refresh_relations(store)
            base = now
        _mark(store, "actor_timeline", now, base)
        _mark(store, "relation_periods", now, base)
