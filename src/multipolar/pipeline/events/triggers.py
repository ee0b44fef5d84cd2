"""Find event triggers in a sentence: verbs and nouns whose lemma is in the lexicon,
with the dependent word an entry needs ("cut" + "ties"), which that entry then consumes."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from ...knowledge.lexicon import Lexicon, Trigger

_POS = {"VERB": "v", "NOUN": "n", "PROPN": "n", "ADV": "a"}
# "refused to attend": the attending did not happen; the refusal is the event.
REFUSALS = {"refuse", "decline", "reject", "fail"}
ABOUT_OTHER_EVENTS = {"ACCUSE", "REJECT", "REQUEST", "THREATEN", "PROTEST"}
PROSPECTIVE = {"REQUEST", "REJECT", "THREATEN"}  # their object has not happened
ASSENT = {"agree", "concede", "accede", "consent", "yield", "submit", "bow"}  # "agreed to X": X is a proposal
REPORTING = {"say", "state", "tell", "stress", "reiterate", "emphasise", "emphasize", "underline", "repeat",
             "declare", "add", "argue", "maintain"}
# (demands only with "must"/"should": "said X must go", "stressed that X should")
THREATENED_WITH = ("of", "with", "against")  # "warned of reprisals", "threatened X with sanctions"
STAYING_AWAY = {"boycott"}  # "boycotted the talks": no talks of the boycotter's
STANDING_TIES = {"relation", "relationship", "tie", "partnership"}
RELEASING = {"release"}
PUBLISHED = {"figure", "report", "statement", "data", "video", "footage", "result", "detail", "list", "document",
             "image", "photo", "photograph", "finding", "audio", "recording", "tape", "information", "name",
             "record", "budget", "text", "letter", "transcript", "study", "survey", "poll", "estimate", "book",
             "album", "film", "version", "communique", "declaration", "note", "guideline", "map", "picture",
             "statistic", "evidence", "account", "memoir", "plan", "proposal", "draft", "tally", "toll"}
DEMANDING = {"demand", "call", "urge", "press", "seek", "ask", "insist"}
GOVERNING_TYPES = {"AGREE", "REQUEST", "THREATEN", "REJECT"}
PERMITTING = {"allow", "permit", "let"}
# who can be admitted as a party: states and organisations, not people let in ("admitted 40 wounded Palestinians")
PARTY_ENTITIES = ("GPE", "ORG")
MOBILIZING = {"mobilize", "mobilise"}  # verbs that ready forces, or support, by what they act on
# what is mobilized when no force is readied: "mobilized its supporters", "mobilised support";
# anything else mobilized ("300,000 people", "personnel", "the Wagner mercenaries") may be a force
CIVIL_MOBILIZED = {"supporter", "support", "group", "voter", "vote", "economy", "opinion", "resource", "fund",
                   "funding", "money", "investment", "investor", "donor", "activist", "campaign", "effort",
                   "pressure", "public", "constituency", "base", "grassroots", "member", "youth"}
WISHES = {"hope", "wish"}  # what one hopes another will do is asked of them ...
# ... unless it is no deed but what befalls them
OUTCOMES = {"lose", "win", "fail", "succeed", "be", "become", "remain", "prevail", "survive", "collapse", "fall",
            "die", "grow", "recover", "continue", "improve", "happen", "come", "stay", "emerge", "benefit"}
# fights against ills, which are no foes: "to fight illegal migration", "the battle against drugs"
FIGHTS = {"fight", "combat", "battle", "tackle", "counter", "war", "campaign"}
ILLS = {"migration", "terrorism", "corruption", "piracy", "poverty", "drug", "crime", "disease", "trafficking",
        "smuggling", "extremism", "radicalism", "inflation", "flood", "fire", "hunger", "famine", "epidemic",
        "pandemic", "malaria", "aids", "hiv", "cholera", "virus", "narcotic", "fraud", "money-laundering",
        "laundering", "impunity", "unemployment", "desertification", "drought", "pollution", "crisis", "terror"}
BACKGROUND_PREPS = {"throughout", "during", "amid", "amidst", "until", "despite"}
CONDITIONS = {"until", "unless", "if"}  # "… unless X agrees", "until their demands are met"
DOMESTIC_ACTS = {"bill", "law", "legislation", "decree", "order", "budget", "amendment"}
# nouns that measure, gather or hold what follows their "of": "50 tonnes of aid", "a team of
# inspectors", "a state of emergency"
MEASURE_NOUNS = {"tonne", "ton", "shipment", "consignment", "batch", "package", "load", "convoy",
                 "amount", "quantity", "supply", "delivery", "million", "billion", "thousand", "hundred",
                 "part", "share", "portion", "half", "most", "bulk", "mission", "team", "group",
                 "delegation", "contingent", "unit", "number", "dozen", "state", "round"}
CLAUSE_PREPS = ("to", "against", "from", "of")  # "committed to", "warned against", "refrain from", "warned of"
# verbs of a party outside the event it enables ("hosted talks between X and Y")
THIRD_PARTY_VERBS = {"host", "mediate", "broker", "attend", "visit", "facilitate", "sponsor"}
# texts that lay down what would happen: "a proposal that would have allowed X", "a deal under
# which Y would withdraw" tell the text's content, not events of their own
PROPOSALS = {"proposal", "plan", "bill", "law", "legislation", "resolution", "draft", "measure", "initiative",
             "motion", "amendment", "deal", "agreement", "accord", "treaty", "pact", "decree", "reform", "scheme",
             "offer", "package", "framework", "roadmap", "text", "blueprint"}
MODALS = {"would", "could", "will", "may", "might", "shall", "should"}
# undertakings whose compound names what is undertaken: "a mediation effort", "a bombing campaign"
UNDERTAKINGS = {"effort", "campaign", "operation", "mission", "initiative", "process", "drive", "bid"}
# nouns whose compound tells the event: the undertakings, and "an aid convoy", "a killing spree"
EVENT_FRAMES = UNDERTAKINGS | {"programme", "program", "package", "shipment", "convoy", "flight", "offensive",
                               "spree", "wave"}
# tries at something not yet had: "Ukraine's bid to join the EU" (an offer or plan to do something,
# by contrast, is its owner's stated intent)
ATTEMPTS = {"bid", "attempt", "effort", "application", "push", "quest", "ambition", "desire", "wish", "drive",
            "campaign"}
GENERIC_VERBS = {"agree", "sign", "reach", "announce", "declare", "conclude", "hold", "order", "join"}


@dataclass(frozen=True)
class Found:
    token: Token
    entry: Trigger
    needed: Token | None  # the dependent word the entry required, if any

    @property
    def nominal(self) -> bool:
        return self.entry.pos == "n"

    @property
    def adverbial(self) -> bool:
        return self.entry.pos == "a"


def find_triggers(sentence: Span, lexicon: Lexicon) -> list[Found]:
    """Triggers of one sentence, in text order; a word consumed by another trigger's entry
    (the "ties" of "cut ties") is not a trigger of its own."""
    found: list[Found] = []
    consumed: set[int] = set()
    for token in sentence:
        pos = _POS.get(token.pos_)
        lemma = token.lemma_
        if pos is None and token.dep_ == "acomp" and token.lower_.endswith("ed"):
            pos, lemma = "v", _participle_verb(token.lower_, lexicon)  # "X is committed to"
        if pos is None or token.ent_type_ in ("DATE", "TIME", "PERSON"):
            continue  # "2 March" is no march, "Mark Esper" no mark
        if pos == "n" and token.dep_ == "compound" and token.head.pos_ == "NOUN" and \
                token.head.lemma_.lower() not in EVENT_FRAMES:
            continue  # "riot police", "aid workers", "attack helicopters": a kind of thing, no event
        for entry in lexicon.candidates(lemma, pos):
            if entry.bare and any(c.dep_ in ("dobj", "dative") for c in token.children):
                continue
            if entry.directive and not _directive(token):
                continue
            if entry.addressed and not _addressed(token, lexicon):
                continue
            if entry.party and not any(c.dep_ in ("dobj", "nsubjpass") and c.ent_type_ in PARTY_ENTITIES
                                       and not any(n.dep_ == "nummod" for n in c.children)
                                       for c in token.children):
                continue
            if entry.lemma == "sign" and _signed(token) in DOMESTIC_ACTS:
                continue  # "signed the bill into law": no agreement between parties
            if pos == "n" and entry.type == "COOPERATE" and lemma.lower() in STANDING_TIES and \
                    token.dep_ in ("nsubj", "nsubjpass"):
                continue  # "relations between X and Y have been tense": a standing tie, no deed
            if entry.type == "ASSAULT" and _against_a_problem(token):
                continue  # "to fight illegal migration", "the fight against corruption": no battle
            if entry.type == "RETREAT" and lemma in RELEASING and _published(token):
                continue  # "released its figures", "the report released by X": nothing set free
            if entry.type == "MOBILIZE" and lemma in MOBILIZING and _civil_object(token):
                continue  # "mobilized pressure groups", "mobilised support": no forces readied
            needed = _needed(token, entry)
            if needed is not None and needed.dep_ == "acomp" and lemma in REPORTING and not _imputed(needed):
                continue  # "said it was not responsible": no one else is blamed
            if entry.lemma == "leave" and needed is not None and needed.dep_ == "dobj":
                continue  # "troops left Niger" withdraw; "Russia left troops in Transnistria" keeps them
            state = _resultative(token) if pos == "v" and entry.type != "ASSAULT" else None
            if state is not None and (needed is None or state.i != needed.i):
                continue  # "the blast left ten soldiers dead": no one left anywhere
            if entry.needs is None or needed is not None:
                found.append(Found(token, entry, needed))
                if needed is not None:
                    consumed.add(needed.i)
                break
    verbs = {f.token.i: f for f in found if not f.nominal}
    for f in found:
        if f.nominal and f.token.dep_ == "pobj" and f.token.head.lower_ in THREATENED_WITH:
            # "warned X of air strikes", "threatened Y with military action": the deed threatened
            verb = verbs.get(f.token.head.head.i)
            if verb is not None and verb.entry.type == "THREATEN":
                consumed.add(f.token.i)
                continue
        if f.nominal and f.token.dep_ == "pobj" and f.token.head.lower_ in ("to", "on", "for"):
            # "agreed to US mediation", "conceded to demands", "insisted on a truce": what was
            # agreed or asked for, not an event of its own
            verb = verbs.get(f.token.head.head.i)
            if verb is not None and (verb.entry.type in PROSPECTIVE or
                                     (verb.entry.lemma in ASSENT and f.token.head.lower_ != "for")):
                consumed.add(f.token.i)
            continue
        obj = f.token
        if obj.dep_ == "pobj" and obj.head.lower_ in ("of", "in") and measure(obj.head.head):
            obj = obj.head.head  # "provide 25,000 tons of food aid": the aid is what is provided
        verb = verbs.get(obj.head.i) if f.nominal and obj.dep_ == "dobj" else None
        if verb is None:
            continue
        # "signed a ceasefire", "ordered the expulsion": a generic verb yields to its object;
        # "normalized ties": the verb is the event and its object is no second one.
        generic = verb.entry.lemma in GENERIC_VERBS and f.entry.type != verb.entry.type and \
            f.entry.cameo != verb.entry.cameo  # ("signed a treaty": one signing, SUPPORT 057, told by the verb)
        if verb.token.lemma_ in THIRD_PARTY_VERBS and has_between(f.token):
            continue  # "hosted talks between X and Y": X and Y meet, and the host hosts
        if generic:
            consumed.add(verb.token.i)
        elif verb.entry.type in PROSPECTIVE or verb.entry.type not in ABOUT_OTHER_EVENTS or \
                verb.token.lemma_ in STAYING_AWAY:
            # "demanded a truce", "rejected a deployment": not done; "blamed the attacks": two events
            consumed.add(f.token.i)
    for f in found:  # "Russia's threat to cut gas", "China's demand that X leave": the noun's content
        if f.nominal and f.entry.type in GOVERNING_TYPES and f.token.i not in consumed:
            for clause in (c for c in f.token.children if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX")):
                consumed |= {t.i for t in clause.subtree}
    for f in found:  # "vetoed Macedonia's bid to join NATO", "backed Ukraine's bid to join": what is
        # sought or attempted has not happened; the verb on the attempt is the event
        if f.token.i in consumed:
            continue
        objects = [c for c in f.token.children if c.dep_ in ("dobj", "nsubjpass")] + \
            [g for c in f.token.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        for obj in (o for o in objects if o.lemma_ in ATTEMPTS):
            for clause in (c for c in obj.children if c.dep_ == "acl" and infinitive(c)):
                consumed |= {t.i for t in clause.subtree}
        if f.entry.type == "REJECT":  # "vetoed a resolution condemning X": what a rejected text says
            for obj in (o for o in objects if o.lemma_.lower() in PROPOSALS):
                for clause in (c for c in obj.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"):
                    consumed |= {t.i for t in clause.subtree}
    for f in found:  # "agreed to provide aid", "urged X to withdraw": one event, the governing one
        # ("allowed inspectors to visit the sites": the visit is what is allowed)
        if not f.nominal and (f.entry.type in GOVERNING_TYPES or f.entry.lemma in PERMITTING) and \
                f.token.i not in consumed:
            deps = ("xcomp",) if f.entry.type == "REJECT" else ("xcomp", "ccomp")  # "deny that" keeps its claim
            clauses = [c for c in f.token.children if c.dep_ in deps] + gerund_clauses(f.token)
            if f.entry.type == "THREATEN":  # "reserved the right to strike X": what is threatened
                clauses += [c for o in f.token.children if o.dep_ == "dobj" for c in o.children
                            if c.dep_ == "acl" and infinitive(c)]
            for clause in clauses:
                consumed |= {t.i for t in clause.subtree}
    for tok in sentence:
        if tok.dep_ in ("relcl", "acl") and tok.head.lemma_.lower() in PROPOSALS and \
                any(c.dep_ == "aux" and c.lower_ in MODALS for c in tok.children) and \
                not any(c.dep_ in ("dobj", "nsubjpass") and c.lower_ in ("which", "that") for c in tok.children):
            # (but "the deal, which Iran will sign": what is done to the text itself)
            consumed |= {t.i for t in tok.subtree}
    verbs_now = {f.token.i for f in found if not f.nominal and f.token.i not in consumed}
    # ("staged a strike to protest X": the purpose of the deed its object names)
    staging = {f.token.head.i for f in found if f.nominal and f.token.dep_ == "dobj" and f.token.i not in consumed}
    # a protest's demand is its topic ("a rally demanding X"); what else it says stays its own
    # event ("staged a rally, accusing the police of brutality")
    staged_protests = {f.token.head.i for f in found if f.nominal and f.token.dep_ == "dobj" and
                       f.entry.type == "PROTEST" and f.token.i not in consumed}  # ("staged a rally, demanding X")
    for tok in sentence:  # "rejected the plan, urging X to …", "left Niger, ending a deployment":
        # the participle adds detail, not an event; "blocked roads to press their demands":
        # the purpose is part of the deed
        if tok.dep_ == "advcl" and ((tok.tag_ == "VBG" or purpose(tok)) and tok.head.i in verbs_now or
                                    purpose(tok) and tok.head.i in staging or
                                    tok.tag_ == "VBG" and tok.head.i in staged_protests and tok.lemma_ in DEMANDING):
            consumed |= {t.i for t in tok.subtree}
    nouns = {f.token.i for f in found if f.nominal}
    protests = {f.token.i for f in found if f.nominal and f.entry.type == "PROTEST"}
    for tok in sentence:  # "a demonstration staged by students to protest X": the demonstration's purpose
        if purpose(tok) and tok.head.dep_ == "acl" and tok.head.head.i in nouns:
            consumed |= {t.i for t in tok.subtree}
        if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.i in protests and tok.lemma_ in DEMANDING:
            # "a mass rally demanding the government's resignation": the protest's topic (PLOVER
            # codes no separate event for it)
            consumed |= {t.i for t in tok.subtree}
    kept = [f for f in found if f.token.i not in consumed and not _under_refusal(f.token)
            and not (f.nominal and _background(f.token))]
    heads = {f.token.i for f in kept} | {f.token.head.i for f in kept if f.nominal and f.token.dep_ == "dobj"}
    return [f for f in kept if not _subordinate(f.token, heads)]


def gerund_clauses(verb: Token, preps: tuple[str, ...] = CLAUSE_PREPS) -> list[Token]:
    """"committed to sending troops", "warned X against attacking", "urged X to refrain from
    firing": the deed is what is committed to, warned of or asked for, not a deed done."""
    return [g for c in verb.children if c.dep_ == "prep" and c.lower_ in preps
            for g in c.children if g.dep_ == "pcomp" and g.tag_ == "VBG"]


