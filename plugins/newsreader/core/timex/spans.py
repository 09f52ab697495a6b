"""An expression's extent and what is no time at all: prepositions and trailing punctuation left out, a range as
its two ends, and numbers that count ("2000 people"), names ("the Sunday Times"), titles ("Forty Minutes"), a
person's age ("a 29-year-old sergeant") or "one day" as an adverb.
"""

from __future__ import annotations

import re

from ..nlp import expanded_span
from . import holidays as timex_holidays
from .counts import PERSON_NOUNS
from .vocabulary import MONTH_NAME, PART_OF_DAY_WORDS, WEEKDAY_NAME, YEAR, ZONES


_LEADING = re.compile(r"^(?:(?:on|in|at(?!\s+(?:least|most)\b)|since|during|until|till|by|from|for|to|through|"
                      r"throughout|over|within|before|"
                      r"after|into|of|between|as\s+of|as\s+early\s+as|as\s+late\s+as|around\s+(?=\d{1,2}(?::|\s*[ap]))|"
                      r"starting|beginning|ending|past(?=\s+(?:mid|noon|midnight)))\s+)+", re.I)
_TRAILING = re.compile(r"(?:'s|\u2019s|(?<![ap]\.[m])\.|[\s,;:!?)\"'\u201d])+$")
_RANGE = re.compile(r"^(?P<a>.+?)\s*(?:[-–—]|\s(?:to|through|until|till|and|or)\s)\s*(?P<b>.+)$", re.I)
YEAR_RANGE = re.compile(rf"^(?P<a>{YEAR})[-–](?P<b>{YEAR}|\d{{2}})$")
_NAME = re.compile(rf"{MONTH_NAME}|{WEEKDAY_NAME}|Q[1-4]|H[12]|FY", re.I)


_VERB_LAST = re.compile(r"\b(?:to|will|would|could|can|may|might|should|must|did|does|not|n't)\s+$", re.I)


_NON_PERSON_NAMES = {"ORG", "FAC", "GPE", "LOC", "LAW", "EVENT", "PRODUCT", "WORK_OF_ART"}
_PERSON_SUFFIXES = ("er", "or", "ist", "ian", "man", "woman", "ess", "ee", "ant")
_MORE_PEOPLE = frozenset("""
    president resident student agent parent patient infant toddler youth youngster adult citizen national native mom
    dad chef priest monk nun judge cop guard star pope bishop cardinal king queen prince princess monarch chief
    executive official candidate immigrant defendant assistant attendant servant descendant tenant applicant
    democrat republican lawmaker senator actor actress athlete goalkeeper striker captain coach widow widower
    grandmother grandfather grandson granddaughter mother-of-three father-of-two individual survivor hostage
    prisoner detainee inmate guy lady gentleman male female twin sibling cousin niece nephew uncle aunt fan
    pensioner retiree scientist artist novelist poet musician lieutenant corporal colonel private general admiral
    resident president student agent parent opponent dissident correspondent adolescent
""".split()) | PERSON_NOUNS


def _is_person_word(token) -> bool:
    if token.ent_type_ in {"PERSON", "NORP"}:
        return True
    if token.pos_ == "PROPN":
        return token.ent_type_ not in _NON_PERSON_NAMES
    word = token.lemma_.lower()
    return token.pos_ == "NOUN" and (word in _MORE_PEOPLE or token.lower_ in _MORE_PEOPLE
                                     or word.endswith(_PERSON_SUFFIXES))


def aged_person(span) -> str | None:
    """Whose age is it ("45-year-old", "52 years old")? ``"named"``: it modifies a person ("a 29-year-old army
    sergeant", "6-year-old Tom Reed"), a person's description rather than a time; ``"alone"``: no noun follows ("The
    27-year-old, who…", "Smith, 52 years old"), a duration but a person's; None: a thing's ("the 66-year-old
    alliance"), which dates the thing."""
    doc = span.doc
    head = span.root.head if span.root.head.i >= span.end else None
    if head is None or head.pos_ not in {"NOUN", "PROPN"}:
        head = None
        for token in doc[span.end:span.end + 4]:  # "a 41-year-old [army] sergeant"; not "a 9-year-old after the match"
            if token.pos_ in {"NOUN", "PROPN"}:
                head = token
                break
            if token.pos_ not in {"ADJ", "ADV", "PUNCT"} or token.text in {",", ".", ";", ":"}:
                break
    if head is None:
        return "alone"
    between = [t for t in doc[span.end:head.i + 1] if t.pos_ in {"NOUN", "PROPN"}]
    return "named" if any(_is_person_word(t) for t in between) or _is_person_word(head) else None


_GENERIC = frozenset("""
    world youth society generation child kid culture economy politics standard term dollar technology computer time age
    era people family woman man student worker parent consumer market industry business life reader voter
""".split())


