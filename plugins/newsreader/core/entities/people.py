"""People in one article: whole names, evidence that a name is a person, surnames joined to full names."""

from __future__ import annotations

import re

from .aliases import AliasTable
from .candidate import Candidate
from .names import is_function_word, person_key
from ..model import Entity
from .roles import PERSON_TITLES, TITLES

WEEKDAYS_MONTHS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december".split()
)
_PERSONAL_PRONOUNS = frozenset("he she him her his hers himself herself".split())
# Last words of clubs and companies that the model may tag as people ("Brackton United", "Dorsey Stanley")
# or, for clubs, as places ("Harlow Villa").
CLUB_WORDS = frozenset("United Villa Rovers Athletic Athletico Wanderers Albion Hotspur Rangers".split())
# Last words of company names: "Halvorsen Shipping" is a company whatever the model says.
COMPANY_WORDS = frozenset(
    "Shipping Capital Foods Industries Securities Energy Technologies Systems Insurance Investments Pharmaceuticals "
    "Logistics Mining Steel Telecom Enterprises Ventures Semiconductors Chemicals Electronics".split()
)
# Last words of newspapers and broadcasters: "Kestrel Times", "Brackton Herald" are no one's name.
MEDIA_WORDS = frozenset("Times News Journal Tribune Gazette Herald Magazine Network Channel Radio Television Newsroom "
                        "Newsdesk".split())
NOT_A_SURNAME = CLUB_WORDS | COMPANY_WORDS | MEDIA_WORDS | frozenset(
    "City County Town Stanley Sachs Brothers Partners Holdings Group Motors Airlines Airways Corp Corporation "
    "Inc Ltd LLC SpA plc GmbH Oyj School University College Institute Academy Foundation Consulting".split()
)
_SPEECH_LEMMAS = frozenset("say tell add announce write ask reply explain insist argue warn claim note".split())


def whole_name(name, aliases: AliasTable):
    """ "Zoltan Tanaka" when the model tagged only "Tanaka" (and "Zoltan" as nothing, or as an unknown
    place): one capitalised word right before a one-word name joins it, unless it is a title, a date
    word or a known place, nationality or organisation."""
    doc, start = name.doc, name.start
    if len(name) != 1 or start == 0:
        return name
    prev = doc[start - 1]
    if (prev.pos_ == "PROPN" and prev.text[:1].isupper() and prev.text.isalpha() and not prev.is_sent_start
            and (not prev.ent_type_ or (prev.ent_iob_ == "B" and prev.ent_type_ in {"GPE", "ORG", "LOC", "NORP"}))
            and prev.lower_ not in TITLES and prev.lower_ not in WEEKDAYS_MONTHS
            and not (aliases.place(prev.text) or aliases.demonym(prev.text) or aliases.capital_of(prev.text)
                     or aliases.organization(prev.text))):
        return doc[start - 1:name.end]
    return name


def pronoun_follows(name) -> bool:
    """A personal pronoun in the name's sentence after it, or in the next one: evidence of a person."""
    doc = name.doc
    sent = name.sent
    stop = min(len(doc), sent.end + 40)
    nxt = doc[sent.end].sent.end if sent.end < len(doc) else sent.end
    return any(t.lower_ in _PERSONAL_PRONOUNS for t in doc[name.end:min(stop, nxt)])


def speaks(span) -> bool:
    root = span.root
    return root.dep_ == "nsubj" and root.head.lemma_ in _SPEECH_LEMMAS


def surname_owners(full_names: set[str]) -> dict[str, str]:
    """{surname: full name} of an article, for :func:`surnames`: a surname two people share is left to the model.

    ``full_names`` holds only names that are people by evidence (a title, a role, a pronoun), so the
    "Villa" of "Harlow Villa" or the "Stanley" of "Dorsey Stanley" is never made a person.
    """
    tails: dict[str, list[str]] = {}
    for full in full_names:
        tails.setdefault(full.split()[-1], []).append(full)
    return {surname: owners[0] for surname, owners in tails.items()
            if len(owners) == 1 and len(surname) >= 2 and not is_function_word(surname)}


_PLAIN_NAME = re.compile(r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2}")
_BODY_NAME = re.compile(r"[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*)+")  # capitalised words only ("Velkner Foundation")


def relatives(cands: list[tuple], titled: list[Candidate], aliases: AliasTable) -> None:
    """ "Dana Velkner" the model calls an organisation, in an article that names a person "Tomas Velkner": a person
    who shares the surname (then a lone "Velkner" is joined to neither). ``cands``: (candidate, its tokens). Not
    a name that is a piece of that person's own ("Harbor Hall" of "Tom Harbor Hall"), opens with a known place or
    organisation ("Ostrava Velkner"), holds a word that is no proper noun, modifies a noun ("the Stop Velkner
    movement"), nor a firm's ("… Stanley")."""
    tails: dict[str, list[list[str]]] = {}
    for name in [c.name for c, _ in cands if c.type == "person" and " " in c.name] + [c.name for c in titled]:
        tails.setdefault(name.split()[-1], []).append(name.split()[:-1])
    for cand, tokens in cands:
        words = cand.name.split()
        if cand.type != "organization" or not _PLAIN_NAME.fullmatch(cand.name) or words[-1] not in tails \
                or words[-1] in NOT_A_SURNAME or any(t.pos_ != "PROPN" for t in tokens) \
                or _modifies_a_noun(tokens[-1]):
            continue
        if any(set(words[:-1]) & set(first) for first in tails[words[-1]]) or any(
                aliases.place(" ".join(words[:k])) or aliases.organization(" ".join(words[:k]))
                for k in range(1, len(words))):
            continue
        cand.type, cand.evidence = "person", True


