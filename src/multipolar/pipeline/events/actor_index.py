"""Which actor, if any, a token or a phrase of the parse names.

A phrase's actor is found by walking its dependency subtree from the head: modifiers that
name an owner ("Pakistani jets", "Taliban delegation", "Russia's") are closer than
prepositional phrases ("a conference in Doha"), and clauses are not entered.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from ...knowledge import ActorBase
from ...model import Document, Mention

# Modifier links that keep us inside the phrase, with their walking cost.
_NEAR = {"compound": 1, "amod": 1, "nmod": 1, "poss": 1, "appos": 1, "npadvmod": 1}
# "Afghanistan's neighbours" are not Afghanistan: the owner of these nouns is someone else.
RELATIONAL = {"neighbor", "neighbour", "ally", "partner", "rival", "enemy", "critic", "opponent",
              "supporter", "adversary", "friend", "backer", "foe", "counterpart", "patron", "proxy"}
_PREP_COST = 2
_ROLE_PREPS = {"of", "from", "in", "outside", "near", "at", "like", "including", "inside", "within",
               "across", "against", "on", "over", "into", "toward", "towards", "along", "around", "by"}
# "its border with Cambodia", "talks with X": a partner phrase under these nouns
_WITH_NOUNS = {"border", "frontier", "boundary", "talk", "tie", "relation", "relationship",
               "cooperation", "agreement", "deal", "negotiation", "dialogue", "partnership"}
_ADJ_PREPS = {"to", "with"}  # "gunmen loyal to X", "militias allied with X"
# people who speak for whoever follows their "for": "a spokesman for the ministry" (an envoy
# "for Syria", by contrast, is sent to Syria by someone else)
_FOR_NOUNS = {"spokesman", "spokeswoman", "spokesperson", "negotiator", "mouthpiece"}
_CLAUSES = {"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis"}
# "US-backed regime": the named actor supports the phrase's referent; it is not the referent.
_SUPPORTER = re.compile(
    r"^[-–](?:backed|aligned|allied|sponsored|funded|friendly|supported|leaning|brokered|mediated|"
    r"inspired|based)\b")
# "talks in Kabul", "flew out of Niamey": a place. ("flew to Kabul" visits its government.)
LOCATIVE_PREPS = {"in", "of", "from", "into", "at", "near", "outside", "inside", "around"}
PLACE_PREPS = {"in", "at", "near", "outside", "inside", "within", "across", "around", "along"}
PRONOUNS_SINGULAR = {"it", "its", "itself"}
PRONOUNS_PLURAL = {"they", "their", "them", "themselves"}
PRONOUNS_PERSON = {"he", "she"}  # as subjects only: "his credentials" are read through the clause


# mentions the actor stage resolved to a city or a site: places, never actors
PLACE_METHODS = ("gazetteer", "site")


class ActorIndex:
    """Token-level view of a document's resolved mentions."""

    def __init__(self, doc: Document, parsed: Doc, base: ActorBase) -> None:
        self.parsed = parsed
        self.kb_ids = set(base.entries)
        self.base = base
        self.cities = {a.id: a.country for a in doc.actors.values() if a.kind == "place" and a.country}
        self.countries = {a.id: a.country for a in doc.actors.values()}
        self.by_token: dict[int, Mention] = {}
        starts = {t.idx: t.i for t in parsed}
        for mention in doc.mentions:
            first = starts.get(mention.start)
            if first is None:
                continue
            for tok in parsed[first:]:
                if tok.idx >= mention.end:
                    break
                self.by_token[tok.i] = mention
        self.excluded = {i for i, m in self.by_token.items() if self._is_excluded(m)}

    def _is_excluded(self, mention: Mention) -> bool:
        text = self.parsed.text
        before, after = text[max(0, mention.start - 4): mention.start], text[mention.end: mention.end + 12]
        return bool(_SUPPORTER.match(after)) or before.lower().endswith(("non-", "anti-", "non–"))

    def actor_at(self, token: Token) -> str | None:
        if token.i in self.excluded:
            return None
        mention = self.by_token.get(token.i)
        if mention is None:
            return None
        if mention.method == "government-metonym" and token.head.lower_ in LOCATIVE_PREPS:
            # "flew out of Niamey", "talks in Kabul": the place, so the state
            return self.base.entries[mention.actor_id].governs or mention.actor_id
        actor = mention.actor_id
        if actor.startswith("place:") and (mention.label != "GPE" or mention.method in PLACE_METHODS):
            # a site, region or city the knowledge base does not know ("the Europe Bridge", "Aceh
            # province", "Kharkiv") is where, not who; an unknown country (a misspelt "Afganistan")
            # may still act
            return None
        if actor in self.kb_ids and self.base.actor(actor).kind == "region" and self.base.country_of(actor):
            return self.base.country_of(actor)  # "an army post in South Waziristan": Pakistan
        return actor

    def is_place(self, token: Token) -> bool:
        """Whether the token is part of the name of a place the base does not list."""
        mention = self.by_token.get(token.i)
        return mention is not None and mention.actor_id.startswith("place:")

    def country_at(self, token: Token) -> str | None:
        """The state of the place or actor a token names ("in Kharkiv": Ukraine)."""
        mention = self.by_token.get(token.i)
        if mention is not None and mention.actor_id in self.cities:
            return self.cities[mention.actor_id]
        actor = self.actor_at(token)
        return self.base.country_of(actor) if actor else None

    def phrase_actor(self, head: Token, max_cost: int = 6, places: bool = True) -> str | None:
        """The actor a noun phrase names, searching modifiers before prepositional phrases;
        with `places` false, not through "in/at/near X" (where something happened)."""
        own = self.by_token.get(head.i)
        if own is not None and own.method == "sector" and head.i not in self.excluded:
            return own.actor_id  # "Iranian refugees in Iraq" are the refugees, wherever they are
        best: tuple[int, int, int, str] | None = None
        for token, cost in self._walk(head, places):
            if cost > max_cost:
                continue
            actor = self.actor_at(token)
            if actor is None:
                continue
            # A known actor anywhere in the phrase beats a new one ("Khost province" of
            # "Afghanistan's Khost province"); then the nearer, then the earlier.
            rank = (0 if actor in self.kb_ids else 1, cost, token.i)
            if best is None or rank < best[:3]:
                best = (*rank, actor)
        if best is None or (best[0] == 1 and best[1] > 0):  # nothing, or only a new actor: try "made by X"
            # (unless the head itself names it: "hackers angered by X" are still the hackers)
            return self._agent_of_modifier(head) or (best[3] if best else None)
        return best[3]

    def latest_distinct(self, before: Token, count: int) -> list[str]:
        """The last `count` distinct states named before the token's sentence (people count for
        their state): "the two sides", "neither government"."""
        found: list[str] = []
        verb = next((a for a in before.ancestors if a.pos_ in ("VERB", "AUX")), None)
        own = {t.i for s in (verb.children if verb is not None else ()) if s.dep_ in ("nsubj", "nsubjpass")
               and not (s.i == before.i or s.is_ancestor(before)) for t in s.subtree}
        for i in range(before.i - 1, -1, -1):  # "Iraq and Oman hosted talks between the two sides"
            if i in own:
                continue
            actor = self.actor_at(self.parsed[i])
            if actor in self.kb_ids and self.base.actor(actor).kind != "state":
                actor = self.base.country_of(actor) if self.base.actor(actor).kind == "person" else None
            if actor and actor not in found and actor in self.kb_ids:
                found.append(actor)
                if len(found) == count:
                    break
        return found[::-1]

    def country_of(self, actor: str) -> str | None:
        """The state an actor belongs to, from the base or the document's own actors."""
        return self.base.country_of(actor) if actor in self.kb_ids else self.countries.get(actor)

    def kind_of(self, actor: str) -> str | None:
        if actor in self.kb_ids:
            return self.base.actor(actor).kind
        return "person" if actor.startswith("person:") else None

    def named_at(self, token: Token) -> str | None:
        """The actor a mention names, without reading a capital as a mere place."""
        mention = self.by_token.get(token.i)
        if mention is None or token.i in self.excluded or mention.method in PLACE_METHODS:
            return None  # ("the authorities in Kharkiv" are not Kharkiv's: a city does not govern)
        return mention.actor_id

    def latest_of_kind(self, before: Token, kinds: tuple[str, ...]) -> list[str]:
        """The most recent actor of these kinds mentioned before a token ("the alliance")."""
        for i in range(before.i - 1, -1, -1):
            actor = self.actor_at(self.parsed[i])
            if actor and actor in self.kb_ids and self.base.actor(actor).kind in kinds:
                return [actor]
        return []

    def _agent_of_modifier(self, head: Token) -> str | None:
        """"the charges made by Congo", "the deal brokered by China": the agent."""
        for child in head.children:
            if child.dep_ == "acl":
                for agent in (c for c in child.children if c.dep_ == "agent"):
                    for pobj in (g for g in agent.children if g.dep_ == "pobj"):
                        found = self.actor_at(pobj) or self.phrase_actor(pobj)
                        if found:
                            return found
        return None

    def _walk(self, head: Token, places: bool = True) -> Iterable[tuple[Token, int]]:
        stack = [(head, 0)]
        seen = set()
        while stack:
            token, cost = stack.pop()
            if token.i in seen or cost > 6:
                continue
            seen.add(token.i)
            yield token, cost
            for child in token.children:
                if child.dep_ in _CLAUSES or (child.dep_ == "poss" and token.lemma_ in RELATIONAL):
                    continue
                prep_ok = (child.lower_ in _ROLE_PREPS
                           or (token.pos_ == "ADJ" and child.lower_ in _ADJ_PREPS)
                           or (token.lemma_ in _WITH_NOUNS and child.lower_ in ("with", "between"))
                           or (token.lemma_ in _FOR_NOUNS and child.lower_ == "for"))
                if not places and child.lower_ in PLACE_PREPS:
                    continue
                if child.dep_ == "prep" and prep_ok:
                    stack.extend((g, cost + _PREP_COST) for g in child.children if g.dep_ == "pobj")
                elif child.dep_ in _NEAR:
                    stack.append((child, cost + _NEAR[child.dep_]))

    def phrase_actors(self, head: Token, places: bool = True) -> list[str]:
        """Actors of a phrase and of the phrases coordinated with it ("Russia and China",
        "Indian and Chinese troops")."""
        actors: list[str] = []
        tokens = [head, *head.conjuncts]
        for mod in (c for c in head.children if c.dep_ in ("amod", "compound", "nmod")):
            if self.actor_at(mod) and mod.conjuncts:
                tokens += [mod, *mod.conjuncts]
        head_named = self.phrase_actor(head, places=places) is not None
        for n, token in enumerate(tokens):
            # a conjunct counts only when it names an actor itself ("Russia and China"), not
            # when an actor hides in its own phrase ("recruitment … and interest in the Arctic"),
            # unless the head named none ("hideouts and a camp of the Pakistani Taliban")
            actor = self.phrase_actor(token, 6 if n == 0 or not head_named else 1, places)
            if actor and actor not in actors:
                actors.append(actor)
        return actors
