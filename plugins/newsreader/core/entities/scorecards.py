"""People named by the lines of a sports report laid out as figures: goal scorers with their minute, a cricket
scorecard's batting and bowling lines, a golfer's rounds, an initial and a surname with a batsman's or a bowler's
figures in a results line. The model reads many of these names as organisations (a name in a line of figures looks
like a team); the shape of the line says a person."""

from __future__ import annotations

import re

from .aliases import AliasTable
from .candidate import Candidate
from .names import is_function_word
from .people import NOT_A_SURNAME

_PARTICLE = r"(?:de|van|von|da|del|der|den|le|la|di|dos|du|ter)"
_WORD = r"[A-Z][\w'’-]*"
_NAME = rf"{_WORD}(?: (?:{_WORD}|{_PARTICLE})){{0,3}}"
_INITIALLED = rf"(?:[A-Z]\. ?){{1,3}}{_WORD}(?: {_WORD})?"  # "A. Ruiz", "J.R. Holt", "T.O'Malley"
_ORDINAL = r"\d{1,3}(?:st|nd|rd|th)"

# A goal and the minute it was scored in, or a substitute and the minute he came on: "Kestrelia - Ivo Lang ( 31st ) ,
# Mia Holt ( 75th minute )", "Ivo Lang ( 41st min , pen )", "Ivo Lang , 22nd minute", "( Ola Berg 77th )", "( 14 - Ola
# Berg , 57th )".
_MINUTE = re.compile(
    rf"(?:^|(?<=[-(,;:] ))(?:\d{{1,2}} - )?(?P<name>{_NAME})"
    rf"(?: \( ?| , | )(?P<minute>{_ORDINAL})(?P<word> (?:minute|min|mins)\b)?(?= ?[),;]| (?:minute|min|mins)\b| ?$)")
# A cricket scorecard: "A. Ruiz c Holt b Berg 56", "Ivo Lang lbw b Berg 0", "Ana Ruiz st Holt b Berg 2",
# "A. Ruiz run out 16", "A. Ruiz not out 83", "A. Ruiz c & b Berg 4"; a bowler's figures "Berg 9.5-0-44-1".
_WHO = rf"(?:{_INITIALLED}|{_NAME})"
_OUT = rf"(?:(?:c|st) (?P<fielder>{_WHO}) )?(?:lbw )?b (?P<bowler>{_WHO})|c & b (?P<caught>{_WHO})|run out|not out|retired hurt"
_BATTING = re.compile(rf"^(?P<name>{_WHO}) (?:{_OUT}) \d{{1,3}}$")
_BOWLING = re.compile(rf"(?:^|(?<=: )|(?<=, ))(?P<name>{_INITIALLED}|(?:{_PARTICLE} )?{_NAME}) \d{{1,2}}(?:\.\d)?-\d{{1,2}}-\d{{1,3}}-\d{{1,2}}\b")
_DID_NOT_BAT = re.compile(rf"^Did [Nn]ot [Bb]at : (?P<names>{_NAME}(?: , {_NAME})*(?: , ?)?) ?\.?$")
# A batsman's runs or a bowler's wickets beside an initialled name in a results line: "( A. Ruiz 69 , H. Holt 4-43 )",
# "( K. Berg 130 not out )".
_FIGURES = re.compile(rf"(?:(?<=\( )|(?<=, )|(?<=; ))(?P<name>{_INITIALLED}) \d{{1,3}}(?:-\d{{1,3}})?(?: not out)?(?= ?[,;)]| ?$)")
# A golfer's rounds: "Ana Ruiz ( Chile ) 71 73 70 69", "288 Ivo Lang 70 76 71 70": scores of a round of golf.
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
