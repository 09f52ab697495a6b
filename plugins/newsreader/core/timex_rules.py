"""One temporal expression -> its TIMEX3 type and value (and, for calendar points, the event it makes).

:func:`resolve` reads the expression as news copy means it, relative to the publication date
(``anchor``) and to the direction of its clause (``tense``: ``future``, ``past``, ``present`` or None):
a month, day, season or quarter without a year is the nearest one in that direction; a bare weekday is
the most recent one unless the clause points forward. Derived arithmetic ("28 years", "66-year-old",
"two weeks ago") stays within :func:`timex_values.plausible_year`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from . import timex_values as tv
from .timex_values import MONTHS, WEEKDAYS, count, month_number

PERSON_NOUNS = frozenset(
    """
    man woman boy girl child kid baby teenager teen person people soldier officer student worker resident mother
    father son daughter husband wife brother sister driver suspect victim player man's woman's leader veteran
    migrant refugee farmer protester activist journalist reporter pilot sailor marine nurse doctor patient tourist
    """.split()
)
_U = r"(?:seconds|minutes?|hours?|days?|nights?|weeks?|weekends?|months?|years?|decades?|centur(?:y|ies))"
_N = (r"(?:\d[\d,]*(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
      r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
      r"ninety|hundred|dozen|half|several|few|many|couple|some)")
_COUNT = rf"(?:an?\s+(?:few|couple(?:\s+of)?|dozen|hundred|half)|{_N}(?:[\s-]+(?:and\s+a\s+half|{_N}))*|an?)"
_HEDGE = (r"(?:(?:just|about|around|nearly|almost|some|roughly|approximately|only|barely|fully|over|under|"
          r"more\s+than|less\s+than|fewer\s+than|at\s+least|up\s+to|close\s+to|well\s+over|another|a\s+further)\s+)*")
_AGE = re.compile(rf"^(?P<n>[\w.]+(?:-[a-z]+)?)[-\s](?P<unit>year|month|week|day|decade)s?[-\s]old$", re.I)
_AGO = re.compile(rf"^{_HEDGE}(?P<n>{_COUNT}\s+)?(?:more\s+)?(?P<unit>{_U})\s+(?P<dir>ago|earlier|before|previously|back|"
                  r"later|after|from\s+now|hence)$", re.I)
_SPAN = re.compile(rf"^(?:the\s+)?(?P<which>past|last|previous|next|coming|first|final|recent|following)\s+{_HEDGE}"
                   rf"(?P<n>{_COUNT}\s+)?(?P<unit>{_U})$", re.I)
_DURATION = re.compile(rf"^(?:the\s+|a\s+)?{_HEDGE}(?P<n>{_COUNT}[\s-]+|(?:a\s+)?(?:few|couple\s+of|number\s+of)\s+)?"
                       rf"(?:more\s+|full\s+|straight\s+|consecutive\s+|long\s+)?(?P<unit>{_U})(?:\s+(?:long|straight|running|in\s+a\s+row))?$", re.I)
_SET = re.compile(rf"^(?:(?P<n>once|twice|thrice|{_COUNT}\s+times)\s+)?(?:every|each|per|a|an)\s+(?P<k>other\s+|{_COUNT}\s+)?"
                  rf"(?P<unit>{_U}|(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?)$", re.I)
_SET_ADV = {"annually": "P1Y", "yearly": "P1Y", "monthly": "P1M", "weekly": "P1W", "daily": "P1D", "hourly": "PT1H",
            "nightly": "P1D"}
_REFS = {"now": "PRESENT_REF", "right now": "PRESENT_REF", "just now": "PRESENT_REF", "currently": "PRESENT_REF",
         "nowadays": "PRESENT_REF", "at present": "PRESENT_REF", "presently": "PRESENT_REF",
         "the present": "PRESENT_REF", "these days": "PRESENT_REF", "recently": "PAST_REF", "lately": "PAST_REF",
         "the past": "PAST_REF", "the recent past": "PAST_REF", "once": "PAST_REF", "the future": "FUTURE_REF",
         "the near future": "FUTURE_REF", "the distant future": "FUTURE_REF", "future": "FUTURE_REF",
         "the foreseeable future": "FUTURE_REF", "years ago": "PAST_REF", "decades ago": "PAST_REF",
         "months ago": "PAST_REF", "centuries ago": "PAST_REF", "the coming years": "FUTURE_REF",
         "the years ahead": "FUTURE_REF", "the coming decades": "FUTURE_REF"}
_MOD = re.compile(r"^(?:(?:early|earlier|late|later|mid|middle|the\s+(?:end|beginning|start|middle|close|turn|rest)\s+of)"
                  r"(?:\s+|-))+(?=\S)", re.I)
_REL = re.compile(r"^(?P<which>this|last|next|past|previous|coming|current|the\s+current|the\s+coming|the\s+previous|"
                  r"the\s+following|the\s+same|that)\s+(?P<unit>year|month|week|weekend|quarter|fiscal\s+year|"
                  r"summer|winter|spring|autumn|fall|century|decade)$", re.I)
_QUARTER = re.compile(r"^(?:the\s+)?(?:(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+quarter|"
                      r"q(?P<qn>[1-4]))(?:\s+of)?(?:\s+(?:the\s+)?(?:fiscal\s+(?:year\s+)?)?(?P<year>\d{4}|this\s+year|"
                      r"last\s+year|next\s+the\s+year|the\s+year|the\s+fiscal\s+year))?$", re.I)
_HALF = re.compile(r"^(?:the\s+)?(?:(?P<ord>first|second|1st|2nd)[\s-]+half|h(?P<hn>[12]))(?:\s+of)?(?:\s+(?:the\s+)?"
                   r"(?:fiscal\s+(?:year\s+)?)?(?P<year>\d{4}|this\s+year|last\s+year|next\s+year|the\s+year))?$", re.I)
_FISCAL = re.compile(r"^(?:fiscal(?:\s+year)?|fy)\s*(?P<year>\d{4}|'?\d{2})(?:[-/]\d{2,4})?$", re.I)
_SEASON = re.compile(r"^(?:the\s+)?(?P<season>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(?P<year>\d{4}))?$", re.I)
_DECADE = re.compile(r"^(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:(?P<c>1[0-9]|20)(?P<d>[0-9])0|'?(?P<s>[0-9])0)'?s$", re.I)
_CENTURY = re.compile(r"^(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)[\s-]+century$", re.I)
_CENTURY_WORDS = {"first": 1, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "21st": 21}
_YEAR = re.compile(r"^(?:the\s+year\s+)?(?P<year>1\d{3}|20\d{2})$", re.I)
_TIME = re.compile(r"^(?:at\s+)?(?:(?:about|around|approximately|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?"
                   r"(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*(?P<ampm>a\.?m\.?|p\.?m\.?)?(?:\s+(?:local\s+time|gmt|utc|[a-z]{2,4}t))?$", re.I)
_NAMED_TIMES = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}
_RELATIVE_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0, "overnight": 0}
_UNRESOLVED = re.compile(r"^the\s+(?:day|week|month|year|night|morning|evening)\s+(?:before|after|earlier|later|prior)(?:\s+.+)?$|"
                         r"^the\s+(?:(?:following|previous|preceding|prior)\s+(?:day|week|month|year|morning|evening|night)|next\s+(?:day|morning|evening))$|"
                         r"^(?:that|the\s+same|that\s+same)\s+(?:week|month|year|morning|evening|night|afternoon)$", re.I)


@dataclass(frozen=True)
class Resolution:
    """A TIMEX3 type and value, and the event it makes: ``(date, precision, derived, explanation)`` or None."""

    type: str
    value: str
    event: tuple | None = None
    time: str | None = None  # "07:45" or "afternoon", shown with the day on the timeline


@dataclass(frozen=True)
class Context:
    anchor: date | None
    tense: str | None = None  # future | past | present | None
    last_day: date | None = None  # the last day the text named explicitly
    quantity_before: bool = False  # "five billion dollars [a year]"
    noun_after: str | None = None  # "66-year-old [alliance]"


def _human_anchor(anchor: date) -> str:
    return f"{anchor.day} {anchor:%b %Y}"


def _unit(word: str) -> str:
    word = word.lower()
    return tv.UNIT_WORDS.get(word, tv.UNIT_WORDS.get(word.rstrip("s"), word))


def _pick(candidates: list[date], anchor: date, tense: str | None, weekday: bool = False) -> date:
    """Of the same day/month in different years (or weeks), the one in the clause's direction."""
    past = [c for c in candidates if c <= anchor]
    future = [c for c in candidates if c >= anchor]
    if tense == "future" and future:
        return min(future)
    if tense == "past" or (weekday and tense != "present") or not future:
        return max(past) if past else min(future)
    if not past:
        return min(future)
    before, after = max(past), min(future)
    return after if (after - anchor) < (anchor - before) else before


