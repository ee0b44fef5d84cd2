"""SQL for events and their evidence."""

from __future__ import annotations

import duckdb

from ..model import Document


def insert_events(con: duckdb.DuckDBPyConnection, doc: Document) -> None:
    """Insert the events of one document (inside the caller's transaction)."""
    if not doc.events:
        return
    rows = []
    for event in doc.events:
        when = event.date
        rows.append([event.id, doc.id, event.source, event.target, event.type, event.cameo, event.mode,
                     event.context, when and when.iso, when and when.start, when and when.end,
                     when and when.reason, event.status, event.status_cue, list(event.attributed_to),
                     list(event.denied_by), event.relation])
    con.executemany(
        "INSERT INTO events (id, doc_id, source_id, target_id, type, cameo, mode, context,"
        " date_iso, date_start, date_end, date_reason, status, status_cue, attributed_to,"
        " denied_by, relation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    con.executemany(
        "INSERT INTO evidence VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(event.id, doc.id, ev.sentence, ev.start, ev.end, ev.text, ev.trigger_start,
          ev.trigger_end, ev.trigger) for event in doc.events for ev in event.evidence])