def _modifies_a_noun(token) -> bool:
    """ "the Stop Velkner movement": a name inside a noun phrase with its own determiner (not "candidate Dana
    Velkner strode", where the parser took the verb for a noun)."""
    return token.dep_ == "compound" and token.head.pos_ == "NOUN" and any(
        c.dep_ == "det" for c in token.head.children)


def surnames(paragraph: str, owners: dict[str, str], ner: list[Candidate]) -> list[Candidate]:
    """A surname standing alone ("Veress said") is the person named in full elsewhere in the article
    (``owners``: :func:`surname_owners`); not one inside a person's name the model found, nor in a body's named
    after the person ("the Veress Foundation")."""
    out = []
    names = [c for c in ner if c.type == "person" or (c.type == "organization" and _BODY_NAME.fullmatch(c.name)
                                                        and c.name.split()[-1] in NOT_A_SURNAME)]
    for surname, owner in owners.items():
        for start, end in standalone(surname, paragraph):
            if any(p.start <= start < p.end for p in names):
                continue  # part of a name the model found
            out.append(Candidate(start, end, "person", owner, "surname"))
    return out


def standalone(word: str, text: str):
    """(start, end) of each place ``word`` stands alone in ``text`` (no letter, digit, "_" or "-" touching it),
    left to right and not overlapping: what ``re.finditer(rf"(?<![\\w-]){re.escape(word)}(?![\\w-])", text)``
    finds, without a pattern to compile for every name of every article (too many for ``re``'s cache)."""
    at = text.find(word)
    while at != -1:
        end = at + len(word)
        if _joins(text[at - 1:at]) or _joins(text[end:end + 1]):
            at = text.find(word, at + 1)
        else:
            yield at, end
            at = text.find(word, end)


def _joins(char: str) -> bool:
    """Is ``char`` (one character, or "" at either end of the text) part of a word, as ``[\\w-]`` is?"""
    return char.isalnum() or char in {"_", "-"}


def joined_name(name: str, people: dict[str, Entity]) -> str:
    """A surname alone ("DeHart") joins the one full name ending with it; middle initials do not count."""
    if " " in name:
        return person_key(name)
    tails = [full for full in people if " " in full and full.split()[-1] == name]
    if len(tails) == 1:
        return tails[0]
    heads = [full for full in people if " " in full and full.split()[0] == name]
    return heads[0] if len(heads) == 1 and not tails else name


# A word (a title only people hold, checked after: "Minister", "Secretary-General", "spokesman"), then two to
# four capitalised words, looked ahead so that "Foreign" of "Foreign Minister Ana Duarte" leaves "Minister" its turn.
_TITLED_NAME = re.compile(
    r"(?<![\w-])(?P<title>[A-Za-z]+\.?(?:-[A-Z][a-z]+)?)(?=\s+(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}))"
)


_INITIALS = re.compile(r"(?:[A-Z]\.)+")


def titled_names(paragraph: str, aliases: AliasTable) -> list[Candidate]:
    """ "U.N. Secretary-General Felipe Arroyo said": the whole capitalised name after a title only people
    hold is one person, whatever the model made of it (nothing, an organisation, the surname alone).
    Title words after the title ("Secretary General Ana Duarte") belong to the title; the name stops at a
    date word or a known place, nationality or organisation, and must keep two or three words, the last no
    company or club word."""
    out = []
    for match in _TITLED_NAME.finditer(paragraph):
        title_word = match.group("title").lower()
        if title_word not in PERSON_TITLES and title_word.split("-")[0] not in PERSON_TITLES:
            continue
        start = match.start("name")
        words = match.group("name").split()
        while words and words[0].lower() in TITLES:
            start = paragraph.index(words[0], start) + len(words[0])
            start += len(paragraph[start:]) - len(paragraph[start:].lstrip())
            words = words[1:]
        kept = []
        for word in words:
            bare = re.sub(r"(?:'s|’s)$", "", word)
            if (bare.lower() in TITLES or bare.lower() in WEEKDAYS_MONTHS or aliases.place(bare)
                    or aliases.demonym(bare) or aliases.capital_of(bare) or aliases.organization(bare)):
                break
            if _INITIALS.fullmatch(bare):  # "Ana K. Duarte", "Tom J.R. Gale": middle initials, inside the name
                kept.append(bare)
                continue
            if bare.endswith(".") and len(bare) > 2:  # "Mrs. Ferrand. And": a full stop ends the name, not an initial
                kept.append(bare[:-1])
                break
            kept.append(bare)
            if bare != word:
                break
        if 2 <= len(kept) <= 3 and kept[-1] not in NOT_A_SURNAME:  # "fund manager Granfield Securities"
            name = " ".join(kept)
            if paragraph.startswith(name, start):
                title = paragraph[match.start("title"):start].strip()
                out.append(Candidate(start, start + len(name), "person", name, "title", (title,), evidence=True))
    return out
