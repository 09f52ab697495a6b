"""Who is speaking: the attribution's subject, checked to be someone who can speak.

The subject of a speech verb (or "according to X", or the agent of a passive
verb: "described as 'a genius' by analyst X") is a speaker only when it is a
person or organisation entity, a noun for people or bodies ("officials",
"ruling party lawmakers"), or a pronoun resolved to one. It never is:

- a dateline ("WASHINGTON —" opening a paragraph): its words are skipped;
- a relative or demonstrative pronoun: "X, who said …" and "It was X who said …"
  follow the relative clause to its head, X; "that", "this", "which" alone are
  not speakers;
- an abstract noun or a document ("the election", "her presidency", "the
  report", "the e-mail"): the next attribution in the sentence is tried, else the
  speaker is unknown; a document from someone speaks for them ("a statement from
  the campaign" -> the campaign).

"he"/"she" go to the most recent person of a fitting gender who was a sentence
subject (or a speaker) in this or the two paragraphs before, else the most
recent fitting person mentioned there. Gender is read from the text itself:
honorifics (Mr., Ms.), gendered role words (spokeswoman, chairman) and the
pronouns of sentences that name only that person. No list of first names is used.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .words import (  # noqa: F401 - the tables, read as speakers.X by the other modules
    SPEECH_VERBS, SAYING_NOUNS, PHRASAL_SPEECH, PASSIVE_SPEAKERS, MALE_PRONOUNS, FEMALE_PRONOUNS, PERSON_PRONOUNS,
    GROUP_PRONOUNS, RELATIVE_PRONOUNS, NOT_SPEAKERS, SPEAKER_NOUNS, SPEAKER_SUFFIXES, NOT_SPEAKER_NOUNS,
    WORDED_DOCUMENTS, MALE_WORDS, FEMALE_WORDS,
)

_DATELINE = re.compile(r"^(?:[A-Z][A-Z.'’-]+(?:[ ,]+[A-Z][A-Za-z.'’-]+){0,3})(?:\s*\([^)]{1,40}\))?\s*(?:[—–-]+|:|(?=[\"“]))\s*")


def inside(token, spans) -> bool:
    """Whether a token starts inside one of the (start, end) character spans (quotes)."""
    return any(a <= token.idx < b for a, b in spans)


def dateline_end(paragraph: str) -> int:
    """Where a dateline opening the paragraph ("WASHINGTON (AP) —", "SEOUL -") ends; 0 without one."""
    match = _DATELINE.match(paragraph)
    if not match or not any(c.isalpha() for c in match.group(0)):
        return 0
    head = re.match(r"[A-Z][A-Z.'’-]+", match.group(0))
    return match.end() if head and len(head.group(0).strip(".")) >= 2 else 0


def gender_words(words: list[str]) -> str | None:
    """"m", "f" or None for words such as honorifics and role nouns."""
    low = {w.lower().strip(".") for w in words}
    male, female = bool(low & MALE_WORDS), bool(low & FEMALE_WORDS)
    return "m" if male and not female else "f" if female and not male else None


def pronoun_gender(word: str) -> str | None:
    low = word.lower()
    return "m" if low in MALE_PRONOUNS else "f" if low in FEMALE_PRONOUNS else None


def is_agent_noun(token) -> bool:
    """A common noun (or a name spaCy tagged) for someone who can speak: not an abstraction or a document."""
    lemma, low = token.lemma_.lower(), token.lower_
    if lemma in NOT_SPEAKER_NOUNS or low in NOT_SPEAKER_NOUNS or low in NOT_SPEAKERS:
        return False
    if token.ent_type_ in {"PERSON", "ORG", "NORP"}:
        return True
    if token.pos_ not in {"NOUN", "PROPN"}:
        return False
    return lemma in SPEAKER_NOUNS or low in SPEAKER_NOUNS or low.endswith(SPEAKER_SUFFIXES)


_GOING_ON = frozenset({"continue", "go", "add"})


def is_speech_verb(token) -> bool:
    if token.pos_ not in {"VERB", "AUX"}:
        return False
    lemma = token.lemma_.lower()
    if lemma in _GOING_ON and any(c.dep_ == "xcomp" for c in token.children):
        return False  # "X will continue to be …", "X went on to win": going on doing something, not speaking
    if lemma == "read":  # a document reads ("the notice reads:", '"…," reads an editorial'); a person reading hears
        children = list(token.children)
        if any(c.dep_ == "nsubj" for c in children):
            return any(c.dep_ == "nsubj" and is_worded_document(c) for c in children)
        return any(c.dep_ in {"dobj", "attr"} and c.i > token.i and is_worded_document(c) for c in children)
    return lemma in SPEECH_VERBS or _stem(token.lower_) is not None or any(
        (lemma, c.lower_) in PHRASAL_SPEECH for c in token.children if c.dep_ in {"prt", "advmod", "dobj"} and c.i == token.i + 1)


@lru_cache(maxsize=4096)
def _stem(word: str) -> str | None:
    """The base form of a regular past or third person the lemmatizer got wrong ("sniped" → "snip"): "snipe"."""
    for ending, base in (("ied", "y"), ("ies", "y"), ("ed", "e"), ("es", "e"), ("ed", ""), ("s", "")):
        if word.endswith(ending) and word[:-len(ending)] + base in SPEECH_VERBS:
            return word[:-len(ending)] + base
    return None


_SHARES = frozenset({"percent", "%", "majority", "minority", "half", "third", "quarter", "most", "many", "several",
                     "some", "plurality", "share", "few", "others", "another", "someone", "somebody"})


def is_share_of_people(token) -> bool:
    """A speech verb's subject that is a share of people ("40 percent of voters", "most", "three in 10", "those
    polled") or someone unnamed ("another said", "someone in the crowd shouted", '"…," added another')."""
    if not (token.dep_ == "nsubj" or token.dep_ == "dobj" and token.i == token.head.i + 1) or not is_speech_verb(token.head):
        return False
    if token.lower_ in _SHARES or token.lemma_.lower() in _SHARES:
        return True
    if token.lower_ == "those" and any(c.dep_ == "acl" and c.tag_ == "VBN" for c in token.children):
        return True  # "those surveyed said", "those polled said"
    return token.pos_ == "NUM" and token.ent_type_ not in {"DATE", "TIME", "MONEY"}


