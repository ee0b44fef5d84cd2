"""Exports of the store: the facts JSON of the shared contract (FACTS.md)."""

from __future__ import annotations

from typing import Any

from .store import Store
from .store.queries import event_records, relation_records

FORMATS = ("facts",)


def facts(store: Store) -> dict[str, Any]:
    """Documents, actors, events and derived relations as one JSON-ready dict."""
    documents = [{"id": d["id"], "title": d["title"], "published": d["published"],
                  "source": d["source"], "url": d["url"]} for d in store.documents()]
    actors = [{"id": a.id, "name": a.name, "aliases": sorted(set(a.aliases) - {a.name}),
               "kind": a.kind, "country": a.country, "wikidata": a.wikidata, "origin": a.origin}
              for a in store.actors()]
    return {"documents": documents, "actors": actors, "events": event_records(store),
            "relations": relation_records(store)}
