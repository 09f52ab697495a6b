"""Find every temporal expression of an article and type it as TIMEX3 (DATE, TIME, DURATION, SET).

Candidates come from spaCy's DATE and TIME spans and from rule patterns for what the model misses
("now", "recently", "the past", "this year's", quarters, fiscal years, seasons, decades, "a year" after
an amount…). Spans follow TimeML: prepositions ("on", "in", "since") are left out, determiners and
modifiers ("the past 28 years", "early December", "just six years ago") kept; a range ("from 1998 to
2001", "2009-2010") is two expressions. Candidates are found by :mod:`patterns`, trimmed and sifted by
:mod:`spans`, and each is resolved by :mod:`rules` against the publication date, in the direction of its clause
(:mod:`clause`); the story's time (:mod:`narrative`) carries from one expression to the next.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime

from ..model import Sentence, Timex
from ..nlp import ents_of, expanded_span, text_of
from ..text.placeline import dateline
from ..text.sentences import SentenceLocator
from .values import month_number
from .calendar_names import DAY_OF_MONTH
from .narrative import Reference, reference_of
from .context import Context, Resolution
from .rules import resolve
from .vocabulary import MONTH_NAME, PART_OF_DAY_WORDS, WEEKDAY_NAME, WEEKDAYS
from .clause import (REPORTING, TERMS_SET, direction, is_deadline, limit_ahead, months_to_date, noun_after,
                     over_stretch, past_possessive_day, quantity_before, reports_results, sentence_tense)
from .patterns import matches
from .clock import recurring
from .spans import (YEAR_RANGE, a_named_march, aged_person, cased, clock_number, counted_number, generic_of,
                    generic_possessor, in_a_comparison, in_a_name, indefinite_day, range_pieces, titled, trim, widened)


_CLOCK_GAP = re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?(?:on\s+|,\s*)?", re.I)  # "4:10 p.m. (0910 GMT) on Sunday"


_GENERIC_DAY_NEXT = {"when", "that", "of", "which", "where", "he", "she", "they", "we", "i", "it"}
_DEFINED_BY_CLAUSE = {"the day", "the night", "the morning", "the afternoon", "the evening", "the week", "the weekend",
                      "the month", "the year"}
_DAY_NAMED_NEXT = re.compile(rf"\s*,?\s*(?:{WEEKDAY_NAME}|{MONTH_NAME}\s?\d)")
# "on Friday and Saturday nights": the weekday before shares the plural part of the day
_STEPPED_WEEKDAY = re.compile(rf"the\s+(?:previous|preceding|following)\s+{WEEKDAY_NAME}", re.I)
# "the last four months of 2011", "the final weeks of the war": a stretch of that time, not the one before
# publication ("the past 28 years" alone, or "of talks", counts back from the publication date).
_OF_AFTER = re.compile(rf"\s+of\s+(?:the|this|that|his|her|its|their|our|\d{{4}}\b|{MONTH_NAME})", re.I)
_SHARED_PART = re.compile(rf"\s*,?\s*(?:and|or)\s+{WEEKDAY_NAME}\s+(?P<part>{PART_OF_DAY_WORDS})s\b", re.I)
# a clock time followed by a count of days from an event: "at 5 a.m. three days before the fire"
_DAYS_FROM_EVENT = re.compile(r"\s+(?:on\s+)?(?:[\w-]+\s+){1,3}?(?:days?|nights?|weeks?)\s+(?:before|after|earlier|later|"
                              r"prior\s+to)\b", re.I)


@dataclass
class Found:
    timex: Timex
    resolution: Resolution
    paragraph_start: int  # offset in the paragraph


_ENDING = {"ended", "ending"}


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
        span = expanded_span(doc, start, end)
        if span is None or not len(span) or counted_number(span) or clock_number(span):
            return None
        if span.end < len(doc) and doc[span.end].lower_ == "old" and span[-1].lower_ in {"years", "months"}:
            return None  # "Smith, 52 years old": an age (read with "old" when the span holds it)
        low = text[start:end].lower()
        if low in {"the year", "the fiscal year"} and span.end < len(doc) and doc[span.end].lower_ in _ENDING:
            return Resolution("DURATION", "P1Y")  # "for the year ended Sept. 30": twelve months to that day
        if low in {"the day", "the same day"} and (span.root.dep_ in {"nsubj", "nsubjpass"} or (
                span.end < len(doc) and doc[span.end].lower_ in _GENERIC_DAY_NEXT)):
            return None  # "the day may come", "the day when…": no particular day
        if low in {"one day", "some day"} and indefinite_day(doc, span):
            before = doc[span.start - 1] if span.start else None
            # "will one day be": some time ahead; "he one day followed": a day the text does not place
            return Resolution("DATE", "FUTURE_REF") if before is not None and before.tag_ == "MD" else None
        if low in {"today", "tomorrow", "yesterday"} and (generic_possessor(doc, span) or generic_of(doc, span)):
            return None  # "today's youth", "the world of tomorrow": the present or the future in general, no time to place
        if low in _DEFINED_BY_CLAUSE and any(c.dep_ == "relcl" for c in span.root.children):
            return None  # "the night the warehouse burned": the time of an event the text does not date
        if low == "the day" and _DAY_NAMED_NEXT.match(text, end):
            return None  # "during the day Wednesday": the weekday that follows says which day
        anchored_elsewhere = (low.endswith((" before", " after")) and span.end < len(doc)
                              and (doc[span.end].is_alpha or doc[span.end].like_num))
        if anchored_elsewhere:  # "the day before authorities issued a warrant": counted from that event, not known
            ctx = Context(self.anchor, direction(span))
            try:
                return resolve(text[start:end], ctx)
            except (ValueError, OverflowError, KeyError, IndexError):
                return None
        tense = direction(span) or sentence_tense(span)
        if tense in {"present", None} and past_possessive_day(doc, span):
            tense = "past"
        if span.start and doc[span.start - 1].lower_ in TERMS_SET:
            tense = None  # "declared a dividend, payable Dec. 15": the date the terms set, not the declaring's tense
        ctx = Context(self.anchor, tense, self.last_day,
                      quantity_before(doc, span.start), noun_after(span),
                      ("half" in low or low in {"the year", "the full year"}) and reports_results(span),
                      self.reference, over_stretch(doc, span.start), "old" in low and aged_person(span),
                      "year" in low and reports_results(span), self.period, is_deadline(span),
                      self.last_day is not None and self.last_day_paragraph < self.p_index - 1, limit_ahead(span),
                      self.fiscal, months_to_date(span))
        try:
            found = resolve(text[start:end], ctx)
        except (ValueError, OverflowError, KeyError, IndexError):  # a rule's slip must not cost the article
            return None
        if found is not None and found.type == "DURATION" and found.event and _OF_AFTER.match(text, end):
            found = Resolution(found.type, found.value)  # "the last two weeks of the campaign": not counted from now
        shared = _SHARED_PART.match(text, end)
        if found is not None and shared and found.type == "DATE" and low in WEEKDAYS:
            return recurring(low, shared.group("part"))  # "on Friday and Saturday nights": both recur
        if found is not None and found.event and found.event[1] == "day" and not found.event[2]:
            self.last_day = date.fromisoformat(found.event[0])  # what "the day" refers back to
            self.last_day_paragraph = self.p_index
        return found

    def _candidates(self, doc, text: str) -> list[tuple[int, int, Resolution]]:
        """Resolved spans of one paragraph: spaCy's first, then the patterns' where spaCy has none."""
        kept: list[tuple[int, int, Resolution]] = []
        for ent in ents_of(doc):
            if ent.label_ not in {"DATE", "TIME"}:
                continue
            start, end = widened(text, *trim(text, ent.start_char, ent.end_char))
            if any(s <= start and end <= e for s, e, _ in kept):
                continue  # "morning" of "early Friday morning", taken with its day
            if titled(doc, start, end) or in_a_comparison(text, end) or a_named_march(text, start, end):
                continue
            found = self._resolve(doc, text, start, end)
            if found is not None:
                kept.append((start, end, found))
                continue
            parts = range_pieces(text, start, end)
            if len(parts) == 2:
                resolved = [self._resolve(doc, text, *trim(text, a, b)) for a, b in parts]
                if all(r is not None and r.type in {"DATE", "TIME"} for r in resolved):
                    kept.extend((*trim(text, a, b), r) for (a, b), r in zip(parts, resolved))
        spacy_spans = list(kept)
        for start, end in matches(text):
            start, end = trim(text, start, end)
            if start >= end or not cased(text[start:end]) or in_a_name(doc, start, end) or titled(doc, start, end):
                continue
            if in_a_comparison(text, end) or a_named_march(text, start, end):
                continue
            inside = [k for k in spacy_spans if start <= k[0] and k[1] <= end and (k[0], k[1]) != (start, end)]
            clash = [k for k in kept if k[0] < end and start < k[1]]
            if clash and (not inside or any(k not in inside for k in clash)):
                continue
            parts = range_pieces(text, start, end) if YEAR_RANGE.match(text[start:end]) else [(start, end)]
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
            elif (_NARRATED.search(words) and not _STEPPED_WEEKDAY.match(words)) or DAY_OF_MONTH.match(words.lower()):
                # "on the 14th": of the story's month ("the previous Friday" was read in reading order already)
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
        text = text_of(doc)
        self.p_index = p_index
        found = _clock_days(text, self._narrated(p_index, doc, text, self._candidates(doc, text)))
        place_line = dateline(text) if p_index == 1 else None
        compared: tuple[str, str] | None = None  # the sentence and value of the last month, quarter or half
        for start, end, resolution in found:
            sentence = self.locate.at(p_index, start)
            if sentence is None or _unplaced(resolution):
                continue
            if place_line is not None and start < place_line[0]:  # "TARSK, March 4 (Wire) --": the day it was
                resolution = replace(resolution, event=None)  # filed, a time expression but no event of the story
            if resolution.type == "TIME" and resolution.time and _DAYS_FROM_EVENT.match(text, end):
                continue  # "at 5 a.m. three days before the fire": a day the text counts from an event it does not date
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
    span = expanded_span(doc, start, end)
    if span is None:
        return False
    head = span.root.head
    if head.pos_ == "ADP":
        head = head.head
    return head.lemma_ in REPORTING


_COMPARISON = re.compile(r"year-(?:ago|earlier)|\b(?:a|one)\s+year\s+(?:ago|earlier|before)\b", re.I)
_NARRATED = re.compile(r"\b(?:earlier|later|before|after|previously|following|previous|preceding|prior|next|same|that)\b"
                       r"|\bthe\s+(?:month|year)$", re.I)  # "by the end of the month": of the month named before
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


def find(sentences: list[Sentence], docs, published: datetime | None) -> list[Found]:
    """Every temporal expression of an article (one spaCy Doc per paragraph)."""
    finder = Finder(sentences, published)
    for p_index, doc in enumerate(docs, start=1):
        finder.paragraph(p_index, doc)
    return finder.found
