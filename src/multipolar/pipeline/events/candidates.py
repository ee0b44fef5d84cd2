"""Per-sentence event candidates: a trigger with its roles and certainty, before dates
and before coreference decides which candidates are one event."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from ...knowledge.lexicon import Trigger
from ...model import EventDate
from .roles import Roles
from .status import Certainty


@dataclass(eq=False)
class Candidate:
    """One mention of a (possible) event in one sentence."""

    token: Token
    entry: Trigger
    roles: Roles
    certainty: Certainty
    sentence: int
    sent: Span
    nominal: bool
    date: EventDate | None = None
    date_distance: int | None = None  # how far up the parse the date phrase was found
    attributed_to: list[str] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)
    denied_by: list[str] = field(default_factory=list)
    type: str = ""
    relation: str | None = None

    def __post_init__(self) -> None:
        self.type = self.type or self.entry.type
        self.relation = self.relation if self.relation is not None else self.entry.relation

    @property
    def has_actors(self) -> bool:
        return bool(self.roles.sources or self.roles.targets)
