"""Named entities of one article: spaCy's NER with a rule layer on top.

spaCy finds the spans; the rules here fix its known failures in general:
agreements it misses, acronyms defined in brackets, boundaries that swallow a
verb ("Citing Foreign Ministry"), "the South" for a South X named in the same
article, capitals used for their governments, nationality adjectives folded
into their country, and money and quantities given normalised names.
Identity inside the article: the alias table, learned acronyms, and surnames
joined to the full name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .aliases import AliasTable, surface_key
from .aliases import load as load_aliases
from .model import Entity, Mention, Sentence
from .sentences import SentenceLocator
from .numbers import CURRENCIES, format_amount, format_quantity, parse_money, parse_number
from .roles import person_roles, split_title

WEEKDAYS_MONTHS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december".split()
)
AGREEMENT_WORDS = r"Agreement|Treaty|Accords?|Pact|Act|Convention|Protocol|Charter|Deal|Framework|Memorandum"
_AGREEMENT = re.compile(
    rf"\b(?:(?:[A-Z][\w'’-]*|of|on|for|and|the)\s+){{0,7}}?(?:[A-Z][\w'’-]*\s+)(?:{AGREEMENT_WORDS})\b"
)
_ACRONYM_DEF = re.compile(r"(?P<long>(?:[A-Z][\w'’-]*\s+(?:(?:of|on|for|and|the|de)\s+)?){1,8})\((?P<short>[A-Z][A-Za-z]{1,9})\)")
ORG_WORDS = (r"Ministry|Department|Agency|Council|Commission|Committee|Parliament|Assembly|Court|Bank|Police|"
             r"Army|Navy|Air Force|Forces|Office|Union|Party|Authority|Board|Bureau|Service|Senate|Congress|Cabinet")
_ORGANIZATION = re.compile(rf"\b(?:[A-Z][\w'’-]*\s+){{1,5}}(?:{ORG_WORDS})\b(?:\s+of\s+(?:[A-Z][\w'’-]*\s*){{1,4}})?")
_THE_DIRECTION = re.compile(r"\b[Tt]he (?P<dir>South|North|West|East)\b(?!\s+[A-Z])")
_LEADING_JUNK_POS = {"VERB", "ADP", "SCONJ", "ADV", "PRON", "PART", "CCONJ", "PUNCT", "AUX", "DET"}
_TIME_NOUNS = frozenset("year month week day hour minute second time decade century percent cent".split())
_SPEECH_OR_ACTION_DEPS = {"nsubj", "nsubjpass", "poss"}

# Higher wins when candidate spans overlap.
PRIORITY = {"acronym": 6, "agreement": 5, "surname": 4, "organization": 3, "direction": 2, "ner": 1}


@dataclass
class Candidate:
    start: int  # character offsets in the paragraph
    end: int
    type: str
    name: str
    source: str
    roles: tuple[str, ...] = ()

    @property
    def length(self) -> int:
        return self.end - self.start


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isupper())


def learn_acronyms(paragraphs: list[str]) -> dict[str, str]:
    """Acronyms defined in brackets, checked against the initials: "Special Measures Agreement (SMA)"."""
    found: dict[str, str] = {}
    for paragraph in paragraphs:
        for match in _ACRONYM_DEF.finditer(paragraph):
            words = match.group("long").split()
            short = match.group("short")
            # Take the shortest tail of the phrase whose initials spell the acronym.
            for first in range(len(words) - 1, -1, -1):
                if _initials(words[first:]).upper() == short.upper() and words[first][:1].isupper():
                    found.setdefault(short, " ".join(words[first:]))
                    break
    return found


def _agreement_type(name: str) -> bool:
    return re.search(rf"\b(?:{AGREEMENT_WORDS})$", name) is not None


def _trim(span):
    """Drop leading verbs, prepositions, determiners… and trailing possessives/punctuation."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end - 1 and (
        doc[start].lower_ in {"the", "a", "an"}
        or doc[start].pos_ in _LEADING_JUNK_POS
        or (doc[start].lower_.endswith("ing") and doc[start].tag_ in {"VBG", "NNP"} and doc[start].is_sent_start)
    ):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in {"'s", "’s"}):
        end -= 1
    return doc[start:end] if end > start else None


