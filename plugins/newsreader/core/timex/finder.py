"""Find every temporal expression of an article and type it as TIMEX3 (DATE, TIME, DURATION, SET).

Candidates come from spaCy's DATE and TIME spans and from rule patterns for what the model misses
("now", "recently", "the past", "this year's", quarters, fiscal years, seasons, decades, "a year" after
an amount…). Spans follow TimeML: prepositions ("on", "in", "since") are left out, determiners and
modifiers ("the past 28 years", "early December", "just six years ago") kept; a range ("from 1998 to
2001", "2009-2010") is two expressions. Each is resolved by :mod:`timex_rules` against the publication
date, in the direction of its clause (:func:`direction`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime

from . import holidays as timex_holidays
from ..model import Sentence, Timex
from ..text.sentences import SentenceLocator
from .values import month_number
from .calendar_names import DAY_OF_MONTH
from .narrative import Reference, reference_of
from .rules import PERSON_NOUNS, Context, Resolution, resolve
from .vocabulary import (COUNT, FULL_MONTH, HEDGE, MODIFIER, MONTH_NAME, MONTH_TRIGGERS, SPELLED_YEAR, THE_YEAR_2000S,
                         UNIT, WEEKDAY_NAME, WEEKDAY_TRIGGERS, YEAR, ZONES)

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
     rf"\b{HEDGE}(?:{COUNT}\s+)?(?:more\s+)?{UNIT}(?:\s+and\s+a\s+half)?\s+(?:ago|earlier|later|from\s+now)\b"),
    ("past last previous next coming first",
     rf"\b(?:the\s+)?(?:past|last|previous|next|coming|first)\s+{HEDGE}{COUNT}\s+{UNIT}\b"),
    ("the",
     r"\bthe\s+(?:past|last|previous|next|coming)\s+(?:year|month|week|decade|century|days|weeks|months|years|"
     r"decades)\b"),
    ("every each per", rf"\b(?:every|each|per)\s+(?:other\s+|{COUNT}\s+)?(?:{UNIT}|{WEEKDAY_NAME}s?)\b"),
    ("every each", r"\b(?:every|each)\s+(?:spring|summer|autumn|fall|winter)\b"),
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
    ("half", rf"\b(?:the\s+)?(?:first|second)[\s-]half\s+of\s+(?:the\s+)?(?:fiscal\s+(?:year\s+)?)?{_YEAR_REF}\b"),
    ("half", r"\b(?:first|second)-half\b"),
    ("h1 h2", rf"\bH[12]\s+{YEAR}\b"),
    ("fiscal fy", rf"\b(?:fiscal\s+(?:year\s+)?{YEAR}|FY\s?(?:{YEAR}|\d{{2}}))(?:[-/]\d{{2,4}})?\b"),
    ("fiscal", r"\b(?:this|last|next|the\s+current|the\s+previous|the\s+next)\s+fiscal\s+year\b"),
    # a results report's year: "in the first nine months of the year", "for the year ended Sept. 30"
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
    ("spring summer autumn winter fall", rf"\b(?:in|during|since|over|until|by)\s+(?P<t>(?:the\s+)?"
     rf"(?:spring|summer|autumn|winter|fall)(?:\s+(?:of\s+)?{YEAR})?)\b"),
    ("spring summer autumn winter fall", rf"\b(?:spring|summer|autumn|winter|fall)\s+(?:of\s+)?{YEAR}\b"),
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
     rf"\b(?:(?:[Ll]ast|[Nn]ext|[Tt]his|[Cc]oming)\s+)?{WEEKDAY_NAME}(?:\s+(?:morning|afternoon|evening|night))?\b"),
    ("#year", rf"(?i:{_YEAR_PREP})(?P<t>{YEAR})\b(?![-–,.]?\d)"),
    # years in words, as transcripts spell them: "in nineteen ninety-six", "January nineteen ninety-seven"
    ("seventeen eighteen nineteen",
     rf"\b(?:(?:{FULL_MONTH}|(?:the\s+)?(?:spring|summer|autumn|fall|winter)(?:\s+of)?)\s+)?{SPELLED_YEAR}\b"
     r"(?![\s-]+(?:one|two|three|four|five|six|seven|eight|nine|hundred|thousand)\b)"),
    ("thousand", rf"\b{THE_YEAR_2000S}\b"),
    # times of day
    ("christmas eve year valentine halloween independence boxing",
     r"\b(?:Christmas(?:\s+(?:Eve|Day))?|New\s+Year's\s+(?:Day|Eve)|Valentine's\s+Day|Halloween|Independence\s+Day|"
     rf"Boxing\s+Day)(?:\s+(?:of\s+)?{YEAR})?\b"),
    ("thanksgiving labor memorial easter good", timex_holidays.PATTERN),
    (ZONES + " hours hrs local",
     rf"\b(?:[01]\d|2[0-3])[0-5]\d\s*(?:hours|hrs|local\s+time|(?-i:{'|'.join(ZONES.upper().split())}))\b"),
    ("am pm m",
     r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b|AM\b|PM\b)(?:\s+(?:local\s+time|GMT|UTC|[A-Z]{2,3}T)\b)?"),
    ("today yesterday tomorrow", r"\b(?:today|yesterday|tomorrow)(?:\s+(?:morning|afternoon|evening|night))?\b"),
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
    # a results report's periods: "the year-ago quarter", "the year-earlier period", "a year-earlier loss"
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
_COUNT_BEFORE = re.compile(rf"\b{HEDGE}(?:{COUNT})[\s-]+(?:more\s+|full\s+|straight\s+|consecutive\s+)?\Z", re.I)


def _matches(text: str) -> list[tuple[int, int]]:
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


_LEADING = re.compile(r"^(?:(?:on|in|at(?!\s+(?:least|most)\b)|since|during|until|till|by|from|for|to|through|"
                      r"throughout|over|within|before|"
                      r"after|into|of|between|as\s+of|as\s+early\s+as|as\s+late\s+as|around\s+(?=\d{1,2}(?::|\s*[ap]))|"
                      r"starting|beginning|ending|past(?=\s+(?:mid|noon|midnight)))\s+)+", re.I)
_TRAILING = re.compile(r"(?:'s|\u2019s|(?<![ap]\.[m])\.|[\s,;:!?)\"'\u201d])+$")
_RANGE = re.compile(r"^(?P<a>.+?)\s*(?:[-–—]|\s(?:to|through|until|till|and|or)\s)\s*(?P<b>.+)$", re.I)
_YEAR_RANGE = re.compile(rf"^(?P<a>{YEAR})[-–](?P<b>{YEAR}|\d{{2}})$")
_NAME = re.compile(rf"{MONTH_NAME}|{WEEKDAY_NAME}|Q[1-4]|H[12]|FY", re.I)
_CLOCK_GAP = re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?(?:on\s+|,\s*)?", re.I)  # "4:10 p.m. (0910 GMT) on Sunday"
_VERB_LAST = re.compile(r"\b(?:to|will|would|could|can|may|might|should|must|did|does|not|n't)\s+$", re.I)
_FUTURE_AUX = {"will", "shall", "'ll", "wo", "\u2019ll"}
_FUTURE_WORDS = {"due", "scheduled", "slated", "set", "expected", "expects", "expect", "forecasts", "planned",
                 "poised", "upcoming", "next", "coming", "plans", "plan", "intends", "aims", "hopes", "going"}
_PLANNING = {"plan", "schedule", "set", "expect", "due", "intend", "aim", "hope", "prepare", "promise", "vow",
             "poise", "slate", "threaten"}
_FUTURE_PREPS = {"until", "till", "through", "starting", "by"}
_GENERIC_DAY_NEXT = {"when", "that", "of", "which", "where", "he", "she", "they", "we", "i", "it"}


@dataclass
class Found:
    timex: Timex
    resolution: Resolution
    paragraph_start: int  # offset in the paragraph


def direction(span) -> str | None:
    """The time the clause around ``span`` points to: ``future``, ``past``, ``present`` or None."""
    head = span.root
    for _ in range(4):
        if head.pos_ in {"VERB", "AUX"} or head.dep_ == "ROOT" or head.head is head:
            break
        head = head.head
    prep = span.root.head if span.root.dep_ == "pobj" else None
    before = span.doc[max(0, span.start - 2):span.start]
    if any(t.lower_ in {"upcoming", "next", "coming"} for t in before):
        return "future"
    if span.doc[max(0, span.start - 3):span.start].text.lower() in {"as soon as", "as early as"}:
        return "future"  # "could arrive as early as Tuesday"
    lead = before[-1] if len(before) and before[-1].lower_ != "on" else (before[0] if len(before) == 2 else None)
    if lead is not None and lead.tag_ == "VBD":
        return "past"  # "said on Monday it would...": the day is the saying's, whatever the parser attached it to
    verbs = [head] + [a for a in head.ancestors if a.pos_ in {"VERB", "AUX"}][:2]
    for index, verb in enumerate(verbs):
        auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
        if any(a.lower_ in _FUTURE_AUX for a in auxes) or (verb.lower_ in _FUTURE_AUX):
            return "future"
        perfect = any(a.lemma_ == "have" for a in auxes)
        present = (not perfect and verb.tag_ != "VBD" and not any("Past" in a.morph.get("Tense") for a in auxes)
                   and not _invariant_past(verb))
        cue = verb.lower_ in _FUTURE_WORDS or any(c.lower_ in _FUTURE_WORDS and c.dep_ in {"acomp", "advmod", "amod"}
                                                   for c in verb.children)
        if present and cue and (auxes or verb.tag_ in {"VBZ", "VBP", "JJ"} or verb.lower_ == "due"):
            return "future"
        if index == 0:
            governor = verb.head
            if any(a.lower_ == "had" for a in auxes) or any(
                    c.lower_ == "had" and c.dep_ in {"aux", "auxpass"} for up in _governors(verb) for c in up.children):
                return "past"  # "had been due to expire Friday", "had been scheduled to meet Monday": a superseded plan
            if verb.lemma_ == "schedule" or (
                    verb.tag_ == "VB" and any(a.tag_ == "TO" for a in auxes) and governor is not verb
                    and (governor.lemma_ in _PLANNING
                         or (governor.lemma_ == "be" and governor.tag_ in {"VBZ", "VBP"}))):
                return "future"  # "planned to leave on Thursday", "is to resume trading Tuesday", "has scheduled…"
            if verb.tag_ == "VBN" and not auxes and verb.dep_ in {"acl", "relcl", "amod"}:
                return "past"  # "the half ended June 28", "shares issued in July": a reduced relative clause
            if (verb.tag_ == "VB" and any(a.tag_ == "TO" for a in auxes) and prep is not None
                    and prep.lower_ in _FUTURE_PREPS):
                return "future"  # "voted in September to extend the mandate until June": the end lies ahead
            if any(a.lower_ in {"would", "could", "might"} for a in auxes):
                if perfect:
                    return "past"  # "would have met on Friday"
                return "future" if any(a.lower_ == "would" for a in auxes) else None  # said they would meet
            if not present or verb.tag_ == "VBD":
                return "past"
            bare = verb.tag_ == "VB" and not auxes and verb.dep_ == "ROOT"  # "Rovers play on Wednesday"
            if verb.tag_ in {"VBZ", "VBP"} or bare or any(a.tag_ in {"VBZ", "VBP", "MD"} for a in auxes):
                return "future" if prep is not None and prep.lower_ in _FUTURE_PREPS else "present"
    return None


def _governors(verb) -> list:
    """The verb's governor and the one above it when the verb completes them ("had been due [to expire]")."""
    out, token = [], verb
    while token.dep_ in {"xcomp", "acomp"} and token.head is not token and len(out) < 2:
        token = token.head
        out.append(token)
    return out


