"""Scale-out: a generated corpus ingested on a Dask LocalCluster (127.0.0.1, 2 workers) gives
exactly the facts export of the single-process path; the generator is deterministic and its
gold facts are what the pipeline finds."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from multipolar.scale.corpus import generate

from .conftest import CONTRACT, run_cli


def test_generator_is_deterministic(tmp_path: Path) -> None:
    generate(tmp_path / "a", 12, seed=5)
    generate(tmp_path / "b", 12, seed=5)
    generate(tmp_path / "c", 12, seed=6)
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert len(names) == 24
    assert all((tmp_path / "a" / n).read_bytes() == (tmp_path / "b" / n).read_bytes() for n in names)
    assert (tmp_path / "a" / "00000.txt").read_bytes() != (tmp_path / "c" / "00000.txt").read_bytes()
    gold = json.loads((tmp_path / "a" / "00000.gold.json").read_text())
    assert gold["events"] and all(e["evidence"][0] in (tmp_path / "a" / "00000.txt").read_text()
                                  for e in gold["events"])


@pytest.mark.skipif(not (CONTRACT / "score_set.py").exists(), reason="../shared (the scorers) is not beside the checkout")
def test_generated_facts_are_found(tmp_path: Path) -> None:
    generate(tmp_path, 20, seed=9)
    proc = subprocess.run([sys.executable, str(CONTRACT / "score_set.py"), str(tmp_path), "--cli",
                           str(Path(sys.executable).parent / "multipolar")], capture_output=True, text=True)
    line = proc.stdout.strip().splitlines()[-1]
    f1 = float(line.split("F1=")[1].split()[0])
    assert f1 >= 0.9, line


def test_dask_cluster_gives_the_same_facts(tmp_path: Path) -> None:
    from distributed import LocalCluster

    corpus = tmp_path / "corpus"
    generate(corpus, 200, seed=2)
    single, parallel = tmp_path / "single.duckdb", tmp_path / "parallel.duckdb"
    assert run_cli("ingest", str(corpus), "--db", str(single))[0] == 0
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster:
        # the workers write the Parquet datasets (a folder this process shares), this process loads them
        code, stdout, _ = run_cli("ingest", str(corpus), "--db", str(parallel), "--scheduler", cluster.scheduler_address,
                                  "--parts", str(tmp_path / "parallel.parts"))
    assert code == 0 and stdout.startswith("200 ingested")
    import duckdb

    with duckdb.connect(str(parallel), read_only=True) as con:
        dataset = con.execute(f"SELECT count(*) FROM read_parquet('{tmp_path}/parallel.parts/events/*.parquet')").fetchone()
        assert dataset == con.execute("SELECT count(*) FROM events").fetchone() and dataset[0] > 400
    exports = []
    for db in (single, parallel):
        out = db.with_suffix(".json")
        assert run_cli("export", "--db", str(db), "-o", str(out))[0] == 0
        exports.append(out.read_text(encoding="utf-8"))
    assert exports[0] == exports[1]
    assert len(json.loads(exports[0])["documents"]) == 200
    orders = [[d["id"] for d in json.loads(run_cli("docs", "--db", str(db), "--json")[1])] for db in (single, parallel)]
    assert orders[0] == orders[1]  # loaded in corpus order on both paths


def test_killed_ingestion_resumes_to_the_same_store(tmp_path: Path) -> None:
    """SIGKILL a 2,000-article ingest midway (once some partitions are written), then run it
    again: the store equals that of an uninterrupted run, nothing lost or doubled (a partition
    is loaded in one transaction with the record that it is done)."""
    import signal
    import time

    corpus = tmp_path / "corpus"
    generate(corpus, 2000, seed=4)
    cli = str(Path(sys.executable).parent / "multipolar")
    whole, killed = tmp_path / "whole.duckdb", tmp_path / "killed.duckdb"
    assert subprocess.run([cli, "ingest", str(corpus), "--db", str(whole)], capture_output=True).returncode == 0
    parts = tmp_path / "killed.parts"
    proc = subprocess.Popen([cli, "ingest", str(corpus), "--db", str(killed), "--parts", str(parts)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while _written(parts) < 30 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    loaded = _snapshot(killed)["partitions"]
    assert 0 < len(loaded) < 100
    again = subprocess.run([cli, "ingest", str(corpus), "--db", str(killed), "--parts", str(parts)],
                           capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    skipped = sum(row[3] for row in loaded)  # (key, attempt, first_item, documents, failed)
    assert again.stdout.startswith(f"{2000 - skipped} ingested, {skipped} already in the store")
    first, second = _snapshot(whole), _snapshot(killed)
    assert first == second
    assert len(second["documents"]) == 2000 and len(second["partitions"]) == 100
    exports = []
    for db in (whole, killed):
        out = db.with_suffix(".json")
        assert subprocess.run([cli, "export", "--db", str(db), "-o", str(out)], capture_output=True).returncode == 0
        exports.append(json.loads(out.read_text(encoding="utf-8")))
    assert exports[0] == exports[1]


def _written(parts: Path) -> int:
    folder = parts / "documents"
    return len(list(folder.glob("*.parquet"))) if folder.exists() else 0


def _snapshot(db: Path) -> dict[str, list[tuple]]:
    """Every row of every table, in a fixed order, without load times and row numbers."""
    import duckdb

    leave_out = {"ingested_at", "loaded_at", "failed_at", "id"}
    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()]
        snapshot = {}
        for table in sorted(tables):
            columns = [r[0] for r in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
                [table]).fetchall() if r[0] not in leave_out or (table != "failures" and r[0] == "id")]
            snapshot[table] = con.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY ALL").fetchall()
        return snapshot
    finally:
        con.close()


def test_the_same_slice_twice_in_flight_on_dask(tmp_path: Path) -> None:
    """Two files with one text, partitions of one: the second partition (same key) is in
    flight while the first runs; it is already there, never recorded on its own."""
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("By Desk, 2 May 2024\n\nPeru signed a trade agreement with Chile on Monday.\n",
                                     encoding="utf-8")
    db = tmp_path / "twice.duckdb"
    args = ["ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--db", str(db), "--partition-size", "1"]
    code, stdout, stderr = run_cli(*args, "--workers", "1")
    assert code == 0 and stdout.startswith("1 ingested, 1 already"), stderr
    code, stdout, _ = run_cli(*args)
    assert code == 0 and stdout.startswith("0 ingested, 2 already")
