"""Verb forms the small model's lemmatizer gets wrong in some sentences are set right, so
that their triggers are found."""

from __future__ import annotations

from multipolar.pipeline.parse import load_nlp


def test_staged_is_a_form_of_stage() -> None:
    doc = load_nlp()("Tunisian lawyers staged a strike to protest against the arrest of a colleague.")
    assert [t.lemma_ for t in doc if t.lower_ == "staged"] == ["stage"]


def test_hyphenated_event_nouns_stay_whole_with_the_closed_lemma() -> None:
    doc = load_nlp()("Cease-fires rarely held, and the sit-in ended in a shoot-out.")
    words = {t.text: t.lemma_ for t in doc}
    assert words["Cease-fires"] == "ceasefire"
    assert words["sit-in"] == "sit-in"
    assert words["shoot-out"] == "shootout"
    assert "-" not in words  # no word was split at its hyphen
