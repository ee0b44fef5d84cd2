"""Stage 4, actors: entity spans → canonical actors.

Order of resolution for each span: aliases this document introduced (acronyms in
parentheses, surnames of people it named in full), then the knowledge base (aware of the
publication date and of the words around the span), else a new actor of the document —
a named entity is never dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from functools import lru_cache
from importlib import resources

import yaml

from spacy.tokens import Doc, Span, Token

from ..knowledge import ActorBase, fold, load_actor_base
from ..knowledge.gazetteer import MIN_POPULATION, city_country
from ..knowledge.lexicon import load_lexicon
from ..model import Actor, Document, Mention

ACTOR_LABELS = {"GPE", "ORG", "PERSON", "NORP", "LOC", "FAC"}
_NEW_KIND = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place",
             "NORP": "group", "FAC": "place"}
PLACE_NOUNS = {"town", "city", "village", "province", "district", "region", "county", "state", "port",
               "capital", "island", "area", "neighbourhood", "neighborhood", "suburb", "settlement", "camp"}
NAME_LIKE_POPULATION = 200_000  # a one-word "person" or "organisation" read as a city must be a big one
# the last word of the name of a site or a region ("the Europe Bridge", "Aceh province"): a place
SITE_WORDS = {"bridge", "airport", "dam", "square", "street", "avenue", "road", "highway", "port", "harbour",
              "harbor", "stadium", "hospital", "mosque", "church", "cathedral", "temple", "crossing", "pass",
              "canal", "pipeline", "camp", "airbase", "prison", "hotel", "mall", "market", "station", "tunnel",
              "facility", "facilities", "plant", "reactor", "refinery", "terminal",
              "province", "region", "district", "county", "governorate", "prefecture", "oblast", "valley"}
_ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9&.\-]{1,9}$")
_DATE_WORD = re.compile(
    r"^(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Muharram|Safar|Rabi\b.*|"
    r"Jumad[ae]\b.*|Rajab|Sha.?ban|Ramadh?an|Shawwal|Dhu\b.*)$", re.IGNORECASE)
# offices written before a name ("President X") ...
OFFICE_TITLES = {"president", "minister", "general", "king", "emir", "secretary", "premier", "chancellor",
                 "ambassador", "envoy", "spokesman", "spokeswoman", "governor", "queen", "sultan", "commander"}
# ... and the words that precede a name: those and honorifics ("Sheikh", "Dr")
TITLES = OFFICE_TITLES | {"sheikh", "shaikh", "gen", "mullah", "prince", "amir", "dr", "mr", "mrs", "ms", "colonel",
                          "col", "lt", "captain", "capt", "senator", "judge", "ayatollah", "imam", "marshal"}
# offices whose holder acts for their state or government (see events/principals.py)
OFFICES = OFFICE_TITLES | {"spokesperson", "adviser", "advisor", "official", "diplomat", "negotiator", "chief",
                           "consul", "delegate", "attaché", "attache", "prosecutor", "ruler", "representative"}
# words that tell the holder is out of office, or against the state
NOT_IN_OFFICE = {"former", "ex", "late", "opposition", "dissident", "exiled", "rebel", "deposed", "ousted",
                 "rival", "shadow", "elect", "designate", "self", "candidate", "nominee", "would-be",
                 # offices of bodies that are not the state: "the Russian union chief"
                 "union", "party", "company", "firm", "club", "federation", "league", "church", "team"}
_STRIP = re.compile(r"^(?:the|The|a|an)\s+|[\s'’]+s?$|^[\W_]+|[\W_]+$")


def stage_actors(doc: Document, base: ActorBase | None = None) -> Document:
    """Resolve every entity span of the parse to an actor and record it as a mention."""
    base = base or load_actor_base()
    parsed: Doc = doc.spacy_doc
    on = doc.published.day if doc.published else None
    local: dict[str, str] = {}  # folded alias → actor id, for this document only
    acronyms: dict[str, str] = {}  # acronym as written → actor id
    spans = [e for e in parsed.ents if e.label_ in ACTOR_LABELS and not _part_of_longer_name(e)]
    for span in spans:
        actor_id, method = _resolve(span, base, on, local, doc)
        if actor_id is None:
            continue
        _mention(doc, span, actor_id, method)
        acronym = _defined_acronym(span)
        if acronym:
            acronyms.setdefault(acronym, actor_id)
            local.setdefault(fold(acronym), actor_id)
    _mention_acronyms(doc, parsed, acronyms)
    _mention_surnames(doc, parsed, local, base)
    _mention_missed(doc, parsed, lambda token: _state_named(token, doc, base))
    doc.mentions.sort(key=lambda m: m.start)
    _countries_of_new_people(doc, parsed, base)
    _sector_groups(doc, parsed, base)
    _placed_groups(doc, parsed, base)
    _generic_doers(doc, parsed)
    return doc


# Doers named by their role alone ("Prisoners rioted", "police fired on protesters"): actors of
# their own, of no known state, when no name in their phrase says whose they are.
GENERIC_DOERS = {"police", "judges", "policemen"}
# verbs by which a subject carries out the event their object names: "resumed attacks"
CARRYING_OUT = {"resume", "renew", "continue", "launch", "stage", "mount", "carry", "conduct", "intensify",
                "escalate", "step", "wage", "begin", "start", "commit", "perpetrate", "hold", "lead", "organize",
                "organise"}
CROWD_COUNTS = {"hundred", "hundreds", "thousand", "thousands", "dozen", "dozens", "million", "millions", "score",
                "scores", "tens", "group", "crowd", "number"}
PARTY_PREPS = {"to", "with", "against", "between"}  # "an ultimatum to rebels", "talks with rebels"
_DOER_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj"}


def _own_phrase(tok):  # type: ignore[no-untyped-def]
    """The words of a noun's phrase, without clauses or participles ("hackers angered by X")."""
    out, stack = [], [c for c in tok.children if c.pos_ not in ("VERB", "AUX")]
    while stack:
        word = stack.pop()
        out.append(word)
        stack += [c for c in word.children if c.pos_ not in ("VERB", "AUX")]
    return out


