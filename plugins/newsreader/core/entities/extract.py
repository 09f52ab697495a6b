"""Named entities of one article: spaCy's NER with a rule layer on top, merged into one entity per name.

The model's spans become candidates in :mod:`ner` (cut to names by :mod:`spans`); the names it misses come from
patterns (:mod:`patterns`, :mod:`listings`); the rules on metonyms, datelines and generic bodies are in
:mod:`metonyms`, on people in :mod:`people`, name keys in :mod:`names`. One name is one entity in an article,
typed by the votes of its mentions: a surname the model typed an organisation or a place is the person the
article names in full, a name in capitals is the name the article writes in normal case, "The" belongs to a name
written with it mid-sentence. Identity inside the article: the alias table, learned acronyms, and surnames joined
to the full name.
"""

from __future__ import annotations

import re

from .aliases import AliasTable, surface_key
from .aliases import load as load_aliases
from .candidate import Candidate, resolve_overlaps
from .names import acronym_key, person_key, is_function_word
from ..text.markup import hidden
from ..text.placeline import dateline
from .metonyms import qualify_generic
from ..model import Entity, Mention, Sentence
from .ner import CAPS_TYPES, from_ner
from .patterns import from_rules, learn_acronyms
from .people import WEEKDAYS_MONTHS, joined_name, relatives, surnames, surname_owners, titled_names
from .roles import clean_role, person_roles
from .teams import retype
from ..nlp import expanded_span
from ..text.sentences import SentenceLocator

def _with_the(found: list[tuple[int, str, Candidate]]) -> None:
    """ "The Hague", "The Gambia", "The New York Times": a name written with a capitalised "The" inside a
    sentence keeps it, in every mention of the article (and at a sentence's start, where the capital alone
    proves nothing, only with that evidence)."""
    named = {c.name for _, _, c in found if c.the == "mid"}
    for _, _, cand in found:
        if cand.name in named:
            if cand.the:
                cand.start -= 4
            if not cand.name.startswith("The "):
                cand.name = "The " + cand.name


_CAPS_WORD = re.compile(r"(?<![\w'’-])[A-Z][A-Z'’&.-]*[A-Z.](?![\w'’-])")


def _known_names(cands: list[Candidate], paragraphs_text: dict[int, str]) -> dict[str, tuple[str, str]]:
    """{NAME IN CAPITALS: (type, name)} of the names an article writes in normal case, and of the one
    full-name person each surname stands for: what a dateline or a headline in capitals refers to."""
    known: dict[str, tuple[str, str]] = {}
    surnames: dict[str, set[str]] = {}
    for cand in cands:
        written = paragraphs_text.get(id(cand), cand.name)
        if cand.type not in CAPS_TYPES or written.isupper() or cand.name.isupper():
            continue
        known.setdefault(cand.name.upper(), (cand.type, cand.name))
        known.setdefault(surface_key(written).upper(), (cand.type, cand.name))
        if cand.type == "person" and " " in cand.name and not re.fullmatch(r"[IVX]+|Jr\.?|Sr\.?", cand.name.split()[-1]):
            surnames.setdefault(cand.name.split()[-1].upper(), set()).add(cand.name)
    for surname, owners in surnames.items():
        if len(owners) == 1:
            known.setdefault(surname, ("person", owners.pop()))
    return known


def _capitals(paragraph: str, known: dict[str, tuple[str, str]], aliases: AliasTable) -> list[Candidate]:
    """A name in capitals ("BERLIN 2024-05-01", "KESTREL WIN TITLE") is the name the article writes in normal
    case, or a known place or organisation: "BERLIN" is Berlin; an unknown word in capitals is left alone."""
    words = list(_CAPS_WORD.finditer(paragraph))
    out: list[Candidate] = []
    i = 0
    while i < len(words):
        for j in range(min(len(words), i + 4), i, -1):
            if any(paragraph[words[k].end():words[k + 1].start()] != " " for k in range(i, j - 1)):
                continue  # one run of words in capitals, one space apart
            start, end = words[i].start(), words[j - 1].end()
            written = paragraph[start:end].rstrip(".")
            end = start + len(written)
            if sum(ch.isalpha() for ch in written) < 3 or is_function_word(written.title()):
                continue
            found = known.get(written)
            if found is None and not (aliases.place(written) or aliases.organization(written)):
                title = " ".join(w.capitalize() for w in written.split())
                place = aliases.place(title) or (title if aliases.capital_of(title) else None)
                found = ("place", place) if place else (("organization", aliases.organization(title))
                                                        if aliases.organization(title) else None)
            if found:
                out.append(Candidate(start, end, found[0], found[1], "capitals"))
                i = j - 1
                break
        i += 1
    return out


