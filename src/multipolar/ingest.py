"""Runs the stages over a corpus, a partition at a time, and loads each partition into the store.

The stages are pure (Document in, Document out); this module owns the order, the partitions,
the content-hash no-op for documents already stored, and what a failure does. A corpus is
read as a stream and cut into partitions of a fixed size in reading order, so that the same
corpus always gives the same partitions whatever runs them: this process, or a Dask cluster.
A partition is loaded in one transaction together with the record that it is done, so that
a run killed midway loses nothing and a re-run skips what was done, partition by partition.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from .errors import Code, MultipolarError
from .knowledge import load_actor_base
from .model import Document, ReadFailure, SourceDocument
from .pipeline.actors import clean_name, stage_actors
from .pipeline.dateline import parse_explicit, stage_dateline
from .pipeline.events import stage_events
from .pipeline.parse import stage_parse
from .pipeline.read import ReadResult, check_paths, read_paths
from .store import Store
from .store.db import Partition
from .store.derived import refresh_derived
from .store.tables import partition_tables

PARTITION_SIZE = 20  # documents a partition holds: the unit of work, loading and resuming
KEPT_FAILURES = 100  # failures kept in the report to print (all are in the store)
Progress = Callable[[str, str], None]  # (document id or path, outcome)


@dataclass
class IngestReport:
    ingested: int = 0
    already: int = 0
    failed: int = 0
    mentions: int = 0
    events: int = 0
    notes: int = 0
    partitions_skipped: int = 0
    last_document: str | None = None  # the id of the last document ingested or found stored
    failures: list[ReadFailure] = field(default_factory=list)  # the first KEPT_FAILURES

    @property
    def summary(self) -> str:
        return (f"{self.ingested} ingested, {self.already} already in the store, "
                f"{self.failed} failed; {self.mentions} actor mentions, {self.events} events"
                + (f"; {self.notes} notes (see `multipolar docs --json`)" if self.notes else "")
                + (f"; {self.partitions_skipped} partitions already loaded" if self.partitions_skipped else ""))

    def fail(self, failure: ReadFailure) -> None:
        self.failed += 1
        if len(self.failures) < KEPT_FAILURES:
            self.failures.append(failure)


def content_hash(text: str, given_id: str | None = None) -> str:
    """The identity of a document: its text, plus the id its source gave it (a JSONL or
    Parquet record's `id`), so that a feed's distinct records with equal text stay distinct,
    while a file ingested again under another name is still the same document."""
    key = text.strip() if given_id is None else f"{given_id}\x00{text.strip()}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def source_hash(src: SourceDocument) -> str:
    return content_hash(src.text, src.id if src.given_id else None)


@dataclass
class Work:
    """A partition ready for the stages: its new documents and the read failures in it."""

    partition: Partition
    documents: list[Document]
    failures: list[ReadFailure]


@dataclass
class Done:
    """What the stages made of a partition: its tables (Arrow, or Parquet file paths) and counts."""

    partition: Partition
    tables: dict[str, Any]
    ingested: list[str]
    failures: list[ReadFailure]
    first_error: tuple[str, str] | None = None  # (document, reason) of the first failure
    mentions: int = 0
    events: int = 0
    notes: int = 0


@dataclass
class StageFailure:
    """A document the stages could not process (kept apart so that the partition goes on)."""

    doc_id: str
    path: str
    reason: str


Runner = Callable[[Iterator[Work], "str | None", "str | None"], Iterator[Done]]


def ingest(store: Store, paths: list[str], published: str | None = None,
           on_progress: Progress | None = None, stop_on_error: bool = False,
           runner: Runner | None = None, parts: str | None = None,
           partition_size: int = PARTITION_SIZE) -> IngestReport:
    """Ingest the documents under `paths` into `store`; see IngestReport for what happened."""
    check_ingest_args(paths, published)
    return ingest_items(store, read_paths(paths), published, on_progress, stop_on_error, runner,
                        parts, partition_size)


def check_ingest_args(paths: list[str], published: str | None) -> None:
    """What must fail before the store is touched: a bad --published, a missing path."""
    if published:
        parse_explicit(published, "argument")
    check_paths(paths)


def ingest_items(store: Store, items: Iterable[ReadResult], published: str | None = None,
                 on_progress: Progress | None = None, stop_on_error: bool = False,
                 runner: Runner | None = None, parts: str | None = None,
                 partition_size: int = PARTITION_SIZE) -> IngestReport:
    """Run the stages over documents as they are read (files, a corpus, a body posted to the
    API) and load them partition by partition; `parts` is a folder for the Parquet datasets."""
    report = IngestReport()
    in_flight = InFlight()
    works = _prepare(store, _slices(items, partition_size), report, in_flight, stop_on_error, on_progress)
    try:
        for done in (runner or run_local)(works, published, parts):
            if stop_on_error and done.first_error:
                doc, reason = done.first_error
                raise MultipolarError(Code.MP111, doc=doc, reason=reason)
            store.load(done.tables, done.partition)
            in_flight.release(done.partition.key)
            _count(report, done, on_progress)
    finally:
        if parts is not None:
            from .scale.parquet import remove_unloaded

            remove_unloaded(parts, store.partition_files())
    refresh_derived(store)  # a no-op when they are up to date (also after a run killed before it)
    return report


def ingest_sources(store: Store, sources: list[SourceDocument], failures: list[ReadFailure] | None = None,
                   published: str | None = None, on_progress: Progress | None = None,
                   stop_on_error: bool = False) -> IngestReport:
    """Documents already read (a body posted to the API)."""
    return ingest_items(store, [*(failures or []), *sources], published, on_progress, stop_on_error)


def _count(report: IngestReport, done: Done, on_progress: Progress | None) -> None:
    report.ingested += len(done.ingested)
    report.mentions += done.mentions
    report.events += done.events
    report.notes += done.notes
    for doc_id in done.ingested:
        report.last_document = doc_id
        _tick(on_progress, doc_id, "ingested")
    for failure in done.failures:
        report.fail(failure)
        _tick(on_progress, failure.path, "failed")


class InFlight:
    """Content hashes and ids of documents sent to the stages and not yet loaded: with the
    store, they decide what is new, while memory stays bounded by the partitions in flight."""

    def __init__(self) -> None:
        self.hashes: dict[str, set[str]] = {}
        self.ids: dict[str, set[str]] = {}

    def has_hash(self, digest: str) -> bool:
        return any(digest in s for s in self.hashes.values())

    def has_id(self, doc_id: str) -> bool:
        return any(doc_id in s for s in self.ids.values())

    def holds(self, key: str) -> bool:
        return key in self.hashes

    def hold(self, key: str, docs: list[Document]) -> None:
        self.hashes[key] = {d.content_hash for d in docs}
        self.ids[key] = {d.id for d in docs}

    def release(self, key: str) -> None:
        self.hashes.pop(key, None)
        self.ids.pop(key, None)


def _slices(items: Iterable[ReadResult], size: int) -> Iterator[list[ReadResult]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _identity(item: ReadResult) -> str:
    return source_hash(item) if isinstance(item, SourceDocument) else f"{item.path}\x00{item.code}"


def _prepare(store: Store, slices: Iterator[list[ReadResult]], report: IngestReport, in_flight: InFlight,
             stop_on_error: bool, on_progress: Progress | None) -> Iterator[Work]:
    """Each slice of the corpus as a Work, leaving out documents already stored or in flight.

    Runners hand partitions back in order, so a partition loaded is one whose predecessors are
    loaded too. A partition loaded before is skipped when all its documents are stored; when
    some are not (their stages failed), those run again, as the partition's next attempt, and
    its read failures, recorded the first time, are not recorded twice."""
    for chunk in slices:
        identities = [_identity(item) for item in chunk]
        key = hashlib.sha256("\n".join(identities).encode("utf-8")).hexdigest()[:32]
        sources = [(item, digest) for item, digest in zip(chunk, identities) if isinstance(item, SourceDocument)]
        failures = [item for item in chunk if isinstance(item, ReadFailure)]
        stored = store.known_hashes([digest for _, digest in sources])
        attempts = store.partition_attempts(key)
        if in_flight.holds(key) or (attempts and all(digest in stored for _, digest in sources)):
            report.partitions_skipped += 1
            for src, digest in sources:
                _already(report, src.id, stored.get(digest, src.id), on_progress)
            continue
        if attempts:
            failures = []
        if stop_on_error and failures:
            raise MultipolarError(Code.MP111, doc=failures[0].path, reason=failures[0].message)
        documents = list(_new_documents(store, sources, stored, report, in_flight, on_progress))
        in_flight.hold(key, documents)
        yield Work(Partition(key, attempts + 1, chunk[0].path, len(documents), len(failures)), documents, failures)


def _new_documents(store: Store, sources: list[tuple[SourceDocument, str]], stored: dict[str, str],
                   report: IngestReport, in_flight: InFlight, on_progress: Progress | None) -> Iterator[Document]:
    taken = store.taken_ids([src.id for src, _ in sources])
    seen: set[str] = set()
    ids: set[str] = set()
    for src, digest in sources:
        if digest in stored or digest in seen or in_flight.has_hash(digest):
            _already(report, src.id, stored.get(digest, src.id), on_progress)
            continue
        seen.add(digest)
        clash = src.id in ids or src.id in taken or in_flight.has_id(src.id)
        doc_id = f"{src.id}-{digest[:8]}" if clash else src.id
        ids.add(doc_id)
        yield Document(id=doc_id, text=src.text, content_hash=digest, path=src.path,
                       title=src.title, source=src.source, url=src.url, format=src.format,
                       published_raw=src.published)


# -- the stages, wherever they run -------------------------------------------------------------

def run_local(works: Iterator[Work], published: str | None, parts: str | None) -> Iterator[Done]:
    """The runner of one process: each partition in turn."""
    for work in works:
        yield process_partition(work, published, parts)


def process_partition(work: Work, published: str | None, parts: str | None) -> Done:
    """The stages over one partition, made into tables (written as Parquet under `parts` when
    given). On a Dask worker the model loads once per worker process and stays loaded."""
    documents: list[tuple[Document, dict[str, set[str]]]] = []
    failed: list[tuple[ReadFailure, str | None]] = [(f, None) for f in work.failures]
    first_error = (work.failures[0].path, work.failures[0].message) if work.failures else None
    for doc in run_stages(work.documents, published):
        if isinstance(doc, StageFailure):
            reason = MultipolarError(Code.MP111, doc=doc.doc_id, reason=doc.reason).line
            failed.append((ReadFailure(doc.path, Code.MP111.name, reason), doc.doc_id))
            first_error = first_error or (doc.doc_id, doc.reason)
        else:
            documents.append((doc, doc_aliases(doc)))
    tables: dict[str, Any] = partition_tables(documents, failed)
    if parts is not None:
        from .scale.parquet import write_partition

        tables = write_partition(parts, work.partition.stem, tables)
    return Done(work.partition, tables, [d.id for d, _ in documents], [f for f, _ in failed], first_error,
                mentions=sum(len(d.mentions) for d, _ in documents),
                events=sum(len(d.events) for d, _ in documents),
                notes=sum(len(d.notes) for d, _ in documents))


def run_stages(docs: list[Document], published: str | None = None) -> Iterator[Document | StageFailure]:
    """The pure stages over documents, in one process; the parse is dropped once used."""
    base = load_actor_base()
    for doc in stage_parse(stage_dateline(d, published) for d in docs):
        try:
            yield _finish_doc(stage_events(stage_actors(doc, base)))
        except MultipolarError:
            raise
        except Exception as exc:  # one bad document must not lose the partition
            yield StageFailure(doc.id, doc.path, repr(exc))


def _finish_doc(doc: Document) -> Document:
    doc.spacy_doc = None  # heavy and not needed past the stages
    return doc


def doc_aliases(doc: Document) -> dict[str, set[str]]:
    """Every name an actor of the document goes by: the base's and the document's own."""
    base = load_actor_base()
    return {a: (base.aliases_of(a) if a in base else set()) | _mentioned(doc, a) for a in doc.actors}


def _mentioned(doc: Document, actor_id: str) -> set[str]:
    return {clean_name(m.text) for m in doc.mentions if m.actor_id == actor_id} - {""}


def _already(report: IngestReport, name: str, stored_as: str, on_progress: Progress | None) -> None:
    """A document found in the store (or in flight), under the id it is stored as."""
    report.already += 1
    report.last_document = stored_as
    _tick(on_progress, name, "already")


def _tick(on_progress: Progress | None, name: str, outcome: str) -> None:
    if on_progress is not None:
        on_progress(name, outcome)
