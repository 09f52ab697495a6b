"""Direct quotations and who said them, from the quote marks and spaCy's parse.

A focused extractor rather than textacy's ``direct_quotations``: textacy pulls in
about 200 MB of dependencies and misses partial quotes ("a 'considerable gap'"),
which news copy is full of.

- Quotes: straight and curly double quotes, curly single quotes and straight
  single quotes at word edges; a quote left open at the end of a paragraph runs
  to its end (news style for quotes spanning paragraphs); two pieces in one
  sentence split by an attribution ("…," he said, "…") are one quote.
- Speakers (rules in ``speakers.py``): the subject of a speech verb outside the
  quote (said, told, stressed…), "according to X", the agent of a passive, the
  subject of the verb governing a partial quote; checked to be someone who can
  speak (never a dateline, a relative pronoun or an abstract noun). "he"/"she"
  -> the most recent fitting subject or speaker. A quote with no attribution of
  its own continues the quote before it in its paragraph, or in the paragraph
  just before when it opens its paragraph; after a paragraph without quotes it
  belongs to that paragraph's subject, unless that paragraph introduces quoted
  material with a colon (an e-mail, a document, a transcript): then it is
  unknown unless a person or body "said:" it. Otherwise the speaker is unknown
  (``None``), never guessed.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from functools import cached_property

from . import speakers
from .model import Sentence
from .sentences import SentenceLocator

PARTIAL_MAX_WORDS = 3


@dataclass(frozen=True)
class Quote:
    text: str
    sentence: str
    start: int  # offsets within the sentence (of the first piece)
    end: int
    partial: bool
    speaker_name: str | None
    speaker_key: str | None  # "type:name" of the entity, when the speaker is one


def find_quote_spans(paragraph: str) -> list[tuple[int, int]]:
    """(start, end) of quoted text, quote marks excluded, in paragraph offsets."""
    spans: list[tuple[int, int]] = []
    i, n = 0, len(paragraph)
    while i < n:
        ch = paragraph[i]
        if ch in "“\"":
            close = "”" if ch == "“" else '"'
            j = paragraph.find(close, i + 1)
            if ch == "“" and j == -1:
                j = paragraph.find('"', i + 1)
            end = n if j == -1 else j  # left open: runs to the paragraph's end
            if end > i + 1:
                spans.append((i + 1, end))
            i = end + 1
            continue
        if ch in "‘'" and (i == 0 or not paragraph[i - 1].isalnum()) and i + 1 < n and paragraph[i + 1].isalnum():
            # A single-quoted phrase: closes at a quote mark that is not an apostrophe inside a word.
            m = re.compile(r"[’'](?![A-Za-z])").search(paragraph, i + 1)
            if m and 3 < m.start() - i < 200 and (paragraph[m.start() - 1].isalnum() or paragraph[m.start() - 1] in ".,!?"):
                spans.append((i + 1, m.start()))
                i = m.end()
                continue
        i += 1
    return spans


def _inside(token, spans) -> bool:
    return any(a <= token.idx < b for a, b in spans)


def _words_outside(sentence: Sentence, group, s_lo: int) -> int:
    text, at, outside = sentence.text, 0, []
    for a, b in group:
        outside.append(text[at:max(at, a - s_lo)])
        at = b - s_lo
    outside.append(text[at:])
    return len(re.findall(r"\w+", " ".join(outside)))


def _group_spans(paragraph: str, p_index: int, spans, locate: SentenceLocator) -> list[list[tuple[int, int]]]:
    """Pieces of one sentence split by an attribution ('"…," he said, "…"') grouped as one quote."""
    groups: list[list[tuple[int, int]]] = []
    for span in spans:
        here = locate.at(p_index, span[0])
        if groups:
            prev_sentence = locate.at(p_index, groups[-1][0][0])
            between = paragraph[groups[-1][-1][1]:span[0]]
            if here is prev_sentence and here is not None and len(between.split()) <= 8 and any(
                w.strip(",.").lower() in {"said", "says", "added", "adds", "told", "continued", "stressed", "insisted", "noted"}
                for w in between.split()
            ):
                groups[-1].append(span)
                continue
        groups.append([span])
    return groups


class _Article:
    """The article's person/organisation/place mentions in paragraph coordinates, who is a subject, and genders."""

    def __init__(self, paragraphs: list[str], sentences: list[Sentence], docs, entities: list[dict]):
        starts = {s.id: (s.paragraph, s.offset) for s in sentences}
        self.docs = docs
        self.datelines = [speakers.dateline_end(p) for p in paragraphs]
        self.mentions = []  # (paragraph, start, end, entity, is_subject), in reading order
        for e in entities:
            if e["type"] not in {"person", "organization", "place"}:
                continue
            for m in e["mentions"]:
                p, offset = starts[m["sentence"]]
                a, b = offset + m["start"], offset + m["end"]
                if a < self.datelines[p - 1]:
                    continue  # a dateline is the article's place line, never a mention that speaks
                self.mentions.append((p, a, b, e, (docs[p - 1], a, b)))
        self.mentions.sort(key=lambda m: (m[0], m[1]))
        self._text = (paragraphs, sentences)
        self.said: list[tuple[int, int, dict]] = []  # (paragraph, offset, entity) of each resolved speaker

    @cached_property
    def subjects(self) -> list[tuple[int, int, int, dict, bool]]:
        """The mentions, each with whether it is a sentence subject (computed when a pronoun needs it)."""
        return [(p, a, b, e, self._is_subject(*where)) for p, a, b, e, where in self.mentions]

    @cached_property
    def genders(self) -> dict[str, str]:
        return self._genders(*self._text)

    @staticmethod
    def _is_subject(doc, a: int, b: int) -> bool:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is None or not len(span):
            return False
        root = span.root
        while root.dep_ in {"appos", "compound", "flat"} and root.head is not root:
            root = root.head
        return root.dep_ in {"nsubj", "nsubjpass"}

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

    def person_for(self, p: int, pos: int, pronoun: str, skip) -> dict | None:
        """The person "he"/"she" at (p, pos) stands for: a recent subject or speaker of that gender."""
        gender = speakers.pronoun_gender(pronoun)
        before = [(pp, a, e, subject) for pp, a, b, e, subject in self.subjects
                  if p - 2 <= pp and (pp, a) < (p, pos) and not skip(pp, a) and e["type"] == "person"]
        before += [(pp, a, e, True) for pp, a, e in self.said if p - 2 <= pp and (pp, a) < (p, pos)]
        before.sort(key=lambda m: (m[0], m[1]))
        # Subjects before objects; a person known to fit the pronoun before one whose gender is not known.
        for want_subject, want_known in ((True, True), (True, False), (False, True), (False, False)):
            for _, _, e, subject in reversed(before):
                known = self.genders.get(e["name"])
                if (subject or not want_subject) and (known == gender if want_known else known is None):
                    return e
        earlier = [e for _, _, e in self.said if self.genders.get(e["name"], gender) == gender]
        return earlier[-1] if earlier else None

    def introducer(self, p: int) -> tuple[str | None, str | None]:
        """The person or body whose speech verb ends paragraph ``p`` ("Ines Maro told staff:"), else unknown."""
        doc = self.docs[p - 1]
        last = list(doc.sents)[-1]
        for verb in (t for t in last if t.lemma_.lower() in speakers.SPEECH_VERBS and t.pos_ in {"VERB", "AUX"}):
            subject = speakers.subject_of(verb)
            entity = self.entity_at(p, subject.idx, subject.idx + len(subject)) if subject is not None else None
            if entity is not None and entity["type"] in {"person", "organization"}:
                return entity["name"], f"{entity['type']}:{entity['name']}"
        return None, None

    def body_named(self, p: int, token) -> dict | None:
        """The latest organisation mentioned before ``token`` whose name ends with its noun ("ministry")."""
        if token.tag_ not in {"NN", "NNP"} or not any(c.lower_ == "the" for c in token.children):
            return None
        found = [e for pp, a, _, e, _ in self.mentions if (pp, a) < (p, token.idx) and e["type"] == "organization"
                 and e["name"].split()[-1].lower() == token.lower_]
        return found[-1] if found else None

    def group_for(self, p: int, pos: int):
        """What "they" at (p, pos) stands for: the latest plural subject for people in this or the paragraph before."""
        for pp in (p, p - 1):
            if pp < 1:
                continue
            doc = self.docs[pp - 1]
            spans = find_quote_spans(doc.text)
            found = [t for t in doc if (pp, t.idx) < (p, pos) and t.dep_ in {"nsubj", "nsubjpass"} and t.tag_ in {"NNS", "NNPS"}
                     and not _inside(t, spans) and speakers.is_agent_noun(t)]
            if found:
                return found[-1]
        return None

    def subject_between(self, start: tuple[int, int], end: tuple[int, int]) -> dict | None:
        """The latest person who is a sentence subject between two (paragraph, offset) places."""
        found = [e for pp, a, _, e, subject in self.subjects if start < (pp, a) < end and subject and e["type"] == "person"]
        return found[-1] if found else None

    def subject_person(self, p: int) -> dict | None:
        """The last person who is a sentence subject in paragraph ``p`` (whom a following quote continues)."""
        found = [e for pp, _, _, e, subject in self.subjects if pp == p and subject and e["type"] == "person"]
        return found[-1] if found else None


