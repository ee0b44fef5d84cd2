"""Every lexicon entry's example sentence yields an event of the entry's type, triggered
by the entry's word, between the actors the entry expects."""

from __future__ import annotations

import pytest

from multipolar.knowledge.lexicon import PLOVER_TYPES, load_lexicon

from .events_helper import events_of, same_actor

ENTRIES = load_lexicon().entries


def test_every_plover_type_has_triggers() -> None:
    assert {e.type for e in ENTRIES} == set(PLOVER_TYPES)


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: f"{e.lemma}-{e.pos}-{e.needs or ''}-{e.type}")
def test_lexicon_example(entry) -> None:  # type: ignore[no-untyped-def]
    source, target = entry.expect.split(">")
    target = None if target == "-" else target
    events = events_of(entry.example)
    hits = [e for e in events if e.type == entry.type]
    assert hits, f"no {entry.type} event in {entry.example!r}: {[(e.source, e.target, e.type) for e in events]}"
    pairs = [(e.source, e.target) for e in hits]
    ok = any(same_actor(s, source) and same_actor(t, target) for s, t in pairs)
    symmetric = entry.type in ("CONSULT", "COOPERATE", "AGREE")
    ok = ok or (symmetric and any(same_actor(t, source) and same_actor(s, target) for s, t in pairs))
    assert ok, f"{entry.example!r}: expected {source}>{target}, got {pairs}"


@pytest.mark.parametrize("text", [
    "Kenyan security officials, speaking on condition of anonymity, said the raid had hit a camp of al-Shabaab.",
    "A Polish diplomat, speaking after the vote, said Hungary had isolated itself.",
])
def test_speaking_without_a_partner_is_no_consultation(text: str) -> None:
    assert [e.type for e in events_of(text, "2024-05-01") if e.type == "CONSULT"] == []
