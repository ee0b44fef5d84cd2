"""The DuckDB store: one file, a versioned schema, one transaction per document."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

from ..errors import Code, MultipolarError
from ..model import Actor

SCHEMA_VERSION = 3
MIGRATES_FROM = {1, 2}  # versions whose stores gain the new tables on opening for writing

# How each table's rows of a partition join the store. Actors met in several documents keep
# the smallest value of each field, so that the result does not depend on the load order.
_KEEP_LEAST = ", ".join(f"{c} = coalesce(least(actors.{c}, excluded.{c}), actors.{c}, excluded.{c})"
                        for c in ("name", "kind", "country", "wikidata", "origin", "parent"))
_LOAD_SQL = {
    "documents": "INSERT INTO documents BY NAME SELECT * FROM {src}",
    "actors": "INSERT INTO actors BY NAME SELECT id, min(name) AS name, min(kind) AS kind,"
              " min(country) AS country, min(wikidata) AS wikidata, min(origin) AS origin,"
              " min(parent) AS parent, min(members) AS members FROM {src} GROUP BY id"
              " ON CONFLICT (id) DO UPDATE SET " + _KEEP_LEAST,
    "actor_aliases": "INSERT OR IGNORE INTO actor_aliases SELECT DISTINCT actor_id, alias FROM {src}",
    "sentences": "INSERT INTO sentences BY NAME SELECT * FROM {src}",
    "mentions": "INSERT OR IGNORE INTO mentions BY NAME SELECT * FROM {src} QUALIFY row_number() OVER"
                " (PARTITION BY doc_id, start_char, end_char ORDER BY sentence_idx, actor_id, text) = 1",
    "events": "INSERT INTO events BY NAME SELECT * FROM {src}",
    "evidence": "INSERT INTO evidence BY NAME SELECT * FROM {src}",
    "failures": "INSERT INTO failures BY NAME SELECT * FROM {src}",
}


@dataclass(frozen=True)
class Partition:
    """A slice of a corpus, loaded all at once: its key, where it starts and what it holds."""

    key: str
    attempt: int
    first: str
    documents: int
    failed: int

    @property
    def stem(self) -> str:
        """The name of the partition's Parquet files."""
        return f"{self.key}-{self.attempt}"


