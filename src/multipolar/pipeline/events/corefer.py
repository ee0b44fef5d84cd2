"""Within-document coreference: candidates → events.

One real-world event mentioned several times becomes one event with several evidence
entries; a mention with no actors of its own ("the attack", "such recognition") joins the
latest event of its type; "planned by X" completes an earlier event that lacked its
source; "a step not even Pakistan has taken" repeats the previous event for new actors;
denials mark the claims they deny.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Span, Token

from ...knowledge import ActorBase
from ...knowledge.lexicon import event_nouns, word_classes
from ...model import Document, Event, EventDate, Evidence
from ..actors import CROWD_COUNTS, group_actor, role_of
from .candidates import Candidate
from .roles import NOUN_CLASSES, STATE_AGENTS, THIRD_PARTY_NOUNS, RoleFinder, conditional, symmetric
from .triggers import PROPOSALS, REPORTING, THIRD_PARTY_VERBS, acted_on, infinitive, purpose
from .status import CLAIM_NOUNS, PROMISING, certainty

EXECUTION_VERBS = {"plan", "carry", "conduct", "claim", "perpetrate", "orchestrate", "mastermind",
                   "organize", "organise", "launch", "stage", "commit", "blame"}
LIGHT_VERBS = {"take", "do", "follow"}
LIGHT_OBJECTS = {"step", "move", "so", "same", "suit", "this", "that", "it", "likewise"}
DENIALS = {"deny", "dismiss", "refute", "rebut", "reject"}
# events that mean nothing without a party on the other side; criticism and inquiries stand alone
# ("condemned the attack", "police are investigating the killing": PLOVER's ACCUSE, target unknown)
NEEDS_TARGET = {"COOPERATE", "CONSULT", "AGREE", "AID", "SUPPORT", "REQUEST", "SANCTION"}
MEDIA_TYPES = {"ACCUSE", "REJECT"}
IMPLIED_TARGET = {"AID", "REQUEST", "COOPERATE", "CONSULT"}  # "extend assistance": to someone
VERBAL_CONFLICT = {"REJECT", "ACCUSE"}  # "X said it would veto …" is the rejection itself
COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST"}
# texts that bind or describe several parties: what "the deal says that X will …" is no pledge of
# X's own (a statement, by contrast, speaks for its issuer: "X will …, a statement by X said")
TEXT_NOUNS = {"deal", "agreement", "accord", "treaty", "text", "document", "plan", "report", "memo",
              "memorandum", "draft", "pact", "law", "bill", "constitution"}
ANNOUNCING = {"say", "announce", "declare", "state", "tell", "confirm", "add", "promise", "pledge", "vow"}
# verbs and nouns whose content clause with "must"/"should" is a demand on its subject
HOLDING_VIEWS = {"believe", "think", "feel", "write", "note", "announce", "assert", "affirm", "explain",
                 "indicate", "confirm", "repeat", "reiterate", "stress", "insist", "argue"}
STATEMENT_NOUNS = {"statement", "position", "view", "message", "letter", "insistence", "declaration",
                   "resolution", "communique", "note", "stance", "conviction", "belief"}
SELF_PRONOUNS = {"he", "she", "it", "they", "we", "i"}
AUTHORITY_ACTS = {"arrest", "detain", "jail", "imprison", "deport", "sentence", "convict", "execute", "charge",
                  "indict", "prosecute", "expel", "extradite"}
# CAMEO codes for events a convention retyped (CAMEO→PLOVER 2021: the root code of each type;
# 144 "obstruct passage", 062 "military cooperation")
RETYPED_CAMEO = {"AGREE": "030", "CONSULT": "040", "SUPPORT": "050", "COOPERATE": "062", "AID": "070",
                 "CONCEDE": "080", "RETREAT": "087", "REQUEST": "100", "ACCUSE": "110", "REJECT": "120",
                 "THREATEN": "130", "PROTEST": "144", "MOBILIZE": "150", "SANCTION": "160", "COERCE": "170",
                 "ASSAULT": "190"}
# the nouns of those who speak for a state: "the ministry protested", "officials protested"
STATE_VOICES = {"government", "ministry", "minister", "embassy", "official", "president", "spokesman", "spokeswoman",
                "spokesperson", "diplomat", "ambassador", "envoy", "cabinet", "administration", "delegation",
                "authority", "premier", "chancellor"}
# verbs by which a subject does what their object names: "lodged a protest", "launched a raid"
STAGING = {"lodge", "file", "stage", "hold", "launch", "mount", "carry", "conduct", "make", "register", "voice",
           "issue", "lead", "organize", "organise"}
POLICING = {"police", "policeman", "policemen", "officer", "agent", "official", "investigator", "inspector",
            "authority", "prosecutor", "customs"}
FEELINGS = {"concern", "disappointment", "outrage", "dismay", "displeasure"}  # "expressed concern over X"
JOINING = {"join", "accede", "accession", "membership"}
ADMITTING = {"admit"}  # ("X was admitted": X joins)
SENT_AWAY = {"ambassador", "envoy", "diplomat", "attache", "consul", "representative", "troop", "peacekeeper",
             "force", "mission", "contingent", "observer", "inspector"}
DEPARTING = {"leave", "depart", "quit", "exit", "go"}
EXERCISES = {"exercise", "drill", "game", "manoeuvre", "maneuver", "wargame"}
PLACE_TARGETED = {"CONCEDE", "MOBILIZE", "PROTEST", "COERCE", "ASSAULT", "RETREAT"}
FORCIBLE_ENTRY = {"storm", "overrun", "besiege"}
GATHERING = {"gather", "assemble", "converge", "pour", "flock", "throng", "crowd", "congregate"}
OBSTRUCTING = {"block", "barricade", "obstruct", "blockade"}
PROTESTING = {"protest", "denounce", "oppose", "demand", "press"}
ARMED_ROLES = {"rebels", "militants", "insurgents", "gunmen", "militias", "militiamen", "guerrillas", "armed-groups",
               "separatists"}
# a state's fighters: "government troops stormed the stronghold" (an assault, not a crowd's protest)
SOLDIERS = {w for w, kind in NOUN_CLASSES.items() if kind == "force"} | {"commando", "marine", "paratrooper"}
# what a state hosts that is no visit: forces and arms (cooperation), people fleeing (aid)
SHELTERED = {"refugee", "migrant", "seeker", "exile", "evacuee"}  # ("asylum-seekers": the tokens split)
HOSTED = SHELTERED | {"troop", "force", "base", "weapon", "missile", "office", "embassy", "headquarters",
                      "soldier", "warship", "fleet", "jet", "aircraft", "warplane", "bomber", "drone", "radar", "facility",
                      "camp"}
ARMS = {"weapon", "arm", "gun", "rifle", "arsenal", "ammunition", "munition", "explosive"}
# what one says or decides, which is attacked with words: "attacked the government's policy"
SAYINGS = PROPOSALS | {"policy", "decision", "remark", "statement", "speech", "comment", "stance", "record",
                       "handling", "report", "claim", "approach", "budget", "rhetoric"}  # (not "positions")
HELPING = {"help", "assist", "protect", "support", "secure", "guard", "stabilise", "stabilize", "evacuate",
           "police", "patrol", "defend"}
SIGNING = {"sign", "ratify", "finalize", "finalise", "initial", "ink"}
# the state's forces of order, and those they put down ("police fired on demonstrators")
AUTHORITY_FORCES = {"police", "policeman", "policemen", "security", "gendarme", "guard", "authority"}
DISSENTERS = {"protester", "protestor", "demonstrator", "marcher", "rioter", "crowd", "striker", "picketer",
              "activist", "dissident", "demonstration", "protest", "rally", "march", "mourner"}
# who speak through the news ("the state-run press attacked …"), and who attack with arms
NEWS_MEDIA = {"press", "media", "newspaper", "daily", "paper", "editorial", "television", "radio", "agency"}
ARMED_DOERS = SOLDIERS | {w for w, kind in NOUN_CLASSES.items() if kind == "aircraft"} | {
    "helicopter", "gunman", "militant", "rebel", "artillery", "tank", "warship"}
TIME_UNITS = {"time", "day", "night", "week", "month", "year", "hour", "minute", "while", "moment", "period",
              "weekend", "decade", "summer", "winter", "spring", "autumn"}
# what tells a stoppage of work from a raid (see _labour): how it runs, what it is over, who strikes
LABOUR_SPANS = {"open-ended", "indefinite", "general", "nationwide", "national", "wildcat", "sit-down", "token",
                "week-long", "day-long"}
HOURS = re.compile(r"^(?:\d+|one|two|three|four|five|six|seven|ten)\s*-\s*(?:hour|day|week)$")
LABOUR_CAUSES = {"pay", "wage", "salary", "pension", "bill", "law", "reform", "condition", "price", "layoff",
                 "cut", "privatization", "privatisation", "contract", "arrears", "benefit"}
STRIKERS = {"worker", "union", "teacher", "employee", "doctor", "nurse", "miner", "driver", "staff", "docker",
            "labour", "labor", "trucker", "pilot", "student", "farmer", "civil", "servant", "lawyer", "journalist",
            "trader", "shopkeeper", "merchant"}
STAGED_STOPPAGES = {"stage", "hold", "call"}  # ("launched a strike", "began air strikes": raids)
ACCEPTING = {"accept", "agree"}
INTENDING = {"plan", "intend", "aim"}
WILLING = {"ready", "prepared", "willing"}
FUTURE = {"will", "would", "'ll", "shall"}
PLANNED = {"scheduled", "due", "set", "plan", "planned", "plans", "expected", "expect", "intends", "intend"}
TIME_WORDS = {"after", "before", "since", "while", "when", "until", "following"}
UNKNOWN_DOERS = {"bomb", "blast", "explosion", "mine", "rocket", "missile", "shell", "grenade", "device", "mortar",
                 "landmine", "round",
                 "bomber", "attacker", "assailant", "gunman", "gunmen", "sniper", "drone"}
CROWDS = (CROWD_COUNTS - {"group", "number"}) | {"throng", "ten"}  # ("tens of thousands": lemma "ten")
# plural nouns for people by what they do ("volunteers", "organisers", "activists"), and those
# who only watch or comment, who are no parties ("analysts warned …", "investors pulled out …")
PERSON_ENDINGS = ("er", "or", "ist", "ian", "eer", "ee", "man")
ONLOOKERS = {"investor", "observer", "commentator", "trader", "banker", "broker", "reporter", "reader", "viewer",
             "forecaster", "economist", "researcher", "pollster", "insider", "spectator", "bystander"}
CASUALTY_VERBS = {"kill", "wound", "injure", "hurt", "maim"}  # a toll, whatever caused it
FORCE_TYPES = {"ASSAULT", "COERCE", "PROTEST"}
LOOKBACK = 3  # sentences an anaphoric mention may reach back
_YEAR = re.compile(r"^(1[89]|20)\d\d$")


@dataclass
class Draft:
    """An event being assembled from one or more candidates."""

    source: str | None
    target: str | None
    first: Candidate
    status: str
    status_cue: str | None
    date: EventDate | None
    mentions: list[Candidate] = field(default_factory=list)
    attributed_to: list[str] = field(default_factory=list)
    denied_by: list[str] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)
    type: str = ""
    cameo: str | None = None  # set where a convention names the code itself

    @property
    def last_sentence(self) -> int:
        return max(c.sentence for c in self.mentions)

    def add(self, cand: Candidate) -> None:
        if cand not in self.mentions:
            self.mentions.append(cand)
        self.date = finer(self.date, cand.date)
        for name in ("attributed_to", "speakers"):
            mine = getattr(self, name)
            mine += [a for a in getattr(cand, name) if a not in mine]

    def absorb(self, other: Draft) -> None:
        """Take in another draft found to tell the same event."""
        for cand in other.mentions:
            self.add(cand)
        self.target = self.target or other.target
        self.denied_by += [a for a in other.denied_by if a not in self.denied_by]


def finer(a: EventDate | None, b: EventDate | None) -> EventDate | None:
    """The more precise of two compatible dates (a when they disagree)."""
    if a is None:
        return b
    if b is None:
        return a
    if b.iso.startswith(a.iso) and len(b.iso) > len(a.iso):
        return b
    return a


def compatible(a: EventDate | None, b: EventDate | None) -> bool:
    return a is None or b is None or a.iso.startswith(b.iso) or b.iso.startswith(a.iso)


def resolve_document(cands: list[Candidate], doc: Document, finder: RoleFinder,
                     base: ActorBase) -> list[Event]:
    drafts: list[Draft] = []
    by_sentence: dict[int, list[Candidate]] = {}
    for cand in cands:
        by_sentence.setdefault(cand.sentence, []).append(cand)
        if cand.type == "AGREE" and cand.nominal and _signed_agreement(cand.token):
            # "a deal was signed by X and Y": the agreement signed is the signing (SUPPORT 057,
            # as the PLOVER manual and the CAMEO table code it), one event with the verb's
            cand.type = "SUPPORT"
    for number in sorted(by_sentence):
        # mentions with actors first, so that "the strike that killed X" finds its deed
        for cand in sorted(by_sentence[number], key=lambda c: not c.roles.pairs(c.type, c.entry.cameo)):
            _place(cand, drafts, finder)
        _light_verbs(by_sentence[number], drafts, finder)
    for cand in cands:
        if cand.token.lemma_ in DENIALS and cand.entry.type == "REJECT":
            _apply_denial(cand, drafts)
    _unnamed_attackers(drafts, cands, doc, finder, base)
    actors = Lookup(doc, base)
    _hosted_dates(drafts)
    _unnamed_authorities(drafts, finder)
    _told_demands(drafts, finder)
    _moved_forces(drafts, finder)
    _unnamed_doers(drafts, doc, finder)
    _unnamed_crowds(drafts, doc, finder, base)
    _place_targets(drafts, finder, actors)
    for draft in drafts:  # "Sweden applied to join": the organisation the text has been about
        if draft.source and draft.target is None and _joins(draft.first.token) and \
                actors.kind(draft.source) in ("state", "government", "person"):
            draft.target = _recent_organisation(draft, doc, actors)
        elif draft.source is None and draft.target and draft.first.token.lemma_ in ADMITTING and \
                draft.first.roles.passive and actors.kind(draft.target) in ("state", "government"):
            # "Finland was admitted to NATO", "… was admitted in April": it joined the organisation
            # named, or the one the text is about; not "admitted to the talks", "to Poland"
            named, organisation = _admitted_into(draft.first.token, doc, actors)
            organisation = organisation if named else _recent_organisation(draft, doc, actors)
            if organisation is not None:
                draft.source, draft.target = draft.target, organisation
    for draft in drafts:  # implied partners first, so that the mention can join its event
        if draft.source and draft.target is None and draft.type in IMPLIED_TARGET and \
                draft.first.token.lemma_ not in THIRD_PARTY_NOUNS:
            # ("praised Qatar's mediation": the mediator's parties are not whoever else is named)
            draft.target = _fallback_target(draft, doc, base, drafts)
    return _finish(_merge(drafts, actors), doc, actors)


def _joins(token: Token) -> bool:
    """"applied to join", "joined", "its bid to join": joining with the organisation left unsaid
    (not "joined in", "joined with the protesters")."""
    joining = [token] + [c for c in token.children if c.dep_ in ("xcomp", "acl")]
    return any(t.lemma_ in JOINING and not any(c.dep_ in ("dobj", "prt") or _joined_with(c) for c in t.children)
               for t in joining)


def _joined_with(child: Token) -> bool:
    """"joined with the protesters", "joined in (the strike)", "accession to the EU"; not "in May"
    nor "together with Finland"."""
    if child.dep_ != "prep" or child.lower_ not in ("to", "in", "with"):
        return False
    if any(g.lower_ in ("together", "along") for g in child.children):
        return False  # "applied to join, together with Finland": a co-applicant
    return not any(g.ent_type_ in ("DATE", "TIME") for g in child.children)


def _admitted_into(verb: Token, doc: Document, actors: Lookup) -> tuple[bool, str | None]:
    """Whether "admitted" names where to ("to NATO", "into the talks"), and the organisation it
    names there, if it is one."""
    places = [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "into")
              for g in c.children if g.dep_ == "pobj"]
    for place in places:
        start, end = place.left_edge.idx, place.right_edge.idx + len(place.right_edge)
        for mention in doc.mentions:
            if start <= mention.start < end and actors.kind(mention.actor_id) == "igo":
                return True, mention.actor_id
    return bool(places), None


def _recent_organisation(draft: Draft, doc: Document, actors: Lookup) -> str | None:
    """The international organisation named last in the event's sentence or the few before it."""
    number = draft.first.sentence
    for mention in reversed(doc.mentions):
        if number - LOOKBACK <= mention.sentence <= number and mention.actor_id != draft.source and \
                mention.start < draft.first.token.idx and actors.kind(mention.actor_id) == "igo":
            return mention.actor_id
    return None


