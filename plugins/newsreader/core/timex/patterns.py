"""Where temporal expressions may be: the rule patterns, as data, for what spaCy's DATE and TIME spans miss
("now", "recently", "this year's", quarters, fiscal years, seasons, decades, "a year" after an amount…).

Each pattern is tried only on paragraphs that hold one of its trigger words, which is cheap; durations ("two
weeks") are found from the unit back to its count. :func:`matches` gives a paragraph's matches, none overlapping.
"""

from __future__ import annotations

import re

from . import holidays as timex_holidays
from .vocabulary import (APPROXIMATELY, COUNT, FULL_MONTH, HEDGE, MODIFIER, MONTH_NAME, MONTH_TRIGGERS,
                         PART_OF_DAY_WORDS, SEASON_WORDS, SEASONS, SPELLED_YEAR, THE_YEAR_2000S, UNIT, UNIT_QUALIFIER,
                         WEEKDAY_NAME, WEEKDAY_TRIGGERS, YEAR, ZONES)


_PREP = (r"\b(?:in|since|by|until|from|of|before|after|during|through|to|and|or|early|late|mid-|the|this|last|next|"
         r"that)[ ]")
_YEAR_PREP = r"\b(?:in|since|by|until|from|before|after|during|through|early|late|mid-)[ ]"
_ORD = r"(?:first|second|third|fourth|final|1st|2nd|3rd|4th)"
_YEAR_REF = rf"(?:{YEAR}|this\s+year|last\s+year|next\s+year|the\s+year)"
_UNIT_WORD = rf"\b{UNIT}\b"
# (trigger words, pattern): a pattern is tried only on paragraphs that have one of its words ("#year": a
# number that may be a year), which is cheap; a pattern's group ``t``, when it has one, is the expression.
_PATTERNS = [
    # ranges of years, split later: "2009-2010"
    ("#year", rf"\b{YEAR}[-–](?:{YEAR}|\d{{2}})\b(?![-–\d])"),
    # ages and counts: "66-year-old", "just six years ago", "the past 28 years", "every week", "twice a year"
    ("old", r"\b[\w.]+-(?:year|month|week|day|decade)s?-old\b"),
    ("ago earlier later now",
     rf"\b{HEDGE}(?:{COUNT}\s+)?(?:more\s+)?{UNIT}(?:\s+and\s+a\s+half)?{APPROXIMATELY}?\s+"
     r"(?:ago|earlier|later|from\s+now)\b"),
    ("past last previous next coming first",
     rf"\b(?:the\s+)?(?:past|last|previous|next|coming|first)\s+{HEDGE}{COUNT}\s+{UNIT}\b"),
    ("the",
     r"\bthe\s+(?:past|last|previous|next|coming)\s+(?:year|month|week|decade|century|days|weeks|months|years|"
     r"decades)\b"),
    ("every each per", rf"\b(?:every|each|per)\s+(?:other\s+|{COUNT}\s+)?(?:{UNIT}|{WEEKDAY_NAME}s?)\b"),
    ("every each", rf"\b(?:every|each)\s+(?:{SEASON_WORDS})\b"),
    ("every each", rf"\b(?:[Ee]very|[Ee]ach)\s+{FULL_MONTH}\b"),
    ("once twice times", rf"\b(?:once|twice|{COUNT}\s+times)\s+an?\s+{UNIT}\b"),
    ("annually yearly", r"\b(?:annually|yearly)\b"),
    # "pays a dividend quarterly": the adverb only, not the adjective of "quarterly results"
    ("quarterly", r"\bquarterly\b(?=\s*(?:[.,;:)]|$|(?:and|or|but|since|from|in|on|at|to|by|until)\b))"),
    # the day / that day / the day before the vote
    ("day", r"\b(?:the|that)\s+(?:same\s+)?day\b(?:\s+(?:before|after)\b)?"),
    # "on the 14th" (not "the 14th of March", "the 14th century", "the 14th time")
    ("on", r"\bon\s+(?P<t>the\s+(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)(?:\s+of\s+(?:this|that|last|next|the)\s+month)?)"
           r"(?=\s*(?:[.,;:)]|$|(?:and|or|but|when|as|after|before|at|in)\b))"),
    ("next following previous preceding",
     r"\bthe\s+(?:next|following|previous|preceding)\s+(?:day|week|month|year|morning|evening)\b"),
    # quarters, halves, fiscal years
    ("quarter", rf"\b(?:the\s+)?{_ORD}[\s-]quarter(?:\s+of\s+(?:the\s+)?(?:fiscal\s+(?:year\s+)?)?{_YEAR_REF})?\b"),
    ("q1 q2 q3 q4", rf"\bQ[1-4](?:\s+{YEAR})?\b"),
    ("quarter", r"\bthe\s+(?:latest\s+|most\s+recent\s+|recent\s+)?(?-i:quarter)\b(?!\s+of\b)"),
    ("half", rf"\b(?:the\s+)?(?:first|second|last)[\s-]half\s+of\s+(?:the\s+)?(?:fiscal\s+(?:year\s+)?)?{_YEAR_REF}\b"),
    ("quarters", rf"\b(?:the\s+)?(?:first|last|final)\s+two\s+quarters\s+of\s+(?:the\s+)?(?:fiscal\s+(?:year\s+)?)?"
                 rf"{_YEAR_REF}\b"),
    ("half", r"\b(?:first|second)-half\b"),
    ("h1 h2", rf"\bH[12]\s+{YEAR}\b"),
    ("fiscal fy", rf"\b(?:fiscal\s+(?:year\s+)?{YEAR}|FY\s?(?:{YEAR}|\d{{2}}))(?:[-/]\d{{2,4}})?\b"),
    ("fiscal", r"\b(?:this|last|next|the\s+current|the\s+previous|the\s+next)\s+fiscal\s+year\b"),
    # a results report's year: "profit for the full year", "its fiscal year ending in June"
    ("year", r"\b(?P<t>the\s+(?:fiscal\s+)?year)\s+(?:ended|ending)\b"),
    ("year", r"\b(?:for|of)\s+(?P<t>the\s+(?:full\s+)?year)\b(?!['\u2019-]|\s+(?:ago|earlier|later|before|after|"
             r"when|that|in|of|to|and|or|\d))"),
    # modifiers and relative units: "early December", "mid-2011", "late last year", "this year's"
    ("early mid late earlier later end beginning start middle close rest",
     rf"\b{MODIFIER}+(?:(?:this|last|next|the)\s+)?(?:{FULL_MONTH}|{YEAR}|year|month|week|decade|century|summer|winter|"
     rf"spring|autumn)\b"),
    ("this last next coming current earlier later",
     r"\b(?:(?:earlier|later)\s+)?(?:this\s+past|this|last|next|coming|current)\s+(?:year|month|week|weekend|quarter|"
     r"summer|"
     r"winter|spring|"
     r"autumn|fall|decade|century)\b"),
    # seasons, decades, centuries
    (" ".join(SEASONS), rf"\b(?:in|during|since|over|until|by)\s+(?P<t>(?:the\s+)?"
     rf"(?:{SEASON_WORDS})(?:\s+(?:of\s+)?{YEAR})?)\b"),
    (" ".join(SEASONS), rf"\b(?:{SEASON_WORDS})\s+(?:of\s+)?{YEAR}\b"),
    ("s", r"\b(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:(?:1[0-9]|20)[0-9]0|'[0-9]0)'?s\b"),
    ("century", r"\bthe\s+(?:\d{1,2}(?:st|nd|rd|th)|nineteenth|twentieth|twenty-first|eighteenth)[\s-]century\b"),
    # calendar dates
    (MONTH_TRIGGERS,
     rf"\b(?:{WEEKDAY_NAME},?\s+)?{MONTH_NAME}\s?\d{{1,2}}(?:st|nd|rd|th)?(?:[-–]\d{{1,2}}\b)?"
     rf"(?:,?\s+{YEAR})?\b(?![-:.]?\d)"),
    (MONTH_TRIGGERS,
     rf"\b(?:{WEEKDAY_NAME},?\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_NAME}(?:,?\s+{YEAR})?\b"),
    (MONTH_TRIGGERS, rf"\b{FULL_MONTH},?\s+{YEAR}\b"),
    (MONTH_TRIGGERS, rf"(?i:{_PREP})(?P<t>{FULL_MONTH})\b"),
    (WEEKDAY_TRIGGERS,
     rf"\b(?:(?:[Ll]ast|[Nn]ext|[Tt]his|[Cc]oming|[Tt]he\s+(?:previous|preceding|following))\s+)?{WEEKDAY_NAME}"
     rf"(?:\s+(?:{PART_OF_DAY_WORDS})s?)?\b"),
    ("#year", rf"(?i:{_YEAR_PREP})(?P<t>{YEAR})\b(?![-–,.]?\d)"),
    # years in words, as transcripts spell them: "in nineteen ninety-six", "January nineteen ninety-seven"
    ("seventeen eighteen nineteen",
     rf"\b(?:(?:{FULL_MONTH}|(?:the\s+)?(?:{SEASON_WORDS})(?:\s+of)?)\s+)?{SPELLED_YEAR}\b"
     r"(?![\s-]+(?:one|two|three|four|five|six|seven|eight|nine|hundred|thousand)\b)"),
    ("thousand", rf"\b{THE_YEAR_2000S}\b"),
    # times of day
    ("christmas eve year valentine halloween independence boxing",
     r"\b(?:Christmas(?:\s+(?:Eve|Day))?|New\s+Year's\s+(?:Day|Eve)|Valentine's\s+Day|Halloween|Independence\s+Day|"
     rf"Boxing\s+Day)(?:\s+(?:of\s+)?{YEAR})?\b"),
    (timex_holidays.KEYWORDS, timex_holidays.PATTERN),
    (ZONES + " hours hrs local",
     rf"\b(?:[01]\d|2[0-3])[0-5]\d\s*(?:hours|hrs|local\s+time|(?-i:{'|'.join(ZONES.upper().split())}))\b"),
    ("am pm m",
     r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b|AM\b|PM\b)(?:\s+(?:local\s+time|GMT|UTC|[A-Z]{2,3}T)\b)?"),
    ("today yesterday tomorrow", r"\b(?:(?:(?:early|late|mid)[\s-]*)?(?:morning|afternoon|evening)\s+)?"
                                 rf"(?:today|yesterday|tomorrow)(?:\s+(?:{PART_OF_DAY_WORDS}))?\b"),
    # "the week of June 14": the week that holds the day
    (MONTH_TRIGGERS, rf"\b[Tt]he\s+week\s+of\s+(?:{MONTH_NAME}\s?\d{{1,2}}|\d{{1,2}}\s+{MONTH_NAME})(?:,?\s+{YEAR})?\b"),
    # "5 in the morning", "mid-afternoon"
    (PART_OF_DAY_WORDS.replace("|", " "),
     rf"\b(?:\d{{1,2}}(?:[:.]\d{{2}})?\s+(?:o'clock\s+)?in\s+the\s+(?:{PART_OF_DAY_WORDS})|"
     r"(?:mid|early|late)[\s-]*(?:morning|afternoon|evening))\b"),
    ("tonight morning afternoon evening night noon midnight",
     r"\b(?:tonight|this\s+(?:morning|afternoon|evening)|last\s+night|noon|midnight)\b"),
    # present, past and future references
    ("now currently nowadays presently present days recently lately",
     r"\b(?:right\s+now|now(?![-\u2011])|currently|nowadays|presently|at\s+present|these\s+days|recently|lately)\b"),
    ("future past",
     r"\bthe\s+(?:(?:near|distant|foreseeable|recent)\s+)?(?:future|past)\b(?!\s+(?:\d|few|several|couple|year|month|"
     r"week|day|decade|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+dozen|dozen|twenty|"
     r"thirty|forty|fifty)\b)"),
    # durations: "two weeks", "more than a decade", "a year" (a SET after an amount: "five billion dollars a year")
    ("weekend", r"\b(?:the|this|last|next)\s+weekend\b"),
    # a results report's periods, named by their relation to the one reported: "a year-earlier loss", "the latest
    # period", "the comparable year-ago half"
    ("period quarter half ago earlier latest recent",
     rf"\b(?:the\s+)?(?:(?:comparable|corresponding|same)\s+)?(?:year-(?:ago|earlier)|latest|most\s+recent|{YEAR})"
     r"(?:\s+(?:first|second|third|fourth)[\s-]quarter|\s+(?:period|quarter|half))\b"),
    ("quarter period", r"\bthe\s+(?:quarter|period)\s+a\s+year\s+(?:ago|earlier)\b"),
    ("quarter period half",
     rf"\b(?:(?:this|last|next)\s+year|{YEAR})['\u2019]s\s+(?:(?:first|second|third|fourth)[\s-])?"
     r"(?:quarter|half|period)\b"),
    # "a year-earlier loss"; not "the year-earlier nine months", which is those months (a duration) again
    ("ago earlier", rf"\byear-(?:ago|earlier)\b(?!\s+{COUNT}\s+{UNIT}\b)"),
    ("for", r"\bfor\s+(?P<t>years|months|decades|weeks|days|hours)\b"),
]
_CASED = {MONTH_TRIGGERS, WEEKDAY_TRIGGERS, "#year"}  # month and weekday names count only with a capital
_FINDERS = [(frozenset(words.split()), re.compile(pattern, 0 if words in _CASED else re.I))
            for words, pattern in _PATTERNS]
