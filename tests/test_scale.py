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
        code, stdout, _ = run_cli("ingest", str(corpus), "--db", str(parallel), "--scheduler", cluster.scheduler_address)
    assert code == 0 and stdout.startswith("200 ingested")
    exports = []
    for db in (single, parallel):
        out = db.with_suffix(".json")
        assert run_cli("export", "--db", str(db), "-o", str(out))[0] == 0
        exports.append(out.read_text(encoding="utf-8"))
    assert exports[0] == exports[1]
    assert len(json.loads(exports[0])["documents"]) == 200


def test_killed_ingestion_resumes_to_the_same_store(tmp_path: Path) -> None:
    """SIGKILL midway, then run again: nothing lost or doubled (one transaction per document,
    documents already stored are skipped by their content hash)."""
    import signal
    import time

    corpus = tmp_path / "corpus"
    generate(corpus, 150, seed=4)
    cli = str(Path(sys.executable).parent / "multipolar")
    whole, killed = tmp_path / "whole.duckdb", tmp_path / "killed.duckdb"
    assert subprocess.run([cli, "ingest", str(corpus), "--db", str(whole)], capture_output=True).returncode == 0
    proc = subprocess.Popen([cli, "ingest", str(corpus), "--db", str(killed)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(9)  # model loading plus part of the corpus
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    again = subprocess.run([cli, "ingest", str(corpus), "--db", str(killed)], capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert "already in the store" in again.stdout and not again.stdout.startswith("0 ingested")
    exports = []
    for db in (whole, killed):
        out = db.with_suffix(".json")
        assert subprocess.run([cli, "export", "--db", str(db), "-o", str(out)], capture_output=True).returncode == 0
        exports.append(json.loads(out.read_text(encoding="utf-8")))
    assert exports[0] == exports[1]
    assert len(exports[1]["documents"]) == 150
