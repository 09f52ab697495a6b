"""The time a story is at: what "two years later", "the following month" and "that year" count from.

TimeML anchors "ago", "from now" and "last year" to the publication date, but "earlier", "later",
"before", "after", "the following year", "the same month" and "that year" to the time the text last
named (its reference time): "The plant closed in 2012. Two years later it reopened" is 2014, not two
years after publication. The reference is the last date or time expression of the same or the
previous paragraph that has a calendar value; when the last one has none ("now", "the same week" of an
unknown time) the story's time is unknown and such expressions stay unresolved (``XXXX``), since
counting from publication would certainly be wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from . import values as tv
from . import vocabulary as voc

# How fine a reference is; an expression needs at least its own unit's fineness ("a week later" needs a day).
_RANK = {"unknown": -1, "year": 0, "half": 1, "quarter": 1, "season": 1, "month": 2, "week": 3, "day": 4}
_NEEDS = {"century": 0, "decade": 0, "year": 0, "month": 2, "week": 3, "weekend": 3, "day": 4, "night": 4}
UNKNOWN = {"year": "XXXX", "decade": "XXXX", "century": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX",
           "weekend": "XXXX-WXX", "day": "XXXX-XX-XX", "night": "XXXX-XX-XX"}

_VALUE = re.compile(r"^(?:FY)?(?P<y>\d{4})(?:-(?:(?P<m>\d{2})(?:-(?P<d>\d{2}))?|W(?P<w>\d{2})|Q(?P<q>[1-4])|"
                    r"H(?P<h>[12])|(?P<s>SP|SU|FA|WI)))?(?:T.*)?$")


@dataclass(frozen=True)
class Reference:
    """The story's time: a representative day, how precise it is, and the words that named it."""

    day: date
    precision: str
    text: str

    def serves(self, unit: str) -> bool:
        return _RANK[self.precision] >= _NEEDS.get(unit, 5)


def unknown(text: str) -> Reference:
    """The story is at a time without a calendar value ("now", "the 1990s", "that week" of an unknown time): what
    counts from it ("two years later") stays unresolved rather than counted from publication."""
    return Reference(date.min, "unknown", text)


def reference_of(value: str, text: str) -> Reference:
    """The reference a TIMEX3 value sets: ``2012`` -> 1 Jan 2012 (year); ``2016-06-03T09:00`` -> that day; a season is
    about as fine as a quarter; anything else (``PRESENT_REF``, ``XXXX``, a decade) is an unknown time."""
    m = _VALUE.match(value)
    if not m:
        return unknown(text)
    year = int(m["y"])
    try:
        if m["d"]:
            return Reference(date(year, int(m["m"]), int(m["d"])), "day", text)
        if m["m"]:
            return Reference(date(year, int(m["m"]), 1), "month", text)
        if m["w"]:
            return Reference(date.fromisocalendar(year, int(m["w"]), 1), "week", text)
        if m["q"]:
            return Reference(date(year, 3 * int(m["q"]) - 2, 1), "quarter", text)
        if m["h"]:
            return Reference(date(year, 6 * int(m["h"]) - 5, 1), "half", text)
        if m["s"]:
            return Reference(date(year, voc.SEASON_START_MONTH[m["s"]], 1), "season", text)
    except ValueError:
        return unknown(text)
    return Reference(date(year, 1, 1), "year", text)


def shifted(ref: Reference, n: int, unit: str) -> tuple[str, str] | None:
    """``n`` units after the reference (negative: before), as (TIMEX3 value, precision) at the unit's own grain."""
    if unit in {"day", "night"}:
        d = ref.day + timedelta(days=n)
        return (tv.day(d), "day") if tv.plausible_year(d.year, ref.day) else None
    if unit in {"week", "weekend"}:
        d = ref.day + timedelta(weeks=n)
        return (tv.week(d), "week") if tv.plausible_year(d.year, ref.day) else None
    return tv.back(ref.day, -n, unit)


def years_from_period(ref: Reference, n: int) -> str | None:
    """``n`` years after a quarter, half or month reference, at its grain: "a year earlier" than the third quarter of
    2019 is the third quarter of 2018 (the period a results report compares with)."""
    if ref.precision not in {"quarter", "half", "month"} or not tv.plausible_year(ref.day.year + n, ref.day):
        return None
    return f"{ref.day.year + n}{period_value(ref)[4:]}"


def period_value(ref: Reference) -> str:
    """The TIMEX3 value of a quarter, half or month reference: ``2019-Q3``, ``2019-H1``, ``2019-07``."""
    if ref.precision == "month":
        return tv.month(ref.day.year, ref.day.month)
    if ref.precision == "half":
        return f"{ref.day.year}-H{(ref.day.month - 1) // 6 + 1}"
    return f"{ref.day.year}-Q{(ref.day.month - 1) // 3 + 1}"


def describe(text: str, n: int, unit: str, ref: Reference) -> str:
    """Why this date: "'two years later', 2 years after 2012 (the time the text last named)"."""
    if n == 0:
        return f"'{text}', the same {unit} as '{ref.text}' (the time the text last named)"
    plural = "s" if abs(n) != 1 else ""
    return (f"'{text}', {abs(n)} {unit}{plural} {'after' if n > 0 else 'before'} '{ref.text}' "
            f"(the time the text last named)")