_SAME_PAST = frozenset("hurt cut set put hit cost let shut spread quit cast burst split upset offset undercut bid"
                       .split())


def _invariant_past(verb) -> bool:
    """"Weakness in chip stocks hurt the index on Friday": a verb whose past is spelled as its base form (hurt, cut,
    set, hit, put) tagged present although its subject is one singular noun, which the present would give an -s
    ("hurts"): the past, as the grammar leaves no other reading."""
    return verb.tag_ == "VBP" and verb.lower_ in _SAME_PAST and any(
        c.dep_ == "nsubj" and c.tag_ in {"NN", "NNP"} and not any(g.dep_ == "conj" for g in c.children)
        for c in verb.children)


_REPORTING = {"say", "tell", "add", "report", "announce", "state", "note", "write", "claim", "insist", "confirm",
              "deny", "warn", "explain", "argue", "declare", "predict", "suggest", "indicate", "estimate"}
_FUTURE_CUES = _FUTURE_AUX | _FUTURE_WORDS | {"would", "could", "might", "may", "until", "effective", "deadline"}


def sentence_tense(span) -> str | None:
    """When the clause gives no direction: "past" if the sentence tells of the past (a past-tense verb other than
    one of saying, and nothing pointing ahead), else None."""
    past = False
    for token in span.sent:
        if token.lower_ in _FUTURE_CUES:
            return None
        if token.tag_ == "VBD" and token.lemma_ not in _REPORTING:
            past = True
    return "past" if past else None


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


