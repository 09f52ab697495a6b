"""Counted units that name no point on the calendar by themselves: ages ("a 66-year-old alliance", which dates
the alliance), durations ("two weeks", "more than a decade") and recurrences ("every week", "twice a year",
"annually"; not a rate after an amount: "five billion dollars a year").
"""

from __future__ import annotations

import re

from . import values as tv
from . import vocabulary as voc
from .context import Resolution, human_anchor
from .values import count
from .vocabulary import COUNT, HEDGE, UNIT, UNIT_QUALIFIER, WEEKDAYS
from .registry import DAY, resolver


PERSON_NOUNS = frozenset(
    """
    man woman boy girl child kid baby teenager teen person people soldier officer student worker resident mother
    father son daughter husband wife brother sister driver suspect victim player man's woman's leader veteran
    migrant refugee farmer protester activist journalist reporter pilot sailor marine nurse doctor patient tourist
    """.split()
)
_AGE = re.compile(r"^(?P<n>[\w.]+(?:-[a-z]+)?)[-\s](?P<unit>year|month|week|day|decade)s?[-\s]old$", re.I)


_DURATION = re.compile(rf"^(?:the\s+|a\s+)?{HEDGE}(?P<n>{COUNT}[\s-]+|(?:a\s+)?(?:few|couple\s+of|number\s+of)\s+)?"
                       rf"(?:{UNIT_QUALIFIER}|long\s+)?(?P<unit>{UNIT})(?:\s+(?:long|"
                       rf"straight|running|in\s+a\s+row))?$", re.I)
_SET = re.compile(rf"^(?:(?P<n>once|twice|thrice|{COUNT}\s+times)\s+)?(?:every|each|per|a|an)\s+(?P<k>other\s+|"
                  rf"{COUNT}\s+)?"
                  rf"(?P<unit>{UNIT}|(?P<wd>{'|'.join(WEEKDAYS)})s?)$", re.I)
_SET_ADV = {"annually": "P1Y", "yearly": "P1Y", "monthly": "P1M", "weekly": "P1W", "daily": "P1D", "hourly": "PT1H",
            "quarterly": "P3M",
            "nightly": "P1D"}


def unit_name(word: str) -> str:
    word = word.lower()
    return voc.UNIT_WORDS.get(word, voc.UNIT_WORDS.get(word.rstrip("s"), word))


@resolver("age", order=20, examples=[
    ("66-year-old", DAY, "present", "DURATION", "P66Y", {"noun_after": "alliance"}),
    ("three-month-old", DAY, "past", "DURATION", "P3M"),
    ("29-year-old", DAY, "past", None, None, {"person": "named"}),
])
def read_age(low, text, ctx):
    m = _AGE.match(low)
    if not m:
        return None
    n, unit = count(m.group("n")), unit_name(m.group("unit"))
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


@resolver("set", order=90, examples=[
    ("every week", DAY, None, "SET", "P1W"),
    ("twice a year", DAY, "present", "SET", "P1Y"),
    ("each July", DAY, "future", "SET", "XXXX-07"),
    ("annually", DAY, "present", None, None, {"quantity_before": True}),
])
def read_set(low, text, ctx):
    if low == "quarterly" and ctx.noun_after:
        return False  # "quarterly results": a report's kind, not a recurrence
    if low in _SET_ADV:
        if ctx.quantity_before:
            return False  # "rose 8.5% annually", "10,000 units annually": a rate, part of the amount, no time
        return Resolution("SET", _SET_ADV[low])
    season = re.fullmatch(rf"(?:every|each)\s+({voc.SEASON_WORDS})", low)
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
    return Resolution("SET", tv.duration(n, unit_name(m.group("unit"))))


@resolver("duration", order=270, examples=[
    ("two weeks", DAY, "past", "DURATION", "P2W"),
    ("more than a decade", DAY, "past", "DURATION", "P10Y"),
    ("two and a half years", DAY, "future", "DURATION", "P2Y6M"),
    ("years", DAY, "past", None, None),
])
def read_duration(low, text, ctx):
    m = _DURATION.match(low)
    if not m:
        return None
    unit, plural = unit_name(m.group("unit")), m.group("unit").lower().endswith("s")
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
