"""Run the pipeline on one sentence in-process, for the event tables."""

from __future__ import annotations

from multipolar.ingest import content_hash
from multipolar.knowledge import load_actor_base
from multipolar.model import Document, Event
from multipolar.pipeline.actors import stage_actors
from multipolar.pipeline.dateline import stage_dateline
from multipolar.pipeline.events import stage_events
from multipolar.pipeline.parse import stage_parse


def events_of(text: str, published: str | None = None) -> list[Event]:
    doc = Document(id="t", text=text, content_hash=content_hash(text), path="-")
    doc = stage_dateline(doc, published)
    [doc] = list(stage_parse([doc]))
    return stage_events(stage_actors(doc, load_actor_base())).events


def country(actor_id: str | None) -> str | None:
    """The state an actor belongs to: from the base, or a sector group's prefix ("KEN:students")."""
    base = load_actor_base()
    if actor_id and actor_id in base:
        return base.country_of(actor_id)
    prefix = (actor_id or "").split(":", 1)[0]
    return prefix if prefix in base and len(prefix) == 3 else None


def same_actor(found: str | None, expected: str | None) -> bool:
    """Equal ids, or a person/agency found where the state they act for is expected."""
    if found == expected:
        return True
    return expected is not None and country(found) == expected and len(expected) == 3
