"""Date phrases → the time an event happened.

Absolute ("12 March 2024"), partial ("August 2021", "2008", "early 2023" → 2023, "the 1990s" →
decade 199), relative to the publication day ("on Thursday", "last July", "yesterday",
"three years ago"), and relative to the narrative: a month or day without a year takes the
year of the story so far when that moves the story forward ("In February 2024 … by June 30"
→ 2024-06-30), else the most recent such day before publication (future for plans).
Offsets ("three days after …") are resolved by the caller from a base date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

import dateparser

from ...model import EventDate, PublicationDate

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday",
                                        "saturday", "sunday"])}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
           "several": 3, "a few": 3, "few": 3}
_M = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_Q = r"(?:(?P<qual>early|mid|late|the end of|the start of|the beginning of|the middle of|end of|start of)[\s-]+)?"
_Y = r"(?P<year>\d{4})"
_D = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_FILLER = re.compile(r"^(?:(?:since|at least|by|on|in|from|until|till|through|throughout|during|"
                     r"as early as|as of|around|about|before|after|the|of)\s+)+")
PATTERNS = [  # (name, regex) tried in order on the cleaned phrase
    ("decade", re.compile(rf"^{_Q}(?:the\s+)?(?P<decade>\d{{3}})0'?s$")),
    ("day", re.compile(rf"^{_D}\s+{_M},?\s+{_Y}$")),
    ("day", re.compile(rf"^{_M}\s+{_D},?\s+{_Y}$")),
    ("iso", re.compile(r"^(?P<year>\d{4})-(?P<mnum>\d{2})(?:-(?P<day>\d{2}))?$")),
    ("month", re.compile(rf"^{_Q}{_M},?\s+(?:of\s+)?{_Y}$")),
    ("year", re.compile(rf"^{_Q}{_Y}$")),
    ("month-last-year", re.compile(rf"^{_Q}{_M}\s+(?P<rel>last|this|next)\s+year$")),
    ("rel-month", re.compile(rf"^(?P<rel>last|this|next|past)\s+{_M}$")),
    ("partial-day", re.compile(rf"^{_D}\s+{_M}$")),
    ("partial-day", re.compile(rf"^{_M}\s+{_D}$")),
    ("partial-month", re.compile(rf"^{_Q}{_M}$")),
    ("weekday", re.compile(r"^(?:(?P<rel>last|this|next|early|late)\s+(?:on\s+)?)?(?:on\s+)?(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+(?:morning|afternoon|evening|night))?$")),
    ("same", re.compile(r"^(?:the\s+)?same\s+(?P<unit>day|week|month|year)$")),
    ("deictic", re.compile(r"^(?P<word>yesterday|today|tonight|this morning|this week|last week|next week|this month|last month|next month|earlier this month|later this month|earlier this year|later this year|this year|last year|next year|the previous year|the following year)$")),
    ("ago", re.compile(r"^(?P<n>\w+(?: and a half)?|\d+)\s+(?P<unit>day|week|month|year)s?\s+ago$")),
    ("later", re.compile(r"^(?:(?P<n>\w+)\s+)?(?P<unit>day|week|month|year)s?\s+(?:later|afterwards)$|^within\s+(?:\w+\s+)?(?P<unit2>day|week|month)s?$")),
]
OFFSET = re.compile(r"^(?:some\s+)?(?:(?P<n>\w+(?: and a half)?|\d+)\s+)?(?P<unit>day|week|month|year)s?$")
_DURATION = re.compile(r"\b(?:day|week|month|year|decade|centur(?:y|ie))s?\b")


@dataclass
class Timeline:
    """Resolves date phrases in document order, keeping the narrative's current date."""

    published: PublicationDate | None
    anchor: date | None = None

    def resolve(self, phrase: str, future: bool = False) -> EventDate | None | str:
        """An EventDate; None when the phrase is a duration, not a date; the string
        "unparsed" when it looks like a date but cannot be read."""
        text = _clean(phrase)
        for name, pattern in PATTERNS:
            match = pattern.match(text)
            if match:
                found = getattr(self, "_" + name.replace("-", "_"))(match, future)
                if isinstance(found, EventDate):
                    self._move_anchor(found)
                return found
        if _DURATION.search(text):
            return None
        return self._fallback(phrase)

    def offset(self, base: EventDate | None, phrase: str, direction: str) -> EventDate | None:
        """`phrase` ("three days") before or after `base` (or the publication day)."""
        match = OFFSET.match(_clean(phrase))
        start = base.start if base else (self.published.day if self.published else None)
        if not match or start is None:
            return None
        n, unit = _number(match["n"] or "several"), match["unit"]
        sign = -1 if direction in ("after", "since") else 1  # the clause is `n` before the base
        day = _shift(start, sign * n, unit)
        exact = match["n"] is not None and (base is None or base.iso.count("-") == 2)
        precision = "day" if unit in ("day", "week") and exact else "month"
        if unit == "year":
            precision = "year" if n == int(n) else "month"
        return _make(day, precision, f"{phrase} {direction} {base.iso if base else 'publication'}")

    # -- patterns -------------------------------------------------------------------------

    def _decade(self, m: re.Match[str], future: bool) -> EventDate:
        start = int(m["decade"]) * 10
        return EventDate(m["decade"], date(start, 1, 1), date(start + 9, 12, 31), "decade")

    def _day(self, m: re.Match[str], future: bool) -> EventDate | str:
        return _safe(int(m["year"]), MONTHS[m["month"][:3].lower()] if not m["month"].lower().startswith("sept") else 9, int(m["day"]), "absolute date")

    def _iso(self, m: re.Match[str], future: bool) -> EventDate | str:
        if m["day"]:
            return _safe(int(m["year"]), int(m["mnum"]), int(m["day"]), "ISO date")
        return _make(date(int(m["year"]), int(m["mnum"]), 1), "month", "ISO month")

    def _month(self, m: re.Match[str], future: bool) -> EventDate:
        return _make(date(int(m["year"]), _month_of(m), 1), "month", "month and year")

    def _year(self, m: re.Match[str], future: bool) -> EventDate:
        return _make(date(int(m["year"]), 1, 1), "year", "year")

    def _month_last_year(self, m: re.Match[str], future: bool) -> EventDate | None:
        if not self.published:
            return None
        year = self.published.day.year + {"last": -1, "this": 0, "next": 1}[m["rel"]]
        return _make(date(year, _month_of(m), 1), "month", f"{m['rel']} year from publication")

    def _rel_month(self, m: re.Match[str], future: bool) -> EventDate | None:
        if not self.published:
            return None
        pub, month = self.published.day, _month_of(m)
        if m["rel"] in ("last", "past"):
            year = pub.year if month < pub.month else pub.year - 1
        elif m["rel"] == "next":
            year = pub.year if month > pub.month else pub.year + 1
        else:
            year = pub.year
        return _make(date(year, month, 1), "month", f"{m['rel']} {m['month']} from publication")

    def _partial_day(self, m: re.Match[str], future: bool) -> EventDate | str | None:
        return self._place(_month_of(m), int(m["day"]), future)

    def _partial_month(self, m: re.Match[str], future: bool) -> EventDate | str | None:
        return self._place(_month_of(m), None, future)

    def _place(self, month: int, day: int | None, future: bool) -> EventDate | str | None:
        """A month (and day) without a year: the narrative's year if that moves the story
        on, else the nearest one before publication (after it, for plans)."""
        pub = self.published.end if self.published else None  # "December 2023": all of it
        precision = "day" if day else "month"
        if self.anchor is not None and not future:
            candidate = _try(self.anchor.year, month, day or 1)
            if candidate and candidate >= self.anchor and (pub is None or candidate <= pub):
                return _make(candidate, precision, f"year of the narrative ({self.anchor.year})")
        if pub is None:
            return None
        years = [pub.year, pub.year + 1] if future else [pub.year, pub.year - 1]
        for year in years:
            candidate = _try(year, month, day or 1)
            if candidate is None:
                continue
            if (future and candidate >= pub.replace(day=1)) or (not future and candidate <= pub):
                return _make(candidate, precision, "nearest to publication")
        return "unparsed"

    def _weekday(self, m: re.Match[str], future: bool) -> EventDate | None:
        if not self.published or self.published.precision != "day":
            return None
        pub, wanted = self.published.day, WEEKDAYS[m["weekday"]]
        if future or m["rel"] == "next":
            delta = (wanted - pub.weekday()) % 7 or 7
            return _make(pub + timedelta(days=delta), "day", f"next {m['weekday']} after publication")
        delta = (pub.weekday() - wanted) % 7
        if delta == 0 and m["rel"] == "last":
            delta = 7
        return _make(pub - timedelta(days=delta), "day", f"{m['weekday']} before publication")

    def _deictic(self, m: re.Match[str], future: bool) -> EventDate | None:
        if not self.published:
            return None
        pub, word = self.published.day, m["word"]
        table = {"yesterday": (pub - timedelta(days=1), "day"), "today": (pub, "day"),
                 "tonight": (pub, "day"), "this morning": (pub, "day"),
                 "this week": (pub, "month"), "last week": (pub - timedelta(days=7), "month"),
                 "next week": (pub + timedelta(days=7), "month"),
                 "this month": (pub, "month"), "earlier this month": (pub, "month"),
                 "later this month": (pub, "month"),
                 "last month": (_shift(pub, -1, "month"), "month"),
                 "next month": (_shift(pub, 1, "month"), "month"),
                 "this year": (pub, "year"), "earlier this year": (pub, "year"),
                 "later this year": (pub, "year"),
                 "last year": (pub.replace(year=pub.year - 1, day=1), "year"),
                 "the previous year": (pub.replace(year=pub.year - 1, day=1), "year"),
                 "next year": (pub.replace(year=pub.year + 1, day=1), "year"),
                 "the following year": (pub.replace(year=pub.year + 1, day=1), "year")}
        day, precision = table[word]
        if self.published.precision != "day" and precision == "day":
            return None
        return _make(day, precision, f"{word} from publication")

    def _same(self, m: re.Match[str], future: bool) -> EventDate | None:
        """"On the same day": the narrative's current date."""
        if self.anchor is None:
            return None
        precision = {"day": "day", "week": "month", "month": "month", "year": "year"}[m["unit"]]
        return _make(self.anchor, precision, f"the same {m['unit']} as the narrative's last date")

    def _ago(self, m: re.Match[str], future: bool) -> EventDate | None:
        if not self.published:
            return None
        n, unit = _number(m["n"]), m["unit"]
        precision = {"day": "day", "week": "month", "month": "month", "year": "year"}[unit]
        return _make(_shift(self.published.day, -n, unit), precision, f"{m.group(0)} from publication")

    def _later(self, m: re.Match[str], future: bool) -> EventDate | None:
        if self.anchor is None:
            return None
        return _make(self.anchor, "month", "shortly after the narrative's last date")

    # -- helpers --------------------------------------------------------------------------

    def _fallback(self, phrase: str) -> EventDate | str | None:
        if not re.search(r"\d|" + "|".join(MONTHS), phrase.lower()):
            return None
        base = self.published.day if self.published else None
        settings = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["year"],
                    "RETURN_AS_TIMEZONE_AWARE": False}
        if base:
            settings["RELATIVE_BASE"] = _as_datetime(base)
        parsed = dateparser.parse(phrase, languages=["en"], settings=settings)
        if parsed is None:
            return "unparsed"
        found = _make(parsed.date(), "day", "read by dateparser")
        self._move_anchor(found)
        return found

    def _move_anchor(self, found: EventDate) -> None:
        """A day or month moves the story to its start; a bare year only to its end, so a
        later "in January" is not taken as January of that year."""
        if found.reason == "decade":
            return
        self.anchor = found.end if len(found.iso) == 4 else found.start