def _subject_text(subject, quote_spans, dateline: int) -> str:
    """The subject's words: without quotes, the dateline, relative clauses and leading articles."""
    dropped = {t.i for child in subject.children if child.dep_ in {"relcl", "acl", "appos", "advcl"} for t in child.subtree}
    kept = [t for t in subject.subtree if t.i not in dropped and not _inside(t, quote_spans) and t.idx >= dateline]
    run = [subject]
    for t in reversed([t for t in kept if t.i < subject.i]):
        if t.i != run[0].i - 1 and not (t.i == run[0].i - 2 and subject.doc[t.i + 1].is_punct is False):
            break
        run.insert(0, t)
    for t in (t for t in kept if t.i > subject.i):
        if t.i != run[-1].i + 1:
            break
        run.append(t)
    while run and (run[0].lower_ in {"the", "a", "an"} or run[0].is_punct):
        run = run[1:]
    while run and run[-1].is_punct:
        run = run[:-1]
    return subject.doc[run[0].i:run[-1].i + 1].text if run else subject.text


def _candidates(doc, quote_spans, lo: int, hi: int, group, partial: bool):
    """Tokens that may name the speaker, best first: "according to X", speech verbs' subjects, the governing verb's."""
    outside = [t for t in doc.char_span(lo, hi, alignment_mode="expand") or () if not _inside(t, quote_spans)]
    for t in outside:
        if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            yield from (c for c in doc[t.i + 1].children if c.dep_ == "pobj")
    for verb in outside:
        if verb.lemma_.lower() in speakers.SPEECH_VERBS and verb.pos_ in {"VERB", "AUX"}:
            subject = speakers.subject_of(verb, lambda t: not _inside(t, quote_spans))
            if subject is None:  # a misparse left the verb without one: the name right before or after it
                subject = next((t for t in (doc[verb.i - 1] if verb.i else None, doc[verb.i + 1] if verb.i + 1 < len(doc) else None)
                                if t is not None and t.pos_ in {"PROPN", "NOUN", "PRON"} and not _inside(t, quote_spans)), None)
            if subject is not None:
                yield subject
    if partial:  # "Jeong attributed … to a 'considerable gap'", "described as 'a genius' by X"
        inside = [t for t in doc.char_span(group[0][0], group[0][1], alignment_mode="expand") or ()
                  if group[0][0] <= t.idx < group[0][1]]
        for ancestor in [*inside[:1], *(inside[0].ancestors if inside else ())]:
            if ancestor.pos_ in {"VERB", "AUX"} and not _inside(ancestor, [group[0]]):
                subject = speakers.subject_of(ancestor, lambda t: not _inside(t, quote_spans))
                if subject is not None:
                    yield subject
                    break


