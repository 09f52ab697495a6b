"""spaCy's entities made candidates: one typed name (person, organisation, place, agreement, money, quantity) for
each name a span of the model holds.

The model's label is a first guess; the alias table and the sentence settle the type: a person's title or age, a
company's words, a capital used for its government, a nationality adjective folded into its country, and money
and quantities given normalised names.
"""

from __future__ import annotations

import re

from .aliases import AliasTable, surface_key
from .candidate import Candidate
from .names import ABBREVIATIONS, is_dotted_acronym, is_generic
from ..nlp import ents_of, text_of
from ..figures.numbers import CURRENCIES, format_amount, format_quantity, parse_money, parse_number
from .patterns import ORG_WORD, ORG_WORDS, agreement_type, is_landform
from .people import (CLUB_WORDS, COMPANY_WORDS, MEDIA_WORDS, NOT_A_SURNAME, WEEKDAYS_MONTHS, pronoun_follows, speaks,
                     whole_name)
from .roles import HONORIFICS, PERSON_TITLES, TITLES, person_roles, split_title
from .spans import glued, headline_cut, pieces, trim
from ..timex.vocabulary import ZONES

_LOCATIVE = frozenset("in at near outside inside across through throughout around into".split())
_TIME_NOUNS = frozenset("year month week day hour minute second time decade century percent cent".split())
_SPEECH_OR_ACTION_DEPS = {"nsubj", "nsubjpass", "poss"}
_NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}
# The labels _ner_candidates makes names of (besides CARDINAL and QUANTITY): others are skipped untrimmed.
_READ_LABELS = _NAME_LABELS | {"MONEY", "LAW"}
# The types of names (not figures or agreements): a possessive is cut from them, and a name in capitals may stand
# for one the article writes in normal case (extract's ``_known_names``).
CAPS_TYPES = ("person", "organization", "place")


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


def from_ner(doc, aliases: AliasTable, acronyms: dict[str, str]) -> list[Candidate]:
    text = text_of(doc)
    out = _ner_candidates(doc, text, aliases, acronyms)
    for cand in out:
        span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
        cand.speaks = span is not None and len(span) > 0 and speaks(span)
        if span is not None and len(span) and cand.type in {"place", "organization"}:
            cand.the = _capital_the(span)
            cand.person_evidence = _person_evidence(span, text, cand, aliases)
    return out


_ZONES = frozenset(ZONES.upper().split())
_EVENT_WORDS = r"Open|Masters|Grand Prix|Championships?|Cup|Games|Classic|Trophy|Marathon|Festival|Tournament|Invitational"
_EVENT_AFTER = re.compile(rf"^\s+(?:[A-Z][a-z]+\s+)?(?:{_EVENT_WORDS})\b")  # capitalised: not "Ostra festival"
# The last word of an event's name (a tournament, a festival), which the model may tag an organisation: no body.
_EVENT = re.compile(rf"\b(?:{_EVENT_WORDS}|Olympics|Finals?|Series|Stakes)$", re.I)
# A piece of the model's organisation after a possessive, two or three plain capitalised words: a person it has.
_OWNED_PERSON = re.compile(r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2}")
_POSSESSIVE_BEFORE = re.compile(r"[A-Za-z](?:'s|’s|s'|s’)\s+$")
_AGE_AFTER = re.compile(r"^\s*,\s*(?:aged\s+)?\d{1,3}\s*(?:,|$)")
_PERSON_TITLE_BEFORE = PERSON_TITLES | HONORIFICS | {"sen.", "rep.", "gov.", "gen.", "lt.", "col.", "capt.", "sgt."}
_NOT_A_PERSON_WORD = re.compile(rf"\b(?:{ORG_WORDS}|{'|'.join(sorted(NOT_A_SURNAME))})\b")


def _person_evidence(span, doc_text: str, cand: Candidate, aliases: AliasTable) -> bool:
    """A name the model calls an organisation or a place that the text shows to be a person: a title only
    people hold right before it ("Mr. Okafor"), an age after it ("Okafor, 45,"); for a name no table knows,
    also the subject of a speech verb with "he" or "she" in the next sentences ("Okafor said ... he")."""
    text = span.text
    if text.isupper() or any(ch.isdigit() for ch in text) or len(span) > 3 or _NOT_A_PERSON_WORD.search(text):
        return False
    if not all(w[:1].isupper() for w in text.split()):
        return False
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    titled = before is not None and before.lower_ in _PERSON_TITLE_BEFORE and before.text[:1].isupper()  # not "miss"
    if titled or _AGE_AFTER.match(doc_text[span.end_char:span.end_char + 12]):
        return True
    known = aliases.place(text) or aliases.capital_of(text) or aliases.organization(text) or aliases.demonym(text)
    return not known and cand.speaks and pronoun_follows(span)