def resolve(text: str, ctx: Context) -> Resolution | None:
    """The TIMEX3 reading of one expression (prepositions already stripped), or None if it is not one."""
    low = " ".join(text.lower().replace("\u2019", "'").split()).strip(" ,.;:")
    low = re.sub(r"'s$", "", low)
    for rule in (_ref, _age, _ago, _unresolved, _span, _set, _the_day, _relative_day, _time_of_day, _weekday,
                 _modified, _relative, _quarter, _half, _fiscal, _season, _decade, _century, _year, _calendar,
                 _duration):
        found = rule(low, text, ctx)
        if found is not None:
            return found or None  # False: "recognised, but not a temporal expression"
    return None


def _ref(low, text, ctx):
    return Resolution("DATE", _REFS[low]) if low in _REFS else None


def _age(low, text, ctx):
    m = _AGE.match(low)
    if not m:
        return None
    n, unit = count(m.group("n")), _unit(m.group("unit"))
    if n is None or n > 1000:
        return False
    res = Resolution("DURATION", tv.duration(n, unit))
    noun = ctx.noun_after
    if ctx.anchor is None or unit not in {"year", "decade"} or noun is None or noun in PERSON_NOUNS or (
            noun.endswith(("er", "or", "ist", "ian"))):
        return res  # a person's age is no event
    years = int(n) * (10 if unit == "decade" else 1)
    found = tv.back(ctx.anchor, years, "year")
    if found is None:
        return res
    how = f"'{text} {noun}', {years} years before {_human_anchor(ctx.anchor)}"
    return Resolution(res.type, res.value, (found[0], "year", True, how))


