"""The DuckDB store: one file, a versioned schema, one transaction per document."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

from ..errors import Code, MultipolarError
from ..model import Actor, Document, ReadFailure

SCHEMA_VERSION = 1


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
            if found != SCHEMA_VERSION:
                raise MultipolarError(Code.MP202, path=self.path, found=found, expected=SCHEMA_VERSION)
            return
        if not writable:
            raise MultipolarError(Code.MP202, path=self.path, found=0, expected=SCHEMA_VERSION)
        ddl = (resources.files("multipolar.store") / "schema.sql").read_text(encoding="utf-8")
        self.con.execute("BEGIN TRANSACTION")
        self.con.execute(ddl)
        self.con.execute("INSERT INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
        self.con.execute("COMMIT")

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------

    def document_with_hash(self, content_hash: str) -> str | None:
        row = self.con.execute("SELECT id FROM documents WHERE content_hash = ?",
                               [content_hash]).fetchone()
        return row[0] if row else None

    def document_id_taken(self, doc_id: str) -> bool:
        return self.con.execute("SELECT count(*) FROM documents WHERE id = ?",
                                [doc_id]).fetchone()[0] > 0

    def write_document(self, doc: Document, aliases: dict[str, set[str]]) -> None:
        """Everything learned from one document, in one transaction: all of it or nothing."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            self._insert_document(doc)
            self._insert_actors(doc.actors.values(), aliases)
            if doc.sentences:
                self.con.executemany("INSERT INTO sentences VALUES (?, ?, ?, ?, ?)",
                                     [(doc.id, s.idx, s.start, s.end, s.text) for s in doc.sentences])
            if doc.mentions:
                self.con.executemany(
                    "INSERT OR IGNORE INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [(doc.id, m.start, m.end, m.sentence, m.text, m.label, m.actor_id, m.method)
                     for m in doc.mentions])
            from .events_sql import insert_events  # events arrive with the events stage

            insert_events(self.con, doc)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    def _insert_document(self, doc: Document) -> None:
        pub = doc.published
        self.con.execute(
            "INSERT INTO documents (id, content_hash, path, format, title, source, url, published,"
            " published_start, published_end, published_iso, published_basis, published_evidence,"
            " text, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [doc.id, doc.content_hash, doc.path, doc.format, doc.title, doc.source, doc.url,
             pub and pub.day, pub and pub.start, pub and pub.end, pub and pub.iso,
             pub and pub.basis, pub and pub.evidence, doc.text, list(doc.notes)])

    def _insert_actors(self, actors: Any, aliases: dict[str, set[str]]) -> None:
        rows = [(a.id, a.name, a.kind, a.country, a.wikidata, a.origin, a.parent, list(a.members))
                for a in actors]
        if rows:
            # Order-independent when documents say different things about a new actor (a
            # parallel run writes them in any order): the smallest non-null value wins.
            self.con.executemany(
                "INSERT INTO actors VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
                " name = least(actors.name, excluded.name),"
                " country = CASE WHEN actors.country IS NULL THEN excluded.country"
                " WHEN excluded.country IS NULL THEN actors.country"
                " ELSE least(actors.country, excluded.country) END", rows)
        pairs = [(actor_id, alias) for actor_id, names in aliases.items() for alias in sorted(names)]
        if pairs:
            self.con.executemany("INSERT OR IGNORE INTO actor_aliases VALUES (?, ?)", pairs)

    def record_failure(self, failure: ReadFailure, doc_id: str | None = None) -> None:
        self.con.execute("INSERT INTO failures (path, doc_id, code, message) VALUES (?, ?, ?, ?)",
                         [failure.path, doc_id, failure.code, failure.message])

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
