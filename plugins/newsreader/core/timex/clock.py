"""Days and times of day: "today", "last night", weekdays ("Friday", "next Tuesday afternoon"), clock times ("7:45
a.m.", "0930 GMT", "noon"), each on the day the clause points to.
"""

from __future__ import annotations

import re
from datetime import timedelta

from . import values as tv
from . import vocabulary as voc
from .vocabulary import WEEKDAYS, ZONES
from .context import Resolution, day_event, human_anchor, pick
from .registry import DAY, resolver


_TIME = re.compile(r"^(?:at\s+)?(?:(?:about|around|approximately|shortly\s+(?:before|after)|just\s+(?:before|"
                   r"after))\s+)?"
                   r"(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*(?P<ampm>a\.?m\.?|p\.?m\.?)?(?:\s+(?:local\s+time|gmt|utc|"
                   r"[a-z]{2,4}t))?$", re.I)
# a 24-hour clock written as four digits, which needs its zone or "hours": "0930 GMT", "1800 hours", "0530 local time"
_MILITARY = re.compile(rf"^(?:at\s+)?(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)\s*(?:hours|hrs|h|z|local\s+time|"
                       rf"{'|'.join(ZONES.split())})$", re.I)
_PART_AFTER = re.compile(rf"^(?P<rest>.+?)\s+(?:(?P<part>{'|'.join(voc.PARTS_OF_DAY)})|"
                         r"(?:at\s+)?(?P<clock>[\d:.]+\s*(?:a\.?m\.?|p\.?m\.?)|noon|midnight))$")
_NAMED_TIMES = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}
_IN_THE_PART = re.compile(r"^(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s+(?:o'clock\s+)?in\s+the\s+"
                          rf"(?P<part>{voc.PART_OF_DAY_WORDS})$")
# "by mid-afternoon", "in the late evening": a part of the day the text is about
_PART_ALONE = re.compile(r"^(?:the\s+)?(?:mid|early|late)[\s-]*(?P<part>morning|afternoon|evening)$")
# "on Thursday evenings": a weekday with a plural part of the day recurs
_RECURRING = re.compile(rf"^(?P<day>{'|'.join(WEEKDAYS)})s?\s+(?P<part>{voc.PART_OF_DAY_WORDS})s$")
# "mid-morning yesterday", "late afternoon today": the part of the day named before its day
_PART_BEFORE = re.compile(rf"^(?:(?:early|late|mid)[\s-]*)?(?P<part>{voc.PART_OF_DAY_WORDS})\s+"
                          r"(?P<rest>today|yesterday|tomorrow)$")
# "the previous Friday", "the following Tuesday": counted from the day the text is about
_STEPS = {"previous": -1, "preceding": -1, "following": 1}
_RELATIVE_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0, "overnight": 0}


def _split_part(low: str) -> tuple[str, str | None, str | None]:
    """"friday afternoon" -> ("friday", "AF", None); "tuesday at 7:45 am" -> ("tuesday", None, "07:45")."""
    m = _PART_AFTER.match(low)
    if not m:
        m2 = re.match(r"^(?P<clock>[\d:.]+\s*(?:a\.?m\.?|p\.?m\.?)|noon|midnight)\s+(?:on\s+)?(?P<rest>.+)$", low)
        if not m2 or _clock(m2.group("clock")) is None:
            return low, None, None
        return m2.group("rest"), None, _clock(m2.group("clock"))
    clock = _clock(m.group("clock")) if m.group("clock") else None
    if m.group("clock") and clock is None:
        return low, None, None
    return m.group("rest"), (voc.PARTS_OF_DAY[m.group("part")] if m.group("part") else None), clock



