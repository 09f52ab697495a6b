"""Roles of people, read from the sentence: titles, pre-modifiers and appositions.

"Chief US negotiator James DeHart" -> "Chief US negotiator";
"Foreign Minister Kang Kyung-wha" -> "Foreign Minister";
"James DeHart, the chief negotiator," -> "chief negotiator";
"James DeHart of the State Department" -> "State Department".
A title is never part of the name.
"""

from __future__ import annotations

import re

from ..nlp import ents_of

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
# Roles only a person has, by their last word (beside PERSON_TITLES and words ending in -man, -woman, -person).
_PERSONS_ROLE_WORDS = frozenset(
    "ceo candidate nominee founder daughter son wife husband mother father brother sister widow niece nephew "
    "grandson granddaughter actor actress singer author lawyer".split())


def is_persons_role(role: str) -> bool:
    """A role only a person holds: "businesswoman", "former Harbor Systems CEO", "Sen." (not "law firm", "group")."""
    head = role.split()[-1].lower().rstrip(".") if role.split() else ""
    return head in _PERSONS_ROLE_WORDS or head in PERSON_TITLES or f"{head}." in PERSON_TITLES or (
        head.endswith(("man", "woman", "person")) and head not in {"german", "ottoman", "human"})


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
    while j >= sent_start:
        if doc[j].pos_ in _ROLE_POS and not doc[j].is_punct and doc[j].ent_type_ not in _STOP_ENTS:
            j -= 1
        elif doc[j].lower_ == "of" and j < first_token - 1 and j > sent_start and doc[j - 1].lower_ in TITLES:
            j -= 1  # "Secretary of State Ana Ruiz", "Minister of Finance …": the office's whole name
        else:
            break
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
                    ent = next((e for e in ents_of(root.doc) if e.start <= obj.i < e.end), None)
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


# What an entity page's header shows: a role that names a position, office or occupation (its head word is one of
# these, or a title above), at most three; other roles that pass :func:`clean_role` go behind "more".
OFFICES = frozenset(
    """
    minister secretary president chancellor premier governor senator mayor judge justice ambassador envoy consul
    diplomat negotiator mediator official spokesperson spokesman spokeswoman chairman chairwoman chair chairperson
    ceo cfo coo cto executive director manager head chief founder co-founder owner partner leader lawmaker legislator
    representative congressman congresswoman mp delegate speaker whip adviser advisor aide counsel lawyer attorney
    prosecutor solicitor barrister professor lecturer dean rector principal teacher researcher scientist historian
    economist analyst strategist journalist editor reporter correspondent columnist author writer commentator
    candidate nominee member officer inspector detective commissioner superintendent commander general admiral
    colonel lieutenant captain sergeant major marshal soldier king queen prince princess emperor monarch pope bishop
    cardinal archbishop rabbi imam cleric priest pastor coach striker midfielder defender goalkeeper keeper winger
    forward skipper batsman bowler pitcher quarterback player champion athlete doctor physician surgeon nurse
    engineer architect farmer banker trader investor regulator auditor treasurer comptroller governor-general
    secretary-general director-general president-elect ceo-elect activist campaigner organiser organizer
    organizer spokesperson administrator commissioner mayor-elect deputy vice-president vice-chair vice-chairman
    researcher fellow clerk registrar councillor councilor councilman councilwoman alderman sheriff warden
    """.split()
)
_TIME_WORDS = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
    september october november december today yesterday tomorrow tonight week weeks month months year years day days
    decade decades century ago last next earlier later morning afternoon evening night hour hours minute minutes
    """.split()
)
_AMOUNT_WORDS = frozenset(
    "percent per cent million billion trillion thousand hundred dozen dollars euros pounds".split())
_FUNCTION_WORDS = frozenset("of to in on at for with and or but by from that as than into about over the a an".split())
_VERB_WORDS = frozenset(
    "said says say told tells added adds warned warns stressed insisted argued noted announced urged called asked"
    .split())


def plausible_role(role: str) -> bool:
    """A role worth showing at all: no number, amount, time phrase, verb or fragment (``clean_role`` first)."""
    cleaned = clean_role(role)
    if cleaned is None or cleaned != role.strip():
        return False  # a clause was cut off, or nothing is left: a fragment of a sentence
    words = [w.strip(".,'’()").lower() for w in role.split()]
    if any(w in _TIME_WORDS or w in _AMOUNT_WORDS or w in _VERB_WORDS for w in words):
        return False
    if words[0] in _FUNCTION_WORDS - {"the", "a", "an"} or words[-1] in _FUNCTION_WORDS:
        return False  # "of the union", "chief of": a piece of a phrase
    if len(words) == 1 and role.islower() and (words[0].endswith(("ed", "ing", "ly")) or words[0] not in OFFICES):
        return False  # "resigned", "leading", "quickly", "team": one lower-case word names no position
    return True


def _head(role: str) -> str:
    """The word a role is about: "Minister" of "Foreign Minister", "head" of "head of the agency"."""
    before_of = re.split(r"\s(?:of|for|at|to)\s", role, maxsplit=1)[0]
    return before_of.split()[-1].strip(".,'’()").lower()


def title_like(role: str) -> bool:
    """A role that names a position, office or occupation: "Foreign Minister", "chief negotiator", "head of the
    port authority", "Spokesperson"; not an affiliation alone ("State Department") nor anything
    :func:`plausible_role` refuses."""
    return plausible_role(role) and (_head(role) in OFFICES or _head(role) in TITLES - _NOT_A_HEAD - HONORIFICS)


def display_roles(roles: list[str], limit: int = 3) -> tuple[list[str], list[str]]:
    """``(shown, more)``: up to ``limit`` title-like roles in the order given (most frequent first), and the other
    plausible roles (title-like ones past the limit first); each spelling once, whatever its case."""
    seen, titles, others = set(), [], []
    for role in roles:
        role = re.sub(r"^(?:the|a|an)\s+", "", role.strip())  # "the lawyer for the family": "lawyer for the family"
        if not role or role.casefold() in seen or not plausible_role(role):
            continue
        seen.add(role.casefold())
        (titles if title_like(role) else others).append(role)
    return titles[:limit], titles[limit:] + others
