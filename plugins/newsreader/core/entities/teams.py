"""Types the words around a name settle across an article: teams, firms and towns the model reads otherwise.

- A sports article (:func:`is_sports`) names teams by their town or county: a name is a team when the text uses it
  as one ("beat Ostrava", "against Harwick", "Harwick captain Ana Ruiz", "Harwick 's keeper", "Harwick were 96 for
  four"), when a listing line or a result written out names it ("Harwick 18 points"), or when a list
  ("Harwick, Tolley and Brandmoor") joins it to a team. A team is a team in all the article's mentions, found or
  not by the model, but those after "in" (the town itself); a team whose name may be a town's is "Harwick (team)",
  so that the town keeps its own entity across the site.
- A firm: a name the text calls one ("the firm Velmar"), a name right before a spokesman, chairman or chief
  executive ("Velmar spokesman Ivo Lang"), a name whose shares move ("Velmar was up 2 to 41"), and a bare name the
  article writes with a company suffix elsewhere ("Velmar Inc" makes every "Velmar" the company).
- A town: "the town of Ostra", "Ostra county", a dateline, the venue of a results line: a place in all mentions.

Never a name the article shows to be a person (a word of a full name, a title), nor a country, a capital or a
nationality the alias table knows.
"""

from __future__ import annotations

import re

from .aliases import AliasTable, surface_key
from .candidate import Candidate
from .listings import date_line, written_teams
from .ner import SETTLEMENT_AFTER
from .names import is_function_word, is_generic
from .patterns import FIRM_KINDS, ORG_WORD
from .people import NOT_A_SURNAME, WEEKDAYS_MONTHS, standalone
from .scorecards import VENUES, add_venues, nicknames, squad_people


def _words(alternatives: str) -> re.Pattern:
    """``\\b(?:alternatives)\\b``, case-insensitive, with a look-ahead for the letters the alternatives start with: the
    same matches, but the engine tries the alternatives only at the words that can be one (it scans whole articles).
    """
    firsts = {alternative[:1].lower() for alternative in re.split(r"\|(?![^()]*\))", alternatives)}
    if not all(first.isalpha() and first.isascii() for first in firsts):
        raise ValueError(f"every alternative must start with a letter: {sorted(firsts)}")
    return re.compile(rf"\b(?=[{''.join(sorted(firsts))}])(?:{alternatives})\b", re.I)


# Words of games, and words games share with elections ("victory", "season", "points", "goal"): a sports article
# is dense with them (:func:`is_sports`).
_SPORTS_WORDS = _words(
    r"innings|wickets?|not out|overs|batsman|bowler|all-rounder|goalkeeper|keeper|striker|midfielder|"
    r"defender|winger|skipper|captaincy|coach|league|championship|inning|homer(?:s|ed)?|pitcher|quarterback|"
    r"touchdowns?|semi-?finals?|quarter-?finals?|tournament|stadium|half-?time|scrum-half|team[- ]?mates?|"
    r"standings|soccer|cricket|rugby|tennis|baseball|basketball|golf")
_SHARED_WORDS = _words(r"match(?:es)?|season|cup|club|fans|captain|draw|drew|defeat|victory|points|games|goals?|penalty")
_MEMBER = (r"captain|coach|manager|keeper|goalkeeper|striker|forward|midfielder|defender|winger|skipper|"
           r"all-rounder|batsman|opener|bowler|spinner|pitcher|quarterback|fans|supporters|players?|team-?mates?|"
           r"chairman|owner")
_MEMBER_AFTER = re.compile(rf"^\s?(?:'s|’s|'|’)?\s+(?:[\w-]+\s+)?(?:{_MEMBER})\b")
_PLAY_BEFORE = re.compile(
    r"\b(?:against|beat|beats|beating|defeated|defeating|thrashed|routed|edged|dismiss(?:ed|ing)?|bowling|"
    r"reducing|reduced|(?:victory|win|winners|lead) over|lost to|losing to|drew with|draw with|joined|rivals|"
    r"hopefuls|contenders|champions|leaders|"
    r"v|vs\.?)\s+(?:the\s+)?(?:[a-z]+\s+)?$")
