"""Names a sports report's layout settles. People named by its lines of figures: goal scorers with their minute, a
cricket scorecard's batting and bowling lines, a golfer's rounds, an initial and a surname with a batsman's or a
bowler's figures in a results line (the model reads many of these as organisations: a name in a line of figures looks
like a team; the shape of the line says a person). The venue of a results line (a place) and a team's plural
nickname after "the" (an organisation), read in a sports article only (``teams.retype``)."""

from __future__ import annotations

import re

from .aliases import AliasTable
from .candidate import Candidate
from .names import LANDFORM_WORDS, is_function_word
from .people import CLUB_WORDS, NOT_A_SURNAME, WEEKDAYS_MONTHS

_PARTICLE = r"(?:de|van|von|da|del|der|den|le|la|di|dos|du|ter)"
_WORD = r"[A-Z][\w'’-]*"
_NAME = rf"{_WORD}(?: (?:{_WORD}|{_PARTICLE})){{0,3}}"
_INITIALLED = rf"(?:[A-Z]\. ?){{1,3}}{_WORD}(?: {_WORD})?"  # "A. Ruiz", "J.R. Holt", "T.O'Malley"
_ORDINAL = r"\d{1,3}(?:st|nd|rd|th)"

# A goal and the minute it was scored in, or a substitute and the minute he came on: "Kestrelia - Ivo Lang ( 17th ) ,
# Mia Holt ( 83rd minute )", "Ivo Lang ( 38th min , pen )", "Ivo Lang , 19th minute", "( Ola Berg 64th )", "( 14 - Ola
# Berg , 52nd )".
_MINUTE = re.compile(
    rf"(?:^|(?<=[-(,;:] ))(?:\d{{1,2}} - )?(?P<name>{_NAME})"
    rf"(?: \( ?| , | )(?P<minute>{_ORDINAL})(?P<word> (?:minute|min|mins)\b)?(?= ?[),;]| (?:minute|min|mins)\b| ?$)")
# A cricket scorecard: "A. Ruiz c Holt b Berg 38", "Ivo Lang lbw b Berg 0", "Ana Ruiz st Holt b Berg 9",
# "A. Ruiz run out 21", "A. Ruiz not out 47", "A. Ruiz c & b Berg 4"; a bowler's figures "Berg 8.3-1-37-2".
_WHO = rf"(?:{_INITIALLED}|{_NAME})"
_OUT = rf"(?:(?:c|st) (?P<fielder>{_WHO}) )?(?:lbw )?b (?P<bowler>{_WHO})|c & b (?P<caught>{_WHO})|run out|not out|retired hurt"
_BATTING = re.compile(rf"^(?P<name>{_WHO}) (?:{_OUT}) \d{{1,3}}$")
_BOWLING = re.compile(rf"(?:^|(?<=: )|(?<=, ))(?P<name>{_INITIALLED}|(?:{_PARTICLE} )?{_NAME}) \d{{1,2}}(?:\.\d)?-\d{{1,2}}-\d{{1,3}}-\d{{1,2}}\b")
_DID_NOT_BAT = re.compile(rf"^Did [Nn]ot [Bb]at : (?P<names>{_NAME}(?: , {_NAME})*(?: , ?)?) ?\.?$")
# A batsman's runs or a bowler's wickets beside an initialled name in a results line: "( A. Ruiz 72 , H. Holt 3-51 )",
# "( K. Berg 104 not out )".
_FIGURES = re.compile(rf"(?:(?<=\( )|(?<=, )|(?<=; ))(?P<name>{_INITIALLED}) \d{{1,3}}(?:-\d{{1,3}})?(?: not out)?(?= ?[,;)]| ?$)")
# A golfer's rounds: "Ana Ruiz ( Chile ) 68 74 70 71", "283 Ivo Lang 72 69 75 67": scores of a round of golf.
_ROUNDS = re.compile(rf"(?:^|(?<=\d )|(?<=, ))(?P<name>{_NAME})(?: \( [A-Z][\w. ]{{1,30}} \))?(?P<rounds>(?: [6-8]\d){{2,4}})(?= ,|$| \d{{3}}\b)")
# A player, her country, and the one she beat: "Ana Ruiz ( Chile ) beat Mia Holt", "6-1 Ana Ruiz ( Chile ) beat ...".
_BEAT = re.compile(rf"(?:^|(?<=\d ))(?P<name>{_WORD} {_NAME}) \( (?P<place>[A-Z][\w. ]{{1,30}}?) \) (?:beat|bt)\b")

