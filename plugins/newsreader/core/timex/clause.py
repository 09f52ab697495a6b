"""What the clause around an expression says about its time: the direction it points to (:func:`direction`,
:func:`sentence_tense`), a limit or a date set for something ("pushed back to Nov. 21", "payable Jan. 9"), an
amount before it ("300 barrels a day"), a stretch ("over the next year"), a report of figures.
"""

from __future__ import annotations

import re

from ..nlp import text_of
from .vocabulary import WEEKDAY_NAME


_FUTURE_AUX = {"will", "shall", "'ll", "wo", "\u2019ll"}
_FUTURE_WORDS = {"due", "scheduled", "slated", "set", "expected", "expects", "expect", "forecasts", "planned",
                 "poised", "upcoming", "next", "coming", "plans", "plan", "intends", "aims", "hopes", "going"}
_PLANNING = {"plan", "schedule", "set", "expect", "due", "intend", "aim", "hope", "prepare", "promise", "vow",
             "poise", "slate", "threaten"}
_FUTURE_PREPS = {"until", "till", "through", "starting", "by"}
_PLANNED_WITH_OBJECT = {"plan", "slate"}  # "planned a vigil on Sunday" (not "organised": the event took place)

def direction(span) -> str | None:
    """The time the clause around ``span`` points to: ``future``, ``past``, ``present`` or None."""
    head = span.root
    for _ in range(4):
        if head.pos_ in {"VERB", "AUX"} or head.dep_ == "ROOT" or head.head is head:
            break
        head = head.head
    prep = span.root.head if span.root.dep_ == "pobj" else None
    before = span.doc[max(0, span.start - 2):span.start]
    if len(before) and before[-1].lower_ == "since":
        return "past"  # "the lowest level since early December": since is always behind
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
                return "past"  # "had been due to reopen Friday", "had been slated to vote Monday": a plan since overtaken
            if verb.lemma_ == "schedule" or (verb.lemma_ in _PLANNED_WITH_OBJECT and any(
                    c.dep_ == "dobj" for c in verb.children)) or (
                    verb.tag_ == "VB" and any(a.tag_ == "TO" for a in auxes) and governor is not verb
                    and (governor.lemma_ in _PLANNING
                         or (governor.lemma_ == "be" and governor.tag_ in {"VBZ", "VBP"}))):
                return "future"  # "planned to leave on Thursday", "is to resume trading Tuesday", "has scheduled…",
                # "planned a march on Saturday": the day is the planned event's, after the planning
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


REPORTING = {"say", "tell", "add", "report", "announce", "state", "note", "write", "claim", "insist", "confirm",
              "deny", "warn", "explain", "argue", "declare", "predict", "suggest", "indicate", "estimate"}
_FUTURE_CUES = _FUTURE_AUX | _FUTURE_WORDS | {"would", "could", "might", "may", "until", "effective", "deadline"}


def sentence_tense(span) -> str | None:
    """When the clause gives no direction: "past" if the sentence tells of the past (a past-tense or perfect verb other
    than one of saying, and nothing pointing ahead), else None."""
    past = False
    for token in span.sent:
        if token.lower_ in _FUTURE_CUES:
            return None
        if token.tag_ == "VBD" and token.lemma_ not in REPORTING:
            past = True
        if token.tag_ == "VBN" and token.lemma_ not in REPORTING and any(
                c.dep_ == "aux" and c.lemma_ == "have" for c in token.children):
            past = True  # "shares have swung, climbing to a peak in August": the present perfect tells of the past
    return "past" if past else None


TERMS_SET = {"payable", "effective"}  # a date set by terms: the nearest such day, whatever the clause's tense
_LIMIT_PREPS = {"to", "until", "till", "through", "by"}
_SET_FOR = {"payable", "effective", "record", "due"}
_LIMIT_VERBS = {"set", "extend", "postpone", "delay", "move", "push", "defer", "adjourn", "schedule", "give",
                "reschedule"}


def is_deadline(span) -> bool:
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


_WEEKDAY_NAME = re.compile(rf"^{WEEKDAY_NAME}$", re.I)
_AHEAD_WORDS = {"ahead", "upcoming", "until", "till", "coming", "next", "for", "by", "await", "awaits", "awaiting"}


def past_possessive_day(doc, span) -> bool:
    """"The merger follows Tuesday's announcement", "Sunday's crossing is the talk of the port": a weekday's event
    named in a present-tense clause has happened, unless something points ahead ("ahead of Sunday's election")."""
    if not _WEEKDAY_NAME.match(span.text) or span.end >= len(doc) or doc[span.end].text not in {"'s", "\u2019s"}:
        return False
    return not any(t.lower_ in _AHEAD_WORDS or t.tag_ == "MD" for t in doc[max(0, span.start - 4):span.start])


def over_stretch(doc, start: int) -> bool:
    """"over the next year", "during the following week": a stretch of time, not a point."""
    return start > 0 and doc[start - 1].lower_ in {"over", "during", "within", "for", "in", "throughout", "through"}


def quantity_before(doc, start: int) -> bool:
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


def reports_results(span) -> bool:
    """Does the sentence report a company's or an economy's figures ("a loss for the first half")?"""
    return any(t.lower_ in _RESULTS for t in span.sent)


_TO_DATE = re.compile(r"\b(?:(?:first|latest|the)\s+(?:two|three|four|five|seven|eight|nine|ten|eleven|\d{1,2})[\s-]+months?"
                      r"|year[-\s]to[-\s]date)\b", re.I)


# What every match of _TO_DATE holds (its letters match only themselves, whatever their case): a paragraph without
# either cannot report months to date, and its sentences need not be looked up (``span.sent`` walks the parse).
_TO_DATE_WORD = re.compile(r"month|date", re.I)


def months_to_date(span) -> bool:
    """Does the sentence report a stretch of months from the start of a year ("profit over the first eight months",
    "year to date")? Its "a year earlier" is that stretch a year before: of that year, no quarter."""
    if _TO_DATE_WORD.search(text_of(span.doc)) is None:
        return False
    return _TO_DATE.search(span.sent.text) is not None and reports_results(span)


def noun_after(span) -> str | None:
    for token in span.doc[span.end:span.end + 3]:
        if token.pos_ in {"NOUN", "PROPN"}:
            return token.lower_
    head = span.root.head
    return head.lower_ if head.pos_ in {"NOUN", "PROPN"} and head.i >= span.end else None


def limit_ahead(span) -> bool:
    """"pushed the cut-off back until 11 a.m. Thursday", "gave the airline until Thursday to answer": a limit given
    or moved, which lies ahead even when told in the past tense."""
    doc = span.doc
    if not any(t.lower_ in {"until", "till"} for t in doc[max(0, span.start - 5):span.start]):
        return False
    return any(a.lemma_ in _LIMIT_VERBS for a in list(span.root.ancestors)[:4])