_NUMBER = r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)"
_PLAY_AFTER = re.compile(
    rf"^\s(?:, who\s+)?(?:(?:had|have|has)\s+)?(?:reached|closed on|declared|were bowled out|beat|defeated|"
    rf"thrashed|routed|edged|(?:(?:were|was|are|is|finished|ended)\s+)?\d{{1,3}} for {_NUMBER}\b|"
    rf"\d{{1,3}}-\d{{1,2}}(?![\d-]))")
_OFFICER_AFTER = re.compile(
    r"^\s(?:spokes(?:wo)?man|spokesperson|chairman|chairwoman|CEO|chief executive|managing director|"
    r"general manager)\s+[A-Z]")
_STOCK_AFTER = re.compile(
    r"^\s?(?:(?:'s|’s)\s+(?:shares|stock)|\s(?:said|says) in a (?:statement|release)\b|"
    r"\s(?:shares|stock)\s+(?:rose|fell|gained|lost|jumped|slipped|closed)|"
    r"\s(?:was|were|closed|ended|finished)\s+(?:up|down|off)\s+\d)")
# "Quelta news agency said" (not "the Ostran news agency Velkora": an adjective, the agency named after it)
_KIND_AFTER = re.compile(r"^\s(?:news agency|newspaper|news service|magazine|airline)\b(?!\s+[A-Z])")
_ARTICLE_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+$")
_SUFFIX = re.compile(
    r"^([A-Z][\w&'’.-]*(?: [A-Z][\w&'’.-]*){0,2}) (?:Inc|Corp|Co|Ltd|plc|PLC|SpA|AG|SA|NV|AB|Oyj|GmbH)\.?$")
_IN_BEFORE = re.compile(r"\b[Ii]n\s+$")
# What a text calls an organisation right before its name: "the football club Ostrava", "the software firm Velmorix",
# "the news agency Quelta", "the daily Kestrel Courier".
_KIND_BEFORE = re.compile(rf"\b(?:{FIRM_KINDS}|club|team|group|chain|daily|weekly|agency|brokerage|conglomerate|"
                          r"distributor|manufacturer|retailer|contenders)\s+$")
# A town the model reads as a place, used as a team: "Ostra won", "Ostra 's lead", "Ostra 's Ivo Lang" (sports).
_TEAM_AFTER_PLACE = re.compile(
    r"^\s(?:(?:has|have|had)\s+)?(?:won|lost|tied|rallied|trailed|defeated)\b|"
    r"^\s?(?:'s|’s)\s+(?:lead|win|victory|defeat|loss|streak|[A-Z][a-z]+ [A-Z][a-z]+)\b")


def _key(text: str) -> str:
    written = surface_key(text)
    return " ".join(w.capitalize() for w in written.split()) if written.isupper() else written


# A plural verb after one name, as a side is written of ("Harwick were", "Harwick are third"): a team.
_PLURAL_AFTER = re.compile(r"^\s(?:are|were|have)\b")
_JOINED_BEFORE = re.compile(r"(?:\b(?:and|or|nor)|&|\b[A-Z][\w'’-]*\s*,)\s*$")


def _collective(before: str, cand, after: str) -> bool:
    """One word, no plural ("Kestrels"), and not the last of several names ("Ruiz and Holt were")."""
    return " " not in cand.name and not cand.name.endswith("s") and _PLURAL_AFTER.match(after) is not None \
        and not _JOINED_BEFORE.search(before)


def is_sports(paragraphs: list[str], listed: bool) -> bool:
    """A sports article: two kinds of sports words and two of them in a thousand characters (a word games share
    with elections counts half), or one kind and one in two thousand with a listing line of results or standings.
    Political news that mentions a golf course, a goal or a victory is not one."""
    text = "\n".join(paragraphs)
    strong, shared = _SPORTS_WORDS.findall(text), _SHARED_WORDS.findall(text)
    kinds = len({w.lower() for w in strong + shared})
    density = (len(strong) + len(shared) / 2) * 1000 / max(len(text), 1)
    return kinds >= 1 and density >= 0.5 if listed else kinds >= 2 and density >= 2


