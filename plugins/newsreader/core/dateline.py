"""The publication date line (line 3 of a raw article)."""

from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache

from dateparser.date import DateDataParser
from dateutil import parser as dateutil_parser

# Only absolute dates with day, month and year: a headline or a source name must
# never be read as "today" or as a relative date, which would make builds depend
# on the day they run.
_SETTINGS = {
    "PARSERS": ["absolute-time"],
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RETURN_TIME_AS_PERIOD": True,
    "DATE_ORDER": "DMY",
    "STRICT_PARSING": False,
}


@lru_cache(maxsize=1)
def _parser() -> DateDataParser:
    return DateDataParser(languages=["en"], settings=_SETTINGS)


# Two defaults that differ in every field: a part missing from the text shows up as a difference.
_DEFAULTS = (datetime(2001, 1, 1, 0, 0), datetime(2002, 2, 2, 1, 1))
_HAS_TIME = re.compile(r"\d{1,2}[:.]\d{2}|\b\d{1,2}\s*[ap]\.?m\b", re.IGNORECASE)


def _fast(text: str) -> tuple[datetime, bool] | None:
    """dateutil reads the common forms in microseconds; only when day, month and year are all written."""
    try:
        iso = re.match(r"\s*\d{4}-\d", text) is not None  # 2021-05-03 is year-month-day; 03/05/2021 is day first
        first, second = (dateutil_parser.parse(text, default=d, dayfirst=not iso, yearfirst=iso) for d in _DEFAULTS)
    except (ValueError, OverflowError):
        return None
    if (first.year, first.month, first.day) != (second.year, second.month, second.day):
        return None  # some part of the date is missing: not a full date line
    has_time = bool(_HAS_TIME.search(text))
    if not has_time:
        first = first.replace(hour=0, minute=0)
    return first, has_time


def parse_dateline(text: str) -> tuple[datetime, bool] | None:
    """Return ``(datetime, has_time)`` for a date line, or ``None``.

    Accepts the common news forms, with or without weekday and time:
    ``Tuesday, 19 November 2019 7:45 AM``, ``2021-05-03 14:00``,
    ``19 November 2019``, ``Nov. 19, 2019``, ``November 19, 2019 07:45``.
    """
    text = text.strip()
    # A date line is short; a sentence of prose that happens to hold a date is not one.
    if not text or len(text) > 80 or not any(ch.isdigit() for ch in text):
        return None
    fast = _fast(text)
    if fast:
        return fast
    data = _parser().get_date_data(text)
    if data.date_obj is None:
        return None
    return data.date_obj, data.period == "time"
