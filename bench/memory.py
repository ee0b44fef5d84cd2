"""Peak memory of ingesting N documents against 10 N documents (goal: under 1.5x).

Generates a wire-style corpus of 10 N articles as a JSONL.gz file (and its first N as
another), ingests each with `multipolar ingest` in a child process and reads the child's
peak resident memory from the kernel (getrusage of the waited child). The smaller run is
the baseline, measured in the same run on the same kind of text.
Usage: python bench/memory.py [N]   (default 200)
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from multipolar.scale.corpus import generate

CLI = str(Path(sys.executable).parent / "multipolar")


def write_jsonl_gz(folder: Path, out: Path, count: int) -> int:
    words = 0
    with gzip.open(out, "wt", encoding="utf-8") as stream:
        for path in sorted(folder.glob("*.txt"))[:count]:
            text = path.read_text(encoding="utf-8")
            words += len(text.split())
            stream.write(json.dumps({"id": path.stem, "text": text}) + "\n")
    return words


def peak_of_ingest(corpus: Path, db: Path) -> tuple[float, float]:
    """(peak resident MiB, seconds) of one `multipolar ingest` run."""
    start = time.perf_counter()
    proc = subprocess.Popen([CLI, "ingest", str(corpus), "--db", str(db)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"ingest of {corpus} failed with exit code {proc.returncode}")
    return usage.ru_maxrss / 1024, time.perf_counter() - start  # ru_maxrss is in KiB on Linux


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        generate(root / "articles", 10 * n, seed=8)
        results = []
        for count in (n, 10 * n):
            corpus = root / f"corpus-{count}.jsonl.gz"
            words = write_jsonl_gz(root / "articles", corpus, count)
            peak, seconds = peak_of_ingest(corpus, root / f"store-{count}.duckdb")
            results.append(peak)
            print(f"{count:>7} documents {words:>9} words: peak {peak:7.1f} MiB in {seconds:6.1f}s")
    print(f"peak memory ratio 10x documents / 1x: {results[1] / results[0]:.2f} (goal < 1.5)")


if __name__ == "__main__":
    main()
