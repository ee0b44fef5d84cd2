"""Verb forms the small model's lemmatizer gets wrong in some sentences are set right, so
that their triggers are found."""

from __future__ import annotations

from multipolar.pipeline.parse import load_nlp


def test_staged_is_a_form_of_stage() -> None:
    doc = load_nlp()("Tunisian lawyers staged a strike to protest against the arrest of a colleague.")
    assert [t.lemma_ for t in doc if t.lower_ == "staged"] == ["stage"]
