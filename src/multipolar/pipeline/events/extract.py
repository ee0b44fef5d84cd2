"""Runs the event sub-stages over one parsed document."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ...knowledge import load_actor_base
from ...knowledge.lexicon import load_lexicon
from ...model import Document, Event
from .actor_index import PRONOUNS_PERSON, PRONOUNS_PLURAL, PRONOUNS_SINGULAR, ActorIndex
from .candidates import Candidate
from .corefer import resolve_document
from .principals import assign_principals
from .roles import RoleFinder
from .status import HYPOTHETICAL_GOVERNORS, PROMISING, certainty
from .timing import date_sentence
from .when import Timeline


class Salience:
    """Antecedents for pronouns: the most recent actors in subject position."""

    def __init__(self, index: ActorIndex) -> None:
        self.index = index
        self.finder: RoleFinder | None = None  # set once built: subjects are read as roles are

    def resolve(self, pronoun: Token) -> list[str]:
        doc = pronoun.doc
        person = pronoun.lower_ in PRONOUNS_PERSON
        subjects = [t for t in reversed(doc[max(0, pronoun.i - 120): pronoun.i]) if t.dep_ in ("nsubj", "nsubjpass")
                    and t.lower_ not in PRONOUNS_SINGULAR | PRONOUNS_PLURAL | PRONOUNS_PERSON]
        for sentence in _by_sentence(subjects, pronoun):
            for tok in sentence:
                if person:  # "he", "she": the latest person named as a subject
                    named = self.index.actor_at(tok)
                    if named and self.index.kind_of(named) == "person":
                        return [named]
                    continue
                actors = self.finder.actors(tok) if self.finder else self.index.phrase_actors(tok)
                if actors:
                    return actors[:1]
        return []


def _by_sentence(subjects: list[Token], pronoun: Token) -> list[list[Token]]:
    """Subjects grouped by sentence, latest first; in a sentence before the pronoun's, the
    main clause's subject comes first ("Beijing showed … brokering the deal under which
    Saudi Arabia and Iran restored ties. Should it agree …": Beijing)."""
    groups: dict[int, list[Token]] = {}
    for tok in subjects:
        groups.setdefault(tok.sent.start, []).append(tok)
    out = []
    for start, group in groups.items():
        if start != pronoun.sent.start:
            group = sorted(group, key=lambda t: not _main_clause(t))  # stable: latest first otherwise
        out.append(group)
    return out


def _main_clause(subject: Token) -> bool:
    verb = subject.head
    while verb.dep_ == "conj":
        verb = verb.head
    return verb.dep_ == "ROOT"


def repair_lemmas(parsed: Doc, known: set[str]) -> None:
    """The small model's lemmatizer cuts a silent "e" off some verbs ("hopes", "hoped" → "hop";
    "wages" → "wag") and adds one to others ("cordoned" → "cordone"): where its form is no word
    we know and the other form is, take the other."""
    for tok in parsed:
        lemma = tok.lemma_.lower()
        if tok.pos_ != "VERB" or lemma in known:
            continue
        if lemma + "e" in known and tok.lower_ in (lemma + "es", lemma + "ed", lemma + "ing"):
            tok.lemma_ = lemma + "e"
        elif lemma.endswith("e") and lemma[:-1] in known and tok.lower_ in (lemma[:-1] + "s", lemma[:-1] + "ed",
                                                                             lemma[:-1] + "ing"):
            tok.lemma_ = lemma[:-1]


@lru_cache(maxsize=1)
def _known_verbs() -> set[str]:
    return {e.lemma for e in load_lexicon().entries if e.pos == "v"} | HYPOTHETICAL_GOVERNORS | PROMISING


def extract_events(doc: Document) -> list[Event]:
    parsed: Doc = doc.spacy_doc
    repair_lemmas(parsed, _known_verbs())
    base = load_actor_base()
    index = ActorIndex(doc, parsed, base)
    salience = Salience(index)
    finder = RoleFinder(index, salience.resolve)
    salience.finder = finder
    lexicon = load_lexicon()
    timeline = Timeline(doc.published)
    from .triggers import find_triggers

    candidates: list[Candidate] = []
    for number, sent in enumerate(parsed.sents):
        finder.note_definites(sent)
        found = [_candidate(f, finder, number, sent) for f in find_triggers(sent, lexicon)]
        date_sentence(sent, found, timeline, doc.notes)
        for cand in found:
            cand.attributed_to = _actors(finder, cand.certainty.claimants)
            cand.speakers = _actors(finder, cand.certainty.speakers)
        candidates += found
    events = resolve_document(candidates, doc, finder, base)
    assign_principals(events, doc, base)
    return events


def _candidate(found, finder: RoleFinder, number: int, sent: Span) -> Candidate:  # type: ignore[no-untyped-def]
    token, entry = found.token, found.entry
    if found.adverbial:
        roles = finder.adverb_roles(token)
        subjects: list[Token] = []
    elif found.nominal:
        roles = finder.noun_roles(token, entry)
        subjects = [c for c in token.children if c.dep_ == "poss"]
    else:
        roles = finder.verb_roles(token, entry, found.needed)
        subjects = finder.subject_heads(token)[0]
    return Candidate(token=token, entry=entry, roles=roles, certainty=certainty(token, subjects),
                     sentence=number, sent=sent, nominal=found.nominal)


def _actors(finder: RoleFinder, heads: list[Token]) -> list[str]:
    out: list[str] = []
    for head in heads:
        for actor in finder.actors(head):
            if actor not in out:
                out.append(actor)
    return out
