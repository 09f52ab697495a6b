"""Holidays whose date moves from year to year: "Thanksgiving", "Easter", "Labor Day" (US usage, as in wire copy).

Easter comes from ``dateutil.easter`` (a pinned dependency); the others are the n-th weekday of a month.
Without a year the holiday is the one in the clause's direction, as for a bare month and day.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from dateutil.easter import easter

from .context import day_event, human_anchor, pick
from .values import day
from .vocabulary import YEAR
from .registry import DAY, resolver


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th (1-based; -1 the last) weekday (Monday 0) of a month."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


_MOVABLE = {
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "easter": easter,
    "easter sunday": easter,
    "easter monday": lambda y: easter(y) + timedelta(days=1),
    "good friday": lambda y: easter(y) - timedelta(days=2),
    "maundy thursday": lambda y: easter(y) - timedelta(days=3),
    "holy saturday": lambda y: easter(y) - timedelta(days=1),
    "palm sunday": lambda y: easter(y) - timedelta(days=7),
    "ash wednesday": lambda y: easter(y) - timedelta(days=46),
    "black friday": lambda y: _nth_weekday(y, 11, 3, 4) + timedelta(days=1),  # the day after Thanksgiving
    "cyber monday": lambda y: _nth_weekday(y, 11, 3, 4) + timedelta(days=4),
    "election day": lambda y: _nth_weekday(y, 11, 0, 1) + timedelta(days=1),  # the Tuesday after November's 1st Monday
}
_NAMES = sorted(_MOVABLE, key=len, reverse=True)  # "easter sunday" before "easter"
PATTERN = (r"\b(?:" + "|".join(n.replace(" ", r"\s+") for n in _NAMES) + ")"  # read case-insensitively
           rf"(?:\s+(?:of\s+)?{YEAR})?\b(?!\s+(?-i:[A-Z][a-z]))")  # not "the Good Friday Agreement"
KEYWORDS = " ".join(sorted({n.split()[0] for n in _MOVABLE}))  # a word every match holds (patterns.py's filter)
_NAMED = re.compile(r"^(?P<name>" + "|".join(re.escape(h) for h in _MOVABLE) + r")(?:\s+(?:of\s+)?(?P<year>\d{4}))?$")


def is_holiday(text: str) -> bool:
    return bool(_NAMED.match(re.sub(r"\s+", " ", text.lower())))


@resolver("movable-holiday", order=250, examples=[
    ("Thanksgiving", DAY, "future", "DATE", "2019-11-28"),
    ("Easter 2018", DAY, "past", "DATE", "2018-04-01"),
    ("Good Friday", None, None, None, None),
    ("Black Friday", DAY, "past", "DATE", "2018-11-23"),
])
def read_movable_holiday(low, text, ctx):
    m = _NAMED.match(re.sub(r"\s+", " ", low))
    if not m:
        return None
    rule = _MOVABLE[m.group("name")]
    if m.group("year"):
        return day_event(rule(int(m.group("year"))), text, f"'{text}'")
    if ctx.anchor is None:
        return None
    chosen = pick([rule(ctx.anchor.year + k) for k in (-1, 0, 1)], ctx.anchor, ctx.tense)
    return day_event(chosen, text, f"'{text}', {day(chosen)}, the nearest in the clause's direction from "
                                    f"{human_anchor(ctx.anchor)}")
