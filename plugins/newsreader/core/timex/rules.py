"""One temporal expression -> its TIMEX3 type and value (and, for calendar points, the event it makes).

:func:`resolve` reads the expression as news copy means it, relative to the publication date
(``anchor``) and to the direction of its clause (``tense``: ``future``, ``past``, ``present`` or None).
The rules are data: each reader is registered (:mod:`registry`) with its name, its order and its examples where it
is defined, and :func:`resolve` tries them in that order; the first that recognises the expression reads it,
answering a :class:`Resolution`, None (not mine) or False (recognised, but not a temporal expression). The readers
live by family, over one vocabulary (:mod:`vocabulary`): counts, ages and recurrences in :mod:`counts`, expressions
counted from another time in :mod:`relative`, a results report's periods in :mod:`reports`, days and clock times in
:mod:`clock`, months and days by name in :mod:`calendar_names`, longer periods in :mod:`periods`, movable holidays
in :mod:`holidays`. What only wraps another expression ("early December", "the first week of March") is read here,
by reading the inner expression again.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from . import values as tv
from . import calendar_names, clock, counts, holidays, periods, relative, reports  # noqa: F401 - they register
from .context import Context, Resolution
from .registry import DAY, Resolver, resolver, resolvers
from .vocabulary import MODIFIER_WORDS


__all__ = ["Context", "Resolution", "resolve"]

# every family module that registers readers (tests/core/timex/test_timex_rules_examples.py checks none is left out)
FAMILIES = (calendar_names, clock, counts, holidays, periods, relative, reports)


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
    return reading(text, ctx)[1] or None  # False: "recognised, but not a temporal expression"


def reading(text: str, ctx: Context) -> tuple[Resolver | None, Resolution | bool | None]:
    """The reader that recognised the expression (None: none did) and its answer."""
    low = " ".join(text.lower().replace("\u2019", "'").split()).strip(" ,.;:")
    low = tv.spelled_years(re.sub(r"'s$", "", low))  # "in nineteen ninety-six": read as 1996
    low = _HALF_AFTER.sub(lambda m: f"{'one' if m[1] in {'a', 'an'} else m[1]} and a half {m[2]}s", low)
    for rule in resolvers():
        found = rule.read(low, text, ctx)
        if found is not None:
            return rule, found
    return None, None


@resolver("reference", order=10, examples=[
    ("recently", DAY, "past", "DATE", "PAST_REF"),
    ("the near future", DAY, "future", "DATE", "FUTURE_REF"),
    ("these days", None, None, "DATE", "PRESENT_REF"),
])
def _ref(low, text, ctx):
    return Resolution("DATE", _REFS[low]) if low in _REFS else None


@resolver("modified", order=150, examples=[
    ("early December", DAY, "future", "DATE", "2019-12"),
    ("mid-2011", DAY, "past", "DATE", "2011"),
    ("the end of the talks", DAY, "past", None, None),
    ("the end of the month", DAY, "past", "DATE", "2017-03", {"reference": "2017-03"}),
])
def _modified(low, text, ctx):
    """"early December", "mid-2011", "late last year", "the end of the month": the value of what is modified."""
    m = _MOD.match(low)
    if not m or m.end() == len(low):
        return None
    rest = re.sub(r"^in\s+", "", low[m.end():].strip())  # "earlier in the year"
    if rest in {"this", "last", "next"} or rest.startswith("the day"):
        return None
    if rest in {"the year", "the month"} and _story_at(ctx, rest[4:]):
        rest = "that " + rest[4:]  # "sales fell in March, and by the end of the month …": March's end
    elif rest in {"the year", "the month", "the week", "the decade", "the century", "the quarter"}:
        rest = "this " + rest[4:]
    inner = resolve(text[len(text) - len(rest):] if text.lower().endswith(rest) else rest, ctx)
    if inner is None or inner.type == "DURATION":
        return False if inner is None else None
    event = inner.event
    if event is not None:
        event = event[:3] + (f"'{text}': {event[3]}",)
    return Resolution(inner.type, inner.value, event, inner.time)



def _story_at(ctx, unit: str) -> bool:
    """Is "the month" ("the year") of a clause told in the past the one the text last named? (Not in the present:
    "officials are considering a rise later in the year", a paragraph after "since 2014", is this year.)"""
    ref = ctx.reference
    return ctx.tense == "past" and ref is not None and ref.precision != "unknown" and ref.serves(unit)

_WEEK_OF = re.compile(r"^(?:the\s+)?(?P<ord>first|second|third|fourth|last|final)\s+week\s+of\s+(?P<rest>.+)$")


_WEEK_HOLDING = re.compile(r"^the\s+week\s+of\s+(?P<rest>.+)$")


@resolver("week-of", order=140, examples=[
    ("the first week of March", DAY, "future", "DATE", "2020-W10"),
    ("the last week of 2018", DAY, "past", "DATE", "2018-W52"),
    ("the week of June 14", DAY, "past", "DATE", "2019-W24"),
    ("the second week of the campaign", DAY, "past", None, None),
])
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