def _ago(low, text, ctx):
    m = _AGO.match(low)
    if not m:
        return None
    unit = _unit(m.group("unit"))
    if m.group("n") is None or count(m.group("n")) is None:
        forward = m.group("dir") in {"later", "after", "from now", "hence"}
        if m.group("n") is None and not (unit in {"year", "decade", "century", "month"} and m.group("dir") == "ago"):
            return False
        return Resolution("DATE", "FUTURE_REF" if forward else "PAST_REF")  # "years ago", "a few days later"
    n = count(m.group("n"))
    if m.group("n").strip()[0].isdigit() and n != 1 and not m.group("unit").lower().endswith("s"):
        return False  # "89,300 week ago": a table column, not a date
    if ctx.anchor is None or unit not in {"year", "decade", "century", "month", "week", "day", "night"}:
        return Resolution("DATE", "XXXX-XX-XX")
    forward = m.group("dir") in {"later", "after", "from now", "hence"}
    if not float(n).is_integer():
        return Resolution("DATE", "FUTURE_REF" if forward else "PAST_REF")
    n = int(n)
    found = tv.back(ctx.anchor, -n if forward else n, unit)
    if found is None:
        return False
    value, precision = found
    if precision == "century":
        return Resolution("DATE", value)
    how = f"'{text}', {n} {unit}{'s' if n != 1 else ''} {'after' if forward else 'before'} {_human_anchor(ctx.anchor)}"
    event_value = f"{value}0s" if precision == "decade" else value
    return Resolution("DATE", value, (event_value, precision, True, how))


def _span(low, text, ctx):
    m = _SPAN.match(low)
    if not m:
        return None
    unit, which = _unit(m.group("unit")), m.group("which")
    plural = m.group("unit").lower().endswith("s")
    if m.group("n") is None:
        if which in {"last", "next", "past", "previous", "coming"} and not low.startswith("the") and not plural:
            return None  # "last year", "next week": dates (see _relative)
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
            how = f"'{text}', {int(n)} {unit}{'s' if n != 1 else ''} before {_human_anchor(ctx.anchor)}"
            if precision == "decade":
                value, precision = str(ctx.anchor.year - 10 * int(n)), "year"
            return Resolution(res.type, res.value, (value, precision, True, how))
    return res


def _set(low, text, ctx):
    if low in _SET_ADV:
        return Resolution("SET", _SET_ADV[low])
    m = _SET.match(low)
    if not m:
        return None
    every = re.match(r"(?:(?:\S+\s+times|once|twice|thrice)\s+)?(every|each|per)\b", low)
    if not every and not (ctx.quantity_before or m.group("n")):
        return None  # "a year" alone is a duration
    if m.group("wd"):
        return Resolution("SET", f"XXXX-WXX-{WEEKDAYS.index(m.group('wd').lower()) + 1}")
    k = m.group("k")
    n = 2 if k and k.strip() == "other" else (count(k) if k else 1)
    return Resolution("SET", tv.duration(n, _unit(m.group("unit"))))


