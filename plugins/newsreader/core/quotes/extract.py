"""Direct quotations and who said them, from the quote marks and spaCy's parse.

A focused extractor rather than textacy's ``direct_quotations``: textacy pulls in
about 200 MB of dependencies and misses partial quotes ("a 'considerable gap'"),
which news copy is full of.

- Quotes (``quotes/spans.py``): straight and curly double quotes, curly single quotes and straight
  single quotes at word edges; a quote left open at the end of a paragraph runs
  to its end (news style for quotes spanning paragraphs); two pieces in one
  sentence split by an attribution ("…," he said, "…") are one quote.
- Speakers (rules in ``quotes/speakers.py``): the subject of a speech verb outside the
  quote (said, told, stressed…), "according to X", the agent of a passive, the
  subject of the verb governing a partial quote; checked to be someone who can
  speak (never a dateline, a relative pronoun or an abstract noun). "he"/"she"
  -> the most recent fitting subject or speaker. When the parse misses a bare
  attribution right after a quote that opens its sentence ('"…," X, a pilot,
  said', '"…!" beamed X'), it is read from the words' order and tags. A quote
  with no attribution of its own continues the quote before it in its
  paragraph, or in the paragraph just before when it opens its paragraph (unless
  someone else became a main subject in between: theirs when a speech verb
  reports them, else unknown); after a paragraph without quotes it
  belongs to that paragraph's subject, unless that paragraph introduces quoted
  material with a colon (an e-mail, a document, a transcript): then it is
  unknown unless a person or body "said:" it. Otherwise the speaker is unknown
  (``None``), never guessed.

Modules: ``spans`` (where quotes are), ``candidates`` (the words that may name the speaker), ``attribution``
(attributions the parse missed), ``resolve`` (what a candidate names), ``context`` (the article's mentions and
subjects), ``speakers`` (who can speak); this module puts them together and carries a speaker from quote to quote.
"""

from __future__ import annotations

from dataclasses import dataclass

from .attribution import DASH_AFTER, adjacent_attribution, attribution_tail, signature_below, signed_name
from .candidates import GOVERNED, PARTIAL_MAX_WORDS, candidates, main_subject
from .context import ArticleContext
from .resolve import ParagraphSpeakers
from .spans import find_quote_spans, group_spans, words_outside
from ..model import Sentence, flat_dict
from ..text.sentences import SentenceLocator

__all__ = ["Quote", "as_dicts", "extract", "find_quote_spans"]


@dataclass(frozen=True)
class Quote:
    text: str
    sentence: str
    start: int  # offsets within the sentence (of the first piece)
    end: int
    partial: bool
    speaker_name: str | None
    speaker_key: str | None  # "type:name" of the entity, when the speaker is one


