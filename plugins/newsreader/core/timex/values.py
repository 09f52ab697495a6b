"""TIMEX3 values: calendar arithmetic, counts written in words, and a reader for every value we write.

Values (TimeML's TIMEX3 ``value``): ``2019-11-19``, ``2019-W47``, ``2019-W47-WE``, ``2019-07``, ``2019``,
``201`` (a decade), ``19`` (a century), ``2012-Q3``, ``2012-H1``, ``FY2012``, ``2019-SU``,
``2019-11-19TAF``, ``2019-11-19T07:45``, durations ``P2Y``/``PT1H``/``PXY``, sets ``XXXX-WXX-1``,
``PRESENT_REF``/``PAST_REF``/``FUTURE_REF`` and ``XXXX-XX-XX`` style for what cannot be resolved.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .vocabulary import (HEDGE_WORDS, MONTH_ABBR, MONTHS, NUMBER_TENS, NUMBER_TEENS, NUMBER_UNITS, NUMBER_WORDS,
                         SPELLED_YEAR, UNIT_CODES, YEAR_CENTURIES)

HEDGES = re.compile(
    rf"^(?:(?:{HEDGE_WORDS}|the\s+past|the\s+last|the\s+next|the\s+first|the\s+previous|past|last|next|first|"
    r"previous)\s+)+",
    re.I,
)
_SPELLED = re.compile(rf"\b(?:{SPELLED_YEAR}|(?<=year\s)two\s+thousand(?:\s+(?:and\s+)?"
                      rf"(?:{'|'.join(NUMBER_UNITS + NUMBER_TEENS)}))?)"
                      rf"\b(?![\s-]+(?:{'|'.join(NUMBER_UNITS + NUMBER_TEENS + NUMBER_TENS)}|hundred|thousand)\b)",
                      re.I)


def _spelled_value(words: str) -> int:
    parts = words.lower().replace("-", " ").split()
    if parts[:2] == ["two", "thousand"]:
        rest = [p for p in parts[2:] if p != "and"]
        return 2000 + (_number_word(rest[0]) if rest else 0)
    tail = parts[1:]
    return YEAR_CENTURIES[parts[0]] * 100 + sum(_number_word(p) for p in tail)


def _number_word(word: str) -> int:
    if word in NUMBER_UNITS:
        return NUMBER_UNITS.index(word) + 1
    if word in NUMBER_TEENS:
        return NUMBER_TEENS.index(word) + 10
    return (NUMBER_TENS.index(word) + 2) * 10


def spelled_years(text: str) -> str:
    """Years written in words as digits: "in nineteen ninety-six" -> "in 1996", "the year two thousand" -> "the year
    2000"."""
    return _SPELLED.sub(lambda m: str(_spelled_value(m.group())), text)


MIN_YEAR = 1000  # derived dates before this are arithmetic gone wrong (unless the year is written)
MAX_AHEAD = 50  # ... and so are derived dates more than this many years after publication


def count(words: str) -> float | None:
    """1 for "a", 28 for "28" or "twenty-eight", 2.5 for "two and a half", None for "several" (vague)."""
    words = HEDGES.sub("", words.strip().lower())
    words = re.sub(r"^(?:an?\s+)?couple(?:\s+of)?$", "two", words.replace("-", " ").replace(",", ""))
    words = re.sub(r"\band\s+an?\s+half\b", "half", words)  # "two and a half": 2.5, not 3.5
    total, parts = 0.0, words.split()
    if not parts:
        return None
    for part in parts:
        if part in {"and"}:
            continue
        if re.fullmatch(r"\d+(?:\.\d+)?", part):
            total += float(part)
        elif part == "1/2" and total:
            total += 0.5  # "2 1/2 years"
        elif part == "half" and total:
            total += 0.5
        elif part == "hundred" and total:
            total *= 100
        elif part in NUMBER_WORDS:
            total += NUMBER_WORDS[part]
        else:
            return None
    return total


def month_number(word: str) -> int | None:
    word = word.lower().rstrip(".")
    if word in MONTHS:
        return MONTHS.index(word) + 1
    if len(word) > 4:
        return None
    return MONTH_ABBR.get(word[:4] if word.startswith("sept") else word[:3])


def day(d: date) -> str:
    return d.isoformat()


def week(d: date) -> str:
    year, number, _ = d.isocalendar()
    return f"{year}-W{number:02d}"


def month(year: int, number: int) -> str:
    return f"{year:04d}-{number:02d}"


