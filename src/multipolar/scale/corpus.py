"""A deterministic, seeded generator of synthetic wire-style articles with their expected facts.

Each article is written from templates over the actor knowledge base (states and their
capitals), with varied verbs, dates (absolute and relative to the dateline) and statuses.
Some events are reported by several articles, sometimes with a coarser date ("in July
2023"), and some actors do the same thing to each other again on another day, so that
cross-document merging can be checked both ways (retellings merged, repeats kept apart):
every article gets a gold file in the facts format of the shared contract, where all the
retellings of one event share its id.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from ..knowledge import load_actor_base

# (type, template) — {s} source, {t} target, {when} date phrase; each template is asserted.
TEMPLATES = [
    ("AGREE", "{s} reached a trade agreement with {t} {when}."),
    ("CONSULT", "{s} held talks with {t} {when}."),
    ("ASSAULT", "{s} attacked border posts of {t} {when}."),
    ("ACCUSE", "{s} accused {t} of spying {when}."),
    ("AID", "{s} sent aid to {t} {when}."),
    ("SANCTION", "{s} imposed sanctions on {t} {when}."),
    ("THREATEN", "{s} threatened {t} with retaliation {when}."),
    ("REQUEST", "{s} urged {t} to release the detained sailors {when}."),
    ("SUPPORT", "{s} praised {t} for its humanitarian work {when}."),
    ("COERCE", "{s} arrested two citizens of {t} {when}."),
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


@dataclass(frozen=True)
class SyntheticEvent:
    key: str
    type: str
    source: str
    target: str
    day: date


def generate(folder: Path, n_articles: int, seed: int = 1, repeat: float = 0.3, again: float = 0.1) -> list[Path]:
    """Write `n_articles` articles (NNNNN.txt) and gold files (NNNNN.gold.json) into `folder`.
    A share `repeat` of the events retells an earlier article's event; a share `again` of the
    new events has the actors and type of an earlier one, on another day."""
    rng = random.Random(seed)
    base = load_actor_base()
    states = sorted(a for a, e in base.entries.items() if e.actor.kind == "state")
    folder.mkdir(parents=True, exist_ok=True)
    told: list[SyntheticEvent] = []
    written = []
    for n in range(n_articles):
        published = date(2020, 1, 1) + timedelta(days=rng.randrange(2000))
        events = []
        for i in range(rng.randint(2, 4)):
            if told and rng.random() < repeat:
                old = rng.choice(told)
                if old.day <= published:
                    events.append(old)
                    continue
            kind, _ = rng.choice(TEMPLATES)
            source, target = rng.sample(states, 2)
            day = published - timedelta(days=rng.randrange(0, 6))
            if told and rng.random() < again:
                earlier = rng.choice(told)
                if earlier.day.month != day.month:  # another day, and a month apart
                    kind, source, target = earlier.type, earlier.source, earlier.target
            event = SyntheticEvent(f"e{n}-{i}", kind, source, target, day)
            told.append(event)
            events.append(event)
        written.append(_write(folder, n, published, events, base, rng))
    return written


def _write(folder: Path, n: int, published: date, events: list[SyntheticEvent], base, rng) -> Path:  # type: ignore[no-untyped-def]
    lines, gold_events, actors = [], [], {}
    for event in events:
        template = next(t for k, t in TEMPLATES if k == event.type)
        source, target = base.actor(event.source), base.actor(event.target)
        retold = not event.key.startswith(f"e{n}-")
        when, iso = _date_phrase(event.day, published, rng, coarse=retold and rng.random() < 0.3)
        sentence = template.format(s=source.name, t=target.name, when=when)
        lines.append(sentence[0].upper() + sentence[1:])
        gold_events.append({"id": event.key, "source": event.source, "target": event.target,
                            "type": event.type, "date": iso, "status": "asserted",
                            "evidence": [template.split(" {t}")[0].replace("{s} ", "").split(" {")[0]]})
        for actor in (source, target):
            actors[actor.id] = {"kind": "state", "aliases": [actor.name]}
    text = f"By Wire Desk, {published.day} {MONTHS[published.month - 1]} {published.year}\n\n" + " ".join(lines) + "\n"
    path = folder / f"{n:05d}.txt"
    path.write_text(text, encoding="utf-8")
    gold = {"document": path.name, "published": published.isoformat(), "actors": actors,
            "events": gold_events, "relations": []}
    (folder / f"{n:05d}.gold.json").write_text(json.dumps(gold, indent=1), encoding="utf-8")
    return path


def _date_phrase(day: date, published: date, rng: random.Random, coarse: bool = False) -> tuple[str, str]:
    """An absolute date, or a weekday relative to the dateline (always within the last week);
    when `coarse`, the month only."""
    if coarse:
        return f"in {MONTHS[day.month - 1]} {day.year}", f"{day.year:04d}-{day.month:02d}"
    if rng.random() < 0.5 and 0 < (published - day).days < 7:
        return f"on {WEEKDAYS[day.weekday()]}", day.isoformat()
    return f"on {day.day} {MONTHS[day.month - 1]} {day.year}", day.isoformat()