def _quantity(span, doc):
    """ "28,500 American troops" -> (end token index, "28,500 troops"), or None."""
    words = [t.text for t in span if t.lower_ not in {"more", "than", "about", "some", "nearly", "almost", "over", "around", "up", "to"}]
    value = parse_number(words)
    if value is None or (value < 1000 and not any(ch.isdigit() for ch in span.text)):
        return None
    i = span.end
    while i < len(doc) and i < span.end + 3 and doc[i].pos_ in {"ADJ", "PROPN"} and doc[i].ent_type_ in {"", "NORP"}:
        i += 1
    if i < len(doc) and doc[i].pos_ == "NOUN" and doc[i].tag_ == "NNS" and doc[i].lemma_.lower() not in _TIME_NOUNS:
        if doc[i].lower_ in CURRENCIES:  # "2.5 billion euros" that the model called a number
            return i + 1, "money", format_amount(value, CURRENCIES[doc[i].lower_])
        return i + 1, "quantity", format_quantity(value, doc[i].text.lower())
    return None


def _from_ner(doc, aliases: AliasTable, acronyms: dict[str, str]) -> list[Candidate]:
    out: list[Candidate] = []
    for ent in doc.ents:
        label = ent.label_
        if label in {"CARDINAL", "QUANTITY"}:
            found = _quantity(ent, doc)
            if found:
                end_token, kind, name = found
                out.append(Candidate(ent.start_char, doc[end_token - 1].idx + len(doc[end_token - 1]), kind, name, "ner"))
            elif label == "QUANTITY":
                out.append(Candidate(ent.start_char, ent.end_char, "quantity", ent.text, "ner"))
            continue
        span = _trim(ent)
        if span is None:
            continue
        text = span.text
        if text.lower() in WEEKDAYS_MONTHS or not any(ch.isalnum() for ch in text):
            continue
        start, end = span.start_char, span.end_char
        if label == "MONEY":
            amount = parse_money(ent.text)
            out.append(Candidate(start, end, "money", amount.name if amount else text, "ner"))
        elif label == "PERSON":
            title, name = split_title(span)
            if name is None or name.text.lower() in WEEKDAYS_MONTHS:
                continue
            roles = (title,) if title else ()
            out.append(Candidate(name.start_char, name.end_char, "person", name.text, "ner", roles))
        elif label == "NORP":
            place = aliases.demonym(text)
            if place:
                out.append(Candidate(start, end, "place", place, "ner"))
        elif label in {"GPE", "LOC", "FAC"}:
            capital_of = aliases.capital_of(text)
            if capital_of and span.root.dep_ in _SPEECH_OR_ACTION_DEPS:
                out.append(Candidate(start, end, "place", capital_of, "ner"))
            elif aliases.organization(text):
                out.append(Candidate(start, end, "organization", aliases.organization(text), "ner"))
            else:
                out.append(Candidate(start, end, "place", aliases.place(text) or surface_key(text), "ner"))
        elif label == "ORG":
            if text in acronyms:
                continue  # handled by the acronym rule
            if aliases.place(text):
                out.append(Candidate(start, end, "place", aliases.place(text), "ner"))
            elif _agreement_type(text):
                out.append(Candidate(start, end, "agreement", surface_key(text), "ner"))
            else:
                out.append(Candidate(start, end, "organization", aliases.organization(text) or surface_key(text), "ner"))
        elif label == "LAW":
            out.append(Candidate(start, end, "agreement", surface_key(text), "ner"))
    return out


def _strip_leading_places(text: str, start: int, aliases: AliasTable) -> tuple[str, int]:
    """ "South Korean Foreign Ministry" -> "Foreign Ministry": the country is its own mention."""
    words = text.split(" ")
    for n in range(min(3, len(words) - 1), 0, -1):
        head = " ".join(words[:n])
        if aliases.demonym(head) or aliases.place(head) or head in {"The", "the"}:
            return _strip_leading_places(" ".join(words[n:]), start + len(head) + 1, aliases)
    if words[0].lower().endswith("ing") and words[0][:1].isupper():  # "Citing Foreign Ministry officials"
        return " ".join(words[1:]), start + len(words[0]) + 1
    return text, start


