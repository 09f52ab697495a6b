"""How a timeline shows an event: one short line around its date phrase, and a plain reason.

Display only: the events themselves (and the JSON export) keep their full text and
the extractor's explanation.
"""

from __future__ import annotations

import re

from ..text.body_html import typographic

BOUNDARY = set(",;:()[]\u2014\u2013\"\u201c\u201d")
WORDS_BEFORE, WORDS_AFTER = 6, 5
_QUOTED = re.compile(r"^(?:'[^']*'(?:[,:]\s*)?)+")  # the phrase, and the phrase a wrapper reads ("'early May': 'May'")
_ANCHOR = r"(\d{1,2} \w{3} \d{4})"


def _shown(text: str) -> str:
    return "".join(typographic(text))


_BOUNDARY = re.compile("[" + re.escape("".join(sorted(BOUNDARY))) + "]")


def _first_boundary(text: str, start: int = 0) -> int:
    """Where the first clause boundary of ``text`` at or after ``start`` is; ``len(text)`` when there is none."""
    found = _BOUNDARY.search(text, start)
    return found.start() if found else len(text)


def clause(text: str, phrase: str) -> tuple[str, str, str]:
    """``(before, phrase, after)``: the clause of ``text`` around ``phrase``, a few words each side, "…" where cut."""
    at = text.find(phrase)
    if at < 0 or not phrase:
        return "", phrase, ""
    left, right = text[:at], text[at + len(phrase):]
    cut_left = max(left.rfind(ch) for ch in BOUNDARY)  # -1: none
    cut_right = _first_boundary(right)
    before_words = left[cut_left + 1:].split()
    after_words = right[:cut_right].split()
    lead = ""
    if not before_words and not after_words and cut_right < len(right):
        # "Last week, it went further.": a phrase alone in its clause shows the clause after it, boundary included
        lead, start = right[:cut_right + 1].strip(), cut_right + 1
        cut_right = _first_boundary(right, start)
        after_words = right[start:cut_right].split()
    before = " ".join(before_words[-WORDS_BEFORE:])
    after = " ".join(after_words[:WORDS_AFTER])
    trimmed_left = len(before_words) > WORDS_BEFORE or cut_left >= 0 or left.startswith("…")
    trimmed_right = len(after_words) > WORDS_AFTER or cut_right < len(right.rstrip(".!? \u201d\"")) or right.endswith("…")
    before = ("…" if trimmed_left and before else "") + before
    after = after + ("…" if trimmed_right and after else "")
    after = f"{lead} {after}" if lead and after else after
    space_before = " " if before and left[-1:].isspace() else ""
    space_after = " " if after and right[:1].isspace() else ""
    return _shown(before) + space_before, _shown(phrase), space_after + _shown(after)


def plainly(explanation: str) -> str:
    """The extractor's explanation in words for readers: "Tuesday before publication (19 Nov 2019)"."""
    text = _QUOTED.sub("", explanation).strip()
    if not text:
        return "Date given in the text"
    for pattern, replacement in _PLAINLY:
        text = pattern.sub(replacement, text)
    return text[:1].upper() + text[1:]


# (pattern, replacement) in the order plainly() applies them
_PLAINLY = [(re.compile(pattern), replacement) for pattern, replacement in (
    (r"^the (?:most recent|nearest) (\w+) on or before " + _ANCHOR, r"the \1 before publication (\2)"),
    (r"^the (?:next|nearest) (\w+) on or after " + _ANCHOR + r"(?: \(future tense\))?", r"the \1 after publication (\2)"),
    (r"^(?:relative to|from) " + _ANCHOR, r"counted from publication (\1)"),
    (r"before " + _ANCHOR + "$", r"before publication (\1)"),
    (r"^the nearest such day (before|after) " + _ANCHOR, r"the nearest such day \1 publication (\2)"),
)]


def entry_fields(event: dict) -> dict:
    """The display fields a timeline entry adds to an event."""
    before, phrase, after = clause(event["text"], event["phrase"])
    return {"before": before, "shown_phrase": phrase, "after": after, "reason": plainly(event.get("explanation", ""))}


def unique(events: list[dict]) -> list[dict]:
    """Events without repeats: the same date at the same precision in the same sentence (of the same article) once."""
    seen, out = set(), []
    for event in events:
        same = (event.get("article"), event["sentence"], event["date"], event["precision"])
        if same not in seen:
            seen.add(same)
            out.append(event)
    return out