def _person_words(found, kinds: set[str]) -> dict[str, set[str]]:
    """{word: the full names holding it} of the article's people named in full (a team is never one of them), but
    the names the text calls a club, a firm… (``kinds``)."""
    words: dict[str, set[str]] = {}
    for _, _, c in found:
        if c.type == "person" and " " in c.name and all(w[:1].isupper() for w in c.name.split()) \
                and _key(c.name) not in kinds:
            for word in c.name.split():
                words.setdefault(word, set()).add(c.name)
    return words


def _a_persons(name: str, people: dict[str, set[str]]) -> bool:
    """Is a word of ``name`` a word of another name, a person's?"""
    return any(people.get(word, set()) - {name} for word in name.split())


def _known(text: str, aliases: AliasTable) -> bool:
    """A country, a capital or a nationality the alias table knows (a state of the US may name a team)."""
    place = aliases.place(text)
    return bool((place and place not in aliases.postal.values()) or aliases.capital_of(text) or aliases.demonym(text))


def _cue(paragraph: str, cand, sports: bool) -> str | None:
    """"team", "firm" or None: what the words around one mention say it is."""
    before, after = paragraph[max(0, cand.start - 40):cand.start], paragraph[cand.end:cand.end + 40]
    if _OFFICER_AFTER.match(after) or _STOCK_AFTER.match(after) \
            or (_KIND_AFTER.match(after) and not _ARTICLE_BEFORE.search(before)):
        return "firm"
    if sports and (_MEMBER_AFTER.match(after) or _PLAY_BEFORE.search(before) or _PLAY_AFTER.match(after)
                   or (cand.type == "place" and _TEAM_AFTER_PLACE.match(after)) or _collective(before, cand, after)):
        return "team"
    return None


def retype(paragraphs: list[str], found, docs, aliases: AliasTable) -> None:
    """Teams and firms the model typed person or place, retyped in place (``found``: extract's (paragraph number,
    paragraph, candidate) triples; ``docs``: one Doc per paragraph)."""
    sports = is_sports(paragraphs, any(c.team for _, _, c in found))
    kinds = {_key(c.name) for _, p, c in found if _KIND_BEFORE.search(p[max(0, c.start - 30):c.start])}
    people = _person_words(found, kinds)  # not "Kestrel Ostra" of "the club Kestrel Ostra", whose "Kestrel" is a team
    firms = {_key(m.group(1)) for _, _, c in found
             if c.type == "organization" and (m := _SUFFIX.match(c.name)) and not aliases.place(m.group(1))}
    teams: set[str] = {_key(c.name) for _, _, c in found if c.team}
    placed: set[str] = {_key(c.name) for _, _, c in found if c.type == "place"}

    def open_to(cand, named: set[str] = frozenset()) -> bool:
        name = _key(cand.name)
        return (cand.type in {"person", "place"} and not cand.nationality and cand.source in {"ner", "capitals"}
                and not _a_persons(name, people) and not _known(name, aliases)
                and (cand.type == "place" or " " not in name or name in named))
    firms |= {_key(c.name) for _, _, c in found if _key(c.name) in kinds and open_to(c, kinds)}
    for p_index, paragraph, cand in found:
        if not open_to(cand):
            continue
        cue = _cue(paragraph, cand, sports)
        if cue == "team":
            teams.add(_key(cand.name))
        elif cue == "firm":
            firms.add(_key(cand.name))
    if sports:
        teams |= _written(paragraphs, found, people, aliases)
    firms = {f for f in firms if not aliases.place(f)}  # "First of Michigan Corp." makes no firm of Michigan
    for _, _, cand in found:
        if _key(cand.name) in firms and open_to(cand, kinds):
            cand.type, cand.capital_of = "organization", None
    if sports and teams:
        _lists(found, docs, teams, open_to)
        placed |= {_key(c.name.removesuffix(" (team)")) for i, _, c in found if _model_place(docs[i - 1], c)}
    if sports:  # the model's organisations named by a town the article also writes as a place or a person: teams
        ours = {_key(c.name) for _, _, c in found
                if c.type == "organization" and c.source == "ner" and " " not in c.name and not c.name.isupper()}
        teams |= ours & (placed | {_key(c.name) for _, _, c in found if c.type == "person" and open_to(c)})
    for _, paragraph, cand in found:
        name = _key(cand.name.removesuffix(" (team)"))
        ours = cand.team or open_to(cand) or (cand.type == "organization" and cand.source == "ner")
        if name not in teams or not ours or _IN_BEFORE.search(paragraph[:cand.start]):
            continue
        if any(c.start == cand.start for c in date_line(paragraph)):
            continue  # a dateline's town: "HARWICK , Kestrelia 2024-05-04" names the place
        cand.type, cand.capital_of, cand.actor = "organization", None, False
        cand.name = f"{name} (team)" if name in placed or _town_like(name, aliases) else name
    if sports:
        add_venues(paragraphs, found, aliases)
        nicknames(paragraphs, found, aliases)
        squad_people(paragraphs, found, aliases)
    _towns(found, people, firms, aliases)
    firms |= kinds & {_key(c.name) for _, _, c in found if c.type == "organization"}
    _unfound(paragraphs, found, {f: f for f in firms if len(f) >= 4 and not is_function_word(f)
                                 and f.lower() not in WEEKDAYS_MONTHS and not _a_persons(f, people)}, team=False)
    if sports:
        teams |= _coordinated(paragraphs, teams, found, people, aliases)
        _unfound(paragraphs, found, {t: f"{t} (team)" if t in placed or _town_like(t, aliases) else t for t in teams
                                     if not _known(t, aliases) and not _a_persons(t, people)})