def _told_before(tok) -> bool:  # type: ignore[no-untyped-def]
    """Whether the word came earlier in the text ("Houthi rebels … the rebels"), so that "the"
    points back to someone; if not, "the militants" of a first sentence are a group of their own."""
    return any(t.lemma_ == tok.lemma_ for t in tok.doc[: tok.i])


# who speaks or acts for a group named before them: "rebel delegation", "opposition leaders"
REPRESENTATIVES = {"delegation", "delegate", "leader", "commander", "spokesman", "spokeswoman", "spokesperson",
                   "representative", "negotiator", "envoy", "chief", "member", "faction", "movement", "leadership"}


def _common_noun(tok) -> bool:  # type: ignore[no-untyped-def]
    """A noun, or one the tagger took for a name because it opens the sentence ("Rebels in Mali …")."""
    return tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and tok.is_sent_start and not tok.ent_type_)


def _singular(plural: str) -> str:
    if plural.endswith("men"):
        return plural[:-3] + "man"
    if plural.endswith("ies"):
        return plural[:-3] + "y"
    return plural[:-1] if plural.endswith("s") else plural


@lru_cache(maxsize=4)
def _role_vocabulary(extra: frozenset[str]) -> tuple[set[str], set[str], dict[str, str]]:
    words = set(_single_word_terms()) | extra
    return set(sector_terms()), words, {_singular(w): w for w in words}


def _phrase_start(tok):  # type: ignore[no-untyped-def]
    """The first word of a role's phrase: "human rights groups", "the rebel delegation" (not the
    article, nor a description: "rival militias")."""
    return min([tok] + [c for c in tok.children if c.i < tok.i and (c.dep_ == "compound" or (
        c.dep_ == "amod" and _role_word(c.lower_, frozenset())))], key=lambda t: t.i)


