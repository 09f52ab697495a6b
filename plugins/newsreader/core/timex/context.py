"""What every reading of a temporal expression shares: the :class:`Resolution` a rule returns, the
:class:`Context` it reads the expression in, and the choice of the nearest day, month or year in the clause's
direction (:func:`pick`, :func:`pick_year`).

A month, day, season or quarter without a year is the nearest one in that direction; a bare weekday is the most
recent one unless the clause points forward.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from . import values as tv
from . import vocabulary as voc

if TYPE_CHECKING:
    from .narrative import Reference


@dataclass(frozen=True)
class Resolution:
    """A TIMEX3 type and value, and the event it makes: ``(date, precision, derived, explanation)`` or None."""

    type: str
    value: str
    event: tuple | None = None
    time: str | None = None  # "07:45" or "afternoon", shown with the day on the timeline; "weekend" on a week



@dataclass(frozen=True)
class Context:
    anchor: date | None
    tense: str | None = None  # future | past | present | None
    last_day: date | None = None  # the last day the text named explicitly
    quantity_before: bool = False  # "five billion dollars [a year]"
    noun_after: str | None = None  # "66-year-old [alliance]"
    business: bool = False  # the sentence reports results ("loss for the first half"), not a match or a speech
    reference: Reference | None = None  # the time the text last named ("two years later")
    over: bool = False  # after "over", "during", "within", "for", "in", "throughout": a stretch of time
    person: str | None = None  # an age that is a person's: "named" (modifies a person) or "alone" (no noun after)
    results: bool = False  # the sentence reports figures ("net income … a year earlier")
    period: str | None = None  # the quarter or half the article last named ("2019-Q3"): what a results report is about
    deadline: bool = False  # "pushed back to Nov. 21", "until mid-November", "set March 2 as the deadline": a limit
    day_elsewhere: bool = False  # the last day (``last_day``) was named before the previous paragraph
    limit_ahead: bool = False  # a limit given or moved: "pushed the cut-off back until Thursday"
    fiscal: bool = False  # ``period`` is a fiscal one ("the fiscal first quarter"): its months are not known
    to_date: bool = False  # the sentence reports months of a year to date ("over the first eight months"): a year's part



def human_anchor(anchor: date) -> str:
    return f"{anchor.day} {anchor:%b %Y}"



def pick(candidates: list[date], anchor: date, tense: str | None, weekday: bool = False) -> date:
    """Of the same day/month in different years (or weeks), the one in the clause's direction."""
    past = [c for c in candidates if c <= anchor]
    future = [c for c in candidates if c >= anchor]
    if (tense == "future" or (weekday and tense == "present")) and future:
        return min(future)  # "Voters go to the polls on Sunday": news copy's simple present with a weekday is scheduled
    if tense == "past" or (weekday and tense != "present") or not future:
        return max(past) if past else min(future)
    if not past:
        return min(future)
    before, after = max(past), min(future)
    return after if (after - anchor) < (anchor - before) else before



def pick_year(candidates: list[date], anchor: date, tense: str | None, deadline: bool = False) -> date:
    """A day or month named without its year: :func:`pick`'s choice, unless that lies in another year more than
    eight months away while this year's is within six weeks, and the clause does not simply tell of the past (a
    time limit may be set in the past: "the deadline was pushed back to Nov. 21", written early in November). News copy
    names the year of a day that is not in the current one."""
    chosen = pick(candidates, anchor, tense)
    this_year = [c for c in candidates if c.year == anchor.year]
    if (tense != "past" or deadline) and (chosen.year != anchor.year and this_year and abs((chosen - anchor).days) > 240
            and abs((this_year[0] - anchor).days) <= 45):
        return this_year[0]
    return chosen


def day_event(d: date, text: str, how: str, part: str | None = None, clock: str | None = None) -> Resolution:
    if clock:
        return Resolution("TIME", f"{tv.day(d)}T{clock}", (tv.day(d), "day", False, how), clock)
    if part:
        return Resolution("TIME", f"{tv.day(d)}T{part}", (tv.day(d), "day", False, how), voc.PART_NAMES[part])
    return Resolution("DATE", tv.day(d), (tv.day(d), "day", False, how))


def year_words(words: str | None, anchor: date | None) -> int | None:
    if not words:
        return None
    if words.isdigit():
        return int(words)
    if anchor is None:
        return None
    return anchor.year + {"last year": -1, "next year": 1}.get(words, 0)