def _unresolved(low, text, ctx):
    m = _UNRESOLVED.match(low)
    if not m:
        return None
    unit = re.search(r"day|week|month|year|morning|evening|night|afternoon", low).group()
    value = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX"}.get(unit)
    if value is None:
        return Resolution("TIME", f"XXXX-XX-XXT{tv.PARTS_OF_DAY.get(unit, 'DT')}")
    return Resolution("DATE", value)


def _the_day(low, text, ctx):
    if low not in {"the day", "that day", "the same day", "that same day", "this day"}:
        return None
    day = ctx.last_day if low != "this day" else ctx.anchor
    if day is None:
        return Resolution("DATE", "XXXX-XX-XX") if low != "the day" else False
    how = f"'{text}' refers back to {_human_anchor(day)}"
    return Resolution("DATE", tv.day(day), (tv.day(day), "day", False, how))


def _day_event(d: date, text: str, how: str, part: str | None = None, clock: str | None = None) -> Resolution:
    if clock:
        return Resolution("TIME", f"{tv.day(d)}T{clock}", (tv.day(d), "day", False, how), clock)
    if part:
        return Resolution("TIME", f"{tv.day(d)}T{part}", (tv.day(d), "day", False, how), tv.PART_NAMES[part])
    return Resolution("DATE", tv.day(d), (tv.day(d), "day", False, how))


_PART = r"(?:\s+(?:morning|afternoon|evening|night)|\s+at\s+[\d:.]+\s*(?:a\.?m\.?|p\.?m\.?)?)?"


def _split_part(low: str) -> tuple[str, str | None, str | None]:
    """"friday afternoon" -> ("friday", "AF", None); "tuesday at 7:45 am" -> ("tuesday", None, "07:45")."""
    m = re.match(r"^(?P<rest>.+?)\s+(?:(?P<part>morning|afternoon|evening|night|overnight)|(?:at\s+)?(?P<clock>[\d:.]+\s*(?:a\.?m\.?|p\.?m\.?)|noon|midnight))$", low)
    if not m:
        m2 = re.match(r"^(?P<clock>[\d:.]+\s*(?:a\.?m\.?|p\.?m\.?)|noon|midnight)\s+(?:on\s+)?(?P<rest>.+)$", low)
        if not m2 or _clock(m2.group("clock")) is None:
            return low, None, None
        return m2.group("rest"), None, _clock(m2.group("clock"))
    clock = _clock(m.group("clock")) if m.group("clock") else None
    if m.group("clock") and clock is None:
        return low, None, None
    return m.group("rest"), (tv.PARTS_OF_DAY[m.group("part")] if m.group("part") else None), clock


def _clock(words: str) -> str | None:
    if words in _NAMED_TIMES:
        return _NAMED_TIMES[words]
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


def _relative_day(low, text, ctx):
    rest, part, clock = _split_part(low)
    if low in {"this morning", "this afternoon", "this evening", "last night", "last evening"}:
        rest, part = ("yesterday" if low.startswith("last") else "today"), tv.PARTS_OF_DAY[low.split()[-1]]
    if rest not in _RELATIVE_DAYS or ctx.anchor is None:
        return None
    if low in {"tonight", "overnight"}:
        part = "NI"
    d = ctx.anchor + timedelta(days=_RELATIVE_DAYS[rest])
    return _day_event(d, text, f"'{text}' from {_human_anchor(ctx.anchor)}", part, clock)


def _time_of_day(low, text, ctx):
    clock = _clock(low)
    if clock is None:
        return None
    d = ctx.last_day or ctx.anchor
    if d is None:
        return Resolution("TIME", f"XXXX-XX-XXT{clock}")
    return Resolution("TIME", f"{tv.day(d)}T{clock}", None, clock)


