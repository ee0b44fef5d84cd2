"""Words per second of multipolar's parse + actor stages against the bare spaCy pipeline,
measured in one process on the same text. Usage: python bench/nlp_speed.py [FILES...]
(default: the seed and dev articles of ../shared, repeated to about 20,000 words)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import spacy

from multipolar.ingest import content_hash
from multipolar.model import Document
from multipolar.pipeline.actors import stage_actors
from multipolar.pipeline.events import stage_events
from multipolar.pipeline.parse import MODEL, load_nlp, stage_parse

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def texts(argv: list[str]) -> list[str]:
    files = [Path(a) for a in argv] or sorted(SHARED.glob("seed/*.txt")) + sorted(SHARED.glob("dev/*.txt"))
    if not files:
        sys.exit("no input: pass article files, or put ../shared beside the checkout")
    base = [f.read_text(encoding="utf-8") for f in files]
    words = sum(len(t.split()) for t in base)
    return base * max(1, 20000 // words)


def timed(label: str, fn, words: int) -> float:
    start = time.perf_counter()
    fn()
    rate = words / (time.perf_counter() - start)
    print(f"{label:<38} {rate:8.0f} words/s")
    return rate


def main() -> None:
    corpus = texts(sys.argv[1:])
    words = sum(len(t.split()) for t in corpus)
    bare = spacy.load(MODEL)
    load_nlp()  # load outside the timing, like the bare model above
    print(f"{len(corpus)} documents, {words} words, one process")
    floor = timed("bare spaCy (nlp.pipe)", lambda: list(bare.pipe(corpus, batch_size=16)), words)

    def ours() -> None:
        docs = (Document(id=str(i), text=t, content_hash=content_hash(t), path="-") for i, t in enumerate(corpus))
        for doc in stage_parse(docs):
            stage_events(stage_actors(doc))

    rate = timed("multipolar parse + actors + events", ours, words)
    print(f"ratio multipolar / bare spaCy: {rate / floor:.2f}")


if __name__ == "__main__":
    main()