def _unnamed_attackers(drafts: list[Draft], cands: list[Candidate], doc: Document, finder: RoleFinder,
                       base: ActorBase) -> None:
    """"A roadside bomb killed two soldiers", "civilians were killed in Baghdad": an attack
    told with its victims and no attacker anywhere. Like CAMEO's unidentified armed forces,
    the doer becomes "unidentified attackers" of the country where it happened (or of no
    country when the text names no place), so the attack is not lost."""
    for draft in drafts:
        if draft.source is not None or draft.type != "ASSAULT" or draft.target is None or \
                all(c.nominal for c in draft.mentions) or draft.status in ("negated", "hypothetical"):
            continue
        named = [d for d in drafts if d.type in FORCE_TYPES and d.source is not None
                 and 0 <= draft.first.sentence - d.last_sentence <= LOOKBACK]
        if named:  # "militants stormed the base; two soldiers were killed": already told
            told = named[-1]
            if told.type == "ASSAULT" and told.target is None and told.first.sentence == draft.first.sentence:
                told.target = draft.target  # "soldiers were killed when militants attacked"
                told.absorb(draft)
            continue
        if not _violent(draft.first) or not _doer_left_open(draft.first):
            continue  # "killed in floods": no attack; "government troops shelled …": a doer named
        token = draft.first.token
        country = finder.place_country(token) or (  # ("exploded in X, killing …": where the clause was)
            finder.place_country(token.head) if token.dep_ in ("advcl", "acl", "conj") else None)
        where = f" in {base.actor(country).name}" if country else ""
        draft.source = group_actor(doc, country, "unidentified attackers", f"unidentified attackers{where}")
        for cand in cands:  # "a rocket attack on Thursday wounded …": the attack is this deed
            if cand.sentence == draft.first.sentence and cand.nominal and cand.type == "ASSAULT" \
                    and not cand.has_actors:
                draft.add(cand)


