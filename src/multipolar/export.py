"""Exports of the store: facts JSON (the shared FACTS.md contract), PLOVER JSONL and a flat
CSV in the spirit of ICEWS/GDELT (one row per event)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from .store import Store
from .store.merge import merged_events
from .store.queries import find_events, relation_records

FORMATS = ("facts", "plover", "csv")
# PLOVER quad classes: verbal/material cooperation, verbal/material conflict (our reading).
QUAD = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "COOPERATE": 2, "AID": 2, "RETREAT": 2,
        "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "PROTEST": 4, "SANCTION": 4,
        "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4}
CSV_COLUMNS = ("event_id", "date", "source_id", "source_name", "source_country", "type", "cameo",
               "quad_class", "target_id", "target_name", "target_country", "status", "attributed_to",
               "denied_by", "doc_id", "sentence", "trigger")


def render(store: Store, fmt: str) -> str:
    """The whole store in one of FORMATS, as text."""
    if fmt == "facts":
        return json.dumps(facts(store), ensure_ascii=False, indent=2, default=str) + "\n"
    if fmt == "plover":
        return "".join(json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in plover(store))
    return flat_csv(store)


def facts(store: Store) -> dict[str, Any]:
    """Documents, actors, events and derived relations as one JSON-ready dict."""
    documents = [{"id": d["id"], "title": d["title"], "published": d["published"],
                  "source": d["source"], "url": d["url"]}
                 for d in sorted(store.documents(), key=lambda d: d["id"])]
    actors = [{"id": a.id, "name": a.name, "aliases": sorted(set(a.aliases) - {a.name}),
               "kind": a.kind, "country": a.country, "wikidata": a.wikidata, "origin": a.origin}
              for a in store.actors()]
    return {"documents": documents, "actors": actors, "events": merged_events(store),
            "relations": relation_records(store)}


def plover(store: Store) -> list[dict[str, Any]]:
    """One PLOVER record per event (field names of the PLOVER manual's JSON table)."""
    out = []
    for e in find_events(store):
        out.append({
            "id": e["id"], "date": e["date_iso"], "enddate": str(e["date_end"]) if e["date_end"] else None,
            "actor": [{"code": e["source_country"], "name": e["source_name"], "id": e["source_id"]}],
            "recipient": [{"code": e["target_country"], "name": e["target_name"], "id": e["target_id"]}]
            if e["target_id"] else [],
            "event": [e["type"]], "mode": [e["mode"]] if e["mode"] else [],
            "context": [e["context"]] if e["context"] else [], "quad_code": QUAD[e["type"]],
            "event_text": [e["trigger"]], "text": e["sentence"],
            "cite_info": {"doc_id": e["doc_id"]}, "coder": "multipolar",
            "comment": f"status={e['status']}; cameo={e['cameo']}"})
    return out


def flat_csv(store: Store) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for e in find_events(store):
        writer.writerow([e["id"], e["date_iso"] or "", e["source_id"], e["source_name"],
                         e["source_country"] or "", e["type"], e["cameo"] or "", QUAD[e["type"]],
                         e["target_id"] or "", e["target_name"] or "", e["target_country"] or "",
                         e["status"], ";".join(e["attributed_to"] or []), ";".join(e["denied_by"] or []),
                         e["doc_id"], e["sentence"], e["trigger"]])
    return buffer.getvalue()
