"""What a quote's speaker is resolved against: the article's mentions, who is a subject, genders, groups.

Used by ``quotes.extract``; the rules are described in ``quotes/speakers.py``.
"""

from __future__ import annotations

import re
from functools import cached_property

from . import speakers
from ..model import Sentence
from .speakers import inside


class ArticleContext:
    """The article's person/organisation/place mentions in paragraph coordinates, who is a subject, and genders."""

    def __init__(self, paragraphs: list[str], sentences: list[Sentence], docs, entities: list[dict], quote_spans):
        self.quote_spans = quote_spans  # per paragraph, from quotes.find_quote_spans
        starts = {s.id: (s.paragraph, s.offset) for s in sentences}
        self.docs = docs
        self.datelines = [speakers.dateline_end(p) for p in paragraphs]
        self.mentions = []  # (paragraph, start, end, entity, is_subject), in reading order
        surnames = _surnames(entities)
        for e in entities:
            if e["type"] not in {"person", "organization", "place"}:
                continue
            named = surnames.get(e["name"], e) if e["type"] == "organization" else e
            for m in e["mentions"]:
                p, offset = starts[m["sentence"]]
                a, b = offset + m["start"], offset + m["end"]
                if a < self.datelines[p - 1]:
                    continue  # a dateline is the article's place line, never a mention that speaks
                self.mentions.append((p, a, b, named, (docs[p - 1], a, b)))
        self.mentions += self._bare_surnames(entities)
        self.mentions.sort(key=lambda m: (m[0], m[1]))
        self._text = (paragraphs, sentences)
        self.said: list[tuple[int, int, dict]] = []  # (paragraph, offset, entity) of each resolved speaker

    def _bare_surnames(self, entities: list[dict]) -> list:
        """A name word the model marked nowhere that is the surname of exactly one person of the article, outside
        quotes ('"…," Hollis started.' after 'Tom Hollis'): a mention of that person."""
        people = _people_by_surname(entities)
        taken = {(p, a) for p, a, *_ in self.mentions}
        return [(p, t.idx, t.idx + len(t), people[t.text][0], (doc, t.idx, t.idx + len(t)))
                for p, doc in enumerate(self.docs, start=1) for t in doc
                if len(people.get(t.text, ())) == 1 and (t.pos_ == "PROPN" or _mid_sentence(t)) and not t.ent_type_
                and (p, t.idx) not in taken
                and t.idx >= self.datelines[p - 1] and not self._quoted(p, t.idx)]

    @cached_property
    def subjects(self) -> list[tuple[int, int, int, dict, bool]]:
        """The mentions, each with whether it is a sentence subject (computed when a pronoun needs it)."""
        return [(p, a, b, e, self._is_subject(*where) and not self._quoted(p, a)) for p, a, b, e, where in self.mentions]

    def _quoted(self, p: int, a: int) -> bool:
        """Whether a mention sits inside a quote: the quoted words' subject is never the one who speaks them."""
        return any(x <= a < y for x, y in self.quote_spans[p - 1])

    @cached_property
    def genders(self) -> dict[str, str]:
        return self._genders(*self._text)

    @staticmethod
    def _climb(token, deps: set[str]):
        """``token``, or the first head above it whose own relation is not in ``deps``."""
        while token.dep_ in deps and token.head is not token:
            token = token.head
        return token

    @classmethod
    def _name_root(cls, doc, a: int, b: int):
        """The token that stands for the name at ``a:b`` in the parse (past appositions and name parts), or None."""
        span = doc.char_span(a, b, alignment_mode="expand")
        return cls._climb(span.root, {"appos", "compound", "flat"}) if span is not None and len(span) else None

    @classmethod
    def _is_subject(cls, doc, a: int, b: int) -> bool:
        root = cls._name_root(doc, a, b)  # (a name the parser made the root, its verb taken for a modifier, is the
        return root is not None and (root.dep_ in {"nsubj", "nsubjpass"} or  # sentence's subject: 'X, a lawyer,
                                     root.dep_ == "ROOT" and root.pos_ == "PROPN" and root.i > 0)  # endorsed …')

    def _genders(self, paragraphs, sentences) -> dict[str, str]:
        votes: dict[str, list[str]] = {}
        for p, a, _, e, _ in self.mentions:
            if e["type"] != "person":
                continue
            before = paragraphs[p - 1][max(0, a - 12):a].split()[-1:]
            for gender in (speakers.gender_words(before), speakers.gender_words(" ".join(e["roles"]).split())):
                if gender:
                    votes.setdefault(e["name"], []).append(gender)
        for sentence in sentences:  # a sentence naming one person: its he/she is that person
            p, offset = sentence.paragraph, sentence.offset
            named = [(a, e) for pp, a, b, e, _ in self.mentions
                     if pp == p and offset <= a < offset + len(sentence.text) and e["type"] == "person"]
            if len({e["name"] for _, e in named}) != 1:
                continue
            after = sentence.text[named[0][0] - offset:]
            found = {speakers.pronoun_gender(w) for w in re.findall(r"[A-Za-z]+", after)} - {None}
            if len(found) == 1:
                votes.setdefault(named[0][1]["name"], []).append(found.pop())
        out = {}
        for name, said in votes.items():
            if said.count("m") != said.count("f"):
                out[name] = "m" if said.count("m") > said.count("f") else "f"
        return out

    def entity_at(self, p: int, start: int, end: int):
        return next((e for pp, a, b, e, _ in self.mentions if pp == p and a < end and start < b), None)

    def person_for(self, p: int, pos: int, pronoun: str, skip, quoted=()) -> dict | None:
        """The person "he"/"she" at (p, pos) stands for: a recent subject or speaker of that gender, never one the
        quote it attributes (``quoted``: its spans in paragraph ``p``) names ('"Ada should resign," he said')."""
        gender = speakers.pronoun_gender(pronoun)
        # subject: 2 for a main clause's subject (or a speaker), 1 for a subordinate clause's, 0 for any other mention
        before = [(pp, a, e, (2 if self._main_subject(self.docs[pp - 1], a, b) else 1) if subject else 0)
                  for pp, a, b, e, subject in self.subjects
                  if p - 2 <= pp and (pp, a) < (p, pos) and not skip(pp, a) and e["type"] == "person"]
        before += [(pp, a, e, 2) for pp, a, e in self.said if p - 2 <= pp and (pp, a) < (p, pos)]
        at = self.docs[p - 1].char_span(pos, pos + 1, alignment_mode="expand")
        bound = self._named_in_clause(p, at[0]) if at is not None and len(at) else set()
        bound |= {e["name"] for pp, a, _, e, _ in self.mentions if pp == p and any(x <= a < y for x, y in quoted)}
        before = [m for m in before if m[2]["name"] not in bound]
        before.sort(key=lambda m: (m[0], m[1]))
        # The main subject of the pronoun's own sentence first, unless known to be of the other gender ("X quashed
        # rumours he was leaving": X, not a man named in the paragraph before)
        opening = at[0].sent.start_char if at is not None and len(at) else None
        for pp, a, e, subject in reversed(before):
            if pp == p and opening is not None and a >= opening and subject == 2 and self.genders.get(e["name"], gender) == gender:
                return e
        # Main subjects before other subjects before objects ("X said that after Y vetoed it … she said": X); a
        # person known to fit the pronoun before one whose gender is not known.
        for want_subject, want_known in ((2, True), (2, False), (1, True), (1, False), (0, True), (0, False)):
            for _, _, e, subject in reversed(before):
                known = self.genders.get(e["name"])
                if subject >= want_subject and (known == gender if want_known else known is None):
                    return e
        earlier = [e for _, _, e in self.said if self.genders.get(e["name"], gender) == gender and e["name"] not in bound]
        return earlier[-1] if earlier else None

    def _named_in_clause(self, p: int, pronoun) -> set[str]:
        """The people a subject pronoun's own verb speaks to or acts on ('he told Roos', 'she asked Roos', 'he
        said to Roos'): the pronoun never stands for them."""
        if pronoun.dep_ not in {"nsubj", "nsubjpass"} or pronoun.head.i == pronoun.i:
            return set()
        verb, doc = pronoun.head, self.docs[p - 1]

        def addressed(root) -> bool:
            if root.dep_ in {"dobj", "dative"}:
                return root.head.i == verb.i
            return (root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.dep_ in {"prep", "dative"}
                    and root.head.head.i == verb.i)
        return {e["name"] for pp, a, b, e, _ in self.mentions if pp == p and a > pronoun.idx and not self._quoted(p, a)
                and e["type"] == "person" and (root := self._name_root(doc, a, b)) is not None and addressed(root)}

    def introducer(self, p: int) -> tuple[str | None, str | None]:
        """The person or body whose speech verb ends paragraph ``p`` ("Ines Maro told staff:", "Added Ines Maro:",
        "The ministry issued the following statement:"), else unknown."""
        doc = self.docs[p - 1]
        last = list(doc.sents)[-1]
        for verb in (t for t in last if speakers.is_speech_verb(t) or speakers.issues_text(t)):
            subject = speakers.subject_of(verb)
            if subject is None and verb.i == last.start:  # "Added Ines Maro:": the inverted subject follows
                subject = next((t for t in last if t.i > verb.i and t.pos_ == "PROPN"), None)
            entity = self.entity_at(p, subject.idx, subject.idx + len(subject)) if subject is not None else None
            if entity is not None and entity["type"] in {"person", "organization"}:
                return entity["name"], f"{entity['type']}:{entity['name']}"
            if subject is not None and subject.idx >= self.datelines[p - 1] and (
                    speakers.is_agent_noun(subject) or subject.pos_ == "PROPN" and subject.ent_type_ in {"", "PERSON", "ORG"}):
                return subject_text(subject, self.quote_spans[p - 1], self.datelines[p - 1]), None
        return None, None

    def body_named(self, p: int, token) -> dict | None:
        """The latest organisation mentioned before ``token`` whose name ends with its noun ("ministry"); for
        "the company" or "the firm", the latest organisation that was a sentence subject in this or the two
        paragraphs before ("Acme cut 500 jobs. … the company said")."""
        if token.tag_ not in {"NN", "NNP"} or not any(c.lower_ == "the" for c in token.children):
            return None
        if token.lower_ in {"company", "firm"}:
            found = [e for pp, a, _, e, subject in self.subjects if p - 2 <= pp and (pp, a) < (p, token.idx)
                     and subject and e["type"] == "organization"]
            return found[-1] if found else None
        found = [e for pp, a, _, e, _ in self.mentions if (pp, a) < (p, token.idx) and e["type"] == "organization"
                 and e["name"].split()[-1].lower() == token.lower_]
        return found[-1] if found else None

    def body_for(self, p: int, pos: int) -> dict | None:
        """What "it" at (p, pos) stands for when it speaks: the latest organisation or place that was a sentence
        subject in this paragraph or the one before ("The Harbour Board condemned … what it called …")."""
        found = [e for pp, a, _, e, subject in self.subjects if p - 1 <= pp and (pp, a) < (p, pos)
                 and subject and e["type"] in {"organization", "place"}]
        return found[-1] if found else None

    def group_for(self, p: int, pos: int):
        """What "they" at (p, pos) stands for: the latest plural subject for people in this or the paragraph before."""
        for pp in (p, p - 1):
            if pp < 1:
                continue
            doc = self.docs[pp - 1]
            spans = self.quote_spans[pp - 1]
            found = [t for t in doc if (pp, t.idx) < (p, pos) and t.dep_ in {"nsubj", "nsubjpass"} and t.tag_ in {"NNS", "NNPS"}
                     and not inside(t, spans) and speakers.is_agent_noun(t)]
            if found:
                return found[-1], spans
        return None

    @classmethod
    def _speaks(cls, doc, a: int, b: int, aside: bool = False) -> bool:
        """Whether the main subject at ``a:b`` is a speech verb's (said, argued, disagreed); with ``aside``, of one
        that is not itself reported by another ('X reported that Y testifies …': not Y)."""
        root = cls._name_root(doc, a, b)
        verb = cls._climb(cls._climb(root, {"appos", "compound", "flat", "nsubj", "nsubjpass"}), {"conj"})
        return speakers.is_speech_verb(verb) and not (aside and any(speakers.is_speech_verb(v) for v in verb.ancestors))

    def subject_between(self, start: tuple[int, int], end: tuple[int, int], speaking=False) -> dict | None:
        """The latest person who is a main clause's subject between two (paragraph, offset) places (not "after X
        stated …" inside the previous quote's attribution); with ``speaking``, of a speech verb only."""
        found = [e for pp, a, b, e, subject in self.subjects if start < (pp, a) < end and subject and e["type"] == "person"
                 and self._main_subject(self.docs[pp - 1], a, b) and (not speaking or self._speaks(self.docs[pp - 1], a, b))]
        return found[-1] if found else None

    @classmethod
    def _main_subject(cls, doc, a: int, b: int) -> bool:
        root = cls._name_root(doc, a, b)
        if root is None:
            return False
        verb = cls._climb(cls._climb(root, {"appos", "compound", "flat", "nsubj", "nsubjpass"}), {"conj"})
        return verb.dep_ == "ROOT" or cls._fronted_main(verb)

    @staticmethod
    def _fronted_main(verb) -> bool:
        """Whether a clause the parser hung on a later root is the sentence's main clause: the root has no subject
        of its own ('X elaborated in a column that delegates … may reconsider') or opens with a subordinator
        ('X is upbeat about it, because he sees …')."""
        root = verb.head
        if verb.dep_ != "ccomp" or root.dep_ != "ROOT" or root.i < verb.i:
            return False
        children = list(root.children)
        return not any(c.dep_ in {"nsubj", "nsubjpass", "csubj"} for c in children) or any(
            c.dep_ == "mark" and c.i < root.i and c.i > verb.i for c in children)

    def subject_person(self, p: int) -> dict | None:
        """The person who is the main subject of paragraph ``p``'s last sentence (whom a following quote continues);
        a subject of an earlier sentence or of a subordinate clause is too far from the quote to vouch for it."""
        last, doc = list(self.docs[p - 1].sents)[-1], self.docs[p - 1]
        found = [(a, b, e) for pp, a, b, e, subject in self.subjects if pp == p and subject and e["type"] == "person"
                 and a >= last.start_char]
        # (else one reported speaking in it, in an aside: 'If anything, Ash argued, the incident shows …')
        found = ([e for a, b, e in found if self._main_subject(doc, a, b)]
                 or [e for a, b, e in found if self._speaks(doc, a, b, aside=True)])
        return found[-1] if found else None


