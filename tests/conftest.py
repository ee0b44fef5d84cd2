"""Shared fixtures: paths to ../shared (tests that need it skip where it is absent)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from multipolar.cli import app

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "corpus" / "seed" / "crescent-2025-russia-taliban.txt"
SEED_GOLD = SHARED / "corpus" / "seed" / "crescent-2025-russia-taliban.gold.json"
GSR = SHARED / "corpus" / "plover-gsr"
DEV = SHARED / "corpus" / "dev"
CONTRACT = SHARED / "contract"

needs_shared = pytest.mark.skipif(not SEED.exists(), reason="../shared (corpus and scorers) is not beside the checkout")


def run_cli(*args: str) -> tuple[int, str, str]:
    """Run `multipolar ARGS` in-process; returns (exit code, stdout, stderr)."""
    result = CliRunner().invoke(app, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def score(gold: Path, export: Path, script: str = "score.py", *extra: str) -> str:
    """The scorer's summary line, run as a separate process as the contract describes."""
    proc = subprocess.run([sys.executable, str(CONTRACT / script), str(gold), str(export), *extra],
                          capture_output=True, text=True, check=False)
    assert proc.returncode in (0, 1), proc.stderr
    return proc.stdout.strip().splitlines()[-1]


def metric(line: str, name: str) -> float:
    """A figure such as `actors=0.93` out of a scorer's summary line."""
    for part in line.replace("|", " ").split():
        if part.startswith(name + "="):
            return float(part.split("=", 1)[1])
    raise AssertionError(f"{name} not in {line!r}")


def load_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))
