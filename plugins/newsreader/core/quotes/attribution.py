"""Attributions the parse missed, read from the words' order and tags: a short sentence right after a quote
("Ines Maro asked."), a bare attribution beside it ('"…," X, a pilot, said'), a name signed after a dash.
"""

from __future__ import annotations

import re

from . import speakers
from ..nlp import text_of
from .speakers import inside
from ..text.sentences import SentenceLocator

DASH_AFTER = re.compile(r"[\s,.]*(?:[—–―]|--?(?=\s))\s*")  # em, en, quotation dash (U+2015); any space
_DASH_LINE = re.compile(r"\s*(?:[—–―]+|--?)\s*(?=\S)")
_SIGNATURE_MAX_WORDS = 12
_TAIL_MAX_WORDS = 12
_AUDIENCE = frozenset({"reporters", "journalists", "me", "us", "him", "her", "them", "supporters", "crowd", "audience"})


def attribution_tail(doc, paragraph: str, p_index: int, group, spans, c_hi: int, locate: SentenceLocator):
    """The sentence right after a quote that ends its sentence, when it is a bare attribution ("Ines Maro
    asked.", "she said, smiling."): short, without quotes of its own and with a speech verb that takes no
    clause of its own ("She said the plan would fail" reports something else)."""
    if paragraph[group[-1][1]:c_hi].strip(" \"”’'.,!?…)"):
        return None  # words after the quote in its own sentence: not a quote that closes it
    at = c_hi
    while at < len(paragraph) and paragraph[at].isspace():
        at += 1
    tail = locate.at(p_index, at) if at < len(paragraph) else None
    if tail is None:
        return None
    # a quote of its own only after its speech verb ('Maro remarked, alluding to the film "Low Tide."')
    opened = [a for a, _ in spans if tail.offset <= a < tail.offset + len(tail.text)]
    tokens = [t for t in doc.char_span(tail.offset, tail.offset + len(tail.text), alignment_mode="expand") or ()
              if not t.is_punct]
    if not tokens:
        return None
    # The speech verb opens the sentence ("asked X, who …") or follows its subject's words right away ("X, a
    # teacher, asked"); a long sentence of its own is no attribution of the quote before it.
    verb = next((t for t in tokens[:_TAIL_MAX_WORDS] if speakers.is_speech_verb(t)), None)
    if verb is None or verb.dep_ != "ROOT" and verb.head.i != verb.i or any(a <= verb.idx for a in opened):
        return None
    subject = speakers.subject_of(verb)
    opening = {t.i for t in subject.subtree} if subject is not None else set()
    if any(t.i not in opening for t in tokens if t.i < verb.i and t.dep_ not in {"advmod", "neg"}):
        return None
    if any(c.dep_ in {"ccomp", "dobj", "xcomp"} and c.idx >= tail.offset and c.lower_ not in _AUDIENCE
           and not (c.dep_ == "dobj" and verb.lemma_.lower() in {"tell", "ask"}) for c in verb.children):
        return None
    return tail


_NP_POS = frozenset({"DET", "PROPN", "NOUN", "ADJ", "NUM", "PART"})
_APPOSITIVE_MAX = 30
AGE = re.compile(r"\d+-year-old")  # words of a description between a name and its verb ('X, a pilot from Tarsk, said')


def _noun_run(tokens, at: int) -> int:
    """The end of the run of noun-phrase words from ``at`` (names, titles, determiners, "46-year-old")."""
    while at < len(tokens) and (tokens[at].pos_ in _NP_POS or tokens[at].tag_ == "PRP$" or tokens[at].tag_ == "HYPH"
                                or tokens[at].pos_ == "PUNCT" and tokens[at].text in {"-", "’", "'"}):
        at += 1
    return at