def extract(paragraphs: list[str], sentences: list[Sentence], docs, entities: list[dict]) -> list[Quote]:
    """Quotes of one article. ``entities`` are the article's entity dicts (for speakers and pronouns)."""
    locate = SentenceLocator(sentences)
    article = _Article(paragraphs, sentences, docs, entities)
    quotes: list[Quote] = []
    last_speaker: tuple[str | None, str | None] = (None, None)
    last_quote_paragraph, last_quote_end = 0, (0, 0)
    for p_index, (paragraph, doc) in enumerate(zip(paragraphs, docs), start=1):
        spans = find_quote_spans(paragraph)
        dateline = article.datelines[p_index - 1]

        def skip(pp, a, spans=spans, p_index=p_index):
            return pp == p_index and any(x <= a < y for x, y in spans)

        def resolve(token):
            """(name, key) for a candidate token; None to try the next one; False when the speaker is unknown."""
            if token.idx < dateline or _inside(token, spans):
                return None
            token = speakers.follow_relative(token)
            if token is None or token.idx < dateline:
                return None
            low = token.lower_
            if low in speakers.PERSON_PRONOUNS:
                person = article.person_for(p_index, token.idx, low, skip)
                return (person["name"], f"person:{person['name']}") if person else False
            if low == "they":
                group = article.group_for(p_index, token.idx)
                if group is not None:
                    return _subject_text(group, find_quote_spans(group.doc.text), 0), None
            if low in speakers.GROUP_PRONOUNS:
                return last_speaker if last_speaker[1] and not last_speaker[1].startswith("person:") else False
            entity = article.entity_at(p_index, token.idx, token.idx + len(token.text))
            if entity is None:  # the head may sit after a title ("Chief US negotiator James DeHart")
                entity = next((e for t in token.subtree if t.dep_ not in {"relcl", "acl"} and not _inside(t, spans)
                               for e in [article.entity_at(p_index, t.idx, t.idx + len(t.text))]
                               if e is not None and e["type"] == "person"), None)
            if entity is not None:
                return entity["name"], f"{entity['type']}:{entity['name']}"
            if speakers.is_agent_noun(token):
                body = article.body_named(p_index, token)  # "the ministry" after "the Foreign Ministry"
                if body is not None:
                    return body["name"], f"organization:{body['name']}"
                return _subject_text(token, spans, dateline), None
            return None

        for group in _group_spans(paragraph, p_index, spans, locate):
            first = group[0]
            sentence = locate.at(p_index, first[0])
            if sentence is None:
                continue
            text = " … ".join(paragraph[a:b].strip().strip(",").strip() for a, b in group).strip()
            if not text:
                continue
            words = text.split()
            partial = text[0].islower() or (len(words) <= PARTIAL_MAX_WORDS and first[0] - 1 > sentence.offset)
            s_lo, s_hi = sentence.offset, sentence.offset + len(sentence.text)
            found, attributed = None, False
            for token in _candidates(doc, spans, s_lo, s_hi, group, partial):
                attributed = True
                found = resolve(token)
                if found is not None:
                    break
            name, key = found or (None, None)
            at_start = not partial and first[0] - 1 <= s_lo + 1 and _words_outside(sentence, group, s_lo) <= 3
            if not found and not attributed and at_start:
                # No attribution of its own: it continues the quote just before it (this paragraph, or the one
                # before when this paragraph opens with it), or speaks for the subject of the paragraph before,
                # unless that paragraph introduces it with a colon ("The e-mail read:", a transcript, a document):
                # then only a person or body who "said:" it is its speaker.
                introduced = p_index > 1 and paragraphs[p_index - 2].rstrip().endswith(":")
                if last_quote_paragraph == p_index or (last_quote_paragraph == p_index - 1 and s_lo <= dateline):
                    # … unless someone else became the subject in between ('… said Cruz. Bran disagreed. "…"').
                    other = article.subject_between(last_quote_end, (p_index, first[0]))
                    name, key = (other["name"], f"person:{other['name']}") if other else last_speaker
                elif introduced:
                    name, key = article.introducer(p_index - 1)
                elif last_quote_paragraph < p_index - 1:
                    person = article.subject_person(p_index - 1)
                    if person is not None:
                        name, key = person["name"], f"person:{person['name']}"
            start, end = first[0] - s_lo, group[-1][1] - s_lo
            quotes.append(Quote(text, sentence.id, max(0, start - 1), min(len(sentence.text), end + 1), partial, name, key))
            last_quote_paragraph, last_quote_end = p_index, (p_index, group[-1][1])
            last_speaker = (name, key)
            if key and key.startswith("person:"):
                person = next(e for e in entities if f"{e['type']}:{e['name']}" == key)
                article.said.append((p_index, first[0], person))
    return quotes


def as_dicts(quotes: list[Quote]) -> list[dict]:
    return [asdict(q) for q in quotes]
