"""The Parquet datasets of a corpus ingest: one dataset (folder) per store table, one file per
partition, named by the partition's key and attempt, so that DuckDB can query a table's dataset directly:
``SELECT * FROM read_parquet('PARTS/events/*.parquet', union_by_name = true)`` (by name: files
written before a schema change lack its new columns, e.g. the events' principals of version 3).

A file is written under a temporary name and renamed when complete, so that a run killed
while writing leaves no half file under a real name.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from ..store.tables import TABLES


def write_partition(parts: str, key: str, tables: dict[str, Any]) -> dict[str, str]:
    """Write the non-empty tables of one partition (files named `key`); returns their paths."""
    written = {}
    for name, table in tables.items():
        if table.num_rows == 0:
            continue
        folder = Path(parts) / name
        folder.mkdir(parents=True, exist_ok=True)
        final = folder / f"{key}.parquet"
        partial = folder / f".{key}.parquet.partial"
        pq.write_table(table, partial, compression="zstd")
        os.replace(partial, final)
        written[name] = str(final)
    return written


def remove_unloaded(parts: str, loaded: set[str]) -> int:
    """Delete the files of partitions that were written but never loaded into the store (a run
    stopped between the two), so that each dataset holds exactly the store's rows."""
    removed = 0
    for name in TABLES:
        folder = Path(parts) / name
        if not folder.is_dir():
            continue
        for path in folder.iterdir():
            stem = path.name.removeprefix(".").removesuffix(".partial").removesuffix(".parquet")
            if path.is_file() and (path.name.endswith(".partial") or stem not in loaded):
                path.unlink()
                removed += 1
    return removed
