"""Read queries shared by the CLI, exports and (later) the API."""

from __future__ import annotations

from typing import Any

from ..errors import Code, MultipolarError
from .db import Store
from .derived import FIRST_EVIDENCE, is_fresh


def relation_records(store: Store, kind: str | None = None, actor: str | None = None,
                     as_of: str | None = None, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
    """Relations derived from events, as dicts (see store/relations.py), paged when `limit`."""
    from .relations import derive_relations

    return [p.as_dict() for p in derive_relations(store, kind, actor, as_of, limit, offset)]


_EVENT_COLUMNS = (
    "e.id, e.doc_id, e.source_id, s.name AS source_name, s.country AS source_country,"
    " e.target_id, t.name AS target_name, t.country AS target_country, e.type, e.cameo, e.mode,"
    " e.context, e.date_iso, e.date_start, e.date_end, e.date_reason, e.status, e.status_cue,"
    " e.attributed_to, e.denied_by, e.source_principal_id, e.target_principal_id, {v}.sentence, {v}.trigger, coalesce({v}.mentions, 0) AS mentions")
_EVENT_FROM = (" FROM chosen e LEFT JOIN actors s ON s.id = e.source_id"
               " LEFT JOIN actors t ON t.id = e.target_id")
_ORDER = " ORDER BY e.date_start NULLS LAST, e.doc_id, e.id"
# a pair's events in either direction, officials counting for whom they act (parameters: a, b, b, a)
_PAIR = ("((? IN (source_id, source_principal_id) AND ? IN (target_id, target_principal_id))"
         " OR (? IN (source_id, source_principal_id) AND ? IN (target_id, target_principal_id)))")


def find_events(store: Store, actor: str | None = None, pair: tuple[str, str] | None = None,
                type_: str | None = None, status: str | None = None, since: str | None = None,
                until: str | None = None, limit: int | None = None, offset: int = 0,
                doc: str | None = None, dated: bool | None = None) -> list[dict[str, Any]]:
    """Events filtered by actor, pair (either direction), type, status and date range.
    `since`/`until` are ISO prefixes compared with the event's date range; undated events
    are left out when a date filter is given."""
    where, params = _event_filter(actor, pair, type_, status, since, until, doc, dated)
    chosen = "SELECT * FROM events e WHERE " + where + _ORDER
    if limit is not None:
        chosen += " LIMIT ? OFFSET ?"
        params += [limit, offset]
    return _events(store, chosen, params)


def count_events(store: Store, actor: str | None = None, pair: tuple[str, str] | None = None,
                 dated: bool | None = None) -> int:
    where, params = _event_filter(actor, pair, dated=dated)
    return store.con.execute("SELECT count(*) FROM events e WHERE " + where, params).fetchone()[0]


def _event_filter(actor: str | None = None, pair: tuple[str, str] | None = None, type_: str | None = None,
                  status: str | None = None, since: str | None = None, until: str | None = None,
                  doc: str | None = None, dated: bool | None = None) -> tuple[str, list[Any]]:
    where, params = ["1 = 1"], []  # type: ignore[var-annotated]
    # an actor's events include those of officials acting for it (see events/principals.py)
    if actor:
        where.append("? IN (e.source_id, e.target_id, e.source_principal_id, e.target_principal_id)")
        params.append(actor)
    if pair:
        where.append(_PAIR)
        params += [pair[0], pair[1], pair[1], pair[0]]
    if doc:
        where.append("e.doc_id = ?")
        params.append(doc)
    if type_:
        where.append("e.type = ?")
        params.append(type_.upper())
    if status:
        where.append("e.status = ?")
        params.append(status.lower())
    if since:
        where.append("e.date_end >= CAST(? AS DATE)")
        params.append(first_day(since))
    if until:
        where.append("e.date_start <= CAST(? AS DATE)")
        params.append(last_day(until))
    if dated is not None:
        where.append("e.date_iso IS NOT NULL" if dated else "e.date_iso IS NULL")
    return " AND ".join(where), params


def _events(store: Store, chosen: str, params: list[Any]) -> list[dict[str, Any]]:
    """The events that the query `chosen` picks, with actor names and first evidence."""
    sql = ("WITH chosen AS (" + chosen + ") SELECT " + _EVENT_COLUMNS.format(v="v") + _EVENT_FROM
           + FIRST_EVIDENCE + _ORDER)
    return store.rows(sql, params)


def timeline(store: Store, actor: str, other: str | None = None, limit: int | None = None,
             offset: int = 0) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """An actor's (or a pair's) events: the dated ones in order, and the undated apart (each
    list paged by `limit`/`offset` when given)."""
    if is_fresh(store, "actor_timeline"):  # the actor-sorted copy (see derived.py)
        return (_timeline_page(store, actor, other, True, limit, offset),
                _timeline_page(store, actor, other, False, limit, offset))
    who: dict[str, Any] = {"pair": (actor, other)} if other else {"actor": actor}
    return (find_events(store, **who, dated=True, limit=limit, offset=offset),
            find_events(store, **who, dated=False, limit=limit, offset=offset))


def timeline_totals(store: Store, actor: str, other: str | None = None) -> tuple[int, int]:
    """How many dated and undated events the actor's (or pair's) timeline holds."""
    if is_fresh(store, "actor_timeline"):
        where, params = _timeline_filter(actor, other)
        row = store.con.execute("SELECT count(date_iso), count(*) - count(date_iso) FROM actor_timeline"
                                " WHERE " + where, params).fetchone()
        return row[0], row[1]
    who: dict[str, Any] = {"pair": (actor, other)} if other else {"actor": actor}
    return count_events(store, **who, dated=True), count_events(store, **who, dated=False)


def _timeline_filter(actor: str, other: str | None) -> tuple[str, list[Any]]:
    if other is None:
        return "actor_id = ?", [actor]
    # the pair in either direction, as find_events reads `pair` (also when both are one actor)
    return "actor_id = ? AND " + _PAIR, [actor, actor, other, other, actor]


def _timeline_page(store: Store, actor: str, other: str | None, dated: bool, limit: int | None,
                   offset: int) -> list[dict[str, Any]]:
    where, params = _timeline_filter(actor, other)
    chosen = ("SELECT * FROM actor_timeline e WHERE " + where + " AND date_iso IS " + ("NOT NULL" if dated else "NULL")
              + _ORDER + (" LIMIT ? OFFSET ?" if limit is not None else ""))
    if limit is not None:
        params += [limit, offset]
    sql = "WITH chosen AS (" + chosen + ") SELECT " + _EVENT_COLUMNS.format(v="e") + _EVENT_FROM + _ORDER
    return store.rows(sql, params)


def explain_event(store: Store, event_id: str) -> dict[str, Any] | None:
    """One event with its evidence: each sentence with the trigger and the actor mentions
    located in it (character offsets relative to the sentence)."""
    rows = _events(store, "SELECT * FROM events WHERE id = ?", [event_id])
    if not rows:
        return None
    event = rows[0]
    evidence = store.rows(
        "SELECT v.doc_id, v.sentence_idx, v.start_char, v.end_char, v.sentence, v.trigger,"
        " v.trigger_start, v.trigger_end, d.title, d.published_iso, d.source FROM evidence v"
        " JOIN documents d ON d.id = v.doc_id WHERE v.event_id = ? ORDER BY v.doc_id, v.start_char",
        [event_id])
    for ev in evidence:
        ev["actors"] = store.rows(
            "SELECT m.start_char - ? AS start, m.end_char - ? AS end, m.text, m.actor_id"
            " FROM mentions m WHERE m.doc_id = ? AND m.start_char >= ? AND m.end_char <= ?"
            " AND m.actor_id IN (?, ?) ORDER BY m.start_char",
            [ev["start_char"], ev["start_char"], ev["doc_id"], ev["start_char"], ev["end_char"],
             event["source_id"], event["target_id"] or ""])
        ev["trigger_offset"] = [ev["trigger_start"] - ev["start_char"], ev["trigger_end"] - ev["start_char"]]
    event["evidence"] = evidence
    return event


def actor_names(store: Store) -> dict[str, str]:
    return {r["id"]: r["name"] for r in store.rows("SELECT id, name FROM actors")}


def resolve_actor(store: Store, text: str) -> str | None:
    """An actor id from an id, a name or any alias (case-insensitive)."""
    rows = store.rows(
        "SELECT a.id FROM actors a LEFT JOIN actor_aliases al ON al.actor_id = a.id"
        " WHERE a.id = ? OR lower(a.name) = lower(?) OR lower(al.alias) = lower(?)"
        " GROUP BY a.id ORDER BY (a.id = ?) DESC, count(*) DESC LIMIT 1", [text, text, text, text])
    return rows[0]["id"] if rows else None


def require_actor(store: Store, text: str) -> str:
    """`resolve_actor`, or the coded error MP304 when nothing matches (CLI and API alike)."""
    found = resolve_actor(store, text)
    if found is None:
        raise MultipolarError(Code.MP304, value=text)
    return found


def first_day(prefix: str) -> str:
    """The first day of an ISO date prefix, as YYYY-MM-DD ("199", a decade: 1990-01-01)."""
    if len(prefix) == 3 and prefix.isdigit():
        prefix += "0"
    parts = prefix.split("-")
    return "-".join(parts + ["01"] * (3 - len(parts)))


def last_day(prefix: str) -> str:
    """The last day of an ISO date prefix, as YYYY-MM-DD ("199", a decade: 1999-12-31)."""
    from calendar import monthrange

    if len(prefix) == 3 and prefix.isdigit():
        prefix += "9"
    parts = [int(p) for p in prefix.split("-")]
    year = parts[0]
    month = parts[1] if len(parts) > 1 else 12
    day = parts[2] if len(parts) > 2 else monthrange(year, month)[1]
    return f"{year:04d}-{month:02d}-{day:02d}"


def search_actors(store: Store, text: str | None = None, kind: str | None = None,
                  limit: int = 50) -> list[dict[str, Any]]:
    """Actors whose id, name or any alias contains `text` (case-insensitive), most
    mentioned first."""
    where, params = ["1 = 1"], []  # type: ignore[var-annotated]
    if text:
        like = f"%{text.lower()}%"
        where.append("(lower(a.id) LIKE ? OR lower(a.name) LIKE ? OR EXISTS (SELECT 1 FROM actor_aliases al"
                     " WHERE al.actor_id = a.id AND lower(al.alias) LIKE ?))")
        params += [like, like, like]
    if kind:
        where.append("a.kind = ?")
        params.append(kind)
    params.append(limit)
    return store.rows(
        "SELECT a.id, a.name, a.kind, a.country, a.wikidata, a.origin,"
        " (SELECT count(*) FROM mentions m WHERE m.actor_id = a.id) AS mentions,"
        " (SELECT count(*) FROM events e WHERE a.id IN (e.source_id, e.target_id, e.source_principal_id,"
        " e.target_principal_id)) AS events,"  # (as find_events counts an actor's events)
        " (SELECT list(al.alias ORDER BY al.alias) FROM actor_aliases al WHERE al.actor_id = a.id) AS aliases"
        " FROM actors a WHERE " + " AND ".join(where) + " ORDER BY events DESC, mentions DESC, a.name LIMIT ?",
        params)


def get_actor(store: Store, actor_id: str) -> dict[str, Any]:
    rows = [a for a in search_actors(store, actor_id, None, 500) if a["id"] == actor_id]
    return rows[0] if rows else {"id": actor_id}


def document_detail(store: Store, doc_id: str) -> dict[str, Any] | None:
    """A document's text with the spans of its actor mentions and event triggers."""
    rows = store.rows("SELECT id, title, source, url, published_iso AS published, published_basis,"
                      " text, notes FROM documents WHERE id = ?", [doc_id])
    if not rows:
        return None
    doc = rows[0]
    doc["mentions"] = store.rows("SELECT start_char AS start, end_char AS end, text, actor_id FROM mentions"
                                 " WHERE doc_id = ? ORDER BY start_char", [doc_id])
    doc["triggers"] = store.rows(
        "SELECT v.trigger_start AS start, v.trigger_end AS end, v.trigger, e.id AS event_id, e.type, e.status"
        " FROM evidence v JOIN events e ON e.id = v.event_id WHERE v.doc_id = ? ORDER BY v.trigger_start",
        [doc_id])
    return doc
