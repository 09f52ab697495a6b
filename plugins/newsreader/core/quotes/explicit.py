"""Explicit attributions the parse around the quote does not give: the colon that introduces a quote ('Ines
Maro: "…"', 'The minister went further: "…"') and the "as" clause right after it ('"…," as the memo put it').

``quotes/candidates.py`` puts them among the other candidates, in their order.
"""

from __future__ import annotations

from . import speakers
from ..nlp import text_of
from .speakers import inside

NOT_NAMES = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME", "EVENT", "LAW", "PRODUCT", "MONEY"})
_HEARING = frozenset({"hear", "listen", "read", "receive", "get", "see", "watch", "learn", "find", "show", "include"})
# Verbs whose object is the one spoken to ("X told the Courier", "X asked Reyes"): that object never speaks.
ADDRESSING = frozenset({"tell", "inform", "assure", "remind", "warn", "ask", "brief", "email", "write", "text"})


def colon_introducer(doc, quote_spans, lo: int, group):
    """Who a colon right before the quote introduces: the name before it ('Ines Maro: "…"') or the subject of
    the clause it ends ('The minister went further: "…"'); None when no colon comes right before the quote."""
    opening = group[0][0] - 1
    # (after a quote earlier in the sentence, only its words after it: '"…," X said as a heckler yelled: "…"')
    lo = max([lo, *(b + 1 for a, b in quote_spans if lo <= a < opening)])
    before = text_of(doc)[lo:opening].rstrip()
    # (or a dash before a quoted whole sentence: 'X also backed the toll -- "It is the only way."': X, by name)
    dash = before.endswith(("—", "–", " -", "--")) and text_of(doc)[group[0][0]:group[0][0] + 1].isupper()
    if not (before.endswith(":") or dash) or any(lo <= a < opening for a, _ in quote_spans):
        return None
    stretch = [t for t in doc.char_span(lo, lo + len(before) - 1, alignment_mode="contract") or () if not t.is_punct]
    if not stretch:
        return None
    name = stretch[-1]
    if dash:
        subject = next((speakers.subject_of(t) for t in reversed(stretch) if t.pos_ in {"VERB", "AUX"}
                        and t.head.i not in {s.i for s in stretch if s.i != t.i}), None)
        return subject if subject is not None and subject.pos_ == "PROPN" and subject.ent_type_ in {"PERSON", "ORG"} else None
    if before[:-1].rstrip().endswith(")") and "(" in before:  # 'Rep. Ada Voss (D-Tarsk): "…"' (the tokenizer
        # may glue the bracket's end to the quote's first word): the word before the aside
        end = lo + len(before[:before.rindex("(")].rstrip())
        name = next((t for t in stretch if t.idx < end <= t.idx + len(t.text)), name)
    if (name.pos_ == "PROPN" and name.ent_type_ not in NOT_NAMES and not (name.dep_ == "pobj" and name.head.lower_ != "from")
            and not (name.dep_ in {"dobj", "dative"} and name.head.lemma_.lower() in ADDRESSING)):
        # a name right before the colon speaks, whatever comes before it ('A headline - Ines Maro: "…"', 'More
        # from Maro: "…"'); not the outlet or place it was said in ('later that day on Channel 4: "…"') nor the
        # one told ('X told the Fixture Herald: "…"': the clause's subject, below)
        return name
    ids = {t.i for t in stretch}
    verb = next((t for t in reversed(stretch) if t.pos_ in {"VERB", "AUX"}), None)
    if verb is not None and speakers.is_speech_verb(verb) and all(
            t.pos_ in {"ADV", "PART"} for t in stretch if t.i > verb.i):
        # the speech verb right before the colon ('X said as the heckler yelled: "…"'): its subject, whatever
        # the clause's main verb
        subject = speakers.subject_of(verb)
        if subject is not None and subject.i in ids:
            return subject
    heads = [t for t in stretch if t.head.i not in ids or t.head.i == t.i]
    head = heads[-1] if heads else None
    if head is None:
        return None
    if head.lower_ == "from":  # 'From the report: "…"', 'More from the memo: "…"': the document's words
        return next((c for c in head.children if c.dep_ == "pobj" and speakers.is_worded_document(c)), None)
    if head.pos_ in {"VERB", "AUX"}:
        if head.lemma_.lower() in _HEARING or any(c.dep_ == "prep" and c.lower_ == "from" for c in head.children):
            return None  # "The panel heard from the auditor:", "She received a letter from him:"
        subject = speakers.subject_of(head)
        return subject if subject is not None and subject.i in ids else None
    return head if head.pos_ in {"PROPN", "NOUN"} else None


def as_clause(doc, quote_spans, group):
    """The subject of an "as" clause with a speech verb right after the quote ('"…," as the memo put it', '"…," as
    Reyes said'), or None."""
    after = next((t for t in doc if t.idx >= group[-1][1] and not t.is_punct), None)
    if after is None or after.lower_ != "as" or after.dep_ != "mark" or inside(after, quote_spans):
        return None
    verb = after.head
    if not speakers.is_speech_verb(verb) or any(c.dep_ in {"dobj", "ccomp"} and c.lower_ != "it" for c in verb.children):
        return None  # 'as the board wrote two letters': a time ("while"), not a source
    return speakers.subject_of(verb, lambda t: not inside(t, quote_spans))