def shift_month(year: int, number: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (number - 1) + delta
    return index // 12, index % 12 + 1


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


# a unit -> (how many of the next smaller unit it holds, that unit's letter, its name) for fractional counts
_SMALLER = {"year": (12, "M", "month"), "hour": (60, "M", "minute"), "minute": (60, "S", "second")}


def duration(n: float | None, unit: str) -> str:
    """``P28Y``, ``PT1H``, ``P10Y`` (a decade), ``PXY`` (a vague count), ``P1.5Y``. Counted decades and centuries
    are written in years ("two decades": P20Y), as ISO 8601 does; a vague count keeps its unit ("decades": PXDE)."""
    if n is not None and unit in {"decade", "century"}:
        return duration(n * (10 if unit == "decade" else 100), "year")
    letter, timed = UNIT_CODES[unit]
    smaller = _SMALLER.get(unit)
    if n is not None and not float(n).is_integer() and smaller and float(n * smaller[0]).is_integer():
        whole, rest = int(n), int(round((n - int(n)) * smaller[0]))  # "2 1/2 years": P2Y6M, "7 1/2 hours": PT7H30M
        return f"P{'T' if timed else ''}{whole}{letter}{rest}{smaller[1]}" if whole else duration(rest, smaller[2])
    amount = "X" if n is None else (str(int(n)) if float(n).is_integer() else f"{n:g}")
    if unit == "weekend":
        return f"P{amount}WE"
    return f"P{'T' if timed else ''}{amount}{letter}"


def plausible_year(year: int, anchor: date | None) -> bool:
    """Derived dates stay between year 1000 and a few decades after publication."""
    return MIN_YEAR <= year <= (anchor.year if anchor else date.today().year) + MAX_AHEAD


def back(anchor: date, n: int, unit: str) -> tuple[str, str] | None:
    """The date ``n`` units before ``anchor`` (negative ``n``: after) as ``(TIMEX3 value, event precision)``."""
    if unit in {"year", "decade", "century"}:
        years = n * {"year": 1, "decade": 10, "century": 100}[unit]
        year = anchor.year - years
        if not plausible_year(year, anchor):
            return None
        if unit == "year":
            return str(year), "year"
        return (f"{year // 10:03d}", "decade") if unit == "decade" else (f"{year // 100:02d}", "century")
    if unit == "month":
        y, m = shift_month(anchor.year, anchor.month, -n)
        return (month(y, m), "month") if plausible_year(y, anchor) else None
    days = {"week": 7, "weekend": 7, "day": 1, "night": 1}.get(unit)
    if days is None or abs(n) * days > 366 * 1000:
        return None
    d = anchor - timedelta(days=n * days)
    if not plausible_year(d.year, anchor):
        return None
    return (week(d), "week") if days == 7 else (day(d), "day")


_VALUE = re.compile(
    r"""^(?:
      (?P<ref>PRESENT_REF|PAST_REF|FUTURE_REF)
    | (?P<dur>P(?:(?:\d+(?:\.\d+)?|X)(?:Y|M|W|D|DE|CE|Q|WE)|\d+Y\d+M|T(?:(?:\d+(?:\.\d+)?|X)[HMS]|\d+H\d+M|\d+M\d+S)))
    | (?P<fy>FY\d{4})
    | (?P<century>\d{2}) | (?P<decade>\d{3}) | (?P<year>\d{4}|XXXX)
    | (?P<y2>\d{4}|XXXX)-(?:
          (?P<month>\d{2}|XX)(?:-(?P<day>\d{2}|XX)(?:T(?:(?P<hh>\d{2}):(?P<mm>\d{2})|(?P<part>MO|AF|EV|NI|DT)))?)?
        | Q(?P<q>[1-4]) | H(?P<h>[12]) | (?P<season>SP|SU|FA|WI)
        | W(?P<week>\d{2}|XX)(?:-(?P<wd>[1-7]|WE))?
      )
    )$""",
    re.X,
)


def read(value: str) -> dict:
    """What a TIMEX3 value says: ``{"kind": ..., ...}``; raises ValueError for anything we must not write."""
    m = _VALUE.match(value)
    if not m:
        raise ValueError(f"not a TIMEX3 value: {value!r}")
    g = {k: v for k, v in m.groupdict().items() if v is not None}
    if "ref" in g:
        return {"kind": "ref", "ref": g["ref"]}
    if "dur" in g:
        return {"kind": "duration"}
    if "fy" in g:
        return {"kind": "fiscal-year", "year": int(value[2:])}
    if "century" in g:
        return {"kind": "century", "year": int(g["century"]) * 100}
    if "decade" in g:
        return {"kind": "decade", "year": int(g["decade"]) * 10}
    if "year" in g:
        return {"kind": "year", "year": None if g["year"] == "XXXX" else int(g["year"])}
    year = None if g["y2"] == "XXXX" else int(g["y2"])
    if "week" in g:
        if year is not None and g["week"] != "XX":
            date.fromisocalendar(year, int(g["week"]), 1)  # raises for week 54
        return {"kind": "week", "year": year}
    for kind in ("q", "h", "season"):
        if kind in g:
            return {"kind": {"q": "quarter", "h": "half", "season": "season"}[kind], "year": year}
    if "day" in g and year is not None and "XX" not in (g["month"], g["day"]):
        date(year, int(g["month"]), int(g["day"]))  # raises for 2019-02-30
        if "hh" in g and not (int(g["hh"]) <= 24 and int(g["mm"]) < 60):
            raise ValueError(f"no such time: {value!r}")
    elif "month" in g and g["month"] != "XX" and not 1 <= int(g["month"]) <= 12:
        raise ValueError(f"no such month: {value!r}")
    kind = "time" if ("hh" in g or "part" in g) else "day" if "day" in g else "month"
    return {"kind": kind, "year": year}