def _capital_the(span) -> str:
    """ "mid" when a capitalised "The" inside the sentence precedes the name ("in The Hague": part of
    the name), "start" when it opens the sentence (no evidence: "The United States said"), else ""."""
    i = span.start - 1
    doc = span.doc
    if i < 0 or doc[i].text != "The" or doc[i].idx + 4 != span.start_char:
        return ""
    if i > doc[i].sent.start and (not doc[i - 1].is_punct or doc[i - 1].text in {",", ";"}):
        return "mid"
    return "start"


def _ner_candidates(doc, doc_text: str, aliases: AliasTable, acronyms: dict[str, str]) -> list[Candidate]:
    out: list[Candidate] = []
    for ent in ents_of(doc):
        label = ent.label_
        if label in {"CARDINAL", "QUANTITY"}:
            found = _quantity(ent, doc)
            if found:
                end_token, kind, name = found
                out.append(Candidate(ent.start_char, doc[end_token - 1].idx + len(doc[end_token - 1]), kind, name, "ner"))
            elif label == "QUANTITY":
                out.append(Candidate(ent.start_char, ent.end_char, "quantity", ent.text, "ner"))
            continue
        if label not in _READ_LABELS:
            continue  # DATE, TIME, PERCENT…: the dates are timex's
        trimmed = trim(ent)
        for span in (pieces(trimmed, label == "PERSON") if label in _NAME_LABELS else [trimmed]) if trimmed else ():
            text = span.text
            if text.lower() in WEEKDAYS_MONTHS or not any(ch.isalnum() for ch in text) or glued(span):
                continue
            if label in _NAME_LABELS and not any(w[:1].isupper() for w in text.split()):
                continue  # "the central bank", "police": a common noun, not a name
            if label != "PERSON" and all(w.lower() in TITLES for w in text.split()):
                continue  # "Interior" of "Interior Minister Joseph Kamau"
            if text.rstrip(".").lower() in ABBREVIATIONS and not aliases.place(text):
                continue  # "St." of "St., Louis", "Jr.": an abbreviation alone names nothing
            if text in _ZONES:
                continue  # "1400 GMT", "9 a.m. EDT": a time zone is no organisation
            start, end = span.start_char, span.end_char
            if label == "ORG" and _OWNED_PERSON.fullmatch(text) and _POSSESSIVE_BEFORE.search(doc_text[:start]) \
                    and not (_NOT_A_PERSON_WORD.search(text) or aliases.organization(text) or aliases.place(text)):
                # "Fox News’ Sean Hannity", "Velmar's Ada Voss": the possessor is the body, the one it has a person
                out.append(Candidate(start, end, "person", text, "ner", tuple(person_roles(doc, start, end))))
                continue
            state = aliases.postal_state(text, doc_text[:start]) if len(text) == 2 and text.isupper() else None
            if state:  # "Tampa, FL": the state, whatever the model's label
                out.append(Candidate(start, end, "place", state, "ner"))
                continue
            first = _first_name_before(span, aliases) if label in {"ORG", "GPE", "LOC", "FAC"} else None
            if first is not None:  # "Carla Ferrone" the model read as "Ferrone", an organisation: a person
                out.append(Candidate(first.start_char, first.end_char, "person", first.text, "ner",
                                     tuple(person_roles(doc, first.start_char, first.end_char)), evidence=True))
                continue
            if label == "MONEY":
                amount = parse_money(ent.text)
                if amount is None and not any(ch.isdigit() for ch in text):
                    continue  # "millions of dollars", "multimillion-dollar": no figure to name
                out.append(Candidate(start, end, "money", amount.name if amount else text, "ner"))
            elif label == "PERSON":
                title, name = split_title(span)
                if name is None or name.text.lower() in WEEKDAYS_MONTHS:
                    continue
                name = headline_cut(whole_name(name, aliases))
                last = name.text.split()[-1]
                head = name.text.split()[0]
                if len(head) >= 2 and head.isalpha() and head.isupper() and not name.text.isupper():
                    continue  # "OSCE Kestrelia": an acronym opens no person's name (the acronym is its own)
                if last in NOT_A_SURNAME or "&" in name.text \
                        or (len(last) >= 2 and last.isupper() and not name.text.isupper()
                            and not re.fullmatch(r"[IVX]+", last)):  # "Ohio GOP", "Brackton United"; not "John Doe III"
                    out.append(Candidate(name.start_char, name.end_char, "organization", surface_key(name.text), "ner"))
                    continue
                roles = ((title,) if title else ()) + tuple(person_roles(doc, name.start_char, name.end_char))
                if not roles and (aliases.place(name.text) or aliases.capital_of(name.text)):  # "Austria 2-1"
                    out.append(Candidate(name.start_char, name.end_char, "place", aliases.place(name.text)
                                         or surface_key(name.text), "ner"))
                    continue
                if not roles and name.root.dep_ == "pobj" and name.root.head.lower_ in _LOCATIVE:  # "resume in Kraków"
                    out.append(Candidate(name.start_char, name.end_char, "place", aliases.place(name.text) or name.text, "ner"))
                    continue
                evidence = bool(roles) or pronoun_follows(name)
                if not evidence and len(name) == 1 and (_company_context(name) or _BUSINESS.search(name.sent.text)):
                    # "Velmar ... the company said", "Velmar's shares rose": a company
                    out.append(Candidate(name.start_char, name.end_char, "organization", surface_key(name.text), "ner"))
                    continue
                out.append(Candidate(name.start_char, name.end_char, "person", name.text, "ner", roles,
                                     evidence=evidence))
            elif label == "NORP":
                place = aliases.demonym(text)
                if place:
                    out.append(Candidate(start, end, "place", place, "ner", nationality=True))
            elif label == "ORG" and (_SETTLEMENT_OF.search(doc_text[max(0, start - 40):start])
                                     or SETTLEMENT_AFTER.match(doc_text[end:end + 20])) and not ORG_WORD.search(text) \
                    and not text.isupper() and not is_generic(text):
                out.append(Candidate(start, end, "place", aliases.place(text) or surface_key(text), "ner"))
            elif label in {"GPE", "LOC", "FAC", "ORG"} and aliases.capital_of(text):  # "Washington's envoy"
                out.append(Candidate(start, end, "place", surface_key(text), "ner", capital_of=aliases.capital_of(text),
                                     actor=label == "ORG" or span.root.dep_ in _SPEECH_OR_ACTION_DEPS))
            elif label in {"GPE", "LOC", "FAC"}:
                if is_generic(text):  # "Police" tagged a place
                    out.append(Candidate(start, end, "organization", surface_key(text), "ner"))
                elif text.split()[-1] in CLUB_WORDS | COMPANY_WORDS | MEDIA_WORDS and " " in text:  # "Harlow Rovers", "Kell Shipping"
                    out.append(Candidate(start, end, "organization", surface_key(text), "ner"))
                elif is_dotted_acronym(surface_key(text)) and len(surface_key(text)) >= 6 and not aliases.place(text):
                    out.append(Candidate(start, end, "organization", aliases.organization(text) or surface_key(text), "ner"))
                elif aliases.organization(text) or (not aliases.place(text) and _company_context(span)):
                    out.append(Candidate(start, end, "organization", aliases.organization(text) or surface_key(text), "ner"))
                else:
                    out.append(Candidate(start, end, "place", aliases.place(text) or surface_key(text), "ner"))
            elif label == "ORG":
                if text in acronyms or _EVENT.search(text):
                    continue  # handled by the acronym rule; "the Kestrel Open", "the Harbour Festival": an event
                if aliases.place(text) or is_landform(text, aliases):  # "the West Bank"
                    out.append(Candidate(start, end, "place", aliases.place(text) or surface_key(text), "ner"))
                elif agreement_type(text):
                    out.append(Candidate(start, end, "agreement", surface_key(text), "ner"))
                else:
                    out.append(Candidate(start, end, "organization", aliases.organization(text) or surface_key(text), "ner"))
            elif label == "LAW":
                out.append(Candidate(start, end, "agreement", surface_key(text), "ner"))
    # A place or a nationality opening an event's name ("the Kestrelia Open", "the Ostran Masters") names no place.
    out = [c for c in out if c.type != "place" or not _EVENT_AFTER.match(doc_text[c.end:c.end + 48])]
    for cand in out:  # "Ruiz’s" the tokenizer kept whole: the name is "Ruiz"
        if cand.type in CAPS_TYPES and doc_text[cand.start:cand.end].endswith(("'s", "’s")) and cand.length > 3:
            cand.end -= 2
            cand.name = cand.name[:-2] if cand.name.endswith(("'s", "’s")) else cand.name
    return out


