"""Principals: officials' deeds count for their state in relations; recognition of a regime
lapses with its rule; stores of the previous schema gain the new columns."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import duckdb
import pytest

from multipolar.errors import MultipolarError
from multipolar.knowledge import load_actor_base
from multipolar.store.db import SCHEMA_VERSION, Store

from .conftest import run_cli


@pytest.mark.parametrize("actor, day, expected", [
    ("PUTIN", date(2020, 6, 1), "RUS"),  # president then
    ("PUTIN", date(1995, 6, 1), None),  # no office yet
    ("XI_JINPING", date(2020, 6, 1), "CHN"),  # the state office before the party one
    ("XI_JINPING", None, "CHN"),  # undated: an office not ended
    ("RUS", date(2020, 6, 1), None),  # a state acts for itself
])
def test_principal_of_people_in_the_base(actor: str, day: date | None, expected: str | None) -> None:
    assert load_actor_base().principal_of(actor, day) == expected


def test_the_rule_of_a_government_ends_with_its_term() -> None:
    base = load_actor_base()
    # the Taliban's first rule (1996-2001), reached from a date of the 1990s
    assert base.term_end("TALIBAN", date(1990, 1, 1), date(1999, 12, 31)) == date(2001, 12, 7)
    assert base.term_end("TALIBAN", date(2022, 1, 1), date(2022, 12, 31)) is None  # rules still
    assert base.term_end("RUS", date(2022, 1, 1), date(2022, 12, 31)) is None  # no government


ARTICLE = """By Staff Writer, 10 May 2024