def _role_word(word: str, extra: frozenset[str], one: bool = True) -> str | None:
    """The role a single word names: the role itself ("rebels"), or one of it ("rebel") where `one` allows."""
    _, words, singular = _role_vocabulary(extra)
    return word if word in words else singular.get(word) if one else None


def role_of(tok, extra: set[str] | frozenset[str] = frozenset(),  # type: ignore[no-untyped-def]
            one: bool = False) -> str | None:
    """The group role a noun names, as sectors.yaml words it: the noun itself ("gunmen"), one of
    them ("a gunman", where `one` allows), a role of several words ("human rights groups"), or those who speak for
    a role ("the rebel delegation", "opposition leaders")."""
    extra = frozenset(extra)
    role = _role_word(tok.lower_, extra, one)
    if role is not None:
        return role
    terms = _role_vocabulary(extra)[0]
    modifiers = [c for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i]
    for start in range(len(modifiers)):
        phrase = " ".join(w.lower_ for w in sorted(modifiers[start:] + [tok], key=lambda t: t.i))
        if phrase in terms:
            return phrase
    if tok.lemma_.lower() in REPRESENTATIVES:
        return next((r for r in (_role_word(m.lower_, extra) for m in modifiers) if r), None)
    return None


def _generic_doers(doc: Document, parsed: Doc) -> None:
    lexicon = load_lexicon()
    covered = {i for m in doc.mentions for i in range(m.start, m.end)}
    for tok in parsed:
        first = _first_conjunct(tok)  # "the government and southern rebels initialled …"
        if not _common_noun(tok) or first.dep_ not in _DOER_DEPS or tok.idx in covered:
            continue
        people = _people_named(tok, covered)
        role = role_of(tok, GENERIC_DOERS, one=True) or (
            tok.lower_ if people and tok.lemma_.lower() in REPRESENTATIVES else None)
        if role is None:
            continue
        verb = first.head.head if first.dep_ == "pobj" else first.head
        if first.dep_ == "pobj" and first.head.lower_ == "of" and verb.dep_ in ("nsubj", "nsubjpass", "dobj") and \
                verb.lemma_.lower() in CROWD_COUNTS:
            verb = verb.head  # "hundreds of farmers blocked …": the farmers block
        if not _party_to_event(first, verb, lexicon):
            continue
        if any(t.idx in covered for t in _own_phrase(tok)):
            continue  # "rebels in the Ivory Coast", "Iranian protesters": a named owner says whose
        if any(c.dep_ in ("det", "poss") and c.lower_ not in ("some", "the", "a", "an") for c in tok.children) or \
                (any(c.lower_ == "the" for c in tok.children) and _told_before(tok)):
            continue  # "their supporters", "the rebels" after rebels were named: someone told before
        if people and _role_word(people.lower_, frozenset(GENERIC_DOERS)) == role:
            people = None  # "an Islamist movement": the role is the people's own word
        if people:  # "Chechen rebels", "Kurdish leaders": a people with no state of its own
            role = f"{people.lower_} {role}"
        actor_id = group_actor(doc, None, role, f"{people.text} {tok.lower_}" if people else role)
        start = min(_phrase_start(tok), people or tok, key=lambda t: t.i)
        _mention(doc, parsed[start.i: tok.i + 1], actor_id, "generic")
    doc.mentions.sort(key=lambda m: m.start)


def _party_to_event(noun, verb, lexicon) -> bool:  # type: ignore[no-untyped-def]
    """Whether a role noun is a party to an event: of an event verb ("prisoners rioted", "rebels
    resumed attacks") or named with an event noun ("an ultimatum to Kurdish rebels", "talks with
    rebels"); not "civilians died", "journalists covered the protest"."""
    if noun.dep_ == "pobj" and noun.head.lower_ in PARTY_PREPS and verb.pos_ == "NOUN":
        return bool(lexicon.candidates(verb.lemma_, "n"))
    return verb.pos_ == "VERB" and bool(lexicon.candidates(verb.lemma_, "v") or (verb.lemma_ in CARRYING_OUT and any(
        c.dep_ == "dobj" and lexicon.candidates(c.lemma_, "n") for c in verb.children)))