def _first_name_before(span, aliases: AliasTable):
    """The span of "Carla Ferrone" when the model tagged only "Ferrone", as an organisation or a place, and
    the sentence shows a person: an untagged capitalised word right before it (see :func:`whole_name`), and
    "he" or "she" after it or a speech verb it is the subject of; also "Carla Ferrone" tagged whole
    (:func:`_acts_as_person`). None otherwise. ("Mrs. Ferrone" is :func:`_person_evidence`'s.)"""
    if len(span) == 1 and span[0].ent_iob_ == "I":  # "Holly" the trim took for an adverb (tagged RB): the model's own span
        span = span.doc[span.start - 1:span.end]
    if len(span) == 2:
        return span if _acts_as_person(span, aliases) else None
    if len(span) != 1 or span.text.isupper() or aliases.place(span.text) or aliases.organization(span.text) \
            or aliases.capital_of(span.text) or aliases.demonym(span.text) or span.text in NOT_A_SURNAME:
        return None
    name = whole_name(span, aliases)
    if len(name) != 2 or name[0].ent_type_ or not name[0].text[1:].islower() \
            or not (pronoun_follows(name) or speaks(name)):  # "Carla", not "OSCE"
        return None
    return name


_HIS_HER = frozenset(("his", "her"))


def _acts_as_person(span, aliases: AliasTable) -> bool:
    """"Carla Ferrone cast her vote": two plain capitalised words the model tagged as one organisation or place, the
    subject of a verb whose object is "his"/"her" something (a company's is "its"; "Velmar Freight said she left"
    stays the model's). Names the alias table knows, and names with a word of companies, clubs, media or public
    bodies, keep the model's type."""
    first, last = span[0], span[1]
    if not all(t.is_alpha and t.text[:1].isupper() and t.text[1:].islower() for t in span) or first.is_stop \
            or last.text in CLUB_WORDS | COMPANY_WORDS | MEDIA_WORDS or _NOT_A_PERSON_WORD.search(span.text) \
            or first.text.lower() in TITLES or aliases.place(span.text) or aliases.organization(span.text) \
            or span.root.dep_ != "nsubj":
        return False
    return any(c.dep_ == "dobj" and any(g.dep_ == "poss" and g.lower_ in _HIS_HER for g in c.children)
               for c in span.root.head.children)


