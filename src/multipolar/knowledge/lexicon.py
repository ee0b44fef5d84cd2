"""The event lexicon: trigger lemmas (verbs and nouns) → PLOVER type and CAMEO code,
loaded from `data/lexicon*.yaml` (the core file first, then the additions)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
# Prepositions that introduce a target when an entry names none.
DEFAULT_TARGET_PREPS = {"v": ("with", "against", "on"),
                        "n": ("of", "on", "against", "with", "to", "between"), "a": ()}


@dataclass(frozen=True, slots=True)
class Trigger:
    """One lexicon entry."""

    lemma: str
    pos: str  # "v" verb, "n" noun, "a" adverb ("militarily in X, Y and Z")
    type: str
    cameo: str
    needs: str | None  # a dependent word the trigger must have ("cut" + "ties")
    target_preps: tuple[str, ...]
    relation: str | None
    context: str | None
    example: str
    expect: str
    bare: bool = False  # only when the verb has no direct object ("warned of", not "warned X of")
    directive: bool = False  # only with a that-clause saying what must be done ("insist that X must")
    addressed: bool = False  # only naming whom it asks (a named object or clause subject) and what
    party: bool = False  # only when it acts on a named party ("admitted Finland", not "admitted lying")

    def wants(self, lemma: str) -> bool:
        """Whether a word is the one the entry requires: that word, or one of its class ("@force")."""
        want = (self.needs or "").lower()
        if want.startswith("@"):
            return lemma.lower() in word_classes()[want[1:]]
        return lemma.lower() == want


class Lexicon:
    """Lookups of triggers by lemma and part of speech; entries with a required word first."""

    def __init__(self, entries: list[Trigger]) -> None:
        self.entries = entries
        self._by: dict[tuple[str, str], list[Trigger]] = {}
        for entry in sorted(entries, key=lambda e: e.needs is None):
            self._by.setdefault((entry.lemma, entry.pos), []).append(entry)

    def candidates(self, lemma: str, pos: str) -> list[Trigger]:
        lemma = lemma.lower()
        found = self._by.get((lemma, pos))
        if found is None and pos == "v" and lemma.endswith(("ise", "yse")):
            found = self._by.get((lemma[:-2] + "ze", pos))  # British "apologise", "analyse"
        return found or []


def _entry(item: dict[str, Any]) -> Trigger:
    words = [item.get("w"), *(item.get("by") or [])]
    if any(not isinstance(w, (str, type(None))) for w in words):
        raise ValueError(f"quote the words of {item['l']!r}: YAML reads on/off/yes/no as booleans")
    if str(item.get("w") or "").startswith("@") and item["w"][1:] not in word_classes():
        raise ValueError(f"unknown word class {item['w']!r} for {item['l']!r}")
    if item["t"] not in PLOVER_TYPES:
        raise ValueError(f"unknown PLOVER type {item['t']!r} for {item['l']!r}")
    return Trigger(lemma=item["l"], pos=item["p"], type=item["t"], cameo=str(item["c"]),
                   needs=item.get("w"), target_preps=_preps(item),
                   relation=item.get("r"), context=item.get("ctx"), example=item["x"], expect=item["e"],
                   bare=bool(item.get("bare")), directive=bool(item.get("directive")),
                   addressed=bool(item.get("addressed")), party=bool(item.get("party")))


def _preps(item: dict[str, Any]) -> tuple[str, ...]:
    preps = list(item.get("by") or DEFAULT_TARGET_PREPS[item["p"]])
    if item.get("w") in _PREPOSITIONS and item["w"] not in preps:
        preps.append(item["w"])  # "warn of X": X is the target
    return tuple(preps)


_PREPOSITIONS = {"of", "on", "for", "with", "against", "about", "to", "at", "from", "into"}


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The shipped trigger lexicon (loaded once per process)."""
    entries: list[Trigger] = []
    folder = resources.files("multipolar.knowledge") / "data"
    for name in sorted(p.name for p in folder.iterdir() if p.name.startswith("lexicon") and p.name.endswith(".yaml")):
        with (folder / name).open(encoding="utf-8") as fh:
            entries += [_entry(item) for item in yaml.safe_load(fh) or []]
    return Lexicon(entries)


@lru_cache(maxsize=1)
def word_classes() -> dict[str, frozenset[str]]:
    """Classes of required words (`data/word_classes.yaml`): class name → lemmas."""
    with (resources.files("multipolar.knowledge") / "data" / "word_classes.yaml").open(encoding="utf-8") as fh:
        return {name: frozenset(words) for name, words in yaml.safe_load(fh).items()}


@lru_cache(maxsize=1)
def event_nouns() -> dict[str, str]:
    """The lemmas of the nominal triggers → their PLOVER type (a lemma's first entry wins)."""
    nouns: dict[str, str] = {}
    for entry in load_lexicon().entries:
        if entry.pos == "n":
            nouns.setdefault(entry.lemma, entry.type)
    return nouns
