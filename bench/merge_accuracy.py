"""Cross-document merge accuracy on the generated corpus: duplicates merged, distinct events
kept apart, against the baseline of no merging measured on the same store.

The generator retells a share of its events in later articles and writes, per article, gold
facts whose event ids are the same for every retelling of one real event. Each stored event
is matched to its article's gold (same actors, type and date); then the merged events of the
facts export are compared with the gold identities, pair by pair of reports.
Usage: python bench/merge_accuracy.py [ARTICLES]   (default 300)
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections import Counter
from itertools import combinations
from pathlib import Path

from multipolar.ingest import ingest
from multipolar.scale.corpus import generate
from multipolar.store import Store
from multipolar.store.merge import SYMMETRIC, merged_events


def gold_keys(folder: Path) -> dict[tuple[str, str, str, str, str | None], str]:
    """(document, source, target, type, date) -> the real event's id, from the gold files."""
    keys = {}
    for path in folder.glob("*.gold.json"):
        doc = path.name.removesuffix(".gold.json")
        for e in json.loads(path.read_text(encoding="utf-8"))["events"]:
            keys[(doc, e["source"], e["target"], e["type"], e["date"])] = e["id"]
            if e["type"] in SYMMETRIC:
                keys[(doc, e["target"], e["source"], e["type"], e["date"])] = e["id"]
    return keys


def pair_scores(truth: dict[str, str], cluster: dict[str, int]) -> tuple[float, float]:
    """Pairwise precision and recall of the clustering of reports against their true events."""
    same_both = same_cluster = same_truth = 0
    for a, b in combinations(sorted(truth), 2):
        in_cluster, in_truth = cluster[a] == cluster[b], truth[a] == truth[b]
        same_cluster += in_cluster
        same_truth += in_truth
        same_both += in_cluster and in_truth
    return (same_both / same_cluster if same_cluster else 1.0), (same_both / same_truth if same_truth else 1.0)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        generate(folder, n, seed=21)
        keys = gold_keys(folder)
        with Store.open(str(Path(tmp) / "m.duckdb")) as store:
            ingest(store, [str(folder)])
            events = store.rows("SELECT id, doc_id, source_id, target_id, type, date_iso FROM events"
                                " WHERE status = 'asserted'")
            merged = merged_events(store)
    truth = {}
    for e in events:
        key = keys.get((e["doc_id"], e["source_id"], e["target_id"], e["type"], e["date_iso"]))
        if key is not None:
            truth[e["id"]] = key
    cluster = {member: i for i, m in enumerate(merged) for member in m["merged"] if member in truth}
    real = Counter(truth.values())
    clusters = Counter(cluster.values())
    retold = [k for k, count in real.items() if count > 1]
    clusters_of = {k: {cluster[r] for r, t in truth.items() if t == k} for k in real}
    keys_in = {c: {truth[r] for r, x in cluster.items() if x == c} for c in clusters}
    precision, recall = pair_scores(truth, cluster)
    shape = {}  # a real event's actors and type (symmetric types in either order)
    for e in events:
        if e["id"] in truth:
            ends = (e["source_id"], e["target_id"])
            shape[truth[e["id"]]] = (*(sorted(ends) if e["type"] in SYMMETRIC else ends), e["type"])
    repeats = sum(n for n in Counter(shape.values()).values() if n > 1)
    print(f"{n} articles: {len(events)} asserted event reports, {len(truth)} matched to gold,"
          f" {len(real)} real events ({len(retold)} told by more than one article;"
          f" {repeats} share their actors and type with another real event)")
    print(f"baseline, no merging: {len(truth)} events for {len(real)} real ones"
          f" (inflation {len(truth) / len(real):.2f}x)")
    print(f"merged:               {len(clusters)} events for {len(real)} real ones"
          f" (inflation {len(clusters) / len(real):.2f}x)")
    print(f"duplicates merged: {sum(len(clusters_of[k]) == 1 for k in retold)}/{len(retold)} retold events"
          f" in one merged event; distinct events kept apart:"
          f" {sum(len(v) == 1 for v in keys_in.values())}/{len(keys_in)} merged events hold one real event")
    print(f"pairwise precision {precision:.3f} recall {recall:.3f}")


if __name__ == "__main__":
    main()
