"""The seed article end to end through the CLI and the shared scorer."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import SEED, SEED_GOLD, load_json, metric, needs_shared, run_cli, score

pytestmark = needs_shared


@pytest.fixture(scope="module")
def seed_export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("seed")
    db, out = folder / "s.duckdb", folder / "s.json"
    assert run_cli("ingest", str(SEED), "--db", str(db))[0] == 0
    assert run_cli("export", "--db", str(db), "--format", "facts", "-o", str(out))[0] == 0
    return out


def test_seed_actor_recall(seed_export: Path) -> None:
    assert metric(score(SEED_GOLD, seed_export), "actors") >= 0.90


def test_seed_published_from_hijri_dateline(seed_export: Path) -> None:
    [doc] = load_json(seed_export)["documents"]
    assert "2025-07-26" <= doc["published"] <= "2025-08-24"


def test_seed_kabul_and_taliban_are_one_actor(seed_export: Path) -> None:
    actors = {a["id"]: a for a in load_json(seed_export)["actors"]}
    assert "Islamic Emirate of Afghanistan" in actors["TALIBAN"]["aliases"]
    assert actors["PUTIN"]["country"] == "RUS"
    names = {a["name"] for a in actors.values()}
    assert "Der Spiegel" in names and "Daesh" not in names  # Daesh resolves to Islamic State
    assert actors["SPIEGEL"]["kind"] == "media"