def _hosted_dates(drafts: list[Draft]) -> None:
    """"Iraq hosted talks between X and Y in 2021": the hosting is when the talks were."""
    for host in drafts:
        token = host.first.token
        if host.date is not None or token.lemma_ not in THIRD_PARTY_VERBS:
            continue
        hosted = next((d for d in drafts if d.first.token.head.i == token.i and d.first.token.dep_ == "dobj"
                       and d.first.sentence == host.first.sentence and d.date is not None), None)
        if hosted is not None:
            host.date = hosted.date


def _unnamed_authorities(drafts: list[Draft], finder: RoleFinder) -> None:
    """"A missionary was arrested in Lebanon": only a state's authorities arrest, jail or
    deport, so with no agent named the doer is the state where it happened."""
    for draft in drafts:
        token = draft.first.token
        if draft.source is not None or draft.first.nominal or token.lemma_ not in AUTHORITY_ACTS or \
                not any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children) or \
                any(c.dep_ == "agent" for c in token.children):
            continue
        draft.source = finder.place_country(token) or next(  # "were deported from Iran"
            (c for c in map(finder.index.country_at, finder.prep_heads([token], ("from",))) if c), None)


def _moved_forces(drafts: list[Draft], finder: RoleFinder) -> None:
    """"Thousands of Indian troops were deployed in Kashmir": with no one named as sending them,
    forces moved are moved by their own state, towards the place named, if another."""
    forces = word_classes()["force"]
    for draft in drafts:
        token = draft.first.token
        if draft.type != "MOBILIZE" or draft.source is not None or draft.target is None or \
                draft.first.nominal or any(c.dep_ == "agent" for c in token.children):
            continue
        subjects = [c for c in token.children if c.dep_ == "nsubjpass"]
        subjects += [g for c in subjects for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                     for g in p.children if g.dep_ == "pobj"]  # "thousands of Indian troops"
        moved = [c for c in subjects if c.lemma_.lower() in forces]
        if moved and draft.target in finder.actors(moved[0]):
            place = finder.place_country(token)
            draft.source, draft.target = draft.target, place if place != draft.target else None


def _told_demands(drafts: list[Draft], finder: RoleFinder) -> None:
    """"Iraq must disarm, according to the United States", "Sudan must rein in the militias,
    Annan said" (the parser taking "said" for a second verb of the clause): what a speaker says
    another must do is the speaker's demand on it (CAMEO 100), not a deed that may happen."""
    for draft in drafts:
        token = draft.first.token
        if draft.status != "hypothetical" or (draft.status_cue or "").lower() not in ("must", "should") or \
                draft.first.nominal or draft.source is None:
            continue
        said: list[Token] = []
        if token.dep_ == "ROOT":
            said = [s for c in token.children if c.dep_ in ("conj", "parataxis") and c.lemma_ in REPORTING
                    for s in c.children if s.dep_ == "nsubj"]
            said += [g for t in token.sent if t.lower_ == "according" and t.i + 1 < len(t.doc) and
                     t.nbor(1).lower_ == "to" for g in t.nbor(1).children if g.dep_ == "pobj"]
        elif token.dep_ == "ccomp" and token.head.lemma_ in HOLDING_VIEWS:  # "he believes X must …"
            said = [s for s in token.head.children if s.dep_ == "nsubj"]
        elif token.dep_ == "acl" and token.head.lemma_ in STATEMENT_NOUNS:
            # "its position that X must …", "issued a statement that X should …"
            noun = token.head
            said = [c for c in noun.children if c.dep_ == "poss"] or (
                [s for s in noun.head.children if s.dep_ == "nsubj"] if noun.dep_ == "dobj" else [])
        speakers = [a for head in said for a in finder.actors(head) if a != draft.source]
        if speakers:
            draft.source, draft.target, draft.type, draft.cameo = speakers[0], draft.source, "REQUEST", "100"
            draft.status, draft.status_cue = "asserted", f"demand ({draft.status_cue})"


