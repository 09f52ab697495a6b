"""Expressions counted from another time: from publication ("two weeks ago", "the past 28 years", "last year",
"next Tuesday") or from the time the story last named ("two years later", "the following month", "that day"), at
the unit's own grain (:mod:`narrative`). Derived arithmetic stays within :func:`values.plausible_year`.
"""

from __future__ import annotations

import re
from datetime import timedelta

from . import narrative
from . import values as tv
from . import vocabulary as voc
from .context import Resolution, human_anchor
from .periods import season_value
from .values import count
from .vocabulary import APPROXIMATELY, COUNT, HEDGE, UNIT
from .counts import unit_name
from .reports import compared_period
from .registry import DAY, resolver


_AGO = re.compile(rf"^{HEDGE}(?P<n>{COUNT}\s+)?(?:more\s+)?(?P<unit>{UNIT}){APPROXIMATELY}?\s+(?P<dir>ago|earlier|before|previously|"
                  rf"back|"
                  r"later|after|from\s+now|hence)$", re.I)
_SPAN = re.compile(rf"^(?:the\s+)?(?P<which>past|last|previous|next|coming|first|final|recent|following)\s+{HEDGE}"
                   rf"(?P<n>{COUNT}\s+)?(?P<unit>{UNIT})$", re.I)


_REL = re.compile(r"^(?P<which>this|last|next|past|previous|coming|current|the\s+current|the\s+coming|the\s+previous|"
                  r"the\s+following|the\s+same|that)\s+(?P<unit>year|month|week|weekend|quarter|fiscal\s+year|"
                  rf"{voc.SEASON_WORDS}|century|decade)$", re.I)
_UNRESOLVED = re.compile(r"^the\s+(?:day|week|month|year|night|morning|evening)\s+(?:before|after|earlier|later|"
                         r"prior)(?:\s+.+)?$|"
                         r"^the\s+(?:(?:following|previous|preceding|prior)\s+(?:day|week|month|year|morning|evening|"
                         r"night)|next\s+(?:day|morning|evening))$|"
                         r"^(?:that|the\s+same|that\s+same)\s+(?:week|month|year|morning|evening|night|afternoon)$",
                         re.I)


@resolver("ago", order=50, examples=[
    ("six years ago", DAY, "past", "DATE", "2013"),
    ("three days ago", DAY, "past", "DATE", "2019-11-16"),
    ("two years later", DAY, "past", "DATE", "2014", {"reference": "2012"}),
    ("a few days later", DAY, "past", "DURATION", "PXD"),
])
def read_ago(low, text, ctx):
    m = _AGO.match(low)
    if not m:
        return None
    unit = unit_name(m.group("unit"))
    if m.group("n") is None or count(m.group("n")) is None:
        forward = m.group("dir") in {"later", "after", "from now", "hence"}
        if m.group("n") is None and not (unit in {"year", "decade", "century", "month"} and m.group("dir") == "ago"):
            return False
        if m.group("n") is not None and m.group("dir") in {"later", "earlier", "after", "before", "previously"}:
            return _distance(None, unit)  # "a few days later": a vague distance from the story's time, no date
        return Resolution("DATE", "FUTURE_REF" if forward else "PAST_REF")  # "years ago"
    n = count(m.group("n"))
    if m.group("n").strip()[0].isdigit() and n != 1 and not m.group("unit").lower().endswith("s"):
        return False  # "89,300 week ago": a table column, not a date
    forward = m.group("dir") in {"later", "after", "from now", "hence"}
    narrated = m.group("dir") not in {"ago", "back", "from now", "hence"}  # counts from the story's time
    if unit == "year" and float(n).is_integer():
        compared = compared_period(text, ctx, int(n) if forward else -int(n), narrated)
        if compared is not None:
            return compared
    if narrated and ctx.reference is not None and unit in narrative.UNKNOWN and float(n).is_integer():
        found = _from_reference(text, ctx.reference, int(n) if forward else -int(n), unit)
        if found and forward and ctx.tense == "past" and ctx.anchor is not None and (
                narrative.reference_of(found.value, text).day > ctx.anchor):
            return _distance(n, unit)  # told in the past, after publication: a wrong anchor
        return _distance(n, unit) if found and found.value.startswith("X") else found
    if narrated and unit not in {"year", "decade", "century", "month", "week", "day", "night"}:
        return _distance(n, unit)  # "just over an hour later": the distance, not a time of an unknown day
    if ctx.anchor is None or unit not in {"year", "decade", "century", "month", "week", "day", "night"}:
        return Resolution("DATE", "XXXX-XX-XX")
    if not float(n).is_integer():
        return Resolution("DATE", "FUTURE_REF" if forward else "PAST_REF")
    n = int(n)
    if narrated and forward and ctx.tense == "past":
        return _distance(n, unit)  # "three days later" told in the past, from no named time: not after publication
    found = tv.back(ctx.anchor, -n if forward else n, unit)
    if found is None:
        return False
    how = f"'{text}', {n} {unit}{'s' if n != 1 else ''} {'after' if forward else 'before'} {human_anchor(ctx.anchor)}"
    return _derived(*found, how)



