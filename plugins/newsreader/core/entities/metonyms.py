"""Place lines and names that stand for something else, resolved by stated rules.

- Dateline (``text/placeline.py``): "WASHINGTON —" or "Seoul, Nov. 19 (Reuters) -" opening the first paragraph
  is the article's place line, not a mention of an entity.
- Capitals: a capital used as an actor ("Seoul said", "Washington's demands", "Beijing will
  retaliate") stands for its country. Within one article a capital has one meaning: if any of its
  mentions is an actor, every mention of it joins the country; otherwise it is the city.
- Generic bodies ("Foreign Ministry", "Supreme Court", "Parliament", "Police") are tied to the place
  written next to them ("South Korea's Foreign Ministry", "the South Korean Foreign Ministry",
  "the Supreme Court of Japan", "the Parliament in Tokyo"); untied mentions take the article's one
  tie, or else the country of the dateline; with none they stay article-local. A one-word body
  ("Police", "Parliament") is a name only when written with a capital inside a sentence ("Japanese
  Police", "the Police in Tokyo", "The Police in Tokyo"), not when the capital only opens the sentence
  ("Police said"); a body in lower case ("police said", "the central bank") is a common noun, no mention.
"""

from __future__ import annotations

import re

from .candidate import Candidate
from .names import NEVER_QUALIFIED, is_generic, qualified

_TIE_BEFORE = re.compile(r"^\s?(?:'s|’s)?\s+$")  # also tokenised text: "Japan 's"
_TIE_AFTER = re.compile(r"^\s+(?:of|in)\s+(?:the\s+)?$")

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


# One-word bodies every country has: a name when capitalised inside a sentence.
_ONE_WORD_BODY = re.compile(r"\b(?:Police|Parliament|Senate|Congress|Cabinet|Government|Army|Navy|Treasury|Legislature)\b")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“‘(\[—–-])\s*$")
_OF_PLACE = re.compile(r"^(?P<body>.+?) of (?:the )?(?P<place>[A-Z].*)$")


def generic_words(paragraph: str) -> list[Candidate]:
    """ "Japanese Police", "the Police in Tokyo": a one-word body written with a capital mid-sentence."""
    out = []
    for match in _ONE_WORD_BODY.finditer(paragraph):
        if not _SENTENCE_START.search(paragraph[:match.start()]):
            out.append(Candidate(match.start(), match.end(), "organization", match.group(0), "organization"))
    return out


def _body_and_tie(paragraph: str, cand, places, aliases) -> tuple[str, str | None] | None:
    """(generic name, country or None) of an organisation named by a generic head, else None:
    "Foreign Ministry" next to "Japan's" -> ("Foreign Ministry", "Japan"); "Supreme Court of Japan" ->
    ("Supreme Court", "Japan")."""
    if cand.type != "organization" or aliases.organization(cand.name):
        return None
    if is_generic(cand.name):
        return cand.name, tie_of(paragraph, cand, places, aliases)
    match = _OF_PLACE.match(cand.name)
    if match and is_generic(match.group("body")) and country_of(match.group("place"), aliases) \
            and (" " in match.group("body") or _ONE_WORD_BODY.fullmatch(match.group("body"))):
        # "Supreme Court of Japan", "Parliament of Kenya"; "Bank of Kestrelia" is a bank's own name
        return match.group("body"), country_of(match.group("place"), aliases)
    return None


def qualify_generic(found: list[tuple[int, str, Candidate]], aliases, place_line) -> set[str]:
    """Name generic bodies by their country ("Foreign Ministry (Japan)"); returns the names left untied."""
    ties: dict[str, dict[int, str | None]] = {}
    places: dict[int, list[Candidate]] = {}
    for p_index, _, cand in found:
        if cand.type == "place":
            places.setdefault(p_index, []).append(cand)
    for p_index, paragraph, cand in found:
        body = _body_and_tie(paragraph, cand, places.get(p_index, []), aliases)
        if body:
            cand.name = body[0]
            ties.setdefault(body[0], {})[id(cand)] = body[1]
    home = country_of(place_line[1], aliases) if place_line else None
    local = set()
    for name, by_cand in ties.items():
        countries = sorted({t for t in by_cand.values() if t})
        default = countries[0] if len(countries) == 1 else (home if not countries else None)
        for _, _, cand in found:
            if id(cand) in by_cand:
                country = by_cand[id(cand)] or default
                if country and name.lower() not in NEVER_QUALIFIED:
                    cand.name = qualified(name, country)
                else:
                    local.add(name)
    return local
