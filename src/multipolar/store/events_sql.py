"""SQL for events and their evidence."""

from __future__ import annotations

import duckdb

from ..model import Document


def insert_events(con: duckdb.DuckDBPyConnection, doc: Document) -> None:
    """Insert the events of one document (inside the caller's transaction)."""
    for event in doc.events:
        con.execute(
            "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [event.id, doc.id, event.source, event.target, event.type, event.cameo, event.mode,
             event.context, event.date_iso, event.date_start, event.date_end, event.date_reason,
             event.status, event.status_cue, list(event.attributed_to), list(event.denied_by)])
        con.executemany(
            "INSERT INTO evidence VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(event.id, doc.id, ev.sentence, ev.start, ev.end, ev.text, ev.trigger_start,
              ev.trigger_end, ev.trigger) for ev in event.evidence])