def _unnamed_doers(drafts: list[Draft], doc: Document, finder: RoleFinder) -> None:
    """"Volunteers delivered food to X", "the organisers accused the police of …": a doer
    told only by a plural common noun the actor stage did not know is a group by that name,
    of the country where it acted (or of none), so the deed is not lost. State agents ("troops
    shelled …") and things ("floods killed …", "the talks ended …") are no such group."""
    for draft in drafts:
        if draft.source is not None or draft.target is None or draft.first.nominal:
            continue
        token = draft.first.token
        subjects = [c for c in token.children if c.dep_ == "nsubj"] or [
            g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if len(subjects) != 1 or not _unknown_people(subjects[0]):
            continue
        if token.lemma_.lower() in CASUALTY_VERBS and not _violent(draft.first):
            continue
        noun = subjects[0]
        country = finder.place_country(token)
        draft.source = group_actor(doc, country, noun.lower_, noun.lower_)


def _unnamed_crowds(drafts: list[Draft], doc: Document, finder: RoleFinder, base: ActorBase) -> None:
    """"Thousands marched in Budapest", "more than 500 people rallied in Kathmandu": a crowd
    told only by its size protests as protesters of the state where it gathered."""
    for draft in drafts:
        token = draft.first.token
        if draft.source is not None or draft.type != "PROTEST" or draft.status in ("negated", "hypothetical"):
            continue
        verb = _crowd_verb(draft.first)
        if not _crowd_subject(verb):
            continue
        country = finder.place_country(token) or finder.place_country(verb) or finder.place_reached(verb)
        if country is not None:
            draft.source = group_actor(doc, country, "protesters", f"{base.actor(country).name} protesters")


def _crowd_verb(cand: Candidate) -> Token:
    """The verb whose subject is the crowd: the trigger, the verb a protest is the purpose of
    ("poured into the streets to protest"), or the verb of a protest noun ("took part in a
    demonstration", "staged a sit-in")."""
    token = cand.token
    if cand.nominal:
        if token.dep_ == "pobj" and token.head.head.pos_ == "VERB":
            return token.head.head
        return token.head if token.dep_ == "dobj" and token.head.pos_ == "VERB" else token
    if token.dep_ in ("advcl", "xcomp") and (infinitive(token) or token.tag_ == "VBG") and token.head.pos_ == "VERB":
        return token.head  # ("gathered outside the embassy chanting slogans")
    return token


def _crowd_subject(verb: Token) -> bool:
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return len(subjects) == 1 and _crowd(subjects[0])


def _crowd(noun: Token) -> bool:
    """"thousands", "more than 10,000 people", "a crowd of 500": people counted, not named."""
    lemma = noun.lemma_.lower()
    counted = noun.pos_ == "NUM" or any(c.dep_ == "nummod" for c in noun.children)
    unowned = not any(c.dep_ in ("amod", "compound", "poss", "det", "prep") for c in noun.children)
    return lemma in CROWDS or (counted and (lemma in ("people", "person") or noun.ent_type_ == "NORP")) or (
        unowned and lemma in ("protester", "demonstrator", "marcher")) or (
        noun.pos_ == "NUM" and noun.like_num)  # ("200 Tibetans": a people counted, no state's)


def _unknown_people(noun: Token) -> bool:
    """A plural common noun for people that names no one the actor stage knew: a role word or
    a word for people by what they do ("volunteers", "the organisers"); not "troops", "bombs",
    "floods", "airlines", "analysts" nor "officials from Chad"."""
    lemma = noun.lemma_.lower()
    people = role_of(noun) is not None or (lemma.endswith(PERSON_ENDINGS) and lemma not in ONLOOKERS)
    return people and noun.tag_ == "NNS" and noun.is_alpha and not noun.ent_type_ and \
        lemma not in NOUN_CLASSES and lemma not in STATE_AGENTS and lemma not in STATE_VOICES and \
        lemma not in CROWDS and not _attack_word(noun) and not any(t.ent_type_ for t in noun.subtree)


def _place_targets(drafts: list[Draft], finder: RoleFinder, actors: Lookup) -> None:
    """A deed done on a place with no one named as its target ("Serbia lifted the curfew in
    Montenegro", "Israeli troops remained on alert in the West Bank") is done to the state
    of that place, when it is another state than the doer's (PLOVER codes it so)."""
    for draft in drafts:
        if draft.target is not None or draft.source is None or draft.type not in PLACE_TARGETED:
            continue
        country = finder.place_country(draft.first.token)
        if country and country != (actors.country(draft.source) or draft.source):
            draft.target = country


def _doer_left_open(cand: Candidate) -> bool:
    """Whether the text leaves the doer open: a passive with no agent ("were killed in …") or
    an attack's means as subject ("a roadside bomb killed …"). A doer the actor stage could
    not resolve ("government troops shelled …"), or no subject at all (a parse gone wrong),
    is not an unknown attacker."""
    kids = list(cand.token.children)
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in kids):
        return True
    subjects = [c for c in kids if c.dep_ == "nsubj"]
    if not subjects and cand.token.tag_ == "VBG" and cand.token.dep_ in ("advcl", "acl", "conj"):
        # "a car bomb exploded outside the station, killing six policemen": the clause it ends
        subjects = [c for c in cand.token.head.children if c.dep_ == "nsubj"]
    return bool(subjects) and all(_attack_word(s) for s in subjects)


def _violent(cand: Candidate) -> bool:
    """A deed of violence, not a death toll: "shot", "shelled", or "killed" with an attack or
    its means named in its sentence ("killed in a bombing", "a car bomb killed …")."""
    if cand.token.lemma_.lower() not in CASUALTY_VERBS:
        return True
    return any(_attack_word(t) for t in cand.sent if t.pos_ == "NOUN")


def _attack_word(token: Token) -> bool:
    """An attack ("bombing", "raid") or its means or unnamed doer ("bomb", "gunman")."""
    lemma = token.lemma_.lower()
    return lemma in UNKNOWN_DOERS or event_nouns().get(lemma) == "ASSAULT"


class Lookup:
    """What is known of an actor id: the document's own actors first, then the base."""

    def __init__(self, doc: Document, base: ActorBase) -> None:
        self.doc, self.base = doc, base

    def _actor(self, actor_id: str):  # type: ignore[no-untyped-def]
        if actor_id in self.doc.actors:
            return self.doc.actors[actor_id]
        return self.base.actor(actor_id) if actor_id in self.base else None

    def country(self, actor_id: str) -> str | None:
        actor = self._actor(actor_id)
        return actor.country if actor else None

    def kind(self, actor_id: str) -> str | None:
        actor = self._actor(actor_id)
        return actor.kind if actor else None


def _draft(cand: Candidate, source: str | None, target: str | None) -> Draft:
    draft = Draft(source, target, cand, cand.certainty.status, cand.certainty.cue, cand.date,
                  type=cand.type)
    draft.add(cand)
    return draft


def _place(cand: Candidate, drafts: list[Draft], finder: RoleFinder) -> None:
    if cand.type == "MOBILIZE" and cand.token.lemma_ in EXERCISES and len(cand.roles.sources) > 1 \
            and not cand.roles.targets:
        cand.type = "COOPERATE"  # "French and Egyptian warships held war games": a joint exercise
    pairs = cand.roles.pairs(cand.type, cand.entry.cameo)
    if cand.roles.object_event and pairs and all(t is None for _, t in pairs):
        # "Sudan condemned the attack": the target is whoever carried out that attack
        want = cand.roles.object_event

        def fits(d: Draft) -> bool:
            return bool(d.source) and d.source not in cand.roles.sources and (want in ("*", d.type)) \
                and cand.sentence - d.last_sentence <= LOOKBACK

        named = next((d for d in reversed(drafts) if fits(d)), None)
        if named is not None:
            pairs = [(s, named.source) for s, _ in pairs if s != named.source]
    if pairs:
        for s, t in pairs:
            draft = _draft(cand, s, t)
            draft.date = year_after(cand.sent, t, finder) or draft.date  # "Georgia (2008)"
            drafts.append(draft)
        return
    completer = _executor(cand, finder)
    antecedent = _antecedent(cand, drafts, sourceless=bool(completer))
    if antecedent is not None and (completer or not cand.has_actors):
        if completer and antecedent.source is None:
            antecedent.source = completer[0]
        antecedent.add(cand)
        return
    if cand.roles.targets:  # a deed whose doer may be named later ("planned by X")
        drafts += [_draft(cand, None, t) for t in cand.roles.targets]
    elif cand.type == "PROTEST" and _crowd_subject(_crowd_verb(cand)):
        drafts.append(_draft(cand, None, None))  # "thousands marched in X": the crowd is placed later


