"""One temporal expression -> its TIMEX3 type and value (and, for calendar points, the event it makes).

:func:`resolve` reads the expression as news copy means it, relative to the publication date
(``anchor``) and to the direction of its clause (``tense``: ``future``, ``past``, ``present`` or None).
Counts and relative expressions are read here ("two weeks ago", "the past 28 years", "every week",
"late last year", "the day before the vote"); calendar names in :mod:`timex_calendar`. Derived
arithmetic stays within :func:`timex_values.plausible_year`.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from . import narrative
from . import values as tv
from . import vocabulary as voc
from .calendar_names import (Context, Resolution, read_calendar, read_century, read_day_of_month, read_decade,
                             read_fiscal, read_half, human_anchor, read_quarter, read_relative_day, read_season,
                             season_value, read_time_of_day, read_weekday, read_year)
from .holidays import read_movable_holiday
from .values import count
from .vocabulary import COUNT, HEDGE, MODIFIER_WORDS, UNIT, WEEKDAYS

__all__ = ["Context", "Resolution", "resolve"]

PERSON_NOUNS = frozenset(
    """
    man woman boy girl child kid baby teenager teen person people soldier officer student worker resident mother
    father son daughter husband wife brother sister driver suspect victim player man's woman's leader veteran
    migrant refugee farmer protester activist journalist reporter pilot sailor marine nurse doctor patient tourist
    """.split()
)
_AGE = re.compile(r"^(?P<n>[\w.]+(?:-[a-z]+)?)[-\s](?P<unit>year|month|week|day|decade)s?[-\s]old$", re.I)
_AGO = re.compile(rf"^{HEDGE}(?P<n>{COUNT}\s+)?(?:more\s+)?(?P<unit>{UNIT})\s+(?P<dir>ago|earlier|before|previously|"
                  rf"back|"
                  r"later|after|from\s+now|hence)$", re.I)
_SPAN = re.compile(rf"^(?:the\s+)?(?P<which>past|last|previous|next|coming|first|final|recent|following)\s+{HEDGE}"
                   rf"(?P<n>{COUNT}\s+)?(?P<unit>{UNIT})$", re.I)
_DURATION = re.compile(rf"^(?:the\s+|a\s+)?{HEDGE}(?P<n>{COUNT}[\s-]+|(?:a\s+)?(?:few|couple\s+of|number\s+of)\s+)?"
                       rf"(?:more\s+|full\s+|straight\s+|consecutive\s+|long\s+)?(?P<unit>{UNIT})(?:\s+(?:long|"
                       rf"straight|running|in\s+a\s+row))?$", re.I)
_SET = re.compile(rf"^(?:(?P<n>once|twice|thrice|{COUNT}\s+times)\s+)?(?:every|each|per|a|an)\s+(?P<k>other\s+|"
                  rf"{COUNT}\s+)?"
                  rf"(?P<unit>{UNIT}|(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?)$", re.I)
_SET_ADV = {"annually": "P1Y", "yearly": "P1Y", "monthly": "P1M", "weekly": "P1W", "daily": "P1D", "hourly": "PT1H",
            "quarterly": "P3M",
            "nightly": "P1D"}
_REFS = {"now": "PRESENT_REF", "right now": "PRESENT_REF", "just now": "PRESENT_REF", "currently": "PRESENT_REF",
         "nowadays": "PRESENT_REF", "at present": "PRESENT_REF", "presently": "PRESENT_REF",
         "the present": "PRESENT_REF", "these days": "PRESENT_REF", "recently": "PAST_REF", "lately": "PAST_REF",
         "the past": "PAST_REF", "the recent past": "PAST_REF", "the future": "FUTURE_REF",
         "the near future": "FUTURE_REF", "the distant future": "FUTURE_REF",
         "the foreseeable future": "FUTURE_REF", "years ago": "PAST_REF", "decades ago": "PAST_REF",
         "months ago": "PAST_REF", "centuries ago": "PAST_REF", "the coming years": "FUTURE_REF",
         "the years ahead": "FUTURE_REF", "the coming decades": "FUTURE_REF"}
_MOD = re.compile(rf"^(?:(?:{MODIFIER_WORDS})(?:\s+|-))+(?=\S)", re.I)
_REL = re.compile(r"^(?P<which>this|last|next|past|previous|coming|current|the\s+current|the\s+coming|the\s+previous|"
                  r"the\s+following|the\s+same|that)\s+(?P<unit>year|month|week|weekend|quarter|fiscal\s+year|"
                  r"summer|winter|spring|autumn|fall|century|decade)$", re.I)
_UNRESOLVED = re.compile(r"^the\s+(?:day|week|month|year|night|morning|evening)\s+(?:before|after|earlier|later|"
                         r"prior)(?:\s+.+)?$|"
                         r"^the\s+(?:(?:following|previous|preceding|prior)\s+(?:day|week|month|year|morning|evening|"
                         r"night)|next\s+(?:day|morning|evening))$|"
                         r"^(?:that|the\s+same|that\s+same)\s+(?:week|month|year|morning|evening|night|afternoon)$",
                         re.I)


# "a minute and a half", "two hours and a half": read as "one and a half minutes"
_HALF_AFTER = re.compile(r"\b(an?|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(second|minute|hour|day|week|"
                         r"month|year)s?\s+and\s+a\s+half\b")


def _unit(word: str) -> str:
    word = word.lower()
    return voc.UNIT_WORDS.get(word, voc.UNIT_WORDS.get(word.rstrip("s"), word))



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



def _age(low, text, ctx):
    m = _AGE.match(low)
    if not m:
        return None
    n, unit = count(m.group("n")), _unit(m.group("unit"))
    if n is None or n > 1000 or ctx.person:
        return False  # "a 29-year-old sergeant", "Smith, 61 years old", "the 27-year-old, who…": a person, not a time
    res = Resolution("DURATION", tv.duration(n, unit))
    noun = ctx.noun_after
    if ctx.person or ctx.anchor is None or unit not in {"year", "decade"} or noun is None or noun in PERSON_NOUNS or (
            noun.endswith(("er", "or", "ist", "ian"))):
        return res  # a person's age is no event
    years = int(n) * (10 if unit == "decade" else 1)
    found = tv.back(ctx.anchor, years, "year")
    if found is None:
        return res
    how = f"'{text} {noun}', {years} years before {human_anchor(ctx.anchor)}"
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
        if m.group("n") is not None and m.group("dir") in {"later", "earlier", "after", "before", "previously"}:
            return _distance(None, unit)  # "a few days later": a vague distance from the story's time, no date
        return Resolution("DATE", "FUTURE_REF" if forward else "PAST_REF")  # "years ago"
    n = count(m.group("n"))
    if m.group("n").strip()[0].isdigit() and n != 1 and not m.group("unit").lower().endswith("s"):
        return False  # "89,300 week ago": a table column, not a date
    forward = m.group("dir") in {"later", "after", "from now", "hence"}
    narrated = m.group("dir") not in {"ago", "back", "from now", "hence"}  # counts from the story's time
    if unit == "year" and float(n).is_integer():
        compared = _compared_period(text, ctx, int(n) if forward else -int(n), narrated)
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


def _compared_period(text: str, ctx, n: int, narrated: bool) -> Resolution | None:
    """"Profit rose in the third quarter … from $3 million a year earlier": ``n`` years from the quarter, half or
    month the text last named, at its grain (2018-Q3). "A year ago" counts so only in a sentence reporting figures
    about the period the article is about."""
    ref = ctx.reference
    if ctx.fiscal and (narrated or ctx.results):
        return Resolution("DATE", "XXXX")  # a year before a fiscal period: its months are not known, left unplaced
    if narrated and ref is not None:
        value = narrative.years_from_period(ref, n)
        how = narrative.describe(text, n, "year", ref)
    elif not narrated and n == -1 and ctx.results and ctx.period and ctx.anchor is not None and (
            ctx.anchor.year - 1 <= int(ctx.period[:4]) <= ctx.anchor.year):
        value = f"{int(ctx.period[:4]) - 1}{ctx.period[4:]}"
        how = f"'{text}', the same period a year before the {ctx.period} the report is about"
    else:
        return None
    if value is None:
        return None
    event = (value, "month", True, how) if re.fullmatch(r"\d{4}-\d{2}", value) else (value[:4], "year", True, how)
    return Resolution("DATE", value, event)


_REPORT = re.compile(r"^(?:the\s+)?(?:(?:comparable|corresponding|same)\s+)?(?:(?P<ago>year[-\s](?:ago|earlier))|"
                     rf"(?P<latest>latest|most\s+recent)|(?P<year>{voc.YEAR}))(?:\s+(?P<ord>first|second|third|"
                     r"fourth)[\s-]quarter|\s+(?P<what>period|quarter|half))?$")


# "the quarter a year earlier": the same groups as _REPORT, those it lacks matching empty
_REPORT_AGO = re.compile(r"^the\s+(?P<what>quarter|period|half)\s+(?P<ago>a\s+year\s+(?:ago|earlier))"
                         r"(?P<latest>)(?P<year>)(?P<ord>)$")


_YEARS_PERIOD = re.compile(rf"^(?:(?P<rel>this|last|next)\s+year|(?P<year>{voc.YEAR}))'s\s+"
                           r"(?:(?P<ord>first|second|third|fourth)[\s-](?P<what>quarter|half)|"
                           r"(?P<bare>quarter|period|half))$")


def _years_period(low, text, ctx):
    """"next year's first quarter" (2020-Q1), "last year's quarter" (the quarter the article reports on, a year
    before), "2018's second half"."""
    m = _YEARS_PERIOD.match(low)
    if not m:
        return None
    if m.group("year"):
        year = int(m.group("year"))
    elif ctx.anchor is not None:
        year = ctx.anchor.year + {"this": 0, "last": -1, "next": 1}[m.group("rel")]
    else:
        return False
    if m.group("ord"):
        n = voc.ORDINALS[m.group("ord")]
        if m.group("what") == "half" and n > 2:
            return False
        return Resolution("DATE", f"{year}-{'Q' if m.group('what') == 'quarter' else 'H'}{n}")
    base = ctx.period
    if base is None or ctx.fiscal:
        return Resolution("DATE", "XXXX-XX")  # read again once the article's periods are known
    if m.group("bare") != "period" and m.group("bare")[0].upper() != base[5]:
        return False
    return Resolution("DATE", f"{year}{base[4:]}")


def _report_period(low, text, ctx):
    """A results report's periods: "the year-ago quarter", "the year-earlier period", "the latest period", "the 2018
    period", and the adjective "year-earlier" ("a year-earlier loss"): the period the article last named (a quarter
    or half), a year before it or in the named year. Unread when the article has named no such period."""
    m = _REPORT.match(low) or _REPORT_AGO.match(low)
    if not m or (not m.group("ord") and m.group("what") is None and not (m.group("ago") and "-" in low)):
        return None
    if ctx.fiscal and not m.group("ord"):
        return Resolution("DATE", "XXXX-XX")  # "the year-ago period" of a fiscal quarter: its months are not known
    base = ctx.period
    if m.group("ord"):
        year = int(base[:4]) if base else (ctx.anchor.year if ctx.anchor else None)
        if year is None:
            return Resolution("DATE", "XXXX-XX")
        base = f"{year}-Q{voc.ORDINALS[m.group('ord')]}"
    if base is None and m.group("latest"):
        return None  # "the latest quarter" without a named one: read_quarter's
    if base is None:
        return Resolution("DATE", "XXXX-XX")  # read again once the article's periods are known (dropped if not)
    if (m.group("what") == "quarter" and "Q" not in base) or (m.group("what") == "half" and "H" not in base):
        return False
    if m.group("ago"):
        return Resolution("DATE", f"{int(base[:4]) - 1}{base[4:]}")
    if m.group("year"):
        return Resolution("DATE", f"{m.group('year')}{base[4:]}")
    return Resolution("DATE", base)


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


def _span(low, text, ctx):
    m = _SPAN.match(low)
    if not m:
        return None
    unit, which = _unit(m.group("unit")), m.group("which")
    plural = m.group("unit").lower().endswith("s")
    if m.group("n") is None:
        if which in {"last", "next", "past", "previous", "coming"} and not low.startswith("the") and not plural:
            return None  # "last year", "next week": dates (see _relative)
        if plural and which in {"coming", "recent"}:  # "the coming weeks", "in recent months"
            return Resolution("DATE", "FUTURE_REF" if which == "coming" else "PAST_REF")
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



def _set(low, text, ctx):
    if low == "quarterly" and ctx.noun_after:
        return False  # "quarterly results": a report's kind, not a recurrence
    if low in _SET_ADV:
        if ctx.quantity_before:
            return False  # "rose 8.5% annually", "10,000 units annually": a rate, part of the amount, no time
        return Resolution("SET", _SET_ADV[low])
    season = re.fullmatch(r"(?:every|each)\s+(spring|summer|autumn|fall|winter)", low)
    if season:
        return Resolution("SET", f"XXXX-{voc.SEASONS[season.group(1)]}")  # "every spring"
    month = re.fullmatch(r"(?:every|each)\s+([a-z]+)", low)
    if month and month.group(1) in voc.MONTHS:
        return Resolution("SET", f"XXXX-{voc.MONTHS.index(month.group(1)) + 1:02d}")  # "each July": not this July
    m = _SET.match(low)
    if not m:
        return None
    every = re.match(r"(?:(?:\S+\s+times|once|twice|thrice)\s+)?(every|each|per)\b", low)
    if not every and not m.group("n"):
        # "five billion dollars a year", "300,000 barrels a day": a rate, part of the amount, not a time a reader can
        # place; "a year" alone is a duration
        return False if ctx.quantity_before else None
    if m.group("wd"):
        return Resolution("SET", f"XXXX-WXX-{WEEKDAYS.index(m.group('wd').lower()) + 1}")
    k = m.group("k")
    n = 2 if k and k.strip() == "other" else (count(k) if k else 1)
    return Resolution("SET", tv.duration(n, _unit(m.group("unit"))))



_STEP = re.compile(r"^the\s+(following|next|previous|preceding|prior)\s+\w+$")


def _year_of_results(low, text, ctx):
    """"sales for the year", "profit for the full year": the year being reported (the last one early in a year)."""
    if low not in {"the year", "the full year"} or not ctx.business or ctx.anchor is None:
        return None
    closed = ctx.tense == "past" and ctx.anchor.month <= 2
    return Resolution("DATE", str(ctx.anchor.year - closed))


def _unresolved(low, text, ctx):
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


def _the_day(low, text, ctx):
    if low not in {"the day", "that day", "the same day", "that same day", "this day"}:
        return None
    day = ctx.last_day if low != "this day" else ctx.anchor
    if day is None:
        return Resolution("DATE", "XXXX-XX-XX") if low != "the day" else False
    how = f"'{text}' refers back to {human_anchor(day)}"
    return Resolution("DATE", tv.day(day), (tv.day(day), "day", False, how))



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


def _week_of(low, text, ctx):
    """"the first week of March": the week of its first day (the last week: of its last day)."""
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


def _relative(low, text, ctx):
    low = re.sub(r"^(?:earlier|later)\s+(?=this|last|next)", "", low)
    low = re.sub(r"^this\s+past\s+(?=spring|summer|autumn|fall|winter|week)", "past ", low)  # "this past spring"
    if low == "the weekend" and ctx.anchor is not None:  # the coming one when the clause points forward
        low = "next weekend" if ctx.tense == "future" and ctx.anchor.weekday() < 5 else (
            "this weekend" if ctx.anchor.weekday() >= 5 or ctx.tense == "future" else "last weekend")
    m = _REL.match(low)
    if not m:
        return None
    which, unit = m.group("which").replace("the ", ""), m.group("unit")
    if which in {"following", "previous", "same", "that"} and low.startswith(("the", "that")) and unit != "year":
        return _unresolved(low, text, ctx) or False  # "the following quarter", "that summer": not read
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
    return Resolution("DATE", season_value(voc.SEASONS[unit], which, anchor))



def _duration(low, text, ctx):
    m = _DURATION.match(low)
    if not m:
        return None
    unit, plural = _unit(m.group("unit")), m.group("unit").lower().endswith("s")
    raw = (m.group("n") or "").strip()
    if not raw:
        if not plural and not re.match(r"^(?:the\s+)?" + HEDGE, low).group().strip() and not low.startswith("a "):
            return None  # "year", "the week": not a duration
        if not plural:
            return Resolution("DURATION", tv.duration(1, unit)) if low.startswith("a ") or "a " in low else None
        if re.fullmatch(r"(?:the\s+)?[a-z]+", low):
            return False  # "for years", "weeks of talks", "in the days before": no length and no time a reader can use
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


# In this order: the first rule that recognises the expression reads it.
_RULES = (_ref, _age, _report_period, _years_period, _ago, _year_of_results, _unresolved, _span, _set, _the_day,
          read_relative_day, read_time_of_day, read_weekday, _week_of, _modified, _relative,
          read_day_of_month, read_quarter, read_half, read_fiscal, read_season, read_decade, read_century, read_year,
          read_movable_holiday, read_calendar, _duration)
