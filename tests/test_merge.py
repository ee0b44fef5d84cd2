"""Cross-document merging: three wire reports of one event make one event with three pieces of
evidence and the finest date; a report that contradicts them stays apart with its source."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import run_cli

REPORTS = {
    "wire-a.txt": "By Staff, 20 July 2025\n\nKazakhstan signed a pipeline agreement with Azerbaijan in July 2025.\n",
    "wire-b.txt": "By Desk, 14 July 2025\n\nKazakhstan and Azerbaijan signed a pipeline agreement on Monday.\n",
    "wire-c.jsonl": json.dumps({"id": "wire-c", "source": "Other Wire", "published": "2025-07-30",
                                "text": "Azerbaijan and Kazakhstan signed an energy agreement this month."}) + "\n",
    "wire-d.txt": "By Critic, 21 July 2025\n\nAzerbaijan did not sign any agreement with Kazakhstan.\n",
}


def test_three_reports_make_one_event(tmp_path: Path) -> None:
    for name, text in REPORTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    db, out = tmp_path / "m.duckdb", tmp_path / "m.json"
    assert run_cli("ingest", str(tmp_path), "--db", str(db))[0] == 0
    assert run_cli("export", "--db", str(db), "-o", str(out))[0] == 0
    events = [e for e in json.loads(out.read_text())["events"] if e["type"] == "SUPPORT"]
    asserted = [e for e in events if e["status"] == "asserted"]
    assert len(asserted) == 1
    [deal] = asserted
    assert {ev["doc"] for ev in deal["evidence"]} == {"wire-a", "wire-b", "wire-c"}
    assert deal["date"] == "2025-07-14"  # "on Monday" before 14 July refines "July 2025"
    assert deal["documents"] == 3
    denied = [e for e in events if e["status"] == "negated"]
    assert len(denied) == 1 and [ev["doc"] for ev in denied[0]["evidence"]] == ["wire-d"]