def _resultative(verb: Token) -> Token | None:
    """"left X dead", "rendered them homeless": the state a verb tells was brought about."""
    return next((c for c in verb.children if c.dep_ == "oprd" and c.pos_ == "ADJ"), None)


def _participle_verb(word: str, lexicon: Lexicon) -> str:
    """The verb of a participle the tagger took for an adjective: "committed" → "commit",
    "opposed" → "oppose" (the first of the usual spellings the lexicon knows)."""
    for stem in (word[:-1], word[:-2], word[:-3]):
        if lexicon.candidates(stem, "v"):
            return stem
    return word


def _subordinate(token: Token, triggers: set[int]) -> bool:
    """A trigger inside a clause that conditions another event of its sentence ("unless Z
    agreed …", "until their demands are met") or gives the reason for a deed ("deported them
    for travelling …"): not a second reported event."""
    for tok in [token, *token.ancestors]:
        head = tok.head
        if head.i == tok.i:
            return False
        marked = tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in tok.children)
        reason = tok.dep_ == "pcomp" and head.lower_ == "for" and head.head.pos_ == "VERB"
        if (marked or reason) and any(a.i in triggers for a in tok.ancestors):
            return True
    return False


def purpose(clause: Token) -> bool:
    """"(in order) to press their demands": an infinitive clause of purpose."""
    return clause.dep_ == "advcl" and clause.tag_ == "VB" and infinitive(clause)


