"""The actor knowledge base: states, governments over time, IGOs, armed groups, groups of
states, agencies, media and office holders, loaded from `data/states.tsv` and `data/actors.yaml`.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any

import yaml
from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from ..model import Actor

# How an alias names its actor; resolution prefers the earlier kinds on ties.
VIAS = ("name", "alias", "capital", "metonym", "government-metonym", "demonym", "prefix")
# A misspelt state name is read as the state when it is this long and one slip away (a letter
# left out, added, changed or swapped: "Ethopia", "Venezeula"); shorter names collide too often
MIN_MISSPELT = 6
_US_STATE_CUES = re.compile(
    r"\b(U\.?S\.? state|state of|Atlanta|Savannah|governor|county|senator|Republican|Democrat|"
    r"Alabama|Florida|Tennessee|Carolina|Texas|California)\b")


def fold(text: str) -> str:
    """Fold case, accents, quotes, dashes, a leading article and a possessive, for matching."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"[\u2010-\u2015]", "-", text).casefold().strip()
    text = re.sub(r"^the\s+", "", text)
    text = re.sub(r"\s*'s?$", "", text)
    text = text.replace(".", "")  # "U.S." and "U.S", "U.N." and "UN"
    return re.sub(r"\s+", " ", text)


@dataclass(frozen=True, slots=True)
class Term:
    """A span of time in which something holds; open ends are None."""

    start: date | None
    end: date | None

    def covers(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class Candidate:
    """One actor an alias may name, and under which condition."""

    actor_id: str
    via: str
    terms: tuple[Term, ...] = ()  # for government metonyms: when the alias means this actor


@dataclass(slots=True)
class Entry:
    """A knowledge-base actor with the facts resolution needs beyond the exported record."""

    actor: Actor
    governs: str | None = None
    terms: tuple[Term, ...] = ()
    acts_for: str | None = None
    offices: tuple[dict[str, Any], ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)


class ActorBase:
    """Alias → actor lookups, aware of time (who governs from a capital) and context."""

    def __init__(self) -> None:
        self.entries: dict[str, Entry] = {}
        self.index: dict[str, list[Candidate]] = {}
        self.surface: dict[str, set[str]] = {}  # actor id → every alias as written

    def add(self, entry: Entry) -> None:
        if entry.actor.id in self.entries:
            raise ValueError(f"duplicate actor id {entry.actor.id}")
        self.entries[entry.actor.id] = entry

    def alias(self, text: str, candidate: Candidate) -> None:
        text = text.strip()
        if not text:
            return
        bucket = self.index.setdefault(fold(text), [])
        if candidate not in bucket:
            bucket.append(candidate)
        self.surface.setdefault(candidate.actor_id, set()).add(text)

    def actor(self, actor_id: str) -> Actor:
        return self.entries[actor_id].actor

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self.entries

    def candidates(self, text: str) -> list[Candidate]:
        return self.index.get(fold(text), [])

    def resolve(self, text: str, on: date | None = None, context: str = "") -> Candidate | None:
        """The actor `text` names on day `on`, using `context` to break ties; None if unknown."""
        found = self.candidates(text)
        if not found:
            return None
        timed = [c for c in found if c.terms]
        if on is not None:
            current = [c for c in timed if any(t.covers(on) for t in c.terms)]
            if current:
                return current[0]
        plain = [c for c in found if not c.terms] or found
        return self._disambiguate(plain, context)

    def _disambiguate(self, found: list[Candidate], context: str) -> Candidate:
        if len(found) > 1:
            kinds = {c.actor_id: self.actor(c.actor_id).kind for c in found}
            wants_region = bool(_US_STATE_CUES.search(context))
            ranked = sorted(found, key=lambda c: (
                (kinds[c.actor_id] == "region") != wants_region,
                kinds[c.actor_id] != "state",
                VIAS.index(c.via) if c.via in VIAS else len(VIAS)))
            return ranked[0]
        return found[0]

    def misspelt_state(self, text: str) -> Candidate | None:
        """The state a one-word name most likely misspells ("Ethopia", "Pakistian"): the only
        state name or demonym within one slip of it; None when none is, or several are."""
        key = fold(text)
        if len(key) < MIN_MISSPELT or " " in key or key in self.index:
            return None
        close = process.extract(key, self._state_words, scorer=DamerauLevenshtein.distance,
                                score_cutoff=1, limit=5)
        # (the first letter is kept: "Lauritania" is no slip for Mauritania)
        states = {c.actor_id: c for word, _, _ in close if word[0] == key[0]
                  for c in self.index[word] if self.actor(c.actor_id).kind == "state"}
        return next(iter(states.values())) if len(states) == 1 else None

    @cached_property
    def _state_words(self) -> list[str]:
        """One-word state names and demonyms; shorter ones too, so that "Nigera" sees both Niger
        and Nigeria and stays unread. (Read after the base is loaded; aliases are not added later.)"""
        return [k for k, found in self.index.items() if " " not in k and len(k) >= MIN_MISSPELT - 2
                and any(self.actor(c.actor_id).kind == "state" and c.via in ("name", "demonym") for c in found)]

    def country_of(self, actor_id: str) -> str | None:
        return self.entries[actor_id].actor.country if actor_id in self.entries else None

    def principal_of(self, actor_id: str, start: date | None, end: date | None = None) -> str | None:
        """Whom a person of the base acts for between `start` and `end` (an event's date range;
        None: today): the state or body of an office held then, else the group they serve
        (`acts_for`) while that group exists (a government only in its terms); None for others."""
        entry = self.entries.get(actor_id)
        if entry is None or entry.actor.kind != "person":
            return None
        held = [str(o["of"]) for o in entry.offices if o.get("of") in self.entries and _holds(o, start, end or start)]
        if held:  # a state office before a party one (Xi Jinping acts for China, not only for its party)
            return min(held, key=lambda of: self.actor(of).kind != "state")
        serves = self.entries.get(entry.acts_for or "")
        if serves is None:
            return None
        if serves.terms and not any(_overlaps(t, start, end or start) for t in serves.terms):
            return None  # al-Sharaa's fighters of 2018 are no government that came in 2024
        return serves.actor.id

    def term_end(self, actor_id: str, start: date, end: date) -> date | None:
        """When the first tenure of a government in power between `start` and `end` ended (None:
        it goes on, or the actor is no government with known terms)."""
        entry = self.entries.get(actor_id)
        terms = sorted(entry.terms if entry else (), key=lambda t: t.start or date.min)
        return next((t.end for t in terms if _overlaps(t, start, end)), None)

    def aliases_of(self, actor_id: str) -> set[str]:
        return self.surface.get(actor_id, set())

    def label_of(self, actor_id: str) -> str:
        """The spaCy entity label its mentions should carry."""
        return _LABELS.get(self.actor(actor_id).kind, "ORG")


_LABELS = {"state": "GPE", "region": "LOC", "person": "PERSON", "group": "NORP"}


@lru_cache(maxsize=1)
def load_actor_base() -> ActorBase:
    """The shipped knowledge base (loaded once per process)."""
    base = ActorBase()
    data = resources.files("multipolar.knowledge") / "data"
    with (data / "states.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            _add_state(base, row)
    with (data / "actors.yaml").open(encoding="utf-8") as fh:
        for item in yaml.safe_load(fh):
            _add_actor(base, item)
    return base


def _split(cell: str | None) -> list[str]:
    return [p.strip() for p in (cell or "").split("|") if p.strip()]


def _add_state(base: ActorBase, row: dict[str, str]) -> None:
    iso3 = row["iso3"].strip()
    aliases = _split(row.get("aliases"))
    base.add(Entry(Actor(id=iso3, name=row["name"].strip(), kind="state", country=iso3,
                         aliases=tuple(aliases), wikidata=row.get("wikidata") or None)))
    base.alias(row["name"], Candidate(iso3, "name"))
    base.alias(iso3, Candidate(iso3, "alias"))
    for via, column in (("alias", "aliases"), ("capital", "capital"), ("metonym", "metonyms"),
                        ("demonym", "demonyms"), ("prefix", "prefixes")):
        for text in _split(row.get(column)):
            base.alias(text, Candidate(iso3, via))


def _holds(office: dict[str, Any], start: date | None, end: date | None) -> bool:
    """Whether an office is held at some time between `start` and `end` (None: today)."""
    return _overlaps(Term(_as_date(office.get("from")), _as_date(office.get("to"))), start, end)


def _overlaps(term: Term, start: date | None, end: date | None) -> bool:
    """Whether a term overlaps the days from `start` to `end` (None: today, i.e. it has not ended)."""
    if start is None or end is None:
        return term.end is None
    return (term.start is None or term.start <= end) and (term.end is None or term.end > start)


def _as_date(value: Any) -> date | None:
    if value in (None, "", "null"):
        return None
    if isinstance(value, date):
        return value
    text = str(value)
    text += "-01" * (2 - text.count("-"))  # month or year precision: take the first day
    return date.fromisoformat(text)


def _add_actor(base: ActorBase, item: dict[str, Any]) -> None:
    terms = ()
    if item["kind"] == "government":
        spans = [{"from": item.get("from"), "to": item.get("to")}] + list(item.get("earlier") or [])
        terms = tuple(Term(_as_date(s.get("from")), _as_date(s.get("to"))) for s in spans)
    country = item.get("country") or item.get("governs")
    actor = Actor(id=item["id"], name=item["name"], kind=item["kind"], country=country,
                  aliases=tuple(item.get("aliases") or ()), wikidata=item.get("wikidata"),
                  members=tuple(item.get("members") or ()), parent=item.get("parent"))
    base.add(Entry(actor, governs=item.get("governs"), terms=terms, acts_for=item.get("acts_for"),
                   offices=tuple(item.get("offices") or ())))
    base.alias(item["name"], Candidate(actor.id, "name"))
    for text in item.get("aliases") or ():
        base.alias(str(text), Candidate(actor.id, "alias"))
    for text in item.get("metonyms") or ():
        base.alias(str(text), Candidate(actor.id, "government-metonym", terms))