# "the city of Velmar", "the town of Ostra": a settlement, whatever the model made of its name.
_SETTLEMENT_OF = re.compile(
    r"\b(?:city|town|village|province|region|district|county|capital|port|suburb|island) of\s+$", re.I)
# "the hilly Velmar region", "Ostra county": a lower-case place noun right after the name, ending the phrase (not
# "the Ostra district chairman").
SETTLEMENT_AFTER = re.compile(
    r"^\s(?:region|province|county|district|village|port|island|enclave)"
    r"(?=\s*(?:[,.;:)]|$)|\s(?:of|in|on|at|and|was|is|has|were|where|which|that|near|to|from|for)\b)")
# Words of a company's news: a lone "person" without a title, role or pronoun in such a sentence is a company.
_BUSINESS = re.compile(r"\b(?:shares|profits?|revenues?|earnings|subsidiary|acquisition|merger|takeover|"
                       r"shareholders?|dividends?|net loss|net income)\b", re.I)
_COMPANY_REFERENCE = re.compile(r"\b(?:the|a) (?:company|firm|carmaker|retailer|lender|insurer|group)\b", re.I)
_SPOKESPERSON_FOR = re.compile(r"\b(?:(?:spokes(?:wo)?man|spokesperson) for|shares (?:of|in)|(?:chief executive|CEO) of)\s+$", re.I)


def _company_context(span) -> bool:
    """An unknown "place" the sentence calls a company ("sued Nexagrid, ... the company"), never one after "in"."""
    if span.root.dep_ == "pobj" and span.root.head.lower_ in _LOCATIVE:
        return False
    sentence = span.sent.text  # not span.doc.text: spaCy joins every token's text anew for it
    before = sentence[:span.start_char - span.sent.start_char]
    return bool(_SPOKESPERSON_FOR.search(before) or _COMPANY_REFERENCE.search(sentence))