_ISSUING = frozenset({"issue", "release", "publish", "post", "send", "circulate", "air", "run", "launch", "file"})


def issues_text(token) -> bool:
    """A verb of issuing a text: "X issued the following statement", "X posted a message"."""
    return token.pos_ == "VERB" and token.lemma_.lower() in _ISSUING and any(
        c.dep_ == "dobj" and is_worded_document(c) for c in token.children)


def is_document(token) -> bool:
    if token.pos_ == "PROPN" and token.ent_type_ in {"PERSON", "ORG"}:
        return False  # a word of a name ("The Evening Post", "Harbour Lives Matter") is no document
    lemma, low = token.lemma_.lower(), token.lower_
    return lemma in NOT_SPEAKER_NOUNS or low in NOT_SPEAKER_NOUNS or lemma in WORDED_DOCUMENTS or low in WORDED_DOCUMENTS


def names_document(token) -> bool:
    """Whether the word is one for a document that carries words, whatever the tagger made of it."""
    return token.lemma_.lower() in WORDED_DOCUMENTS or token.lower_ in WORDED_DOCUMENTS


def is_worded_document(token) -> bool:
    return token.pos_ in {"NOUN", "PROPN"} and names_document(token)


def author_of(token):
    """The one a document is from: "a statement from the campaign" -> campaign, "the union's letter" -> union;
    else None."""
    if not is_document(token):
        return None
    if token.dep_ == "dobj" and issues_text(token.head) and token.head.i < token.i:
        subject = subject_of(token.head)  # "X released an ad that urges …", "X issued a statement saying …"
        if subject is not None and not is_document(subject):
            return subject
    for child in token.children:
        if (child.dep_ == "poss" and child.pos_ in {"PROPN", "NOUN"} and not is_document(child)
                and is_worded_document(token) and token.dep_ != "pobj"):
            return child  # "the union's letter said …" (not "according to X's memo": X only wrote it down)
        if child.dep_ == "acl":  # "a court filing submitted by X", "an email sent out by X"
            agent = next((a for c in child.children if c.dep_ == "agent" for a in c.children if a.dep_ == "pobj"), None)
            if agent is not None and not is_document(agent):
                return agent
        if child.dep_ == "prep" and child.lower_ in {"from", "by", "of"}:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and not is_document(objects[0]):
                return objects[0]
    return None