def _clock(words: str) -> str | None:
    if words in _NAMED_TIMES:
        return _NAMED_TIMES[words]
    told = _IN_THE_PART.match(words)  # "5 in the morning": 5 a.m.
    if told:
        hour = int(told.group("h"))
        pm = told.group("part") in {"afternoon", "evening"} or (told.group("part") == "night" and hour >= 6)
        words = f"{hour}:{told.group('m') or '00'} {'pm' if pm else 'am'}"
    military = _MILITARY.match(words)
    if military:
        return f"{military.group('h')}:{military.group('m')}"
    m = _TIME.match(words)
    if not m:
        return None
    hour, minute, ampm = int(m.group("h")), int(m.group("m") or 0), (m.group("ampm") or "").replace(".", "")
    if not ampm and m.group("m") is None:
        return None  # a bare number is no time
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 24 or minute > 59 or (ampm and not 1 <= int(m.group("h")) <= 12):
        return None
    return f"{hour:02d}:{minute:02d}"



@resolver("relative-day", order=110, examples=[
    ("yesterday", DAY, "past", "DATE", "2019-11-18"),
    ("tomorrow afternoon", DAY, "future", "TIME", "2019-11-20TAF"),
    ("last night", DAY, "past", "TIME", "2019-11-18TNI"),
    ("mid-afternoon", DAY, "past", "TIME", "2019-11-19TAF"),
])
def read_relative_day(low, text, ctx):
    rest, part, clock = _split_part(low)
    if low in {"this morning", "this afternoon", "this evening", "last night", "last evening"}:
        rest, part = ("yesterday" if low.startswith("last") else "today"), voc.PARTS_OF_DAY[low.split()[-1]]
    before = _PART_BEFORE.match(low)
    if before:
        rest, part = before.group("rest"), voc.PARTS_OF_DAY[before.group("part")]
    if low in {"the morning", "the afternoon", "the evening", "the night"} and ctx.anchor is not None:
        day = ctx.last_day or ctx.anchor  # the part of the day the text is about
        return Resolution("TIME", f"{tv.day(day)}T{voc.PARTS_OF_DAY[low[4:]]}", None, low[4:])
    alone = _PART_ALONE.match(low)
    if alone and ctx.anchor is not None:
        day, name = ctx.last_day or ctx.anchor, alone.group("part")
        return Resolution("TIME", f"{tv.day(day)}T{voc.PARTS_OF_DAY[name]}", None, name)
    if rest not in _RELATIVE_DAYS or ctx.anchor is None:
        return None
    if low in {"tonight", "overnight"}:
        part = "NI"
    d = ctx.anchor + timedelta(days=_RELATIVE_DAYS[rest])
    return day_event(d, text, f"'{text}' from {human_anchor(ctx.anchor)}", part, clock)



@resolver("time-of-day", order=120, examples=[
    ("7:45 a.m.", DAY, "past", "TIME", "2019-11-19T07:45"),
    ("0930 GMT", DAY, "past", "TIME", "2019-11-19T09:30"),
    ("noon", DAY, "past", "TIME", "2019-11-15T12:00", {"last_day": "2019-11-15"}),
    ("4:10 p.m.", DAY, "past", "TIME", "XXXX-XX-XXT16:10", {"last_day": "2019-11-15", "day_elsewhere": True}),
])
def read_time_of_day(low, text, ctx):
    clock = _clock(low)
    if clock is None:
        return None
    if ctx.day_elsewhere:  # a day named paragraphs before is not reliably this clock time's: unknown unless
        return Resolution("TIME", f"XXXX-XX-XXT{clock}", None, clock)  # its own sentence names one (timex._clock_days)
    d = ctx.last_day or ctx.anchor
    if d is None:
        return Resolution("TIME", f"XXXX-XX-XXT{clock}", None, clock)
    how = f"'{text}' on {human_anchor(d)}, the day the text is about"
    return Resolution("TIME", f"{tv.day(d)}T{clock}", (tv.day(d), "day", False, how), clock)



