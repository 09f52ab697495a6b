"""Temporal expressions -> dated events, resolved against the article's publication date.

spaCy finds the DATE and TIME spans (a date search over raw text would read
"five billion dollars a year" as a date); each span is resolved here with rules
for what news copy means, and ``dateparser`` for explicit calendar dates:

- a bare weekday is the most recent such day on or before publication (the
  publication day counts), or the next one when the verb is future;
- a month without a year is the nearest such month in the direction of the tense;
- "this year / last week / next month / earlier this month" are relative to publication;
- "for the past 28 years" and "the 66-year-old alliance" are derived by
  arithmetic (1991, c. 1953); a person's age is not an event;
- "the day" refers back to the last day the text named; durations are not events.

Values are TIMEX3-style at their true precision: 2019-11-19, 2019-W47, 2019-07, 2019, 1950s.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from .model import Sentence
from .sentences import SentenceLocator
from .numbers import parse_number

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
UNITS = {"year": "year", "years": "year", "month": "month", "months": "month", "week": "week", "weeks": "week",
         "day": "day", "days": "day", "decade": "decade", "decades": "decade"}
PERSON_NOUNS = frozenset(
    """
    man woman boy girl child kid baby teenager teen person people soldier officer student worker resident mother
    father son daughter husband wife brother sister driver suspect victim player man's woman's leader veteran
    migrant refugee farmer protester activist journalist reporter pilot sailor marine nurse doctor patient tourist
    """.split()
)
_AGE = re.compile(r"\b(?P<n>[\w-]+?)-(?P<unit>year|month|week|day|decade)s?-old\b", re.IGNORECASE)
_PAST_SPAN = re.compile(r"\b(?:the\s+)?(?:past|last|previous)\s+(?P<n>[\w,.-]+(?:\s+[\w-]+)?)\s+(?P<unit>years?|months?|weeks?|days?|decades?)\b", re.I)
_AGO = re.compile(r"\b(?P<n>[\w,.-]+(?:\s+[\w-]+)?)\s+(?P<unit>years?|months?|weeks?|days?|decades?)\s+ago\b", re.I)
_RELATIVE = re.compile(r"\b(?P<which>this|last|next|past|previous|coming|earlier this|later this)\s+(?P<unit>year|month|week)\b", re.I)
_DECADE = re.compile(r"\b(?:the\s+)?(?:(?:early|mid|late)[\s-])?(?P<decade>1[0-9]{2}0|20[0-9]0)s\b", re.I)
_YEAR = re.compile(r"^(?:in\s+|since\s+|by\s+|of\s+)?(?:the\s+year\s+)?(?P<year>1[5-9]\d{2}|20\d{2})$", re.I)
_DURATION = re.compile(
    r"^(?:(?:just|about|around|nearly|almost|more than|less than|over|some|up to|at least|roughly|only)\s+)*"
    r"(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|a few|many|\d[\d,.]*|[a-z]+-[a-z]+)\s+"
    r"(?:more\s+)?(?:hours?|minutes?|seconds?|days?|weeks?|months?|years?|decades?|nights?)$",
    re.I,
)
_FUTURE_AUX = {"will", "shall", "'ll", "wo"}


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

    def sort_key(self) -> tuple:
        return event_order(asdict(self))


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
def human(value: str, precision: str, derived: bool = False) -> str:
    """How a reader sees a date at its precision: 19 Nov 2019, week of 18 Nov 2019, July 2019, c. 1953."""
    start = period_start(value, precision)
    if precision == "day":
        text = f"{start.day} {start:%b %Y}"
    elif precision == "week":
        text = f"week of {start.day} {start:%b %Y}"
    elif precision == "month":
        text = f"{start:%B %Y}"
    else:
        text = value
    return f"c. {text}" if derived and precision in {"year", "decade"} else text


def _day(d: date) -> str:
    return d.isoformat()


def _week(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def _month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _count(words: str) -> float | None:
    words = words.replace("-", " ").split()
    value = parse_number(words)
    return value


def is_future(span) -> bool:
    """Does the clause around this date point forward ("will meet on Friday", "is due to", "plans to")?"""
    head = span.root
    for _ in range(4):
        if head.pos_ in {"VERB", "AUX"} or head.dep_ == "ROOT":
            break
        head = head.head
    verbs = [head] + [a for a in head.ancestors if a.pos_ in {"VERB", "AUX"}][:1]
    for verb in verbs:
        for child in verb.children:
            if child.dep_ in {"aux", "auxpass"} and child.lower_ in _FUTURE_AUX:
                return True
        if verb.lower_ in {"due", "scheduled", "expected", "set", "planned", "plans", "plan", "going"}:
            return True
        if any(c.lower_ in {"due", "scheduled", "expected", "set"} for c in verb.children):
            return True
    return False


@lru_cache(maxsize=1)
def _explicit_parser():
    from dateparser.date import DateDataParser  # noqa: PLC0415 - costly import, needed only on a cold build

    return DateDataParser(languages=["en"], settings={"PARSERS": ["absolute-time"], "RETURN_TIME_AS_PERIOD": True,
                                                        "PREFER_DAY_OF_MONTH": "first", "DATE_ORDER": "DMY"})


def _nearest_month(month: int, anchor: date, future: bool) -> tuple[int, int]:
    year = anchor.year
    if future:
        return (year if month >= anchor.month else year + 1), month
    return (year if month <= anchor.month else year - 1), month


def _nearest_day(month: int, day: int, anchor: date, future: bool) -> date | None:
    for year in ((anchor.year, anchor.year + 1) if future else (anchor.year, anchor.year - 1)):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if (candidate >= anchor) if future else (candidate <= anchor):
            return candidate
    return None


def _month_number(word: str) -> int | None:
    word = word.lower().rstrip(".")
    if word in MONTHS:
        return MONTHS.index(word) + 1
    return MONTH_ABBR.get(word[:4] if word.startswith("sept") else word[:3]) if len(word) <= 4 else None


def resolve(phrase: str, anchor: date | None, future: bool, last_day: date | None, span=None):
    """``(value, precision, derived, explanation)`` for one temporal phrase, or None if it is no event."""
    text = " ".join(phrase.split())
    low = text.lower().strip(" ,.")
    low = re.sub(r"^(?:on|in|by|since|during|until|from|at)\s+", "", low)
    anchor_text = human(anchor.isoformat(), "day") if anchor else None

    age = _AGE.search(text)
    if age:
        noun = _age_noun(span) if span is not None else None
        if noun is None or noun in PERSON_NOUNS or noun.endswith(("er", "or", "ist", "ian")):
            return None  # a person's age, not an event
        n = _count(age.group("n"))
        if n is None or anchor is None:
            return None
        years = n * (10 if age.group("unit").lower() == "decade" else 1)
        if age.group("unit").lower() not in {"year", "decade"}:
            return None
        year = anchor.year - int(years)
        return str(year), "year", True, f"'{text} {noun}', {int(years)} years before {anchor_text}"

    for pattern in (_PAST_SPAN, _AGO):
        match = pattern.search(text)
        if match and anchor:
            n = _count(match.group("n"))
            unit = UNITS[match.group("unit").lower()]
            if n is None:
                return None
            n = int(n)
            how = f"'{text}', {n} {unit}{'s' if n != 1 else ''} before {anchor_text}"
            if unit in {"year", "decade"}:
                return str(anchor.year - n * (10 if unit == "decade" else 1)), "year", True, how
            if unit == "month":
                y, m = _shift_month(anchor.year, anchor.month, -n)
                return _month(y, m), "month", True, how
            if unit == "week":
                return _week(anchor - timedelta(weeks=n)), "week", True, how
            return _day(anchor - timedelta(days=n)), "day", True, how

    if _DURATION.match(low):
        return None

    if low in {"the day", "that day", "the same day", "that same day"}:
        day = last_day or anchor
        if day is None:
            return None
        return _day(day), "day", False, f"'{text}' refers back to {human(day.isoformat(), 'day')}"
    if anchor is not None:
        for word, delta in (("today", 0), ("yesterday", -1), ("tomorrow", 1)):
            if low == word or low == f"{word} morning" or low == f"{word} evening":
                d = anchor + timedelta(days=delta)
                return _day(d), "day", False, f"'{text}' from {anchor_text}"

    rel = _RELATIVE.search(low)
    if rel and anchor is not None:
        which, unit = rel.group("which").lower(), rel.group("unit").lower()
        delta = {"this": 0, "earlier this": 0, "later this": 0, "coming": 1, "next": 1}.get(which, -1)
        how = f"'{text}' relative to {anchor_text}"
        if unit == "year":
            return str(anchor.year + delta), "year", False, how
        if unit == "month":
            y, m = _shift_month(anchor.year, anchor.month, delta)
            return _month(y, m), "month", False, how
        return _week(anchor + timedelta(weeks=delta)), "week", False, how

    words = low.replace(",", " ").split()
    if len(words) == 1 and words[0] in WEEKDAYS and anchor is not None:
        target = WEEKDAYS.index(words[0])
        if future:
            d = anchor + timedelta(days=(target - anchor.weekday()) % 7)
            how = f"'{text}', the next {words[0].capitalize()} on or after {anchor_text} (future tense)"
        else:
            d = anchor - timedelta(days=(anchor.weekday() - target) % 7)
            how = f"'{text}', the most recent {words[0].capitalize()} on or before {anchor_text}"
        return _day(d), "day", False, how
    if words and words[0] in {"last", "next", "this"} and len(words) == 2 and words[1] in WEEKDAYS and anchor is not None:
        target = WEEKDAYS.index(words[1])
        if words[0] == "next":
            d = anchor + timedelta(days=(target - anchor.weekday()) % 7 or 7)
        else:
            d = anchor - timedelta(days=(anchor.weekday() - target) % 7 or (7 if words[0] == "last" else 0))
        return _day(d), "day", False, f"'{text}' relative to {anchor_text}"

    decade = _DECADE.search(low)
    if decade:
        return f"{decade.group('decade')}s", "decade", False, f"'{text}'"
    year = _YEAR.match(low)
    if year:
        return year.group("year"), "year", False, f"'{text}'"
    if len(words) == 1 and _month_number(words[0]):
        if anchor is None:
            return None
        y, m = _nearest_month(_month_number(words[0]), anchor, future)
        direction = "on or after" if future else "on or before"
        return _month(y, m), "month", False, f"'{text}', the nearest {MONTHS[m - 1].capitalize()} {direction} {anchor_text}"
    # "December 31", "Dec. 17", "17 December": month and day without a year.
    month_day = _month_day(words)
    if month_day and anchor is not None:
        d = _nearest_day(*month_day, anchor, future)
        if d:
            return _day(d), "day", False, f"'{text}', the nearest such day {'after' if future else 'before'} {anchor_text}"
    if any(ch.isdigit() for ch in low) and any(_month_number(w) for w in words):
        data = _explicit_parser().get_date_data(text)
        if data.date_obj is not None and re.search(r"\b(1[5-9]\d{2}|20\d{2})\b", low):
            d = data.date_obj.date()
            if data.period == "month":
                return _month(d.year, d.month), "month", False, f"'{text}'"
            if data.period == "year":
                return str(d.year), "year", False, f"'{text}'"
            return _day(d), "day", False, f"'{text}'"
    return None


def _month_day(words: list[str]) -> tuple[int, int] | None:
    words = [w for w in words if w not in {"of", "the"}]
    if len(words) != 2:
        return None
    for a, b in (words, words[::-1]):
        month = _month_number(a)
        day = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?", b)
        if month and day and 1 <= int(day.group(1)) <= 31:
            return month, int(day.group(1))
    return None


def _age_noun(span) -> str | None:
    """The noun an "N-year-old" describes ("alliance", "soldier")."""
    doc = span.doc
    for token in doc[span.end:span.end + 3]:
        if token.pos_ in {"NOUN", "PROPN"}:
            return token.lower_
    head = span.root.head
    return head.lower_ if head.pos_ in {"NOUN", "PROPN"} else None


def _clause(sentence: Sentence, start: int, end: int, limit: int = 240) -> str:
    text = sentence.text.strip()
    if len(text) <= limit:
        return text
    left = max(0, start - limit // 2)
    right = min(len(text), end + limit // 2)
    left = text.find(" ", left) + 1 if left and text.find(" ", left) != -1 and text.find(" ", left) < start else left
    right = text.rfind(" ", end, right) if right < len(text) and text.rfind(" ", end, right) > end else right
    return ("…" if left else "") + text[left:right].strip() + ("…" if right < len(text) else "")


def extract(sentences: list[Sentence], docs, published: datetime | None) -> list[Event]:
    """Events of one article from its sentences and one spaCy Doc per paragraph."""
    anchor = published.date() if published else None
    locate = SentenceLocator(sentences)
    events: dict[tuple[str, str, str], Event] = {}
    last_day = anchor
    for p_index, doc in enumerate(docs, start=1):
        for ent in doc.ents:
            if ent.label_ not in {"DATE", "TIME"}:
                continue
            located = locate.at(p_index, ent.start_char)
            if located is None:
                continue
            try:
                resolved = resolve(ent.text, anchor, is_future(ent), last_day, ent)
            except (ValueError, OverflowError):
                resolved = None
            if resolved is None:
                continue
            value, precision, derived, how = resolved
            if precision == "day":
                last_day = date.fromisoformat(value)
            event = Event(
                date=value, precision=precision, phrase=ent.text, anchor=anchor.isoformat() if anchor else None,
                derived=derived, sentence=located.id,
                text=_clause(located, ent.start_char - located.offset, ent.end_char - located.offset),
                explanation=how,
            )
            events.setdefault((value, precision, located.id), event)  # one event per date per sentence
    return sorted(events.values(), key=Event.sort_key)


def as_dicts(events: list[Event]) -> list[dict]:
    return [asdict(e) for e in events]
