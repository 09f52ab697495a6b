"""What a candidate word of an attribution names: a person, a body, a pronoun resolved, or no speaker.

The rules are described in ``quotes/speakers.py``; the candidates come from ``quotes/candidates.py`` and
``quotes/attribution.py``.
"""

from __future__ import annotations

from . import speakers
from .attribution import AGE
from .candidates import CHARACTERISING
from .explicit import NOT_NAMES
from .context import ArticleContext, subject_text
from .speakers import inside


def own_words(t, head) -> bool:
    """Whether ``t`` belongs to the noun phrase of ``head`` itself, not to a clause or phrase hung on it
    ("a historian who has written about President X": X is not the historian)."""
    while t.i != head.i:  # spaCy makes a new Token object on each access: compare positions, not identity
        if t.dep_ in {"relcl", "acl", "prep", "appos"}:
            return False
        if t.head.i == t.i:  # the sentence's root, without meeting ``head``: not under it
            return True
        t = t.head
    return True


def _possessor(t, head) -> bool:
    """Whether ``t`` sits in a possessive under ``head`` ("X's account": the account is not X)."""
    while t.i != head.i and t.head.i != t.i:
        if t.dep_ == "poss":
            return True
        t = t.head
    return False


def _named_by(token):
    """The head of the noun phrase ``token`` is a name or an item in (past apposition and co-ordination)."""
    while token.dep_ in {"conj", "appos", "compound"} and token.head.i != token.i:
        token = token.head
    return token


def _appositions(token):
    """Names in apposition to a role noun: "the minister, X," and "a spokesman for the firm, X," (the parser
    often hangs X on the firm)."""
    for child in token.children:
        if child.dep_ == "appos":
            yield child
        elif child.dep_ == "prep":
            yield from (a for o in child.children if o.dep_ == "pobj" for a in o.children if a.dep_ == "appos")