def follow_relative(token):
    """A relative pronoun subject -> the noun its clause hangs on; a bare demonstrative -> None."""
    if token.lower_ not in RELATIVE_PRONOUNS and token.tag_ not in {"WP", "WDT", "WP$"}:
        return token
    clause = token.head
    while clause.dep_ in {"conj", "ccomp", "xcomp"} and clause.head is not clause:
        clause = clause.head
    if clause.dep_ in {"relcl", "acl"} and clause.head is not clause:
        return clause.head
    return None


def _distance(child, verb) -> int:
    """How many words lie between a verb and the nearest word of its child's phrase."""
    return min((abs(t.i - verb.i) for t in child.subtree if not t.is_punct), default=abs(child.i - verb.i))


_ADDRESSED = frozenset({"tell", "email", "e-mail", "text", "write", "inform", "remind", "assure", "brief", "thank"})
_PERCEIVED = frozenset({"hear", "see", "catch", "film", "record", "overhear", "show"})
_GERUND_PREPOSITIONS = frozenset({"by", "upon", "on", "after", "before", "while", "without", "in"})


def subject_of(verb, outside=lambda token: True):
    """The speaker slot of a verb: the agent of a passive ("by X"), else its subject, through conjunctions.

    A passive's "by" is looked for in the whole clause (outside quotes, ``outside``): the parser often hangs it
    on the quoted words. The passive subject of "quoted"/"cited" is the speaker ("X was quoted as saying"),
    of other speech verbs the one spoken to ("X was told"): no speaker.
    """
    if verb.dep_ == "pcomp" and verb.head.lower_ == "as" and verb.head.head.lemma_.lower() in {"quote", "cite"}:
        quoted = next((c for c in verb.head.head.children if c.dep_ == "dobj"), None)  # "quoted X as saying"
        if quoted is not None:
            return quoted
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if agent is None and verb.lemma_.lower() not in {"quote", "cite"} and any(c.dep_ == "nsubjpass" for c in verb.children):
        agent = next((t for t in verb.subtree if t.lower_ == "by" and t.i > verb.i and outside(t)), None)
    objects = [c for c in agent.children if c.dep_ == "pobj"] if agent is not None else []
    if objects:
        return objects[0]
    children = list(verb.children)  # a clause the parser took for a subject ('The ban signals "…", said X') last;
    # of several subjects, the one nearest the verb: the parser takes a dateline or the end of an opening phrase
    # for a second subject ('TARSK (Wire) - Ines Maro said', 'Speaking in Dunmore, Ohio, Maro said')
    # (only subjects are measured: the loop below looks at nothing else, and a clause's subtree is long)
    children.sort(key=lambda c: (c.dep_ == "nsubj" and c.pos_ in {"VERB", "AUX"},
                                 _distance(c, verb) if c.dep_ in {"nsubj", "nsubjpass"} else 0))
    for child in children:
        if not outside(child):  # the parser hung a word of the quote on the verb as its subject: the quote never
            # names its speaker, the name set beside that word after the quote does ('"…," Maro, a pilot, said')
            named = next((a for a in child.children if a.dep_ == "appos" and a.pos_ == "PROPN" and outside(a)), None)
            if child.dep_ == "nsubj" and named is not None:
                return named
            continue
        if child.dep_ == "nsubj" or (child.dep_ == "nsubjpass" and verb.lemma_.lower() in PASSIVE_SPEAKERS) or (
                child.dep_ == "compound" and child.pos_ == "PROPN" and child.i == verb.i - 1):  # ('Reyes joked' misread)
            return child
        if child.dep_ == "nsubjpass":
            return None  # "X was told …", "X was urged …": X is the one spoken to
    clause = verb.head
    while clause.dep_ in {"xcomp", "conj"} and clause.head.i != clause.i:
        clause = clause.head  # 'X said Y will have to choose, saying …': up to the reported clause
    if (verb.dep_ == "advcl" and verb.tag_ == "VBG" and clause.dep_ == "ccomp" and is_speech_verb(clause.head)
            and clause.head.i != clause.i and outside(clause.head)):
        # "X argued that the plan would fail, saying …": the parser hangs the participle on the reported clause;
        # the one who says it is the reporter, not that clause's subject
        return subject_of(clause.head, outside)
    if (verb.dep_ == "conj" and is_speech_verb(verb) and verb.head.dep_ == "ccomp" and not is_speech_verb(verb.head)
            and is_speech_verb(verb.head.head) and verb.head.head is not verb.head and outside(verb.head.head)):
        # "X said it was too early but added, …": the parser hangs the second speech verb on the reported clause;
        # the one who adds is the reporter, not that clause's subject
        return subject_of(verb.head.head, outside)
    if verb.dep_ == "conj" and verb.head.i != verb.i and not any(c.dep_ == "auxpass" for c in verb.children):
        passive = next((c for c in verb.head.children if c.dep_ == "nsubjpass" and outside(c)), None)
        if passive is not None:  # "X was joined by Y and joked …": X joked, not the passive's agent
            return passive
    if (verb.dep_ == "xcomp" and verb.tag_ == "VBG" and verb.head.lemma_.lower() in _PERCEIVED
            and verb.head is not verb):  # "X can be heard asking …", "X was seen shouting …": X speaks
        perceived = next((c for c in verb.head.children if c.dep_ == "nsubjpass" and outside(c)), None)
        if perceived is not None:
            return perceived
    if (verb.dep_ in {"conj", "advcl"} and verb.tag_ == "VBG" and verb.head.dep_ != "ROOT"
            and any(c.dep_ == "agent" for c in verb.head.children)):
        # 'the mill, now run by Y, where crowds waited, singing …': a participle on a passive that is not the
        # sentence's main verb never speaks for its agent
        return next((c for c in verb.head.children if c.dep_ == "nsubjpass" and outside(c)), None)
    if verb.dep_ in {"conj", "xcomp", "advcl"} and verb.head is not verb:
        return subject_of(verb.head, outside)
    host = verb.head.head if verb.dep_ == "pcomp" else verb
    if host.dep_ == "dobj" and host.pos_ == "NOUN" and host.head.pos_ == "VERB":
        host = host.head  # (the preposition hung on the verb's object: 'X met a question by arguing …': X)
    if (verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.lower_ in _GERUND_PREPOSITIONS
            and host.pos_ in {"VERB", "AUX"} and host.i != verb.head.i and outside(host)):
        clause = host  # "X ended by saying …", "X drew boos upon saying …": X; "X was booed by Y after
        passive = next((c for v in (clause, clause.head) for c in v.children if c.dep_ == "nsubjpass" and outside(c)
                        and (v is clause or clause.dep_ == "conj")), None)  # saying …": X, not the agent
        return passive if passive is not None else subject_of(clause, outside)
    if verb.dep_ == "acl" and verb.tag_ in {"VBG", "VBD"} and verb.head is not verb:
        # "a statement saying …": the one who issued it; "a video of X saying …": X
        noun = verb.head  # (the object of a verb that speaks to people or of any verb when no one, 'X emailed
        if noun.dep_ == "dobj" and verb.tag_ == "VBG" and noun.head.pos_ == "VERB" and (  # supporters saying', 'X
                noun.head.lemma_.lower() in _ADDRESSED or not is_agent_noun(noun)):  # rejected the idea, saying': X)
            return subject_of(noun.head, outside)
        if not is_document(noun) and not (noun.dep_ in {"pobj", "dative"} and noun.head.lower_ in {"to", "for"}):
            return noun if noun.pos_ in {"PROPN", "NOUN", "PRON"} else None
        clause = next((a for a in noun.ancestors if a.pos_ in {"VERB", "AUX"}), None)
        return subject_of(clause, outside) if clause is not None else None
    opening = verb.sent.start
    if verb.dep_ == "ROOT" and verb.tag_ == "VBG" and verb.i == opening and opening > 0 and outside(verb.doc[opening - 1]):
        # a sentence that is only a participle and its quote ('… the report "was not good." Adding, "…"'): the
        # subject of the sentence before
        return subject_of(verb.doc[opening - 1].sent.root, outside)
    return None