Maria Hansen, Norway's foreign minister, arrived in Santiago on Monday. Hansen signed a
fisheries cooperation agreement with Chile on Tuesday. Ana Torres, a Peruvian opposition
leader, praised Bolivia on Wednesday. In the 1990s Kenya recognised the Taliban government.
"""


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("principals")
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    db = folder / "a.duckdb"
    code, _, _ = run_cli("ingest", str(folder / "a.txt"), "--db", str(db))
    assert code == 0
    return db


@pytest.fixture(scope="module")
def relations(db: Path) -> list[dict]:
    code, stdout, _ = run_cli("relations", "--db", str(db), "--json")
    assert code == 0
    return json.loads(stdout)


def _pairs(relations: list[dict], kind: str) -> set[tuple[str, str]]:
    return {(r["source"], r["target"]) for r in relations if r["kind"] == kind}


def test_an_official_acts_for_the_state_named_in_the_title(relations: list[dict]) -> None:
    assert {("NOR", "CHL"), ("CHL", "NOR")} & _pairs(relations, "cooperates")


def test_explain_shows_whom_the_event_counts_for(db: Path) -> None:
    _, stdout, _ = run_cli("events", "--db", str(db), "--json", "--type", "SUPPORT")
    [deal] = [e for e in json.loads(stdout) if e["cameo"] == "057"]  # the signing (a recognition is SUPPORT too)
    assert deal["source_id"] == "person:maria-hansen" and deal["source_principal_id"] == "NOR"
    _, stdout, _ = run_cli("explain", deal["id"], "--db", str(db))
    assert "in relations: NOR —SUPPORT→ CHL" in stdout


@pytest.mark.parametrize("args", [["events", "--actor", "NOR"], ["timeline", "NOR", "CHL"]])
def test_a_state_s_events_include_its_officials(db: Path, args: list[str]) -> None:
    _, stdout, _ = run_cli(*args, "--db", str(db))
    assert "Hansen" in stdout and "fisheries" in stdout


def test_a_pair_s_events_include_its_officials(db: Path) -> None:
    from multipolar.store.queries import find_events

    with Store.open(str(db), read_only=True) as store:
        assert [e["type"] for e in find_events(store, pair=("CHL", "NOR"))] == ["SUPPORT"]


def test_a_state_s_event_count_includes_its_officials(db: Path) -> None:
    from multipolar.store.queries import get_actor

    with Store.open(str(db), read_only=True) as store:
        assert get_actor(store, "NOR")["events"] >= 1  # Hansen's agreement with Chile


def test_an_opposition_leader_acts_for_herself(relations: list[dict]) -> None:
    sources = {s for s, t in _pairs(relations, "cooperates") if "BOL" in (s, t)}
    assert sources and "PER" not in sources


def test_recognition_of_a_regime_lapses_when_its_rule_ends(relations: list[dict]) -> None:
    recognized = [r for r in relations if r["kind"] == "recognizes" and r["source"] == "KEN"]
    assert recognized and recognized[0]["target"] == "TALIBAN"
    assert recognized[0]["until"] == "2001-12-07"


def test_a_store_of_version_2_gains_the_principal_columns(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)")
    con.execute("INSERT INTO meta VALUES ('schema_version', '2')")
    con.execute("CREATE TABLE events (id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, source_id VARCHAR,"
                " target_id VARCHAR, type VARCHAR NOT NULL, cameo VARCHAR, mode VARCHAR, context VARCHAR,"
                " date_iso VARCHAR, date_start DATE, date_end DATE, date_reason VARCHAR, status VARCHAR NOT NULL,"
                " status_cue VARCHAR, attributed_to VARCHAR[], denied_by VARCHAR[], relation VARCHAR)")
    con.close()
    with pytest.raises(MultipolarError):  # a reader cannot migrate it
        Store.open(str(db), read_only=True)
    with Store.open(str(db)) as store:
        columns = {r[0] for r in store.con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'events'").fetchall()}
        version = store.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
    assert {"source_principal_id", "target_principal_id"} <= columns
    assert version == str(SCHEMA_VERSION)


def test_events_of_a_version_2_store_gain_principals_of_known_people(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("By Desk, 10 May 2024\n\nVladimir Putin signed a grain deal with Recep Tayyip "
                                    "Erdogan in Ankara on Tuesday.\n", encoding="utf-8")
    db = tmp_path / "a.duckdb"
    assert run_cli("ingest", str(tmp_path / "a.txt"), "--db", str(db))[0] == 0
    con = duckdb.connect(str(db))  # make it a store of version 2, as an older multipolar left it
    con.execute("ALTER TABLE events DROP COLUMN source_principal_id")
    con.execute("ALTER TABLE events DROP COLUMN target_principal_id")
    con.execute("DELETE FROM actors WHERE id IN ('RUS', 'TUR')")
    con.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    con.close()
    with Store.open(str(db)):  # opened for writing: migrated
        pass
    code, stdout, _ = run_cli("relations", "--db", str(db), "--json")
    assert code == 0
    assert {(r["source"], r["target"]) for r in json.loads(stdout)} & {("RUS", "TUR"), ("TUR", "RUS")}
    _, stdout, _ = run_cli("export", "--db", str(db))
    assert {"RUS", "TUR"} <= {a["id"] for a in json.loads(stdout)["actors"]}


def _recognition(event_id: str, day: str) -> dict:
    return {"id": event_id, "source_id": "PAK", "target_id": "TALIBAN", "type": "SUPPORT",
            "relation": "recognizes", "date_iso": day}


def test_a_recognition_renewed_after_the_regime_returned_is_a_new_period() -> None:
    from multipolar.store.relations import _fold

    periods = _fold("recognizes", [_recognition("e1", "1997-05-26"), _recognition("e2", "2024-06-01")])
    assert [(p.since, p.until, p.events) for p in periods] == [
        ("1997-05-26", "2001-12-07", ["e1"]), ("2024-06-01", None, ["e2"])]
    assert periods[1].holds_on("2024-06")


@pytest.mark.parametrize("actor, start, end, expected", [
    ("AL_SHARAA", date(2018, 1, 1), None, "HTS"),  # before the government he now serves existed
    ("AL_SHARAA", date(2025, 3, 1), None, "SYR"),
    ("MEDVEDEV", date(2008, 1, 1), date(2008, 12, 31), "RUS"),  # "in 2008": president from May
])
def test_principals_follow_the_event_dates(actor: str, start: date, end: date | None, expected: str) -> None:
    assert load_actor_base().principal_of(actor, start, end) == expected


@pytest.mark.parametrize("introduced, expected", [
    ("Maria Hansen, Norway's foreign minister,", "NOR"),
    ("Maria Hansen, Norway's ambassador to the European Union,", "NOR"),  # a name is no qualifier
    ("Maria Hansen, Norway's president-elect,", None),  # not yet in office
    ("Maria Hansen, the Norwegian union chief,", None),  # no office of the state
    ("Maria Hansen, Norway's former foreign minister,", None),
])
def test_who_holds_an_office_of_the_state(introduced: str, expected: str | None) -> None:
    from .events_helper import events_of

    text = f"{introduced} arrived in Santiago on Monday. Hansen praised Chile on Tuesday."
    praise = [e for e in events_of(text, "2024-03-10") if e.type == "SUPPORT"]
    assert praise and praise[0].source == "person:maria-hansen"
    assert praise[0].source_principal == expected