def year_after(sent: Span, actor: str | None, finder: RoleFinder) -> EventDate | None:
    """A year in brackets right after a mention of the actor: "in Georgia (2008)"."""
    if actor is None:
        return None
    for tok in sent[:-3]:
        nxt = tok.nbor(1)
        if finder.index.actor_at(tok) == actor and nxt.text == "(" and _YEAR.match(nxt.nbor(1).text) \
                and nxt.nbor(2).text == ")":
            year = int(nxt.nbor(1).text)
            return EventDate(str(year), date(year, 1, 1), date(year, 12, 31), "year in brackets")
    return None


def _antecedent(cand: Candidate, drafts: list[Draft], sourceless: bool = False) -> Draft | None:
    """The latest event of the same type a few sentences back (one still lacking its doer,
    when the mention names who carried it out)."""
    near = [d for d in drafts if d.type == cand.type and cand.sentence - d.last_sentence <= LOOKBACK]
    if sourceless:
        near = [d for d in near if d.source is None] or near
    return near[-1] if near else None


def _executor(cand: Candidate, finder: RoleFinder) -> list[str]:
    """Actors named as carrying out an event mentioned by a bare noun: "the attack was
    planned by X", "X carried out the attack"."""
    if not cand.nominal:
        return []
    verb = cand.token.head
    if verb.lemma_ not in EXECUTION_VERBS:
        verb = verb.head if verb.dep_ in ("xcomp", "ccomp", "auxpass") else verb
        if verb.lemma_ not in EXECUTION_VERBS:
            # "is known to have been planned by": the planning verb sits under the noun's verb
            verb = next((t for t in cand.token.head.subtree if t.lemma_ in EXECUTION_VERBS), verb)
    if verb.lemma_ not in EXECUTION_VERBS:
        return []
    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if not agents and cand.token.dep_ in ("dobj",):
        agents = [c for c in verb.children if c.dep_ == "nsubj"]
    return [a for head in agents for a in finder.actors(head)]


def _light_verbs(sentence: list[Candidate], drafts: list[Draft], finder: RoleFinder) -> None:
    """"… a step not even Pakistan has taken": the previous event again, for new actors."""
    if not sentence or not drafts:
        return
    sent = sentence[0].sent
    for tok in sent:
        if tok.lemma_ not in LIGHT_VERBS or tok.pos_ != "VERB":
            continue
        objects = [c for c in tok.children if c.dep_ in ("dobj", "advmod", "nsubj")]
        if tok.dep_ == "relcl":
            objects.append(tok.head)
        if not any(o.lemma_.lower() in LIGHT_OBJECTS for o in objects):
            continue
        antecedent = next((d for d in reversed(drafts) if d.source and d.target
                           and d.last_sentence <= sentence[0].sentence), None)
        if antecedent is None:
            continue
        heads = [c for c in tok.children if c.dep_ == "nsubj" and c.lemma_.lower() not in LIGHT_OBJECTS]
        actors = [a for h in heads for a in finder.actors(h)]
        status = certainty(tok, heads)
        for actor in actors:
            if actor == antecedent.target:
                continue
            cand = Candidate(token=tok, entry=antecedent.first.entry, roles=antecedent.first.roles,
                             certainty=status, sentence=sentence[0].sentence, sent=sent, nominal=False,
                             type=antecedent.type, relation=antecedent.first.relation)
            drafts.append(_draft(cand, actor, antecedent.target))


def _apply_denial(denial: Candidate, drafts: list[Draft]) -> None:
    deniers = denial.roles.sources
    if not deniers:
        return
    scope = [c for c in denial.token.children if c.dep_ in ("ccomp", "dobj")]
    # claims told inside the denial ("deny that X paid Y"), else the latest claims before it
    denied = [d for d in drafts if d.source and any(s.is_ancestor(d.first.token) or s.i == d.first.token.i
                                                    for s in scope)]
    if not denied:
        window = range(denial.sentence - 2, denial.sentence + 1)
        recent = [d for d in drafts if d.source and d.first.sentence in window and denial not in d.mentions
                  and (d.status == "reported" or d.speakers) and not _is_denial(d)]
        if denial.token.dep_ == "relcl" and denial.token.head.lemma_ in CLAIM_NOUNS:
            recent = [d for d in recent if d.last_sentence == denial.sentence] or recent
        latest = max((d.first.sentence for d in recent), default=None)
        denied = [d for d in recent if d.first.sentence == latest]
    # "accused X of sheltering Y, a charge X denies": the content is denied, not the accusing
    denied = [d for d in denied if not (d.type == "ACCUSE" and any(
        o is not d and d.first.token.is_ancestor(o.first.token) for o in denied))]
    for draft in denied:
        draft.denied_by += [a for a in deniers if a not in draft.denied_by]
        if draft.status == "asserted":
            draft.status, draft.status_cue = "reported", "denied"
            draft.attributed_to += [a for a in draft.speakers if a not in draft.attributed_to]


def _is_denial(draft: Draft) -> bool:
    return draft.first.token.lemma_ in DENIALS


def _merge(drafts: list[Draft], actors: Lookup) -> list[Draft]:
    out: list[Draft] = []
    for draft in drafts:
        if draft.source is None:
            continue
        twin = next((o for o in out if _same_event(o, draft, actors)), None)
        if twin is None:
            out.append(draft)
            continue
        twin.absorb(draft)
    return out


def _same_event(a: Draft, b: Draft, actors: Lookup) -> bool:
    if a.type != b.type or a.status != b.status or not compatible(a.date, b.date):
        return False
    if a.source == b.source and a.target == b.target:
        return True
    if symmetric(a.type, a.first.entry.cameo) and {a.source, a.target} == {b.source, b.target}:
        return True
    near = abs(a.first.sentence - b.first.sentence) <= LOOKBACK
    if near and a.source == b.source and (a.target is None or b.target is None):
        return True
    if near and symmetric(a.type, a.first.entry.cameo) and _country_pair(a, actors.country) and \
            _country_pair(a, actors.country) == _country_pair(b, actors.country):
        return True  # "signed by Ali Shamkhani … and Musaad Al-Aiban": Iran and Saudi Arabia again
    # "visited Niamey, met General Tiani": the junta and its leader, in one sentence
    same = a.first.sentence == b.first.sentence and a.source == b.source
    if not (same and a.target and b.target) or actors.country(a.target) != actors.country(b.target):
        return False
    return "person" in (actors.kind(a.target), actors.kind(b.target)) and actors.country(a.target) is not None


