""""Commit" agrees only when it commits to something; a threat noun and what it threatens are one event."""

from __future__ import annotations

import pytest

from .conftest import SHARED, needs_shared
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


@needs_shared
@pytest.mark.parametrize("text", [
    "Farmers blocked the main crossing into Spain from France for two days.",
    "The Azerbaijani army prepared to resume shelling Armenian positions.",
    "Indian and Thai warships began naval drills in the Andaman Sea on Sunday.",
    "Al-Shabaab vowed to keep attacking Kenyan troops in Somalia.",
])
def test_a_retyped_event_carries_a_cameo_code_of_its_type(text: str) -> None:
    table = {}
    for line in (SHARED / "resources" / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8").splitlines():
        code, _, rest = line.partition(":")
        if code.strip().isdigit():
            table[code.strip()] = rest.split(",")[0].split("#")[0].strip()
    events = events_of(text, "2024-03-10")
    assert events and all(table.get(e.cameo) == e.type for e in events), [(e.type, e.cameo) for e in events]