def _aged_person(span) -> str | None:
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


_ENDING = {"ended", "ending"}
_TERMS_SET = {"payable", "effective"}  # a date set by terms: the nearest such day, whatever the clause's tense
_LIMIT_PREPS = {"to", "until", "till", "through", "by"}
_SET_FOR = {"payable", "effective", "record", "due"}
_LIMIT_VERBS = {"set", "extend", "postpone", "delay", "move", "push", "defer", "adjourn", "schedule", "give",
                "reschedule"}


def _deadline(span) -> bool:
    """Is the expression a time limit or a date set for something ("pushed back to Nov. 21", "until 6 p.m. Nov. 12",
    "set March 2 as the deadline", "payable Jan. 9", "the Feb. 3 deadline", "the visit slated for September",
    "called to testify on Feb. 10")? Such a date may be named in a past-tense clause and still lie ahead."""
    doc = span.doc
    before = doc[span.start - 1] if span.start else None
    if before is not None and before.lower_ in _LIMIT_PREPS | _SET_FOR:
        return True
    for token in reversed(doc[max(0, span.start - 5):span.start]):
        if token.is_punct and token.text != ",":
            break
        if token.lower_ in {"until", "till", "by", "through"}:
            return True  # "until 6 p.m. EDT Nov. 12"
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.lower_ in {"deadline", "date"}:
        return True
    head = span.root.head
    verb = head.head if head.dep_ == "prep" else head
    if verb.lemma_ in _LIMIT_VERBS | _PLANNING or verb.lower_ in _FUTURE_WORDS or any(
            c.lower_ in _FUTURE_WORDS for c in verb.children if c.dep_ in {"amod", "acomp", "advmod"}):
        return True
    return verb.tag_ == "VB" and any(c.tag_ == "TO" for c in verb.children)