class Store:
    """A connection to one multipolar DuckDB file."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str) -> None:
        self.con = con
        self.path = path

    @classmethod
    def open(cls, path: str, create: bool = True, read_only: bool = False) -> Store:
        """Open (and, for writers, create or migrate) the store at `path`."""
        if not create and not Path(path).exists():
            raise MultipolarError(Code.MP203, path=path)
        try:
            con = duckdb.connect(path, read_only=read_only)
        except (duckdb.Error, OSError) as exc:
            raise MultipolarError(Code.MP201, path=path, reason=_first_line(exc)) from exc
        store = cls(con, path)
        store._check_schema(writable=not read_only)
        return store

    def _check_schema(self, writable: bool) -> None:
        has_meta = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'").fetchone()
        if has_meta and has_meta[0]:
            row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            found = int(row[0]) if row else 0
            if found in MIGRATES_FROM and writable:
                self._create(migrating_from=found)
                return
            if found != SCHEMA_VERSION:
                raise MultipolarError(Code.MP202, path=self.path, found=found, expected=SCHEMA_VERSION)
            return
        if not writable:
            raise MultipolarError(Code.MP202, path=self.path, found=0, expected=SCHEMA_VERSION)
        self._create()

    def _create(self, migrating_from: int | None = None) -> None:
        """Create the schema, or add what a store of an older version lacks (the DDL only
        creates what does not exist yet, and migrate.py fills what the new columns hold)."""
        ddl = (resources.files("multipolar.store") / "schema.sql").read_text(encoding="utf-8")
        with self.transaction():
            self.con.execute(ddl)
            if migrating_from is not None:
                from .migrate import add_principals

                add_principals(self)
            self.con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------

    def load(self, tables: Mapping[str, Any], partition: Partition | None = None) -> None:
        """Bulk-load one partition (Arrow tables, or paths of Parquet files, per store table) in
        one transaction, with the record that the partition is done: all of it or nothing."""
        with self.transaction():
            for name, source in tables.items():
                self._load_table(name, source)
            if partition is not None:
                self.con.execute("INSERT INTO partitions VALUES (?, ?, ?, ?, ?, current_timestamp)",
                                 [partition.key, partition.attempt, partition.first, partition.documents,
                                  partition.failed])

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All the writes inside, or none of them."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    def _load_table(self, name: str, source: Any) -> None:
        if isinstance(source, str):  # a Parquet file, read by DuckDB itself
            self.con.execute(_LOAD_SQL[name].format(src="read_parquet($1)"), [source])
            return
        if source.num_rows == 0:
            return
        view = f"incoming_{name}"  # an Arrow table, scanned in place
        self.con.register(view, source)
        try:
            self.con.execute(_LOAD_SQL[name].format(src=view))
        finally:
            self.con.unregister(view)

    def partition_attempts(self, key: str) -> int:
        """How many times the partition with this key was loaded (0: never)."""
        return self.con.execute("SELECT count(*) FROM partitions WHERE key = ?", [key]).fetchone()[0]

    def partition_files(self) -> set[str]:
        """The file stems (`<key>-<attempt>`) of every partition loaded."""
        return {r[0] for r in self.con.execute("SELECT key || '-' || attempt FROM partitions").fetchall()}

    def known_hashes(self, hashes: list[str]) -> dict[str, str]:
        """Of these content hashes, those already stored, with their document ids."""
        rows = self.con.execute("SELECT content_hash, id FROM documents WHERE content_hash IN"
                                " (SELECT unnest($1::VARCHAR[]))", [hashes]).fetchall()
        return dict(rows)

    def taken_ids(self, ids: list[str]) -> set[str]:
        rows = self.con.execute("SELECT id FROM documents WHERE id IN (SELECT unnest($1::VARCHAR[]))",
                                [ids]).fetchall()
        return {r[0] for r in rows}

    # -- reading -------------------------------------------------------------------------

    def rows(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        """Rows of a parameterized query as dicts (used by the query modules of this package)."""
        cur = self.con.execute(sql, params or [])
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    def actors(self, kind: str | None = None) -> list[Actor]:
        sql = ("SELECT a.*, list(al.alias ORDER BY al.alias) AS aliases FROM actors a"
               " LEFT JOIN actor_aliases al ON al.actor_id = a.id"
               + (" WHERE a.kind = ?" if kind else "") + " GROUP BY ALL ORDER BY a.kind, a.name")
        return [Actor(id=r["id"], name=r["name"], kind=r["kind"], country=r["country"],
                      aliases=tuple(x for x in r["aliases"] if x), wikidata=r["wikidata"],
                      origin=r["origin"], members=tuple(r["members"] or ()), parent=r["parent"])
                for r in self.rows(sql, [kind] if kind else [])]

    def documents(self) -> list[dict[str, Any]]:
        return self.rows(
            "SELECT d.id, d.title, d.source, d.url, d.path, d.format, d.published_iso AS published,"
            " d.published_start, d.published_end, d.published_basis,"
            " (SELECT count(*) FROM sentences s WHERE s.doc_id = d.id) AS sentences,"
            " (SELECT count(*) FROM mentions m WHERE m.doc_id = d.id) AS mentions,"
            " (SELECT count(*) FROM events e WHERE e.doc_id = d.id) AS events,"
            " length(d.text) AS characters, d.notes, d.ingested_at FROM documents d"
            " ORDER BY d.ingested_at, d.id")

    def failures(self) -> list[dict[str, Any]]:
        return self.rows("SELECT path, doc_id, code, message, failed_at FROM failures ORDER BY id")


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