_WORDS = re.compile(r"[a-z]+|\d+")
# Durations ("two weeks", "more than a decade", "a year"): found from the unit back to its count, as trying a
# count at every word of a paragraph costs more than all other patterns together.
_UNIT = re.compile(_UNIT_WORD, re.I)
_AND_A_HALF = re.compile(r"\s+and\s+a\s+half\b", re.I)
_COUNT_BEFORE = re.compile(rf"\b{HEDGE}(?:{COUNT})[\s-]+{UNIT_QUALIFIER}?\Z", re.I)


def matches(text: str) -> list[tuple[int, int]]:
    """Pattern matches of a paragraph, leftmost first and then longest, none overlapping."""
    spans = []
    words = set(_WORDS.findall(text.lower()))
    if any(len(w) == 4 and w[:2] in {"16", "17", "18", "19", "20"} for w in words if w[0].isdigit()):
        words.add("#year")
    for trigger, pattern in _FINDERS:
        if words.isdisjoint(trigger):
            continue
        for m in pattern.finditer(text):
            spans.append(m.span("t") if "t" in pattern.groupindex else m.span())
    for unit in _UNIT.finditer(text):
        if text[unit.end():unit.end() + 1] == "-":
            continue  # "a year-earlier loss", "a week-long strike": part of a compound adjective
        count = _COUNT_BEFORE.search(text, max(0, unit.start() - 60), unit.start())
        if count:
            half = _AND_A_HALF.match(text, unit.end())  # "a minute and a half"
            spans.append((count.start(), half.end() if half else unit.end()))
    spans.sort(key=lambda s: (s[0], -s[1]))
    kept, reach = [], -1
    for start, end in spans:
        if start >= reach:
            kept.append((start, end))
            reach = end
    return kept
