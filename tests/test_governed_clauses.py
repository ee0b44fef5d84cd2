"""Deeds that are only warned against, committed to or brought about as a state are not
reported as done."""

from __future__ import annotations

from .events_helper import events_of


def _types(text: str) -> list[str]:
    return [e.type for e in events_of(text, "2024-02-01")]


def test_a_deed_warned_against_is_no_deed() -> None:
    assert _types("Serbia warned Kosovo against deploying police in the north.") == ["THREATEN"]


def test_a_deed_threatened_is_no_deed() -> None:
    assert _types("Washington warned Managua of new sanctions if the vote went ahead.") == ["THREATEN"]
    assert _types("NATO threatened Belgrade with air strikes.") == ["THREATEN"]


def test_a_meeting_boycotted_is_no_meeting() -> None:
    assert "CONSULT" not in _types("North Korea boycotted the talks in Beijing on Monday.")


def test_the_purpose_of_a_staged_deed_is_that_deed() -> None:
    assert _types("Moroccan lawyers staged a strike on Tuesday to protest against the new court fees.") == ["PROTEST"]


def test_a_participle_after_a_staged_deed_is_its_own_event() -> None:
    assert sorted(_types("Kenyan protesters staged a rally in Nairobi, accusing the police of brutality.")) == [
        "ACCUSE", "PROTEST"]


def test_air_strikes_begun_are_raids_not_stoppages() -> None:
    assert _types("Russia announced new strikes on Ukrainian power plants.") == ["ASSAULT"]


def test_a_standing_tie_is_no_deed() -> None:
    assert _types("Relations between India and China have been tense since the clash.") == []
    assert _types("Kenya's relationship with Somalia is complicated.") == []


def test_a_deed_asked_to_be_refrained_from_is_no_deed() -> None:
    assert "ASSAULT" not in _types("The UN urged Ethiopia to refrain from shelling Tigrayan towns.")


def test_a_state_brought_about_is_no_departure() -> None:
    assert "RETREAT" not in _types("An ambush by al-Shabaab left eight Kenyan soldiers dead.")


def test_a_measured_object_is_the_verbs_own() -> None:
    assert _types("Qatar will provide 20,000 tonnes of food aid to Gaza, Qatari officials said.") == ["AGREE"]


def test_what_a_proposal_would_do_is_its_content() -> None:
    # the relative clause tells what the rejected text laid down, not a deed of anyone's
    assert _types("Greece rejected an Albanian proposal that would have allowed fishing boats "
                  "to enter its waters.") == ["REJECT"]
    assert _types("Chad signed a pact that will let Sudanese refugees return home.") == ["SUPPORT"]


def test_what_a_rejected_text_says_is_its_content() -> None:
    # the resolution condemns nobody once vetoed; an adopted one does (its adopter condemns)
    assert _types("Britain vetoed a draft resolution condemning Zimbabwe's election on Friday.") == ["REJECT"]
    assert _types("China blocked a resolution that criticised Myanmar's generals.") == ["REJECT"]
    assert "ACCUSE" in _types("The Security Council adopted a resolution condemning the coup in Gabon.")


def test_the_purpose_of_a_named_protest_is_that_protest() -> None:
    # "to protest" tells what the demonstration was for: one event, the police's prevention of it
    assert _types("Moroccan police broke up a demonstration staged by teachers in Rabat to protest "
                  "the new pension rules.") == ["COERCE"]


def test_a_kind_of_thing_named_by_an_event_noun_is_no_event() -> None:
    # "riot police" are police, not a riot; "a mediation effort" is still a mediation
    assert _types("Serbian riot police broke up a march by Serbian students in Belgrade.") == ["COERCE"]
    assert "CONSULT" in _types("Oman launched a mediation effort between Iran and the United States.")


def test_a_purpose_or_a_cause_is_no_request() -> None:
    # the infinitive tells why the tanks moved, and an invasion asks nothing of anyone
    assert "REQUEST" not in _types("Israel pushed tanks into Rafah to destroy Hamas tunnels.")
    assert "REQUEST" not in _types("Russia's invasion pushed Finland to join NATO.")


def test_what_a_bid_seeks_has_not_happened() -> None:
    # vetoing or backing a bid to join is the event; the joining has not happened
    assert _types("Greece vetoed Macedonia's bid to join NATO.") == ["REJECT"]
    assert _types("Germany's chancellor expressed support for Ukraine's bid to join the European Union.") == ["SUPPORT"]


def test_an_agent_of_a_conjoined_clause_is_not_the_first_verb_s() -> None:
    # "… but Georgia's bid was blocked by France": France blocked the bid, it admitted no one
    events = events_of("NATO grew in 2004. Estonia was admitted in March 2004, but Georgia's bid was "
                       "blocked by France and Germany.", "2005-01-10")
    assert {(e.source, e.target) for e in events if e.type == "AGREE"} == {("EST", "NATO")}


def test_a_by_on_a_stance_names_its_holder_not_the_passive_s_doer() -> None:
    # "despite objections by Hungary": Hungary objected, it admitted no one
    events = events_of("NATO expanded in 2024. Sweden was admitted in March despite objections by Hungary.",
                       "2024-06-10")
    assert {(e.source, e.target) for e in events if e.type == "AGREE"} == {("SWE", "NATO")}


def test_a_protest_s_demand_is_its_topic() -> None:
    # the PLOVER manual codes no separate REQUEST for what a protest demands
    assert _types("The opposition staged a mass rally in Dhaka demanding the prime minister's resignation.") == ["PROTEST"]


def test_responsibility_denied_or_owned_blames_no_one() -> None:
    assert "ACCUSE" not in _types("Chad said it was not responsible for the clashes on the border.")
    assert "ACCUSE" not in _types("Morocco said no one was responsible for the collapse of the talks.")
    assert _types("Sudan said Chad was responsible for the clashes on the border.") == ["ACCUSE"]


def test_what_captives_are_made_is_no_party() -> None:
    events = events_of("Rebels in Mali freed two Swiss tourists whom they had taken hostage in May.", "2012-08-20")
    assert {(e.type, e.target) for e in events} == {("RETREAT", "CHE:tourists"), ("ASSAULT", "CHE:tourists")}