def _first_conjunct(tok):  # type: ignore[no-untyped-def]
    """The first of coordinated nouns ("the army and the rebels"), whose place in the clause they share."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _people_named(tok, covered: set[int]):  # type: ignore[no-untyped-def]
    """The people a role word is of, where no actor stands for it: "Kurdish" in "Kurdish
    leaders" (a people named with a state, "Iranian protesters", is that state's)."""
    named = [c for c in tok.children if c.dep_ in ("amod", "compound") and c.i < tok.i
             and c.ent_type_ == "NORP" and c.idx not in covered]
    return named[-1] if named else None


def _sector_groups(doc: Document, parsed: Doc, base: ActorBase) -> None:
    """"Afghan civil society representatives", "Iranian protesters": a group of the country,
    not the state. The country mention becomes a mention of that group."""
    terms = sector_terms()
    for mention in doc.mentions:
        if mention.actor_id not in base or base.actor(mention.actor_id).kind != "state":
            continue
        span = parsed.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or span.root.dep_ not in ("amod", "compound", "nmod", "poss"):
            continue
        head = span.root.head
        phrase = parsed[span.end: head.i + 1]
        if not 0 < len(phrase) <= 5 or any(t.pos_ in ("VERB", "PUNCT") for t in phrase):
            continue
        words = " ".join(t.lemma_.lower() if t.i == head.i else t.lower_ for t in phrase)
        words = " ".join(t.lower_ for t in phrase) + " " + words
        term = next((t for t in terms if re.search(rf"\b{re.escape(t)}\b", words)), None)
        if term is None:
            continue
        actor_id = group_actor(doc, mention.actor_id, term, f"{clean_name(span.text)} {term}")
        mention.actor_id, mention.method = actor_id, "sector"
        mention.end, mention.text = head.idx + len(head.text), parsed.text[mention.start: head.idx + len(head.text)]


def _placed_groups(doc: Document, parsed: Doc, base: ActorBase) -> None:
    """"Rebels in eastern Congo", "refugees from Sudan": a group of the country the phrase
    places them in, not the state (the place keeps its own mention)."""
    covered = {m.start for m in doc.mentions}
    for mention in list(doc.mentions):
        country = base.country_of(mention.actor_id) if mention.actor_id in base else \
            doc.actors[mention.actor_id].country if mention.method == "gazetteer" else None
        span = parsed.char_span(mention.start, mention.end, alignment_mode="expand")
        if country is None or span is None or span.root.dep_ != "pobj" or span.root.head.lower_ not in ("in", "from"):
            continue
        group = span.root.head.head
        role = role_of(group) if _common_noun(group) else None
        if role is None or group.idx in covered or \
                any(c.dep_ in ("poss", "amod") and c.ent_type_ for c in group.children):
            continue  # "Iranian refugees in Iraq" are Iran's
        actor_id = group_actor(doc, country, role, f"{base.actor(country).name} {role}")
        _mention(doc, parsed[_phrase_start(group).i: group.i + 1], actor_id, "sector")
        covered.add(group.idx)
    doc.mentions.sort(key=lambda m: m.start)


def group_actor(doc: Document, country: str | None, role: str, name: str) -> str:
    """The id of a group named by its role, of a country ("KEN:students") or of none
    ("group:gunmen"), made a document actor the first time it is met."""
    actor_id = f"{country or 'group'}:{role.replace(' ', '-')}"
    doc.actors.setdefault(actor_id, Actor(id=actor_id, name=name, kind="group", country=country, origin="document"))
    return actor_id


def _single_word_terms() -> list[str]:
    return [t for t in sector_terms() if " " not in t]