def extract(paragraphs: list[str], sentences: list[Sentence], docs, entities: list[dict]) -> list[Quote]:
    """Quotes of one article. ``entities`` are the article's entity dicts (for speakers and pronouns)."""
    locate = SentenceLocator(sentences)
    all_spans = [find_quote_spans(paragraph) for paragraph in paragraphs]
    article = ArticleContext(paragraphs, sentences, docs, entities, all_spans)
    quotes: list[Quote] = []
    last_speaker: tuple[str | None, str | None] = (None, None)
    last_quote_paragraph, last_quote_end = 0, (0, 0)
    for p_index, (paragraph, doc) in enumerate(zip(paragraphs, docs), start=1):
        spans = all_spans[p_index - 1]
        dateline = article.datelines[p_index - 1]
        names = ParagraphSpeakers(article, p_index, doc, lambda: last_speaker)

        for group in group_spans(paragraph, p_index, spans, locate):
            first = group[0]
            names.quoted = group
            sentence = locate.at(p_index, first[0])
            if sentence is None:
                continue
            text = " … ".join(paragraph[a:b].strip().strip(",").strip() for a, b in group).strip()
            if not text:
                continue
            words = text.split()
            partial = text[0].islower() or (len(words) <= PARTIAL_MAX_WORDS and first[0] - 1 > sentence.offset)
            s_lo, s_hi = sentence.offset, sentence.offset + len(sentence.text)
            # A quote of several sentences is attributed after its last one ('"… . …," X said'): look as far as
            # the end of the sentence that holds its closing mark.
            last = locate.at(p_index, min(group[-1][1], len(paragraph) - 1)) or locate.at(p_index, group[-1][1] - 1)
            c_hi = max(s_hi, last.offset + len(last.text)) if last is not None else s_hi
            found, attributed = None, False
            for token in candidates(doc, spans, s_lo, c_hi, group, partial):
                attributed = True
                if token is GOVERNED:
                    found = False  # its subject is no one who speaks ("the report said it was 'flawed'")
                    break
                found = names.resolve(token)
                if found is not None:
                    break
            if not attributed and partial and (subject := main_subject(doc, spans, group)) is not None:
                # 'X took aim at Y's "cosy little club"': the main clause's named subject
                attributed, found = True, names.resolve(subject)
            tail = attribution_tail(doc, paragraph, p_index, group, spans, c_hi, locate) if not attributed else None
            if tail is not None:  # '"Why now?" Ines Maro asked.': the splitter ended the sentence at the "?"
                for token in candidates(doc, spans, tail.offset, tail.offset + len(tail.text), group, False):
                    if token is GOVERNED:
                        break
                    attributed = True
                    found = names.resolve(token)
                    if found is not None:
                        break
            if not found and first[0] - 1 <= s_lo + 1:  # '"…," Hannity said', '"…," X, 70, told …': a bare attribution the parse missed
                run = adjacent_attribution(doc, spans, group, tail.offset + len(tail.text) if tail else c_hi)
                named = names.resolve_run(run) if run else None
                if named:
                    found, attributed = named, True
            if not attributed and group[-1][1] < len(paragraph):
                # '"…" — Ines Maro (@imaro)', '"…," - Ines Maro, a pilot': a name signed after a dash
                dash = DASH_AFTER.match(paragraph, group[-1][1] + 1)
                entity = article.entity_at(p_index, dash.end(), dash.end() + 1) if dash else None
                if entity is not None and entity["type"] in {"person", "organization"}:
                    found, attributed = (entity["name"], f"{entity['type']}:{entity['name']}"), True
                elif entity is None and dash is not None and (signed := signed_name(paragraph, dash.end())):
                    found, attributed = (signed, None), True  # a name the model did not mark
            if not found and not attributed:  # '"…"' then a line '- Ines Maro, a pilot.': a signature below
                at = signature_below(paragraph, paragraphs[p_index] if p_index < len(paragraphs) else None, group)
                entity = article.entity_at(p_index + 1, at, at + 1) if at is not None else None
                if entity is not None and entity["type"] in {"person", "organization"}:
                    found, attributed = (entity["name"], f"{entity['type']}:{entity['name']}"), True
            name, key = found or (None, None)
            at_start = not partial and first[0] - 1 <= s_lo + 1 and (
                words_outside(sentence, group, s_lo) <= 3 or _verbless_tail(doc, group, s_hi))
            if not found and not attributed and at_start:
                # No attribution of its own: it continues the quote just before it (this paragraph, or the one
                # before when this paragraph opens with it), or speaks for the subject of the paragraph before,
                # unless that paragraph introduces it with a colon ("The e-mail read:", a transcript, a document):
                # then only a person or body who "said:" it is its speaker.
                introduced = p_index > 1 and paragraphs[p_index - 2].rstrip().endswith(":")
                # A question closing the paragraph before is answered, not continued, by the next paragraph's quote.
                asked = paragraphs[last_quote_end[0] - 1][:last_quote_end[1]].rstrip(" \"”’'").endswith("?")
                own = article.subject_between((p_index, group[-1][1]), (p_index, _short_tail(paragraph, p_index, group, c_hi, locate)))
                if own is not None:  # '"…," Hollis pressed.': the person its own sentence makes the subject after it
                    name, key = own["name"], f"person:{own['name']}"
                elif last_quote_paragraph == p_index or (last_quote_paragraph == p_index - 1 and s_lo <= dateline and not asked):
                    # … unless someone else became the subject in between: theirs when they were reported speaking
                    # ('… said Cruz. Bran disagreed. "…"'), unknown when they only acted ('Bran visited the port.')
                    other = article.subject_between(last_quote_end, (p_index, first[0]))
                    if other is None or f"person:{other['name']}" == last_speaker[1]:  # (or the one who spoke)
                        name, key = last_speaker
                    elif other is article.subject_between(last_quote_end, (p_index, first[0]), speaking=True):
                        name, key = other["name"], f"person:{other['name']}"
                    else:
                        name, key = None, None
                elif (other := article.subject_between((p_index, dateline - 1), (p_index, first[0]))) is not None:
                    # 'Senator X said the bill was flawed. "It gives away too much."': the person this paragraph
                    # has just made its subject
                    name, key = other["name"], f"person:{other['name']}"
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


def _verbless_tail(doc, group, s_hi: int) -> bool:
    """Whether the words after a quote of one piece that opens its sentence only finish the quoted phrase, with no
    verb and no name of their own ('"… is that she is focused on wages" and other local issues.')."""
    if group[-1][1] >= s_hi:
        return False  # (the quote runs past its sentence's end)
    tail = [t for t in doc.char_span(group[-1][1], s_hi, alignment_mode="expand") or () if t.idx > group[-1][1]]
    return len(group) == 1 and bool(tail) and not any(
        t.pos_ in {"VERB", "AUX"} or t.ent_type_ in {"PERSON", "ORG", "NORP"} for t in tail)


def _short_tail(paragraph: str, p_index: int, group, c_hi: int, locate: SentenceLocator) -> int:
    """Where the words after a quote end: its sentence's end, or when the quote closes its sentence ('"…?"') the end
    of a short sentence of at most four words right after it ('Hollis pressed.')."""
    if paragraph[group[-1][1]:c_hi].strip(" \"”’'.,!?…"):
        return c_hi
    at = c_hi
    while at < len(paragraph) and paragraph[at].isspace():
        at += 1
    tail = locate.at(p_index, at) if at < len(paragraph) else None
    if tail is None or len(tail.text.split()) > 4 or any(c in tail.text for c in "\"“”"):
        return c_hi
    return tail.offset + len(tail.text)


def as_dicts(quotes: list[Quote]) -> list[dict]:
    return [flat_dict(q) for q in quotes]
