"""Names spaCy misses, found by patterns in a paragraph's text: agreements, acronyms defined in brackets,
bodies ("Foreign Ministry", with the country written before it as a mention of its own), clubs, countries, "the
South" for a South X named in the same article, and the names of listings (:mod:`listings`)."""

from __future__ import annotations

import re

from .aliases import AliasTable
from .candidate import Candidate
from .listings import date_line, lineup, ranked_people, teams
from .metonyms import generic_words
from .scorecards import scorecard_people
from .names import LANDFORM_WORDS, is_generic
from .people import CLUB_WORDS, WEEKDAYS_MONTHS

AGREEMENT_WORDS = r"Agreement|Treaty|Accords?|Pact|Act|Convention|Protocol|Charter|Deal|Framework|Memorandum"
_AGREEMENT = re.compile(
    rf"\b(?:(?:[A-Z][\w'’-]*|of|on|for|and|the)\s+){{0,7}}?(?:[A-Z][\w'’-]*\s+)(?:{AGREEMENT_WORDS})\b"
)
# "Movement for Democratic Renewal (MDR)", "Union of Kestrel Farmers in Ostra ( UKFO )": a long form, its acronym.
_ACRONYM_DEF = re.compile(
    r"(?P<long>(?:[A-Z][\w'’-]*\s+(?:(?:of|on|for|and|the|de|in)\s+(?:the\s+)?)?){1,8})"
    r"\(\s?(?P<short>[A-Z][A-Za-z]{1,9})\s?\)"
)
ORG_WORDS = (r"Ministry|Department|Agency|Council|Commission|Committee|Parliament|Assembly|Court|Bank|Police|"
             r"Army|Navy|Air Force|Forces|Office|Union|Party|Authority|Board|Bureau|Service|Senate|Congress|Cabinet|"
             r"League|Front|Movement|Organi[sz]ation|Federation|Association")
ORG_WORD = re.compile(rf"\b(?:{ORG_WORDS})\b")  # a word of public bodies, anywhere in a name
_CAP_WORD = r"(?:(?:[A-Z]\.){2,}|[A-Z][\w'’-]*)"  # "U.N." or "Security"
# A compass word (or a known place) and a landform or a region: "West Bank", "East Coast", "South Side", "the Japan
# Sea" name land and water, never a body, whatever the model or the "Bank" of a bank says.
_COMPASS = (r"(?:North|South|East|West|Northern|Southern|Eastern|Western|North-?East|North-?West|South-?East|"
            r"South-?West|Upper|Lower)")
_LANDFORM = re.compile(rf"^(?P<head>.+) (?:{LANDFORM_WORDS})$")


def is_landform(text: str, aliases: AliasTable) -> bool:
    """ "South Shore", "the Upper Valley", "Japan Sea": a place, never a body ("Kestrel Bank" is a bank)."""
    match = _LANDFORM.match(text.removeprefix("the ").removeprefix("The "))
    return bool(match) and (re.fullmatch(_COMPASS, match.group("head")) is not None
                            or aliases.place(match.group("head")) is not None)


_ORGANIZATION = re.compile(
    rf"(?<![\w.])(?:{_CAP_WORD}\s+){{1,5}}(?:{ORG_WORDS})\b(?:\s+(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s*){{1,4}})?"
)
_CLUB_BEFORE = "FC|AC|SC|CF|FK|SK|CD|RC|SV|Real|Sporting|Dynamo|Dinamo|Olympique|Atletico"  # "FC Porto"
_CLUB_AFTER = "FC|AFC|CF"  # "Dunmore AFC"
_CLUB = re.compile(rf"\b(?:(?:{_CLUB_BEFORE})\s+(?!Estate\b)[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
                   rf"|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+(?:{_CLUB_AFTER}))\b")
# "Castel Athletic", "Dunmore Rovers": a club word after one or two names (not "the United States").
_CLUB_NAME = re.compile(
    rf"(?<![\w.])(?!(?:The|A|An|In|At|For|And)\b)(?:[A-Z][\w'’-]+\s+){{1,2}}(?:{'|'.join(sorted(CLUB_WORDS))})\b(?!\s+[A-Z])"
)
# "the Securities and Exchange Commission": a body whose name joins two words with "and", after "the".
_AND_ORGANIZATION = re.compile(
    rf"(?<=\b[Tt]he )(?:[A-Z][\w'’-]*\s+){{1,3}}and\s+(?:[A-Z][\w'’-]*\s+){{0,3}}(?:{ORG_WORDS})\b"
)
# A word every match of _CLUB or _CLUB_NAME (or of _AGREEMENT) holds whole: a paragraph without one is not
# searched with those patterns, which try every capitalised word (most paragraphs name no club or agreement).
_CLUB_WORD = re.compile(rf"\b(?:{_CLUB_BEFORE}|{_CLUB_AFTER}|{'|'.join(sorted(CLUB_WORDS))})\b")
_AGREEMENT_WORD = re.compile(rf"\b(?:{AGREEMENT_WORDS})\b")
_THE_DIRECTION = re.compile(r"\b[Tt]he (?P<dir>South|North|West|East)\b(?!\s+[A-Z])")
_SENTENCE_OPENERS = frozenset(
    "but and or so as if when while after before since although though in on at by for from with without "
    "meanwhile however also then yet earlier later last next this that these those a an".split()
)


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isupper())