_CAPS_BEFORE = re.compile(r"(?:^|\W)[A-Z]{2,}\W*$")  # a word in capitals right before …
_CAPS_AFTER = re.compile(r"^\W*[A-Z]{2,}(?:\W|$)")  # … or right after


def _shouted(paragraph: str, cand: Candidate, aliases: AliasTable) -> bool:
    """A name the model found in a line of capitals ("TALIBAN CLOSING RANKS", "SUPER BOWL ADVERTISERS"): its words
    are not told from the heading's, so only :func:`_capitals` (a name the article or the alias table knows) names it."""
    written = paragraph[cand.start:cand.end]
    if not written.isupper() or "." in written or aliases.place(written) or aliases.organization(written):
        return False  # "U.N.", "NATO": an acronym or a name the alias table knows, whatever surrounds it
    before, after = paragraph[max(0, cand.start - 24):cand.start], paragraph[cand.end:cand.end + 24]
    return len(written.split()) > 2 or bool(_CAPS_BEFORE.search(before) or _CAPS_AFTER.search(after)) \
        or _in_capitals(paragraph)


def _in_capitals(paragraph: str) -> bool:
    """A paragraph written in capitals ("GOLF - KESTREL LEADS BY 3 SHOTS ."): four letters in five or more."""
    letters = [ch for ch in paragraph if ch.isalpha()]
    return len(letters) >= 8 and sum(ch.isupper() for ch in letters) * 5 >= len(letters) * 4


def _listed_surnames(cands: list[Candidate], owners: dict[str, str]) -> list[Candidate]:
    """ "Velkner Oyelaran" the model read as one person, from a list written without commas, where both words
    are surnames of people the article names in full: two people."""
    out = []
    for cand in cands:
        words = cand.name.split()
        if cand.type == "person" and len(words) == 2 and cand.name not in owners.values() \
                and all(w in owners for w in words) and owners[words[0]] != owners[words[1]]:
            second = cand.start + cand.length - len(words[1])
            out.append(Candidate(cand.start, cand.start + len(words[0]), "person", owners[words[0]], "ner"))
            out.append(Candidate(second, cand.end, "person", owners[words[1]], "ner"))
        else:
            out.append(cand)
    return out


def _surname_as_person(ner_all: list[Candidate], titled: list[list[Candidate]], aliases: AliasTable) -> set[int]:
    """ "Velkner" the model calls an organisation or a place, in an article that names one person "Tomas
    Velkner": that person; with two people of that surname, a person named by the surname alone (a known
    place or organisation, or a name in capitals, keeps its type)."""
    people = [c.name for c in ner_all if c.type == "person" and " " in c.name] + [c.name for cs in titled for c in cs]
    tails: dict[str, set[str]] = {}
    made = set()
    for name in people:
        tails.setdefault(name.split()[-1], set()).add(person_key(name))
    for cand in ner_all:
        if cand.type not in {"organization", "place"} or " " in cand.name or cand.name.isupper():
            continue
        owners = tails.get(cand.name)
        if owners and not (aliases.place(cand.name) or aliases.capital_of(cand.name)
                           or aliases.organization(cand.name) or aliases.demonym(cand.name)):
            # Two people bear it: a person still, the surname alone (joined to no one).
            cand.type, cand.capital_of = "person", None
            cand.name = next(iter(owners)) if len(owners) == 1 else cand.name
            made.add(id(cand))
    return made  # the candidates made people: their roles are read with the others'


