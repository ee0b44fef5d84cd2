"""The event commands: events, timeline, relations, explain and the export formats."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from .conftest import SEED, needs_shared, run_cli

ARTICLE = """By Staff Writer, 4 June 2023

Kenya and Ethiopia signed a trade agreement in Nairobi on Friday. Ethiopia's army attacked
rebel positions near the border with Sudan in May 2023. Sudan condemned the attack.
"""


@pytest.fixture(scope="module")
def small_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("small")
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    db = folder / "a.duckdb"
    code, stdout, _ = run_cli("ingest", str(folder / "a.txt"), "--db", str(db))
    assert code == 0 and " events" in stdout
    return db


def test_events_lists_dated_events_with_evidence(small_db: Path) -> None:
    code, stdout, _ = run_cli("events", "--db", str(small_db), "--json")
    rows = json.loads(stdout)
    deal = next(r for r in rows if r["type"] == "SUPPORT")
    assert {deal["source_id"], deal["target_id"]} == {"KEN", "ETH"}
    assert deal["date_iso"] == "2023-06-02"  # "on Friday" before Sunday 4 June 2023
    assert "signed a trade agreement" in deal["sentence"]


@pytest.mark.parametrize("args, expected", [
    (["--type", "ASSAULT"], {"ASSAULT"}), (["--actor", "Nairobi"], {"SUPPORT"}),
    (["--since", "2023-06"], {"SUPPORT"}), (["--until", "2023-05"], {"ASSAULT"}),
])
def test_events_filters(small_db: Path, args: list[str], expected: set[str]) -> None:
    code, stdout, _ = run_cli("events", "--db", str(small_db), "--json", *args)
    assert code == 0
    assert {r["type"] for r in json.loads(stdout)} >= expected
    assert all(r["type"] in expected or r["type"] == "ACCUSE" for r in json.loads(stdout))


@pytest.mark.parametrize("args, code", [(["--type", "HUG"], "MP303"), (["--status", "maybe"], "MP303"),
                                        (["--since", "2023-13"], "MP109"), (["--actor", "Atlantis"], "MP304")])
def test_events_rejects_bad_filters(small_db: Path, args: list[str], code: str) -> None:
    exit_code, _, stderr = run_cli("events", "--db", str(small_db), *args)
    assert exit_code != 0 and stderr.startswith(code)


def test_export_formats(small_db: Path) -> None:
    for fmt in ("facts", "plover", "csv"):
        code, stdout, _ = run_cli("export", "--db", str(small_db), "--format", fmt)
        assert code == 0, fmt
    _, plover, _ = run_cli("export", "--db", str(small_db), "--format", "plover")
    records = [json.loads(line) for line in plover.splitlines()]
    assert all({"id", "date", "actor", "event", "text"} <= set(r) for r in records)
    _, flat, _ = run_cli("export", "--db", str(small_db), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(flat)))
    assert rows and all(r["sentence"] and r["doc_id"] == "a" for r in rows)
    code, _, stderr = run_cli("export", "--db", str(small_db), "--format", "xml")
    assert code == 2 and stderr.startswith("MP301")


def test_article_without_events_says_zero(tmp_path: Path) -> None:
    path = tmp_path / "quiet.txt"
    path.write_text("The weather was mild and the harvest was good this year.", encoding="utf-8")
    code, stdout, _ = run_cli("ingest", str(path), "--db", str(tmp_path / "q.duckdb"))
    assert code == 0 and "0 events" in stdout


def test_unreadable_date_phrase_is_recorded_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "odd.txt"
    path.write_text("By A Reporter, 3 May 2024\n\nOn February 30, Chile attacked Peru's border posts.",
                    encoding="utf-8")
    db = tmp_path / "o.duckdb"
    code, _, _ = run_cli("ingest", str(path), "--db", str(db))
    assert code == 0
    _, stdout, _ = run_cli("docs", "--db", str(db), "--json")
    [doc] = json.loads(stdout)
    assert any("february 30" in note.lower() for note in doc["notes"])
    _, stdout, _ = run_cli("events", "--db", str(db), "--json")
    assert all(r["date_iso"] is None for r in json.loads(stdout))


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the seed article."""
    if not SEED.exists():
        pytest.skip("../shared (the seed article) is not beside the checkout")
    db = tmp_path_factory.mktemp("seed") / "s.duckdb"
    assert run_cli("ingest", str(SEED), "--db", str(db))[0] == 0
    return db


@needs_shared
class TestSeed:
    def test_who_recognizes_the_taliban_on_a_date(self, db: Path) -> None:
        _, stdout, _ = run_cli("relations", "--db", str(db), "--as-of", "2025-08-01", "--kind", "recognizes",
                               "--actor", "Taliban", "--json")
        holders = {r["source"] for r in json.loads(stdout)}
        assert "RUS" in holders and "PAK" not in holders and "GULF_MONARCHIES" not in holders
        _, stdout, _ = run_cli("relations", "--db", str(db), "--as-of", "2025-06-15", "--kind", "recognizes",
                               "--json")
        assert not json.loads(stdout)

    def test_bounty_story_is_reported_and_denied(self, db: Path) -> None:
        _, stdout, _ = run_cli("events", "--db", str(db), "--status", "reported", "--type", "AID", "--json")
        [bounty] = json.loads(stdout)
        assert {"NYT", "THE_INSIDER"} <= set(bounty["attributed_to"])
        assert {"RUS", "TALIBAN"} <= set(bounty["denied_by"])

    def test_crocus_attack_is_attributed_to_iskp(self, db: Path) -> None:
        _, stdout, _ = run_cli("events", "--db", str(db), "--actor", "IS-KP", "--type", "ASSAULT",
                               "--since", "2024-03", "--until", "2024-03", "--json")
        [attack] = json.loads(stdout)
        assert (attack["source_id"], attack["target_id"], attack["date_iso"]) == ("ISKP", "RUS", "2024-03")
        _, stdout, _ = run_cli("explain", attack["id"], "--db", str(db))
        assert "Crocus City Hall" in stdout and "planned by IS-KP" in stdout

    def test_june_30_is_2024(self, db: Path) -> None:
        _, stdout, _ = run_cli("events", "--db", str(db), "--type", "CONSULT", "--since", "2024-06-30",
                               "--until", "2024-06-30", "--json")
        assert [r["source_id"] for r in json.loads(stdout)] == ["TALIBAN"]

    def test_timeline_orders_dated_events(self, db: Path) -> None:
        code, stdout, _ = run_cli("timeline", "Taliban", "Russia", "--db", str(db))
        assert code == 0 and stdout.index("201") < stdout.index("2025-07")
