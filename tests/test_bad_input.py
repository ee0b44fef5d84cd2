"""Bad input: one coded line, a non-zero exit when nothing was ingested, a failures row per
bad document, and a store that still opens with its earlier documents intact."""

from __future__ import annotations

from pathlib import Path

import pytest

from multipolar.store import Store

from .conftest import run_cli

GOOD = "By A Reporter, 2 March 2020\n\nFrance and Germany held talks in Paris on trade.\n"


@pytest.fixture()
def store_with_one(tmp_path: Path) -> Path:
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    db = tmp_path / "s.duckdb"
    code, _, _ = run_cli("ingest", str(good), "--db", str(db))
    assert code == 0
    return db


def _doc_ids(db: Path) -> list[str]:
    with Store.open(str(db), create=False, read_only=True) as store:
        return [d["id"] for d in store.documents()]


def _failures(db: Path) -> list[str]:
    with Store.open(str(db), create=False, read_only=True) as store:
        return [f["code"] for f in store.failures()]


BAD_FILES = {
    "empty": ("empty.txt", b"   \n\n", "MP103"),
    "binary": ("blob.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "MP104"),
    "invalid-utf8": ("latin.txt", "Caf\u00e9 in M\u00fcnchen".encode("latin-1"), "MP105"),
    "malformed-jsonl": ("bad.jsonl", b'{"id": "a", "text": "ok"\n', "MP106"),
    "jsonl-missing-text": ("bad2.jsonl", b'{"id": "a"}\n', "MP106"),
    "html-no-text": ("empty.html", b"<html><head><title>x</title></head><body><nav></nav></body></html>", "MP107"),
    "unsupported": ("notes.pdf", b"%PDF-1.4", "MP108"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_gives_coded_line_and_keeps_store(name: str, tmp_path: Path, store_with_one: Path) -> None:
    filename, data, code = BAD_FILES[name]
    bad = tmp_path / filename
    bad.write_bytes(data)
    exit_code, _, stderr = run_cli("ingest", str(bad), "--db", str(store_with_one))
    assert exit_code != 0
    assert f"{code}: " in stderr
    assert "MP110: nothing was ingested" in stderr
    assert "Traceback" not in stderr
    assert _doc_ids(store_with_one) == ["good"]
    assert _failures(store_with_one) == [code]


def test_missing_path_fails_before_touching_store(tmp_path: Path, store_with_one: Path) -> None:
    exit_code, _, stderr = run_cli("ingest", str(tmp_path / "nope.txt"), "--db", str(store_with_one))
    assert exit_code != 0
    assert stderr.strip() == f"MP101: path not found: {tmp_path / 'nope.txt'}"
    assert _doc_ids(store_with_one) == ["good"]


def test_missing_path_creates_no_store(tmp_path: Path) -> None:
    db = tmp_path / "new.duckdb"
    exit_code, _, _ = run_cli("ingest", str(tmp_path / "nope.txt"), "--db", str(db))
    assert exit_code != 0 and not db.exists()


def test_directory_without_readable_files(tmp_path: Path, store_with_one: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "image.png").write_bytes(b"\x89PNG")
    exit_code, _, stderr = run_cli("ingest", str(folder), "--db", str(store_with_one))
    assert exit_code != 0
    assert "MP102: no readable documents in directory" in stderr
    assert _doc_ids(store_with_one) == ["good"]


def test_batch_keeps_good_documents_and_records_bad_ones(tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a.txt").write_text("Japan and India signed a defence pact in Tokyo.", encoding="utf-8")
    (folder / "b.txt").write_bytes(b"\xff\xfe\xfa broken")
    lines = '{"id": "j1", "text": "Brazil hosted talks with Argentina."}\nnot json\n'
    (folder / "c.jsonl").write_text(lines, encoding="utf-8")
    db = tmp_path / "batch.duckdb"
    exit_code, stdout, stderr = run_cli("ingest", str(folder), "--db", str(db))
    assert exit_code == 0
    assert "2 ingested" in stdout and "2 failed" in stdout
    assert sorted(_doc_ids(db)) == ["a", "j1"]
    assert sorted(_failures(db)) == ["MP105", "MP106"]


def test_unreadable_store_file_is_a_coded_error(tmp_path: Path) -> None:
    db = tmp_path / "not-a-db.duckdb"
    db.write_text("this is not a database", encoding="utf-8")
    good = tmp_path / "g.txt"
    good.write_text(GOOD, encoding="utf-8")
    exit_code, _, stderr = run_cli("ingest", str(good), "--db", str(db))
    assert exit_code != 0 and stderr.startswith("MP201: cannot open store")


def test_reading_commands_need_an_existing_store(tmp_path: Path) -> None:
    for command in ("docs", "actors", "export"):
        exit_code, _, stderr = run_cli(command, "--db", str(tmp_path / "none.duckdb"))
        assert exit_code != 0 and stderr.startswith("MP203"), command


def test_bad_published_option(tmp_path: Path) -> None:
    good = tmp_path / "g.txt"
    good.write_text(GOOD, encoding="utf-8")
    exit_code, _, stderr = run_cli("ingest", str(good), "--db", str(tmp_path / "x.duckdb"),
                                   "--published", "2024-02-30")
    assert exit_code != 0 and stderr.startswith("MP109")


def test_coded_errors_survive_pickling() -> None:
    """Errors raised on a Dask worker travel pickled: they must arrive as the same coded line."""
    import pickle

    from multipolar.errors import Code, MultipolarError

    error = MultipolarError(Code.MP111, exit_code=3, doc="d1", reason="boom")
    again = pickle.loads(pickle.dumps(error))
    assert isinstance(again, MultipolarError) and again.line == error.line and again.exit_code == 3


def test_unreachable_scheduler_is_a_coded_error_before_the_store(tmp_path: Path) -> None:
    good = tmp_path / "g.txt"
    good.write_text(GOOD, encoding="utf-8")
    db = tmp_path / "never.duckdb"
    exit_code, _, stderr = run_cli("ingest", str(good), "--db", str(db), "--scheduler", "no-port-here")
    assert exit_code != 0 and stderr.strip().splitlines()[-1].startswith("MP306: cannot reach the Dask scheduler")
    assert "Traceback" not in stderr and not db.exists()


@pytest.mark.parametrize("value", ["0001-00", "2024-05-00", "2024-13", "2023-02-30"])
def test_a_zero_or_impossible_month_or_day_is_a_coded_error(value: str) -> None:
    from multipolar.errors import MultipolarError
    from multipolar.pipeline.dateline import parse_explicit

    with pytest.raises(MultipolarError) as caught:
        parse_explicit(value, "query")
    assert caught.value.line.startswith("MP109: invalid date")