_ORDINAL_SIGN = re.compile(r"\d(?:st|nd|rd|th)\b")
_INITIAL_SIGN = re.compile(r"[A-Z]\. ?[A-Z][\w'’-]* \d")
_ROUNDS_SIGN = re.compile(r" [6-8]\d [6-8]\d\b")


def _person(name: str, aliases: AliasTable) -> bool:
    bare = name.strip()
    return not (is_function_word(bare) or bare.split()[-1] in NOT_A_SURNAME or aliases.place(bare)
                or aliases.capital_of(bare) or aliases.demonym(bare) or aliases.organization(bare))


def scorecard_people(paragraph: str, aliases: AliasTable) -> list[Candidate]:
    """People of a sports report's lines of figures (see the module's doc)."""
    if not any(ch.isdigit() for ch in paragraph) and " bat :" not in paragraph and " Bat :" not in paragraph:
        return []
    line = paragraph.strip()
    lead = len(paragraph) - len(paragraph.lstrip())
    spans: list[tuple[int, int]] = []
    # Each shape is looked for only where a cheap sign of it is (most paragraphs are prose, with none).
    minutes = [m for m in _MINUTE.finditer(line) if 0 < int(m.group("minute")[:-2]) <= 130] \
        if _ORDINAL_SIGN.search(line) else []
    for m in minutes:  # one name alone with an ordinal might be a team's rank: a minute word, two words or two goals
        if m.group("word") or " " in m.group("name") or len(minutes) >= 2:
            spans.append(m.span("name"))
    batting = _BATTING.match(line)
    if batting:
        spans += [batting.span(g) for g in ("name", "fielder", "bowler", "caught") if batting.group(g)]
    if line.count("-") >= 3:
        spans += [m.span("name") for m in _BOWLING.finditer(line)]
    listed = _DID_NOT_BAT.match(line)
    if listed:
        at = listed.start("names")
        for name in listed.group("names").split(" , "):
            name = name.strip(" ,")
            if name:
                at = line.index(name, at)
                spans.append((at, at + len(name)))
                at += len(name)
    if "(" in line:
        if _INITIAL_SIGN.search(line):
            spans += [m.span("name") for m in _FIGURES.finditer(line)]
        if " beat " in line or " bt " in line:
            spans += [m.span("name") for m in _BEAT.finditer(line)
                      if aliases.place(m.group("place")) or aliases.demonym(m.group("place"))]
    if _ROUNDS_SIGN.search(line):
        spans += [m.span("name") for m in _ROUNDS.finditer(line) if " " in m.group("name")]
    out, seen = [], set()
    for start, end in sorted(spans):
        name = line[start:end]
        if (start, end) in seen or not _person(name, aliases):
            continue
        seen.add((start, end))
        out.append(Candidate(lead + start, lead + end, "person", name, "listing"))
    return out


# Where a game is played, in a results line or a fixture: "At Ostra : Tigers beat Hawks", "Ostra : Tigers 301",
# "Ostra ( Hill Park ) : ...", "( at Hill Park , Ostra )".
_PLACE = r"[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,3}"
VENUES = (
    re.compile(rf"^(?:[Aa]t )?(?P<a>{_PLACE})(?: \( (?P<b>{_PLACE}) \))? : (?:[A-Z][\w'’.-]* ){{1,3}}(?:\d|beat\b)"),
    re.compile(rf"\( ?[Aa]t (?P<a>{_PLACE})(?: , (?P<b>{_PLACE}))? ?[,)]"),
)


def add_venues(paragraphs: list[str], found, aliases: AliasTable) -> None:
    """The venue of a results line the model did not find, written with "at" ("At Brindlecombe : Harwick beat ...",
    "( at Hill Park , Ostra )"): a place (not without "at": "Scorers : Ivo Lang 12th minute" has the same shape)."""
    for p_index, paragraph in enumerate(paragraphs, start=1):
        if "at " not in paragraph.lower():
            continue
        mine = [c for i, _, c in found if i == p_index]
        for venue in VENUES:
            for match in venue.finditer(paragraph):
                for group in "ab":
                    start, end = match.span(group)
                    name = match.group(group)
                    if name and match.group(0).lstrip("( ")[:3].lower() == "at " \
                            and not any(c.start < end and start < c.end for c in mine) and not is_function_word(name) \
                            and name.split()[0].lower() not in WEEKDAYS_MONTHS:
                        cand = Candidate(start, end, "place", aliases.place(name) or name, "listing")
                        mine.append(cand)
                        found.append((p_index, paragraph, cand))


