"""An attack told with its victims and no attacker becomes an event of "unidentified
attackers" of the country where it happened; a death toll with no attack is no event."""

from __future__ import annotations

import pytest

from .events_helper import events_of


def _assaults(text: str) -> list[tuple[str, str | None]]:
    return [(e.source, e.target) for e in events_of(text, "2024-03-10") if e.type == "ASSAULT"]


def test_an_attack_without_a_named_attacker_is_kept() -> None:
    assert _assaults("Four Somali soldiers were killed in a car bombing in Mogadishu on Friday.") == [
        ("SOM:unidentified-attackers", "SOM")]


def test_a_violent_verb_needs_no_attack_noun() -> None:
    assert _assaults("Two Colombian police officers were shot dead at a checkpoint in Bogota.") == [
        ("COL:unidentified-attackers", "COL")]


def test_no_place_means_no_country() -> None:
    assert _assaults("A mortar attack wounded three Malian soldiers overnight.") == [
        ("group:unidentified-attackers", "MLI")]


@pytest.mark.parametrize("text", [
    "Thirty Bangladeshi villagers were killed in floods in Sylhet last week.",
    "Two Egyptian pilots were killed when their trainer jet crashed near Aswan.",
    "The landslide killed more than a hundred Nepali villagers in Gorkha.",
    "A Greek journalist was injured in a car accident in Athens.",
])
def test_a_toll_without_an_attack_is_no_event(text: str) -> None:
    assert _assaults(text) == []


def test_an_attacker_named_in_the_sentence_is_the_doer() -> None:
    assert _assaults("Three Chadian soldiers were killed when rebels attacked their post near Abeche.") == [
        ("group:rebels", "TCD")]


def test_an_attacker_named_just_before_is_not_repeated() -> None:
    text = "Gunmen raided a police station in northern Burkina Faso on Monday. Six officers were killed."
    assert all(not s.endswith("unidentified-attackers") for s, _ in _assaults(text))


def test_a_named_doer_the_actor_stage_cannot_resolve_is_not_unknown() -> None:
    # (near Goma, the troops are placed in Congo by the gazetteer; elsewhere they stay unresolved)
    for text in ("Government troops shelled Congolese villages near Goma.",
                 "Government troops shelled villages in the hills."):
        assert all(not s.endswith("unidentified-attackers") for s, _ in _assaults(text))


def test_state_forces_with_no_owner_belong_to_the_state_where_they_act() -> None:
    assert _assaults("Security forces fired on students in Dhaka.") == [("BGD", "BGD:students")]


def test_a_verb_left_without_subject_by_the_parser_gets_no_unknown_attacker() -> None:
    # the small model cuts "Djibouti" off as a sentence of its own after a dateline
    text = "By Wire Desk, 7 January 2021\n\nDjibouti attacked border posts of Kuwait on 2 January 2021."
    assert all(not s.endswith("unidentified-attackers") for s, _ in _assaults(text))


def test_a_blast_s_participle_has_the_blast_for_doer_and_its_clause_s_place() -> None:
    # the victims are in the participle, the bomb and the place in the clause it ends
    assert [s for s, _ in _assaults("A truck bomb exploded near a bus station in the Syrian city of Homs on "
                                    "Friday, killing nine Syrian soldiers.")] == ["SYR:unidentified-attackers"]
