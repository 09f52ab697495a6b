"""Named entities of one article: spaCy's NER with a rule layer on top.

The rules on metonyms, datelines and generic bodies are in :mod:`metonyms`, on people in :mod:`people`,
name keys in :mod:`entity_names`; one name is one entity in an article, typed by the votes of its mentions.

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

from .aliases import AliasTable, surface_key
from .aliases import load as load_aliases
from .candidate import Candidate, resolve_overlaps
from .names import ABBREVIATIONS, acronym_key, person_key, is_dotted_acronym, is_function_word, is_generic
from .metonyms import dateline, generic_words, qualify_generic
from ..model import Entity, Mention, Sentence
from ..figures.numbers import CURRENCIES, format_amount, format_quantity, parse_money, parse_number
from .people import (CLUB_WORDS, COMPANY_WORDS, MEDIA_WORDS, NOT_A_SURNAME, WEEKDAYS_MONTHS, joined_name,
                     pronoun_follows, speaks, surname_owners, surnames, titled_names, whole_name)
from .roles import HONORIFICS, PERSON_TITLES, TITLES, clean_role, person_roles, split_title
from ..text.sentences import SentenceLocator

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
_CAP_WORD = r"(?:(?:[A-Z]\.){2,}|[A-Z][\w'’-]*)"  # "U.N." or "Security"
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
_LEADING_JUNK_POS = {"VERB", "ADP", "SCONJ", "ADV", "PRON", "PART", "CCONJ", "PUNCT", "AUX", "DET"}
_SENTENCE_OPENERS = frozenset(
    "but and or so as if when while after before since although though in on at by for from with without "
    "meanwhile however also then yet earlier later last next this that these those a an".split()
)
_LOCATIVE = frozenset("in at near outside inside across through throughout around into".split())
_SCORE = re.compile(r"^\d+(?:[-–:]\d+)?$")
_TIME_NOUNS = frozenset("year month week day hour minute second time decade century percent cent".split())
_SPEECH_OR_ACTION_DEPS = {"nsubj", "nsubjpass", "poss"}
_NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}
# The labels _ner_candidates makes names of (besides CARDINAL and QUANTITY): others are skipped untrimmed.
_READ_LABELS = _NAME_LABELS | {"MONEY", "LAW"}

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
    while start < end - 1 and _leading_junk(doc[start]):
        start += 1
    while end > start and _trailing_junk(doc[end - 1], alone=end - start == 1):
        end -= 1
    return doc[start:end] if end > start else None


def _leading_junk(token) -> bool:
    """An article, verb, preposition… or a sentence-opening "-ing" word ("Citing Foreign Ministry")."""
    lower = token.lower_
    return (lower in {"the", "a", "an"} or token.pos_ in _LEADING_JUNK_POS
            or (lower.endswith("ing") and token.tag_ in {"VBG", "NNP"} and token.is_sent_start))


def _trailing_junk(token, alone: bool) -> bool:
    """Punctuation, a possessive, or a score after a name ("Benfica 3-1")."""
    return token.is_punct or token.lower_ in {"'s", "’s"} or (not alone and _SCORE.match(token.text) is not None)


# Where one span the model found holds several names: a bracket ("Pike] Smith", "[W]e"), a sentence's full stop
# ("Smith. The"), a comma, semicolon, colon or slash, a possessive ("Ruiz's Ohio"), or a number between two
# capitalised words ("Tigers 5 Hawks 2").
_CUT = re.compile(
    r"\s*[\[\]{}()|;:\"“”/]\s*|,\s+"
    r"|(?<=\w)(?:'s|’s)\s+(?=[A-Z])"
    r"|(?<=[A-Za-z]{2})(?<![A-Z][a-z]\.)(?<![A-Z][a-z]{2}\.)\.\s+(?=[A-Z])"
    r"|(?<=\w)\s+[-+]?\d[\d.,/]*\s+(?=[A-Z])"
)
_NOT_A_SENTENCE_END = re.compile(rf"(?:^|\s)(?:{'|'.join(sorted(a.rstrip('.') for a in ABBREVIATIONS))})\.$", re.I)


def _pieces(span) -> list:
    """The names in one span of the model: cut where :data:`_CUT` says, each piece kept when it is a name
    (a capital, a letter more than an initial, no closed-class word alone: "The" of "Smith. The")."""
    text = span.text
    cuts = [m for m in _CUT.finditer(text)
            if not (m.group(0).lstrip().startswith(".") and _NOT_A_SENTENCE_END.search(text[:m.start() + 1]))]
    if not cuts:
        span = _lower_case_edges(span)
        return [] if span is None or is_function_word(span.text) else [span]
    bounds, at = [], 0
    for m in cuts:
        bounds.append((at, m.start()))
        at = m.end()
    bounds.append((at, len(text)))
    out = []
    for a, b in bounds:
        piece = text[a:b].strip(" .,'’-")
        if not piece:
            continue
        a = text.index(piece, a)
        letters = sum(ch.isalpha() for ch in piece)
        if letters < 2 or not piece[:1].isupper() or is_function_word(piece):
            continue
        sub = span.doc.char_span(span.start_char + a, span.start_char + a + len(piece), alignment_mode="contract")
        if sub is not None and len(sub) and sub.text == piece:
            sub = _lower_case_edges(sub)
            if sub is not None and not is_function_word(sub.text):
                out.append(sub)
    return out


_PARTICLES = frozenset("de van von al el da di du la le der den ter bin ibn del dos das af zu".split())


def _lower_case_edges(span):
    """A name starts and ends with a capitalised word: "Brackton news agency" -> "Brackton", "pro-reform
    CFU union" -> "CFU" (a particle may open a name: "de Souza", "al-Amin"). None when no word is left."""
    start, end = span.start, span.end
    doc = span.doc
    while end - 1 > start and doc[end - 1].text[:1].islower() and doc[end - 1].is_alpha and doc[end - 2].whitespace_:
        end -= 1  # a word of its own, not the "won" of "Ryu Jae-won"
    while start < end and not any(ch.isupper() for ch in doc[start].text) and doc[start].lower_ not in _PARTICLES \
            and not doc[start].lower_.startswith(("al-", "el-")):
        start += 1  # "pro", "-", "1=": no capital letter
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
    out = _ner_candidates(doc, aliases, acronyms)
    for cand in out:
        span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
        cand.speaks = span is not None and len(span) > 0 and speaks(span)
        if span is not None and len(span) and cand.type in {"place", "organization"}:
            cand.the = _capital_the(span)
            cand.person_evidence = _person_evidence(span, cand, aliases)
    return out


