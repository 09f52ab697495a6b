"""The publication date line (line 3 of a raw article)."""

from __future__ import annotations

import calendar
import re
from datetime import datetime
from functools import lru_cache

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
def _parser():
    from dateparser.date import DateDataParser  # noqa: PLC0415 - costly import, needed only for unusual date lines

    return DateDataParser(languages=["en"], settings=_SETTINGS)


# Two defaults that differ in every field: a part missing from the text shows up as a difference.
_DEFAULTS = (datetime(2001, 1, 1, 0, 0), datetime(2002, 2, 2, 1, 1))
_HAS_TIME = re.compile(r"\d{1,2}[:.]\d{2}|\b\d{1,2}\s*[ap]\.?m\b", re.IGNORECASE)


_MONTHS = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): n for n, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_WEEKDAYS = {d.lower() for d in calendar.day_name} | {d.lower() for d in calendar.day_abbr}
_TIME = r"(?:,?\s+(?P<h>\d{1,2}):(?P<min>\d{2})(?:\s*(?P<ampm>[ap])\.?m\.?)?)?"
_WRITTEN = re.compile(
    r"(?:(?P<wd>[a-z]+)\.?,?\s+)?"
    r"(?:(?P<d1>\d{1,2})\s+(?P<m1>[a-z]+)\.?|(?P<m2>[a-z]+)\.?\s+(?P<d2>\d{1,2}),?)\s+(?P<y>\d{4})" + _TIME + "$",
    re.IGNORECASE,
)


def _written(text: str) -> tuple[datetime, bool] | None:
    """The usual news forms ("Tuesday, 19 November 2019 7:45 AM", "Nov. 19, 2019 07:45") without a parser.

    Anything unusual returns ``None`` and goes to dateutil; a test checks both agree.
    """
    m = _WRITTEN.match(text)
    if not m or (m["wd"] and m["wd"].lower() not in _WEEKDAYS):
        return None
    month = _MONTHS.get((m["m1"] or m["m2"]).lower())
    if month is None:
        return None
    hour, minute = (int(m["h"]), int(m["min"])) if m["h"] else (0, 0)
    if m["ampm"]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if m["ampm"].lower() == "p" else 0)
    try:
        return datetime(int(m["y"]), month, int(m["d1"] or m["d2"]), hour, minute), m["h"] is not None
    except ValueError:
        return None


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
    return _written(text) or _parsed(text)


def _parsed(text: str) -> tuple[datetime, bool] | None:
    """dateutil for the common forms, dateparser for the rest."""
    fast = _fast(text)
    if fast:
        return fast
    data = _parser().get_date_data(text)
    if data.date_obj is None:
        return None
    return data.date_obj, data.period == "time"