def _written(paragraphs: list[str], found, people, aliases: AliasTable) -> set[str]:
    """The teams of results written out (:func:`listings.written_teams`), but a person's name or a country."""
    taken: dict[int, list] = {}
    for p_index, _, cand in found:
        taken.setdefault(p_index, []).append(cand)
    out = set()
    for p_index, paragraph in enumerate(paragraphs, start=1):
        for start, name in written_teams(paragraph):
            end = start + len(name)
            if not any(c.type == "person" and " " in c.name and c.start < end and start < c.end
                       for c in taken.get(p_index, ())) and not _known(name, aliases) and not _a_persons(name, people):
                out.add(_key(name))
    return out


_CAPITAL_BEFORE = re.compile(r"[A-Z][\w'’.-]* $")
_WORD = r"[A-Z][a-z][\w'’-]+"
_PLACE_BEFORE = re.compile(r"\b(?:[Ii]n|[Aa]t|the|from|of)\s+$")


def _coordinated(paragraphs: list[str], teams: set[str], found, people, aliases: AliasTable) -> set[str]:
    """ "Essex and Harwick", "Harwick , Essex and Tolley": a lone capitalised word the model did not find, listed
    with a team, is a team too (twice over, for a longer list)."""
    typed = {_key(c.name) for _, _, c in found if c.type in {"person", "place"} and c.source != "ner"}
    out: set[str] = set()
    for _ in range(2):
        for paragraph in paragraphs:
            for team in sorted(teams | out):
                if team not in paragraph or " " in team:
                    continue
                near = rf"(?<![\w'’-])(?P<x>{_WORD})(?: ,| and) {re.escape(team)}(?![\w'’-])|" \
                       rf"(?<![\w'’-]){re.escape(team)}(?: ,| and) (?P<y>{_WORD})(?![\w'’-])(?! [A-Z])"
                for match in re.finditer(near, paragraph):
                    word = match.group("x") or match.group("y")
                    start = match.start("x") if match.group("x") else match.start("y")
                    if not (is_function_word(word) or word.lower() in WEEKDAYS_MONTHS or word in typed
                            or _CAPITAL_BEFORE.search(paragraph[:start]) or _PLACE_BEFORE.search(paragraph[:start])
                            or _known(word, aliases)
                            or aliases.place(word) or word in people):
                        out.add(word)
    return out