def indefinite_day(doc, span) -> bool:
    """"The comet will one day return", "he hopes he one day plays…": "one day" as an adverb of a verb, some
    unnamed day, not the length of one day ("in office only one day", "the fair lasted one day")."""
    before = doc[span.start - 1] if span.start else None
    after = doc[span.end] if span.end < len(doc) else None
    return (before is not None and before.tag_ == "MD") or (after is not None and after.pos_ in {"VERB", "AUX"})


def generic_possessor(doc, span) -> bool:
    """"today's youth", "tomorrow's world": the present or the future in general, not a day."""
    if span.end >= len(doc) or doc[span.end].text not in {"'s", "\u2019s"}:
        return False
    noun = next((t for t in doc[span.end + 1:span.end + 4] if t.pos_ in {"NOUN", "PROPN"}), None)
    return noun is not None and noun.lemma_.lower() in _GENERIC


def generic_of(doc, span) -> bool:
    """"the schools of tomorrow", "the youth of today": a time in general after "of", no day ("today" and "yesterday"
    only with a word for people or the world, as "the hailstorm of yesterday" is a day's)."""
    if span.start < 2 or doc[span.start - 1].lower_ != "of" or doc[span.start - 2].pos_ not in {"NOUN", "PROPN"}:
        return False
    noun = doc[span.start - 2]
    return span.text.lower() == "tomorrow" or noun.lemma_.lower() in _GENERIC


# "quarter-to-quarter", "year-over-year", "day-on-day": a unit in a compound adjective of comparison, no time
_COMPARED_UNITS = re.compile(r"[-\u2010\u2011](?:to|over|on)[-\u2010\u2011][a-z]+", re.I)


def in_a_comparison(text: str, end: int) -> bool:
    return _COMPARED_UNITS.match(text, end) is not None


# "the annual March for Science", "a March on the Capitol": a march, named, not the month ("last March on Friday",
# "from March to May" are the month)
_MARCH_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa])\s+(?:[a-z]+\s+)?$")
_MARCH_AFTER = re.compile(rf"\s+(?:for|on|against)\s+(?:the\s+)?(?!{WEEKDAY_NAME}|{MONTH_NAME})[A-Z]")


def a_named_march(text: str, start: int, end: int) -> bool:
    return (text[start:end] == "March" and _MARCH_AFTER.match(text, end) is not None
            and _MARCH_BEFORE.search(text, max(0, start - 30), start) is not None)


# A part of the day written after the day spaCy tagged ("early Friday [morning]", "Saturday [nights]"), and the
# step written before a weekday ("[the previous] Friday"): one expression with it
_PART_NEXT = re.compile(rf"\s+(?:{PART_OF_DAY_WORDS})s?\b")
_STEP_BEFORE = re.compile(r"\b[Tt]he\s+(?:previous|preceding|following)\s+$")
_DAY_WORD = re.compile(rf"(?:{WEEKDAY_NAME}|today|yesterday|tomorrow)$", re.I)


def widened(text: str, start: int, end: int) -> tuple[int, int]:
    """spaCy's span of a day with the part of the day after it and the step before a weekday."""
    if not _DAY_WORD.search(text[start:end]):
        return start, end
    part = _PART_NEXT.match(text, end)
    if part:
        end = part.end()
    step = _STEP_BEFORE.search(text, max(0, start - 20), start)
    if step and re.match(WEEKDAY_NAME, text[start:end]):
        start = step.start()
    return start, end


_CLOCK_AFTER = set(ZONES.split()) | {"hours", "hrs", "local"}


def clock_number(span) -> bool:
    """"at 1630 GMT", "0930 hours": four digits that tell the time, not a year."""
    doc = span.doc
    return (len(span) == 1 and len(span.text) == 4 and span.text.isdigit() and span.end < len(doc)
            and doc[span.end].lower_ in _CLOCK_AFTER)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Leave out leading prepositions and trailing punctuation or "'s"."""
    piece = text[start:end]
    lead = _LEADING.match(piece)
    if lead and lead.end() < len(piece):
        start += lead.end()
        piece = piece[lead.end():]
    if piece.lower().startswith("last ") and _VERB_LAST.search(text, max(0, start - 12), start):
        start += 5  # "expected to last several weeks": a verb
        piece = piece[5:]
    trail = _TRAILING.search(piece)
    if trail and trail.start() > 0:
        end = start + trail.start()
    return start, end


def range_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A range ("from 1998 to 2001", "2009-2010", "between March and May") as its two ends."""
    piece = text[start:end]
    years = YEAR_RANGE.match(piece)
    if years:
        return [(start, start + years.end("a")), (start + years.start("b"), end)]
    m = _RANGE.match(piece)
    if not m:
        return [(start, end)]
    return [(start, start + m.end("a")), (start + m.start("b"), end)]