def recurring(weekday: str, part: str) -> Resolution:
    """"Thursday evenings": every Thursday evening (``XXXX-WXX-4TEV``)."""
    return Resolution("SET", f"XXXX-WXX-{WEEKDAYS.index(weekday.lower()) + 1}T{voc.PARTS_OF_DAY[part.lower()]}")


@resolver("weekday", order=130, examples=[
    ("Friday", DAY, "past", "DATE", "2019-11-15"),
    ("next Tuesday", DAY, "future", "DATE", "2019-11-26"),
    ("Thursday evenings", DAY, "present", "SET", "XXXX-WXX-4TEV"),
    ("the previous Friday", DAY, "past", "DATE", "2019-11-08", {"last_day": "2019-11-12"}),
])
def read_weekday(low, text, ctx):
    plural = _RECURRING.match(low)
    if plural:
        return recurring(plural.group("day"), plural.group("part"))
    rest, part, clock = _split_part(low)
    words = rest.replace(",", " ").split()
    if len(words) == 3 and words[0] == "the" and words[1] in _STEPS and words[2] in WEEKDAYS:
        return _stepped_weekday(_STEPS[words[1]], words[2], text, ctx, part, clock)
    which = words[0] if len(words) == 2 and words[0] in {"last", "next", "this", "coming", "early", "late"} else None
    if which:
        words = words[1:]
    if len(words) == 1 and words[0][:-1] in WEEKDAYS and words[0].endswith("s") and not which:
        return Resolution("SET", f"XXXX-WXX-{WEEKDAYS.index(words[0][:-1]) + 1}")  # "on Sundays"
    if len(words) != 1 or words[0] not in WEEKDAYS:
        return None
    if ctx.anchor is None:
        return Resolution("DATE", "XXXX-XX-XX")
    target, anchor = WEEKDAYS.index(words[0]), ctx.anchor
    name = words[0].capitalize()
    if which == "next" or which == "coming":
        d = anchor + timedelta(days=(target - anchor.weekday()) % 7 or 7)
        how = f"'{text}' relative to {human_anchor(anchor)}"
    elif which in {"last", "this"}:
        d = anchor - timedelta(days=(anchor.weekday() - target) % 7 or (7 if which == "last" else 0))
        if which == "this" and ctx.tense != "past":  # "the polls open this Sunday": the coming one
            d = anchor + timedelta(days=(target - anchor.weekday()) % 7)
        how = f"'{text}' relative to {human_anchor(anchor)}"
    else:
        ahead = anchor + timedelta(days=(target - anchor.weekday()) % 7)
        behind = anchor - timedelta(days=(anchor.weekday() - target) % 7)
        d = pick([behind, ahead], anchor, "future" if ctx.limit_ahead else ctx.tense, weekday=True)
        if d == ahead and d != anchor:
            how = f"'{text}', the next {name} on or after {human_anchor(anchor)} (future tense)"
        else:
            how = f"'{text}', the most recent {name} on or before {human_anchor(anchor)}"
    return day_event(d, text, how, part, clock)


def _stepped_weekday(step: int, weekday: str, text: str, ctx, part: str | None, clock: str | None) -> Resolution:
    """"the previous Friday" (``step`` -1): the last such weekday before the day the text is about (the day it last
    named, else publication); "the following Friday" (+1): the first after it. Derived from that day, so it does not
    become the day the text is about in turn."""
    base = ctx.last_day or ctx.anchor
    if base is None:
        return Resolution("DATE", "XXXX-XX-XX")
    target = WEEKDAYS.index(weekday)
    if step < 0:
        d = base - timedelta(days=(base.weekday() - target) % 7 or 7)
    else:
        d = base + timedelta(days=(target - base.weekday()) % 7 or 7)
    side = "before" if step < 0 else "after"
    found = day_event(d, text, f"'{text}', the {weekday.capitalize()} {side} {human_anchor(base)}", part, clock)
    return Resolution(found.type, found.value, found.event[:2] + (True,) + found.event[3:], found.time)  # derived
