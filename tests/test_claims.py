"""What an accusation says was done is the accuser's claim, and "its neighbour" is not the
owner of "its"."""

from __future__ import annotations

import pytest

from .events_helper import events_of


@pytest.mark.parametrize("text", [
    "Ethiopia accused Eritrea of arming the rebels.",
    "Ethiopia charged Eritrea with arming the rebels.",
    "Ethiopia charged that Eritrea had armed the rebels.",
])
def test_the_deed_of_an_accusation_is_reported_by_the_accuser(text: str) -> None:
    deeds = [e for e in events_of(text) if e.type != "ACCUSE"]
    assert deeds, "the accused deed is kept as a claim"
    assert all(e.status == "reported" and e.attributed_to == ["ETH"] for e in deeds)


def test_a_relational_noun_is_not_its_owner() -> None:
    text = "Serbia lodged a protest with Albania, charging its neighbour with arming the rebels."
    assert all(e.source != "SRB" for e in events_of(text) if e.type != "ACCUSE")


def test_a_passive_accusation_is_claimed_by_its_agent() -> None:
    [deed] = [e for e in events_of("Uganda has been accused by Kenya of arming Somali militants.") if e.type != "ACCUSE"]
    assert (deed.source, deed.status, deed.attributed_to) == ("UGA", "reported", ["KEN"])


def test_a_reaction_an_event_drew_is_not_that_events_doer() -> None:
    text = "The arrest of a French aid worker by Mali drew protests."
    assert [e.type for e in events_of(text)] == ["COERCE"]
