"""The publication date line (line 3 of a raw article)."""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache

from dateparser.date import DateDataParser

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
    data = _parser().get_date_data(text)
    if data.date_obj is None:
        return None
    return data.date_obj, data.period == "time"
