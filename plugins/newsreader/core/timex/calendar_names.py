"""Months and days by name: "July", "Dec. 17", "17 December 2019", "February 2019", "2019-11-19", fixed-date
holidays ("Christmas") and "the 14th" of a month. A month or day without its year is the nearest one in the clause's
direction (:func:`context.pick_year`).

Weekdays and clock times are read in :mod:`clock`, longer periods (quarters, seasons, years…) in :mod:`periods`.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from functools import lru_cache

from . import values as tv
from . import vocabulary as voc
from .values import month_number
from .vocabulary import MONTHS, WEEKDAYS
from .context import Resolution, day_event, human_anchor, pick, pick_year, year_words
from .registry import DAY, resolver


_MONTH_DAY = re.compile(rf"^(?:(?P<wd>{'|'.join(voc.WEEKDAY_STEMS)})"
                        r"day,?\s+)?(?:(?P<m1>[a-z]+\.?)\s*(?P<d1>\d{1,2})(?:st|nd|rd|th)?(?:[-–]\d{1,2})?|"
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


@resolver("calendar", order=260, examples=[
    ("Dec. 17", DAY, "future", "DATE", "2019-12-17"),
    ("3 February 2018", DAY, "past", "DATE", "2018-02-03"),
    ("July", DAY, "past", "DATE", "2019-07"),
    ("Christmas Eve", DAY, "future", "DATE", "2019-12-24"),
])
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
        year = year_words(m.group("year"), ctx.anchor)
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
        year = year_words(m.group("year"), ctx.anchor)
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


@resolver("day-of-month", order=170, examples=[
    ("the 14th", DAY, "past", "DATE", "2019-11-14"),
    ("the 3rd of next month", DAY, "future", "DATE", "2019-12-03"),
    ("the 14th", DAY, "past", "DATE", "2017-03-14", {"reference": "2017-03"}),
    ("the 31st of this month", DAY, "past", None, None),
])
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