_AGE_AFTER = re.compile(r"^\s*,\s*(?:aged\s+)?\d{1,3}\s*(?:,|$)")
_PERSON_TITLE_BEFORE = PERSON_TITLES | HONORIFICS | {"sen.", "rep.", "gov.", "gen.", "lt.", "col.", "capt.", "sgt."}
_NOT_A_PERSON_WORD = re.compile(rf"\b(?:{ORG_WORDS}|{'|'.join(sorted(NOT_A_SURNAME))})\b")


def _person_evidence(span, cand: Candidate, aliases: AliasTable) -> bool:
    """A name the model calls an organisation or a place that the text shows to be a person: a title only
    people hold right before it ("Mr. Okafor"), an age after it ("Okafor, 45,"); for a name no table knows,
    also the subject of a speech verb with "he" or "she" in the next sentences ("Okafor said ... he")."""
    text = span.text
    if text.isupper() or any(ch.isdigit() for ch in text) or len(span) > 3 or _NOT_A_PERSON_WORD.search(text):
        return False
    if not all(w[:1].isupper() for w in text.split()):
        return False
    doc = span.doc
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    if before in _PERSON_TITLE_BEFORE or _AGE_AFTER.match(doc.text[span.end_char:span.end_char + 12]):
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


def _ner_candidates(doc, aliases: AliasTable, acronyms: dict[str, str]) -> list[Candidate]:
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
        if label not in _READ_LABELS:
            continue  # DATE, TIME, PERCENT…: the dates are timex's
        trimmed = _trim(ent)
        for span in (_pieces(trimmed) if label in _NAME_LABELS else [trimmed]) if trimmed is not None else ():
            text = span.text
            if text.lower() in WEEKDAYS_MONTHS or not any(ch.isalnum() for ch in text):
                continue
            if label in _NAME_LABELS and not any(w[:1].isupper() for w in text.split()):
                continue  # "the central bank", "police": a common noun, not a name
            if label != "PERSON" and all(w.lower() in TITLES for w in text.split()):
                continue  # "Interior" of "Interior Minister Joseph Kamau"
            if text.rstrip(".").lower() in ABBREVIATIONS and not aliases.place(text):
                continue  # "St." of "St., Louis", "Jr.": an abbreviation alone names nothing
            start, end = span.start_char, span.end_char
            state = aliases.postal_state(text, doc.text[:start]) if len(text) == 2 and text.isupper() else None
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
                name = whole_name(name, aliases)
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
            elif label == "ORG" and _SETTLEMENT_OF.search(doc.text[max(0, start - 40):start]) and " " not in text:
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
    for cand in out:  # "Ruiz’s" the tokenizer kept whole: the name is "Ruiz"
        if cand.type in _CAPS_TYPES and doc.text[cand.start:cand.end].endswith(("'s", "’s")) and cand.length > 3:
            cand.end -= 2
            cand.name = cand.name[:-2] if cand.name.endswith(("'s", "’s")) else cand.name
    return out


