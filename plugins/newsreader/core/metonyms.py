"""Place lines and names that stand for something else, resolved by stated rules.

- Dateline: "WASHINGTON —" or "Seoul, Nov. 19 (Reuters) -" opening the first paragraph is the
  article's place line, not a mention of an entity.
- Capitals: a capital used as an actor ("Seoul said", "Washington's demands", "Beijing will
  retaliate") stands for its country. Within one article a capital has one meaning: if any of its
  mentions is an actor, every mention of it joins the country; otherwise it is the city.
- Generic bodies ("Foreign Ministry", "Supreme Court", "Parliament", "Police") are tied to the place
  written next to them ("South Korea's Foreign Ministry", "the South Korean Foreign Ministry",
  "the Supreme Court of Japan", "the Parliament in Tokyo"); untied mentions take the article's one
  tie, or else the country of the dateline; with none they stay article-local.
"""

from __future__ import annotations

import re

_CAPS = r"[A-Z][A-Z'’.\-]+(?:\s+[A-Z][A-Z'’.\-]+){0,3}"
_TITLE = r"[A-Z][a-z'’.\-]+(?:\s+[A-Z][a-z'’.\-]+){0,2}"
_DATE = r"(?:,\s*(?:[A-Z][a-z]+\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+\.?|[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+)?))"
_AGENCY = r"(?:\s*\([A-Z][\w .&’'-]{0,30}\))"
_DASH = r"\s*(?:—|–|--|-)\s+"
_DATELINE = re.compile(
    rf"^(?:(?P<caps>{_CAPS}){_DATE}?{_AGENCY}?|(?P<title>{_TITLE})(?:{_DATE}{_AGENCY}?|{_AGENCY})){_DASH}"
)
_TIE_BEFORE = re.compile(r"^\s?(?:'s|’s)?\s+$")  # also tokenised text: "Japan 's"
_TIE_AFTER = re.compile(r"^\s+(?:of|in)\s+(?:the\s+)?$")


def dateline(paragraph: str) -> tuple[int, str] | None:
    """(end of the place line, its place as written) when the paragraph opens with a dateline."""
    match = _DATELINE.match(paragraph)
    if not match:
        return None
    place = match.group("caps") or match.group("title")
    if place.isupper():
        place = " ".join(w.capitalize() if w.isalpha() else w for w in place.split())
    return match.end(), place


def country_of(place: str, aliases) -> str | None:
    """The country a place name stands for: itself, or the country whose capital it is."""
    return aliases.place(place) or aliases.capital_of(place)


def tie_of(paragraph: str, cand, places, aliases) -> str | None:
    """The country written next to a generic body: "Japan's Foreign Ministry", "the Police in Seoul"."""
    for place in places:
        if place.end <= cand.start and _TIE_BEFORE.match(paragraph[place.end:cand.start]):
            return country_of(place.name, aliases) or place.name
        if place.start >= cand.end and _TIE_AFTER.match(paragraph[cand.end:place.start]):
            return country_of(place.name, aliases) or place.name
    return None
