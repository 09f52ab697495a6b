"""The periods of a results report, named by their relation to the one it reports on ("a year-earlier loss", "the
comparable year-ago half", "the latest period", "next year's first quarter", "revenue for the year"), and "a year
earlier" said of the quarter, half or month the report is about.
"""

from __future__ import annotations

import re

from . import narrative
from . import vocabulary as voc
from .context import Resolution
from .registry import DAY, resolver


def compared_period(text: str, ctx, n: int, narrated: bool) -> Resolution | None:
    """"Profit rose in the third quarter … from $3 million a year earlier": ``n`` years from the quarter, half or
    month the text last named, at its grain (2018-Q3). "A year ago" counts so only in a sentence reporting figures
    about the period the article is about."""
    ref = ctx.reference
    if ctx.to_date and (ctx.period or ctx.anchor) and (narrated or ctx.results):
        year = int(ctx.period[:4]) if ctx.period else ctx.anchor.year
        how = f"'{text}', the same months of the year {n} year{'s' if abs(n) != 1 else ''} from {year}"
        return Resolution("DATE", str(year + n), (str(year + n), "year", True, how))
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


@resolver("years-period", order=40, examples=[
    ("next year's first quarter", DAY, "future", "DATE", "2020-Q1"),
    ("2018's second half", DAY, "past", "DATE", "2018-H2"),
    ("last year's quarter", DAY, "past", "DATE", "2018-Q3", {"period": "2019-Q3"}),
    ("this year's third half", DAY, "past", None, None),
])
def read_years_period(low, text, ctx):
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


@resolver("report-period", order=30, examples=[
    ("the year-ago quarter", DAY, "past", "DATE", "2018-Q3", {"period": "2019-Q3"}),
    ("the latest period", DAY, "past", "DATE", "2019-Q3", {"period": "2019-Q3"}),
    ("the year-earlier half", DAY, "past", "DATE", "2018-H1", {"period": "2019-H1"}),
])
def read_report_period(low, text, ctx):
    """A period named by its relation to the one reported ("the comparable year-ago half", "the latest period", "the
    2018 period", the adjective in "a year-earlier loss"): the quarter or half the article last named, a year before
    it or in the year given. Unread when the article has named no such period."""
    m = _REPORT.match(low) or _REPORT_AGO.match(low)
    if not m or (not m.group("ord") and m.group("what") is None and not (m.group("ago") and "-" in low)):
        return None
    if ctx.fiscal and not m.group("ord"):
        return Resolution("DATE", "XXXX-XX")  # "the year-ago period" of a fiscal quarter: its months are not known
    base = ctx.period
    if ctx.to_date and not m.group("ord") and m.group("what") in {None, "period"} and (base or m.group("year")):
        # "eight-month sales … against the 2018 period": those months of that year
        return Resolution("DATE", m.group("year") or str(int(base[:4]) - 1 if m.group("ago") else base[:4]))
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


@resolver("year-of-results", order=60, examples=[
    ("the full year", DAY, "future", "DATE", "2019", {"business": True}),
    ("the year", "2020-02-10", "past", "DATE", "2019", {"business": True}),
    ("the year", DAY, "past", None, None),
])
def read_year_of_results(low, text, ctx):
    """"sales for the year", "profit for the full year": the year being reported (the last one early in a year)."""
    if low not in {"the year", "the full year"} or not ctx.business or ctx.anchor is None:
        return None
    closed = ctx.tense == "past" and ctx.anchor.month <= 2
    return Resolution("DATE", str(ctx.anchor.year - closed))
