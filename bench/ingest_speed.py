"""Ingestion words/s, end to end (stages + loading into DuckDB), against the bare spaCy pipeline
on the same text in the same run, and the scaling from 1 to 2 Dask workers.

Prints: bare spaCy words/s (the floor we pay), multipolar single-process words/s and its ratio
to the floor (goal >= 0.5), then multipolar on a LocalCluster (127.0.0.1) of 1 and of 2
worker processes, each warmed up first so that model loading is not timed, and the 2/1 ratio.
Usage: python bench/ingest_speed.py [WORDS]   (default 20000; the text is the seed and
development articles of ../shared, each copy a distinct record, or a generated corpus)
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import spacy

from multipolar.ingest import ingest_items
from multipolar.knowledge import load_actor_base
from multipolar.model import SourceDocument
from multipolar.pipeline.parse import MODEL, load_nlp
from multipolar.scale.corpus import generate
from multipolar.scale.dask_runner import DaskRunner, dask_client
from multipolar.store import Store

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def corpus(words: int) -> list[SourceDocument]:
    files = sorted(SHARED.glob("seed/*.txt")) + sorted(SHARED.glob("dev/*.txt"))
    if not files:  # no ../shared: generated wire stories instead
        folder = Path(tempfile.mkdtemp())
        files = generate(folder, 200, seed=1)
    base = [f.read_text(encoding="utf-8") for f in files]
    out, count = [], 0
    while count < words:
        for text in base:
            # jsonl records: the id is part of a record's identity, so copies are all ingested
            out.append(SourceDocument(id=f"copy-{len(out)}", text=text, path="-", format="jsonl", given_id=True))
            count += len(text.split())
    return out


def ingest_rate(docs: list[SourceDocument], words: int, runner=None) -> float:  # type: ignore[no-untyped-def]
    with tempfile.TemporaryDirectory() as tmp, Store.open(str(Path(tmp) / "b.duckdb")) as store:
        start = time.perf_counter()
        report = ingest_items(store, docs, runner=runner)
        elapsed = time.perf_counter() - start
    assert report.ingested == len(docs), report.summary
    return words / elapsed


def warm_up() -> None:
    load_nlp()
    load_actor_base()


def main() -> None:
    docs = corpus(int(sys.argv[1]) if len(sys.argv) > 1 else 20000)
    words = sum(len(d.text.split()) for d in docs)
    print(f"{len(docs)} documents, {words} words")
    bare = spacy.load(MODEL)
    load_nlp()  # both models load outside the timing
    start = time.perf_counter()
    list(bare.pipe([d.text for d in docs], batch_size=16))
    floor = words / (time.perf_counter() - start)
    print(f"{'bare spaCy (nlp.pipe), one process':<44}{floor:9.0f} words/s")
    single = ingest_rate(docs, words)
    print(f"{'multipolar ingest, one process':<44}{single:9.0f} words/s  ratio to bare spaCy {single / floor:.2f}")
    rates = {}
    for n in (1, 2):
        with dask_client(workers=n) as client:
            client.run(warm_up)  # on every worker: the model loads outside the timing
            rates[n] = ingest_rate(docs, words, DaskRunner(client))
        print(f"{f'multipolar ingest, Dask {n} worker(s)':<44}{rates[n]:9.0f} words/s  ratio to bare spaCy"
              f" {rates[n] / floor:.2f}")
    print(f"scaling 1 -> 2 workers: {rates[2] / rates[1]:.2f}x")


if __name__ == "__main__":
    main()