def _unfound(paragraphs: list[str], found, teams: dict[str, str], team: bool = True) -> None:
    """Every mention of a team (or a firm) the model did not find ("Harwick 18 points"), standing alone (no
    capitalised word touching it) and, for a team, not after "in" (the town): an organisation, added to ``found``."""
    taken: dict[int, list] = {}
    for p_index, _, cand in found:
        taken.setdefault(p_index, []).append(cand)
    for p_index, paragraph in enumerate(paragraphs, start=1):
        mine = taken.setdefault(p_index, [])
        for team, name in sorted(teams.items()):
            for start, end in standalone(team, paragraph):
                if any(c.start < end and start < c.end for c in mine) or _name_before(paragraph[:start]) \
                        or paragraph[end:end + 2][1:2].isupper() or (team and _IN_BEFORE.search(paragraph[:start])):
                    continue
                cand = Candidate(start, end, "organization", name, "organization", team=team)
                mine.append(cand)
                found.append((p_index, paragraph, cand))


def _name_before(text: str) -> bool:
    """A capitalised word right before (the name is part of a longer one), but a function word ("But Harwick")."""
    match = _CAPITAL_BEFORE.search(text)
    return match is not None and not is_function_word(match.group(0).strip())


_TOWN_BEFORE = re.compile(r"\b(?:(?:city|town|village|province|region|district|county|port|suburb|island) of|"
                          r"the capital)\s+$", re.I)
def _towns(found, people: dict[str, set[str]], firms: set[str], aliases: AliasTable) -> None:
    """ "the town of Ostra", "Ostra county", a dateline "OSTRA , Kestrelia 2024-05-04": a place in all the
    article's mentions the model calls a person or a body (never a word of a full-name person's, nor a firm's)."""
    towns, venues = set(), set()
    datelines: dict[int, set[int]] = {}  # where each paragraph's dateline town and venues start
    at_venues: dict[int, set[int]] = {}
    for p_index, paragraph, cand in found:
        if p_index not in datelines:
            datelines[p_index] = {c.start for c in date_line(paragraph)}
            at_venues[p_index] = {m.start(g) for venue in VENUES for m in venue.finditer(paragraph) for g in "ab"}
        before, after = paragraph[max(0, cand.start - 30):cand.start], paragraph[cand.end:]
        if _TOWN_BEFORE.search(before) or SETTLEMENT_AFTER.match(after) or cand.start in datelines[p_index]:
            towns.add(_key(cand.name))
        elif cand.start in at_venues[p_index]:
            venues.add(_key(cand.name))
    for _, _, cand in found:
        name = _key(cand.name)
        if cand.source != "ner" or cand.evidence or _a_persons(name, people):
            continue
        town = name in towns and (cand.type == "person" or (
            cand.type == "organization" and name not in firms and not cand.team and not cand.name.endswith(" (team)")
            and not ORG_WORD.search(name) and not aliases.organization(name) and not cand.name.isupper()
            and not is_generic(name)))
        if town or (name in venues and cand.type in {"person", "organization"}):
            cand.type, cand.name = "place", name


def _town_like(name: str, aliases: AliasTable) -> bool:
    """May a team's name be a town's too? Yes, unless a club or company word or a plural nickname ends it
    ("Harwick United", "the Kestrels"): a team named by a town must not share the town's entity across the site,
    where the town is a place."""
    last = name.split()[-1]
    nickname = last.endswith("s") and not last.endswith("ss") and not aliases.place(name)
    return not (last in NOT_A_SURNAME or nickname or aliases.organization(name))


def _model_place(doc, cand) -> bool:
    """The model reads the name as a place (a town, a county): the team is named apart from it."""
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    return span is not None and any(t.ent_type_ in {"GPE", "LOC"} for t in span)


def _lists(found, docs, teams: set[str], open_to) -> None:
    """ "title rivals Harwick, Tolley and Brandmoor": a name joined in a list to a team is a team too."""
    for p_index, _, cand in found:
        if _key(cand.name) not in teams:
            continue
        doc = docs[p_index - 1]
        span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        joined = {t.i for t in span.root.conjuncts}
        for q_index, _, other in found:
            if q_index == p_index and open_to(other):
                other_span = doc.char_span(other.start, other.end, alignment_mode="expand")
                if other_span is not None and len(other_span) and other_span.root.i in joined:
                    teams.add(_key(other.name))