def _weekday(low, text, ctx):
    rest, part, clock = _split_part(low)
    words = rest.replace(",", " ").split()
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
        how = f"'{text}' relative to {_human_anchor(anchor)}"
    elif which in {"last", "this"}:
        d = anchor - timedelta(days=(anchor.weekday() - target) % 7 or (7 if which == "last" else 0))
        if which == "this" and ctx.tense == "future":
            d = anchor + timedelta(days=(target - anchor.weekday()) % 7)
        how = f"'{text}' relative to {_human_anchor(anchor)}"
    else:
        ahead = anchor + timedelta(days=(target - anchor.weekday()) % 7)
        behind = anchor - timedelta(days=(anchor.weekday() - target) % 7)
        d = _pick([behind, ahead], anchor, ctx.tense, weekday=True)
        if d == ahead and d != anchor:
            how = f"'{text}', the next {name} on or after {_human_anchor(anchor)} (future tense)"
        else:
            how = f"'{text}', the most recent {name} on or before {_human_anchor(anchor)}"
    return _day_event(d, text, how, part, clock)


def _modified(low, text, ctx):
    """"early December", "mid-2011", "late last year", "the end of the month": the value of what is modified."""
    m = _MOD.match(low)
    if not m or m.end() == len(low):
        return None
    rest = low[m.end():].strip()
    if rest in {"this", "last", "next"} or rest.startswith(("the day", "the week")):
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


def _relative(low, text, ctx):
    low = re.sub(r"^(?:earlier|later)\s+(?=this|last|next)", "", low)
    if low == "the weekend" and ctx.anchor is not None:  # the coming one when the clause points forward
        low = "next weekend" if ctx.tense == "future" and ctx.anchor.weekday() < 5 else (
            "this weekend" if ctx.anchor.weekday() >= 5 or ctx.tense == "future" else "last weekend")
    m = _REL.match(low)
    if not m:
        return None
    which, unit = m.group("which").replace("the ", ""), m.group("unit")
    if which in {"following", "previous", "same", "that"} and low.startswith(("the", "that")) and unit != "year":
        return _unresolved(f"the next {unit}", text, ctx) or False
    if which in {"same", "that"}:
        return Resolution("DATE", "XXXX")
    anchor = ctx.anchor
    if anchor is None:
        return Resolution("DATE", "XXXX-XX-XX")
    delta = {"this": 0, "current": 0, "coming": 1, "next": 1, "following": 1}.get(which, -1)
    how = f"'{text}' relative to {_human_anchor(anchor)}"
    if unit == "year":
        return Resolution("DATE", str(anchor.year + delta), (str(anchor.year + delta), "year", False, how))
    if unit == "month":
        y, mo = tv.shift_month(anchor.year, anchor.month, delta)
        return Resolution("DATE", tv.month(y, mo), (tv.month(y, mo), "month", False, how))
    if unit in {"week", "weekend"}:
        w = tv.week(anchor + timedelta(weeks=delta))
        return Resolution("DATE", w + ("-WE" if unit == "weekend" else ""), (w, "week", False, how))
    if unit == "quarter":
        index = anchor.year * 4 + tv.quarter_of(anchor) - 1 + delta
        return Resolution("DATE", f"{index // 4}-Q{index % 4 + 1}")
    if unit == "fiscal year":
        return Resolution("DATE", f"FY{anchor.year + delta}")
    if unit == "decade":
        return Resolution("DATE", f"{anchor.year // 10 + delta:03d}")
    if unit == "century":
        return Resolution("DATE", f"{anchor.year // 100 + delta:02d}")
    return Resolution("DATE", _season_value(tv.SEASONS[unit], which, anchor))


_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _season_value(code: str, which: str, anchor: date) -> str:
    """Last summer: the latest one over by publication; this summer: the one of this year; next: the first ahead."""
    starts = [date(y, _SEASON_START[code], 21) for y in range(anchor.year - 2, anchor.year + 2)]
    if which in {"last", "past", "previous"}:
        start = max(s for s in starts if tv.shift_month(s.year, s.month, 3) <= (anchor.year, anchor.month))
    elif which in {"next", "coming"}:
        start = min(s for s in starts if s > anchor)
    else:
        start = starts[1] if code == "WI" and anchor.month <= 3 else starts[2]
    return f"{start.year}-{code}"


def _year_words(words: str | None, anchor: date | None) -> int | None:
    if not words:
        return None
    if words.isdigit():
        return int(words)
    if anchor is None:
        return None
    return anchor.year + {"this year": 0, "the year": 0, "last year": -1, "next year": 1, "the fiscal year": 0}.get(words, 0)


