"""Stage 5, events: placeholder until the events issue lands; yields no events."""

from __future__ import annotations

from ..model import Document


def stage_events(doc: Document) -> Document:
    return doc