def _distance(n: float | None, unit: str) -> Resolution:
    """"Three days later", "just over an hour later" where the time it counts from has no calendar value: the
    distance the text states (TimeML's DURATION, P3D), not a date that would be a guess."""
    return Resolution("DURATION", tv.duration(n, unit))


def _derived(value: str, precision: str, how: str) -> Resolution:
    """A date counted from another: its timex, and an event unless it is a whole century."""
    if precision == "century":
        return Resolution("DATE", value)
    event_value = f"{value}0s" if precision == "decade" else value
    return Resolution("DATE", value, (event_value, precision, True, how))


def _from_reference(text: str, ref, n: int, unit: str) -> Resolution | bool:
    """``n`` units from the time the text last named; unknown when that time is too coarse for the unit."""
    if not ref.serves(unit):
        return Resolution("DATE", narrative.UNKNOWN[unit])
    found = narrative.shifted(ref, n, unit)
    return False if found is None else _derived(*found, narrative.describe(text, n, unit, ref))


@resolver("span", order=80, examples=[
    ("the past 28 years", DAY, "past", "DURATION", "P28Y"),
    ("the coming weeks", DAY, "future", "DURATION", "PXW"),
    ("the next year", DAY, "past", "DATE", "2013", {"reference": "2012"}),
])
def read_span(low, text, ctx):
    m = _SPAN.match(low)
    if not m:
        return None
    unit, which = unit_name(m.group("unit")), m.group("which")
    plural = m.group("unit").lower().endswith("s")
    if m.group("n") is None:
        if which in {"last", "next", "past", "previous", "coming"} and not low.startswith("the") and not plural:
            return None  # "last year", "next week": dates (see read_relative)
        if plural and which in {"coming", "recent"}:  # "the coming weeks", "in recent months": a stretch of those
            return Resolution("DURATION", tv.duration(None, unit))  # units of untold length, as "the past few weeks"
        if (which == "next" and not plural and low.startswith("the") and ctx.tense == "past" and not ctx.over
                and ctx.reference is not None and unit in narrative.UNKNOWN):
            return _from_reference(text, ctx.reference, 1, unit)  # "fell in 2017 and recovered the next year"
        n = None if plural else 1
    else:
        n = count(m.group("n"))
        if n is None and not re.search(r"several|few|many|couple|some", m.group("n")):
            return False
    if n is not None and n > 1000:
        return False
    res = Resolution("DURATION", tv.duration(n, unit))
    if which in {"past", "last", "previous", "recent"} and ctx.anchor is not None and n is not None and (
            float(n).is_integer()) and unit in {"year", "decade", "month", "week", "day"}:
        found = tv.back(ctx.anchor, int(n), unit)
        if found:
            value, precision = found
            how = f"'{text}', {int(n)} {unit}{'s' if n != 1 else ''} before {human_anchor(ctx.anchor)}"
            if precision == "decade":
                value, precision = str(ctx.anchor.year - 10 * int(n)), "year"
            return Resolution(res.type, res.value, (value, precision, True, how))
    return res


_STEP = re.compile(r"^the\s+(following|next|previous|preceding|prior)\s+\w+$")


@resolver("unresolved", order=70, examples=[
    ("the following year", DAY, "past", "DATE", "2013", {"reference": "2012"}),
    ("the next morning", DAY, "past", "TIME", "2019-11-13TMO", {"last_day": "2019-11-12"}),
    ("that same week", DAY, "past", "DATE", "XXXX-WXX"),
])
def read_unresolved(low, text, ctx):
    m = _UNRESOLVED.match(low)
    if not m:
        return None
    unit = re.search(r"day|week|month|year|morning|evening|night|afternoon", low).group()
    delta = _step_of(low)
    ref = ctx.reference
    if ref is None and ctx.last_day is not None:
        ref = narrative.Reference(ctx.last_day, "day", tv.day(ctx.last_day))
    part = voc.PARTS_OF_DAY.get(unit)
    grain = "day" if part else unit  # "the next morning" steps by a day
    found = narrative.shifted(ref, delta, grain) if delta is not None and ref is not None and ref.serves(grain) else None
    if found is not None:
        value, precision = found
        how = narrative.describe(text, delta, grain, ref)
        if part:
            return Resolution("TIME", f"{value}T{part}", (value, "day", True, how), voc.PART_NAMES[part])
        return Resolution("DATE", value, (value, precision, True, how))
    if part:
        return Resolution("TIME", f"XXXX-XX-XXT{part}")
    return Resolution("DATE", narrative.UNKNOWN[unit])


