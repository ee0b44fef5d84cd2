"""Stage 2, dateline: when the document was published.

In order of trust: the `--published` argument, metadata (JSONL field, HTML meta),
then a dateline or byline at the top of the text — Gregorian or Islamic (Hijri)
month-year. Unknown stays unknown: there is no fallback to today.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import dateparser
from hijridate import Hijri

from ..errors import Code, MultipolarError
from ..model import Document, PublicationDate

_PARSER_SETTINGS = {"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["year"],
                    "RETURN_AS_TIMEZONE_AWARE": False, "DATE_ORDER": "DMY"}
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
# Most specific first: a day-level pattern must win over the month-year inside it.
_GREGORIAN = [
    (re.compile(r"\b\d{4}-\d{2}-\d{2}\b"), "day"),
    (re.compile(r"\b\d{1,2}[./]\d{1,2}[./]\d{4}\b"), "day"),
    (re.compile(rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b"), "day"),
    (re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}\b"), "day"),
    (re.compile(rf"\b{_MONTH},?\s+\d{{4}}\b"), "month"),
]
# Hijri month names as transliterated in English-language press, with common variants.
_HIJRI_MONTHS = [
    r"Muharram", r"Safar", r"Rabi[‘'ʿ]?\s*(?:al|ul)?[- ]?Awwal|Rabi[‘'ʿ]?\s*I\b",
    r"Rabi[‘'ʿ]?\s*(?:al|ul|at)?[- ]?(?:Thani|Akhir)|Rabi[‘'ʿ]?\s*II\b",
    r"Jumad[ae]\s*(?:al|ul)?[- ]?(?:Ula|Awwal|Oola)|Jumad[ae]\s*I\b",
    r"Jumad[ae]\s*(?:al|ul)?[- ]?(?:Akhirah?|Thaniyah?|Thani|Ukhra)|Jumad[ae]\s*II\b",
    r"Rajab", r"Sha[‘'ʿ]?ban", r"Ramadh?an", r"Shawwal",
    r"Dhu\s*(?:al|'l|l)?[- ]?Qa[‘'ʿ]?dah?|Zul?[- ]?Qa[‘'ʿ]?dah?",
    r"Dhu\s*(?:al|'l|l)?[- ]?Hijjah?|Zul?[- ]?Hijjah?",
]
_HIJRI = re.compile(
    r"\b(?:(?P<day>\d{1,2})\s+)?(?P<month>" + "|".join(f"(?:{m})" for m in _HIJRI_MONTHS)
    + r"),?\s+(?P<year>1[34]\d{2})(?:\s*(?:AH|A\.H\.))?\b", re.IGNORECASE)
_HEAD_SPLIT = re.compile(r"\s[-–—]\s|\(Wire\)|\(Reuters\)|\(AP\)|\(AFP\)")


def stage_dateline(doc: Document, override: str | None = None) -> Document:
    """Set `doc.published` from the most trusted evidence available."""
    if override:
        doc.published = parse_explicit(override, "argument")
        return doc
    if doc.published_raw:
        try:
            doc.published = parse_explicit(doc.published_raw, "metadata")
            return doc
        except MultipolarError as exc:
            doc.notes.append(exc.line)
    doc.published = from_dateline(doc.text)
    return doc


def parse_explicit(value: str, basis: str) -> PublicationDate:
    """A date given as metadata: ISO `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or a plain date phrase."""
    value = value.strip()
    iso = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:[T ].*)?", value)
    try:
        if iso:
            # "00" is a month or day that is given and wrong, not one left out
            y = int(iso[1])
            m = int(iso[2]) if iso[2] is not None else None
            d = int(iso[3]) if iso[3] is not None else None
            if d is not None:
                day = date(y, m or 0, d)
                return PublicationDate(day, day, day, basis, value)
            if m is not None:
                return _span(date(y, m, 1), _month_end(y, m), basis, value)
            return _span(date(y, 1, 1), date(y, 12, 31), basis, value)
    except ValueError as exc:
        raise MultipolarError(Code.MP109, value=value, reason=str(exc)) from exc
    found = _gregorian(value)
    if found is None:
        raise MultipolarError(Code.MP109, value=value, reason="not a recognisable date")
    return PublicationDate(found.day, found.start, found.end, basis, value)


def from_dateline(text: str) -> PublicationDate | None:
    """The date in the dateline/byline at the top of an article, if it has one."""
    for head in dateline_regions(text):
        found = _gregorian(head) or _hijri(head)
        if found:
            return found
    return None


def dateline_regions(text: str) -> list[str]:
    """Candidate datelines: short lines above the body (title, byline, "Posted on ..."),
    or the part of the first body line before a wire dash ("BEIJING, Jan. 31 (Wire) -")."""
    regions = []
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()][:3]
    for line in lines:
        if len(line) <= 200 and not _is_sentence(line):
            regions.append(line)
            continue
        parts = _HEAD_SPLIT.split(line, maxsplit=1)
        if len(parts) == 2 and len(parts[0]) <= 120:
            regions.append(parts[0])
        break  # the body has begun
    return regions


def _is_sentence(line: str) -> bool:
    """Body prose rather than a byline: a long run of words closed by a full stop."""
    return line.rstrip("\"”’'").endswith((".", "!", "?")) and len(line.split()) > 12


def _gregorian(text: str) -> PublicationDate | None:
    for pattern, precision in _GREGORIAN:
        match = pattern.search(text)
        if not match:
            continue
        parsed = dateparser.parse(match.group(0), languages=["en"], settings=_PARSER_SETTINGS)
        if parsed is None:
            continue
        day = parsed.date()
        if precision == "day":
            return PublicationDate(day, day, day, "dateline", match.group(0))
        return _span(day.replace(day=1), _month_end(day.year, day.month), "dateline", match.group(0))
    return None


def _hijri(text: str) -> PublicationDate | None:
    match = _HIJRI.search(text)
    if not match:
        return None
    month = next(i for i, m in enumerate(_HIJRI_MONTHS, start=1)
                 if re.fullmatch(m, match["month"], re.IGNORECASE))
    year = int(match["year"])
    try:
        start = Hijri(year, month, 1).to_gregorian()
        nxt = Hijri(year + (month == 12), month % 12 + 1, 1).to_gregorian()
    except (ValueError, OverflowError):
        return None  # outside the converter's Umm al-Qura range
    end = date(nxt.year, nxt.month, nxt.day) - timedelta(days=1)
    start_d = date(start.year, start.month, start.day)
    if match["day"]:
        day = start_d + timedelta(days=int(match["day"]) - 1)
        if day <= end:
            return PublicationDate(day, day, day, "hijri-dateline", match.group(0))
    return _span(start_d, end, "hijri-dateline", match.group(0))


def _span(start: date, end: date, basis: str, evidence: str) -> PublicationDate:
    """A range with its middle day as the representative day."""
    return PublicationDate(start + (end - start) // 2, start, end, basis, evidence)


def _month_end(year: int, month: int) -> date:
    first_next = date(year + (month == 12), month % 12 + 1, 1)
    return first_next - timedelta(days=1)
