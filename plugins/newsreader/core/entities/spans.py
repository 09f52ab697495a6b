"""A span of spaCy's NER cut down to the names it holds.

The model's span may open with a verb, a preposition or an article ("Citing Foreign Ministry"), end with a
possessive or a score ("Benfica 3-1"), hold several names ("Smith. The", "Pike] Smith") or lower-case words at its
edges ("Brackton news agency"): :func:`trim` and :func:`pieces` leave the names alone.
"""

from __future__ import annotations

import re

from .names import ABBREVIATIONS, FUNCTION_WORDS, is_function_word

_LEADING_JUNK_POS = {"VERB", "ADP", "SCONJ", "ADV", "PRON", "PART", "CCONJ", "PUNCT", "AUX", "DET"}
_SCORE = re.compile(r"^\d+(?:[-–:]\d+)?$")


def trim(span):
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
# ("Smith. The"), a comma, semicolon, colon or slash, a possessive ("Ruiz's Ohio", "Harbour News’ Ada Voss"), or a
# number between two capitalised words ("Tigers 5 Hawks 2"), a dash or a "v" between spaces ("Kestrelia - Ivo Lang",
# "Tigers v Hawks").
_CUT = re.compile(
    r"\s*[\[\]{}()|;:\"“”/]\s*|,\s+"
    r"|(?<=\w)(?:'s|’s)\s+(?=[A-Z])|(?<=[a-zS]s)['’]\s+(?=[A-Z])"
    r"|(?<=[A-Za-z]{2})(?<![A-Z][a-z]\.)(?<![A-Z][a-z]{2}\.)\.\s+(?=[A-Z])"
    r"|(?<=\w)\s+[-+]?\d[\d.,/]*\s+(?=[A-Z])"
    r"|(?<=[\w.])\s+(?:[-–]|v|vs\.?)\s+(?=[A-Z0-9])|(?<=\w)\s+or\s+(?=[A-Z])"
)
_CUT_PERSON = re.compile(_CUT.pattern + r"|(?<=\w)\s+and\s+(?=[A-Z])")
_NOT_A_SENTENCE_END = re.compile(rf"(?:^|\s)(?:{'|'.join(sorted(a.rstrip('.') for a in ABBREVIATIONS))})\.$", re.I)


def pieces(span, person: bool = False) -> list:
    """The names in one span of the model: cut where :data:`_CUT` says, each piece kept when it is a name
    (a capital, a letter more than an initial, no closed-class word alone: "The" of "Smith. The"); also at "or"
    between capitals ("Velmar or Kestrel"), and in a span the model calls a person at "and" ("Ivo Lang and Ana
    Ruiz": no one's name holds it; a body's may, "Trade and Industry Board")."""
    text = span.text
    cuts = [m for m in (_CUT_PERSON if person else _CUT).finditer(text)
            if not (m.group(0).lstrip().startswith(".") and _NOT_A_SENTENCE_END.search(text[:m.start() + 1]))]
    if not cuts:
        span = _lower_case_edges(span)
        return [] if span is None or is_function_word(span.text) else [span]
    bounds, at, dash = [], 0, False
    for m in cuts:
        bounds.append((at, m.start(), dash))
        at, dash = m.end(), m.group(0).strip() in _DASHES
    bounds.append((at, len(text), dash))
    out = []
    for a, b, after_dash in bounds:
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
            if sub is not None and not is_function_word(sub.text) and not (after_dash and _opens_prose(sub)):
                out.append(sub)
    return out


_DASHES = {"-", "–"}


def _opens_prose(sub) -> bool:
    """One word after a dash that a lower-case word follows: the sentence a heading's dash opens ("MARKETS - Prices
    fell"), no name."""
    doc = sub.doc
    return len(sub) == 1 and sub.end < len(doc) and doc[sub.end].is_alpha and doc[sub.end].text[:1].islower()


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



_GLUED = re.compile(r"(?:[a-z0-9][A-Z]|[a-z][0-9]|[0-9][a-z]).*(?:[a-z0-9][A-Z]).*(?:[a-z0-9][A-Z])")


def glued(span) -> bool:
    """Whether a word of the span is a page's widgets glued to the text ("ShareLikeReplyAni", "5ptsmoderatorFeatured"):
    three joints of a lower-case letter or digit and a capital in one word; a name has at most two ("GlaxoSmithKline")."""
    return any(_GLUED.search(t.text) for t in span)


def headline_cut(name):
    """A person's name ends before a function word after two words, not a particle ("Ada Voss of Brackton" ->
    "Ada Voss"); read out of a headline in title case, also before a capitalised verb ("Ada Voss Responds To
    Critics" -> "Ada Voss"). The name otherwise."""
    for t in name[2:]:
        if t.lower_ in FUNCTION_WORDS and t.lower_ not in _PARTICLES or (
                t.text[:1].isupper() and not t.text.isupper() and t.tag_ in {"VBZ", "VBD", "VBG"}):
            return name.doc[name.start:t.i]
    return name