_GENERIC = frozenset("""
    world youth society generation child kid culture economy politics standard term dollar technology computer time age
    era people family woman man student worker parent consumer market industry business life reader voter
""".split())


_WEEKDAY_NAME = re.compile(rf"^{WEEKDAY_NAME}$", re.I)
_AHEAD_WORDS = {"ahead", "upcoming", "until", "till", "coming", "next", "for", "by", "await", "awaits", "awaiting"}


def _past_possessive_day(doc, span) -> bool:
    """"The merger follows Tuesday's announcement", "Sunday's crossing is the talk of the port": a weekday's event
    named in a present-tense clause has happened, unless something points ahead ("ahead of Sunday's election")."""
    if not _WEEKDAY_NAME.match(span.text) or span.end >= len(doc) or doc[span.end].text not in {"'s", "\u2019s"}:
        return False
    return not any(t.lower_ in _AHEAD_WORDS or t.tag_ == "MD" for t in doc[max(0, span.start - 4):span.start])


def _indefinite_day(doc, span) -> bool:
    """"The comet will one day return", "he hopes he one day plays…": "one day" as an adverb of a verb, some
    unnamed day, not the length of one day ("in office only one day", "the fair lasted one day")."""
    before = doc[span.start - 1] if span.start else None
    after = doc[span.end] if span.end < len(doc) else None
    return (before is not None and before.tag_ == "MD") or (after is not None and after.pos_ in {"VERB", "AUX"})


def _generic_possessor(doc, span) -> bool:
    """"today's youth", "tomorrow's world": the present or the future in general, not a day."""
    if span.end >= len(doc) or doc[span.end].text not in {"'s", "\u2019s"}:
        return False
    noun = next((t for t in doc[span.end + 1:span.end + 4] if t.pos_ in {"NOUN", "PROPN"}), None)
    return noun is not None and noun.lemma_.lower() in _GENERIC


_CLOCK_AFTER = set(ZONES.split()) | {"hours", "hrs", "local"}


def _clock_number(span) -> bool:
    """"at 1630 GMT", "0930 hours": four digits that tell the time, not a year."""
    doc = span.doc
    return (len(span) == 1 and len(span.text) == 4 and span.text.isdigit() and span.end < len(doc)
            and doc[span.end].lower_ in _CLOCK_AFTER)


def _over(doc, start: int) -> bool:
    """"over the next year", "during the following week": a stretch of time, not a point."""
    return start > 0 and doc[start - 1].lower_ in {"over", "during", "within", "for", "in", "throughout", "through"}