_SAME = re.compile(r"^(?:that|the\s+same|that\s+same)\s+\w+$")
_BEFORE_AFTER = re.compile(r"^the\s+\w+\s+(before|after|earlier|later|prior)$")


def _step_of(low: str) -> int | None:
    """+1 for "the following year", "the day after"; -1 for "the previous month"; 0 for "that year";
    None for "the day before the vote" (its own anchor, not the story's time)."""
    step = _STEP.match(low) or _BEFORE_AFTER.match(low)
    if step:
        return 1 if step.group(1) in {"following", "next", "after", "later"} else -1
    return 0 if _SAME.match(low) else None


@resolver("the-day", order=100, examples=[
    ("that day", DAY, "past", "DATE", "2019-11-12", {"last_day": "2019-11-12"}),
    ("this day", DAY, None, "DATE", "2019-11-19"),
    ("the day", DAY, "past", None, None),
    ("the day", DAY, "past", None, None, {"last_day": "1848-02-24", "day_elsewhere": True}),
])
def read_the_day(low, text, ctx):
    if low not in {"the day", "that day", "the same day", "that same day", "this day"}:
        return None
    day = ctx.last_day if low != "this day" else ctx.anchor
    if low == "the day" and ctx.day_elsewhere:
        day = None  # the last day named is paragraphs back (an anniversary's, a history's): not the one meant here
    if day is None:
        return Resolution("DATE", "XXXX-XX-XX") if low != "the day" else False
    how = f"'{text}' refers back to {human_anchor(day)}"
    return Resolution("DATE", tv.day(day), (tv.day(day), "day", False, how))


@resolver("relative", order=160, examples=[
    ("last year", DAY, "past", "DATE", "2018"),
    ("next month", DAY, "future", "DATE", "2019-12"),
    ("this week", DAY, None, "DATE", "2019-W47"),
    ("last summer", DAY, "past", "DATE", "2019-SU"),
])
def read_relative(low, text, ctx):
    low = re.sub(r"^(?:earlier|later)\s+(?=this|last|next)", "", low)
    low = re.sub(rf"^this\s+past\s+(?={voc.SEASON_WORDS}|week)", "past ", low)  # "this past spring"
    if low == "the weekend" and ctx.anchor is not None:  # the coming one when the clause points forward
        low = "next weekend" if ctx.tense == "future" and ctx.anchor.weekday() < 5 else (
            "this weekend" if ctx.anchor.weekday() >= 5 or ctx.tense == "future" else "last weekend")
    m = _REL.match(low)
    if not m:
        return None
    which, unit = m.group("which").replace("the ", ""), m.group("unit")
    if which in {"following", "previous", "same", "that"} and low.startswith(("the", "that")) and unit != "year":
        return read_unresolved(low, text, ctx) or False  # "the following quarter", "that summer": not read
    if which in {"same", "that"}:
        return Resolution("DATE", "XXXX")
    anchor = ctx.anchor
    if anchor is None:
        return Resolution("DATE", "XXXX-XX-XX")
    delta = {"this": 0, "current": 0, "coming": 1, "next": 1, "following": 1}.get(which, -1)
    how = f"'{text}' relative to {human_anchor(anchor)}"
    if unit == "year":
        return Resolution("DATE", str(anchor.year + delta), (str(anchor.year + delta), "year", False, how))
    if unit == "month":
        y, mo = tv.shift_month(anchor.year, anchor.month, delta)
        return Resolution("DATE", tv.month(y, mo), (tv.month(y, mo), "month", False, how))
    if unit in {"week", "weekend"}:
        w = tv.week(anchor + timedelta(weeks=delta))
        if unit == "weekend":  # the week's event, shown as its weekend
            return Resolution("DATE", w + "-WE", (w, "week", False, how), time="weekend")
        return Resolution("DATE", w, (w, "week", False, how))
    if unit == "quarter":
        index = anchor.year * 4 + tv.quarter_of(anchor) - 1 + delta
        return Resolution("DATE", f"{index // 4}-Q{index % 4 + 1}")
    if unit == "fiscal year":
        return Resolution("DATE", f"FY{anchor.year + delta}")
    if unit == "decade":
        return Resolution("DATE", f"{anchor.year // 10 + delta:03d}")
    if unit == "century":
        return Resolution("DATE", f"{anchor.year // 100 + delta:02d}")
    return Resolution("DATE", season_value(voc.SEASONS[unit], which, anchor))
