"""Dated events of an article: the temporal expressions (:mod:`timex`) that name a point or period on the calendar.

Every expression is found and typed by :mod:`timex` and resolved by :mod:`timex_rules`; an event is
made from those that name a day, week, month, year or decade (durations, sets, quarters and
unresolved expressions are timexes only), plus the dates derived by arithmetic: "for the past 28
years" -> 1991, "the 66-year-old alliance" -> c. 1953, "two weeks ago". A person's age is not an event.

Event values are at their true precision: 2019-11-19, 2019-W47, 2019-07, 2019, 1950s; each event
names the timex it came from (``timex``) and, for a time of day, the time (``time``: "07:45", "afternoon").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import lru_cache

from ..model import Sentence, Timex, flat_dict
from ..nlp import text_of
from ..text.markup import hidden, may_hide

_BARE = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class Event:
    date: str
    precision: str  # day | week | month | year | decade
    phrase: str
    anchor: str | None
    derived: bool
    sentence: str
    text: str
    explanation: str
    timex: str | None = None  # id of the timex it came from
    time: str | None = None  # time of day, when the text gives one

    def sort_key(self) -> tuple:
        return event_order(flat_dict(self))


def event_order(event: dict, *, article: str = "") -> tuple:
    """Events in date order (a period by its first day), then by article and sentence."""
    return (period_start(event["date"], event["precision"]), article, int(event["sentence"][1:]), event["phrase"])


@lru_cache(maxsize=65536)
def period_start(value: str, precision: str) -> date:
    if precision == "day":
        return date.fromisoformat(value)
    if precision == "week":
        year, week = value.split("-W")
        return date.fromisocalendar(int(year), int(week), 1)
    if precision == "month":
        return date(int(value[:4]), int(value[5:7]), 1)
    if precision == "year":
        return date(int(value), 1, 1)
    return date(int(value[:4]), 1, 1)  # decade "1950s"


@lru_cache(maxsize=65536)
def human(value: str, precision: str, derived: bool = False, time: str | None = None) -> str:
    """How a reader sees a date at its precision: 19 Nov 2019, week of 18 Nov 2019, July 2019, c. 1953.

    A day with a time of day: "19 Nov 2019, 07:45", "15 Nov 2019, afternoon"; a week's weekend: "weekend of 23 Nov 2019".
    """
    start = period_start(value, precision)
    if precision == "day":
        text = f"{start.day} {start:%b %Y}" + (f", {time}" if time else "")
    elif precision == "week" and time == "weekend":
        saturday = start + timedelta(days=5)
        text = f"weekend of {saturday.day} {saturday:%b %Y}"
    elif precision == "week":
        text = f"week of {start.day} {start:%b %Y}"
    elif precision == "month":
        text = f"{start:%B %Y}"
    else:
        text = value
    return f"c. {text}" if derived and precision in {"year", "decade"} else text


def _clause(sentence: Sentence, start: int, end: int, limit: int = 240) -> str:
    text = sentence.text.strip()
    if len(text) <= limit:
        return text
    left = max(0, start - limit // 2)
    right = min(len(text), end + limit // 2)
    left = text.find(" ", left) + 1 if left and text.find(" ", left) != -1 and text.find(" ", left) < start else left
    right = text.rfind(" ", end, right) if right < len(text) and text.rfind(" ", end, right) > end else right
    return ("…" if left else "") + text[left:right].strip() + ("…" if right < len(text) else "")


def extract_all(sentences: list[Sentence], docs, published: datetime | None) -> tuple[list[Timex], list[Event]]:
    """Every timex of one article and the events they make (one spaCy Doc per paragraph)."""
    anchor = published.date().isoformat() if published else None
    by_id = {s.id: s for s in sentences}
    from .finder import find  # noqa: PLC0415 - the timex rules load only when an article is annotated

    marked = {s.paragraph for s in sentences if may_hide(s.text)}  # (only these paragraphs can hide text)
    gaps = [hidden(text_of(doc)) if n in marked else [] for n, doc in enumerate(docs, 1)]  # hidden text dates nothing
    found = [item for item in find(sentences, docs, published) if _shown(item.timex, by_id, gaps)]
    events: dict[tuple[str, str, str], Event] = {}
    for item in found:
        timex, resolution = item.timex, item.resolution
        if resolution.event is None:
            continue
        value, precision, derived, how = resolution.event
        sentence = by_id[timex.sentence]
        if _BARE.sub("", sentence.text) == _BARE.sub("", timex.text):
            continue  # a sentence that is only its time ("9:40 a.m." heading a live report): nothing to show
        event = Event(date=value, precision=precision, phrase=timex.text, anchor=anchor, derived=derived,
                      sentence=timex.sentence, text=_clause(sentence, timex.start, timex.end), explanation=how,
                      timex=timex.id, time=resolution.time)
        key = (value, precision, timex.sentence)  # one event per date per sentence, with its time of day if given
        if key not in events:
            events[key] = event
        elif event.time and not events[key].time and precision == "day":
            # "On Friday, at 9:40 a.m., …": the day's event takes the time and keeps its phrase
            events[key] = replace(events[key], time=event.time)
    return [item.timex for item in found], sorted(events.values(), key=Event.sort_key)


def _shown(timex: Timex, by_id: dict[str, Sentence], gaps: list[list[tuple[int, int]]]) -> bool:
    sentence = by_id[timex.sentence]
    start, end = sentence.offset + timex.start, sentence.offset + timex.end
    return not any(a < end and start < b for a, b in gaps[sentence.paragraph - 1])


def extract(sentences: list[Sentence], docs, published: datetime | None) -> list[Event]:
    """Events of one article from its sentences and one spaCy Doc per paragraph."""
    return extract_all(sentences, docs, published)[1]


def as_dicts(items) -> list[dict]:
    return [flat_dict(e) for e in items]
