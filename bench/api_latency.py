"""Timeline and relations-as-of latency over a store of 1,000,000 events, direct and over HTTP.

Builds a synthetic store (deterministic, seeded) through the store's own bulk loader (Arrow
tables per partition, as a corpus ingest loads them) and derives its relations, starts the
real HTTP server (uvicorn on 127.0.0.1) in this process, then times, for the actor timeline
and relations-as-of, N direct calls of the query function and N requests to the endpoint
that uses it. Prints p50/p95 of both, and the ratio at p50 of the API over the direct call
(the baseline measured in the same run). Goals: p50 under 50 ms; API overhead under 2x.
Usage: python bench/api_latency.py [EVENTS] [REQUESTS]   (defaults 1000000, 40)"""

from __future__ import annotations

import random
import socket
import statistics
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path

import httpx
import uvicorn

from multipolar.api import create_app
from multipolar.knowledge import load_actor_base
from multipolar.knowledge.lexicon import PLOVER_TYPES
from multipolar.model import Document, Event, EventDate, Evidence
from multipolar.ingest import ingest_items
from multipolar.model import SourceDocument
from multipolar.pipeline.parse import load_nlp
from multipolar.store import Store, queries
from multipolar.store.db import Partition
from multipolar.store.derived import refresh_derived
from multipolar.store.relations import count_relations
from multipolar.store.tables import partition_tables

STATUSES = ("asserted", "asserted", "asserted", "reported", "negated", "hypothetical")


def build(path: str, n_events: int, seed: int = 7) -> list[str]:
    """A store with `n_events` events among the first 150 states, in documents of 1,000,
    loaded 20 documents at a time."""
    rng = random.Random(seed)
    base = load_actor_base()
    states = sorted(a for a, e in base.entries.items() if e.actor.kind == "state")[:150]
    aliases = {a: {base.actor(a).name} for a in states}
    with Store.open(path) as store:
        batch = []
        for d in range(0, n_events, 1000):
            doc = Document(id=f"bench-{d // 1000}", text="synthetic", content_hash=f"bench-{d}", path="-")
            doc.actors = {a: base.actor(a) for a in states}
            for i in range(d, min(d + 1000, n_events)):
                source, target = rng.sample(states, 2)
                day = date(2000, 1, 1) + timedelta(days=rng.randrange(9000))
                kind = rng.choice(PLOVER_TYPES)
                sentence = f"{source} {kind.lower()} {target} on {day.isoformat()}."
                doc.events.append(Event(
                    id=f"ev{i}", source=source, target=target, type=kind, cameo="010",
                    status=rng.choice(STATUSES), date=EventDate(day.isoformat(), day, day, "synthetic"),
                    relation="recognizes" if kind == "SUPPORT" and rng.random() < 0.1 else None,
                    evidence=[Evidence(doc.id, 0, 0, len(sentence), sentence, 4, 8, kind.lower())]))
            batch.append((doc, aliases))
            if len(batch) == 20 or d + 1000 >= n_events:
                store.load(partition_tables(batch), Partition(f"bench-{d}", 1, doc.id, len(batch), 0))
                batch = []
        refresh_derived(store)
    return states


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[int(0.95 * (len(ordered) - 1))]


def timed(fn, n: int) -> list[float]:  # type: ignore[no-untyped-def]
    fn()  # warm up
    out = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def main() -> None:
    n_events = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "bench.duckdb")
        start = time.perf_counter()
        states = build(path, n_events)
        print(f"built {n_events} events in {time.perf_counter() - start:.1f}s")
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        app = create_app(path)
        server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        actor = states[0]
        with Store.open(path, create=False, read_only=True) as store, \
                httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
            page = 1000  # the API's default page
            cases = [
                ("timeline page", lambda: (queries.timeline(store, actor, limit=page),
                                           queries.timeline_totals(store, actor)),
                 lambda: client.get(f"/api/timeline/{actor}").raise_for_status()),
                ("relations as of", lambda: (queries.relation_records(store, as_of="2010-06-01", limit=page),
                                             count_relations(store, as_of="2010-06-01")),
                 lambda: client.get("/api/relations", params={"as_of": "2010-06-01"}).raise_for_status()),
                ("actor relations", lambda: (queries.relation_records(store, actor=actor, as_of="2010-06-01",
                                                                      limit=page),
                                             count_relations(store, actor=actor, as_of="2010-06-01")),
                 lambda: client.get("/api/relations", params={"as_of": "2010-06-01", "actor": actor}
                                    ).raise_for_status()),
            ]
            dated, undated = queries.timeline_totals(store, actor)
            print(f"timeline of {actor}: {dated + undated} events; relations as of 2010-06-01:"
                  f" {count_relations(store, as_of='2010-06-01')} (pages of {page})")
            print(f"{'query':<18}{'direct p50':>12}{'p95':>9}{'API p50':>11}{'p95':>9}{'ratio p50':>11}")
            for name, direct, http in cases:
                d50, d95 = percentiles(timed(direct, n))
                a50, a95 = percentiles(timed(http, n))
                print(f"{name:<18}{d50:>10.1f}ms{d95:>7.1f}ms{a50:>9.1f}ms{a95:>7.1f}ms{a50 / d50:>10.2f}x")
        server.should_exit = True
        thread.join(timeout=10)
        app.state.database.close()
        refresh_times(path)


def refresh_times(path: str) -> None:
    """How long the derived tables take to catch up after one more article: incremental (only
    its events and the pairs they touch) against a full rebuild, on the same store."""
    article = SourceDocument(id="one-more", format="text", path="-", text=(
        "By Wire Desk, 3 March 2024\n\nChile signed a trade agreement with Peru on Monday. "
        "Chile accused Bolivia of spying on 1 March 2024."))
    load_nlp()  # the model loads outside the timing
    with Store.open(path) as store:
        start = time.perf_counter()
        ingest_items(store, [article])  # its stages and load, then the incremental refresh
        with_refresh = time.perf_counter() - start
        store.con.execute("DELETE FROM meta WHERE key LIKE '%_marker'")
        start = time.perf_counter()
        refresh_derived(store)
        full = time.perf_counter() - start
    print(f"one more article: ingest with incremental refresh {with_refresh:.2f}s; full rebuild {full:.2f}s")


if __name__ == "__main__":
    main()
