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
    base = load_actor_base()
    return base.country_of(actor_id) if actor_id and actor_id in base else None


def same_actor(found: str | None, expected: str | None) -> bool:
    """Equal ids, or a person/agency found where the state they act for is expected."""
    if found == expected:
        return True
    return expected is not None and country(found) == expected and len(expected) == 3
