"""Roles of people, read from the sentence: titles, pre-modifiers and appositions.

"Chief US negotiator James DeHart" -> "Chief US negotiator";
"Foreign Minister Kang Kyung-wha" -> "Foreign Minister";
"James DeHart, the chief negotiator," -> "chief negotiator";
"James DeHart of the State Department" -> "State Department".
A title is never part of the name.
"""

from __future__ import annotations

TITLES = frozenset(
    """
    mr mr. mrs mrs. ms ms. dr dr. prof prof. sir dame lord lady president vice prime minister secretary chancellor
    premier governor gov. senator sen. representative rep. congressman congresswoman mayor judge justice ambassador
    general gen. colonel col. lieutenant lt. captain capt. admiral adm. major sergeant commander chief king queen
    prince princess pope cardinal bishop rabbi imam sheikh foreign defence defense finance interior deputy acting
    former state spokesman spokeswoman spokesperson envoy negotiator official chairman chairwoman chair ceo
    striker midfielder defender goalkeeper keeper winger forward coach manager skipper batsman bowler opener
    pitcher quarterback champion veteran rookie leader director economist analyst strategist trader dealer
    officer inspector detective commissioner superintendent president-elect opposition rebel
    """.split()
)
# Titles only a person holds: a name after one is a person's even when the model says otherwise.
PERSON_TITLES = frozenset(
    """
    mr mr. mrs mrs. ms ms. dr dr. sir dame president minister secretary chancellor premier governor senator
    sen. congressman congresswoman mayor judge ambassador spokesman spokeswoman spokesperson envoy negotiator
    chairman chairwoman striker midfielder defender goalkeeper coach manager
    """.split()
)
_ROLE_POS = {"PROPN", "NOUN", "ADJ"}
_STOP_ENTS = {"PERSON", "DATE", "TIME", "CARDINAL", "MONEY", "ORDINAL", "PERCENT"}


def split_title(span):
    """Split "Foreign Minister Kang Kyung-wha" into ("Foreign Minister", span of "Kang Kyung-wha")."""
    doc = span.doc
    i = span.start
    while i < span.end - 1 and doc[i].lower_ in TITLES:
        i += 1
    title = doc[span.start:i].text if i > span.start else None
    name = doc[i:span.end]
    return title, (name if len(name) else None)


def _premodifier(doc, first_token: int) -> str | None:
    j = first_token - 1
    sent_start = doc[first_token].sent.start
    while j >= sent_start and doc[j].pos_ in _ROLE_POS and not doc[j].is_punct and doc[j].ent_type_ not in _STOP_ENTS:
        j -= 1
    run = doc[j + 1:first_token]
    if not len(run):
        return None
    # The word next to the name must be a role noun or a title, not any adjective.
    last = run[-1]
    if last.pos_ != "NOUN" and last.lower_ not in TITLES:
        return None
    return run.text


def _apposition(root) -> list[str]:
    out = []
    for child in root.children:
        if child.dep_ == "appos" and child.ent_type_ != "PERSON":
            words = [t for t in child.subtree if not t.is_punct]
            while words and words[0].lower_ in {"the", "a", "an"}:
                words = words[1:]
            if words:
                out.append(root.doc[words[0].i:words[-1].i + 1].text)
        elif child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.ent_type_ in {"ORG", "GPE"}:
                    ent = next((e for e in root.doc.ents if e.start <= obj.i < e.end), None)
                    if ent is not None:
                        words = [t for t in ent if t.lower_ != "the"]
                        out.append(root.doc[words[0].i:words[-1].i + 1].text)
    return out


def person_roles(doc, start_char: int, end_char: int) -> list[str]:
    """Roles given to the person named at ``doc.text[start_char:end_char]``."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None or not len(span):
        return []
    roles = []
    before = _premodifier(doc, span.start)
    if before:
        roles.append(before)
    roles.extend(_apposition(span.root))
    return roles
