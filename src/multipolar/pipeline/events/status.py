"""Certainty and attribution: asserted, reported, negated or hypothetical, with who
makes the claim. Cues are read from the trigger's own clause and the clauses above it."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

MODALS = {"may", "might", "could", "would", "should", "will", "shall", "'ll", "must"}  # not "can": ability
# Verbs and adjectives that make what they govern planned, possible or conditional.
HYPOTHETICAL_GOVERNORS = {"plan", "intend", "expect", "aim", "hope", "want", "consider", "propose",
                          "prepare", "seek", "offer", "threaten", "likely", "possible", "ready",
                          "willing", "mean", "set", "scheduled", "schedule", "poised", "due", "readiness",
                          "demand", "insist", "urge", "ask", "call", "request", "push", "press"}
PROMISING = {"vow", "pledge", "promise", "swear"}  # what they govern is yet to be done
CONDITIONAL_MARKS = {"if", "unless", "once", "provided", "whether"}
NEGATING_GOVERNORS = {"yet": "yet to", "short": "stopped short of", "refrain": "refrained from",
                      "fail": "failed to", "without": "without", "avoid": "avoided"}
NEGATORS = {"not", "n't", "never", "no", "neither", "nor", "none", "nobody", "nothing"}
REPORTING_VERBS = {"report", "claim", "allege", "suggest", "write", "publish", "reveal",
                   "assert", "contend", "leak", "cite"}
SAYING_VERBS = {"say", "tell", "announce", "state", "add", "note", "declare", "confirm"}
REPORTED_ADVERBS = {"reportedly", "allegedly", "purportedly", "supposedly", "apparently"}
ACCUSING_VERBS = {"accuse", "charge", "blame"}
CLAIM_NOUNS = {"claim", "report", "allegation", "charge", "accusation", "account", "memo",
               "leak", "rumour", "rumor", "assertion", "story"}


@dataclass
class Certainty:
    status: str = "asserted"
    cue: str | None = None
    claimants: list[Token] = field(default_factory=list)  # heads of who makes the claim
    speakers: list[Token] = field(default_factory=list)  # "X said": not a doubt, but a source


def certainty(trigger: Token, subjects: list[Token]) -> Certainty:
    """The status of the event whose trigger is `trigger`; `subjects` are its source heads."""
    result = Certainty()
    negation = _negation(trigger, subjects)
    chain = list(_clause_chain(trigger))
    hypothetical = _hypothetical(chain)
    if hypothetical:
        result.status, result.cue = "hypothetical", hypothetical
    elif negation:
        result.status, result.cue = "negated", negation
    report = _report(trigger, chain)
    if report is not None:
        kind, cue, who = report
        if kind == "reported" and result.status == "asserted":
            result.status, result.cue = "reported", cue
        if kind == "reported":
            result.claimants = who
        else:
            result.speakers = who
    return result


def _clause_chain(token: Token) -> list[Token]:
    """The trigger and the words above it, up to the sentence root."""
    chain = [token]
    while token.head.i != token.i and len(chain) < 12:
        token = token.head
        chain.append(token)
    return chain


def _negation(trigger: Token, subjects: list[Token]) -> str | None:
    for tok in [trigger, *[c for c in trigger.children if c.dep_ in ("aux", "auxpass")]]:
        for child in tok.children:
            if child.dep_ == "neg" or child.lower_ in ("never", "not", "n't"):
                return child.text
    for head in subjects:  # "not even Pakistan has", "no state has", "neither government"
        for child in head.children:
            if child.lower_ in NEGATORS and child.dep_ in ("neg", "preconj", "det", "advmod"):
                return child.text
        if head.lower_ in ("none", "nobody", "neither"):
            return head.text
    for below, up in zip(_clause_chain(trigger), _clause_chain(trigger)[1:4]):
        if up.lemma_ in NEGATING_GOVERNORS:
            return NEGATING_GOVERNORS[up.lemma_]
        if below.dep_ == "xcomp" and any(c.lower_ == "yet" and c.dep_ == "advmod" for c in up.children):
            return "yet to"  # "has yet to accept": the parser hangs "yet" on "has"
        if up.pos_ in ("VERB", "AUX") and any(c.dep_ == "neg" for c in up.children) and trigger.pos_ == "NOUN":
            return "not"  # "did not amount to recognition", "was not a party to the agreement"
        if up.pos_ in ("VERB", "AUX"):
            break
    return None


_COMPLEMENTS = {"xcomp", "ccomp", "acl", "relcl", "advcl", "pcomp", "pobj", "dobj", "nsubj", "nsubjpass",
                "conj"}  # "will cut its forces and pull out": the modal covers both


def _hypothetical(chain: list[Token]) -> str | None:
    for i, tok in enumerate(chain):
        if i > 0 and chain[i - 1].dep_ not in _COMPLEMENTS:
            break  # only what the trigger's clause is an argument of can make it hypothetical
        if i > 0 and chain[i - 1].dep_ == "conj":  # "will cut … and pull out": shared modals only
            modal = next((c for c in tok.children if c.dep_ in ("aux", "auxpass") and c.lower_ in MODALS), None)
            return modal.text if modal is not None else None
        if tok.pos_ in ("VERB", "AUX", "NOUN", "ADJ"):
            for child in tok.children:
                if child.dep_ in ("aux", "auxpass") and child.lower_ in MODALS:
                    return child.text
                if child.dep_ == "mark" and child.lower_ in CONDITIONAL_MARKS:
                    return child.text
        if i > 0 and tok.lemma_.lower() in HYPOTHETICAL_GOVERNORS and \
                not (tok.lemma_.lower() == "set" and chain[i - 1].dep_ != "xcomp"):
            return tok.text  # ("is set to visit", not "set off a mine that killed …")
        if i > 0 and tok.lemma_ in PROMISING and chain[i - 1].dep_ in ("xcomp", "ccomp"):
            return tok.text  # "vowed to keep attacking", not "the deal that promised …" itself
        if i == 1 and chain[0].dep_ == "nsubj" and chain[0].pos_ == "NOUN":
            # "further strikes are likely", "a deal is possible": the predicate says it may happen
            said = next((c for c in tok.children if c.dep_ == "acomp" and c.lemma_.lower() in HYPOTHETICAL_GOVERNORS), None)
            if said is not None:
                return said.text
        if i > 0 and tok.lemma_ in REPORTING_VERBS | SAYING_VERBS:
            break  # what someone says stays as they say it: modals above it don't count
    return None


def _report(trigger: Token, chain: list[Token]) -> tuple[str, str, list[Token]] | None:
    for child in trigger.children:
        if child.lower_ in REPORTED_ADVERBS:
            return "reported", child.text, []
    sentence = trigger.sent
    for tok in sentence[:-1]:
        if tok.lower_ == "according" and tok.nbor(1).lower_ == "to":
            return "reported", "according to", [g for g in tok.nbor(1).children if g.dep_ == "pobj"]
    for below, up in zip(chain, chain[1:]):
        if below is not chain[0] and below.dep_ in ("nsubj", "nsubjpass", "csubj") and up.pos_ in ("VERB", "AUX"):
            return None  # "the officers who toppled X accused Y": who accuses is no part of the claim
        if below.dep_ == "relcl" and up.lemma_ in CLAIM_NOUNS and _gapped(below):
            return None  # "a charge Kabul denies": the claim is what the clause is about, not its content
        if up.lemma_ in REPORTING_VERBS and up.pos_ == "VERB":
            return "reported", up.text, _claimants(up)
        if up.lemma_ in CLAIM_NOUNS and up.pos_ == "NOUN":
            return "reported", up.text, [c for c in up.children if c.dep_ == "poss"]
        if up.lemma_ in ACCUSING_VERBS and up.pos_ == "VERB":
            if below.dep_ == "dobj" and any(c.lower_ == "whose" for c in below.children):
                return None  # "whose attacks X blames on Y": the attacks and their doer are told as fact
            # "accused X of sheltering", "charged that X had attacked": the deed is a claim
            return "reported", up.text, _claimants(up)
        if up.lemma_ in SAYING_VERBS and up.pos_ == "VERB" and below.dep_ in ("ccomp", "parataxis"):
            return "said", up.text, _claimants(up)
    return None


def _claimants(verb: Token) -> list[Token]:
    # "X was accused by Y", "it was reported by Z": the agent makes the claim
    heads = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"] or \
        [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    for head in list(heads):  # "A and B, in collaboration with C, reported"
        for prep in (c for c in head.children if c.dep_ == "prep"):
            heads += [g for g in prep.children if g.dep_ == "pobj"]
            for pobj in list(prep.children):
                for sub in (c for c in pobj.children if c.dep_ == "prep"):
                    heads += [g for g in sub.children if g.dep_ == "pobj"]
    return heads


def _gapped(clause: Token) -> bool:
    """A relative clause whose object is the noun it modifies ("a claim [that] Kabul denies"),
    unlike a content clause with an object of its own ("the claim that Russia paid bounties")."""
    return not any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp", "nsubjpass") for c in clause.children)