# A team's plural nickname after "the", with the town it is from: "the Kestrels", "beat the Harwick Hawks" (not "the
# Times", a company's "Holdings"; not a place: "the Netherlands", "in the Alps").
_NICKNAME = re.compile(r"(?<!\b[Ii]n )(?<!\bto )(?<!\bat )\bthe (?P<name>(?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+[a-rt-z]s)\b(?! ?['’]? [A-Z])")
_EVENT_PLURALS = frozenset("Games Olympics Finals Championships Masters Series Playoffs Majors Nationals Paralympics".split())
_LANDFORM = re.compile(rf"(?:{LANDFORM_WORDS}|Falls|Lakes|Heights|Alps)$")  # "the Ostley Mountains": a place


def nicknames(paragraphs: list[str], found, aliases: AliasTable) -> None:
    """Teams named by a plural nickname: an organisation in place of what the model made of its words."""
    surnames = {c.name.split()[-1] for _, _, c in found if c.type == "person" and " " in c.name}
    for p_index, paragraph in enumerate(paragraphs, start=1):
        if "the " not in paragraph:
            continue
        for match in _NICKNAME.finditer(paragraph):
            name = match.group("name")
            last = name.split()[-1]
            if last in _EVENT_PLURALS or _LANDFORM.match(last) or (last in NOT_A_SURNAME and last not in CLUB_WORDS) or last in surnames \
                    or aliases.place(name) or aliases.place(last) or aliases.demonym(last) or aliases.demonym(name):
                continue
            start, end = match.span("name")
            inside = [c for i, _, c in found if i == p_index and c.start < end and start < c.end]
            if any(c.start < start or c.end > end or c.type not in {"person", "place", "organization"}
                   or c.source not in {"ner", "capitals"} for c in inside):
                continue  # part of a longer name, or a name another rule settled
            found[:] = [t for t in found if t[2] not in inside]
            found.append((p_index, paragraph, Candidate(start, end, "organization", name, "organization", team=True)))


# A squad, a team sheet or a field written as a list: "Kestrelia - Ivo Lang ( captain ) , Ana Ruiz , Holt , Mia Berg".
_SQUAD_ITEM = re.compile(rf"(?:{_PARTICLE} )?{_NAME}")
_LIST_HEAD = re.compile(r"^[^,]*? (?:-|:) ")


def squad_people(paragraphs: list[str], found, aliases: AliasTable) -> None:
    """Every name of a list of five or more names, half of them people already, is a person (a lone surname too)."""
    for p_index, paragraph in enumerate(paragraphs, start=1):
        if paragraph.count(" , ") < 3:
            continue
        head = _LIST_HEAD.match(paragraph)
        items, segments = [], 0
        for segment in re.finditer(r"[^,;]+", paragraph[head.end() if head else 0:]):
            segments += 1
            offset = (head.end() if head else 0) + segment.start()
            text = segment.group(0).split("(")[0].rstrip(" .")
            name = text.strip()
            if name and _SQUAD_ITEM.fullmatch(name) and not (aliases.place(name) or aliases.demonym(name)
                                                           or aliases.organization(name)):
                start = offset + text.index(name)
                items.append((start, start + len(name)))
        mine = [c for i, _, c in found if i == p_index]
        people = sum(any(c.type == "person" and c.start == s and c.end == e for c in mine) for s, e in items)
        if len(items) < 5 or len(items) * 5 < segments * 4 or people * 2 < len(items):
            continue
        for start, end in items:
            inside = [c for c in mine if c.start < end and start < c.end]
            if any(c.type == "person" for c in inside) or any(c.start < start or c.end > end for c in inside):
                continue
            found[:] = [t for t in found if t[2] not in inside]
            found.append((p_index, paragraph, Candidate(start, end, "person", paragraph[start:end], "listing")))