def _quantity_before(doc, start: int) -> bool:
    """Is the expression right after an amount ("five billion dollars a year", "300 barrels a day")?"""
    token = next((t for t in reversed(doc[:start]) if not t.is_space), None) if start else None
    if token is None:
        return False
    return (token.like_num or token.ent_type_ in {"MONEY", "QUANTITY", "CARDINAL", "PERCENT"}
            or token.lower_ in {"%", "dollars", "euros", "pounds", "yen", "won", "yuan", "times", "percent"}
            or token.tag_ == "NNS")


_RESULTS = {"profit", "profits", "loss", "losses", "earnings", "revenue", "revenues", "sales", "results", "output",
            "growth", "economy", "dividend", "margin", "margins", "inflation", "demand", "shipments", "deliveries",
            "net", "income", "earned"}


def _reports_results(span) -> bool:
    """Does the sentence report a company's or an economy's figures ("a loss for the first half")?"""
    return any(t.lower_ in _RESULTS for t in span.sent)


def _noun_after(span) -> str | None:
    for token in span.doc[span.end:span.end + 3]:
        if token.pos_ in {"NOUN", "PROPN"}:
            return token.lower_
    head = span.root.head
    return head.lower_ if head.pos_ in {"NOUN", "PROPN"} and head.i >= span.end else None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
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


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A range ("from 1998 to 2001", "2009-2010", "between March and May") as its two ends."""
    piece = text[start:end]
    years = _YEAR_RANGE.match(piece)
    if years:
        return [(start, start + years.end("a")), (start + years.start("b"), end)]
    m = _RANGE.match(piece)
    if not m:
        return [(start, end)]
    return [(start, start + m.end("a")), (start + m.start("b"), end)]


class Finder:
    """Temporal expressions of one article, in reading order, with ids ``t1``, ``t2``…"""

    def __init__(self, sentences: list[Sentence], published: datetime | None):
        self.anchor: date | None = published.date() if published else None
        self.locate = SentenceLocator(sentences)
        self.last_day: date | None = None
        self.last_day_paragraph = 0
        self.p_index = 0
        self.reference: Reference | None = None  # the time the text last named (timex_narrative)
        self.reference_paragraph = 0
        self.period: str | None = None  # the last quarter or half named: what a results report is about
        self.fiscal = False  # ... named as a fiscal one, whose months are not known
        self.found: list[Found] = []

    def _resolve(self, doc, text: str, start: int, end: int) -> Resolution | None:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span) or _counted(span) or _clock_number(span):
            return None
        if span.end < len(doc) and doc[span.end].lower_ == "old" and span[-1].lower_ in {"years", "months"}:
            return None  # "Smith, 52 years old": an age (read with "old" when the span holds it)
        low = text[start:end].lower()
        if low in {"the year", "the fiscal year"} and span.end < len(doc) and doc[span.end].lower_ in _ENDING:
            return Resolution("DURATION", "P1Y")  # "for the year ended Sept. 30": twelve months to that day
        if low in {"the day", "the same day"} and (span.root.dep_ in {"nsubj", "nsubjpass"} or (
                span.end < len(doc) and doc[span.end].lower_ in _GENERIC_DAY_NEXT)):
            return None  # "the day may come", "the day when…": no particular day
        if low in {"one day", "some day"} and _indefinite_day(doc, span):
            before = doc[span.start - 1] if span.start else None
            # "will one day be": some time ahead; "he one day followed": a day the text does not place
            return Resolution("DATE", "FUTURE_REF") if before is not None and before.tag_ == "MD" else None
        if low in {"today", "tomorrow"} and _generic_possessor(doc, span):
            return None  # "today's youth", "tomorrow's world": the present or the future in general, no time to place
        anchored_elsewhere = (low.endswith((" before", " after")) and span.end < len(doc)
                              and (doc[span.end].is_alpha or doc[span.end].like_num))
        if anchored_elsewhere:  # "the day before authorities issued a warrant": counted from that event, not known
            ctx = Context(self.anchor, direction(span))
            try:
                return resolve(text[start:end], ctx)
            except (ValueError, OverflowError, KeyError, IndexError):
                return None
        tense = direction(span) or sentence_tense(span)
        if tense in {"present", None} and _past_possessive_day(doc, span):
            tense = "past"
        if span.start and doc[span.start - 1].lower_ in _TERMS_SET:
            tense = None  # "declared a dividend, payable Dec. 15": the date the terms set, not the declaring's tense
        ctx = Context(self.anchor, tense, self.last_day,
                      _quantity_before(doc, span.start), _noun_after(span),
                      ("half" in low or low in {"the year", "the full year"}) and _reports_results(span),
                      self.reference, _over(doc, span.start), "old" in low and _aged_person(span),
                      "year" in low and _reports_results(span), self.period, _deadline(span),
                      self.last_day is not None and self.last_day_paragraph < self.p_index - 1, _limit_ahead(span),
                      self.fiscal)
        try:
            found = resolve(text[start:end], ctx)
        except (ValueError, OverflowError, KeyError, IndexError):  # a rule's slip must not cost the article
            return None
        if found is not None and found.event and found.event[1] == "day" and not found.event[2]:
            self.last_day = date.fromisoformat(found.event[0])  # what "the day" refers back to
            self.last_day_paragraph = self.p_index
        return found

    def _candidates(self, doc, text: str) -> list[tuple[int, int, Resolution]]:
        """Resolved spans of one paragraph: spaCy's first, then the patterns' where spaCy has none."""
        kept: list[tuple[int, int, Resolution]] = []
        for ent in doc.ents:
            if ent.label_ not in {"DATE", "TIME"}:
                continue
            start, end = _trim(text, ent.start_char, ent.end_char)
            if _titled(doc, start, end):
                continue
            found = self._resolve(doc, text, start, end)
            if found is not None:
                kept.append((start, end, found))
                continue
            parts = _pieces(text, start, end)
            if len(parts) == 2:
                resolved = [self._resolve(doc, text, *_trim(text, a, b)) for a, b in parts]
                if all(r is not None and r.type in {"DATE", "TIME"} for r in resolved):
                    kept.extend((*_trim(text, a, b), r) for (a, b), r in zip(parts, resolved))
        spacy_spans = list(kept)
        for start, end in _matches(text):
            start, end = _trim(text, start, end)
            if start >= end or not _cased(text[start:end]) or _in_a_name(doc, start, end) or _titled(doc, start, end):
                continue
            inside = [k for k in spacy_spans if start <= k[0] and k[1] <= end and (k[0], k[1]) != (start, end)]
            clash = [k for k in kept if k[0] < end and start < k[1]]
            if clash and (not inside or any(k not in inside for k in clash)):
                continue
            parts = _pieces(text, start, end) if _YEAR_RANGE.match(text[start:end]) else [(start, end)]
            resolved = [(a, b, self._resolve(doc, text, a, b)) for a, b in parts]
            if any(r is None for _, _, r in resolved):
                continue
            kept = [k for k in kept if k not in inside] + resolved
        return sorted(kept, key=lambda k: k[0])

    def _narrated(self, p_index: int, doc, text: str,
                  found: list[tuple[int, int, Resolution]]) -> list[tuple[int, int, Resolution]]:
        """In reading order: what "two years later" or "that year" counts from is the time named just before.

        ``text`` is ``doc.text`` (spaCy joins the tokens' texts anew at each ``doc.text``)."""
        if self.reference_paragraph < p_index - 1:
            self.reference = None  # a story's time carries into the next paragraph, no further
        out = []
        for start, end, resolution in found:
            words = text[start:end]
            if _REPORT_WORDS.search(words):  # "the year-ago quarter": of the period the article names
                resolution = self._resolve(doc, text, start, end)
                if resolution is None or resolution.value.startswith("XXXX"):
                    continue
            elif _NARRATED.search(words) or DAY_OF_MONTH.match(words.lower()):  # "on the 14th": of the story's month
                resolution = self._resolve(doc, text, start, end) or resolution
            if not (_PERIOD.match(resolution.value) and not _NUMBERED.search(words)
                    and _fiscal(text, start, end, resolution.value)):
                out.append((start, end, resolution))  # not "the quarter ended July 31": May to July, no quarter
            if resolution.type in {"DATE", "TIME"} and not _COMPARISON.search(words) and not _reporting_day(
                    doc, start, end, words):
                self.reference = reference_of(resolution.value, words)  # a report's comparison is no story time
                self.reference_paragraph = p_index
                fiscal = _fiscal(text, start, end, resolution.value)
                if _PERIOD.match(resolution.value) and self._reported(resolution.value, words, fiscal):
                    self.period, self.fiscal = resolution.value, fiscal
        return out

    def _reported(self, value: str, words: str, fiscal: bool) -> bool:
        """Can the quarter or half ``value`` be the period a results report is about? Not one named by its relation
        to that period ("the 2018 period", "the year-ago quarter"), and, once a period is known, not one still under
        way or ahead at publication ("expects a fourth-quarter charge" in a report on the third), nor one that ended
        before it ("after a weak second quarter" in a report on the third: background), unless it is named as a
        fiscal period (another company's year, numbered its own way)."""
        if _REPORT_WORDS.search(words):
            return False
        if self.period is None or self.anchor is None:
            return True
        if not fiscal and _period_end(value) < _period_end(self.period):
            return False
        return _period_end(value) < (self.anchor.year, self.anchor.month)

    def paragraph(self, p_index: int, doc) -> None:
        text = doc.text
        self.p_index = p_index
        found = _clock_days(text, self._narrated(p_index, doc, text, self._candidates(doc, text)))
        compared: tuple[str, str] | None = None  # the sentence and value of the last month, quarter or half
        for start, end, resolution in found:
            sentence = self.locate.at(p_index, start)
            if sentence is None or _unplaced(resolution):
                continue
            period = _PERIOD_VALUE.match(resolution.value)
            if compared and compared[0] == sentence.id and _YEAR_EARLIER.fullmatch(text[start:end]):
                resolution = replace(resolution, value=compared[1])
            compared = (sentence.id, f"{int(period[1]) - 1}-{period[2]}") if period else compared
            end = min(end, sentence.offset + len(sentence.text))
            timex = Timex(f"t{len(self.found) + 1}", sentence.id, start - sentence.offset, end - sentence.offset,
                          text[start:end], resolution.type, resolution.value)
            self.found.append(Found(timex, resolution, start))


_NUMBERED = re.compile(r"first|second|third|fourth|final|1st|2nd|3rd|4th|\bQ[1-4]\b|\bH[12]\b|fiscal", re.I)
_ENDED = re.compile(rf"\s+(?:ended|ending|that\s+ended)\s+(?:on\s+)?(?P<month>{MONTH_NAME})", re.I)


def _fiscal(text: str, start: int, end: int, value: str) -> bool:
    """Is the quarter or half at ``text[start:end]`` numbered by a fiscal year ("the fiscal first quarter", "its first
    quarter ended Sept. 30"), so that its number does not say which months it covers?"""
    if "fiscal" in text[max(0, start - 8):end].lower():
        return True
    ended = _ENDED.match(text, end)
    if not ended or not _PERIOD_VALUE.match(value) or value[5] not in "QH":
        return False
    month = month_number(ended.group("month"))
    return month is not None and month != int(value[6]) * (3 if value[5] == "Q" else 6)


def _period_end(value: str) -> tuple[int, int]:
    """The year and last month of a quarter or half ("2019-Q3" -> (2019, 9))."""
    return int(value[:4]), int(value[6]) * (3 if value[5] == "Q" else 6)


def _unplaced(resolution: Resolution) -> bool:
    """A date or time whose value could not be worked out ("the day before the vote", "that day" with no day
    named, XXXX-XX-XX): not shown as a dated expression, since a reader can place it no better than with none.
    A recurrence ("each Thursday", XXXX-WXX-4) is complete as it is."""
    return resolution.type != "SET" and resolution.value.startswith("X")


_REPORT_WORDS = re.compile(r"year-(?:ago|earlier)|year['\u2019]s\s+(?:quarter|period|half)|"
                           r"\b(?:period|latest|most\s+recent|year\s+ago|the\s+quarter)\b|"
                           r"\d{4}\s+(?:quarter|period|half)|"
                           r"\d{4}\s+(?:first|second|third|fourth)", re.I)
_REPORT_DAY = re.compile(rf"^(?:(?:on\s+)?{WEEKDAY_NAME}|today|yesterday)$", re.I)


def _reporting_day(doc, start: int, end: int, words: str) -> bool:
    """"…, the ministry said on Tuesday": the day of the report, not a time of the story ("The plant closed in 2012,
    the firm said Tuesday. Two years later…" counts from 2012)."""
    if not _REPORT_DAY.match(words):
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root.head
    if head.pos_ == "ADP":
        head = head.head
    return head.lemma_ in _REPORTING


_COMPARISON = re.compile(r"year-(?:ago|earlier)|\b(?:a|one)\s+year\s+(?:ago|earlier|before)\b", re.I)
_NARRATED = re.compile(r"\b(?:earlier|later|before|after|previously|following|previous|preceding|prior|next|same|that)\b",
                       re.I)
# "sales rose in November from a year earlier": the year-earlier period is the compared month, quarter or half
_PERIOD = re.compile(r"^\d{4}-[QH]\d$")
_PERIOD_VALUE = re.compile(r"^(\d{4})-(Q[1-4]|H[12]|\d{2})$")
_YEAR_EARLIER = re.compile(r"(?:a|one)\s+year\s+(?:earlier|ago|before)", re.I)


def _clock_days(text: str, found: list[tuple[int, int, Resolution]]) -> list[tuple[int, int, Resolution]]:
    """"at midnight on Sunday", "7:45 a.m. Friday": the clock time is on the day that follows it. Written right
    before the day ("noon Saturday", "8 p.m. CST, Dec. 3") the two are one expression."""
    found = [item for i, item in enumerate(found) if not (
        i and item[2].type == "TIME" and found[i - 1][2].type == "TIME" and found[i - 1][2].time and item[2].time
        and _RESTATED.fullmatch(text[found[i - 1][1]:item[0]]))]  # "4:10 p.m. (0910 GMT)": the same moment again
    out: list[tuple[int, int, Resolution] | None] = list(found)
    for i, ((_, end, first), (start, second_end, second)) in enumerate(zip(found, found[1:])):
        if (first.type == "TIME" and first.time and re.fullmatch(r"\d{2}:\d{2}", first.time) and second.event
                and second.event[1] == "day" and out[i] is not None and _CLOCK_GAP.fullmatch(text[end:start])):
            joined = _JOINED_GAP.fullmatch(text[end:start]) is not None and second.type == "DATE"
            phrase = text[out[i][0]:second_end if joined else end]
            event = (second.event[0], "day", False, f"'{phrase}' on {second.event[3]}")
            out[i] = (out[i][0], second_end if joined else end,
                      Resolution("TIME", f"{second.event[0]}T{first.time}", event, first.time))
            if joined:
                out[i + 1] = None
    return [item for item in out if item is not None]


_JOINED_GAP = re.compile(r"\s*,?\s*")
_RESTATED = re.compile(r"\s*[(\[]\s*")


def _limit_ahead(span) -> bool:
    """"pushed the cut-off back until 11 a.m. Thursday", "gave the airline until Thursday to answer": a limit given
    or moved, which lies ahead even when told in the past tense."""
    doc = span.doc
    if not any(t.lower_ in {"until", "till"} for t in doc[max(0, span.start - 5):span.start]):
        return False
    return any(a.lemma_ in _LIMIT_VERBS for a in list(span.root.ancestors)[:4])


def _counted(span) -> bool:
    """A number that counts something ("2000 people", "from 2000 to 3000 people") is no year."""
    if not span.text.isdigit():
        return False
    doc, after = span.doc, span.end
    if after < len(doc) and doc[after].tag_ == "NNS":
        return True
    if after + 1 < len(doc) and doc[after].lower_ in {"to", "and", "-", "\u2013"} and doc[after + 1].like_num:
        other = doc[after + 1].text.replace(",", "")
        return not (other.isdigit() and 1000 <= int(other) <= 2100)
    return span[0].ent_type_ in {"CARDINAL", "MONEY", "QUANTITY", "PERCENT"}


_NAMES = frozenset({"ORG", "PERSON", "WORK_OF_ART", "PRODUCT", "FAC", "GPE", "LOC", "LAW"})


def _in_a_name(doc, start: int, end: int) -> bool:
    """"the Sunday Times", "the Good Friday Agreement": a date word inside a name is no date."""
    span = doc.char_span(start, end, alignment_mode="expand")
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


def _titled(doc, start: int, end: int) -> bool:
    """"the "Sunday Week" programme", "Forty Minutes", "Broken Noon": a time word written with a capital inside a
    sentence is part of a title or a name (a programme, a film), not a time."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
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


def _cased(piece: str) -> bool:
    """Month and weekday names, Q3, H1 and FY count only when written with capitals ("may" is a verb)."""
    for m in re.finditer(r"[A-Za-z]+\.?", piece):
        word = m.group()
        if _NAME.fullmatch(word):
            if not word[0].isupper():
                return False
    return True


def find(sentences: list[Sentence], docs, published: datetime | None) -> list[Found]:
    """Every temporal expression of an article (one spaCy Doc per paragraph)."""
    finder = Finder(sentences, published)
    for p_index, doc in enumerate(docs, start=1):
        finder.paragraph(p_index, doc)
    return finder.found