def _first_name_before(span, aliases: AliasTable):
    """The span of "Carla Ferrone" when the model tagged only "Ferrone", as an organisation or a place, and
    the sentence shows a person: an untagged capitalised word right before it (see :func:`whole_name`), and
    "he" or "she" after it or a speech verb it is the subject of. None otherwise."""
    if len(span) != 1 or span.text.isupper() or aliases.place(span.text) or aliases.organization(span.text) \
            or aliases.capital_of(span.text) or aliases.demonym(span.text) or span.text in NOT_A_SURNAME:
        return None
    name = whole_name(span, aliases)
    if len(name) != 2 or name[0].ent_type_ or not name[0].text[1:].islower() \
            or not (pronoun_follows(name) or speaks(name)):  # "Carla", not "OSCE"
        return None
    return name


# "the city of Velmar", "the town of Ostra": a settlement, whatever the model made of its name.
_SETTLEMENT_OF = re.compile(r"\b(?:city|town|village|province|region|district|county|capital|port|suburb) of\s+$",
                            re.I)
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


# Sports listings name teams: a result ("Tigers 3 Hawks 1", several to a line), a standings row (a name then
# five or more columns of figures, or a winning percentage ".625") and a fixture ("TIGERS AT HAWKS").
_TEAM = r"[A-Z][\w'’.&-]*(?: [A-Z][\w'’.&-]*){0,3}"
_RESULT = re.compile(rf"(?:^|(?<=[,;] ))(?P<a>{_TEAM}) \d{{1,3}} (?P<b>{_TEAM}) \d{{1,3}}(?= ?[,;(.]|$)")
_STANDING = re.compile(rf"^(?P<a>{_TEAM})(?: \d{{1,3}}){{5,}} ?$|^(?P<b>{_TEAM})(?: \d{{1,3}}){{1,3}} \.\d{{3}}\b")
_FIXTURE = re.compile(rf"^(?P<a>{_TEAM}) (?:AT|at|v|vs\.?|VS\.?) (?P<b>{_TEAM}) ?$")


def _team_name(name: str, places: set[str], aliases: AliasTable) -> str:
    """A team named by its city is not the city: "Kestrel" stays "Kestrel", "BERLIN" the team is "Berlin (team)"
    (a place the article or the table knows), so that the city's page keeps its type."""
    title = " ".join(w.capitalize() for w in name.split()) if name.isupper() else name
    if title.upper() in places or aliases.place(title) or aliases.capital_of(title):
        return f"{title} (team)"
    return aliases.organization(name) or name


def _teams(paragraph: str, aliases: AliasTable, places: set[str] = frozenset()) -> list[Candidate]:
    """Teams named by a sports listing line: organisations, whatever the model made of a city or a county
    (``places``: the article's place names in capitals)."""
    if not any(ch.isdigit() for ch in paragraph) and " AT " not in paragraph and " v" not in paragraph:
        return []
    out = []
    line = paragraph.strip()
    for match in (*_RESULT.finditer(line), *_STANDING.finditer(line), *_FIXTURE.finditer(line)):
        for group in ("a", "b"):
            name = match.group(group)
            if name and not is_function_word(name) and not name.isdigit():
                start = match.start(group) + (len(paragraph) - len(paragraph.lstrip()))
                out.append(Candidate(start, start + len(name), "organization", _team_name(name, places, aliases),
                                     "organization"))
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


def _lineup(paragraph: str) -> list[Candidate]:
    items = list(_LINEUP_ITEM.finditer(paragraph))
    if len(items) < 3:
        return []
    return [Candidate(m.start("name"), m.end("name"), "person", m.group("name"), "listing") for m in items
            if m.group("name").split()[-1] not in NOT_A_SURNAME and not is_function_word(m.group("name"))]


def _ranked_people(paragraph: str, aliases: AliasTable) -> list[Candidate]:
    """People of a results list: a ranked or beaten name with a known country in brackets after it."""
    out = []
    for match in _RANKED_PERSON.finditer(paragraph):
        place = match.group("place")
        if aliases.place(place) or aliases.capital_of(place) or aliases.demonym(place):
            name = match.group("name")
            if name.split()[-1] not in NOT_A_SURNAME:
                out.append(Candidate(match.start("name"), match.end("name"), "person", name, "listing"))
    return out