def _subject_surnames(ner_all: list[Candidate], full_names: set[str], docs, aliases: AliasTable) -> set[str]:
    """Full names the model calls people whose surname, standing alone where the model saw no name, is a verb's
    subject, active ("Ivo Lang ... Lang added his second"; not "Brook was closed"): evidence of a person (not a known
    place, organisation, month…)."""
    tails = {c.name.split()[-1]: c.name for c in ner_all if c.type == "person" and c.name not in full_names
             and 2 <= len(c.name.split()) <= 3 and c.name.replace(" ", "").isalpha()}
    tails = {t: n for t, n in tails.items() if t.lower() not in WEEKDAYS_MONTHS and not is_function_word(t)
             and not (aliases.place(t) or aliases.capital_of(t) or aliases.organization(t) or aliases.demonym(t))}
    return {tails[t.text] for doc in docs for t in doc if t.text in tails and not t.ent_type_
            and t.dep_ == "nsubj"} if tails else set()


def extract(paragraphs: list[str], sentences: list[Sentence], docs, aliases: AliasTable | None = None) -> list[Entity]:
    """Entities of one article from its paragraphs, their sentences and one spaCy Doc per paragraph."""
    aliases = aliases or load_aliases()
    acronyms = learn_acronyms(paragraphs)
    locate = SentenceLocator(sentences)
    place_line = dateline(paragraphs[0]) if paragraphs else None
    skip = place_line[0] if place_line else 0  # the place line is no mention

    per_paragraph = [from_ner(doc, aliases, acronyms) for doc in docs]
    if skip:
        per_paragraph[0] = [c for c in per_paragraph[0] if c.start >= skip]
    ner_all = [c for cands in per_paragraph for c in cands]
    # A capital has one meaning in an article: its country if it is an actor anywhere, else the city.
    actors = {c.name for c in ner_all if c.capital_of and c.actor}
    for cand in ner_all:
        if cand.capital_of and cand.name in actors:
            cand.name = cand.capital_of
    titled = [[c for c in titled_names(paragraph, aliases) if p_index or c.start >= skip]
              for p_index, paragraph in enumerate(paragraphs)]
    for doc, cands in zip(docs, titled):
        for cand in cands:
            title = cand.roles[0]  # the model's premodifier may hold more ("Chief US negotiator") or less ("General")
            found_roles = [r for r in person_roles(doc, cand.start, cand.end) if not (title.endswith(r) and r != title)]
            cand.roles = tuple(found_roles if any(r.endswith(title) for r in found_roles) else [title, *found_roles])
    relatives([(c, span) for doc, cands in zip(docs, per_paragraph) for c in cands
               if (span := expanded_span(doc, c.start, c.end)) is not None],
              [c for cs in titled for c in cs], aliases)
    named_places = {c.name for c in ner_all if c.type == "place"}
    # Evidence that a full name is a person: a title, role or pronoun; it or its lone surname says
    # something; or the model tags the lone surname a person too.
    lone = {c.name for c in ner_all if (c.type == "person" or c.speaks) and " " not in c.name}
    full_names = {c.name for c in ner_all if c.type == "person" and " " in c.name
                  and (c.evidence or c.speaks or c.name.split()[-1] in lone)} | {c.name for cs in titled for c in cs}
    full_names |= _subject_surnames(ner_all, full_names, docs, aliases)
    owners = surname_owners(full_names)
    made_people = _surname_as_person(ner_all, titled, aliases)
    evident = {c.name for c in ner_all if c.person_evidence}
    for cand in ner_all:  # one name, one type in an article: every mention of a name shown to be a person's
        if cand.name in evident and cand.type in {"organization", "place"}:
            cand.type, cand.capital_of, cand.nationality = "person", None, False
    written = {id(c): paragraph[c.start:c.end] for paragraph, cands in zip(paragraphs, per_paragraph) for c in cands}
    known = _known_names(ner_all + [c for cs in titled for c in cs], written)

    found: list[tuple[int, str, Candidate]] = []
    for p_index, (paragraph, doc, ner, by_title) in enumerate(zip(paragraphs, docs, per_paragraph, titled), start=1):
        ner = [c for c in _listed_surnames(ner, owners) if not _shouted(paragraph, c, aliases)]
        patterned = from_rules(paragraph, acronyms, named_places, aliases)
        alone = surnames(paragraph, owners, ner + by_title + patterned)  # not the surname of a listed full name
        for cand in alone + [c for c in ner if id(c) in made_people]:
            cand.roles = tuple(person_roles(doc, cand.start, cand.end))
        rules = patterned + alone + by_title
        if _CAPS_WORD.search(paragraph):
            rules += _capitals(paragraph, known, aliases)
        if p_index == 1 and skip:
            rules = [c for c in rules if c.start >= skip]
        shown = hidden(paragraph)  # a scraper's tags and calls to action are not shown, so name nothing
        found.extend((p_index, paragraph, cand) for cand in resolve_overlaps(ner + rules)
                     if not any(start < cand.end and cand.start < end for start, end in shown))
    _with_the(found)
    retype(paragraphs, found, docs, aliases)
    local = qualify_generic(found, aliases, place_line)

    entities: dict[str, Entity] = {}
    votes: dict[str, dict[str, int]] = {}
    people: dict[str, Entity] = {}
    pending_surnames: list[tuple[str, Mention, tuple[str, ...]]] = []
    family_names = {c.name.split()[-1] for c in ner_all + [c for cs in titled for c in cs]
                    if c.type == "person" and " " in c.name}
    for p_index, paragraph, cand in found:
        sentence = locate.at(p_index, cand.start)
        if sentence is None or _family(paragraph, cand, family_names):
            continue
        s_start = cand.start - sentence.offset
        s_end = min(cand.end, sentence.offset + len(sentence.text)) - sentence.offset
        mention = Mention(sentence.id, s_start, s_end, sentence.text[s_start:s_end], nationality=cand.nationality)
        if is_function_word(mention.text):
            continue  # "He", "The": never a mention, whatever rule proposed it
        if cand.type == "person":
            if " " not in cand.name and joined_name(cand.name, people) == cand.name:
                pending_surnames.append((cand.name, mention, cand.roles))
                continue
            key_name = joined_name(cand.name, people)
            people[key_name] = _add(entities, votes, key_name, "person", mention, cand.roles)
        else:
            _add(entities, votes, acronym_key(cand.name) if cand.type == "organization" else cand.name,
                 cand.type, mention, cand.roles)

    # Surnames met before their full name: join them now, or keep them as their own person.
    for name, mention, roles in pending_surnames:
        _add(entities, votes, joined_name(name, people), "person", mention, roles)

    for name, entity in entities.items():
        entity.type = _by_evidence(votes[name])
        entity.local = name in local
        if entity.type not in {"money", "quantity"}:  # figures are named by value, not by wording
            forms = {surface_key(m.text) for m in entity.mentions}
            entity.aliases = sorted(f for f in forms if f and f != entity.name)
        entity.mentions.sort(key=lambda m: (int(m.sentence[1:]), m.start))
    return list(entities.values())  # in order of first appearance; ranking is entity_index.salience