def _surnames(paragraph: str, full_names: set[str], ner: list[Candidate]) -> list[Candidate]:
    """A surname standing alone ("Veress said") is the person named in full elsewhere in the article."""
    out = []
    people = [c for c in ner if c.type == "person"]
    tails: dict[str, list[str]] = {}
    for full in full_names:
        tails.setdefault(full.split()[-1], []).append(full)
    for surname, owners in tails.items():
        if len(owners) != 1 or len(surname) < 2:
            continue  # two people share the surname: leave it to the model
        for match in re.finditer(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", paragraph):
            if any(p.start <= match.start() < p.end for p in people):
                continue  # part of a name the model found
            out.append(Candidate(match.start(), match.end(), "person", owners[0], "surname"))
    return out


def _from_rules(paragraph: str, acronyms: dict[str, str], org_like: set[str], aliases: AliasTable) -> list[Candidate]:
    out: list[Candidate] = []
    for match in _ORGANIZATION.finditer(paragraph):
        text, start = _strip_leading_places(match.group(0).rstrip(), match.start(), aliases)
        if len(text.split()) >= 2:
            out.append(Candidate(start, start + len(text), "organization", aliases.organization(text) or text, "organization"))
    for match in _AGREEMENT.finditer(paragraph):
        text = match.group(0)
        start = match.start()
        while text.split(" ", 1)[0] in {"The", "the", "of", "on", "for", "and"} and " " in text:
            head, text = text.split(" ", 1)
            start += len(head) + 1
        if len(text.split()) >= 2:
            out.append(Candidate(start, start + len(text), "agreement", text, "agreement"))
    for short, long in acronyms.items():
        kind = "agreement" if _agreement_type(long) else "organization"
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


def _resolve_overlaps(candidates: list[Candidate]) -> list[Candidate]:
    chosen: list[Candidate] = []
    for cand in sorted(candidates, key=lambda c: (-PRIORITY[c.source], -c.length, c.start)):
        if all(cand.end <= c.start or cand.start >= c.end for c in chosen):
            chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


def _person_key(name: str, people: dict[str, Entity]) -> str:
    """A surname alone ("DeHart") joins the one full name ending with it."""
    if " " in name:
        return name
    tails = [full for full in people if " " in full and full.split()[-1] == name]
    if len(tails) == 1:
        return tails[0]
    heads = [full for full in people if " " in full and full.split()[0] == name]
    return heads[0] if len(heads) == 1 and not tails else name


def extract(paragraphs: list[str], sentences: list[Sentence], docs, aliases: AliasTable | None = None) -> list[Entity]:
    """Entities of one article from its paragraphs, their sentences and one spaCy Doc per paragraph."""
    aliases = aliases or load_aliases()
    acronyms = learn_acronyms(paragraphs)
    locate = SentenceLocator(sentences)

    per_paragraph = [_from_ner(doc, aliases, acronyms) for doc in docs]
    named_places = {c.name for cands in per_paragraph for c in cands if c.type == "place"}
    full_names = {c.name for cands in per_paragraph for c in cands if c.type == "person" and " " in c.name}
    entities: dict[str, Entity] = {}
    people: dict[str, Entity] = {}
    pending_surnames: list[tuple[str, Mention, tuple[str, ...]]] = []

    for p_index, (paragraph, doc, ner) in enumerate(zip(paragraphs, docs, per_paragraph), start=1):
        rules = _from_rules(paragraph, acronyms, named_places, aliases) + _surnames(paragraph, full_names, ner)
        chosen = _resolve_overlaps(ner + rules)
        for cand in chosen:
            sentence = locate.at(p_index, cand.start)
            if sentence is None:
                continue
            s_start = cand.start - sentence.offset
            s_end = min(cand.end, sentence.offset + len(sentence.text)) - sentence.offset
            mention = Mention(sentence.id, s_start, s_end, sentence.text[s_start:s_end])
            roles = cand.roles
            if cand.type == "person":
                roles = roles + tuple(person_roles(doc, cand.start, cand.end))
                if " " not in cand.name and _person_key(cand.name, people) == cand.name:
                    pending_surnames.append((cand.name, mention, roles))
                    continue
                key_name = _person_key(cand.name, people)
            else:
                key_name = cand.name
            entity = _add(entities, key_name, cand.type, mention, roles)
            if cand.type == "person":
                people[key_name] = entity

    # Surnames met before their full name: join them now, or keep them as their own person.
    for name, mention, roles in pending_surnames:
        _add(entities, _person_key(name, people), "person", mention, roles)

    for entity in entities.values():
        if entity.type not in {"money", "quantity"}:  # figures are named by value, not by wording
            forms = {surface_key(m.text) for m in entity.mentions}
            entity.aliases = sorted(f for f in forms if f and f != entity.name)
        entity.mentions.sort(key=lambda m: (int(m.sentence[1:]), m.start))
    return list(entities.values())  # in order of first appearance; ranking is entity_index.salience


def _add(entities: dict[str, Entity], name: str, type_: str, mention: Mention, roles) -> Entity:
    key = f"{type_}:{name}"
    entity = entities.get(key)
    if entity is None:
        entity = entities[key] = Entity(name=name, type=type_)
    entity.mentions.append(mention)
    for role in roles:
        if role and role not in entity.roles:
            entity.roles.append(role)
    return entity
