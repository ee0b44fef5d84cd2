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


def _events(text: str) -> list[tuple[str | None, str | None, str]]:
    return [(e.source, e.target, e.type) for e in events_of(text, "2024-06-03")]


def test_an_envoy_for_a_country_is_not_that_country() -> None:
    assert _events("The special envoy for Syria criticised Israel.") == []


def test_watching_an_event_is_no_part_in_it() -> None:
    assert _events("Journalists covered the protest in Tbilisi.") == []


def test_concern_needs_someone_to_be_concerned_with() -> None:
    assert _events("Japan expressed concern over rising tensions in the region.") == []


def test_a_crowd_of_leaders_protests_not_the_state() -> None:
    events = events_of("Kenyan union leaders protested the tax hike.", "2024-06-03")
    assert [(e.type, e.cameo) for e in events] == [("PROTEST", "141")]


def test_signing_a_text_is_no_content_of_it() -> None:
    assert ("IRN", "SAU", "AGREE") in _events("The deal, which Iran and Saudi Arabia will sign on Monday, restores ties.")


def test_refugees_abroad_do_not_address_their_own_state() -> None:
    assert ("UKR:refugees", "UKR", "ACCUSE") not in _events(
        "Ukrainian refugees in Poland criticised the government over benefits cuts.")


@pytest.mark.parametrize("text, expected", [
    ("Greek teachers began a 48-hour strike over pay on Tuesday.", "PROTEST"),
    ("The Kenyan doctors' strike entered its third week.", "PROTEST"),
    ("Portuguese dockers staged an open-ended strike against the new port law.", "PROTEST"),
    ("Nigerian workers launched a 48-hour strike.", "PROTEST"),
    ("Colombia's national strike entered its third week.", "PROTEST"),
    ("Russia unleashed rolling strikes on Ukrainian power plants.", "ASSAULT"),
    ("Israeli air strikes on Gaza killed ten people.", "ASSAULT"),
    ("Pakistan's strike on militant hideouts in Afghanistan killed eight.", "ASSAULT"),
])
def test_a_stoppage_of_work_is_no_raid(text: str, expected: str) -> None:
    assert [e.type for e in events_of(text, "2024-03-10")] == [expected]


@pytest.mark.parametrize("text", [
    "Spain and Morocco agreed to cooperate in fighting illegal migration.",
    "Kenya stepped up its campaign against corruption.",
    "Colombia and Peru pledged to combat drug trafficking together.",
    "The United States will fight Mexican drug trafficking.",
])
def test_a_fight_against_an_ill_is_no_battle(text: str) -> None:
    assert "ASSAULT" not in [e.type for e in events_of(text, "2024-03-10")]


@pytest.mark.parametrize("text", ["Nigerian troops fought Boko Haram near Maiduguri.",
                                  "Israel said it would press on with its war on Hamas terror."])
def test_a_fight_against_a_foe_is_one(text: str) -> None:
    assert "ASSAULT" in [e.type for e in events_of(text, "2024-03-10")]


@pytest.mark.parametrize("text, expected", [
    ("Chad said it would withdraw its soldiers from Mali unless the junta held elections.", "THREATEN"),
    ("Iran will resume cooperation with the IAEA unless sanctions are reimposed.", "AGREE"),
])
def test_a_deed_announced_unless_another_acts_is_a_threat(text: str, expected: str) -> None:
    assert [e.type for e in events_of(text, "2024-03-10")] == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Germany hopes Russia will withdraw its troops from Moldova.", ["REQUEST"]),
    ("Japan hopes North Korea will abandon its nuclear programme.", ["REQUEST"]),
    ("Iran hopes Trump will lose the election.", []),  # an outcome, asked of no one
])
def test_hoping_another_will_act_is_an_appeal(text: str, expected: list[str]) -> None:
    assert [e.type for e in events_of(text, "2024-03-10")] == expected


@pytest.mark.parametrize("text, expected", [
    ("The last Cuban troops left Angola in May 1991.", ["RETREAT"]),
    ("Russia left troops in Transnistria after the war.", []),  # it kept them there
])
def test_troops_leaving_withdraw(text: str, expected: list[str]) -> None:
    assert [e.type for e in events_of(text, "2024-03-10")] == expected


def test_what_is_allowed_is_no_deed_of_its_own() -> None:
    events = events_of("Iraq allowed UN inspectors to visit the palaces on Monday.", "2024-03-10")
    assert [e.type for e in events] == ["RETREAT"]