def _finish(drafts: list[Draft], doc: Document, actors: Lookup) -> list[Event]:
    events: list[Event] = []
    for draft in drafts:
        if draft.source is None or draft.source == draft.target:
            continue
        if draft.type in ("ACCUSE", "REQUEST") and _gathered_for(draft.first):
            # "thousands gathered in Diyarbakir to denounce the arrest": the gathering is the protest
            draft.type, draft.cameo = "PROTEST", "141"
        vague = all(c.nominal for c in draft.mentions) and draft.type == "THREATEN"
        # a stated commitment stands alone ("the Council agreed to extend the mandate"), unless
        # its sentence tells the deal in full ("signed documents on cooperation with Niger")
        signing = draft.type in ("AGREE", "SUPPORT") and _cameo(draft) == "057" and any(  # ("Chad signed a pact")
            o.dep_ == "dobj" and o.lemma_.lower() in PROPOSALS for o in draft.first.token.children)
        pledge = (draft.type == "AGREE" or signing) and not all(c.nominal for c in draft.mentions) and not any(
            o is not draft and o.source == draft.source and o.target and o.first.sentence == draft.first.sentence
            for o in drafts)
        feeling = draft.type == "ACCUSE" and draft.first.token.lemma_.lower() in FEELINGS
        if draft.target is None and ((draft.type in NEEDS_TARGET and not pledge) or vague or feeling
                                     or actors.kind(draft.source) == "media"):
            continue  # "the threat" alone, "deepen cooperation" with no partner, "concern over
            # rising tensions", a newspaper's own inquiry: too vague
        if actors.kind(draft.source) == "media" and draft.type not in MEDIA_TYPES:
            continue
        first = draft.first
        _plover_conventions(draft, actors, doc)
        relation = first.relation if draft.status == "asserted" else None
        if relation is None and draft.status == "asserted" and draft.type == "SUPPORT" and _cameo(draft) == "057":
            relation = "-hostile"  # a treaty signed ends hostility, as an agreement reached does
        events.append(Event(
            id=f"{doc.id}:ev{len(events) + 1}", source=draft.source, target=draft.target,
            type=draft.type, cameo=_cameo(draft), context=first.entry.context,
            status=draft.status, status_cue=draft.status_cue,
            attributed_to=draft.attributed_to if draft.status == "reported" else [],
            denied_by=draft.denied_by, date=draft.date, relation=relation,
            evidence=[_evidence(doc, c) for c in _unique_sentences(draft.mentions)]))
    return events


def _gathered_for(cand: Candidate) -> bool:
    token = cand.token
    return not cand.nominal and token.dep_ == "advcl" and purpose(token) and token.head.lemma_ in GATHERING


def _plover_conventions(draft: Draft, actors: Lookup, doc: Document) -> None:
    """The type PLOVER gives what the text tells, where it is not the trigger's own."""
    first = draft.first
    if draft.type == "SUPPORT" and _cameo(draft) == "057" and draft.status == "hypothetical":
        # "are expected to sign a deal", "will sign": a signing to come is the agreement to sign
        # (PLOVER manual: promises to sign or ratify agreements are AGREE)
        draft.type = "AGREE"
    if _stated_intent(draft, actors) or _willing(draft) or _promised(draft):
        # an actor's own announced future deed is its intent: "X will give Y a grant" AGREE,
        # "X will withdraw its troops" THREATEN; "X will veto …" is the rejection itself
        refused = not first.nominal and any(c.dep_ == "neg" for c in first.token.children) and \
            not any(c.lower_ == "only" for c in first.token.children)  # ("will not only send …")
        if refused and draft.type not in COOPERATIVE | VERBAL_CONFLICT:
            # "X will not send troops": a deed ruled out, neither threatened nor done
            draft.status, draft.status_cue = "negated", f"ruled out ({draft.status_cue} not)"
            return
        if refused and draft.type in COOPERATIVE:
            draft.type = "REJECT"  # "X would not allow UN troops in", "will not withdraw": a refusal
        elif draft.type in COOPERATIVE and not _unless(first.token):
            draft.type = "AGREE"
        elif draft.type not in VERBAL_CONFLICT or _unless(first.token):
            # (and "will pull out its troops unless …", "will boycott the talks unless …": an ultimatum)
            draft.type = "THREATEN"
        draft.status, draft.status_cue = "asserted", f"stated intent ({draft.status_cue})"
    if draft.type in COOPERATIVE - {"CONSULT"} and _planned_by_doer(draft):
        # "Japan plans to send aid to Afghanistan": a cooperative deed one means to do is the
        # intent (AGREE, as PLOVER codes announced cooperation)
        draft.type, draft.status, draft.status_cue = "AGREE", "asserted", f"stated intent ({draft.status_cue})"
    if draft.type == "CONSULT" and draft.status == "hypothetical" and \
            (draft.status_cue or "").lower() in FUTURE | PLANNED:
        # "X will visit Y in June", "talks are scheduled for May": a future meeting is the
        # agreement to meet
        draft.type, draft.status, draft.status_cue = "AGREE", "asserted", f"planned meeting ({draft.status_cue})"
    if draft.type == "AGREE" and not first.nominal and first.token.lemma_ in ACCEPTING and \
            any(c.dep_ == "neg" for c in first.token.children):
        # "X will not accept the quotas": the refusal is itself an act
        draft.type, draft.status, draft.status_cue = "REJECT", "asserted", f"refusal ({draft.status_cue})"
    if draft.type in ("ASSAULT", "COERCE") and not first.nominal and _prepared(first.token):
        # "the army prepared to resume shelling": readying force is mobilising it (PLOVER)
        draft.type, draft.status, draft.status_cue = "MOBILIZE", "asserted", f"preparation ({draft.status_cue})"
    if draft.type == "PROTEST" and first.token.lemma_ in FORCIBLE_ENTRY and (
            _armed(draft.source or "", actors) or any(w.lemma_.lower() in SOLDIERS for w in _doer_words(first.token))):
        draft.type = "ASSAULT"  # militants or troops storming a hotel attack it; protesters storming one protest
    if draft.type == "COERCE" and not first.nominal and (
            (first.token.lemma_ in OBSTRUCTING and actors.kind(draft.source or "") == "group")
            or (first.token.lemma_ == "occupy" and actors.kind(draft.source or "") == "group"
                and not _armed(draft.source or "", actors)
                and not any(w.lemma_.lower() in SOLDIERS for w in _doer_words(first.token)))
            or any(purpose(c) and c.lemma_ in PROTESTING for c in first.token.children)):
        # farmers blocking a road obstruct in protest (CAMEO 144), a state's blockade coerces
        # (191); "occupied the ministry to protest …" is the protest, and so is teachers
        # occupying a square (rebels or troops occupying a town seize it)
        draft.type = "PROTEST"
    if draft.type == "ASSAULT" and (_cyber(first.token) or (
            first.token.lemma_ == "raid" and any(w.lemma_.lower() in POLICING for w in _doer_words(first.token)))):
        # PLOVER: a search of premises by police or officials seizes (COERCE), as a cyber attack
        # coerces; troops raiding a camp assault it
        draft.type = "COERCE"
    if draft.type == "REQUEST" and not first.nominal and _sent_away(first.token):
        # "ordered the French ambassador to leave": an expulsion (CAMEO 166), no mere request
        draft.type = "SANCTION"
    hosted = _hosted(first.token) if draft.type == "CONSULT" and not first.nominal else None
    if hosted is not None:  # "hosts US troops", "hosted the Taliban's office": no meeting
        draft.type, draft.cameo = ("AID", "073") if hosted in SHELTERED else ("COOPERATE", "060")
    if draft.type == "AID" and not first.nominal and _own_arms(first.token):
        # "rebels handed over their weapons to peacekeepers": disarming (CAMEO 0873), no arms supplied
        draft.type, draft.cameo = "RETREAT", "0873"
    if draft.type == "AID" and first.token.lemma_ == "train" and draft.source and (
            draft.target is None or (actors.kind(draft.target) != "igo" and
                                     actors.country(draft.target) in (None, actors.country(draft.source)))):
        # "North Korea has trained 500 hackers": readying its own forces (MOBILIZE); training
        # another state's soldiers, or an organisation's peacekeepers, is aid
        draft.type, draft.cameo = "MOBILIZE", "150"
    if draft.type == "ASSAULT" and not first.nominal and first.token.lemma_ == "attack" and \
            _verbal_attack(first.token, actors.kind(draft.source or "")):
        draft.type, draft.cameo = "ACCUSE", "111"  # "attacked Jordan for hosting X": words, not arms
    if draft.type == "MOBILIZE" and not first.nominal and draft.target is not None and any(
            (purpose(c) or (c.dep_ == "xcomp" and infinitive(c))) and c.lemma_.lower() in HELPING
            for c in first.token.children):
        # "sent troops to help Liberia restore order": forces lent to protect another are
        # military aid (CAMEO 074, peacekeeping or protection), not a show of force
        draft.type, draft.cameo = "AID", "074"
    if draft.type == "COERCE" and not first.nominal and first.token.lemma_ == "expel" and any(
            c.dep_ == "dobj" and c.ent_type_ in ("GPE", "ORG") for c in first.token.children):
        # "the Commonwealth expelled Fiji": a member put out of a body reduces relations (166);
        # expelling people ("expelled Albanians") coerces them
        draft.type, draft.cameo = "SANCTION", "166"
    if draft.type == "ASSAULT" and not first.nominal and _repression(first.token):
        # "police fired on the demonstrators", "troops beat protesters": the state's forces
        # putting down dissent, which CAMEO files as coercion (175, violent repression) and the
        # PLOVER gold standard codes COERCE
        draft.type, draft.cameo = "COERCE", "175"
    if draft.type == "ASSAULT" and first.nominal and first.token.lemma_ == "strike" and _labour(first.token):
        draft.type, draft.cameo = "PROTEST", "143"  # "an open-ended strike over the bill": workers', no raid
    if draft.type in ("PROTEST", "ACCUSE") and first.token.lemma_ == "protest":
        # PLOVER: a state's protest is a complaint (ACCUSE); a crowd's is a protest, whatever it protests
        diplomatic = _diplomatic(first.token, doc)
        draft.type, draft.cameo = ("ACCUSE", "111") if diplomatic else ("PROTEST", "141")