def _mid_sentence(token) -> bool:
    """A capitalised word inside a sentence or right after a quote, whatever its tag ('"…," Will wrote')."""
    before = token.doc[token.i - 1].text if token.i else ""
    return token.text[:1].isupper() and (not token.is_sent_start or before in {'"', "”", ","})


def _people_by_surname(entities: list[dict]) -> dict[str, list[dict]]:
    """The people of the article with a name of two words or more, by its last word."""
    people: dict[str, list[dict]] = {}
    for e in entities:
        if e["type"] == "person" and len(e["name"].split()) > 1:
            people.setdefault(e["name"].split()[-1], []).append(e)
    return people


def _surnames(entities: list[dict]) -> dict[str, dict]:
    """A one-word organisation that is the surname of exactly one person of the article ('Hollis' typed an
    organisation beside the person 'Tom Hollis'): the person it names."""
    people = _people_by_surname(entities)
    return {e["name"]: people[e["name"]][0] for e in entities
            if e["type"] == "organization" and len(people.get(e["name"], ())) == 1}


def subject_text(subject, quote_spans, dateline: int) -> str:
    """The subject's words: without quotes, the dateline, relative clauses and leading articles."""
    dropped = {t.i for child in subject.children if child.dep_ in {"relcl", "acl", "appos", "advcl"}
               and not (child.dep_ == "acl" and child.i == subject.i + 1 and not list(child.children)
                        and not speakers.is_speech_verb(child))  # "those polled" (not 'a man yelled')
               for t in child.subtree}
    kept = [t for t in subject.subtree if t.i not in dropped and not inside(t, quote_spans) and t.idx >= dateline]
    run = [subject]
    for t in reversed([t for t in kept if t.i < subject.i]):
        if t.i != run[0].i - 1 and not (t.i == run[0].i - 2 and subject.doc[t.i + 1].is_punct is False):
            break
        run.insert(0, t)
    for t in (t for t in kept if t.i > subject.i):
        if t.i != run[-1].i + 1 or t.text == ",":  # "Dunne, a spokesman": the words before the comma
            break
        run.append(t)
    while run and (run[0].lower_ in {"the", "a", "an"} or run[0].is_punct):
        run = run[1:]
    while run and (run[-1].is_punct or run[-1].dep_ == "case" and run[-1].i > subject.i):
        run = run[:-1]  # nor a possessive's mark ("the mayor's answer was …": the mayor)
    return subject.doc[run[0].i:run[-1].i + 1].text if run else subject.text
