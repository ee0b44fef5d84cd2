"""Runs the stages over documents and hands each result to the store.

The stages are pure (Document in, Document out); this module owns the order, batching,
the content-hash no-op for documents already stored, and what a failure does.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Code, MultipolarError
from .knowledge import load_actor_base
from .model import Document, ReadFailure, SourceDocument
from .pipeline.actors import clean_name, stage_actors
from .pipeline.dateline import parse_explicit, stage_dateline
from .pipeline.events import stage_events
from .pipeline.parse import stage_parse
from .pipeline.read import read_paths
from .store import Store

Progress = Callable[[str, str], None]  # (document id or path, outcome)


@dataclass
class IngestReport:
    ingested: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    failed: list[ReadFailure] = field(default_factory=list)
    mentions: int = 0
    events: int = 0
    notes: int = 0

    @property
    def summary(self) -> str:
        return (f"{len(self.ingested)} ingested, {len(self.already)} already in the store, "
                f"{len(self.failed)} failed; {self.mentions} actor mentions, {self.events} events"
                + (f"; {self.notes} notes (see `multipolar docs --json`)" if self.notes else ""))


def content_hash(text: str, given_id: str | None = None) -> str:
    """The identity of a document: its text, plus the id its source gave it (JSONL `id`),
    so that a feed's distinct records with equal text stay distinct, while a file
    ingested again under another name is still the same document."""
    key = text.strip() if given_id is None else f"{given_id}\x00{text.strip()}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def collect(paths: list[str]) -> tuple[list[SourceDocument], list[ReadFailure]]:
    """Read every path first, so that a missing path fails before anything is written."""
    for raw in paths:
        if raw != "-" and not Path(raw).exists():
            raise MultipolarError(Code.MP101, path=raw)
    docs: list[SourceDocument] = []
    failures: list[ReadFailure] = []
    for item in read_paths(paths):
        (docs if isinstance(item, SourceDocument) else failures).append(item)
    return docs, failures


def ingest(store: Store, paths: list[str], published: str | None = None,
           on_progress: Progress | None = None, stop_on_error: bool = False,
           on_total: Callable[[int], None] | None = None, runner: Runner | None = None) -> IngestReport:
    """Ingest the documents under `paths` into `store`; see IngestReport for what happened."""
    if published:
        parse_explicit(published, "argument")  # a bad --published fails before any work
    sources, failures = collect(paths)
    return ingest_sources(store, sources, failures, published, on_progress, stop_on_error, on_total, runner)


def ingest_sources(store: Store, sources: list[SourceDocument], failures: list[ReadFailure] | None = None,
                   published: str | None = None, on_progress: Progress | None = None,
                   stop_on_error: bool = False, on_total: Callable[[int], None] | None = None,
                   runner: Runner | None = None) -> IngestReport:
    """Run the stages over documents already read (files, or a body posted to the API)."""
    failures = failures or []
    report = IngestReport()
    if on_total is not None:
        on_total(len(sources) + len(failures))
    for failure in failures:
        if stop_on_error:
            raise MultipolarError(Code.MP111, doc=failure.path, reason=failure.message)
        store.record_failure(failure)
        report.failed.append(failure)
        _tick(on_progress, failure.path, "failed")
    fresh = list(_new_documents(store, sources, report, on_progress))
    for doc in (runner or run_stages)(fresh, published):
        if isinstance(doc, StageFailure):
            failure = ReadFailure(doc.path, Code.MP111.name,
                                  MultipolarError(Code.MP111, doc=doc.doc_id, reason=doc.reason).line)
            if stop_on_error:
                raise MultipolarError(Code.MP111, doc=doc.doc_id, reason=doc.reason)
            store.record_failure(failure, doc.doc_id)
            report.failed.append(failure)
            _tick(on_progress, doc.doc_id, "failed")
            continue
        store.write_document(doc, doc_aliases(doc))
        report.ingested.append(doc.id)
        report.mentions += len(doc.mentions)
        report.events += len(doc.events)
        report.notes += len(doc.notes)
        _tick(on_progress, doc.id, "ingested")
    return report


@dataclass
class StageFailure:
    """A document the stages could not process (kept apart so that the batch goes on)."""

    doc_id: str
    path: str
    reason: str


Runner = Callable[[list[Document], str | None], Iterable["Document | StageFailure"]]


def run_stages(docs: list[Document], published: str | None = None) -> Iterator[Document | StageFailure]:
    """The pure stages over documents, in one process; the parse is dropped once used."""
    base = load_actor_base()
    for doc in stage_parse(stage_dateline(d, published) for d in docs):
        try:
            yield _finish_doc(stage_events(stage_actors(doc, base)))
        except MultipolarError:
            raise
        except Exception as exc:  # one bad document must not lose the batch
            yield StageFailure(doc.id, doc.path, repr(exc))


def process_batch(docs: list[Document], published: str | None = None) -> list[Document | StageFailure]:
    """One partition on a Dask worker (the model loads once per worker process)."""
    return list(run_stages(docs, published))


def _finish_doc(doc: Document) -> Document:
    doc.spacy_doc = None  # heavy and not needed past the stages
    return doc


def doc_aliases(doc: Document) -> dict[str, set[str]]:
    """Every name an actor of the document goes by: the base's and the document's own."""
    base = load_actor_base()
    return {a: (base.aliases_of(a) if a in base else set()) | _mentioned(doc, a) for a in doc.actors}


def _new_documents(store: Store, sources: Iterable[SourceDocument], report: IngestReport,
                   on_progress: Progress | None) -> Iterator[Document]:
    seen: set[str] = set()
    ids: set[str] = set()
    for src in sources:
        digest = content_hash(src.text, src.id if src.format == "jsonl" else None)
        existing = store.document_with_hash(digest)
        if existing or digest in seen:
            report.already.append(existing or src.id)
            _tick(on_progress, src.id, "already")
            continue
        seen.add(digest)
        taken = src.id in ids or store.document_id_taken(src.id)
        doc_id = f"{src.id}-{digest[:8]}" if taken else src.id
        ids.add(doc_id)
        yield Document(id=doc_id, text=src.text, content_hash=digest, path=src.path,
                       title=src.title, source=src.source, url=src.url, format=src.format,
                       published_raw=src.published)


def _mentioned(doc: Document, actor_id: str) -> set[str]:
    return {clean_name(m.text) for m in doc.mentions if m.actor_id == actor_id} - {""}


def _tick(on_progress: Progress | None, name: str, outcome: str) -> None:
    if on_progress is not None:
        on_progress(name, outcome)