@pytest.mark.parametrize("text, expected", [
    ("Chinese state media attacked Japan for its stance on Taiwan.", "ACCUSE"),
    ("The Serbian president attacked the EU's visa policy in a speech on Friday.", "ACCUSE"),
    ("Egypt's foreign minister attacked Ethiopia for filling the dam without a deal.", "ACCUSE"),
    ("Russian jets attacked rebel positions near Idlib for the third day.", "ASSAULT"),
    ("Militants attacked the army base in Kidal for several hours.", "ASSAULT"),
    ("Israel attacked Hamas for launching rockets.", "ASSAULT"),
    ("Russian jets attacked the village for harbouring rebels.", "ASSAULT"),
])
def test_an_attack_with_a_reason_is_criticism(text: str, expected: str) -> None:
    assert [e.type for e in events_of(text, "2024-03-10")] == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Armenia mobilized its reservists.", "MOBILIZE"),
    ("Russia mobilised 300,000 men in September.", "MOBILIZE"),
    ("North Korea has trained more than 500 computer hackers.", "MOBILIZE"),  # its own forces
    ("Britain trained Ukrainian soldiers in Kent.", "AID"),  # another state's
    ("Rwanda trained UN peacekeepers near Kigali.", "AID"),  # an organisation's
    ("Belarus mobilized 120,000 people in March.", "MOBILIZE"),  # counted, no word for troops
    ("Venezuela mobilised personnel along the border.", "MOBILIZE"),
    ("Georgia trained its guns on Abkhazia.", "THREATEN"),  # aimed, not taught
])
def test_readying_one_s_own_forces_is_mobilizing(text: str, expected: str) -> None:
    assert [e.type for e in events_of(text, "2024-03-10")] == [expected]


@pytest.mark.parametrize("text", [
    "Saudi Arabia mobilized pressure groups in Washington.",
    "The ruling party in Hungary mobilised thousands of supporters against Brussels.",
])
def test_mobilizing_support_readies_no_forces(text: str) -> None:
    assert "MOBILIZE" not in [e.type for e in events_of(text, "2024-03-10")]


@pytest.mark.parametrize("text, expected", [
    ("Qatar hosted a delegation from Afghanistan.", "CONSULT"),  # guests: a meeting
    ("Japan hosts American troops on Okinawa.", "COOPERATE"),  # forces kept: cooperation
    ("Turkey hosts nearly four million Syrian refugees.", "AID"),  # people sheltered: aid
    ("Lebanon hosts hundreds of thousands of refugees from Syria.", "AID"),  # counted with "of"
    ("Kenya hosted tens of thousands of asylum-seekers from Somalia.", "AID"),
    ("British warplanes are hosted by Cyprus at Akrotiri.", "COOPERATE"),  # passive
])
def test_what_a_host_keeps_tells_the_event(text: str, expected: str) -> None:
    assert [e.type for e in events_of(text, "2024-03-10")] == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Croatia was admitted to the Schengen area in 2023. Bulgaria was admitted to NATO in 2004.",
     [("BGR", "NATO", "AGREE")]),  # the organisation named, not an earlier one
    ("The OSCE met in Vienna on Monday. Belarus was admitted to the talks on Tuesday.", []),
    ("The EU met in Brussels in May. Ukrainian grain was admitted to Poland in June.", []),
])
def test_admitted_joins_the_organisation_named(text: str, expected: list) -> None:
    events = events_of(text, "2024-07-10")
    assert [(e.source, e.target, e.type) for e in events if e.type == "AGREE"] == expected


def test_people_let_in_are_no_party_admitted() -> None:
    events = events_of("Jordan admitted 300 injured Syrians through the border post.", "2024-03-10")
    assert "AGREE" not in [e.type for e in events]


def test_what_a_thing_is_called_asks_nothing() -> None:
    # "what it called provocations on the border": naming, no "call on"
    events = events_of("Greece warned Turkey of consequences over what it called violations on the border.",
                       "2024-03-10")
    assert [e.type for e in events] == ["THREATEN"]


def test_a_sum_given_in_aid_is_aid_not_giving_in() -> None:
    events = events_of("Norway gave Malawi 15 million dollars in emergency aid after the cyclone.", "2024-03-10")
    assert [(e.source, e.target, e.type) for e in events] == [("NOR", "MWI", "AID")]


@pytest.mark.parametrize("text", [
    "Ghana sent a letter to the army of Togo.",  # a force named, but not what was sent
    "Greece objected to Turkey's plan to send a survey ship into disputed waters.",
])
def test_a_word_of_a_class_counts_only_as_what_is_acted_on(text: str) -> None:
    types = [e.type for e in events_of(text, "2024-03-10")]
    assert "MOBILIZE" not in types and "AID" not in types


@pytest.mark.parametrize("text", [
    "The Kenyan army disputed the casualty figures released by a Somali human rights group.",
    "Pakistan released a video of the captured Indian pilot on Wednesday.",
])
def test_releasing_something_published_frees_no_one(text: str) -> None:
    assert "RETREAT" not in [e.type for e in events_of(text, "2024-03-10")]


def test_releasing_people_frees_them() -> None:
    assert [(e.source, e.target, e.type) for e in events_of("Iran released two Swedish citizens on Friday.",
                                                           "2024-03-10")] == [("IRN", "SWE", "RETREAT")]


@pytest.mark.parametrize(("text", "deed"), [
    ("The EU imposed sanctions on Moscow over its invasion of Ukraine.", ("RUS", "UKR", "ASSAULT")),
    ("Beijing criticised Ottawa over its arrest of a Chinese executive.", ("CAN", "CHN", "COERCE")),
])
def test_the_owner_of_a_deed_given_as_the_reason_is_whom_the_verb_acts_on(text: str, deed: tuple) -> None:
    found = [(e.source, e.target, e.type) for e in events_of(text, "2024-03-10")]
    assert deed in found
