"""Read queries shared by the CLI, exports and (later) the API."""

from __future__ import annotations

from typing import Any

from .db import Store


def event_records(store: Store) -> list[dict[str, Any]]:
    """Every event with its evidence, in the facts-export shape."""
    events = store.rows("SELECT * FROM events ORDER BY doc_id, id")
    evidence = store.rows("SELECT * FROM evidence ORDER BY event_id, doc_id, start_char")
    by_event: dict[str, list[dict[str, Any]]] = {}
    for ev in evidence:
        by_event.setdefault(ev["event_id"], []).append(
            {"doc": ev["doc_id"], "start": ev["start_char"], "end": ev["end_char"],
             "sentence": ev["sentence"], "trigger": ev["trigger"]})
    return [{"id": e["id"], "source": e["source_id"], "target": e["target_id"], "type": e["type"],
             "cameo": e["cameo"], "mode": e["mode"], "context": e["context"], "date": e["date_iso"],
             "status": e["status"], "attributed_to": list(e["attributed_to"] or []),
             "denied_by": list(e["denied_by"] or []), "evidence": by_event.get(e["id"], [])}
            for e in events]


def relation_records(store: Store, kind: str | None = None, actor: str | None = None,
                     as_of: str | None = None) -> list[dict[str, Any]]:
    """Relations derived from events, as dicts (see store/relations.py)."""
    from .relations import derive_relations

    return [p.as_dict() for p in derive_relations(store, kind, actor, as_of)]
