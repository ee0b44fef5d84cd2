""""Commit" agrees only when it commits to something; a threat noun and what it threatens are one event."""

from __future__ import annotations

from .events_helper import events_of


def test_committing_a_crime_is_no_agreement() -> None:
    events = events_of("A UN report accused Eritrean troops of committing atrocities in Tigray.", "2024-03-10")
    assert "AGREE" not in [e.type for e in events]


def test_committing_to_a_cause_is_one() -> None:
    events = events_of("Canada committed itself to Latvia's defence.", "2024-03-10")
    assert [(e.source, e.target, e.type) for e in events] == [("CAN", "LVA", "AGREE")]


def test_a_threat_noun_is_one_event_with_its_content() -> None:
    events = events_of("Russia's threat to cut off gas supplies to Moldova alarmed investors.", "2024-03-10")
    assert [(e.source, e.target, e.type) for e in events] == [("RUS", "MDA", "THREATEN")]
