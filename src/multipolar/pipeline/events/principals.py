"""Principals: whom each side of an event acts for, where an official acts.

"Putin met Erdogan in Ankara" is a meeting of two people and, for the relations between
states, one of Russia and Turkey; event-data systems code the state (PLOVER: actor RUS, agent
GOV). The event keeps its people as source and target; each side also gets its principal:

- a person of the knowledge base: the state or body of an office held in the event's time (the
  publication day when the event is undated; today's office when neither is known), else the
  group they serve (`acts_for`) while it exists;
- a person the text introduces by an office of a state or government ("Saudi foreign minister
  X", "X, China's envoy"): that state or government (found by the actors stage).

Relations are folded between principals (store/relations.py); people with no office (an
opposition leader, a journalist) keep their own relations.
"""

from __future__ import annotations

from datetime import date

from ...knowledge.actor_base import ActorBase
from ...model import Document, Event


def assign_principals(events: list[Event], doc: Document, base: ActorBase) -> None:
    """Set `source_principal` / `target_principal` of each event where a side is an official."""
    published = doc.published.day if doc.published else None
    for event in events:
        # an event of 2008 involves whoever held office at any time that year
        start, end = (event.date.start, event.date.end) if event.date else (published, published)
        event.source_principal = _principal(event.source, start, end, doc, base)
        event.target_principal = _principal(event.target, start, end, doc, base)


def _principal(actor_id: str | None, start: date | None, end: date | None, doc: Document,
               base: ActorBase) -> str | None:
    if actor_id is None:
        return None
    principal = doc.officials.get(actor_id) or base.principal_of(actor_id, start, end)
    if principal is None:
        return None
    if principal not in doc.actors and principal in base:  # so that the store can name it
        doc.actors[principal] = base.actor(principal)
    return principal