_LABEL_WORDS = frozenset("no no. number flight route bill section article room suite unit highway interstate model "
                         "version chapter page item case".split())
_ERAS = frozenset("AD BC CE BCE FY A.D. B.C. JAN FEB MAR APR MAY JUN JUL AUG SEP SEPT OCT NOV DEC".split())


def counted_number(span) -> bool:
    """A number that counts something ("2000 people", "from 2000 to 3000 people", "1200 were against") or labels
    something ("HB 1523", "Flight 1549") is no year."""
    if not span.text.isdigit():
        return False
    doc, after = span.doc, span.end
    if after < len(doc) and doc[after].tag_ == "NNS":
        return True
    label = doc[span.start - 1] if span.start else None
    if label is not None and (label.lower_ in _LABEL_WORDS or (
            re.fullmatch(r"[A-Z]{2,4}\.?", label.text) and label.text not in _ERAS and not label.is_stop)):
        return True
    if len(span) == 1 and span[0].dep_ in {"nsubj", "nsubjpass"} and (
            span[0].head.tag_ == "VBP" or span[0].head.lower_ == "were"):
        return True  # "1200 were against": a plural verb counts; a year takes "was"
    if after + 1 < len(doc) and doc[after].lower_ in {"to", "and", "-", "\u2013"} and doc[after + 1].like_num:
        other = doc[after + 1].text.replace(",", "")
        return not (other.isdigit() and 1000 <= int(other) <= 2100)
    return span[0].ent_type_ in {"CARDINAL", "MONEY", "QUANTITY", "PERCENT"}


_NAMES = frozenset({"ORG", "PERSON", "WORK_OF_ART", "PRODUCT", "FAC", "GPE", "LOC", "LAW"})


def in_a_name(doc, start: int, end: int) -> bool:
    """"the Sunday Times", "the Good Friday Agreement": a date word inside a name is no date."""
    span = expanded_span(doc, start, end)
    if span is None or (span[0].like_num and len(span) <= 3 and span[-1].lower_ in _CLOCK_AFTER | {"time"}):
        return False  # "1630 GMT": spaCy takes the zone for an organisation
    if any(t.ent_type_ in _NAMES for t in span):
        ent = span[0].ent_iob_ == "B" and (span.end == len(doc) or doc[span.end].ent_iob_ != "I")
        return not (ent and timex_holidays.is_holiday(span.text))  # "over Easter" read as a place is a holiday
    before = doc[span.start - 1] if span.start else None
    after = doc[span.end] if span.end < len(doc) else None
    if len(span) != 1 or before is None or after is None:
        return False
    named_after = after.is_title and not after.is_sent_start and not _NAME.fullmatch(after.text)
    return named_after and (before.lower_ == "the" or before.is_quote or (before.is_title and not before.is_sent_start))


_LOWER_CASE_TIME_WORDS = frozenset("""
    week weeks weekend minute minutes hour hours noon midnight year years month months morning night evening afternoon
    now today tonight tomorrow yesterday ago earlier later quarter decade century future recently currently
""".split())


# Words that make a weekday the name of a day no calendar rule gives ("Super Tuesday", a primary's, "Bloody Sunday",
# "Black Monday", a crash's); "Black Friday" and "Cyber Monday" are holidays (holidays.py), read whole.
_NAMED_DAY_WORDS = frozenset("super mini black bloody blue manic".split())
_WEEKDAY = re.compile(rf"^{WEEKDAY_NAME}$", re.I)


def titled(doc, start: int, end: int) -> bool:
    """"the "Sunday Week" programme", "Forty Minutes", "Broken Noon": a time word written with a capital inside a
    sentence is part of a title or a name (a programme, a film), not a time; so is a weekday named by the word
    before it ("Super Tuesday states")."""
    span = expanded_span(doc, start, end)
    if span is None:
        return False
    if span.start and doc[span.start - 1].lower_ in _NAMED_DAY_WORDS and doc[span.start - 1].is_title \
            and _WEEKDAY.match(span[0].text):
        return True
    for token in span:
        if token.lower_ not in _LOWER_CASE_TIME_WORDS or not token.is_title:
            continue
        before = doc[token.i - 1] if token.i else None
        if token.is_sent_start or before is None or before.is_punct or before.is_quote or before.text in {"``", "`"}:
            continue  # the first word of a sentence or of a quotation
        if before.text == "New":
            continue  # "New Year's Day"
        return True
    return False


def cased(piece: str) -> bool:
    """Month and weekday names, Q3, H1 and FY count only when written with capitals ("may" is a verb)."""
    for m in re.finditer(r"[A-Za-z]+\.?", piece):
        word = m.group()
        if _NAME.fullmatch(word):
            if not word[0].isupper():
                return False
    return True