# The other way round: "the KFU ( Kestrel Farmers Union )", an acronym and its long form in brackets.
_ACRONYM_FIRST = re.compile(
    r"(?<![\w.])(?P<short>[A-Z]{2,9})\s?\(\s?(?P<long>[A-Z][\w'’-]*(?:\s+(?:(?:of|on|for|and|the|de|in)\s+)?"
    r"[A-Z][\w'’-]*){1,7})\s?\)")


def learn_acronyms(paragraphs: list[str]) -> dict[str, str]:
    """Acronyms defined in brackets, checked against the initials: "Special Measures Agreement (SMA)", "the SMA (
    Special Measures Agreement )"."""
    found: dict[str, str] = {}
    for paragraph in paragraphs:
        if "(" not in paragraph:
            continue
        for match in _ACRONYM_FIRST.finditer(paragraph):
            if _initials(match.group("long").split()).upper() == match.group("short"):
                found.setdefault(match.group("short"), " ".join(match.group("long").split()))
        for match in _ACRONYM_DEF.finditer(paragraph):
            words = match.group("long").split()
            short = match.group("short")
            # Take the shortest tail of the phrase whose initials spell the acronym, or else the one tail whose
            # initials spell it but one word's ("Kestrel Grain and Seed Exchange (KGE)": KGSE).
            tails = [first for first in range(len(words) - 1, -1, -1) if words[first][:1].isupper()]
            spelled = [f for f in tails if _initials(words[f:]).upper() == short.upper()]
            near = [f for f in tails if len(short) >= 4 and _one_skipped(_initials(words[f:]).upper(), short.upper())]
            if spelled or len(near) == 1:
                found.setdefault(short, " ".join(words[(spelled or near)[0]:]))
    return found


def _one_skipped(initials: str, short: str) -> bool:
    """Does ``short`` spell ``initials`` but one inner letter ("KGE" of "KGSE")?"""
    return len(initials) == len(short) + 1 and any(initials[:i] + initials[i + 1:] == short
                                                    for i in range(1, len(initials) - 1))


def agreement_type(name: str) -> bool:
    return re.search(rf"\b(?:{AGREEMENT_WORDS})$", name) is not None


def _strip_leading_places(text: str, start: int, aliases: AliasTable, out: list[Candidate]) -> tuple[str, int]:
    """ "South Korean Foreign Ministry" -> "Foreign Ministry": the country is its own mention (added to ``out``)."""
    words = text.split(" ")
    if words[0] in {"The", "the"} and len(words) > 1:
        return _strip_leading_places(" ".join(words[1:]), start + 4, aliases, out)
    for n in range(min(3, len(words) - 1), 0, -1):
        head = " ".join(words[:n])
        place = aliases.demonym(head) or aliases.place(head)
        if place and is_generic(" ".join(words[n:])):  # "American Civil Liberties Union" stays whole
            written = len(head) - (2 if head[-2:] in {"'s", "’s"} else 0)  # "Japan's" -> "Japan"
            out.append(Candidate(start, start + written, "place", place, "organization",
                                 nationality=aliases.demonym(head) is not None))
            return _strip_leading_places(" ".join(words[n:]), start + len(head) + 1, aliases, out)
    if words[0].lower() in _SENTENCE_OPENERS or words[0].lower() in WEEKDAYS_MONTHS:  # "But Police said"
        return _strip_leading_places(" ".join(words[1:]), start + len(words[0]) + 1, aliases, out)
    if words[0].lower().endswith("ing") and words[0][:1].isupper():  # "Citing Foreign Ministry officials"
        return " ".join(words[1:]), start + len(words[0]) + 1
    return text, start



