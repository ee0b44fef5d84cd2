"""Relations between actors, derived from asserted events — never edited by hand.

Each kind has the events that open it and those that close it; folding a pair's events in
date order gives its periods (`since`/`until`). Undated events sort first: they tell that a
relation existed, not when it began.

The fold runs once after each ingest and its periods are kept in `relation_periods` (see
derived.py), so that a question such as "who recognizes X on D" is one small query even over
millions of events; while that table is stale the periods are derived afresh for the question.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pyarrow as pa

from .db import Store
from .derived import is_fresh

_CANONICAL_ORDER = (" ORDER BY list_position(['recognizes', 'cooperates', 'hostile'], kind), since NULLS FIRST,"
                    " source_id, target_id, until NULLS LAST, events")

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

    def order(self) -> tuple[Any, ...]:
        """The canonical order of periods (as _CANONICAL_ORDER sorts them in SQL)."""
        return (KINDS.index(self.kind), self.since is not None, self.since or "", self.source, self.target,
                self.until is None, self.until or "", self.events)

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
                     as_of: str | None = None, limit: int | None = None, offset: int = 0) -> list[Period]:
    """Relation periods from the asserted events in the store, optionally filtered and paged."""
    if is_fresh(store, "relation_periods"):  # see derived.py (bump its version if the fold changes)
        return _cached(store, kind, actor, as_of, limit, offset)
    periods = [p for p in fold_all(store) if kind is None or p.kind == kind]  # in canonical order
    if actor:
        periods = [p for p in periods if actor in (p.source, p.target)]
    if as_of:
        periods = [p for p in periods if p.holds_on(as_of)]
    return periods[offset:] if limit is None else periods[offset:offset + limit]


def count_relations(store: Store, kind: str | None = None, actor: str | None = None,
                    as_of: str | None = None) -> int:
    if is_fresh(store, "relation_periods"):
        where, params = _period_filter(kind, actor, as_of)
        return store.con.execute("SELECT count(*) FROM relation_periods WHERE " + where, params).fetchone()[0]
    return len(derive_relations(store, kind, actor, as_of))


def refresh_relations(store: Store) -> None:
    """Fold every period again (inside the caller's transaction; see derived.py)."""
    store.con.execute("DELETE FROM relation_periods")
    _insert(store, fold_events(store))


def refold_pairs(store: Store, pairs: list[tuple[str, str]]) -> None:
    """Fold again the periods of these actor pairs (each as (least, greatest) of its two ids)."""
    if not pairs:
        return
    store.con.register("touched_pairs", pa.table({"a": [p[0] for p in pairs], "b": [p[1] for p in pairs]}))
    try:
        store.con.execute("DELETE FROM relation_periods WHERE (least(source_id, target_id),"
                          " greatest(source_id, target_id)) IN (SELECT (a, b) FROM touched_pairs)")
        _insert(store, fold_events(store, "touched_pairs"))
    finally:
        store.con.unregister("touched_pairs")


def _insert(store: Store, periods: list[Period]) -> None:
    if not periods:
        return
    table = pa.table({
        "kind": [p.kind for p in periods], "source_id": [p.source for p in periods],
        "target_id": [p.target for p in periods], "since": pa.array([p.since for p in periods], pa.string()),
        "until": pa.array([p.until for p in periods], pa.string()),
        "events": pa.array([p.events for p in periods], pa.list_(pa.string()))})
    store.con.register("new_periods", table)
    try:
        store.con.execute("INSERT INTO relation_periods BY NAME SELECT * FROM new_periods")
    finally:
        store.con.unregister("new_periods")


def _cached(store: Store, kind: str | None, actor: str | None, as_of: str | None,
            limit: int | None, offset: int) -> list[Period]:
    where, params = _period_filter(kind, actor, as_of)
    sql = "SELECT kind, source_id, target_id, since, until, events FROM relation_periods WHERE " + where
    sql += _CANONICAL_ORDER + (" LIMIT $limit OFFSET $offset" if limit is not None else "")
    if limit is not None:
        params.update(limit=limit, offset=offset)
    rows = store.con.execute(sql, params).fetchall()
    return [Period(s, t, k, since, until, events) for k, s, t, since, until, events in rows]


def _period_filter(kind: str | None, actor: str | None, as_of: str | None) -> tuple[str, dict[str, Any]]:
    where, params = ["true"], {}
    if kind:
        where.append("kind = $kind")
        params["kind"] = kind
    if actor:
        where.append("(source_id = $actor OR target_id = $actor)")
        params["actor"] = actor
    if as_of:  # as Period.holds_on reads it
        where.append("(since IS NULL OR substr(since, 1, length($day)) <= $day) AND (until IS NULL OR until > $day)")
        params["day"] = as_of
    return " AND ".join(where), params


def fold_all(store: Store) -> list[Period]:
    """Every period of every kind, folded from the asserted events in date order, in the
    canonical order (the same whether derived at once or pair by pair)."""
    return sorted(fold_events(store), key=Period.order)


def fold_events(store: Store, pairs_table: str | None = None) -> list[Period]:
    """The periods of all pairs, or of the pairs in `pairs_table` (columns a <= b). An official's
    deeds count for whom they act ("Putin met Erdogan": Russia and Turkey; see principals.py)."""
    join = (f" JOIN {pairs_table} p ON p.a = least(source_id, target_id) AND p.b = greatest(source_id, target_id)"
            if pairs_table else "")
    events = store.rows(
        "SELECT * FROM (SELECT id, coalesce(source_principal_id, source_id) AS source_id,"
        " coalesce(target_principal_id, target_id) AS target_id, type, relation, date_iso, date_start"
        " FROM events WHERE status = 'asserted') e" + join +
        " WHERE source_id IS NOT NULL AND target_id IS NOT NULL"
        " AND source_id <> target_id ORDER BY date_start NULLS FIRST, id")
    return [p for k in KINDS for p in _fold(k, events)]


def _lapse(period: Period) -> str | None:
    """When a recognition lapses because the recognised government's rule ended (the Taliban
    recognized in 1997 are not recognized in 2020 by that act); None if it does not."""
    if period.kind != "recognizes" or not period.since:
        return None
    from ..knowledge.actor_base import load_actor_base
    from .queries import first_day, last_day

    end = load_actor_base().term_end(period.target, date.fromisoformat(first_day(period.since)),
                                     date.fromisoformat(last_day(period.since)))
    return end.isoformat() if end else None


def _fold(kind: str, events: list[dict[str, Any]]) -> list[Period]:
    open_now: dict[tuple[str, ...], Period] = {}
    lapses: dict[tuple[str, ...], str | None] = {}  # when each open period lapses (see _lapse), worked out once
    done: list[Period] = []
    for event in events:
        effect = _effect(kind, event)
        if effect is None:
            continue
        pair = (event["source_id"], event["target_id"])
        key = tuple(sorted(pair)) if kind in SYMMETRIC_KINDS else pair
        current = open_now.get(key)
        lapsed = lapses.get(key) if current is not None else None
        if current is not None and lapsed and (event["date_iso"] or "") >= lapsed:
            current.until = lapsed  # the regime fell before this event: a new period (or none)
            done.append(open_now.pop(key))
            current = None
        if effect == "open" and current is None:
            open_now[key] = Period(pair[0], pair[1], kind, event["date_iso"], events=[event["id"]])
            lapses[key] = _lapse(open_now[key])
        elif effect == "open" and current is not None:
            current.events.append(event["id"])
        elif effect == "close" and current is not None:
            current.until = event["date_iso"]
            current.events.append(event["id"])
            done.append(open_now.pop(key))
    for key, period in open_now.items():
        period.until = lapses[key]
    return done + list(open_now.values())
