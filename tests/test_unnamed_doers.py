"""A doer told only by a plural common noun the actor stage does not know ("volunteers",
"the organisers") becomes a group of that name, so the deed is not lost; state agents and
things that are no people are never made such groups."""

from __future__ import annotations

import pytest

from .events_helper import events_of


def _events(text: str) -> list[tuple[str, str | None, str]]:
    return [(e.source, e.target, e.type) for e in events_of(text, "2024-03-10")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Volunteers delivered food parcels to Gaza on Monday.", ("group:volunteers", "PSE", "AID")),
    ("The organisers accused the Hungarian police of brutality.", ("group:organisers", "HUN", "ACCUSE")),
])
def test_an_unknown_plural_doer_is_a_group(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _events(text)


@pytest.mark.parametrize("text", [
    "Floods killed thirty Bangladeshi villagers in Sylhet.",
    "The landslide killed more than a hundred Nepali villagers in Gorkha.",
    "Storms destroyed hundreds of Cuban homes in Holguin.",
    "Airlines suspended flights to Israel after the attack.",
    "Analysts warned Brazil about rising inflation.",
])
def test_things_are_no_doers(text: str) -> None:
    subject = text.split()[1 if text.startswith("The ") else 0].lower()
    assert all(not source.endswith(f":{subject}") for source, _, _ in _events(text))


def test_a_participle_with_an_object_acts() -> None:
    # the parser hangs "killed" on "militants" as if they were killed; with an object, they kill
    text = ("Suspected Islamist militants killed at least 12 villagers in an overnight raid on a village "
            "in northeastern Nigeria, residents said on Monday.")
    assert [s for s, _, t in _events(text) if t == "ASSAULT"] == ["group:islamist-militants"]