@lru_cache(maxsize=1)
def sector_terms() -> tuple[str, ...]:
    """Role words from `knowledge/data/sectors.yaml`, longest first."""
    with (resources.files("multipolar.knowledge") / "data" / "sectors.yaml").open(encoding="utf-8") as fh:
        return tuple(sorted(yaml.safe_load(fh), key=len, reverse=True))


def _apposition_after(span: Span) -> list:  # type: ignore[type-arg]
    """The words between the commas right after a name (the parser often misses appositives)."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].text != ",":
        return []
    out = []
    for tok in doc[span.end + 1: span.end + 10]:
        if tok.text in (",", ";", ".", "(", ")") or tok.ent_type_ == "PERSON" or tok.is_sent_start \
                or "\n" in tok.text or tok.pos_ in ("VERB", "AUX"):
            break  # (a verb: "Its envoy, Zhao Sheng, presented …" goes on with the clause, no appositive)
        out.append(tok)
    return out


def _countries_of_new_people(doc: Document, parsed: Doc, base: ActorBase) -> None:
    """A person not in the base takes the state named by their title or appositive:
    "Saudi national security adviser Musaad Al-Aiban", "Zhao Sheng, China's envoy"."""
    by_start = {m.start: m for m in doc.mentions}
    for mention in list(doc.mentions):
        actor = doc.actors.get(mention.actor_id)
        if actor is None or actor.origin != "document" or actor.kind != "person" or actor.country:
            continue
        span = parsed.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        near = [t for t in root.subtree if t.i < span.start] + \
            [t for c in root.children if c.dep_ == "appos" for t in c.subtree]
        if root.dep_ == "appos":
            near += [t for t in root.head.subtree if t.i < root.i and t.dep_ in ("compound", "amod", "poss")]
        near += _apposition_after(span)  # "Musaad al-Aiban, Saudi Arabia's security adviser,"
        for tok in near:
            other = by_start.get(tok.idx)
            if other and other.actor_id in base and base.country_of(other.actor_id) and \
                    base.actor(other.actor_id).kind in ("state", "government", "agency"):
                actor.country = base.country_of(other.actor_id)
                if _holds_office(near):  # "Saudi foreign minister X" acts for Saudi Arabia
                    kind = base.actor(other.actor_id).kind
                    doc.officials[actor.id] = other.actor_id if kind != "agency" else actor.country
                break


def _holds_office(words: list[Token]) -> bool:
    """Whether a person's title or appositive names a current office of a state: "foreign
    minister", "China's envoy" (not "opposition leader", "former president", "journalist")."""
    lemmas = {t.lemma_.lower() for t in words} | {t.lower_ for t in words}
    # (words of a name are no qualifiers: "Russian Federation envoy", "ambassador to the European Union")
    qualifiers = {t.lemma_.lower() for t in words if not t.ent_type_} | {t.lower_ for t in words if not t.ent_type_}
    return bool(lemmas & OFFICES) and not qualifiers & NOT_IN_OFFICE


def _part_of_longer_name(span: Span) -> bool:
    """"the West African bloc": "the West" is only the start of another name."""
    if span.end >= len(span.doc):
        return False
    nxt = span.doc[span.end]
    adjectival = nxt.pos_ == "ADJ" or nxt.text.endswith(("an", "ese", "ic"))
    return nxt.text[:1].isupper() and adjectival and not span.doc[span.end - 1].whitespace_ == ""


def clean_name(text: str) -> str:
    """The name in a span without a leading article, a possessive or stray punctuation."""
    previous = None
    while previous != text:
        previous, text = text, _STRIP.sub("", text).strip()
    return text


def without_title(name: str) -> str:
    """"Sheikh Mohamed" → "Mohamed": honorifics and ranks are not part of a name."""
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in TITLES:
        words = words[1:]
    return " ".join(words)