def _clean(phrase: str) -> str:
    text = phrase.lower().replace("’", "'").strip(" ,.;:()")
    text = re.sub(r"\s+", " ", text)
    return _FILLER.sub("", text).strip()


def _month_of(m: re.Match[str]) -> int:
    name = m["month"].lower().rstrip(".")
    return 9 if name.startswith("sept") else MONTHS[name[:3]]


def _number(word: str) -> float:
    half = word.endswith(" and a half")
    word = word.replace(" and a half", "")
    value = float(word) if word.isdigit() else float(NUMBERS.get(word, 1))
    return value + (0.5 if half else 0)


def _shift(day: date, n: float, unit: str) -> date:
    if unit == "day":
        return day + timedelta(days=n)
    if unit == "week":
        return day + timedelta(weeks=n)
    months = round(n * 12) if unit == "year" else round(n)
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    return _try(year, month + 1, min(day.day, 28)) or day


def _try(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _safe(year: int, month: int, day: int, reason: str) -> EventDate | str:
    found = _try(year, month, day)
    return _make(found, "day", reason) if found else "unparsed"


def _make(day: date, precision: str, reason: str) -> EventDate:
    if precision == "day":
        return EventDate(day.isoformat(), day, day, reason)
    if precision == "month":
        first = day.replace(day=1)
        nxt = _try(first.year + (first.month == 12), first.month % 12 + 1, 1) or first
        return EventDate(first.isoformat()[:7], first, nxt - timedelta(days=1), reason)
    return EventDate(str(day.year), date(day.year, 1, 1), date(day.year, 12, 31), reason)


def _as_datetime(day: date):  # type: ignore[no-untyped-def]
    from datetime import datetime

    return datetime(day.year, day.month, day.day)
