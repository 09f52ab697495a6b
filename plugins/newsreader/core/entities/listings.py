"""Names in lines laid out rather than written: sports listings (results, standings, fixtures), results lists,
team sheets, and a dateline standing as its own paragraph."""

from __future__ import annotations

import re

from .aliases import AliasTable
from .candidate import Candidate
from .names import is_function_word
from .people import NOT_A_SURNAME, WEEKDAYS_MONTHS

_DATE_WORDS = WEEKDAYS_MONTHS | {"postponed", "result", "results", "at"}

# Sports listings name teams: a result ("Tigers 3 Hawks 1", several to a line), a standings row (a name then
# five or more columns of figures, or a winning percentage ".625") and a fixture ("TIGERS V HAWKS"); in "TIGERS AT
# HAWKS" the second name is where the game is played, a place.
_TEAM = r"[A-Z][\w'’.&-]*(?: [A-Z][\w'’.&-]*){0,3}"
_RESULT = re.compile(rf"(?:^|(?<=[,;] ))(?P<a>{_TEAM}) \d{{1,3}} (?P<b>{_TEAM}) \d{{1,3}}(?= ?[,;(.]|$)")
_STANDING = re.compile(rf"^(?P<a>{_TEAM})(?: \d{{1,3}}){{5,}} ?$|^(?P<b>{_TEAM})(?: \d{{1,3}}){{1,3}} \.\d{{3}}\b")
_FIXTURE = re.compile(rf"^(?P<a>{_TEAM}) (?P<at>AT|at|v|vs\.?|VS\.?) (?P<b>{_TEAM}) ?$")


def _team_name(name: str, places: set[str], aliases: AliasTable) -> str:
    """A team named by its city is not the city: "Kestrel" stays "Kestrel", "BERLIN" the team is "Berlin (team)"
    (a place the article or the table knows), so that the city's page keeps its type."""
    title = " ".join(w.capitalize() for w in name.split()) if name.isupper() else name
    if title.upper() in places or aliases.place(title) or aliases.capital_of(title):
        return f"{title} (team)"
    return aliases.organization(name) or name


def teams(paragraph: str, aliases: AliasTable, places: set[str] = frozenset()) -> list[Candidate]:
    """Teams named by a sports listing line: organisations, whatever the model made of a city or a county
    (``places``: the article's place names in capitals)."""
    if not any(ch.isdigit() for ch in paragraph) and " AT " not in paragraph and " v" not in paragraph:
        return []
    out = []
    line = paragraph.strip()
    lead = len(paragraph) - len(paragraph.lstrip())
    # A fixture line names two teams; a heading that sets two things against each other does not ("Town vs. The
    # Crown."): a full stop after it, or a name opening with "The", is prose.
    fixtures = () if line.endswith(".") or re.search(r"(?:^| )The ", line) else _FIXTURE.finditer(line)
    for match in (*_RESULT.finditer(line), *_STANDING.finditer(line), *fixtures):
        for group in ("a", "b"):
            name = match.group(group)
            if not name or is_function_word(name) or name.isdigit():
                continue
            start = match.start(group) + lead
            if group == "b" and match.re is _FIXTURE and match.group("at").lower() == "at":  # "TIGERS AT HAWKS": the venue
                title = " ".join(w.capitalize() for w in name.split()) if name.isupper() else name
                out.append(Candidate(start, start + len(name), "place", aliases.place(title) or title, "listing"))
                continue
            out.append(Candidate(start, start + len(name), "organization", _team_name(name, places, aliases),
                                 "organization", team=True))
    return out


# Results written out, read only in a sports article: "At Ostra : Harwick beat Quenby by six wickets", "Quenby 301
# ( A. Ruiz 88 ) , Harwick 97 and 150-4 .", "Harwick 18 points , Quenby 6 .", "Harwick v Quenby", "May 4 v Quenby": teams.
_NAME = r"(?![A-Z]\.)[A-Z][\w'’&-]*(?: [A-Z][\w'’&-]*){0,2}"
_SCORE = r"\d{1,3}(?:-\d{1,2})?"
_WRITTEN_OUT = (
    re.compile(rf"(?:^|: )(?P<a>{_NAME}) beat (?P<b>{_NAME})(?= by\b| \d)"),
    re.compile(rf"(?:^|: |, )(?P<a>{_NAME}) {_SCORE}(?: and {_SCORE})?(?: points)?(?= \(| ,| \.| ;|$)"),
    re.compile(rf"(?:^|: |, )(?P<a>{_NAME}) v (?P<b>{_NAME})(?= ,| \(| \.|$)"),
    re.compile(rf"\d v (?P<b>{_NAME})(?= ,| \(| \.|$)"),
)