def infinitive(verb: Token) -> bool:
    """A verb with its "to": "to expel", "to cut off"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def has_between(noun: Token) -> bool:
    """"talks between X and Y", "the truce signed between X and Y": the noun names its parties
    with "between"."""
    return bool(between_preps(noun))


def between_preps(noun: Token) -> list[Token]:
    """The "between" that names a noun's parties: its own, or its participle's ("the truce
    signed between X and Y")."""
    hosts = [noun, *(c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN")]
    return [p for h in hosts for p in h.children if p.dep_ == "prep" and p.lower_ == "between"]


def _background(noun: Token) -> bool:
    """"throughout the occupation", "amid the war": a backdrop, not a reported event."""
    return noun.dep_ == "pobj" and noun.head.lower_ in BACKGROUND_PREPS


def _needed(token: Token, entry: Trigger) -> Token | None:
    """The token that satisfies `entry.needs`: a child, grandchild, or the governing verb."""
    if entry.needs is None:
        return None
    if entry.needs.startswith("@"):
        return _object_of_class(token, entry)
    for child in token.children:
        if entry.wants(child.lemma_) or entry.wants(child.lower_):
            if child.pos_ in ("ADP", "PART") and (child.i < token.i or _dates(child)):
                continue  # "On Wednesday, X called …" is no "call on"
            return child
        for grandchild in child.children:
            if entry.wants(grandchild.lemma_) and child.dep_ != "oprd" and \
                    not (grandchild.pos_ == "ADP" and measure(child)):
                # (not what a thing is called: "what it called provocations on the border"; nor
                # what introduces the measured thing: "gave 20 million dollars in aid" gives no "in")
                return grandchild
            if grandchild.dep_ == "prep" and grandchild.lower_ in ("of", "in") and \
                    child.dep_ in ("dobj", "nsubjpass") and measure(child):
                # "sent 50 tonnes of aid", "a shipment of weapons", "20 million dollars in aid": the
                # measured thing
                measured = [g for g in grandchild.children if g.dep_ == "pobj" and entry.wants(g.lemma_)]
                if measured:
                    return measured[0]
            if child.dep_ in ("prep", "prt", "advmod") and grandchild.dep_ == "prep":
                # a two-word preposition: "pulled out of the talks", "walked away from the talks"
                inner = [g for g in grandchild.children if g.dep_ == "pobj" and entry.wants(g.lemma_)]
                if inner:
                    return inner[0]
    if entry.wants(token.head.lemma_) and token.head.i != token.i:
        return token.head
    if token.dep_ == "pobj" and entry.wants(token.head.head.lemma_):
        return token.head.head  # "went on strike": the verb above the preposition
    return None


def _object_of_class(verb: Token, entry: Trigger) -> Token | None:
    """What the verb acts on, when it is of the class the entry requires ("sent two brigades",
    "sent 40 tonnes of grain"); not a word of its other phrases ("sent a letter to the army")."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    objects += [g for o in objects if o.dep_ == "dobj" for g in o.conjuncts]
    objects += [g for o in objects if measure(o) for p in o.children if p.dep_ == "prep" and p.lower_ in ("of", "in")
                for g in p.children if g.dep_ == "pobj"]
    # what someone is kept from doing: "barred X from standing"
    objects += [g for p in verb.children if p.dep_ == "prep" and p.lower_ == "from" for g in p.children
                if g.dep_ == "pcomp"]
    # what the object is cast as: "described the remarks as irresponsible"
    cast = [verb, *(c for c in verb.children if c.dep_ == "dobj")]  # (the parser hangs "as" on either)
    objects += [g for h in cast for p in h.children if p.dep_ == "prep" and p.lower_ == "as" for g in p.children
                if g.dep_ in ("pobj", "amod", "acomp", "advmod")]
    return next((o for o in objects if entry.wants(o.lemma_)), None)


def measure(noun: Token) -> bool:
    """"50 tonnes", "a shipment", "millions": a noun that measures what follows its "of"."""
    return noun.pos_ == "NOUN" and (noun.lemma_.lower() in MEASURE_NOUNS or any(c.dep_ == "nummod" for c in noun.children))


def _signed(verb: Token) -> str | None:
    """What was signed: the object, or the noun a passive participle qualifies ("a bill signed by")."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if not objects and verb.dep_ == "acl":
        objects = [verb.head]
    return objects[0].lemma_.lower() if objects else None


def _imputed(quality: Token) -> bool:
    """"said Georgia was responsible for the fighting": the clause gives a named other the
    quality, and does not deny it ("said it was not responsible", "no one was responsible")."""
    clause = quality.head
    if clause.dep_ != "ccomp" or any(c.dep_ == "neg" for c in (*clause.children, *quality.children)):
        return False
    return any(s.dep_ == "nsubj" and s.pos_ == "PROPN" or s.ent_type_ in ("GPE", "ORG", "NORP", "PERSON")
               for s in clause.children)


def _directive(verb: Token) -> bool:
    """"insist that X must go" or "that X go": a demand, not a claim ("that no one was")."""
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        auxes = [a for a in clause.children if a.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in ("must", "should", "need", "shall") for a in auxes):
            return True
        if verb.lemma_ in WISHES and any(a.lower_ in MODALS for a in auxes) and any(
                s.dep_ == "nsubj" and s.ent_type_ in ("GPE", "ORG", "PERSON", "NORP") for s in clause.children) \
                and clause.lemma_ not in OUTCOMES:
            # "Germany hopes Russia will withdraw": an appeal to Russia (CAMEO 020); a deed asked
            # for, not an outcome ("hopes Trump will lose")
            return True
        if verb.lemma_ in REPORTING:  # "said on Friday that they agree" is no demand
            continue
        if clause.tag_ in ("VB", "VBP") and not auxes:
            return True
    return verb.lemma_ not in REPORTING and any(c.dep_ == "prep" and c.lower_ == "on" for c in verb.children)


def _addressed(verb: Token, lexicon: Lexicon) -> bool:
    """"pushed Serbia to recognise Kosovo", "wants the US to lift sanctions": the verb names whom
    it asks (a named party, or the subject of its clause) and what; not a purpose ("pushed tanks
    into Rafah to destroy tunnels") nor a cause ("the invasion pushed Finland to join")."""
    if any(c.dep_ == "nsubj" and lexicon.candidates(c.lemma_, "n") for c in verb.children):
        return False  # an event as subject causes, it does not ask
    clauses = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp", "advcl") and infinitive(c)]
    named = any(c.dep_ == "dobj" and c.ent_type_ in ("GPE", "ORG", "PERSON", "NORP") for c in verb.children)
    subject = any(g.dep_ == "nsubj" for c in clauses if c.dep_ == "ccomp" for g in c.children)
    return bool(clauses) and (named or subject)


def _dates(prep: Token) -> bool:
    return any(g.ent_type_ in ("DATE", "TIME") for g in prep.children)


def _against_a_problem(token: Token) -> bool:
    """Whether a fight is against an ill, not a foe: "fight piracy", "the battle against drugs"."""
    objects = [c for c in token.children if c.dep_ == "dobj"] + \
        [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("against", "on") for g in c.children
         if g.dep_ == "pobj"]
    return token.lemma_.lower() in FIGHTS and any(o.lemma_.lower() in ILLS and not _named_owner(o) for o in objects)


def _civil_object(verb: Token) -> bool:
    """Whether what a verb of force readiness acts on is plainly no force: "mobilized pressure groups"."""
    return any(o.lemma_.lower() in CIVIL_MOBILIZED for o in acted_on(verb, ("dobj",)))


def _published(verb: Token) -> bool:
    """Whether what is released is something published, not people or goods set free."""
    objects = acted_on(verb, ("dobj", "nsubjpass")) + ([verb.head] if verb.dep_ == "acl" else [])
    return any(o.lemma_.lower() in PUBLISHED for o in objects)


def acted_on(verb: Token, deps: tuple[str, ...]) -> list[Token]:
    """What a verb acts on (its `deps` children) and what any of them counts ("thousands of
    reservists", "millions of refugees")."""
    objects = [c for c in verb.children if c.dep_ in deps]
    return objects + [g for o in objects for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
                      for g in p.children if g.dep_ == "pobj"]


def _named_owner(noun: Token) -> bool:
    """"Hamas terror", "the Taliban's insurgency": an ill named by whose it is, a foe after all."""
    return any(c.dep_ in ("compound", "poss") and c.ent_type_ in ("ORG", "PERSON") for c in noun.children)


def _under_refusal(token: Token) -> bool:
    return token.dep_ == "xcomp" and token.head.lemma_ in REFUSALS
