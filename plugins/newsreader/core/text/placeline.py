"""The place line that may open an article's first paragraph: "WASHINGTON —", "Seoul, Nov. 19 (Reuters) -",
"TARSK, Valdoria, March 4, 2020 (Fixture Wire) --". It names where the story was filed and, when it holds a date,
the day it was filed: neither is a mention of an entity nor an event of the story.
"""

from __future__ import annotations

import re

_CAPS = r"[A-Z][A-Z'’.\-]+(?:\s+[A-Z][A-Z'’.\-]+){0,3}"
_TITLE = r"[A-Z][a-z'’.\-]+(?:\s+[A-Z][a-z'’.\-]+){0,2}"
_REGION = r"[A-Z][A-Za-z]+\.?(?:\s+[A-Z][A-Za-z]+\.?)?"
_DAY = r"(?:[A-Z][a-z]+\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+\.?)(?:,?\s+\d{4})?"
_AFTER_PLACE = rf"(?:,\s*{_REGION}(?=\s*[,(]|\s*(?:—|–|--|-)\s))?(?:,\s*{_DAY})?"
_AGENCY = r"(?:\s*\([A-Z][\w .&’'-]{0,30}\))"
_DASH = r"\s*(?:—|–|--|-)(?:\s+|$)"  # (a place line may stand alone as the first paragraph)
_DATELINE = re.compile(
    rf"^(?:(?P<caps>{_CAPS}){_AFTER_PLACE}{_AGENCY}?"
    rf"|(?P<title>{_TITLE})(?:,\s*{_REGION}(?:,\s*{_DAY})?{_AGENCY}?|,\s*{_DAY}{_AGENCY}?|{_AGENCY})){_DASH}"
)


def dateline(paragraph: str) -> tuple[int, str] | None:
    """(end of the place line, its place as written) when the paragraph opens with a dateline."""
    match = _DATELINE.match(paragraph)
    if not match:
        return None
    place = match.group("caps") or match.group("title")
    if place.isupper():
        place = " ".join(w.capitalize() if w.isalpha() else w for w in place.split())
    return match.end(), place
