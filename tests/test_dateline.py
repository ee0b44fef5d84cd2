"""Publication dates: arguments, metadata, datelines and Hijri month-year datelines."""

from __future__ import annotations

from datetime import date

import pytest

from multipolar.errors import MultipolarError
from multipolar.pipeline.dateline import from_dateline, parse_explicit


@pytest.mark.parametrize("text, day, start, end", [
    ("BEIJING, Jan. 31, 2024 (Wire) - Officials met on Tuesday " + "x" * 300, date(2024, 1, 31), None, None),
    ("Posted on 2023-03-11\n\nHeadline", date(2023, 3, 11), None, None),
    ("Tuesday 12 March 2024 | Stockholm\n\nBody.", date(2024, 3, 12), None, None),
    ("By A Reporter, 2 March 2020\n\nBody.", date(2020, 3, 2), None, None),
    ("Dubai | 24.08.2024\n\nBody.", date(2024, 8, 24), None, None),
    ("NIAMEY, December 2023 - Sahel Desk\n\nBody.", date(2023, 12, 16), date(2023, 12, 1), date(2023, 12, 31)),
    ("By A Writer (Monthly Review, Vol. 1, Safar, 1447)\nBody.", None, date(2025, 7, 26), date(2025, 8, 23)),
    ("By A Writer (Ramadan 1445 AH)\nBody.", None, date(2024, 3, 11), date(2024, 4, 9)),
])
def test_dateline_reads_gregorian_and_hijri(text: str, day: date | None, start: date | None,
                                           end: date | None) -> None:
    found = from_dateline(text)
    assert found is not None
    if day:
        assert found.day == day
    if start:
        assert (found.start, found.end) == (start, end)
        assert start <= found.day <= end


def test_hijri_day_in_dateline_gives_that_day() -> None:
    found = from_dateline("KABUL, (28 Jumada al-Akhirah 1446 AH) -\nBody.")
    assert found is not None and found.day == date(2024, 12, 29)


@pytest.mark.parametrize("text", [
    "Russia and China signed an agreement in July 2025 after talks in Moscow that lasted a week "
    "and were followed by further rounds of negotiation on energy and trade matters of mutual concern.",
    "No date here\nIn 2019 something happened.",
    "",
])
def test_body_dates_are_not_publication_dates(text: str) -> None:
    assert from_dateline(text) is None


@pytest.mark.parametrize("value, iso", [("2025-08", "2025-08"), ("2024-01-31", "2024-01-31"),
                                        ("2024-01-31T10:00:00Z", "2024-01-31"), ("March 3, 2021", "2021-03-03")])
def test_explicit_dates_keep_their_precision(value: str, iso: str) -> None:
    assert parse_explicit(value, "argument").iso == iso


@pytest.mark.parametrize("value", ["2024-13-01", "yesterday-ish", "31/31/2020"])
def test_bad_explicit_date_is_a_coded_error(value: str) -> None:
    with pytest.raises(MultipolarError) as info:
        parse_explicit(value, "argument")
    assert info.value.line.startswith("MP109")