# A country's name, written with capitals and standing alone (no capitalised word joined to it, as in "Chad
# Varga"): a place even where the model saw nothing; a known table or the ISO list says which names are countries.
_CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}(?![\w'’-]| [A-Z])")
_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w'’.-]* $")


def _countries(paragraph: str, aliases: AliasTable) -> list[Candidate]:
    """Countries the model missed ("talks with Kestrelia and Ruritania"), as the weakest candidates."""
    out = []
    for match in _CAPITALISED.finditer(paragraph):
        text = match.group(0)
        if text.startswith("The ") or _CAPITALISED_BEFORE.search(paragraph[max(0, match.start() - 30):match.start()]):
            continue  # "The United States" is the model's to read; "Varga Chad" is a name
        place = len(text) >= 4 and aliases.place(text)
        if place and not aliases.capital_of(text):
            out.append(Candidate(match.start(), match.end(), "place", place, "ner"))
    return out


# A name the text calls a news agency, a newspaper, a firm… right before it: "the news agency Quelta", "the firm Velmar"
# (teams.retype makes its other mentions the firm too).
# What a text calls a firm right before its name (teams.py reads more kinds there: club, team, chain…).
FIRM_KINDS = r"news agency|newspaper|firm|company|airline|broadcaster|carmaker|insurer|lender"
_KIND_NAME = re.compile(rf"\b(?:{FIRM_KINDS})\s+"
                        r"(?P<name>[A-Z][\w'’&-]+(?:\s+[A-Z][\w'’&-]+){0,2})(?![\w'’&-])")
_NOT_A_NAME = WEEKDAYS_MONTHS | {"said", "says", "has", "had", "was", "is", "will", "would", "president", "chairman",
                                 "spokesman", "spokeswoman", "chief", "the", "and", "in", "on", "for"}
_SETTLEMENT_NAME = re.compile(r"\b(?:city|town|village|province|state|region|district|county|port|suburb|island|"
                              r"capital) of (?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)(?![\w'’-])")
_POSSESSIVE = re.compile(r"(?:'s|’s|s'|s’)\s+")


def _after_possessive(text: str, start: int) -> tuple[str, int]:
    """ "Ruiz's Senate Committee" -> "Senate Committee": an owner's name is no part of the body's."""
    cut = None
    for cut in _POSSESSIVE.finditer(text):
        pass
    return (text[cut.end():], start + cut.end()) if cut else (text, start)


def from_rules(paragraph: str, acronyms: dict[str, str], org_like: set[str], aliases: AliasTable) -> list[Candidate]:
    out: list[Candidate] = teams(paragraph, aliases, {name.upper() for name in org_like})
    out += date_line(paragraph) + _countries(paragraph, aliases)
    if "(" in paragraph and any(ch.isdigit() for ch in paragraph) or "beat " in paragraph:
        out += ranked_people(paragraph, aliases)
    if paragraph.count(" - ") + paragraph.count(" -") >= 3:
        out += lineup(paragraph)
    out += scorecard_people(paragraph, aliases)
    for match in _ORGANIZATION.finditer(paragraph):
        text, start = _strip_leading_places(match.group(0).rstrip(), match.start(), aliases, out)
        text, start = _after_possessive(text, start)
        if len(text.split()) >= 2 and not aliases.place(text) and not is_landform(text, aliases):
            out.append(Candidate(start, start + len(text), "organization", aliases.organization(text) or text, "organization"))
    out.extend(generic_words(paragraph))
    out += [Candidate(m.start("name"), m.end("name"), "organization", m.group("name"), "ner")  # the model's first
            for m in _KIND_NAME.finditer(paragraph) if m.group("name").split()[0].lower() not in _NOT_A_NAME]
    if " of " in paragraph:  # "the town of Ostra" the model missed: a place (the model's own reading comes first)
        out += [Candidate(m.start("name"), m.end("name"), "place", aliases.place(m.group("name")) or m.group("name"),
                          "ner") for m in _SETTLEMENT_NAME.finditer(paragraph)]
    clubs = (_CLUB, _CLUB_NAME) if _CLUB_WORD.search(paragraph) else ()
    for pattern in (*clubs, _AND_ORGANIZATION):  # "FC Porto", "Castel Athletic", "the Trade and ... Board"
        for match in pattern.finditer(paragraph):
            text, start = _after_possessive(match.group(0), match.start())
            if len(text.split()) >= 2:
                out.append(Candidate(start, start + len(text), "organization", text, "organization"))
    agreements = _AGREEMENT.finditer(paragraph) if _AGREEMENT_WORD.search(paragraph) else ()
    for match in agreements:
        text = match.group(0)
        start = match.start()
        while text.split(" ", 1)[0] in {"The", "the", "of", "on", "for", "and"} and " " in text:
            head, text = text.split(" ", 1)
            start += len(head) + 1
        if len(text.split()) >= 2:
            out.append(Candidate(start, start + len(text), "agreement", text, "agreement"))
    for short, long in acronyms.items():
        kind = "agreement" if agreement_type(long) else "organization"
        for match in re.finditer(rf"\b{re.escape(long)}\b", paragraph):
            out.append(Candidate(match.start(), match.end(), kind, long, "acronym"))
        for match in re.finditer(rf"(?<![\w.]){re.escape(short)}(?![\w])", paragraph):
            out.append(Candidate(match.start(), match.end(), kind, long, "acronym"))
    for match in _THE_DIRECTION.finditer(paragraph):
        direction = match.group("dir")
        named = sorted(name for name in org_like if name.startswith(direction + " "))
        if len(named) == 1:  # "the South" is South Korea only when one South X is in the article
            out.append(Candidate(match.start("dir"), match.end("dir"), "place", named[0], "direction"))
    return out