def _doer_words(token: Token) -> list[Token]:
    """The heads that name who does a trigger's deed: its verb's subjects, or a noun's owner and
    modifiers ("a police raid", "Russia's protest"), else the subject of the verb that stages it
    ("Japan lodged a protest"; not "X condemned a protest", where X protests nothing)."""
    if token.pos_ == "NOUN":
        own = [c for c in token.children if c.dep_ in ("poss", "compound")]
        if own or token.dep_ != "dobj" or token.head.lemma_ not in STAGING:
            return own
        token = token.head
    while token.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in token.children):
        token = token.head
    return [c for c in token.children if c.dep_ == "nsubj"]


def _sent_away(verb: Token) -> bool:
    """"ordered the ambassador to leave", "told French troops to quit the country"."""
    sent = any(c.dep_ == "dobj" and c.lemma_.lower() in SENT_AWAY for c in verb.children)
    return sent and any(c.dep_ in ("xcomp", "ccomp") and c.lemma_ in DEPARTING for c in verb.children)


def _cyber(token: Token) -> bool:
    """"a cyber attack", "cyber-attacks": an attack on computers, not on bodies."""
    return any(c.lower_.startswith("cyber") for c in token.children if c.dep_ in ("amod", "compound"))


def _diplomatic(token: Token, doc: Document) -> bool:
    """Whether a protest is made by a state's voice ("Japan protested to Russia", "the foreign
    ministry protested the raid"), not by a crowd ("thousands of Kenyans protested",
    "Palestinians staged a protest": a people named by its demonym)."""
    people = {m.start for m in doc.mentions if m.method == "demonym"}
    return any((s.pos_ == "PROPN" and s.ent_type_ in ("GPE", "ORG", "PERSON") and s.idx not in people)
               or s.lemma_.lower() in STATE_VOICES for s in _doer_words(token))


def _cameo(draft: Draft) -> str:
    """The trigger's CAMEO code, or, where a convention gave the event another PLOVER type, the
    code the convention chose or that type's root stands for in the CAMEO→PLOVER table, so the
    two never disagree."""
    if draft.cameo is not None:
        return draft.cameo
    if draft.type == draft.first.entry.type or (draft.type == "SUPPORT" and draft.first.entry.cameo == "057"):
        return draft.first.entry.cameo  # (an agreement signed keeps 057, "sign formal agreement")
    return RETYPED_CAMEO.get(draft.type, draft.first.entry.cameo)


def _armed(actor_id: str, actors: Lookup) -> bool:
    """An armed group, or a group named by a fighting role ("MLI:rebels", "group:gunmen")."""
    return actors.kind(actor_id) == "armed_group" or actor_id.rsplit(":", 1)[-1] in ARMED_ROLES


def _country_pair(d: Draft, country: Callable[[str], str | None]) -> frozenset[str] | None:
    pair = frozenset(filter(None, (d.source and country(d.source), d.target and country(d.target))))
    return pair if len(pair) == 2 else None


def _in_time_clause(token: Token) -> bool:
    for tok in [token, *token.ancestors]:
        if any(c.dep_ in ("mark", "prep") and c.lower_ in TIME_WORDS for c in tok.children) or \
                (tok.dep_ == "pobj" and tok.head.lower_ in TIME_WORDS):
            return True
    return False


def _fallback_target(draft: Draft, doc: Document, base: ActorBase, drafts: list[Draft]) -> str | None:
    """The partner an event implies but does not name ("Should Moscow extend assistance, it
    would show the Taliban's …"; "Qatar insists that …" after a sentence on the Taliban):
    another known actor of the same sentence, else of the sentence before."""
    number = draft.first.sentence
    # actors of another event told in a time clause ("three months after Russia invaded …")
    taken = {a for d in drafts if d is not draft and d.first.sentence == number and _in_time_clause(d.first.token)
             for a in (d.source, d.target)}
    for wanted in (number, number - 1):
        for mention in doc.mentions:
            actor = mention.actor_id
            if mention.sentence != wanted or actor in (draft.source, *draft.first.roles.sources) \
                    or actor not in base or actor in taken:
                continue
            if base.actor(actor).kind in ("state", "government", "igo", "armed_group", "group"):
                return actor
    return None


def _hosted(verb: Token) -> str | None:
    """What a host keeps on its soil, when it is no guest: troops, bases, weapons, an office, refugees."""
    if verb.lemma_ != "host":
        return None
    # ("US troops are hosted by Qatar", "hosts millions of refugees")
    kept = acted_on(verb, ("dobj", "nsubjpass"))
    return next((k.lemma_.lower() for k in kept if k.lemma_.lower() in HOSTED), None)