def _period(low, ctx, pattern, count_of, size, letter):
    m = pattern.match(low)
    if not m:
        return None
    n = count_of(m)
    year = _year_words(m.group("year"), ctx.anchor)
    if year is None:
        if ctx.anchor is None:
            return Resolution("DATE", f"XXXX-{letter}{n}")
        current = (ctx.anchor.month - 1) // size + 1
        year = ctx.anchor.year if (n <= current or ctx.tense == "future") else ctx.anchor.year - 1
    return Resolution("DATE", f"{year}-{letter}{n}")


def _quarter(low, text, ctx):
    return _period(low, ctx, _QUARTER, lambda m: int(m.group("qn") or tv.ORDINALS[m.group("ord")]), 3, "Q")


def _half(low, text, ctx):
    m = _HALF.match(low)
    if m and m.group("year") is None and not m.group("hn") and "-" not in low:
        return None  # "the first half" of a match or of a speech
    return _period(low, ctx, _HALF, lambda m: int(m.group("hn") or tv.ORDINALS[m.group("ord")]), 6, "H")


def _fiscal(low, text, ctx):
    m = _FISCAL.match(low)
    if not m:
        return None
    year = m.group("year").lstrip("'")
    if len(year) == 2:
        year = ("20" if int(year) < 50 else "19") + year
    return Resolution("DATE", f"FY{year}")


def _season(low, text, ctx):
    m = _SEASON.match(low)
    if not m:
        return None
    code = tv.SEASONS[m.group("season")]
    if m.group("year"):
        return Resolution("DATE", f"{m.group('year')}-{code}")
    if ctx.anchor is None or (m.group("season") == "fall" and not low.startswith("the")):
        return False if m.group("season") == "fall" else Resolution("DATE", f"XXXX-{code}")
    starts = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
    candidates = [date(y, starts[code], 21) for y in (ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1)]
    if code == "WI" and ctx.anchor.month <= 3:
        candidates.append(ctx.anchor)
    chosen = _pick(candidates, ctx.anchor, ctx.tense or "present")
    year = chosen.year if not (code == "WI" and chosen == ctx.anchor) else ctx.anchor.year - 1
    return Resolution("DATE", f"{year}-{code}")


def _decade(low, text, ctx):
    m = _DECADE.match(low)
    if not m:
        return None
    if m.group("s") is not None:
        digit = m.group("s")
        century = "19" if digit != "0" and (ctx.anchor is None or int(digit) * 10 > ctx.anchor.year % 100) else "20"
        value = f"{century}{digit}"
    else:
        value = f"{m.group('c')}{m.group('d')}"
    how = f"'{text}'"
    return Resolution("DATE", value, (f"{value}0s", "decade", False, how))


def _century(low, text, ctx):
    m = _CENTURY.match(low)
    if m:
        n = int(m.group("n"))
    else:
        words = re.match(r"^(?:the\s+)?(\S+)\s+century$", low)
        if not words or words.group(1) not in _CENTURY_WORDS:
            return None
        n = _CENTURY_WORDS[words.group(1)]
    return Resolution("DATE", f"{n - 1:02d}") if 1 <= n <= 30 else False


def _year(low, text, ctx):
    m = _YEAR.match(low)
    if not m:
        return None
    return Resolution("DATE", m.group("year"), (m.group("year"), "year", False, f"'{text}'"))


_MONTH_DAY = re.compile(r"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:(?P<m1>[a-z]+\.?)\s*(?P<d1>\d{1,2})(?:st|nd|rd|th)?(?:[-–]\d{1,2})?|"
                        r"(?:the\s+)?(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>[a-z]+\.?))"
                        r"(?:,?\s+(?P<year>1\d{3}|20\d{2}))?$")
_MONTH_YEAR = re.compile(r"^(?:(?P<which>last|next|this|coming|past)\s+)?(?P<m>[a-z]+\.?)(?:,?\s+(?:of\s+)?(?P<year>1\d{3}|20\d{2}))?$")
_ISO = re.compile(r"^(?P<y>1\d{3}|20\d{2})-(?P<m>\d{2})-(?P<d>\d{2})$")


