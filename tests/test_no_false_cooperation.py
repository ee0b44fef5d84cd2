"""A relationship named only to say it has suffered is no cooperation event."""

from __future__ import annotations

import pytest

from .events_helper import events_of


@pytest.mark.parametrize("text", [
    "Relations between Rwanda and Burundi have soured over the border dispute.",
    "Ties between Ankara and Vienna were damaged by the row.",
    "The partnership between Mali and France has deteriorated since the coup.",
])
def test_a_strained_relationship_is_not_cooperation(text: str) -> None:
    assert [e for e in events_of(text, "2024-03-10") if e.type == "COOPERATE"] == []


def test_a_relationship_kept_up_is_still_cooperation() -> None:
    events = events_of("Rwanda maintained close ties with Burundi.", "2024-03-10")
    assert [(e.source, e.target, e.type) for e in events] == [("RWA", "BDI", "COOPERATE")]