def _resolve(span: Span, base: ActorBase, on: date | None, local: dict[str, str],
             doc: Document) -> tuple[str | None, str]:
    name = clean_name(span.text)
    if not name:
        return None, ""
    key = fold(name)
    untitled = fold(without_title(name))
    for candidate in (key, untitled):
        if candidate in local:
            return local[candidate], "document-alias"
    found = base.resolve(name, on, span.sent.text) or base.resolve(without_title(name), on, span.sent.text)
    if found is not None:
        doc.actors.setdefault(found.actor_id, base.actor(found.actor_id))
        if span.label_ == "PERSON":
            _person_aliases(without_title(name), found.actor_id, local)
        return found.actor_id, found.via
    misspelt = base.misspelt_state(name) if span.label_ in ("GPE", "NORP") else None
    if misspelt is not None:  # "Pakistian troops": a slip of the pen, not a new actor
        doc.actors.setdefault(misspelt.actor_id, base.actor(misspelt.actor_id))
        return misspelt.actor_id, "misspelt"
    if not _plausible_new_actor(span, name):
        return None, ""
    city = _city(doc, span, name, base)
    if city is not None:
        return city, "gazetteer"
    actor_id = _new_actor(doc, span, name, local)
    return actor_id, "site" if actor_id.startswith("place:") and _site(span) else "new"


def _city(doc: Document, span: Span, name: str, base: ActorBase) -> str | None:
    """A city the base does not list ("Kharkiv"), even where the tagger took it for a person
    or an organisation: a place, with the state it lies in. Titled names and persons or
    organisations of several words are never read as cities."""
    placed = span.label_ in ("GPE", "LOC")
    named_place = _named_as_place(span)  # "the town of Wad Madani", whatever the tagger says
    if not (placed or named_place) and (len(span) > 1 or _titled(span)):
        return None
    country = city_country(name, MIN_POPULATION if placed or named_place else NAME_LIKE_POPULATION)
    if country not in base:  # a territory the base does not list as a state (Macau, Western Sahara)
        country = None
    if country is None and not named_place:
        return None
    actor_id = f"place:{fold(name).replace(' ', '-')}"
    doc.actors.setdefault(actor_id, Actor(id=actor_id, name=name, kind="place", country=country, origin="document"))
    return actor_id


def _plausible_new_actor(span: Span, name: str) -> bool:
    """Named entities outside the base become actors, except adjectives and date words."""
    if span.label_ == "NORP" or len(name) < 3 or not name[:1].isupper():
        return False
    return not _DATE_WORD.match(name)


def _named_as_place(span: Span) -> bool:
    """"the town of X", "the province of X": X names a place."""
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in PLACE_NOUNS


def _titled(span: Span) -> bool:
    """A name in apposition to a person's title ("the ambassador, Sylvain Itte," or "Sylvain
    Itte, the ambassador,") or right after one is a person, whatever the tagger's label."""
    if span.label_ in ("GPE", "LOC", "FAC"):
        return False
    root = span.root
    if root.dep_ == "appos" and root.head.lemma_.lower() in TITLES:
        return True
    if any(c.dep_ == "appos" and c.lemma_.lower() in TITLES for c in root.children):
        return True
    before = span.doc[span.start - 1] if span.start > 0 else None
    return before is not None and before.lower_.rstrip(".") in TITLES


def _site(span: Span) -> bool:
    """A name ending in a site or region word: "the Panj Bridge", "Aceh province"."""
    return span[-1].lower_ in SITE_WORDS


def _new_actor(doc: Document, span: Span, name: str, local: dict[str, str]) -> str:
    kind = "person" if _titled(span) else _NEW_KIND.get(span.label_, "organisation")
    if kind != "person" and _site(span):
        kind = "place"  # "the Panj Bridge", "Tahrir Square": the small model often calls them ORG
    actor_id = f"{kind}:{fold(name).replace(' ', '-')}"
    doc.actors.setdefault(actor_id, Actor(id=actor_id, name=name, kind=kind, origin="document"))
    local[fold(name)] = actor_id
    local.setdefault(fold(without_title(name)), actor_id)
    if kind == "person":
        _person_aliases(without_title(name), actor_id, local)
    return actor_id


