"""Documents as Arrow tables: one table per store table, the shape of both the DuckDB rows
and the Parquet datasets a corpus ingest writes.

A partition of documents becomes one Arrow table per store table (columns named as in
schema.sql), so that loading a partition into DuckDB is one bulk insert per table and the
same tables can be written as Parquet files that DuckDB reads directly.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pyarrow as pa

from ..model import Document, ReadFailure

_S, _I, _D = pa.string(), pa.int32(), pa.date32()
_LIST = pa.list_(pa.string())

SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema([
        ("id", _S), ("content_hash", _S), ("path", _S), ("format", _S), ("title", _S), ("source", _S),
        ("url", _S), ("published", _D), ("published_start", _D), ("published_end", _D),
        ("published_iso", _S), ("published_basis", _S), ("published_evidence", _S), ("text", _S),
        ("notes", _LIST)]),
    "actors": pa.schema([
        ("id", _S), ("name", _S), ("kind", _S), ("country", _S), ("wikidata", _S), ("origin", _S),
        ("parent", _S), ("members", _LIST)]),
    "actor_aliases": pa.schema([("actor_id", _S), ("alias", _S)]),
    "sentences": pa.schema([("doc_id", _S), ("idx", _I), ("start_char", _I), ("end_char", _I), ("text", _S)]),
    "mentions": pa.schema([
        ("doc_id", _S), ("start_char", _I), ("end_char", _I), ("sentence_idx", _I), ("text", _S),
        ("label", _S), ("actor_id", _S), ("method", _S)]),
    "events": pa.schema([
        ("id", _S), ("doc_id", _S), ("source_id", _S), ("target_id", _S), ("type", _S), ("cameo", _S),
        ("mode", _S), ("context", _S), ("date_iso", _S), ("date_start", _D), ("date_end", _D),
        ("date_reason", _S), ("status", _S), ("status_cue", _S), ("attributed_to", _LIST),
        ("denied_by", _LIST), ("relation", _S), ("source_principal_id", _S),
        ("target_principal_id", _S)]),
    "evidence": pa.schema([
        ("event_id", _S), ("doc_id", _S), ("sentence_idx", _I), ("start_char", _I), ("end_char", _I),
        ("sentence", _S), ("trigger_start", _I), ("trigger_end", _I), ("trigger", _S)]),
    "failures": pa.schema([("path", _S), ("doc_id", _S), ("code", _S), ("message", _S)]),
}
TABLES = tuple(SCHEMAS)


def partition_tables(docs: Iterable[tuple[Document, dict[str, set[str]]]],
                     failures: Iterable[tuple[ReadFailure, str | None]] = ()) -> dict[str, pa.Table]:
    """The rows of documents (each with its actors' aliases) and failures, as Arrow tables."""
    rows: dict[str, list[tuple[Any, ...]]] = {name: [] for name in TABLES}
    for doc, aliases in docs:
        _document_rows(doc, aliases, rows)
    for failure, doc_id in failures:
        rows["failures"].append((failure.path, doc_id, failure.code, failure.message))
    return {name: _table(name, rows[name]) for name in TABLES}


def _table(name: str, rows: list[tuple[Any, ...]]) -> pa.Table:
    schema = SCHEMAS[name]
    columns = list(zip(*rows)) if rows else [[] for _ in schema]
    return pa.Table.from_arrays([pa.array(col, type=f.type) for col, f in zip(columns, schema)], schema=schema)


def _document_rows(doc: Document, aliases: dict[str, set[str]], rows: dict[str, list[tuple[Any, ...]]]) -> None:
    pub = doc.published
    rows["documents"].append((
        doc.id, doc.content_hash, doc.path, doc.format, doc.title, doc.source, doc.url,
        pub and pub.day, pub and pub.start, pub and pub.end, pub and pub.iso, pub and pub.basis,
        pub and pub.evidence, doc.text, list(doc.notes)))
    rows["actors"] += [(a.id, a.name, a.kind, a.country, a.wikidata, a.origin, a.parent, list(a.members))
                       for a in doc.actors.values()]
    rows["actor_aliases"] += [(actor_id, alias) for actor_id, names in aliases.items() for alias in sorted(names)]
    rows["sentences"] += [(doc.id, s.idx, s.start, s.end, s.text) for s in doc.sentences]
    rows["mentions"] += [(doc.id, m.start, m.end, m.sentence, m.text, m.label, m.actor_id, m.method)
                         for m in doc.mentions]
    for event in doc.events:
        when = event.date
        rows["events"].append((
            event.id, doc.id, event.source, event.target, event.type, event.cameo, event.mode,
            event.context, when and when.iso, when and when.start, when and when.end,
            when and when.reason, event.status, event.status_cue, list(event.attributed_to),
            list(event.denied_by), event.relation,
            event.source_principal, event.target_principal))
        rows["evidence"] += [(event.id, doc.id, ev.sentence, ev.start, ev.end, ev.text, ev.trigger_start,
                              ev.trigger_end, ev.trigger) for ev in event.evidence]
