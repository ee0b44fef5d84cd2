"""Stage 5, events: triggers → roles → status → dates → within-document coreference →
principals (whom officials act for).

Each sub-stage is a module of this package; `stage_events` runs them in order over one
parsed Document whose actor mentions are already resolved.
"""

from __future__ import annotations

from ...model import Document
from .extract import extract_events


def stage_events(doc: Document) -> Document:
    """Add the document's events, each with its evidence, date, status and attribution."""
    doc.events = extract_events(doc)
    return doc


__all__ = ["stage_events"]
