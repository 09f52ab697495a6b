"""Named periods longer than a month: quarters, halves, fiscal years, seasons, decades, centuries and years. A
quarter, half or season without a year is the nearest one in the clause's direction.
"""

from __future__ import annotations

import re
from datetime import date

from . import values as tv
from . import vocabulary as voc
from .context import Resolution, pick, year_words
from .registry import DAY, resolver


_QUARTER = re.compile(r"^(?:the\s+)?(?:(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+quarter|"
                      r"q(?P<qn>[1-4]))(?:\s+of)?(?:\s+(?:the\s+)?(?:fiscal\s+(?:year\s+)?)?(?P<year>\d{4}|this\s+year|"
                      r"last\s+year|next\s+year|the\s+year|the\s+fiscal\s+year))?$", re.I)
_HALF = re.compile(r"^(?:the\s+)?(?:(?P<ord>first|second|last|1st|2nd)[\s-]+half|h(?P<hn>[12]))(?:\s+of)?(?:\s+(?:the\s+)?"
                   r"(?:fiscal\s+(?:year\s+)?)?(?P<year>\d{4}|this\s+year|last\s+year|next\s+year|the\s+year))?$", re.I)
_FISCAL = re.compile(r"^(?:fiscal(?:\s+year)?|fy)\s*(?P<year>\d{4}|'?\d{2})(?:[-/]\d{2,4})?$", re.I)
_SEASON = re.compile(rf"^(?:the\s+)?(?P<season>{voc.SEASON_WORDS})(?:\s+(?:of\s+)?(?P<year>\d{{4}}))?$", re.I)
_DECADE = re.compile(r"^(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:(?P<c>1[0-9]|20)(?P<d>[0-9])0|'?(?P<s>[0-9])0)'?s$",
                     re.I)
_CENTURY = re.compile(r"^(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)[\s-]+century$", re.I)
_CENTURY_WORDS = {"first": 1, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "21st": 21}
_YEAR = re.compile(rf"^(?:the\s+year\s+)?(?P<year>{voc.YEAR})$", re.I)


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


def _period(low, ctx, pattern, count_of, size, letter):
    m = pattern.match(low)
    if not m:
        return None
    n = count_of(m)
    year = year_words(m.group("year"), ctx.anchor)
    if year is None:
        if ctx.anchor is None:
            return Resolution("DATE", f"XXXX-{letter}{n}")
        current = (ctx.anchor.month - 1) // size + 1
        year = ctx.anchor.year if (n <= current or ctx.tense == "future") else ctx.anchor.year - 1
    return Resolution("DATE", f"{year}-{letter}{n}")



@resolver("quarter", order=180, examples=[
    ("the third quarter", DAY, "past", "DATE", "2019-Q3"),
    ("Q1 2018", DAY, "past", "DATE", "2018-Q1"),
    ("the latest quarter", DAY, "past", "DATE", "2019-Q3"),
    ("the quarter", DAY, "past", "DATE", "XXXX-QX", {"fiscal": True}),
])
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



# "the first two quarters of 2022": its first half
_TWO_QUARTERS = re.compile(r"^(?P<the>the\s+)?(?P<which>first|last|final)\s+two\s+quarters\b")
_HALF_NUMBER = {"first": 1, "second": 2, "1st": 1, "2nd": 2, "last": 2}


@resolver("half", order=190, examples=[
    ("the first half of 2018", DAY, "past", "DATE", "2018-H1"),
    ("the first two quarters of 2022", DAY, "future", "DATE", "2022-H1"),
    ("the second half", DAY, "present", "DATE", "2019-H2", {"business": True}),
    ("the second half", DAY, "past", None, None),
])
def read_half(low, text, ctx):
    low = _TWO_QUARTERS.sub(lambda m: f"{m['the'] or ''}{'first' if m['which'] == 'first' else 'second'} half", low)
    m = _HALF.match(low)
    if m and m.group("year") is None and not m.group("hn") and "-" not in low and not ctx.business:
        return None  # "the first half" of a match or of a speech
    return _period(low, ctx, _HALF, lambda m: int(m.group("hn") or _HALF_NUMBER[m.group("ord")]), 6, "H")



@resolver("fiscal", order=200, examples=[
    ("fiscal 2020", DAY, "future", "DATE", "FY2020"),
    ("FY19", DAY, "past", "DATE", "FY2019"),
    ("fiscal year 2018-19", DAY, "past", "DATE", "FY2018"),
])
def read_fiscal(low, text, ctx):
    m = _FISCAL.match(low)
    if not m:
        return None
    year = m.group("year").lstrip("'")
    if len(year) == 2:
        year = ("20" if int(year) < 50 else "19") + year
    return Resolution("DATE", f"FY{year}")



@resolver("season", order=210, examples=[
    ("summer 2016", DAY, "past", "DATE", "2016-SU"),
    ("the winter", DAY, "future", "DATE", "2019-WI"),
    ("fall", DAY, "past", None, None),  # declined: the verb, without "the" or a year
])
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



@resolver("decade", order=220, examples=[
    ("the 1990s", DAY, "past", "DATE", "199"),
    ("the late '80s", DAY, "past", "DATE", "198"),
    ("30s", DAY, "present", None, None),
])
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



@resolver("century", order=230, examples=[
    ("the 19th century", DAY, "past", "DATE", "18"),
    ("the twenty-first century", DAY, "present", "DATE", "20"),
    ("the 45th century", DAY, "future", None, None),
])
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



@resolver("year", order=240, examples=[
    ("2016", DAY, "past", "DATE", "2016"),
    ("nineteen ninety-six", DAY, "past", "DATE", "1996"),
    ("the year 1848", DAY, "past", "DATE", "1848"),
])
def read_year(low, text, ctx):
    m = _YEAR.match(low)
    if not m:
        return None
    return Resolution("DATE", m.group("year"), (m.group("year"), "year", False, f"'{text}'"))