def _calendar(low, text, ctx):
    """"July", "Dec. 17", "17 December 2019", "February 2019", "2019-11-19"."""
    iso = _ISO.match(low)
    if iso:
        y, mo, d = (int(iso.group(k)) for k in "ymd")
        return _day_event(date(y, mo, d), text, f"'{text}'")
    m = _MONTH_DAY.match(low)
    if m:
        mo = month_number(m.group("m1") or m.group("m2"))
        d = int(m.group("d1") or m.group("d2"))
        if mo is None or not 1 <= d <= 31:
            return None
        if m.group("year"):
            return _day_event(date(int(m.group("year")), mo, d), text, f"'{text}'")
        if ctx.anchor is None:
            return Resolution("DATE", f"XXXX-{mo:02d}-{d:02d}")
        candidates = []
        for y in (ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1):
            try:
                candidates.append(date(y, mo, d))
            except ValueError:
                continue
        if not candidates:
            return False
        chosen = _pick(candidates, ctx.anchor, ctx.tense)
        how = f"'{text}', the nearest such day {'after' if chosen > ctx.anchor else 'before'} {_human_anchor(ctx.anchor)}"
        return _day_event(chosen, text, how)
    m = _MONTH_YEAR.match(low)
    if m and month_number(m.group("m")) and (m.group("m") in MONTHS or m.group("year")):
        mo = month_number(m.group("m"))
        if m.group("year"):
            value = tv.month(int(m.group("year")), mo)
            return Resolution("DATE", value, (value, "month", False, f"'{text}'"))
        if ctx.anchor is None:
            return Resolution("DATE", f"XXXX-{mo:02d}")
        first = ctx.anchor.replace(day=1)
        candidates = [date(y, mo, 1) for y in range(ctx.anchor.year - 1, ctx.anchor.year + 2)]
        which = m.group("which")
        if which in {"last", "past"}:
            chosen = max(c for c in candidates if c < first)
        elif which in {"next", "coming"}:
            chosen = min(c for c in candidates if c > first)
        elif which == "this":
            chosen = date(ctx.anchor.year, mo, 1)
        else:
            chosen = _pick(candidates, first, ctx.tense)
        direction = "on or after" if chosen > ctx.anchor.replace(day=1) else "on or before"
        value = tv.month(chosen.year, mo)
        how = f"'{text}', the nearest {MONTHS[mo - 1].capitalize()} {direction} {_human_anchor(ctx.anchor)}"
        return Resolution("DATE", value, (value, "month", False, how))
    if any(ch.isdigit() for ch in low) and re.search(r"\b(1\d{3}|20\d{2})\b", low) and any(
            month_number(w) for w in re.findall(r"[a-z]+\.?", low)):
        data = _explicit_parser().get_date_data(text)
        if data.date_obj is not None:
            d = data.date_obj.date()
            if data.period == "month":
                return Resolution("DATE", tv.month(d.year, d.month), (tv.month(d.year, d.month), "month", False, f"'{text}'"))
            if data.period == "year":
                return Resolution("DATE", str(d.year), (str(d.year), "year", False, f"'{text}'"))
            return _day_event(d, text, f"'{text}'")
    return None


@lru_cache(maxsize=1)
def _explicit_parser():
    from dateparser.date import DateDataParser  # noqa: PLC0415 - costly import, needed only on a cold build

    return DateDataParser(languages=["en"], settings={"PARSERS": ["absolute-time"], "RETURN_TIME_AS_PERIOD": True,
                                                        "PREFER_DAY_OF_MONTH": "first", "DATE_ORDER": "DMY"})


def _duration(low, text, ctx):
    m = _DURATION.match(low)
    if not m:
        return None
    unit, plural = _unit(m.group("unit")), m.group("unit").lower().endswith("s")
    raw = (m.group("n") or "").strip()
    if not raw:
        if not plural and not re.match(r"^(?:the\s+)?" + _HEDGE, low).group().strip() and not low.startswith("a "):
            return None  # "year", "the week": not a duration
        if not plural:
            return Resolution("DURATION", tv.duration(1, unit)) if low.startswith("a ") or "a " in low else None
        return Resolution("DURATION", tv.duration(None, unit))
    n = count(raw)
    if n is None:
        if re.search(r"several|few|many|couple|some|number", raw):
            return Resolution("DURATION", tv.duration(None, unit))
        return False
    if raw[0].isdigit() and n != 1 and not plural and not m.group("n").endswith("-"):
        return False  # "89,300 week": a table ("10-year plan" is fine)
    if n > {"year": 1000, "decade": 100, "century": 30}.get(unit, 100000):
        return False
    if ctx.quantity_before and n == 1 and not plural and low.startswith(("a ", "an ")):
        return Resolution("SET", tv.duration(1, unit))
    return Resolution("DURATION", tv.duration(n, unit))
