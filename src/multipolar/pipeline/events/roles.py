"""Who acts and who is acted upon: source and target from the dependency parse.

Verbs: active subject → source, object or a prepositional object (with, against, ...) →
target; passive "by" agent → source, passive subject → target; a verb without a subject
inherits one (object control "urged X to", coordination, participles, relative clauses,
"became the first state to recognize"). Nouns: possessor, "by" agent or actor adjectives
("Sino-Russian") → source; "of/on/against/with/between" objects → target; otherwise the
subject of the verb that governs the noun ("maintained a relationship with").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from ...knowledge.lexicon import Trigger, event_nouns
from .actor_index import (PLACE_PREPS, PRONOUNS_PERSON, PRONOUNS_PLURAL, PRONOUNS_SINGULAR, RELATIONAL,
                          ActorIndex)
from .triggers import (THIRD_PARTY_VERBS, UNDERTAKINGS, between_preps, gerund_clauses, has_between, infinitive, measure,
                       purpose)

BREAKING_OUT = {"break", "erupt", "flare", "rage", "continue", "resume", "escalate", "intensify"}
SYMMETRIC = {"CONSULT", "COOPERATE", "AGREE"}
SYMMETRIC_CODES = {"057"}  # signing a formal agreement (SUPPORT): both sign


def symmetric(event_type: str, cameo: str | None = None) -> bool:
    """Whether the event's parties act on each other ("A and B met", "A and B signed a treaty")."""
    return event_type in SYMMETRIC or cameo in SYMMETRIC_CODES
RESTATING_VERBS = {"represent", "constitute", "mark", "amount", "mean", "signal"}
PARTNER_NOUNS = {"agreement", "accord", "tie", "relation", "treaty", "deal", "pact", "cooperation",
                 "contract", "partnership", "talk"}
ANAPHORIC_NOUNS = {"decision", "move", "step", "measure", "plan", "announcement", "action", "policy"}
# Words that name the same kind of thing, so that "the jets" finds "Pakistani warplanes".
NOUN_CLASSES = {w: "aircraft" for w in ("jet", "warplane", "aircraft", "plane", "fighter", "bomber", "drone")}
NOUN_CLASSES.update({w: "force" for w in ("troop", "soldier", "force", "army", "military", "fighter")})
NOUN_CLASSES.update({w: "official" for w in ("official", "authority", "administration", "government")})
# Events between parties: "signed an agreement in Doha" is not an agreement with Qatar.
PLACELESS = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "REQUEST", "ACCUSE", "REJECT", "CONCEDE"}
ORGANISATION_NOUNS = {w: ("igo",) for w in ("alliance", "bloc", "organisation", "organization", "union",
                                             "body", "grouping")}
ORGANISATION_NOUNS.update({w: ("armed_group", "government") for w in ("group", "movement", "militia", "outfit")})
# "a mediation effort", "a bombing campaign": the event noun names what the undertaking is
STATEMENT_NOUNS = {"statement", "declaration", "resolution", "communique", "letter", "message", "note",
                   "ultimatum", "appeal", "petition", "decree", "motion"}
PARTICIPATING = {"engage", "participate", "involve", "join", "persist", "continue"}
THIRD_PARTY_NOUNS = {"mediation", "arbitration", "facilitation"}
_DENYING = {"deny", "dismiss", "reject", "refute", "doubt", "question"}
# what someone says or holds, whose "by" names who does ("objections by Turkey"), not a passive's doer
STANCE_NOUNS = STATEMENT_NOUNS | {"objection", "opposition", "warning", "veto", "resistance", "reservation",
                                  "pressure", "plea", "claim", "remark", "comment", "complaint", "effort", "attempt",
                                  "bid"}
SETTLEMENTS = {"city", "town", "village", "province", "region", "district", "capital", "port", "county", "suburb",
               "street", "square"}
# what is fired, planted or set off, and kills in a clause of its own
WEAPONS = {"bomb", "mine", "landmine", "rocket", "missile", "shell", "grenade", "device", "mortar", "explosive"}
TELLING = {"tell", "warn", "inform", "assure", "notify", "remind"}  # verbs whose object hears a statement
PREMISES = {"embassy", "consulate", "office", "mission", "headquarters", "compound", "residence"}
# parts of a place: "areas of Freetown", "the outskirts of Kabul"
AREA_NOUNS = SETTLEMENTS | {"area", "part", "outskirts", "suburb", "neighbourhood", "neighborhood", "quarter",
                            "centre", "center", "heart", "edge", "north", "south", "east", "west"}
PARTY_NOUNS = {"government", "country", "state", "side", "nation", "capital", "neighbour", "neighbor", "party"}
RULERS = {"government", "regime", "authority", "administration", "ruler", "leadership", "junta"}
JUDGING = {"condemn", "denounce", "criticise", "criticize", "deny", "reject", "blame", "protest", "welcome",
           "praise", "dismiss", "accuse", "investigate", "report", "deplore", "decry", "mourn", "investigate"}
# what happens to a relationship that is not cooperating: "ties have soured"
STRAINING = {"strain", "sour", "damage", "hurt", "harm", "worsen", "deteriorate", "fray", "poison",
             "undermine", "complicate", "cloud", "chill", "sink", "plunge", "break", "rupture", "freeze"}
