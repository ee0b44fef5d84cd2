"""Reading every supported source into the store, once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from multipolar.store import Store

from .conftest import GSR, ROOT, needs_shared, run_cli


def _docs(db: Path) -> list[dict]:
    with Store.open(str(db), create=False, read_only=True) as store:
        return store.documents()


def test_examples_folder_ingests_every_format(tmp_path: Path) -> None:
    db = tmp_path / "ex.duckdb"
    code, stdout, _ = run_cli("ingest", str(ROOT / "examples"), "--db", str(db))
    assert code == 0, stdout
    docs = {d["id"]: d for d in _docs(db)}
    assert {d["format"] for d in docs.values()} == {"text", "markdown", "html"}
    assert all(d["published"] for d in docs.values())
    html = next(d for d in docs.values() if d["format"] == "html")
    assert html["title"] and html["published"] == "2024-12-26"


def test_same_content_twice_is_a_no_op(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Kenya and Ethiopia agreed to reopen their border.", encoding="utf-8")
    copy = tmp_path / "copy.txt"
    copy.write_text("Kenya and Ethiopia agreed to reopen their border.\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    assert run_cli("ingest", str(article), "--db", str(db))[0] == 0
    code, stdout, _ = run_cli("ingest", str(article), str(copy), "--db", str(db))
    assert code == 0
    assert "0 ingested, 2 already in the store" in stdout
    assert len(_docs(db)) == 1


def test_published_option_wins_and_unknown_stays_unknown(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text("Chile and Peru signed a fisheries accord.", encoding="utf-8")
    b = tmp_path / "b.txt"
    b.write_text("Norway and Iceland discussed whaling quotas.", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    run_cli("ingest", str(a), "--db", str(db), "--published", "2021-05-04")
    run_cli("ingest", str(b), "--db", str(db))
    published = {d["id"]: d["published"] for d in _docs(db)}
    assert published == {"a": "2021-05-04", "b": None}


def test_stdin_is_read_with_dash(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    proc = subprocess.run([sys.executable, "-m", "multipolar", "ingest", "-", "--db", str(db)],
                          input="Egypt mediated talks between Israel and Hamas in Cairo.",
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert [d["format"] for d in _docs(db)] == ["text"]


def test_jsonl_fields_become_document_metadata(tmp_path: Path) -> None:
    lines = ('{"id": "n1", "text": "Iran and Iraq signed a security deal.", "title": "Deal", '
             '"published": "2023-03-19", "source": "Wire", "url": "https://example.org/n1"}\n')
    path = tmp_path / "n.jsonl"
    path.write_text(lines, encoding="utf-8")
    db = tmp_path / "s.duckdb"
    assert run_cli("ingest", str(path), "--db", str(db))[0] == 0
    [doc] = _docs(db)
    assert (doc["id"], doc["title"], doc["published"], doc["source"]) == ("n1", "Deal", "2023-03-19", "Wire")


@needs_shared
def test_plover_sentences_ingest_once(tmp_path: Path) -> None:
    db = tmp_path / "gsr.duckdb"
    code, stdout, stderr = run_cli("ingest", str(GSR / "sentences.jsonl"), "--db", str(db))
    assert code == 0
    assert stdout.startswith("322 ingested")
    assert "322/322" in stderr  # the progress bar
    code, stdout, _ = run_cli("ingest", str(GSR / "sentences.jsonl"), "--db", str(db))
    assert code == 0 and stdout.startswith("0 ingested, 322 already")


@pytest.mark.parametrize("text", [
    "The ambassador, Odile Marchetti, was ordered to leave Niamey within 48 hours.",
    "Odile Marchetti, the envoy, was ordered to leave Niamey within 48 hours.",
    "Ambassador Odile Marchetti was ordered to leave Niamey within 48 hours.",
])
def test_a_name_beside_a_persons_title_is_a_person(text: str) -> None:
    """Even when the tagger calls the name an organisation (it does so for some names)."""
    from spacy.tokens import Span

    from multipolar.model import Document
    from multipolar.pipeline.actors import _new_actor
    from multipolar.pipeline.parse import load_nlp

    parsed = load_nlp()(text)
    start = next(t.i for t in parsed if t.text == "Odile")
    name = Span(parsed, start, start + 2, label="ORG")
    doc = Document(id="t", text=text, content_hash="t", path="-")
    assert _new_actor(doc, name, name.text, {}) == "person:odile-marchetti"
    assert doc.actors["person:odile-marchetti"].kind == "person"


@pytest.mark.parametrize("text, country", [
    ("Lina Haddad, Jordan's envoy, met the minister.", "JOR"),
    ("Its envoy, Lina Haddad, presented her credentials to the Iraqi prime minister.", None),
])
def test_a_new_persons_state_comes_from_an_appositive_not_the_clause_after_it(text: str, country: str | None) -> None:
    from multipolar.knowledge import load_actor_base
    from multipolar.model import Document
    from multipolar.pipeline.actors import stage_actors
    from multipolar.pipeline.parse import stage_parse

    [doc] = list(stage_parse([Document(id="t", text=text, content_hash="t", path="-")]))
    doc = stage_actors(doc, load_actor_base())
    people = [a for a in doc.actors.values() if a.kind == "person"]
    assert [(a.name, a.country) for a in people] == [("Lina Haddad", country)]
