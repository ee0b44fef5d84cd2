"""Typed records that flow between the pipeline stages and into the store."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(slots=True)
class SourceDocument:
    """One document as read from a file, a JSONL line or stdin, before any NLP."""

    id: str
    text: str
    path: str
    title: str | None = None
    published: str | None = None  # raw value from metadata (JSONL field, HTML meta)
    source: str | None = None
    url: str | None = None
    format: str = "text"
    given_id: bool = False  # the id came with the record (JSONL, Parquet `id`): part of its identity


@dataclass(slots=True)
class ReadFailure:
    """A document that could not be read; becomes a row of the `failures` table."""

    path: str
    code: str
    message: str


@dataclass(frozen=True, slots=True)
class PublicationDate:
    """When a document was published: a representative day and the range it stands for."""

    day: date
    start: date
    end: date
    basis: str  # where it came from: argument, metadata, dateline, hijri-dateline
    evidence: str  # the text it was read from

    @property
    def precision(self) -> str:
        """`day`, `month` or `range`: how fine the date is."""
        if self.start == self.end:
            return "day"
        if self.start.day == 1 and (self.end - self.start).days < 31 and self.start.month == self.end.month:
            return "month"
        return "range"

    @property
    def iso(self) -> str:
        """The finest ISO prefix the evidence supports."""
        if self.precision == "day":
            return self.day.isoformat()
        if self.precision == "month":
            return self.day.isoformat()[:7]
        return self.day.isoformat()


@dataclass(slots=True)
class Sentence:
    idx: int
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Mention:
    """A span of text that names an actor, with how it was resolved."""

    start: int
    end: int
    text: str
    sentence: int
    label: str  # NER label or KB kind
    actor_id: str
    method: str  # gazetteer, metonym, acronym, surname, demonym, new


@dataclass(slots=True)
class Actor:
    """A canonical actor: from the knowledge base, or new in a document."""

    id: str
    name: str
    kind: str
    country: str | None = None
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    origin: str = "kb"  # kb or document
    members: tuple[str, ...] = ()
    parent: str | None = None


@dataclass(slots=True)
class Document:
    """The record each stage enriches: text and metadata in, sentences, mentions, events out."""

    id: str
    text: str
    content_hash: str
    path: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    format: str = "text"
    published_raw: str | None = None
    published: PublicationDate | None = None
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    actors: dict[str, Actor] = field(default_factory=dict)
    events: list[Any] = field(default_factory=list)
    # people first named by an office of a state or government ("Saudi foreign minister X"):
    # person id → that state or government, whom their deeds commit (see events/principals.py)
    officials: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # recorded, non-fatal problems
    spacy_doc: Any = None  # transient: the parse, never stored


@dataclass(slots=True)
class Evidence:
    """One mention of an event: the sentence that states it and the trigger in it."""

    doc: str
    sentence: int
    start: int
    end: int
    text: str
    trigger_start: int
    trigger_end: int
    trigger: str


@dataclass(slots=True)
class EventDate:
    """When an event happened: an ISO prefix with its range and how it was worked out."""

    iso: str
    start: date
    end: date
    reason: str


@dataclass(slots=True)
class Event:
    """Who did what to whom, when, how certainly, on whose word — with its evidence."""

    id: str
    source: str | None
    target: str | None
    type: str
    cameo: str | None = None
    mode: str | None = None
    context: str | None = None
    status: str = "asserted"
    status_cue: str | None = None
    attributed_to: list[str] = field(default_factory=list)
    denied_by: list[str] = field(default_factory=list)
    date: EventDate | None = None
    relation: str | None = None  # what the event does to relations: recognizes, -cooperates ...
    # whom each side acts for, where an official acts ("Putin met Erdogan": Russia and Turkey);
    # relations are folded between principals (see events/principals.py)
    source_principal: str | None = None
    target_principal: str | None = None
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def date_iso(self) -> str | None:
        return self.date.iso if self.date else None
