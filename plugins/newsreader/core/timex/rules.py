"""One temporal expression -> its TIMEX3 type and value (and, for calendar points, the event it makes).

:func:`resolve` reads the expression as news copy means it, relative to the publication date
(``anchor``) and to the direction of its clause (``tense``: ``future``, ``past``, ``present`` or None).
The rules are data: :data:`_RULES` lists the readers in the order they are tried, each taking the normalised
words, the text and the :class:`Context`, and answering a :class:`Resolution`, None (not mine) or False
(recognised, but not a temporal expression). The readers live by family, over one vocabulary
(:mod:`vocabulary`): counts, ages and recurrences in :mod:`counts`, expressions counted from another time in
:mod:`relative`, a results report's periods in :mod:`reports`, days and clock times in :mod:`clock`, months and
days by name in :mod:`calendar_names`, longer periods in :mod:`periods`, movable holidays in :mod:`holidays`.
What only wraps another expression ("early December", "the first week of March") is read here, by reading the
inner expression again.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from . import values as tv
from .calendar_names import read_calendar, read_day_of_month
from .clock import read_relative_day, read_time_of_day, read_weekday
from .context import Context, Resolution
from .periods import read_century, read_decade, read_fiscal, read_half, read_quarter, read_season, read_year
from .holidays import read_movable_holiday
from .vocabulary import MODIFIER_WORDS
from .counts import read_age, read_duration, read_set
from .relative import read_ago, read_relative, read_span, read_the_day, read_unresolved
from .reports import read_report_period, read_year_of_results, read_years_period


__all__ = ["Context", "Resolution", "resolve"]


_REFS = {"now": "PRESENT_REF", "right now": "PRESENT_REF", "just now": "PRESENT_REF", "currently": "PRESENT_REF",
         "nowadays": "PRESENT_REF", "at present": "PRESENT_REF", "presently": "PRESENT_REF",
         "the present": "PRESENT_REF", "these days": "PRESENT_REF", "recently": "PAST_REF", "lately": "PAST_REF",
         "the past": "PAST_REF", "the recent past": "PAST_REF", "the future": "FUTURE_REF",
         "the near future": "FUTURE_REF", "the distant future": "FUTURE_REF",
         "the foreseeable future": "FUTURE_REF", "years ago": "PAST_REF", "decades ago": "PAST_REF",
         "months ago": "PAST_REF", "centuries ago": "PAST_REF",
         "the years ahead": "FUTURE_REF"}  # "the coming years", "recent months": stretches (relative.read_span)
_MOD = re.compile(rf"^(?:(?:{MODIFIER_WORDS})(?:\s+|-))+(?=\S)", re.I)


# "a minute and a half", "two hours and a half": read as "one and a half minutes"
_HALF_AFTER = re.compile(r"\b(an?|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(second|minute|hour|day|week|"
                         r"month|year)s?\s+and\s+a\s+half\b")


def resolve(text: str, ctx: Context) -> Resolution | None:
    """The TIMEX3 reading of one expression (prepositions already stripped), or None if it is not one."""
    low = " ".join(text.lower().replace("\u2019", "'").split()).strip(" ,.;:")
    low = tv.spelled_years(re.sub(r"'s$", "", low))  # "in nineteen ninety-six": read as 1996
    low = _HALF_AFTER.sub(lambda m: f"{'one' if m[1] in {'a', 'an'} else m[1]} and a half {m[2]}s", low)
    for rule in _RULES:
        found = rule(low, text, ctx)
        if found is not None:
            return found or None  # False: "recognised, but not a temporal expression"
    return None



def _ref(low, text, ctx):
    return Resolution("DATE", _REFS[low]) if low in _REFS else None


def _modified(low, text, ctx):
    """"early December", "mid-2011", "late last year", "the end of the month": the value of what is modified."""
    m = _MOD.match(low)
    if not m or m.end() == len(low):
        return None
    rest = re.sub(r"^in\s+", "", low[m.end():].strip())  # "earlier in the year"
    if rest in {"this", "last", "next"} or rest.startswith("the day"):
        return None
    if rest in {"the year", "the month", "the week", "the decade", "the century", "the quarter"}:
        rest = "this " + rest[4:]
    inner = resolve(text[len(text) - len(rest):] if text.lower().endswith(rest) else rest, ctx)
    if inner is None or inner.type == "DURATION":
        return False if inner is None else None
    event = inner.event
    if event is not None:
        event = event[:3] + (f"'{text}': {event[3]}",)
    return Resolution(inner.type, inner.value, event, inner.time)



_WEEK_OF = re.compile(r"^(?:the\s+)?(?P<ord>first|second|third|fourth|last|final)\s+week\s+of\s+(?P<rest>.+)$")


_WEEK_HOLDING = re.compile(r"^the\s+week\s+of\s+(?P<rest>.+)$")


def _week_of(low, text, ctx):
    """"the first week of March": the week of its first day (the last week: of its last day); "the week of June 14":
    the week that holds that day."""
    holding = _WEEK_HOLDING.match(low)
    if holding:
        inner = resolve(holding.group("rest"), ctx)
        if inner is None or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", inner.value):
            return None
        value = tv.week(date.fromisoformat(inner.value))
        return Resolution("DATE", value, (value, "week", False, f"'{text}': {inner.event[3] if inner.event else text}"))
    m = _WEEK_OF.match(low)
    if not m:
        return None
    inner = resolve(m.group("rest"), ctx)
    if inner is None or not re.fullmatch(r"\d{4}(?:-\d{2})?", inner.value):
        return False
    year, month = int(inner.value[:4]), (int(inner.value[5:7]) if len(inner.value) > 4 else None)
    if m.group("ord") in {"last", "final"}:  # the week holding the period's last Thursday
        y, mo = tv.shift_month(year, month or 12, 1)
        d = date(y, mo, 1) - timedelta(days=1)
        d -= timedelta(days=(d.weekday() + 1) if d.weekday() < 3 else 0)
    else:  # counted from the week holding the period's first Thursday
        d = date(year, month or 1, 1)
        d += timedelta(days=(7 - d.weekday()) if d.weekday() > 3 else 0)
        d += timedelta(weeks={"first": 0, "second": 1, "third": 2, "fourth": 3}[m.group("ord")])
    value = tv.week(d)
    return Resolution("DATE", value, (value, "week", False, f"'{text}': {inner.event[3] if inner.event else text}"))


# In this order: the first rule that recognises the expression reads it.
_RULES = (_ref, read_age, read_report_period, read_years_period, read_ago, read_year_of_results, read_unresolved, read_span, read_set, read_the_day,
          read_relative_day, read_time_of_day, read_weekday, _week_of, _modified, read_relative,
          read_day_of_month, read_quarter, read_half, read_fiscal, read_season, read_decade, read_century, read_year,
          read_movable_holiday, read_calendar, read_duration)