def _person_aliases(name: str, actor_id: str, local: dict[str, str]) -> None:
    """Later in the text, a person goes by one of their names: "Stanikzai" after "Sher
    Mohammad Abbas Stanikzai", "Sheikh Mohamed" after "Mohamed bin Zayed Al Nahyan"."""
    words = [w for w in name.split() if w[:1].isupper()]
    if len(words) > 1:
        local.setdefault(fold(words[-1]), actor_id)
        local.setdefault(fold(words[0]), actor_id)


def _defined_acronym(span: Span) -> str | None:
    """`Name (ACR)` makes ACR an alias of Name's actor for the rest of the document."""
    doc = span.doc
    if span.end + 2 >= len(doc) or doc[span.end].text != "(":
        return None
    close = next((t.i for t in doc[span.end + 1: span.end + 6] if t.text == ")"), None)
    if close is None:
        return None
    inner = doc[span.end + 1: close].text
    if _ACRONYM.match(inner) and sum(c.isupper() for c in inner) >= 2:
        return inner
    return None


def _mention_acronyms(doc: Document, parsed: Doc, acronyms: dict[str, str]) -> None:
    """Mentions of document-defined acronyms that the entity recogniser missed."""
    _mention_missed(doc, parsed, lambda token: acronyms.get(token.text))


def _mention_surnames(doc: Document, parsed: Doc, local: dict[str, str], base: ActorBase) -> None:
    """A person named in full, then by one of their names alone where the entity recogniser saw
    no name ("Sylvain Itte … Itte flew out")."""
    first_seen: dict[str, int] = {}
    for m in doc.mentions:
        first_seen.setdefault(m.actor_id, m.start)

    def person(token: Token) -> str | None:
        actor_id = local.get(fold(token.text)) if token.pos_ == "PROPN" and token.is_title else None
        if actor_id is None or first_seen.get(actor_id, token.idx) >= token.idx:
            return None
        actor = base.actor(actor_id) if actor_id in base else doc.actors.get(actor_id)
        return actor_id if actor is not None and actor.kind == "person" else None

    _mention_missed(doc, parsed, person)


def _mention_missed(doc: Document, parsed: Doc, actor_of: Callable[[Token], str | None]) -> None:
    """A mention for each token the recogniser left out that `actor_of` names an actor for."""
    covered = {i for m in doc.mentions for i in range(m.start, m.end)}
    for token in parsed:
        actor_id = actor_of(token) if token.idx not in covered else None
        if actor_id is not None:
            _mention(doc, parsed[token.i: token.i + 1], actor_id, "document-alias")


def _state_named(token: Token, doc: Document, base: ActorBase) -> str | None:
    """A state the recogniser missed, spelt right or with one slip ("Ethopia has agreed")."""
    if token.pos_ != "PROPN" or not token.is_title or token.ent_type_:
        return None
    found = [c for c in base.candidates(token.text) if base.actor(c.actor_id).kind == "state"] or \
        [c for c in [base.misspelt_state(token.text)] if c]
    if not found:
        return None
    doc.actors.setdefault(found[0].actor_id, base.actor(found[0].actor_id))
    return found[0].actor_id


def _mention(doc: Document, span: Span, actor_id: str, method: str) -> None:
    sent_idx = _sentence_index(doc, span.start_char)
    doc.mentions.append(Mention(start=span.start_char, end=span.end_char, text=span.text,
                                sentence=sent_idx, label=span.label_, actor_id=actor_id,
                                method=method))


def _sentence_index(doc: Document, offset: int) -> int:
    for sentence in doc.sentences:
        if sentence.start <= offset < sentence.end:
            return sentence.idx
    return max(0, len(doc.sentences) - 1)
