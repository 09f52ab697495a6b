"""The speech verbs of a quote's sentence other than the one it hangs on, read for its speaker after it (the rules
are in ``quotes/speakers.py``; ``quotes/candidates.py`` puts them among the other candidates, in their order):
their subjects, also where a misparse left a verb without one, and never a verb that has a quote of its own.
"""

from __future__ import annotations

from . import speakers
from .explicit import ADDRESSING
from .speakers import inside

_ASKING = frozenset({"how", "whether", "why"})  # words opening an indirect question


def _inverted(verb, quote_spans) -> bool:
    """Whether a speech verb comes right after a closing quote ('"…," said X'): its subject follows it."""
    before = verb.i - 1
    while before >= 0 and verb.doc[before].is_punct and not inside(verb.doc[before], quote_spans):
        before -= 1
    return before >= 0 and before < verb.i - 1 and inside(verb.doc[before], quote_spans)


def _before_aside(doc, verb, outside):
    """The word right before ``verb``, past an aside in brackets ('Ada Voss (D-Tarsk) said') or the comma that closes
    a name set off by commas ('the adviser, Ada Voss, said'); for a relative clause that ends right before the verb,
    the noun it hangs on ('an aide who spoke on background said'); None at the start."""
    at = verb.i - 1
    if at >= 0 and doc[at].text == ")":
        opening = next((t.i for t in reversed(doc[max(0, at - 8):at]) if t.text == "("), None)
        at = opening - 1 if opening is not None else at
    if at > 0 and doc[at].text == "," and doc[at - 1].pos_ == "PROPN":
        at -= 1
    if at < 0:
        return None
    clause = next((a for a in doc[at].ancestors if a.dep_ == "relcl" and a.i < verb.i), None)
    if (clause is not None and clause.head.i < clause.i and max(t.i for t in clause.subtree) == at
            and doc[min(t.i for t in clause.subtree)].tag_ in {"WP", "WDT"} and outside(clause.head)):
        return clause.head  # (a clause opening with "who" or "which", on a noun outside the quote)
    return doc[at]


def _object_of(t, verb) -> bool:
    """Whether ``t`` is the one a characterisation is about ('called X a "…"'): the verb has a second object."""
    return any(c.dep_ == "oprd" for c in verb.children) and any(
        c.dep_ in {"dobj", "oprd"} and t.i in {w.i for w in c.subtree} for c in verb.children)


_TIME_MARKS = frozenset({"when", "after", "before", "while", "because", "since", "once", "until", "if", "although",
                         "though", "whenever"})


def _elsewhere(verb, quote_spans, group) -> bool:
    """Whether a speech verb's clause ends before the quote and holds another quote of the sentence ('on a tape that
    Councillor Voss described as "shameful," Berg voiced a hope to "…"': Voss's verb is for the first quote)."""
    lo, hi = verb.left_edge.idx, _clause_end(verb)
    return hi <= group[0][0] and any(lo <= a < hi for a, _ in quote_spans)


def _clause_end(verb) -> int:
    """Where a verb's clause ends, without the clauses joined to it."""
    end = max([verb, *(c.right_edge for c in verb.children if c.dep_ not in {"conj", "cc"})], key=lambda t: t.i)
    return end.idx + len(end)


def _told_apart(verb, group) -> bool:
    """Whether a speech verb tells of something else in a clause of time or cause that ends before the quote ('Applause
    broke out when Maro mentioned the lifeboat crew, and later the dockers started the chant "…"'): no attribution."""
    return _clause_end(verb) <= group[0][0] and verb.dep_ == "advcl" and any(
        c.dep_ in {"mark", "advmod"} and c.lower_ in _TIME_MARKS and c.i < verb.i for c in verb.children) and any(
        c.dep_ in {"dobj", "ccomp"} for c in verb.children)


def other_speech_verbs(doc, outside, quote_spans, group, unquoted, deferred=False):
    """The subjects of the speech verbs among the words ``outside`` the quotes, in their order; with ``deferred``,
    only of those whose clause ends before the quote with a quote of its own (read after every other candidate),
    else only of the others; never of one that tells of something else in a clause of time or cause."""
    for verb in outside:
        if verb.dep_ == "amod" and verb.i > 0 and (doc[verb.i - 1].text == "-" or doc[verb.i - 1].pos_ in {"DET", "ADV"}):
            continue  # a participle that describes a noun ('the self-described Harbor Alliance') says nothing (a
            # name before it is the subject of a misparse: 'X described families …')
        if any(c.lower_ in _ASKING and c.i < verb.i for c in verb.children):
            continue  # an indirect question ('a debate over how the city responds …, with X telling …'): no one speaks
        if verb.tag_ == "VBN" and verb.dep_ == "advcl" and any(c.dep_ == "agent" for c in verb.children):
            continue  # 'Asked by Dorn about the toll, Reyes said …': the one asking does not answer
        if not (speakers.is_speech_verb(verb) or speakers.issues_text(verb)) or _told_apart(verb, group) or (
                _elsewhere(verb, quote_spans, group) != deferred):
            continue  # ("X issued a statement, "…"" speaks)
        subject = speakers.subject_of(verb, unquoted)
        if subject is None and _inverted(verb, quote_spans):
            # '"…!" shouted the driver': the parser often takes the inverted subject for an object
            subject = next((c for c in verb.children if c.i > verb.i and (c.dep_ in {"dobj", "attr", "npadvmod"} or (
                c.dep_ == "advmod" and c.i == verb.i + 1 and c.text[:1].isupper()))), None)  # ('said Voss': an adverb)
        if subject is None:  # a misparse left the verb without one: the name right before it (after it only
            # when the verb follows the quote: 'called X a "…"' names the one spoken of, not the speaker)
            after = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
            if after is not None and not _inverted(verb, quote_spans) and (
                    _object_of(after, verb) or verb.lemma_.lower() in ADDRESSING):
                after = None  # nor the one addressed ('"…," X, 58, told the Courier': not the Courier)
            subject = next((t for t in (_before_aside(doc, verb, unquoted), after)
                            if t is not None and t.pos_ in {"PROPN", "NOUN", "PRON"} and unquoted(t)), None)
        if subject is not None:
            yield subject