TYPE_PREFERENCE = ("person", "organization", "place", "agreement", "money", "quantity")


def _family(paragraph: str, cand: Candidate, family_names: set[str]) -> bool:
    """"the Harrows" where a Harrow is named in the article: a family, not a person, place or organisation."""
    name = cand.name
    if " " in name or not name.endswith("s") or name.endswith("ss"):
        return False
    stems = {name[:-1], name[:-2]} if name.endswith("es") else {name[:-1]}
    return bool(stems & family_names) and paragraph[:cand.start].rstrip().lower().endswith("the")


def _by_evidence(votes: dict[str, int]) -> str:
    """One type per entity: the type most of its mentions (and each role, for a person) vote for."""
    return min(votes, key=lambda t: (-votes[t], TYPE_PREFERENCE.index(t)))


def _add(entities: dict[str, Entity], votes: dict[str, dict[str, int]], name: str, type_: str, mention: Mention,
         roles) -> Entity:
    entity = entities.get(name)
    if entity is None:
        entity = entities[name] = Entity(name=name, type=type_)
        votes[name] = {}
    votes[name][type_] = votes[name].get(type_, 0) + 1 + len(roles)  # "Mr." is evidence of a person, if no role
    entity.mentions.append(mention)
    for role in filter(None, map(clean_role, roles)):
        if role not in entity.roles:
            entity.roles.append(role)
    return entity
