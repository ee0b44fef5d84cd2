"""A mediator's parties are the ones the text names as mediated between, never whoever
else a sentence happens to name."""

from __future__ import annotations

from .events_helper import events_of


def test_praised_mediation_has_no_guessed_parties() -> None:
    events = events_of("Kenya's president praised Norway's mediation efforts.", "2024-03-10")
    assert [(e.source, e.type) for e in events if e.type == "CONSULT"] == []


def test_mediation_between_named_parties_keeps_them() -> None:
    events = events_of("Norway's mediation between Colombia and the ELN resumed in Havana.", "2024-03-10")
    assert ("NOR", "CONSULT") in [(e.source, e.type) for e in events]