# A dateline standing as its own paragraph, without the dash of :func:`metonyms.dateline`: "BRACKTON 2024-05-04",
# "BRACKTON , Kestrelia 2024-05-04", "BRACKTON, May 4": the place (and its country) are places.
_DATE_LINE = re.compile(
    r"^(?P<city>[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3})(?: ?, (?P<country>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,2}))?"
    r",? (?:\d{4}-\d{2}-\d{2}|[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?)\s*$"
)
# A country's name, written with capitals and standing alone (no capitalised word joined to it, as in "Chad
# Varga"): a place even where the model saw nothing; a known table or the ISO list says which names are countries.
_CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}(?![\w'’-]| [A-Z])")
_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w'’.-]* $")


def _date_line(paragraph: str) -> list[Candidate]:
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


_POSSESSIVE = re.compile(r"(?:'s|’s|s'|s’)\s+")


def _after_possessive(text: str, start: int) -> tuple[str, int]:
    """ "Ruiz's Senate Committee" -> "Senate Committee": an owner's name is no part of the body's."""
    cut = None
    for cut in _POSSESSIVE.finditer(text):
        pass
    return (text[cut.end():], start + cut.end()) if cut else (text, start)


def _from_rules(paragraph: str, acronyms: dict[str, str], org_like: set[str], aliases: AliasTable) -> list[Candidate]:
    out: list[Candidate] = _teams(paragraph, aliases, {name.upper() for name in org_like})
    out += _date_line(paragraph) + _countries(paragraph, aliases)
    if "(" in paragraph and any(ch.isdigit() for ch in paragraph) or "beat " in paragraph:
        out += _ranked_people(paragraph, aliases)
    if paragraph.count(" - ") + paragraph.count(" -") >= 3:
        out += _lineup(paragraph)
    for match in _ORGANIZATION.finditer(paragraph):
        text, start = _strip_leading_places(match.group(0).rstrip(), match.start(), aliases, out)
        text, start = _after_possessive(text, start)
        if len(text.split()) >= 2 and not aliases.place(text):  # "Russian Federation" is a country
            out.append(Candidate(start, start + len(text), "organization", aliases.organization(text) or text, "organization"))
    out.extend(generic_words(paragraph))
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


_CAPS_WORD = re.compile(r"(?<![\w'’-])[A-Z][A-Z'’&.-]*[A-Z.](?![\w'’-])")
_CAPS_TYPES = ("person", "organization", "place")


def _known_names(cands: list[Candidate], paragraphs_text: dict[int, str]) -> dict[str, tuple[str, str]]:
    """{NAME IN CAPITALS: (type, name)} of the names an article writes in normal case, and of the one
    full-name person each surname stands for: what a dateline or a headline in capitals refers to."""
    known: dict[str, tuple[str, str]] = {}
    surnames: dict[str, set[str]] = {}
    for cand in cands:
        written = paragraphs_text.get(id(cand), cand.name)
        if cand.type not in _CAPS_TYPES or written.isupper() or cand.name.isupper():
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


def extract(paragraphs: list[str], sentences: list[Sentence], docs, aliases: AliasTable | None = None) -> list[Entity]:
    """Entities of one article from its paragraphs, their sentences and one spaCy Doc per paragraph."""
    aliases = aliases or load_aliases()
    acronyms = learn_acronyms(paragraphs)
    locate = SentenceLocator(sentences)
    place_line = dateline(paragraphs[0]) if paragraphs else None
    skip = place_line[0] if place_line else 0  # the place line is no mention

    per_paragraph = [_from_ner(doc, aliases, acronyms) for doc in docs]
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
    named_places = {c.name for c in ner_all if c.type == "place"}
    # Evidence that a full name is a person: a title, role or pronoun; it or its lone surname says
    # something; or the model tags the lone surname a person too.
    lone = {c.name for c in ner_all if (c.type == "person" or c.speaks) and " " not in c.name}
    full_names = {c.name for c in ner_all if c.type == "person" and " " in c.name
                  and (c.evidence or c.speaks or c.name.split()[-1] in lone)} | {c.name for cs in titled for c in cs}
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
        ner = _listed_surnames(ner, owners)
        alone = surnames(paragraph, owners, ner + by_title)
        for cand in alone + [c for c in ner if id(c) in made_people]:
            cand.roles = tuple(person_roles(doc, cand.start, cand.end))
        rules = _from_rules(paragraph, acronyms, named_places, aliases) + alone + by_title
        if _CAPS_WORD.search(paragraph):
            rules += _capitals(paragraph, known, aliases)
        if p_index == 1 and skip:
            rules = [c for c in rules if c.start >= skip]
        found.extend((p_index, paragraph, cand) for cand in resolve_overlaps(ner + rules))
    _with_the(found)
    local = qualify_generic(found, aliases, place_line)

    entities: dict[str, Entity] = {}
    votes: dict[str, dict[str, int]] = {}
    people: dict[str, Entity] = {}
    pending_surnames: list[tuple[str, Mention, tuple[str, ...]]] = []
    for p_index, _, cand in found:
        sentence = locate.at(p_index, cand.start)
        if sentence is None:
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
