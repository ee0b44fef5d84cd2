"""Corpus inputs (JSONL.gz, Parquet with a text column), the Parquet datasets a corpus ingest
writes (DuckDB reads them as the store's tables), partition-level resuming, and the cached
relation periods (equal to a fresh derivation, and not trusted once stale)."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from multipolar.scale.corpus import generate
from multipolar.store import Store, queries
from multipolar.store.derived import is_fresh
from multipolar.store.relations import derive_relations, fold_all

from .conftest import run_cli


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, str]]:
    folder = tmp_path_factory.mktemp("generated")
    generate(folder, 30, seed=11)
    return [{"id": p.stem, "text": p.read_text(encoding="utf-8"), "source": f"wire-{int(p.stem) % 3}"}
            for p in sorted(folder.glob("*.txt"))]


def _events(db: Path) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("SELECT doc_id, source_id, target_id, type, date_iso, status FROM events"
                           " ORDER BY ALL").fetchall()


def test_jsonl_gz_and_parquet_give_the_same_events_as_jsonl(records: list[dict[str, str]], tmp_path: Path) -> None:
    plain = tmp_path / "c.jsonl"
    plain.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    packed = tmp_path / "c.jsonl.gz"
    with gzip.open(packed, "wt", encoding="utf-8") as stream:
        stream.write(plain.read_text(encoding="utf-8"))
    table = tmp_path / "c.parquet"
    pq.write_table(pa.Table.from_pylist(records), table, row_group_size=7)
    results = []
    for path in (plain, packed, table):
        db = tmp_path / f"{path.name}.duckdb"
        code, stdout, stderr = run_cli("ingest", str(path), "--db", str(db))
        assert code == 0, stderr
        assert stdout.startswith("30 ingested")
        results.append(_events(db))
    assert results[0] and results[0] == results[1] == results[2]
    with Store.open(str(tmp_path / "c.parquet.duckdb"), create=False, read_only=True) as store:
        docs = store.documents()
    assert {d["format"] for d in docs} == {"parquet"} and docs[0]["source"].startswith("wire-")


def test_parquet_without_id_column_numbers_its_rows(records: list[dict[str, str]], tmp_path: Path) -> None:
    path = tmp_path / "feed.parquet"
    pq.write_table(pa.table({"text": [r["text"] for r in records[:3]]}), path)
    db = tmp_path / "f.duckdb"
    assert run_cli("ingest", str(path), "--db", str(db))[0] == 0
    with Store.open(str(db), create=False, read_only=True) as store:
        assert sorted(d["id"] for d in store.documents()) == ["feed-1", "feed-2", "feed-3"]


@pytest.mark.parametrize("name, data, code", [
    ("notext.parquet", "parquet-without-text", "MP113"),
    ("broken.parquet", b"PAR1 this is not parquet", "MP112"),
])
def test_bad_parquet_is_one_coded_line(name: str, data: object, code: str, tmp_path: Path) -> None:
    path = tmp_path / name
    if data == "parquet-without-text":
        pq.write_table(pa.table({"body": ["Japan signed a pact with India."]}), path)
    else:
        path.write_bytes(data)  # type: ignore[arg-type]
    exit_code, _, stderr = run_cli("ingest", str(path), "--db", str(tmp_path / "x.duckdb"))
    assert exit_code != 0 and f"{code}: " in stderr and "Traceback" not in stderr


def test_truncated_gzip_keeps_the_lines_before_the_break(records: list[dict[str, str]], tmp_path: Path) -> None:
    whole = gzip.compress("".join(json.dumps(r) + "\n" for r in records).encode("utf-8"))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(whole[: len(whole) * 2 // 3])
    db = tmp_path / "cut.duckdb"
    exit_code, stdout, stderr = run_cli("ingest", str(path), "--db", str(db))
    assert exit_code == 0 and "MP112: unreadable jsonl.gz file" in stderr
    ingested = int(stdout.split(" ingested")[0])
    assert 0 < ingested < len(records) and "1 failed" in stdout


def test_parquet_datasets_are_the_store_tables(records: list[dict[str, str]], tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    db, parts = tmp_path / "p.duckdb", tmp_path / "p.parts"
    code, stdout, _ = run_cli("ingest", str(corpus), "--db", str(db), "--parts", str(parts), "--partition-size", "4")
    assert code == 0 and f"Parquet datasets in {parts}" in stdout
    assert len(list((parts / "documents").glob("*.parquet"))) == 8  # 30 documents, 4 a partition
    with duckdb.connect(str(db), read_only=True) as con:
        for table in ("documents", "events", "evidence", "mentions", "sentences"):
            stored = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            dataset = con.execute(f"SELECT count(*) FROM read_parquet('{parts / table}/*.parquet')").fetchone()[0]
            assert stored == dataset > 0, table
        ids = con.execute(f"SELECT id FROM read_parquet('{parts}/events/*.parquet') EXCEPT SELECT id FROM events")
        assert ids.fetchall() == []


def test_rerun_skips_whole_partitions(records: list[dict[str, str]], tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records[:10]), encoding="utf-8")
    db = tmp_path / "r.duckdb"
    assert run_cli("ingest", str(corpus), "--db", str(db), "--partition-size", "4")[0] == 0
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records[:14]), encoding="utf-8")
    code, stdout, _ = run_cli("ingest", str(corpus), "--db", str(db), "--partition-size", "4")
    # partitions 1-2 (8 documents) are skipped whole; partition 3 held 2 stored documents
    # and now gets 2 more, so it is new: 2 of it are already stored, 2 are ingested; then 2.
    assert code == 0 and stdout.startswith("4 ingested, 10 already in the store")
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 14
        assert con.execute("SELECT count(*) FROM partitions").fetchone()[0] == 3 + 2


@pytest.fixture(scope="module")
def generated_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("derived")
    generate(folder / "corpus", 40, seed=3)
    db = folder / "derived.duckdb"
    assert run_cli("ingest", str(folder / "corpus"), "--db", str(db))[0] == 0
    return db


def test_cached_relations_equal_a_fresh_fold_and_stale_ones_are_not_used(generated_store: Path, tmp_path: Path) -> None:
    db = tmp_path / "rel.duckdb"
    shutil.copy(generated_store, db)
    with Store.open(str(db)) as store:
        fresh = [p.as_dict() for p in fold_all(store)]
        assert fresh and [p.as_dict() for p in derive_relations(store)] == fresh
        day = "2021-06-01"
        expected = [p for p in fresh if p["kind"] == "cooperates" and
                    (p["since"] is None or p["since"][:len(day)] <= day) and (p["until"] is None or p["until"] > day)]
        assert [p.as_dict() for p in derive_relations(store, kind="cooperates", as_of=day)] == expected
        store.con.execute("DELETE FROM relation_periods")  # stale: the marker no longer matches...
        store.con.execute("UPDATE meta SET value = 'old' WHERE key = 'relation_periods_marker'")
        assert [p.as_dict() for p in derive_relations(store)] == fresh  # ...so it is derived again


def test_cached_timeline_equals_the_events_query(generated_store: Path, tmp_path: Path) -> None:
    db = tmp_path / "tl.duckdb"
    shutil.copy(generated_store, db)
    with Store.open(str(db)) as store:
        actor = store.con.execute("SELECT source_id FROM events GROUP BY ALL ORDER BY count(*) DESC, 1 LIMIT 1").fetchone()[0]
        other = store.con.execute("SELECT target_id FROM events WHERE source_id = ? LIMIT 1", [actor]).fetchone()[0]
        assert is_fresh(store, "actor_timeline")
        cached = [queries.timeline(store, actor), queries.timeline(store, actor, limit=3, offset=2),
                  queries.timeline(store, actor, other), queries.timeline_totals(store, actor),
                  queries.timeline(store, actor, actor), queries.timeline(store, other, actor)]
        store.con.execute("UPDATE meta SET value = 'old' WHERE key = 'actor_timeline_marker'")
        assert not is_fresh(store, "actor_timeline")
        fresh = [queries.timeline(store, actor), queries.timeline(store, actor, limit=3, offset=2),
                 queries.timeline(store, actor, other), queries.timeline_totals(store, actor),
                 queries.timeline(store, actor, actor), queries.timeline(store, other, actor)]
    assert cached == fresh and len(cached[0][0]) > 3 and len(cached[1][0]) == 3


def test_small_ingests_update_the_derived_tables_as_a_full_build_would(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    generate(folder, 60, seed=13)
    files = sorted(folder.glob("*.txt"))
    first, rest = tmp_path / "first", tmp_path / "rest"
    first.mkdir()
    rest.mkdir()
    for i, path in enumerate(files):
        shutil.copy(path, (first if i < 57 else rest) / path.name)
    stepwise, whole = tmp_path / "stepwise.duckdb", tmp_path / "whole.duckdb"
    assert run_cli("ingest", str(first), "--db", str(stepwise))[0] == 0
    for path in sorted(rest.iterdir()):  # one article at a time: each an incremental update
        assert run_cli("ingest", str(path), "--db", str(stepwise))[0] == 0
    assert run_cli("ingest", str(first), str(rest), "--db", str(whole))[0] == 0
    answers = []
    for db in (stepwise, whole):
        with Store.open(str(db), create=False, read_only=True) as store:
            assert is_fresh(store, "actor_timeline") and is_fresh(store, "relation_periods")
            marker = store.con.execute("SELECT value FROM meta WHERE key = 'actor_timeline_marker'").fetchone()[0]
            actors = [r[0] for r in store.con.execute("SELECT DISTINCT actor_id FROM actor_timeline ORDER BY 1").fetchall()]
            answers.append((marker.split(":")[1], [p.as_dict() for p in derive_relations(store)],
                            [queries.timeline(store, a) for a in actors]))
    assert answers[0][1] == answers[1][1] and answers[0][2] == answers[1][2] and answers[0][0] == answers[1][0]
    with Store.open(str(stepwise), create=False, read_only=True) as store:
        base = store.con.execute("SELECT value FROM meta WHERE key = 'actor_timeline_marker'").fetchone()[0]
    assert base.split(":")[2] != base.split(":")[1]  # the last steps were incremental


def test_parquet_rows_without_ids_are_known_by_their_text(records: list[dict[str, str]], tmp_path: Path) -> None:
    path, db = tmp_path / "feed.parquet", tmp_path / "feed.duckdb"
    pq.write_table(pa.table({"text": [r["text"] for r in records[:2]]}), path)
    assert run_cli("ingest", str(path), "--db", str(db))[0] == 0
    pq.write_table(pa.table({"text": [records[2]["text"]] + [r["text"] for r in records[:2]]}), path)
    code, stdout, _ = run_cli("ingest", str(path), "--db", str(db))
    assert code == 0 and stdout.startswith("1 ingested, 2 already in the store")


def test_parquet_ids_must_be_strings_and_text_may_be_dictionary_encoded(records: list[dict[str, str]], tmp_path: Path) -> None:
    numbered = tmp_path / "numbered.parquet"
    pq.write_table(pa.table({"id": [1, 2], "text": [r["text"] for r in records[:2]]}), numbered)
    code, _, stderr = run_cli("ingest", str(numbered), "--db", str(tmp_path / "n.duckdb"))
    assert code != 0 and "MP113: Parquet file has no string column 'id'" in stderr
    categorical = tmp_path / "categorical.parquet"
    texts = pa.array([r["text"] for r in records[:2]] + [records[0]["text"]]).dictionary_encode()
    pq.write_table(pa.table({"id": ["a", "", "c"], "text": texts}), categorical)
    code, stdout, stderr = run_cli("ingest", str(categorical), "--db", str(tmp_path / "c.duckdb"))
    assert code == 0 and stdout.startswith("2 ingested") and "MP114: Parquet row 2: no id" in stderr


def test_dataset_files_of_partitions_never_loaded_are_removed(records: list[dict[str, str]], tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records[:6]), encoding="utf-8")
    db, parts = tmp_path / "o.duckdb", tmp_path / "o.parts"
    (parts / "events").mkdir(parents=True)
    (parts / "events" / "0123abcd-1.parquet").write_bytes(b"left by a killed run")
    (parts / "events" / ".4567-1.parquet.partial").write_bytes(b"half written")
    assert run_cli("ingest", str(corpus), "--db", str(db), "--parts", str(parts), "--partition-size", "4")[0] == 0
    names = sorted(p.name for p in (parts / "events").iterdir())
    with duckdb.connect(str(db), read_only=True) as con:
        stems = sorted(r[0] for r in con.execute("SELECT key || '-' || attempt FROM partitions").fetchall())
    assert names == [f"{s}.parquet" for s in stems] and len(names) == 2


def test_documents_whose_stages_failed_run_again(records: list[dict[str, str]], tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A fault injected into the events stage for one document: the run records it as failed;
    the next run retries it alone (the partition's second attempt) and stores it."""
    import multipolar.ingest as ingest_module
    from multipolar.model import SourceDocument

    real = ingest_module.stage_events

    def failing(doc):  # type: ignore[no-untyped-def]
        if doc.id == "r1":
            raise RuntimeError("injected fault")
        return real(doc)

    sources = [SourceDocument(id=f"r{i}", text=r["text"], path="-", given_id=True) for i, r in enumerate(records[:3])]
    with Store.open(str(tmp_path / "retry.duckdb")) as store:
        monkeypatch.setattr(ingest_module, "stage_events", failing)
        first = ingest_module.ingest_items(store, sources)
        monkeypatch.setattr(ingest_module, "stage_events", real)
        second = ingest_module.ingest_items(store, sources)
        third = ingest_module.ingest_items(store, sources)
        stored = sorted(d["id"] for d in store.documents())
        attempts = store.con.execute("SELECT attempt, documents FROM partitions ORDER BY attempt").fetchall()
        failures = [f["code"] for f in store.failures()]
    assert (first.ingested, first.failed) == (2, 1) and "injected fault" in first.failures[0].message
    assert (second.ingested, second.already, second.failed) == (1, 2, 0)
    assert (third.ingested, third.already, third.partitions_skipped) == (0, 3, 1) and third.last_document == "r2"
    assert stored == ["r0", "r1", "r2"] and attempts == [(1, 3), (2, 1)] and failures == ["MP111"]


def test_a_run_that_finds_everything_stored_still_brings_stale_tables_up_to_date(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    generate(folder, 5, seed=2)
    db = tmp_path / "s.duckdb"
    assert run_cli("ingest", str(folder), "--db", str(db))[0] == 0
    with Store.open(str(db)) as store:
        store.con.execute("DELETE FROM meta WHERE key LIKE '%_marker'")  # as if killed before the refresh
    code, stdout, _ = run_cli("ingest", str(folder), "--db", str(db))
    assert code == 0 and stdout.startswith("0 ingested, 5 already")
    with Store.open(str(db), create=False, read_only=True) as store:
        assert is_fresh(store, "actor_timeline") and is_fresh(store, "relation_periods")
