"""Cross-document merging: one real-world event reported by many articles is one event.

Events of the store are grouped when they have the same actors (either order for the
symmetric types), the same type and status, and compatible dates (one is a prefix of the
other, or one is unknown). The merged event takes the finest date among its reports, keeps
every report as evidence and counts its documents and sources. Reports that contradict each
other (asserted vs negated) differ in status and so stay apart, each with its sources.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .db import Store

SYMMETRIC = {"CONSULT", "COOPERATE", "AGREE"}
SYMMETRIC_CODES = {"057"}  # signing a formal agreement: both sign (see pipeline/events/roles.py)


@dataclass
class Cluster:
    first: dict[str, Any]
    members: list[dict[str, Any]] = field(default_factory=list)

    @property
    def date(self) -> str | None:
        dates = [m["date_iso"] for m in self.members if m["date_iso"]]
        return max(dates, key=len) if dates else None

    def accepts(self, event: dict[str, Any]) -> bool:
        a, b = self.first, event
        if (a["type"], a["status"]) != (b["type"], b["status"]):
            return False
        same = (a["source_id"], a["target_id"]) == (b["source_id"], b["target_id"])
        swapped = (a["type"] in SYMMETRIC or a.get("cameo") in SYMMETRIC_CODES) and (a["source_id"], a["target_id"]) == (b["target_id"], b["source_id"])
        if not (same or swapped):
            return False
        mine, theirs = self.date, b["date_iso"]
        return not mine or not theirs or mine.startswith(theirs) or theirs.startswith(mine)


def merged_events(store: Store) -> list[dict[str, Any]]:
    """Events across documents, merged, in the facts-export shape plus report counts."""
    events = store.rows(
        "SELECT e.*, d.source AS doc_source FROM events e JOIN documents d ON d.id = e.doc_id"
        " ORDER BY e.source_id, e.target_id, e.type, length(coalesce(e.date_iso, '')) DESC, e.doc_id, e.id")
    evidence = store.rows("SELECT * FROM evidence ORDER BY doc_id, start_char")
    by_event: dict[str, list[dict[str, Any]]] = {}
    for ev in evidence:
        by_event.setdefault(ev["event_id"], []).append(
            {"doc": ev["doc_id"], "start": ev["start_char"], "end": ev["end_char"],
             "sentence": ev["sentence"], "trigger": ev["trigger"]})
    clusters: list[Cluster] = []
    open_by_key: dict[tuple[Any, ...], list[Cluster]] = {}
    for event in events:
        key = (frozenset((event["source_id"], event["target_id"])), event["type"], event["status"])
        home = next((c for c in open_by_key.get(key, []) if c.accepts(event)), None)
        if home is None:
            home = Cluster(event)
            clusters.append(home)
            open_by_key.setdefault(key, []).append(home)
        home.members.append(event)
    return [_record(c, by_event) for c in sorted(clusters, key=lambda c: (c.first["doc_id"], c.first["id"]))]


def _record(cluster: Cluster, by_event: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    first = cluster.first
    members = cluster.members
    union = lambda name: sorted({x for m in members for x in (m[name] or [])})  # noqa: E731
    return {"id": first["id"], "source": first["source_id"], "target": first["target_id"],
            "type": first["type"], "cameo": first["cameo"], "mode": first["mode"],
            "context": first["context"], "date": cluster.date, "status": first["status"],
            "attributed_to": union("attributed_to"), "denied_by": union("denied_by"),
            "documents": len({m["doc_id"] for m in members}),
            "sources": len({m["doc_source"] or m["doc_id"] for m in members}),
            "merged": [m["id"] for m in members],
            "evidence": [ev for m in members for ev in by_event.get(m["id"], [])]}