def written_teams(paragraph: str) -> list[tuple[int, str]]:
    """(start, name) of the teams of results written out (outside brackets, where players' figures are)."""
    out = []
    for pattern in _WRITTEN_OUT:
        for match in pattern.finditer(paragraph):
            for group in ("a", "b"):
                name = match.groupdict().get(group)
                start = match.start(group) if name else -1
                if name and not is_function_word(name) and name.split()[0].lower() not in _DATE_WORDS \
                        and paragraph.count("(", 0, start) == paragraph.count(")", 0, start):
                    out.append((start, name))
    return out


# A results list ranks people with their country in brackets: "3. Ana Ruiz ( Chile ) 11.20", "2 - Ana Ruiz (Chile)
# beat Mia Holt (Norway) 6-2": a rank then a dot, "=" or dash, or "beat", before two to four names.
_RANKED_PERSON = re.compile(
    r"(?:(?:^|(?<=\s))\d{1,3}(?:[.=]|\s+-)\s+|\bbeat\s+)"
    r"(?P<name>[A-Z][a-z][\w'’-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|da|del|der|le|la|di)){1,3})\s*\(\s*(?P<place>[^()]{2,30}?)\s*\)"
)


# A team sheet numbers its players: "1 - Ana Ruiz , 2 - Mia Holt ( 14 - Ola Berg 60th ) , 3 - Ivo Lang": three
# or more numbered names in one paragraph are people.
_LINEUP_ITEM = re.compile(
    r"(?:^|(?<=[\s(]))\d{1,2} ?- ?(?P<name>[A-Z][\w'’-]*(?: (?:[A-Z][\w'’-]*|de|van|von|da|del|der|le|la|di|dos)){0,3})"
    r"(?= ?[,;.()]| \d| ?$)"
)


def lineup(paragraph: str) -> list[Candidate]:
    items = list(_LINEUP_ITEM.finditer(paragraph))
    if len(items) < 3:
        return []
    return [Candidate(m.start("name"), m.end("name"), "person", m.group("name"), "listing") for m in items
            if m.group("name").split()[-1] not in NOT_A_SURNAME and not is_function_word(m.group("name"))]


def ranked_people(paragraph: str, aliases: AliasTable) -> list[Candidate]:
    """People of a results list: a ranked or beaten name with a known country in brackets after it."""
    out = []
    for match in _RANKED_PERSON.finditer(paragraph):
        place = match.group("place")
        if aliases.place(place) or aliases.capital_of(place) or aliases.demonym(place):
            name = match.group("name")
            if name.split()[-1] not in NOT_A_SURNAME:
                out.append(Candidate(match.start("name"), match.end("name"), "person", name, "listing"))
            team = _RIDER_TEAM.match(paragraph, match.end())
            if team and not is_function_word(team.group("team")):
                out.append(Candidate(team.start("team"), team.end("team"), "organization", team.group("team"),
                                     "listing"))
    return out


# The team a ranked rider or driver rides for, after the country: "1. Ana Ruiz ( Chile ) Velmo 3 hours 12 mins",
# "2. Ana Ruiz ( Chile ) , Velmo Ford , 61.207": an organisation.
_RIDER_TEAM = re.compile(
    r"\s*,?\s*(?P<team>[A-Z][\w'’&-]*(?: [A-Z][\w'’&-]*){0,2})(?= ?,? \d| same time| all same|\s*$)")


# A dateline standing as its own paragraph, without the dash of :func:`metonyms.dateline`: "BRACKTON 2024-05-04",
# "BRACKTON , Kestrelia 2024-05-04", "BRACKTON, May 4": the place (and its country) are places.
_DATE_LINE = re.compile(
    r"^(?P<city>[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3})(?: ?, (?P<country>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,2}))?"
    r",? (?:\d{4}-\d{2}-\d{2}|[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?)\s*$"
)


def date_line(paragraph: str) -> list[Candidate]:
    match = _DATE_LINE.match(paragraph.strip())
    if not match:
        return []
    lead = len(paragraph) - len(paragraph.lstrip())
    out = []
    for group in ("city", "country"):
        if match.group(group):
            written = match.group(group)
            name = " ".join(w.capitalize() for w in written.split()) if written.isupper() else written
            out.append(Candidate(lead + match.start(group), lead + match.end(group), "place", name, "capitals"))
    return out