class ParagraphSpeakers:
    """Resolves the candidate words of one paragraph's attributions against the article."""

    def __init__(self, article: ArticleContext, p_index: int, doc, last_speaker):
        self.article, self.p, self.doc = article, p_index, doc
        self.spans = article.quote_spans[p_index - 1]
        self.dateline = article.datelines[p_index - 1]
        self.last_speaker = last_speaker  # () -> (name, key) of the quote before, read when a pronoun needs it
        self.quoted = ()  # the spans of the quote being attributed (set by the caller): a pronoun is no one it names

    def skip(self, pp, a):  # a name inside a quote never speaks it (in this paragraph or one before)
        all_spans = self.article.quote_spans
        return 1 <= pp <= len(all_spans) and any(x <= a < y for x, y in all_spans[pp - 1])

    def resolve(self, token):
        """(name, key) for a candidate token; None to try the next one; False when the speaker is unknown."""
        if token.idx < self.dateline or inside(token, self.spans):
            return None
        token = speakers.follow_relative(token)
        if token is not None and token.pos_ == "ADP" and token.dep_ in {"nsubj", "nsubjpass"}:
            # a preposition the parser took for the subject ('Of Brandt, Voss said'): the name it introduces is
            # the one spoken of; the speaker is the name set beside it (not a name of a relative clause), else unknown
            names = [a for o in token.children if o.dep_ == "pobj" for a in (o, *o.children)
                     if (a is o or a.dep_ in {"appos", "nmod"}) and a.pos_ == "PROPN" and not inside(a, self.spans)]
            token = max(names, key=lambda a: a.i) if len(names) > 1 else None
        if token is None or token.idx < self.dateline:
            return None
        low = token.lower_
        if low == "his" and token.head.lemma_.lower() in speakers.SAYING_NOUNS:
            low = "he"  # "his promise of …": the one "he" stands for
        if low in speakers.PERSON_PRONOUNS:
            person = self.article.person_for(self.p, token.idx, low, self.skip, self.quoted)
            return (person["name"], f"person:{person['name']}") if person else False
        if low == "they":
            group = self.article.group_for(self.p, token.idx)
            if group is not None:
                return subject_text(*group, 0), None
        if low in speakers.GROUP_PRONOUNS:
            # an "it" speaks only as the subject of a verb that speaks or characterises ("it is all down to …" is none)
            speaks = token.dep_ == "nsubj" and (speakers.is_speech_verb(token.head)
                                                or token.head.lemma_.lower() in CHARACTERISING)
            last_speaker = self.last_speaker()
            if last_speaker[1] and not last_speaker[1].startswith("person:") and (low != "it" or speaks):
                return last_speaker
            body = (self.article.body_for(self.p, token.idx)  # "… what it called '…'": not "it's safe to say"
                    if low == "it" and speaks else None)
            return (body["name"], f"{body['type']}:{body['name']}") if body else False
        entity = self.article.entity_at(self.p, token.idx, token.idx + len(token.text))
        after = token.doc[token.right_edge.i + 1] if token.right_edge.i + 1 < len(token.doc) else None
        if (entity is None and token.dep_ == "appos" and _named_by(token.head).dep_ != "pobj"
                and not (after is not None and speakers.is_speech_verb(after)
                         and not any(c.dep_ in {"relcl", "acl"} for c in token.children))):
            # "X, a historian who wrote …": the historian is X (not a name in a phrase before the subject that the
            # parser hung it on: 'In an interview with host X, the senator said'; nor 'X, an aide said, "…"': the
            # aide speaks of X; a description with a clause is still X's, its closing comma left out)
            entity = self.article.entity_at(self.p, token.head.idx, token.head.idx + len(token.head.text))
        if entity is None:  # "the foreign minister, Jonas Weller, said": the person named in apposition
            entity = next((e for c in _appositions(token) if not inside(c, self.spans)
                           for t in c.subtree if own_words(t, c)
                           for e in [self.article.entity_at(self.p, t.idx, t.idx + len(t.text))]
                           if e is not None and e["type"] == "person"), None)
        if entity is None:  # the head may sit after a title ("Chief US negotiator James DeHart")
            entity = next((e for t in token.subtree if own_words(t, token) and not inside(t, self.spans)
                           and not _possessor(t, token)
                           for e in [self.article.entity_at(self.p, t.idx, t.idx + len(t.text))]
                           if e is not None and e["type"] == "person"), None)
        if entity is not None and entity["type"] == "place" and not (token.dep_ == "nsubj" and (
                speakers.is_speech_verb(token.head) or token.head.lemma_.lower() in CHARACTERISING)):
            # a place speaks only as the own subject of a verb that speaks or characterises ("Tarsk warned", "Tarsk
            # branded the firm an 'outlaw'"), never as a word near the
            # attribution ("in Tarsk, Ohio, Reyes said", a title's state): the next candidate
            return None
        if entity is not None:
            return entity["name"], f"{entity['type']}:{entity['name']}"
        author = speakers.author_of(token)  # "a statement from the campaign", "the report by the committee"
        if author is not None:
            return self.resolve(author)
        if speakers.is_worded_document(token):  # "the notice said", "according to the memo": the document's words
            return subject_text(token, self.spans, self.dateline), None
        if token.pos_ == "PROPN" and token.ent_type_ not in NOT_NAMES and not speakers.is_document(token):
            return subject_text(token, self.spans, self.dateline), None  # a name the model did not tag: "said Lind"
        if speakers.is_agent_noun(token):
            body = self.article.body_named(self.p, token)  # "the ministry" after "the Foreign Ministry"
            if body is not None:
                return body["name"], f"organization:{body['name']}"
            return subject_text(token, self.spans, self.dateline), None
        if speakers.is_share_of_people(token):  # '40 percent of voters said', 'most said': a survey's answer
            return subject_text(token, self.spans, self.dateline), None
        if (token.pos_ in {"NOUN", "VERB", "ADV"} and token.text[:1].isupper() and not token.is_stop
                and "".join(c for c in token.text if c not in "'’-").isalpha()
                and speakers.is_speech_verb(token.head) and token.ent_type_ not in NOT_NAMES
                and (token.dep_ == "nsubj" or token.dep_ == "advmod" and token.i == token.head.i + 1)
                and token.lower_ not in speakers.NOT_SPEAKERS and not any(c.dep_ == "det" for c in token.children)):
            # a surname the model took for a noun, a verb or an adverb: "Garrity added", "Husted continued", "said Skelly"
            return subject_text(token, self.spans, self.dateline), None
        return None

    def resolve_run(self, run):
        """(name, key) for the words of an adjacent attribution, or None."""
        entity = next((e for t in reversed(run) for e in [self.article.entity_at(self.p, t.idx, t.idx + len(t.text))]
                       if e is not None and e["type"] in {"person", "organization"}), None)
        if entity is not None:
            return entity["name"], f"{entity['type']}:{entity['name']}"
        head = run[-1]
        words = [t for t in run if t.pos_ != "DET" and t.tag_ != "PRP$"]
        if any(t.idx < self.dateline for t in run) or not words:
            return None
        if AGE.fullmatch("".join(t.text for t in words)):
            return self.doc[words[0].i:head.i + 1].text, None  # "said the 46-year-old"
        if head.pos_ == "ADJ" and speakers.names_document(head):  # '"…," the editorial read.': the document's words
            return self.doc[words[0].i:head.i + 1].text, None
        if head.pos_ == "PROPN" or head.pos_ == "NOUN" and head.is_title and not head.is_sent_start:
            if head.ent_type_ in NOT_NAMES or speakers.is_document(head):
                return None
            return self.doc[words[0].i:head.i + 1].text, None  # a name the model took for a common noun
        return self.resolve(head) or None
