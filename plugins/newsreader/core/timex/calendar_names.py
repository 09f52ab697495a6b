"""Calendar readings of temporal expressions: weekdays, clock times and parts of the day, months and days,
quarters, halves, fiscal years, seasons, decades, centuries and years, each in the direction of its clause.

A month, day, season or quarter without a year is the nearest one in that direction (:func:`pick`); a
bare weekday is the most recent one unless the clause points forward.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from . import values as tv
from . import vocabulary as voc
from .values import month_number
from .vocabulary import MONTHS, WEEKDAYS, ZONES

if TYPE_CHECKING:
    from .narrative import Reference

_QUARTER = re.compile(r"^(?:the\s+)?(?:(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+quarter|"
                      r"q(?P<qn>[1-4]))(?:\s+of)?(?:\s+(?:the\s+)?(?:fiscal\s+(?:year\s+)?)?(?P<year>\d{4}|this\s+year|"
                      r"last\s+year|next\s+year|the\s+year|the\s+fiscal\s+year))?$", re.I)
_HALF = re.compile(r"^(?:the\s+)?(?:(?P<ord>first|second|1st|2nd)[\s-]+half|h(?P<hn>[12]))(?:\s+of)?(?:\s+(?:the\s+)?"
                   r"(?:fiscal\s+(?:year\s+)?)?(?P<year>\d{4}|this\s+year|last\s+year|next\s+year|the\s+year))?$", re.I)
_FISCAL = re.compile(r"^(?:fiscal(?:\s+year)?|fy)\s*(?P<year>\d{4}|'?\d{2})(?:[-/]\d{2,4})?$", re.I)
_SEASON = re.compile(r"^(?:the\s+)?(?P<season>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(?P<year>\d{4}))?$",
                     re.I)
_DECADE = re.compile(r"^(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:(?P<c>1[0-9]|20)(?P<d>[0-9])0|'?(?P<s>[0-9])0)'?s$",
                     re.I)
_CENTURY = re.compile(r"^(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)[\s-]+century$", re.I)
_CENTURY_WORDS = {"first": 1, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "21st": 21}
_YEAR = re.compile(rf"^(?:the\s+year\s+)?(?P<year>{voc.YEAR})$", re.I)
_TIME = re.compile(r"^(?:at\s+)?(?:(?:about|around|approximately|shortly\s+(?:before|after)|just\s+(?:before|"
                   r"after))\s+)?"
                   r"(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*(?P<ampm>a\.?m\.?|p\.?m\.?)?(?:\s+(?:local\s+time|gmt|utc|"
                   r"[a-z]{2,4}t))?$", re.I)
# a 24-hour clock written as four digits, which needs its zone or "hours": "0930 GMT", "1800 hours", "0530 local time"
_MILITARY = re.compile(rf"^(?:at\s+)?(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)\s*(?:hours|hrs|h|z|local\s+time|"
                       rf"{'|'.join(ZONES.split())})$", re.I)
_PART_AFTER = re.compile(r"^(?P<rest>.+?)\s+(?:(?P<part>morning|afternoon|evening|night|overnight)|"
                         r"(?:at\s+)?(?P<clock>[\d:.]+\s*(?:a\.?m\.?|p\.?m\.?)|noon|midnight))$")
_NAMED_TIMES = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}
_RELATIVE_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0, "overnight": 0}


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



def read_relative_day(low, text, ctx):
    rest, part, clock = _split_part(low)
    if low in {"this morning", "this afternoon", "this evening", "last night", "last evening"}:
        rest, part = ("yesterday" if low.startswith("last") else "today"), voc.PARTS_OF_DAY[low.split()[-1]]
    if low in {"the morning", "the afternoon", "the evening", "the night"} and ctx.anchor is not None:
        day = ctx.last_day or ctx.anchor  # the part of the day the text is about
        return Resolution("TIME", f"{tv.day(day)}T{voc.PARTS_OF_DAY[low[4:]]}", None, low[4:])
    if rest not in _RELATIVE_DAYS or ctx.anchor is None:
        return None
    if low in {"tonight", "overnight"}:
        part = "NI"
    d = ctx.anchor + timedelta(days=_RELATIVE_DAYS[rest])
    return day_event(d, text, f"'{text}' from {human_anchor(ctx.anchor)}", part, clock)



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



def read_weekday(low, text, ctx):
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



def season_value(code: str, which: str, anchor: date) -> str:
    """Last summer: the latest one over by publication; this summer: the one of this year; next: the first ahead."""
    starts = [date(y, voc.SEASON_START_MONTH[code], 21) for y in range(anchor.year - 2, anchor.year + 2)]
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
    return anchor.year + {"last year": -1, "next year": 1}.get(words, 0)



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



def read_quarter(low, text, ctx):
    if low in {"the quarter", "the latest quarter", "the most recent quarter", "the recent quarter"} and ctx.anchor:
        if ctx.fiscal:
            return Resolution("DATE", "XXXX-QX")  # a fiscal quarter's months are not known: left unplaced
        if ctx.period and "Q" in ctx.period and ctx.anchor.year - 1 <= int(ctx.period[:4]) <= ctx.anchor.year:
            return Resolution("DATE", ctx.period)  # the quarter the article reports on
        # the quarter a report is about: the last one completed, unless the clause points at the present one (never
        # "the latest quarter": one that is over)
        present = ctx.tense in {"present", "future"} and low == "the quarter"
        index = ctx.anchor.year * 4 + tv.quarter_of(ctx.anchor) - 1 - (0 if present else 1)
        return Resolution("DATE", f"{index // 4}-Q{index % 4 + 1}")
    return _period(low, ctx, _QUARTER, lambda m: int(m.group("qn") or voc.ORDINALS[m.group("ord")]), 3, "Q")



def read_half(low, text, ctx):
    m = _HALF.match(low)
    if m and m.group("year") is None and not m.group("hn") and "-" not in low and not ctx.business:
        return None  # "the first half" of a match or of a speech
    return _period(low, ctx, _HALF, lambda m: int(m.group("hn") or voc.ORDINALS[m.group("ord")]), 6, "H")



def read_fiscal(low, text, ctx):
    m = _FISCAL.match(low)
    if not m:
        return None
    year = m.group("year").lstrip("'")
    if len(year) == 2:
        year = ("20" if int(year) < 50 else "19") + year
    return Resolution("DATE", f"FY{year}")



def read_season(low, text, ctx):
    m = _SEASON.match(low)
    if not m:
        return None
    code = voc.SEASONS[m.group("season")]
    if m.group("year"):
        return Resolution("DATE", f"{m.group('year')}-{code}")
    if ctx.anchor is None or (m.group("season") == "fall" and not low.startswith("the")):
        return False if m.group("season") == "fall" else Resolution("DATE", f"XXXX-{code}")
    starts = voc.SEASON_START_MONTH
    candidates = [date(y, starts[code], 21) for y in (ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1)]
    if code == "WI" and ctx.anchor.month <= 3:
        candidates.append(ctx.anchor)
    chosen = pick(candidates, ctx.anchor, ctx.tense or "present")
    year = chosen.year if not (code == "WI" and chosen == ctx.anchor) else ctx.anchor.year - 1
    return Resolution("DATE", f"{year}-{code}")



def read_decade(low, text, ctx):
    m = _DECADE.match(low)
    if not m:
        return None
    if m.group("s") is not None:
        if "'" not in low and not low.startswith("the"):
            return None  # "in his 30s": an age, not a decade
        digit = m.group("s")
        # "the '80s": the latest such decade that has begun by publication (the 1980s before 2080)
        century = "20" if ctx.anchor is not None and 2000 + int(digit) * 10 <= ctx.anchor.year else "19"
        value = f"{century}{digit}"
    else:
        value = f"{m.group('c')}{m.group('d')}"
    how = f"'{text}'"
    return Resolution("DATE", value, (f"{value}0s", "decade", False, how))



def read_century(low, text, ctx):
    m = _CENTURY.match(low)
    if m:
        n = int(m.group("n"))
    else:
        words = re.match(r"^(?:the\s+)?(\S+)\s+century$", low)
        if not words or words.group(1) not in _CENTURY_WORDS:
            return None
        n = _CENTURY_WORDS[words.group(1)]
    return Resolution("DATE", f"{n - 1:02d}") if 1 <= n <= 30 else False



def read_year(low, text, ctx):
    m = _YEAR.match(low)
    if not m:
        return None
    return Resolution("DATE", m.group("year"), (m.group("year"), "year", False, f"'{text}'"))

_MONTH_DAY = re.compile(r"^(?:(?P<wd>mon|tues|wednes|thurs|fri|satur|"
                        r"sun)day,?\s+)?(?:(?P<m1>[a-z]+\.?)\s*(?P<d1>\d{1,2})(?:st|nd|rd|th)?(?:[-–]\d{1,2})?|"
                        r"(?:the\s+)?(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>[a-z]+\.?))"
                        rf"(?:,?\s+(?:of\s+)?(?P<year>{voc.YEAR}|last\s+year|this\s+year|next\s+year))?$")
_MONTH_YEAR = re.compile(r"^(?:(?P<which>last|next|this|coming|"
                         rf"past)\s+)?(?P<m>[a-z]+\.?)(?:,?\s+(?:of\s+)?(?P<year>{voc.YEAR}|last\s+year|"
                         r"this\s+year|next\s+year))?$")
_ISO = re.compile(rf"^(?P<y>{voc.YEAR})-(?P<m>\d{{2}})-(?P<d>\d{{2}})$")


_HOLIDAYS = {"christmas": "december 25", "christmas day": "december 25", "christmas eve": "december 24",
             "new year's day": "january 1", "new year's eve": "december 31", "valentine's day": "february 14",
             "halloween": "october 31", "independence day": "july 4", "boxing day": "december 26"}
_HOLIDAY = re.compile(r"^(?P<name>" + "|".join(re.escape(h) for h in _HOLIDAYS) + r")(?P<year>\s+(?:of\s+)?\d{4})?$")


def read_calendar(low, text, ctx):
    """"July", "Dec. 17", "17 December 2019", "February 2019", "2019-11-19", "Christmas" (a fixed-date holiday)."""
    holiday = _HOLIDAY.match(low)
    if holiday:
        low = _HOLIDAYS[holiday.group("name")] + (holiday.group("year") or "")
    iso = _ISO.match(low)
    if iso:
        y, mo, d = (int(iso.group(k)) for k in "ymd")
        return day_event(date(y, mo, d), text, f"'{text}'")
    m = _MONTH_DAY.match(low)
    if m:
        mo = month_number(m.group("m1") or m.group("m2"))
        d = int(m.group("d1") or m.group("d2"))
        if mo is None or not 1 <= d <= 31:
            return None
        year = _year_words(m.group("year"), ctx.anchor)
        if year is not None:
            return day_event(date(year, mo, d), text, f"'{text}'")
        if ctx.anchor is None:
            return Resolution("DATE", f"XXXX-{mo:02d}-{d:02d}")
        candidates = []
        for y in (ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1):
            try:
                candidates.append(date(y, mo, d))
            except ValueError:
                continue
        if m.group("wd"):  # "Sunday, March 3": the year in which that day is a Saturday
            weekday = WEEKDAYS.index(m.group("wd") + "day")
            candidates = [c for c in candidates if c.weekday() == weekday] or candidates
        if not candidates:
            return False
        chosen = pick_year(candidates, ctx.anchor, ctx.tense, ctx.deadline)
        side = "after" if chosen > ctx.anchor else "before"
        how = f"'{text}', the nearest such day {side} {human_anchor(ctx.anchor)}"
        return day_event(chosen, text, how)
    m = _MONTH_YEAR.match(low)
    if m and month_number(m.group("m")) and (m.group("m") in MONTHS or m.group("year")):
        mo = month_number(m.group("m"))
        year = _year_words(m.group("year"), ctx.anchor)
        if year is not None:
            value = tv.month(year, mo)
            return Resolution("DATE", value, (value, "month", False, f"'{text}'"))
        if ctx.anchor is None:
            return Resolution("DATE", f"XXXX-{mo:02d}")
        first = ctx.anchor.replace(day=1)
        candidates = [date(y, mo, 1) for y in range(ctx.anchor.year - 1, ctx.anchor.year + 2)]
        which = m.group("which")
        if which in {"last", "past"}:
            chosen = max(c for c in candidates if c < first)
            if which == "last" and tv.shift_month(chosen.year, chosen.month, 1) == (first.year, first.month):
                chosen = chosen.replace(year=chosen.year - 1)  # "last February" in March: not "last month", a year back
        elif which in {"next", "coming"}:
            chosen = min(c for c in candidates if c > first)
        elif which == "this":
            chosen = date(ctx.anchor.year, mo, 1)
        else:
            chosen = pick_year(candidates, first, ctx.tense, ctx.deadline)
        direction = "on or after" if chosen > ctx.anchor.replace(day=1) else "on or before"
        value = tv.month(chosen.year, mo)
        how = f"'{text}', the nearest {MONTHS[mo - 1].capitalize()} {direction} {human_anchor(ctx.anchor)}"
        return Resolution("DATE", value, (value, "month", False, how))
    if any(ch.isdigit() for ch in low) and re.search(rf"\b{voc.YEAR}\b", low) and any(
            month_number(w) for w in re.findall(r"[a-z]+\.?", low)):
        data = _explicit_parser().get_date_data(text)
        if data.date_obj is not None:
            d = data.date_obj.date()
            if data.period == "month":
                value = tv.month(d.year, d.month)
                return Resolution("DATE", value, (value, "month", False, f"'{text}'"))
            if data.period == "year":
                return Resolution("DATE", str(d.year), (str(d.year), "year", False, f"'{text}'"))
            return day_event(d, text, f"'{text}'")
    return None



@lru_cache(maxsize=1)
def _explicit_parser():
    from dateparser.date import DateDataParser  # noqa: PLC0415 - costly import, needed only on a cold build

    return DateDataParser(languages=["en"], settings={"PARSERS": ["absolute-time"], "RETURN_TIME_AS_PERIOD": True,
                                                        "PREFER_DAY_OF_MONTH": "first", "DATE_ORDER": "DMY"})


DAY_OF_MONTH = re.compile(r"^the\s+([1-9]|[12]\d|3[01])(?:st|nd|rd|th)(?:\s+of\s+(this|that|last|next|the)\s+month)?$")
_MONTH_STEP = {"this": 0, "last": -1, "next": 1}


def read_day_of_month(low, text, ctx):
    """"on the 14th": that day of the month the story is in, else of the month around publication in the
    clause's direction."""
    m = DAY_OF_MONTH.match(low)
    if not m:
        return None
    n, ref, which = int(m.group(1)), ctx.reference, m.group(2)
    if which in _MONTH_STEP and ctx.anchor is not None:  # "the 14th of next month"
        y, mo = tv.shift_month(ctx.anchor.year, ctx.anchor.month, _MONTH_STEP[which])
        if n > calendar.monthrange(y, mo)[1]:
            return False
        return day_event(date(y, mo, n), text, f"'{text}', from {human_anchor(ctx.anchor)}")
    if ref is not None and ref.serves("month"):
        try:
            d = date(ref.day.year, ref.day.month, n)
        except ValueError:
            return False
        return day_event(d, text, f"'{text}' of {ref.day:%B %Y}, the month the text last named")
    if ctx.anchor is None:
        return None
    months = [tv.shift_month(ctx.anchor.year, ctx.anchor.month, k) for k in (-1, 0, 1)]
    candidates = [date(y, mo, n) for y, mo in months if n <= calendar.monthrange(y, mo)[1]]
    d = pick(candidates, ctx.anchor, ctx.tense)
    return day_event(d, text, f"'{text}', the nearest such day to {human_anchor(ctx.anchor)} in the clause's direction")