def _own_arms(verb: Token) -> bool:
    """Whether what is handed over is the giver's own arms ("handed over their weapons"), not
    arms supplied to someone ("handed weapons to the rebels")."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in ARMS and
               any(p.dep_ == "poss" and p.lower_ in ("their", "its", "his", "her") for p in c.children)
               for c in verb.children)


def _verbal_attack(verb: Token, source_kind: str | None) -> bool:
    """"The foreign minister attacked Jordan for hosting X", "the press attacked …", "China
    attacked Japan for its stance", "attacked the government's policy": criticism by those who
    speak, or of what someone said or decided. ("Israel attacked Hamas for launching rockets",
    "jets attacked the village for harbouring rebels": force, with its reason.)"""
    doers = {w for d in _doer_words(verb) for w in (d.lemma_.lower(), d.lower_)}  # ("media": lemma "medium")
    speaks = source_kind in ("media", "person") or bool(doers & (STATE_VOICES | NEWS_MEDIA))
    for child in verb.children:
        # what it is attacked for: "for its support of X"; by those who speak, also "over the arrests"
        reasons = [g for g in child.children if g.dep_ in ("pcomp", "pobj") and not _span_of_time(g)] \
            if child.dep_ == "prep" and (child.lower_ == "for" or child.lower_ == "over" and speaks) else []
        if any(g.lemma_.lower() in SAYINGS for g in reasons) or (reasons and speaks and not doers & ARMED_DOERS):
            return True  # (not "for the third day", "for hours")
        if child.dep_ == "dobj" and child.lemma_.lower() in SAYINGS:
            return True
    return source_kind == "media"


def _signed_agreement(noun: Token) -> bool:
    """An agreement noun signed or ratified: "signed a treaty", "the accord was signed by X"."""
    return noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_.lower() in SIGNING


def _repression(verb: Token) -> bool:
    """Violence by the state's forces against people protesting ("riot police beat marchers",
    "soldiers opened fire on demonstrators", "protesters were shot by police")."""
    doers = [w.lemma_.lower() for w in _doer_words(verb)]
    doers += [g.lemma_.lower() for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if not set(doers) & (SOLDIERS | AUTHORITY_FORCES):
        return False
    hosts = [verb, *(c for c in verb.children if c.dep_ == "dobj")]  # ("opened fire on X")
    victims = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    victims += [g for h in hosts for p in h.children if p.dep_ == "prep" and p.lower_ in ("on", "at", "against")
                for g in p.children if g.dep_ == "pobj"]
    return any(v.lemma_.lower() in DISSENTERS for v in victims)


def _span_of_time(noun: Token) -> bool:
    return noun.lemma_.lower() in TIME_UNITS or any(
        t.ent_type_ in ("DATE", "TIME", "ORDINAL", "CARDINAL") for t in noun.subtree)


def _labour(strike: Token) -> bool:
    """Whether a "strike" is a stoppage of work: told by how long or wide it runs ("an open-ended
    strike", "a 48-hour strike"), by what it is over ("over pay", "against the bill"), or by who
    strikes ("teachers' strike", "workers began a strike"); air, drone or missile strikes are raids."""
    words = [c for c in strike.children if c.dep_ in ("amod", "compound", "poss", "nmod", "npadvmod")]
    # the parser splits "open-ended" and "48-hour": read each modifier as written
    spans = ["".join(t.text_with_ws for t in w.subtree if t.dep_ not in ("det", "case")).strip().lower()
             for w in words]
    if any(s in LABOUR_SPANS or HOURS.match(s) for s in spans) or any(w.lemma_.lower() in STRIKERS for w in words):
        return True
    for_what = [g for c in strike.children if c.dep_ == "prep" and c.lower_ in ("over", "for", "against")
                for g in c.children if g.dep_ == "pobj"]
    doers = [w.lemma_.lower() for w in _doer_words(strike if strike.dep_ != "pobj" else strike.head.head)]
    staged = strike.dep_ == "dobj" and strike.head.lemma_ in STAGED_STOPPAGES and not any(  # "staged a strike"
        c.dep_ == "prep" and c.lower_ in ("on", "against") for c in strike.children)  # (not "strikes on X")
    return staged or any(g.lemma_.lower() in LABOUR_CAUSES for g in for_what) or any(d in STRIKERS for d in doers)


def _unless(token: Token) -> bool:
    """"X will withdraw its troops unless Y disarms": a deed announced on a condition another
    must meet is a threat, whatever the deed (the verb's, or the one whose object it is)."""
    verb = token.head if token.pos_ == "NOUN" and token.dep_ == "dobj" else token
    conditions = [c for c in verb.children if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless"
                                                                         for m in c.children)]
    # someone else must act ("unless the rebels disarm"); not "unless sanctions are reimposed",
    # "unless it gets a loan"
    return any(s.dep_ == "nsubj" and s.lower_ not in SELF_PRONOUNS
               for c in conditions for s in c.children)


def _stated_intent(draft: Draft, actors: Lookup) -> bool:
    """A future deed announced by its own doer ("Finland will give …", "X said it will …")."""
    cand = draft.first
    if draft.status != "hypothetical" or (draft.status_cue or "").lower() not in FUTURE:
        return False
    if draft.type in ("AGREE", "THREATEN"):
        return False
    token = cand.token
    if cand.nominal:  # "said it would resume rocket fire": the deed is the verb's object
        if token.dep_ != "dobj" or token.head.pos_ != "VERB":
            return False
        token = token.head
    announced = token.dep_ in ("ccomp", "xcomp") and token.head.lemma_ in ANNOUNCING
    if token.dep_ != "ROOT" and not announced:
        return False  # "no sign that the Taliban will invite …" is no statement of theirs
    if announced and any(c.dep_ == "nsubj" and c.lemma_.lower() in TEXT_NOUNS for c in token.head.children):
        return False  # "the deal says that prisoners will be freed": a plan the text tells, not a pledge
    speakers = set(draft.speakers) | set(draft.attributed_to)
    # "X announced that he will …": the pronoun is the speaker himself
    own = announced and any(c.dep_ == "nsubj" and c.lower_ in SELF_PRONOUNS for c in token.children)
    # ("Putin said his government would …": a leader speaks for his state)
    spoken_for = {actors.country(a) for a in speakers if actors.kind(a) == "person"}
    return not speakers or draft.source in speakers or draft.source in spoken_for or own


def _planned_by_doer(draft: Draft) -> bool:
    """"X plans to send aid", "intends to lift the ban": the doer's own plan, not one told of
    others ("X is expected to …")."""
    token = draft.first.token
    return draft.status == "hypothetical" and not draft.first.nominal and token.dep_ == "xcomp" and \
        token.head.lemma_ in INTENDING and not any(conditional(a) for a in [token.head, *token.head.ancestors])


def _promised(draft: Draft) -> bool:
    """"X vowed to keep attacking ships", "pledged to send troops": the doer's own promise."""
    if draft.type in ("AGREE", "THREATEN"):
        return False
    return _governed_by(_deed_verb(draft.first), lambda t: t.lemma_ in PROMISING or (
        t.lemma_ == "hesitate" and any(c.dep_ == "neg" for c in t.children)), steps=2)  # "would not hesitate to"


def _prepared(token: Token) -> bool:
    """"The army prepared to resume shelling": the deed is what a verb "prepare" governs."""
    return _governed_by(token, lambda t: t.lemma_ == "prepare" and t.pos_ == "VERB", steps=2)


def _willing(draft: Draft) -> bool:
    """"X is prepared to lift the ban", "ready to host talks": an offer or a threat, not the deed."""
    if draft.type in ("AGREE", "THREATEN"):
        return False
    return _governed_by(_deed_verb(draft.first), lambda t: t.lemma_.lower() in WILLING and t.pos_ == "ADJ", steps=1)


def _deed_verb(cand: Candidate) -> Token:
    """The verb that does a nominal deed ("ready to resume talks": resume; "willing to return to
    the talks": return), or the trigger."""
    token = cand.token
    if cand.nominal and token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head.pos_ == "VERB":
        return token.head.head
    return token.head if cand.nominal and token.dep_ == "dobj" and token.head.pos_ == "VERB" else token


def _governed_by(token: Token, governs: Callable[[Token], bool], steps: int) -> bool:
    """Whether the token is the infinitive of a word `governs` accepts, up through at most
    `steps` infinitives ("vowed to keep attacking"), and that word is no condition's ("if they
    are willing to …")."""
    for _ in range(steps):
        if token.dep_ != "xcomp":
            return False
        token = token.head
        if governs(token):
            return not any(conditional(a) for a in token.ancestors)
    return False


def _unique_sentences(mentions: list[Candidate]) -> list[Candidate]:
    seen: set[int] = set()
    out = []
    for cand in mentions:
        if cand.sentence not in seen:
            seen.add(cand.sentence)
            out.append(cand)
    return out


def _evidence(doc: Document, cand: Candidate) -> Evidence:
    sent, tok = cand.sent, cand.token
    text = sent.text.rstrip()
    start = sent.start_char + (len(text) - len(text.lstrip()))
    text = text.strip()
    return Evidence(doc=doc.id, sentence=cand.sentence, start=start, end=start + len(text),
                    text=text, trigger_start=tok.idx, trigger_end=tok.idx + len(tok.text),
                    trigger=tok.text)