COUP_MAKERS = {"officer", "soldier", "general", "colonel", "mutineer", "putschist", "army", "military"}
COUP_VERBS = {"topple", "oust", "overthrow", "depose", "seize", "remove"}
ORDERING = {"order", "command", "instruct", "direct", "send", "deploy", "dispatch"}
INSTRUMENTAL = {"use", "employ"}  # "used X to do": X is the means, the subject the doer
UNDERGO = {"face", "suffer", "endure", "weather", "withstand", "survive", "repel"}
# the people who govern a state, named by office: "demanded the president's resignation"
OFFICE_NOUNS = RULERS | {"president", "premier", "cabinet", "parliament", "state", "minister", "chancellor"}
# groups abroad or from elsewhere: their "government" need not be their state's
UPROOTED = {"refugees", "migrants", "tourists", "exiles", "detainees", "hostages", "prisoners"}
# nouns for a state's forces: with no owner named, the state where they act
STATE_AGENTS = {"troop", "force", "army", "military", "police", "policeman", "soldier", "authority"}
# verbs whose passive tells a stance of the subject, not a deed done to it
STATIVE_PASSIVES = {"commit", "oppose", "determine", "dedicate", "devote", "resolve"}
_FROM_SOURCE = {"ASSAULT", "THREATEN", "COERCE", "SANCTION", "ACCUSE", "PROTEST"}
EVENT_NOUNS = event_nouns()  # the lexicon's nominal triggers → type
_RELATIVE = {"who", "which", "that", "whom"}
RELEASING = {"free", "release", "return", "repatriate", "exchange"}
EXCLUDING = {"suspend", "expel", "exclude", "bar", "ban", "remove", "oust", "kick"}
HOLDING = {"hold", "detain", "jail", "imprison", "capture", "keep", "seize", "kidnap", "abduct"}
_SUBJ = {"nsubj", "csubj"}
_OBJ = {"dobj", "dative", "oprd"}
Resolver = Callable[[Token], list[str]]  # pronoun → antecedent actors


@dataclass
class Roles:
    sources: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    passive: bool = False
    object_event: str | None = None  # "condemned the attack": the type of the event named
    mutual: bool = True  # co-subjects act on each other ("A and B met"), unlike co-hosts

    def pairs(self, event_type: str, cameo: str | None = None) -> list[tuple[str, str | None]]:
        """One (source, target) per actor pair; coordinated subjects of a symmetric event
        with no target pair up with each other ("Iran and Saudi Arabia agreed")."""
        sources, targets = self.sources, list(self.targets)
        if not targets and symmetric(event_type, cameo) and len(sources) > 1 and self.mutual:
            return [(sources[0], other) for other in sources[1:]]
        out: list[tuple[str, str | None]] = []
        for s in sources:
            for t in targets or [None]:
                if s != t:
                    out.append((s, t))
        return out


