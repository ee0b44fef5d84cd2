"""Relations between actors, derived from asserted events — never stored or edited.

Each kind has the events that open it and those that close it; folding a pair's events in
date order gives its periods (`since`/`until`). Undated events sort first: they tell that a
relation existed, not when it began.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .db import Store

KINDS = ("recognizes", "cooperates", "hostile")
SYMMETRIC_KINDS = {"cooperates", "hostile"}
OPENS = {"cooperates": {"COOPERATE", "AGREE", "SUPPORT", "AID"},
         "hostile": {"ASSAULT", "COERCE", "THREATEN", "SANCTION"}}
CLOSES = {"hostile": {"AGREE"}}


@dataclass
class Period:
    source: str
    target: str
    kind: str
    since: str | None
    until: str | None = None
    events: list[str] = field(default_factory=list)

    def holds_on(self, day: str) -> bool:
        """Whether the relation holds on `day` (an ISO prefix), as the contract reads it."""
        started = self.since is None or self.since[: len(day)] <= day
        return started and (self.until is None or self.until > day)

    def as_dict(self) -> dict[str, Any]:
        return {"source": self.source, "target": self.target, "kind": self.kind,
                "since": self.since, "until": self.until, "events": self.events}


def _effect(kind: str, event: dict[str, Any]) -> str | None:
    """'open', 'close' or None: what an event does to a relation of this kind."""
    hint = event["relation"] or ""
    if f"-{kind}" in hint.split():
        return "close"
    if kind == "recognizes":
        return "open" if hint == "recognizes" else None
    if event["type"] in OPENS.get(kind, ()):
        return "open"
    if event["type"] in CLOSES.get(kind, ()):
        return "close"
    return None


def derive_relations(store: Store, kind: str | None = None, actor: str | None = None,
                     as_of: str | None = None) -> list[Period]:
    """Relation periods from the asserted events in the store, optionally filtered."""
    events = store.rows(
        "SELECT id, source_id, target_id, type, relation, date_iso, date_start FROM events"
        " WHERE status = 'asserted' AND source_id IS NOT NULL AND target_id IS NOT NULL"
        " AND source_id <> target_id ORDER BY date_start NULLS FIRST, id")
    periods: list[Period] = []
    for k in ([kind] if kind else KINDS):
        periods += _fold(k, events)
    if actor:
        periods = [p for p in periods if actor in (p.source, p.target)]
    if as_of:
        periods = [p for p in periods if p.holds_on(as_of)]
    return periods


def _fold(kind: str, events: list[dict[str, Any]]) -> list[Period]:
    open_now: dict[tuple[str, ...], Period] = {}
    done: list[Period] = []
    for event in events:
        effect = _effect(kind, event)
        if effect is None:
            continue
        pair = (event["source_id"], event["target_id"])
        key = tuple(sorted(pair)) if kind in SYMMETRIC_KINDS else pair
        current = open_now.get(key)
        if effect == "open" and current is None:
            open_now[key] = Period(pair[0], pair[1], kind, event["date_iso"], events=[event["id"]])
        elif effect == "open" and current is not None:
            current.events.append(event["id"])
        elif effect == "close" and current is not None:
            current.until = event["date_iso"]
            current.events.append(event["id"])
            done.append(open_now.pop(key))
    return done + list(open_now.values())