def adjacent_attribution(doc, quote_spans, group, c_hi: int):
    """The speaker words of a bare attribution right after the quote, read from the words' order and tags
    when the parse missed it: '"…," Ines Maro said', '"…!" beamed the pilot', '"…," X, a pilot from
    Tarsk, said', '"…," said the 46-year-old'. The noun phrase's tokens, or None."""
    end = group[-1][1]
    quoted = text_of(doc)[group[-1][0]:end].rstrip()
    after = text_of(doc)[end:end + 2]
    if not (quoted.endswith((",", "!", "?", "—", "-", "–")) or after[1:2] == ","):
        return None  # a quote that ends its sentence or runs on into it has no bare attribution after it
    tokens = [t for t in doc.char_span(end, c_hi, alignment_mode="expand") or () if t.idx > end]
    while tokens and tokens[0].is_punct:
        tokens = tokens[1:]
    if not tokens or inside(tokens[0], quote_spans):
        return None
    def speech(t) -> bool:
        return t.tag_ in {"VBD", "VBZ", "VBP", "VBN"} and speakers.is_speech_verb(t)
    if speech(tokens[0]):  # '"…," said X' / '"…!" beamed X of Tarsk'
        run = tokens[1:_noun_run(tokens, 1)]
    else:  # '"…," X said' / '"…," X, 70, said'
        # (a surname that is also a function word: '"…," Will wrote', '"…," From said')
        stop = _noun_run(tokens, 0) or int(tokens[0].text[:1].isupper() and len(tokens) > 1 and speech(tokens[1]))
        run, rest = tokens[:stop], tokens[stop:]
        if rest and rest[0].text == ",":  # a description set off by commas before the verb
            close = next((i for i, t in enumerate(rest[1:_APPOSITIVE_MAX + 2], 1) if t.text == ","), None)
            if close is None or any(inside(t, quote_spans) and t.pos_ == "VERB" for t in rest[:close]):
                return None
            rest = rest[close + 1:]
        if len(run) > 1 and run[-1].lower_ in {"read", "reads"} and speakers.names_document(run[-2]):
            run = run[:-1]  # '"…," the email read.': the parser took "read" for a noun of the document's name (and
            # "editorial" for an adjective)
        elif not rest or not speech(rest[0]):
            return None
    run = [t for t in run if not inside(t, quote_spans)]
    while run and (run[-1].is_punct or run[-1].pos_ == "PART"):
        run = run[:-1]
    return run if run and (run[-1].pos_ in {"NOUN", "PROPN", "ADJ"} or len(run) == 1 and run[0].text[:1].isupper()) else None


# A signature after a dash that ends the paragraph: two to five capitalised words (initials allowed), then the
# paragraph's end or a description after a comma or a bracket ('— Ines Maro', '― Ines A. Maro, a pilot').
_SIGNED_NAME = re.compile(r"((?:[A-Z][\w'’-]*\.?\s+){1,4}[A-Z][\w'’-]*[^\W\d_])\s*(?:[.,(]|$)")


def signed_name(paragraph: str, at: int) -> str | None:
    """The name signed at ``at`` after a dash when the model marked no entity there: capitalised words running
    to the paragraph's end or to a description ('― Ines Maro.', '— Ines Maro, a pilot'); None otherwise."""
    m = _SIGNED_NAME.match(paragraph, at)
    rest = paragraph[m.end(1):].strip() if m else None
    return m.group(1) if rest is not None and (rest in ("", ".") or rest[0] in ",(") else None


def signature_below(paragraph: str, below: str | None, group) -> int | None:
    """Where the name starts on the line after a quote that ends its paragraph, when that line is a short
    signature opening with a dash ('- Ines Maro, harbour master.'); None otherwise."""
    if below is None or paragraph[group[-1][1]:].strip(" \"”’'.,!?…"):
        return None
    m = _DASH_LINE.match(below)
    if m is None or len(below.split()) > _SIGNATURE_MAX_WORDS or any(c in below for c in "\"“”"):
        return None
    return m.end()
