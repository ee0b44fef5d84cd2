"""The sentence table (tests/data/event_cases.tsv, written by the team): each sentence
yields its expected event — source, target, PLOVER type, date and status.

Cases listed in tests/data/event_cases_known_gaps.txt are known misses: they run as strict
xfails, so a fix that makes one pass must also take it off the list."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from .events_helper import events_of, same_actor

DATA = Path(__file__).parent / "data"
with (DATA / "event_cases.tsv").open(encoding="utf-8") as fh:
    CASES = list(csv.DictReader(fh, delimiter="\t"))
GAPS_FILE = DATA / "event_cases_known_gaps.txt"
GAPS = {line.split("#")[0].strip() for line in GAPS_FILE.read_text(encoding="utf-8").splitlines()} - {""} \
    if GAPS_FILE.exists() else set()
SYMMETRIC = {"CONSULT", "COOPERATE", "AGREE"}


def _param(case: dict[str, str]):  # type: ignore[no-untyped-def]
    marks = [pytest.mark.xfail(strict=True, reason="known gap")] if case["id"] in GAPS else []
    return pytest.param(case, id=case["id"], marks=marks)


def test_table_is_large_and_covers_every_type() -> None:
    assert len(CASES) >= 150
    assert len({c["type"] for c in CASES}) == 16
    assert not GAPS - {c["id"] for c in CASES}, "known gaps name unknown cases"


def check(case: dict[str, str]) -> str | None:
    """What is wrong with the extraction of one case, or None."""
    source = case["source"]
    target = None if case["target"] == "-" else case["target"]
    date = None if case["date"] == "-" else case["date"]
    events = events_of(case["sentence"], case["published"])
    found = [(e.source, e.target, e.type, e.date_iso, e.status) for e in events]
    for e in events:
        straight = same_actor(e.source, source) and same_actor(e.target, target)
        swapped = case["type"] in SYMMETRIC and same_actor(e.target, source) and same_actor(e.source, target)
        if e.type == case["type"] and (straight or swapped):
            if e.date_iso != date or e.status != case["status"]:
                return f"date/status {e.date_iso}/{e.status}, expected {date}/{case['status']}"
            return None
    return f"no {source}>{target} {case['type']} event; found {found}"


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_event_case(case: dict[str, str]) -> None:
    problem = check(case)
    assert problem is None, f"{case['sentence']!r}: {problem}"
