"""The shipped actor knowledge base: coverage of states and resolution over time and context."""

from __future__ import annotations

import csv
from datetime import date
from importlib import resources

import pycountry
import pytest

from multipolar.knowledge import fold, load_actor_base

BASE = load_actor_base()


def _state_rows() -> list[dict[str, str]]:
    data = resources.files("multipolar.knowledge") / "data" / "states.tsv"
    with data.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


STATES = _state_rows()
# ISO codes not in pycountry: Kosovo's user-assigned code.
USER_ASSIGNED = {"XKX"}


def test_every_un_member_is_present() -> None:
    codes = {row["iso3"] for row in STATES}
    assert len(codes) == len(STATES)
    assert len(codes - USER_ASSIGNED - {"PSE", "VAT", "TWN"}) == 193


@pytest.mark.parametrize("row", STATES, ids=lambda r: r["iso3"])
def test_state_resolves_from_name_and_capital(row: dict[str, str]) -> None:
    iso3 = row["iso3"]
    if iso3 not in USER_ASSIGNED:
        assert pycountry.countries.get(alpha_3=iso3) is not None
    found = BASE.resolve(row["name"])
    assert found is not None and found.actor_id == iso3
    capital = BASE.resolve(row["capital"])
    assert capital is not None and capital.actor_id == iso3, row["capital"]
    assert BASE.actor(iso3).country == iso3


@pytest.mark.parametrize("text, iso3", [
    ("Moscow", "RUS"), ("the Kremlin", "RUS"), ("Beijing", "CHN"), ("Washington", "USA"),
    ("Russian", "RUS"), ("Sino", "CHN"), ("U.S.", "USA"), ("Britain", "GBR"), ("Afghan", "AFG"),
])
def test_metonyms_demonyms_and_prefixes(text: str, iso3: str) -> None:
    found = BASE.resolve(text)
    assert found is not None and found.actor_id == iso3


def test_georgia_is_the_state_unless_context_says_us_state() -> None:
    assert BASE.resolve("Georgia", context="Russia fought a war with Georgia in 2008.").actor_id == "GEO"
    us = BASE.resolve("Georgia", context="Voters in the U.S. state of Georgia went to the polls in Atlanta.")
    assert BASE.actor(us.actor_id).kind == "region" and BASE.actor(us.actor_id).country == "USA"


@pytest.mark.parametrize("on, expected", [
    (date(2019, 5, 1), "AFG_REPUBLIC"), (date(2021, 8, 14), "AFG_REPUBLIC"),
    (date(2021, 8, 15), "TALIBAN"), (date(2024, 1, 1), "TALIBAN"), (date(1998, 6, 1), "TALIBAN"),
    (None, "AFG"),
])
def test_kabul_means_the_government_of_the_day(on: date | None, expected: str) -> None:
    assert BASE.resolve("Kabul", on=on).actor_id == expected


@pytest.mark.parametrize("text, actor_id", [
    ("IS-KP", "ISKP"), ("Islamic State–Khorasan Province", "ISKP"), ("Daesh", "DAESH"),
    ("Islamic Emirate of Afghanistan", "TALIBAN"), ("GRU", "GRU"), ("FSB", "FSB"),
    ("The New York Times", "NYT"), ("Der Spiegel", "SPIEGEL"), ("Persian Gulf monarchies", "GULF_MONARCHIES"),
    ("Vladimir Putin", "PUTIN"), ("United Nations", "UN"), ("NATO", "NATO"),
])
def test_non_state_actors(text: str, actor_id: str) -> None:
    found = BASE.resolve(text)
    assert found is not None and found.actor_id == actor_id


def test_groups_name_their_members() -> None:
    gulf = BASE.actor("GULF_MONARCHIES")
    assert gulf.kind == "group" and {"SAU", "QAT", "ARE"} <= set(gulf.members)


def test_people_act_for_their_state() -> None:
    assert BASE.actor("PUTIN").country == "RUS"


def test_every_reference_points_to_a_known_actor() -> None:
    for entry in BASE.entries.values():
        refs = [entry.actor.country, entry.actor.parent, entry.governs, entry.acts_for, *entry.actor.members]
        refs += [o.get("of") for o in entry.offices]
        for ref in filter(None, refs):
            assert ref in BASE, f"{entry.actor.id} refers to unknown {ref}"


def test_fold_is_idempotent_and_ignores_case_quotes_and_articles() -> None:
    assert fold("The Taliban’s") == fold("taliban") == fold(fold("Taliban's"))


@pytest.mark.parametrize("written, state", [
    ("Ethopia", "ETH"), ("Pakistian", "PAK"), ("Venezeula", "VEN"),
    ("Malawi", None),  # a name of its own, not a slip for Mali
    ("Somalis", None),  # known already (a demonym), no guess needed
    ("Argentum", None),  # too far from any state
    ("Austrial", "AUT"),  # one slip from "Austria" and from "Austrian": the same state
    ("Lauritania", None),  # the first letter is no slip
    ("Nigera", None),  # one slip from Niger and from Nigeria: no guess
])
def test_a_misspelt_state_is_read_as_the_state(written: str, state: str | None) -> None:
    found = load_actor_base().misspelt_state(written)
    assert (found.actor_id if found else None) == state