class RoleFinder:
    """Finds roles for triggers in one parsed document."""

    def __init__(self, index: ActorIndex, resolve_pronoun: Resolver) -> None:
        self.index = index
        self.resolve_pronoun = resolve_pronoun
        self.definites: dict[str, list[str]] = {}  # "the junta in Niamey" … "the junta"

    # -- shared helpers -------------------------------------------------------------------

    def place_country(self, token: Token) -> str | None:
        """The state of the first place the token's own clause puts something in ("police
        detained 30 protesters in Minsk"); a place in another clause of the sentence ("while
        the envoy was in Kabul, fighters killed soldiers") is not where this happened."""
        for tok in _own_clause(_clause_verb(token)):
            if tok.dep_ == "pobj" and tok.head.lower_ in PLACE_PREPS:
                # ("outside the Israeli embassy in Amman": where the building stands, not whose it is)
                inside = _prep_objects(tok, ("in",)) if tok.lemma_.lower() in PREMISES else []
                country = self._first_country(inside) or self._first_country(_settlement_names(tok))
            elif tok.dep_ in ("dobj", "nsubjpass") and tok.lemma_.lower() in AREA_NOUNS:
                # "bombarded rebel-held areas of Freetown": what is acted on lies there
                country = self._first_country(_prep_objects(tok, ("of",)))
            else:
                continue
            if country:
                return country
        return None

    def place_reached(self, verb: Token) -> str | None:
        """The state of a place a crowd moves into or through ("poured into the streets of
        Belgrade", "marched through Tbilisi"); not a place preposition of any deed ("crossing into
        Spain" names no place of the crossers)."""
        places = _prep_objects(verb, ("into", "through", "onto"))
        return next((c for c in (self._first_country(_settlement_names(p)) for p in places) if c), None)

    def _first_country(self, places: list[Token]) -> str | None:
        """The state of the first of the tokens that names a place or actor with one."""
        return next((c for c in map(self.index.country_at, places) if c), None)

    def _placed_by(self, place: Token) -> str | None:
        """The state a place with no country of its own lies in, by its own phrase ("the X
        facility in central Iran") or by a place on its verb ("sent inspectors to X in central
        Iran"), never by a place in the subject ("troops in Belgorod shelled the X bridge")."""
        verb = _clause_verb(place)
        hosts = [place, *([verb] if verb is not place else [])]
        return self._first_country([g for host in hosts for g in _prep_objects(host, tuple(PLACE_PREPS))])

    def _defined(self, head: Token) -> bool:
        """Whether "the army", "the government" names forces the text has named before."""
        return any(not a.startswith("group:") for a in self.definites.get(NOUN_CLASSES.get(head.lemma_, head.lemma_), []))

    def note_definites(self, sent: Span) -> None:
        """Read the sentence's "the junta in Niamey"-style phrases, so that a later bare
        "the junta" knows whom it names."""
        for tok in sent:
            if tok.lemma_ in RULERS and any(c.dep_ == "prep" and c.lower_ == "in" for c in tok.children):
                self.actors(tok)

    def _blamed_for(self, pronoun: Token) -> list[str]:
        """"sanctions on Russia over its invasion", "criticised Tokyo for its stance": the owner
        of the deed given as the reason is whom the verb acts on, not its subject."""
        noun = pronoun.head
        if pronoun.dep_ != "poss" or pronoun.lower_ not in ("its", "their") or noun.dep_ != "pobj" or \
                noun.head.lower_ not in ("over", "for") or noun.head.head.pos_ not in ("VERB", "NOUN"):
            return []
        anchor = noun.head.head  # the verb, or its object the parser hung the reason on
        objects = [c for c in anchor.children if c.dep_ == "dobj"] if anchor.pos_ == "VERB" else []
        on = [g for h in [anchor, *objects] for p in h.children if p.dep_ == "prep" and p.lower_ in ("on", "against")
              for g in p.children if g.dep_ == "pobj"]
        return next((found for found in (self.index.phrase_actors(t) for t in objects + on) if found), [])

    def actors(self, head: Token, places: bool = True) -> list[str]:
        """Actors named by a phrase head and its conjuncts, resolving pronouns; with `places`
        false, an actor met only as the place of the phrase ("an agreement in Doha") is not one."""
        if head.lower_ in PRONOUNS_SINGULAR | PRONOUNS_PLURAL | PRONOUNS_PERSON:
            return self._blamed_for(head) or self.resolve_pronoun(head)
        if head.lemma_ in EVENT_NOUNS:  # "its intervention helped …": the intervention's owner
            owners = [c for c in head.children if c.dep_ == "poss"]
            if owners:
                return self.actors(owners[0])
        if head.lower_ == "whose":  # "Mali, whose military governments …"
            clause = head.head.head
            if clause.dep_ == "relcl":
                return self.actors(clause.head)
            # a relative clause the parser did not see as one: the noun right before "whose"
            before = next((t for t in reversed(head.doc[head.sent.start: head.i]) if not t.is_punct), None)
            return self.actors(before) if before is not None and before.pos_ in ("NOUN", "PROPN") else []
        if head.lower_ in _RELATIVE:  # "the Taliban, who …", "journalists whom Russia detained"
            clause = head.head if head.dep_ != "pobj" else head.head.head
            if clause.dep_ != "relcl":
                return []
            return self.actors(clause.head) or self._predicated(clause.head)
        if head.lemma_ in RULERS:  # "the junta in Niamey", "the government in Kabul": who rules there
            seats = [g for p in head.children if p.dep_ == "prep" and p.lower_ == "in" for g in p.children]
            ruling = [a for a in (self.index.named_at(g) for g in seats) if a]
            if ruling:
                self.definites[NOUN_CLASSES.get(head.lemma_, head.lemma_)] = ruling
                return ruling
        found = self.index.phrase_actors(head, places)
        if not found and places and self.index.is_place(head):
            # "shelled Kharkiv", "sent inspectors to the Esfahan facilities in central Iran": the
            # state the place lies in
            found = [c for c in [self.index.country_at(head) or self._placed_by(head)] if c]
        if not found and head.lemma_ in COUP_MAKERS and any(
                c.dep_ == "relcl" and c.lemma_ in COUP_VERBS for c in head.children):
            found = self.definites.get("junta", [])  # "the officers who toppled X": the junta, once named
        if head.lemma_.lower() in STATE_AGENTS | RULERS and all(a.startswith("group:") for a in found) and \
                not any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ != "the") for c in head.children) and \
                not (any(c.lower_ == "the" for c in head.children) and self._defined(head)):
            # "Police detained 30 protesters in Minsk", "Government troops … in eastern Congo":
            # the forces of the state where it happened (CAMEO codes them so)
            country = self.place_country(head)
            found = [country] if country else found
        if head.lemma_ in RULERS and found and all(self.index.kind_of(a) == "person" for a in found):
            # "the junta led by General X" is still the junta, when the text named it before
            found = self.definites.get(NOUN_CLASSES.get(head.lemma_, head.lemma_), found)
        if not found and head.lemma_ not in RELATIONAL:  # "its defence ministry": the owner named by a
            # pronoun ("its neighbour", by contrast, is someone else)
            owners = [c for c in head.children if c.dep_ == "poss" and c.lower_ in PRONOUNS_SINGULAR | PRONOUNS_PLURAL]
            found = self.resolve_pronoun(owners[0]) if owners else []
        if not found and head.lemma_ in RULERS | PARTY_NOUNS | STATE_AGENTS:
            # "Serbia's prime minister said his government would …": the speaker's state
            owners = [c for c in head.children if c.dep_ == "poss" and c.lower_ in ("his", "her")]
            found = self._speakers_state(owners[0]) if owners else []
        if not found:  # "Mali and Burkina Faso, whose military governments …": the antecedent's
            owners = [c for c in head.children if c.dep_ == "poss" and c.lower_ == "whose"]
            found = self.actors(owners[0]) if owners else []
        if not found and head.lemma_ in PARTY_NOUNS and any(c.lower_ in ("neither", "both", "two") for c in head.children):
            found = self.index.latest_distinct(head, 2)  # "Neither government has …": the last two named
        if not found and head.lemma_ in ORGANISATION_NOUNS and any(c.lower_ == "the" for c in head.children):
            found = self.index.latest_of_kind(head, ORGANISATION_NOUNS[head.lemma_])  # "the alliance" after "NATO"
        if head.pos_ == "NOUN" and head.lemma_ not in EVENT_NOUNS:
            kind = NOUN_CLASSES.get(head.lemma_, head.lemma_)
            if found:
                self.definites[kind] = found
            elif any(c.lower_ == "the" for c in head.children):
                return self.definites.get(kind, [])
        return found

    def subject_heads(self, verb: Token, depth: int = 0) -> tuple[list[Token], bool]:
        """The tokens that act in a verb's clause, and whether the clause is passive."""
        kids = list(verb.children)
        agent = [g for c in kids if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if agent:
            return agent, True
        stative = [c for c in kids if c.dep_ == "nsubjpass"] if verb.lemma_ in STATIVE_PASSIVES else []
        if stative:  # "X is committed to", "X is opposed to": a stance of X's, no one acts on X
            return stative, False
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in kids):
            # a "by" the parser hung elsewhere ("held up for a year and a half by Turkey"), in
            # the verb's own clause ("X was admitted, but Y's bid was held up by Z": not Z's deed);
            # a "by" on a deed or stance of its own is that one's doer ("despite objections by Z")
            stray = [g for t in _own_clause(verb) if t.dep_ == "prep" and t.lower_ == "by" and t.head.i != verb.i
                     and t.head.pos_ != "VERB" and not _has_own_doer(t.head) for g in t.children if g.dep_ == "pobj"]
            return [g for g in stray if self.index.phrase_actor(g)], True
        subj = [c for c in kids if c.dep_ in _SUBJ]
        if subj:
            return subj, False
        if _bare_participle(verb):
            return [], True  # "would close the strait if attacked": Iran would be attacked, not attack
        if depth < 4:
            inherited = self._inherited(verb, depth)
            if inherited or depth > 0 or verb.dep_ != "ROOT":
                return inherited, False
            return self._left_subject(verb), False
        return [], False

    def _left_subject(self, verb: Token) -> list[Token]:
        """A main verb the parser left without subject ("In Kabul, the Taliban's spokesman,
        X, praised …" parsed as an apposition of Kabul): the nearest named phrase before it."""
        for tok in reversed(list(verb.sent)[: verb.i - verb.sent.start]):
            if tok.dep_ in ("appos", "nsubj", "conj") and tok.pos_ in ("NOUN", "PROPN") and \
                    self.index.phrase_actor(tok):
                return [tok]
        return []

    def _inherited(self, verb: Token, depth: int) -> list[Token]:
        head, dep = verb.head, verb.dep_
        if head.i == verb.i:
            return []
        if dep == "xcomp":
            controllers = [c for c in head.children if c.dep_ in ("dobj", "dative")]
            if head.lemma_ in INSTRUMENTAL:  # "police used tear gas to disperse": the user does it
                controllers = []
            if head.lemma_ in ORDERING and controllers and all(
                    c.lemma_ in STATE_AGENTS and not self.index.phrase_actor(c) for c in controllers):
                controllers = []  # "Putin ordered troops to seize …": his troops, so his deed
            # "X is expected to visit", "X was urged to withdraw": X does it
            controllers = controllers or [c for c in head.children if c.dep_ == "nsubjpass"]
            if not controllers and head.pos_ == "ADJ" and head.dep_ == "acomp" and not conditional(head.head):
                return self.subject_heads(head.head, depth + 1)[0]  # "X is ready to talk", not "if X is …"
            return controllers or self.subject_heads(head, depth + 1)[0]
        if dep == "advcl" and infinitive(verb):
            # "paid the Taliban sums to target US troops": the payee does the targeting
            payees = [c for c in head.children if c.dep_ in ("dobj", "dative")]
            if any(self.index.phrase_actor(p) for p in payees):
                return payees
        if dep == "acomp" and depth == 0 and head.pos_ in ("VERB", "AUX"):
            return self.subject_heads(head, depth + 1)[0]  # "X is opposed to", "X is committed to"
        if dep == "conj" and verb.tag_ in ("VBD", "VBZ", "VBP") and head.tag_ == "VBN" and \
                any(c.dep_ == "auxpass" for c in head.children) and \
                not any(c.dep_ == "agent" for c in head.children):
            # "troops were deployed to the area and fired on rebels": who was sent does the firing
            return [c for c in head.children if c.dep_ == "nsubjpass"]
        if dep in ("conj", "advcl") and head.pos_ in ("VERB", "AUX"):
            return self.subject_heads(head, depth + 1)[0]
        if dep == "pcomp":
            owner = head.head
            # "X has been accused by Y of backing …": the passive subject is the accused
            accused = [c for c in owner.children if c.dep_ in ("dobj", "dative")] or \
                [c for c in owner.children if c.dep_ == "nsubjpass" and head.lower_ == "of"]
            if owner.pos_ == "VERB" and head.lower_ in ("of", "for", "with") and accused:
                return accused  # "accused Pakistan of sheltering": Pakistan shelters
            if owner.pos_ in ("VERB", "AUX"):
                return self.subject_heads(owner, depth + 1)[0]
            if owner.pos_ in ("ADV", "ADJ") and owner.head.pos_ in ("VERB", "AUX"):
                return self.subject_heads(owner.head, depth + 1)[0]  # "stopped short of recognising"
            return [c for c in owner.children if c.dep_ == "poss"]
        if dep == "acl" and infinitive(verb):
            owners = [c for c in head.children if c.dep_ == "poss"]
            if owners:  # "Washington's decision to expel …": Washington expels
                return owners
        if dep == "acl" and verb.tag_ == "VBG" and head.lemma_ in STATEMENT_NOUNS and head.dep_ == "dobj":
            # "issued a declaration demanding that …": the issuer demands
            return self.subject_heads(head.head, depth + 1)[0]
        if dep == "acl" and verb.tag_ in ("VBD", "VBN") and head.dep_ in ("ROOT", "nsubj") and \
                any(c.dep_ == "dobj" for c in verb.children):
            # a participle with an object acts, it is not done to its noun: "militants killed 12
            # villagers …, residents said" misparsed as "militants (who were) killed"
            return [head]
        if dep in ("relcl", "acl"):
            if head.dep_ in ("attr", "oprd") and head.head.pos_ in ("VERB", "AUX"):
                return self.subject_heads(head.head, depth + 1)[0]
            return [head] if dep == "relcl" else []
        return []

    def _holders(self, patients: list[Token]) -> list[str]:
        """"prisoners held by X will be freed": only the one who holds them can free them."""
        return [a for p in patients for acl in p.children if acl.dep_ == "acl" and acl.lemma_ in HOLDING
                for agent in acl.children if agent.dep_ == "agent"
                for g in agent.children if g.dep_ == "pobj" for a in self.actors(g)]

    def _predicated(self, noun: Token) -> list[str]:
        """"X is a territory that …", "describes X as an entity that …": a common noun said of
        X stands for X."""
        if noun.pos_ != "NOUN":
            return []
        if noun.dep_ in ("attr", "oprd"):
            subjects = [c for c in noun.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        elif noun.dep_ == "pobj" and noun.head.lower_ == "as":
            subjects = [c for c in noun.head.head.children if c.dep_ in ("dobj", "nsubjpass")]
        else:
            return []
        return [a for s in subjects for a in self.actors(s)]

    def _companions(self, verb: Token) -> list[Token]:
        """"X applied, together with Y, …", "one of three countries, along with Y, to
        recognise": Y acts too."""
        out = []
        hosts = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]  # "applied to join, together with"
        if verb.dep_ in ("relcl", "acl"):  # up through "one of … countries"
            hosts += [verb.head, *list(verb.head.ancestors)[:3]]
        for child in (c for host in hosts for c in host.children):
            if child.dep_ == "prep" and child.lower_ == "with" and child.i > 0 and \
                    child.doc[child.i - 1].lower_ in ("together", "along", "jointly"):
                out += [g for g in child.children if g.dep_ == "pobj"]
            if child.dep_ in ("advmod", "prep") and child.lower_ in ("together", "along"):
                out += [g for p in child.children if p.lower_ == "with" for g in p.children if g.dep_ == "pobj"]
            if child.dep_ == "prep" and child.lower_ == "with" and \
                    any(a.lower_ in ("together", "along") for a in child.children):
                out += [g for g in child.children if g.dep_ == "pobj"]
        return out

    def object_heads(self, verb: Token, entry: Trigger) -> list[Token]:
        """Direct objects (the word an entry needed too: "reversed Daesh's gains"), or those of
        the verb it is coordinated with when it has none and no phrase of its own ("soldiers beat
        and detained a journalist": both act on the journalist)."""
        own = [c for c in verb.children if c.dep_ in _OBJ]
        if own or any(c.dep_ in ("prep", "prt", "dative", "xcomp", "ccomp") for c in verb.children):
            return own
        shared = [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and
                  not any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)]
        return [o for c in shared[:1] for o in c.children if o.dep_ in _OBJ]

    def prep_heads(self, hosts: list[Token], preps: tuple[str, ...]) -> list[Token]:
        """Objects of the first of `preps` found on the hosts ("sent aid to Syria")."""
        for host in hosts:
            for child in host.children:
                together = child.i > 0 and child.doc[child.i - 1].lower_ in ("together", "along")
                if child.dep_ in ("prep", "dative") and child.lower_ in preps and not together:
                    # not a time ("On Saturday, X fired on Y" has two "on"s)
                    found = [g for g in child.children if g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME")]
                    if found:
                        return found
        return []

    def clause_subjects(self, verb: Token) -> list[Token]:
        """Subjects of a that-clause: "demanded that Japan halt" → Japan."""
        return [s for c in verb.children if c.dep_ == "ccomp"
                for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]

    # -- verbs ----------------------------------------------------------------------------

    def verb_roles(self, verb: Token, entry: Trigger, needed: Token | None) -> Roles:
        heads, passive = self.subject_heads(verb)
        roles = Roles(passive=passive)
        roles.sources = [a for h in heads for a in self.actors(h)]
        roles.sources += [a for h in self._companions(verb) for a in self.actors(h)]
        if not roles.sources and verb.dep_ == "relcl" and verb.head.dep_ == "dobj" and \
                verb.head.lemma_.lower() in WEAPONS and verb.head.head.pos_ == "VERB":
            # "set off a landmine that killed ten policemen": who set it off killed them
            roles.sources = [a for h in self.subject_heads(verb.head.head)[0] for a in self.actors(h)]
        roles.mutual = verb.lemma_ not in THIRD_PARTY_VERBS
        if passive:
            patients = [c for c in verb.children if c.dep_ == "nsubjpass"]
            if not patients and verb.dep_ in ("acl", "relcl"):
                patients = [verb.head]  # "the Emirate, re-established by the Taliban"
            if not patients and _bare_participle(verb):
                patients = self.subject_heads(verb.head)[0]
            roles.targets = [a for h in patients for a in self.actors(h)]
            if not roles.targets and any(_anaphoric(p) for p in patients) and verb.dep_ == "conj":
                # "X has voiced support for …, but such views are rejected by Y": X's views
                roles.targets = [a for h in self.subject_heads(verb.head)[0] for a in self.actors(h)]
            roles.targets = [t for t in roles.targets if t not in roles.sources]
            if not roles.targets:  # "a camp for Congolese refugees was attacked"
                roles.targets = self._named_within(patients, roles.sources)
            if not roles.sources and verb.lemma_ in RELEASING:
                roles.sources = self._holders(patients)
            if not roles.sources and verb.lemma_ in EXCLUDING:  # "Niger was suspended from ECOWAS":
                # the organisation suspends its member
                roles.sources = [a for h in self.prep_heads([verb], ("from",)) for a in self.actors(h)
                                 if self.index.kind_of(a) == "igo"]
        else:
            objects = self.object_heads(verb, entry)
            hosts = [verb, *objects, *([needed] if needed is not None else [])]
            partnered = any(o.lemma_ in PARTNER_NOUNS and any(c.lower_ == "with" for c in o.children)
                            for o in objects)  # "revoking Niger's agreements with Paris": Paris
            if (needed is not None and needed.dep_ in _OBJ) or partnered:  # "held talks with X on Y"
                roles.targets = self._actors_of(self.prep_heads(hosts, entry.target_preps), roles.sources)
            elif needed is not None and needed.lower_ in entry.target_preps:  # "fired on X": X, not
                # whatever else the parser made an object ("…, its term for the border")
                roles.targets = self._actors_of(self.prep_heads([verb], (needed.lower_,)), roles.sources)
            places = entry.type not in PLACELESS
            paired = _paired(entry, roles, self.index.country_of)
            topics = bool(objects) and paired and all(o.lemma_ in EVENT_NOUNS for o in objects)
            if not topics:  # ("held talks on the Kashmir dispute": no party hides in the talks)
                roles.targets = roles.targets or self._actors_of(objects, roles.sources, places)
            if entry.directive:  # "told the BBC that X must …": the outlet hears the demand, X is asked
                roles.targets = [a for a in roles.targets if self.index.kind_of(a) != "media"]
            if not roles.targets:
                # the clause the verb governs: "agreed to send X", "committed to sending X"
                clauses = [c for c in verb.children if c.dep_ == "xcomp"] + gerund_clauses(verb, ("to",))
                objects += [o for x in clauses for o in self.object_heads(x, entry)]
                named = [o for o in objects if (o.lemma_ in EVENT_NOUNS or o.lemma_ in ANAPHORIC_NOUNS)
                         and any(c.lower_ in ("the", "this", "that", "such", "these") for c in o.children)]
                if named:  # "condemned the attack", "refused to recognise the decision"
                    roles.object_event = EVENT_NOUNS.get(named[0].lemma_, "*")
            if not roles.targets:  # "withdrew its troops from Mali", "normalize ties with X"
                preps = tuple(p for p in entry.target_preps if p == "with") if topics else entry.target_preps
                roles.targets = self._actors_of(self.prep_heads(hosts, preps), roles.sources)
            if not roles.targets and any(o.lemma_ in RULERS for o in objects):
                # "recognising the government in Kabul": whoever governs from there
                places = self.prep_heads(hosts, ("in",))
                roles.targets = [a for a in (self.index.named_at(p) for p in places) if a and a not in roles.sources]
            if not roles.targets and entry.type in ("REQUEST", "ACCUSE", "THREATEN"):
                roles.targets = self._actors_of(self.clause_subjects(verb), roles.sources)
            for xcomp in (c for c in verb.children if c.dep_ == "xcomp" and not roles.targets):
                heads = self.object_heads(xcomp, entry)  # "refused to attend a conference"
                roles.targets = self._actors_of(heads, roles.sources) or self._actors_of(
                    self.prep_heads([xcomp, *heads], entry.target_preps), roles.sources)
            if not roles.targets and not paired:  # "suspended part of its aid programme for Bosnia"
                roles.targets = self._named_within(objects, roles.sources)
            if not roles.targets:  # "threatened to deliver blows to X"
                xcomps = [c for c in verb.children if c.dep_ == "xcomp"]
                roles.targets = self._named_within(xcomps, roles.sources)
            if not roles.targets:  # "blocked roads to press their demands on X"
                roles.targets = self._named_within([c for c in verb.children if purpose(c)], roles.sources)
            if not roles.targets and entry.type == "THREATEN":  # "reserved the right to strike X"
                contents = [c for o in objects for c in o.children if c.dep_ == "acl" and infinitive(c)]
                roles.targets = self._actors_of([x for c in contents for x in self.object_heads(c, entry)],
                                                roles.sources)
            if not roles.targets and entry.type == "THREATEN":  # "threatened to strike unless X complied"
                hosts = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
                conditions = [c for h in hosts for c in h.children if c.dep_ == "advcl" and
                              any(m.dep_ == "mark" and m.lower_ in ("unless", "if") for m in c.children)]
                subjects = [s for c in conditions for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
                roles.targets = self._actors_of(subjects, roles.sources)
            if not roles.targets:
                roles.targets = self._own_rulers([*objects, *self.prep_heads(hosts, entry.target_preps)], roles.sources)
        if not roles.targets and verb.dep_ == "ccomp" and verb.head.lemma_ in TELLING and \
                any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll", "shall") for c in verb.children):
            # "told Pakistani leaders that Washington would cut aid": what one says one will do
            # is done to whom one tells it
            hearers = [c for c in verb.head.children if c.dep_ in ("dobj", "dative")]
            roles.targets = self._actors_of(hearers, roles.sources)
        if not roles.targets and entry.type == "ASSAULT" and verb.tag_ == "VBG" and verb.dep_ in ("advcl", "acl") \
                and verb.head.pos_ == "VERB":
            # "a car bomb exploded outside the hotel in Jakarta, killing nine people": the
            # victims are where the clause it ends puts them
            place = self.place_country(verb.head)
            roles.targets = [place] if place and place not in roles.sources else []
        if needed is not None and needed.dep_ in _OBJ and any(
                c.dep_ in _OBJ and c.i != needed.i for c in verb.children):
            # "whom they had taken hostage": the other object is the party, not what they were made
            roles.targets = [t for t in roles.targets if t != self.index.actor_at(needed)]
        roles.sources = _unique(roles.sources)
        if not roles.targets and len(roles.sources) > 1 and needed is not None and \
                needed.lemma_ in PARTNER_NOUNS and not symmetric(entry.type, entry.cameo):
            # "X and Y upgraded their ties": each is the other's partner
            roles.sources, roles.targets = roles.sources[:1], roles.sources[1:]
        if not roles.sources and verb.tag_ == "VBG" and verb.dep_ in ("nsubj", "nsubjpass"):
            # "Fighting between government troops and rebels killed dozens": the two sides
            sides = _unique([a for p in between_preps(verb) for g in p.children if g.dep_ == "pobj"
                             for a in self.actors(g)])
            if len(sides) > 1:
                roles.sources, roles.targets = sides[:1], sides[1:]
        return roles

    def _speakers_state(self, pronoun: Token) -> list[str]:
        """The state of the nearest subject before "his"/"her" in its sentence that names one."""
        for tok in reversed(pronoun.doc[pronoun.sent.start: pronoun.i]):
            if tok.dep_ in ("nsubj", "nsubjpass"):
                states = [c for c in (self.index.country_of(a) if self.index.kind_of(a) == "person" else a
                                      for a in self.actors(tok)) if c]
                if states:
                    return states[:1]
        return []

    def _own_rulers(self, heads: list[Token], sources: list[str]) -> list[str]:
        """"Kenyan students criticised the government", "farmers demanded the president's
        resignation": a state's own people address its rulers, the state they belong to."""
        states = {a.split(":", 1)[0] for a in sources}
        if len(states) != 1 or not all(":" in a for a in sources) or \
                self.index.kind_of(next(iter(states))) != "state" or \
                any(a.split(":", 1)[1] in UPROOTED for a in sources):
            return []
        for head in heads:
            for tok in head.subtree:
                if tok.lemma_.lower() in OFFICE_NOUNS and tok.pos_ == "NOUN" and \
                        any(c.lower_ == "the" for c in tok.children) and not self.index.actor_at(tok):
                    return [next(iter(states))]
        return []

    def _named_within(self, heads: list[Token], exclude: list[str]) -> list[str]:
        """The first actor named deeper in a phrase than `actors` reads, through any
        preposition but not into clauses or places ("in", "at")."""
        for head in heads:
            stack = [head]
            while stack:
                tok = stack.pop(0)
                actor = self.index.actor_at(tok)
                if actor and actor not in exclude:
                    return [actor]
                for child in tok.children:
                    if child.dep_ == "acl" and child.tag_ == "VBN":  # "the truce signed between X and Y"
                        stack += between_preps(child)
                    if child.dep_ in ("relcl", "acl", "advcl", "ccomp", "xcomp", "appos", "conj", "cc"):
                        continue
                    if child.dep_ == "prep" and child.lower_ in PLACE_PREPS:
                        continue
                    stack.append(child)
        return []

    def _actors_of(self, heads: list[Token], exclude: list[str], places: bool = True) -> list[str]:
        found = [a for h in heads for a in self.actors(h, places)]
        return [a for a in _unique(found) if a not in exclude]

    # -- adverbs ("militarily in Georgia (2008), Ukraine (2014) and Syria (2015)") -----------

    def adverb_roles(self, adverb: Token) -> Roles:
        roles = Roles()
        up = adverb
        while up.head.i != up.i and not (up.pos_ in ("VERB", "AUX") and self.subject_heads(up)[0]):
            up = up.head
        heads = self.subject_heads(up)[0] if up.pos_ in ("VERB", "AUX") else []
        if not heads:
            heads = [t for t in adverb.sent if t.dep_ == "nsubj" and t.i > adverb.i][:1]
        roles.sources = _unique([a for h in heads for a in self.actors(h)])
        for tok in adverb.doc[adverb.i + 1: adverb.sent.end]:
            if tok.text in ("—", "–", ";", ":") or tok.i in {h.i for h in heads}:
                break
            actor = self.index.actor_at(tok)
            if actor and actor not in roles.targets and actor not in roles.sources:
                roles.targets.append(actor)
        return roles

    # -- nouns ----------------------------------------------------------------------------

    def noun_roles(self, noun: Token, entry: Trigger) -> Roles:
        roles = Roles()
        if _restates_event(noun):
            return roles  # "The event was Russia's bloodiest strike": the same event again
        if entry.type == "COOPERATE" and noun.head.lemma_ in STRAINING and noun.dep_ in ("nsubj", "nsubjpass", "dobj"):
            return roles  # "the relationship is strained by X", "ties have soured": no cooperation
        head = noun.head
        if noun.dep_ == "compound" and head.lemma_ in UNDERTAKINGS and \
                not any(c.dep_ in ("poss", "prep", "amod", "compound") for c in noun.children):
            # "launched a mediation effort between X and Y": the phrase's head carries the roles
            noun = head
        for child in noun.children:
            if child.dep_ == "poss":
                roles.sources += self.actors(child)
            elif child.dep_ in ("amod", "compound", "nmod"):
                # "Indo-Japanese cooperation": "Indo" hangs from "Japanese"
                mods = sorted([child, *(g for g in child.children if g.dep_ in ("amod", "compound", "npadvmod"))],
                              key=lambda t: t.i)
                # (a place named before the noun is where, not who: "the Lockerbie bombing")
                roles.sources += [a for a in (self.index.actor_at(m) for m in mods) if a and not a.startswith("place:")]
            elif child.dep_ == "prep":
                pobjs = [g for g in child.children if g.dep_ == "pobj"]
                if child.lower_ == "by" or (child.lower_ == "from" and entry.type in _FROM_SOURCE):
                    roles.sources += [a for p in pobjs for a in self.actors(p)]
                elif child.lower_ in entry.target_preps or child.lower_ == "between":
                    roles.targets += [a for p in pobjs for a in self.actors(p)]
                    # "an attack on the base by X": the parser hangs the "by" on the base
                    roles.sources += [a for p in pobjs for by in p.children if by.dep_ == "prep" and by.lower_ == "by"
                                      for g in by.children if g.dep_ == "pobj" for a in self.actors(g)]
            elif child.dep_ == "acl":
                # "the raid carried out by X" names the doer; a content clause ("the accusation
                # that Turkey armed rebels") has a subject of its own, who is not the accuser
                content = any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in child.children)
                agent = [] if content else self.subject_heads(child)[0]
                roles.sources += [a for h in agent for a in self.actors(h)]
                if child.tag_ == "VBN":  # "the ceasefire agreed between X and Y": the noun's parties
                    roles.targets += [a for p in between_preps(child) for g in p.children if g.dep_ == "pobj"
                                      for a in self.actors(g)]
        roles.sources = _unique(roles.sources)
        roles.targets = [t for t in _unique(roles.targets) if t not in roles.sources[:1]]
        if len(roles.sources) > 1 and not roles.targets and symmetric(entry.type, entry.cameo):
            roles.targets = roles.sources[1:2]  # "Sino-Russian cooperation"
            roles.sources = roles.sources[:1]
        if not roles.sources and len(roles.targets) > 1 and has_between(noun) and \
                entry.lemma not in THIRD_PARTY_NOUNS:  # a mediation between X and Y is a third party's
            roles.sources, roles.targets = roles.targets[:1], roles.targets[1:]
        if not roles.sources or not roles.targets:
            self._from_governor(noun, roles, entry)
        if not roles.sources and len(roles.targets) > 1 and noun.dep_ == "nsubj" and \
                noun.head.lemma_ in BREAKING_OUT and has_between(noun.head):
            # "clashes broke out between X and Y": the sides of a fight that erupted
            roles.sources, roles.targets = roles.targets[:1], roles.targets[1:]
        if not roles.targets:  # "China's demand that the Philippines tow away its ship"
            clauses = [c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl")]
            subjects = [s for c in clauses for s in c.children if s.dep_ in ("nsubj", "nsubjpass")
                        and s.lower_ not in _RELATIVE]
            contents = [c for c in clauses if c.dep_ == "acl" and infinitive(c)]
            roles.targets = self._actors_of(subjects, roles.sources) or \
                self._named_within(contents, roles.sources)  # "Russia's threat to cut supplies to X"
        if not roles.targets and noun.dep_ == "attr":  # "Sweden is a prime Russian target"
            subjects = [c for c in noun.head.children if c.dep_ == "nsubj"]
            roles.targets = self._actors_of(subjects, roles.sources)
        if not roles.targets and roles.sources and not _paired(entry, roles, self.index.country_of):
            # "a suspension of air links with Serbia"
            inner = [g for c in noun.children if c.dep_ == "prep" and c.lower_ not in PLACE_PREPS | {"by"}
                     for g in c.children if g.dep_ == "pobj"]
            if noun.dep_ == "dobj":  # "began a hunger strike to protest X's policy"
                inner += [c for c in noun.head.children if purpose(c)]
            roles.targets = self._named_within(inner, roles.sources)
        return roles

    def _from_governor(self, noun: Token, roles: Roles, entry: Trigger) -> None:
        """A noun without its own actor takes the subject of the verb that governs it:
        "Russia maintained a relationship with", "described the Taliban as allies"."""
        while noun.dep_ == "pobj" and noun.head.lower_ in ("of", "in") and measure(noun.head.head):
            noun = noun.head.head  # "announced 50 million euros in aid": the sum is what was announced
        verb, via = noun.head, noun.dep_
        if via == "pobj" and verb.dep_ == "prep":
            via, verb = "pobj:" + verb.lower_, verb.head
        if via == "pobj:for" and verb.lemma_ == "be":  # "the envoy was in Kabul for talks with"
            via = "dobj"
        if via == "pobj:in" and verb.lemma_ in PARTICIPATING:  # "X were engaged in ethnic cleansing"
            doers = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            roles.sources = roles.sources or _unique([a for h in doers for a in self.actors(h)])
            if not roles.targets:
                roles.targets = self._actors_of(self.prep_heads([verb], entry.target_preps), roles.sources)
            return
        if via == "pobj:on" and entry.needs == "on":
            via = "dobj"  # a state one is "on": "troops remained on alert"
        if verb.pos_ not in ("VERB", "AUX") or via not in ("dobj", "pobj:as", "pobj:to", "pobj:of", "oprd",
                                                            "nsubjpass", "nsubj", "pobj:for"):
            return  # "nsubjpass": "sanctions were imposed on X by Y"
        heads, passive = self.subject_heads(verb)
        heads = [h for h in heads if h.lemma_ not in EVENT_NOUNS]  # "the arrest drew protests": not the arrest's
        if not [a for h in heads for a in self.actors(h)] and verb.dep_ == "ccomp" and \
                verb.head.pos_ == "VERB" and verb.head.lemma_ not in _DENYING:
            # "Beijing stressed that the ceremony did not amount to recognition"
            heads, passive = self.subject_heads(verb.head)
        if passive and via != "nsubjpass":
            return
        if verb.lemma_ in JUDGING and via in ("dobj", "pobj:of", "pobj:for"):
            return  # "the ministry condemned the raid", "blamed X for the bombing": the judge did not raid
        if verb.lemma_ in UNDERGO and via == "dobj":  # "who face attacks from X": the subject suffers
            roles.targets = roles.targets or _unique([a for h in heads for a in self.actors(h)])
            return
        if roles.sources:  # "expressed its full solidarity with Cuba": the owner acts, the verb's phrase says on whom
            if not roles.targets and via == "dobj":
                roles.targets = self._actors_of(self.prep_heads([verb], entry.target_preps), roles.sources)
            return
        roles.sources = _unique([a for h in heads for a in self.actors(h)])
        if not roles.targets and via in ("pobj:as", "oprd"):
            objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
            roles.targets = [a for h in objects for a in self.actors(h)]
        if not roles.targets:  # "issued an ultimatum to Niger", "cleared the sale … to Turkey"
            roles.targets = self._actors_of(self.prep_heads([verb], entry.target_preps), roles.sources)


def conditional(verb: Token) -> bool:
    """A clause under "if", "unless" or "whether": a condition, not a statement."""
    return any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in verb.children)


def _anaphoric(token: Token) -> bool:
    return any(c.lower_ in ("such", "these", "those", "this", "that") for c in token.children)


def _restates_event(noun: Token) -> bool:
    """A predicate noun whose subject names an event already told ("the attack was …",
    "it represents full recognition")."""
    if not (noun.dep_ == "attr" or (noun.dep_ == "dobj" and noun.head.lemma_ in RESTATING_VERBS)):
        return False
    subjects = [c for c in noun.head.children if c.dep_ == "nsubj"]
    return any(s.lower_ in ("it", "this", "that") or s.lemma_ in EVENT_NOUNS or
               s.lemma_ in ("event", "incident") for s in subjects)


def _paired(entry: Trigger, roles: Roles, country: Callable[[str], str | None]) -> bool:
    """"India and Pakistan held talks on the Kashmir dispute": co-subjects of a symmetric event,
    of different states, are each other's party; what their talks are about is no party."""
    states = {country(a) or a for a in roles.sources}
    return symmetric(entry.type, entry.cameo) and len(states) > 1 and roles.mutual


def _unique(items: list[str]) -> list[str]:
    out: list[str] = []
    for item in items:
        if item not in out:
            out.append(item)
    return out


def _clause_verb(token: Token) -> Token:
    """The verb of the clause a word belongs to (the word itself when it is one)."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def _settlement_names(place: Token) -> list[Token]:
    """The place and, for a settlement named around its noun, the words that name it: "the
    Turkish city of Diyarbakir", "Bahrain's capital" (not "along the Pakistani border", which
    is no place in Pakistan; "the east of Sri Lanka" is)."""
    if place.lemma_.lower() not in AREA_NOUNS:
        return [place]
    named = [c for c in place.children if c.dep_ in ("amod", "compound", "poss")]
    named += [g for c in place.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return [place, *named]


def _has_own_doer(noun: Token) -> bool:
    lemma = noun.lemma_.lower()
    return lemma in EVENT_NOUNS or lemma in STANCE_NOUNS


def _own_clause(verb: Token) -> list[Token]:
    """The verb's subtree without the clauses it governs or is joined to, in text order."""
    out, stack = [], [verb]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack += [c for c in tok.children
                  if not (c.pos_ in ("VERB", "AUX") and c.dep_ in ("conj", "advcl", "ccomp", "relcl", "acl"))]
    return sorted(out, key=lambda t: t.i)


def _bare_participle(verb: Token) -> bool:
    """"if attacked", "when asked", "unless provoked": a passive clause with neither subject nor
    auxiliary, whose patient is the subject of the clause it hangs on."""
    return verb.tag_ == "VBN" and verb.dep_ == "advcl" and \
        not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "dobj") for c in verb.children) and \
        any(c.dep_ == "mark" and c.lower_ in ("if", "when", "unless", "once", "whenever", "until") for c in verb.children)


def _prep_objects(head: Token, preps: tuple[str, ...]) -> list[Token]:
    """The objects of the head's prepositions among `preps` ("areas of Freetown": Freetown)."""
    return [g for c in head.children if c.dep_ == "prep" and c.lower_ in preps for g in c.children if g.dep_ == "pobj"]
