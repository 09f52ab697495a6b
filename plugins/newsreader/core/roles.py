"""Roles of people, read from the sentence: titles, pre-modifiers and appositions.

"Chief US negotiator James DeHart" -> "Chief US negotiator";
"Foreign Minister Kang Kyung-wha" -> "Foreign Minister";
"James DeHart, the chief negotiator," -> "chief negotiator";
"James DeHart of the State Department" -> "State Department".
A title is never part of the name.
"""

from __future__ import annotations

import re

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
    gov sen rep sens reps gen lt col capt sgt adm cmdr supt
    """.split()
)
# Titles only a person holds: a name after one is a person's even when the model says otherwise.
PERSON_TITLES = frozenset(
    """
    mr mr. mrs mrs. ms ms. dr dr. sir dame president minister secretary chancellor premier governor senator
    sen. congressman congresswoman mayor judge ambassador spokesman spokeswoman spokesperson envoy negotiator
    chairman chairwoman striker midfielder defender goalkeeper coach manager
    gov gov. sen rep rep. congressman-elect senator-elect
    """.split()
)
_ROLE_POS = {"PROPN", "NOUN", "ADJ"}
# Forms of address, not positions: "Mr." is no role, nor is "... Mr." (a fragment ending in one).
HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. miss mx mx. sir dame messrs messrs. jr jr. sr sr.".split())
# Words a role never ends with: a modifier waiting for its noun ("former"), a time ("EDT", "all times").
_NOT_A_HEAD = frozenset(
    """
    former acting deputy vice ex then late current new top senior junior interim
    edt est edst cdt cst mdt mst pdt pst gmt utc bst cet time times day days week weeks month months year years
    morning afternoon evening night today tonight tomorrow yesterday percent cent way place thing lot kind part
    """.split()
)
_PARTY_STATE = re.compile(r"^[RDI](?:-[A-Z][\w. ]*)?$")  # "R-Ohio", "D-N.J.", "D": an affiliation, not a role
_CLAUSE = re.compile(r",|;|\s(?:who|whose|which|that|where|when|and is|and was)\s")
_MAX_ROLE_WORDS = 12


def clean_role(role: str) -> str | None:
    """A role is a noun phrase naming a position, office or occupation: "Foreign Minister", "chief negotiator",
    "State Department". Else None: a form of address ("Mr."), a fragment ending in one ("trade bill Mr."), an
    age, a percentage or an amount (any digit), a party and state ("D-N.J."), a place alone ("Ohio"), a time
    ("EDT"), a modifier alone ("former"), a pronoun. A relative clause or a second clause is cut off."""
    role = _CLAUSE.split(role, maxsplit=1)[0].strip(" -–—'\"“”‘’")
    words = role.split()
    if not words or len(words) > _MAX_ROLE_WORDS or any(ch.isdigit() for ch in role) or "$" in role or "%" in role:
        return None
    last = words[-1].lower()
    if last in HONORIFICS or last in _NOT_A_HEAD or _PARTY_STATE.match(role) or role.lower() in _FUNCTION_ROLES:
        return None
    if last.endswith("s") and last[-2:] not in {"ss", "us", "is"} and not last.endswith("ics") and words[-1].islower():
        return None  # "derogatory comments", "conspirators": a plural names no one person's position
    if len(words) > 1 and words[-1].endswith(".") and last in TITLES and not words[0][:1].isupper():
        return None  # "way Sen.", "bill Rep.": a lower-case fragment before a title
    from .aliases import load  # noqa: PLC0415 - the alias table is loaded once, when a role is first read

    aliases = load()
    if aliases.place(role) or aliases.capital_of(role) or aliases.demonym(role):
        return None  # "Ohio" of "Sen. Ana Ruiz, Ohio": where a person is from
    return role


_FUNCTION_ROLES = frozenset("he him his she her hers herself himself they them it its one someone".split())
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
    while len(run) and run[0].pos_ == "VERB":  # "close loopholes Ana Ruiz": a verb opens no role
        run = run[1:]
    return run.text if len(run) else None


def _apposition(root) -> list[str]:
    out = []
    for child in root.children:
        if child.dep_ == "appos" and child.ent_type_ != "PERSON":
            words = [t for t in child.subtree if not t.is_punct]
            while words and words[0].lower_ in {"the", "a", "an"}:
                words = words[1:]
            if words and child.pos_ in {"NOUN", "PROPN"} and child.ent_type_ not in _STOP_ENTS:
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
