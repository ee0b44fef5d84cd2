"""Attach date phrases to the events of a sentence.

A phrase belongs to the clause it modifies: to an event whose trigger is that clause's word
or lies below it, unless a reporting verb or a claim stands between them ("X reported in
2020 that Y paid …" dates the report, not the payment). "N days after <clause>" dates the
events inside the clause from the date of the clause it modifies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ...knowledge.lexicon import event_nouns
from ...model import EventDate
from .candidates import Candidate
from .status import ACCUSING_VERBS, CLAIM_NOUNS, REPORTING_VERBS, SAYING_VERBS
from .when import OFFSET, Timeline, _clean

# What is dated above a report or claim is the report; "X said on Tuesday it had …" keeps
# its date for the event, as speakers mostly report their own deeds.
_BARRIER_VERBS = REPORTING_VERBS | ACCUSING_VERBS | {"deny", "dismiss"}
_DIRECTIONS = {"after", "before", "since"}
FUTURE_CUES = {"will", "would", "'ll", "shall", "plan", "plans", "planned", "expected", "due", "set",
               "scheduled", "intends", "aims"}
_YEAR = re.compile(r"^(1[89]|20)\d\d$")


@dataclass
class Phrase:
    text: str
    root: Token
    start: int
    end: int
    direction: str | None = None  # "after"/"before" for offsets ("three days after …")
    scope: Token | None = None  # the word whose subtree the offset dates


def date_sentence(sent: Span, candidates: list[Candidate], timeline: Timeline, notes: list[str]) -> None:
    """Give each candidate of the sentence the date its clause carries, if any."""
    phrases = _phrases(sent)
    plain = [p for p in phrases if p.direction is None]
    offsets = [p for p in phrases if p.direction is not None]
    in_offset = {c.token.i for c in candidates for p in offsets if _under(c.token, p.scope)}
    triggers = frozenset(c.token.i for c in candidates)
    resolved: dict[int, EventDate] = {}
    for phrase in plain:
        owners = [c for c in candidates if c.token.i not in in_offset
                  and _distance(c.token, _host(phrase), triggers) is not None]
        # "will meet in March": the coming March; but "said on Monday it would …" dates the saying
        future = _saying_host(phrase).lemma_ not in SAYING_VERBS and any(
            c.certainty.status == "hypothetical" and (c.certainty.cue or "").lower() in FUTURE_CUES for c in owners)
        found = timeline.resolve(phrase.text, future=future)
        if found == "unparsed":
            notes.append(f"unparsed date phrase {phrase.text!r} in sentence {sent.text[:60]!r}")
            continue
        if found is None or isinstance(found, str):
            continue
        resolved[phrase.start] = found
        for cand in owners:
            _offer(cand, found, _distance(cand.token, _host(phrase), triggers))
    for phrase in offsets:
        base = _base_date(phrase, plain, resolved)
        found = timeline.offset(base, phrase.text, phrase.direction or "after")
        for cand in candidates:
            if found is not None and _under(cand.token, phrase.scope):
                cand.date = found


def _offer(cand: Candidate, found: EventDate, distance: int | None) -> None:
    """Keep the date of the nearest phrase."""
    if distance is not None and (cand.date_distance is None or distance < cand.date_distance):
        cand.date, cand.date_distance = found, distance


def _phrases(sent: Span) -> list[Phrase]:
    out: list[Phrase] = []
    covered: set[int] = set()
    for ent in sent.ents:
        if ent.label_ != "DATE":
            continue
        covered.update(range(ent.start, ent.end))
        phrase = Phrase(ent.text, ent.root, ent.start, ent.end)
        nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
        if nxt is not None and nxt.lower_ in _DIRECTIONS and OFFSET.match(_clean(ent.text)):
            # "three days after X travelled": the clause "after" introduces
            phrase.direction, phrase.scope = nxt.lower_, nxt.head if nxt.dep_ == "mark" else nxt
        out.append(phrase)
    for tok in sent:
        if tok.i in covered or not _YEAR.match(tok.text):
            continue
        if tok.dep_ in ("nummod", "compound", "amod", "npadvmod", "appos", "pobj") or _in_parens(tok):
            out.append(Phrase(tok.text, tok, tok.i, tok.i + 1))
    return sorted(out, key=lambda p: p.start)


def _in_parens(tok: Token) -> bool:
    doc = tok.doc
    return 0 < tok.i < len(doc) - 1 and doc[tok.i - 1].text == "(" and doc[tok.i + 1].text == ")"


def _host(phrase: Phrase) -> Token:
    """The clause word (verb or event noun) the phrase modifies."""
    tok = phrase.root
    for _ in range(8):
        if tok.head.i == tok.i:
            return tok
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX") or tok.lemma_ in _EVENT_NOUNS:
            return tok
    return tok


def _saying_host(phrase: Phrase) -> Token:
    """The phrase's host, but a saying verb when the phrase stands before the subject of the
    clause it reports: in "said on Monday it would veto", Monday is when it was said."""
    host = _host(phrase)
    subjects = [c for c in host.children if c.dep_ in ("nsubj", "nsubjpass")]
    if host.dep_ == "ccomp" and host.head.lemma_ in SAYING_VERBS and subjects and \
            host.head.i < phrase.root.i < subjects[0].i:
        return host.head
    return host


_EVENT_NOUNS = event_nouns()


def _distance(trigger: Token, host: Token, triggers: frozenset[int] = frozenset()) -> int | None:
    """Steps from the trigger up to the host, or None when the host is not above the
    trigger or a report/claim stands between them. A host below the trigger that is no
    event itself ("applied to join … on 28 February") counts, at a cost."""
    if trigger.is_ancestor(host) and host.i not in triggers:
        depth = sum(1 for a in host.ancestors if trigger.is_ancestor(a) or a.i == trigger.i)
        return depth + 5
    tok, steps = trigger, 0
    while True:
        if tok.i == host.i:
            return steps
        if tok.head.i == tok.i or steps > 10:
            return None
        tok = tok.head
        steps += 1
        if _is_barrier(tok) and tok.i != trigger.i:
            return None


def _is_barrier(tok: Token) -> bool:
    """A report or claim: what is dated above it is the report, not the event."""
    if tok.pos_ == "VERB":
        return tok.lemma_ in _BARRIER_VERBS
    return tok.pos_ == "NOUN" and tok.lemma_ in CLAIM_NOUNS


def _under(token: Token, scope: Token | None) -> bool:
    return scope is not None and (scope.i == token.i or scope.is_ancestor(token))


def _base_date(phrase: Phrase, plain: list[Phrase], resolved: dict[int, EventDate]) -> EventDate | None:
    """The date of the clause the offset hangs from ("on February 26, three days after")."""
    for other in sorted(plain, key=lambda p: abs(p.start - phrase.start)):
        if other.start in resolved and other.start < phrase.start:
            return resolved[other.start]
    return None
