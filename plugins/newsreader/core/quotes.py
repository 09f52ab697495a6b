"""Direct quotations and who said them, from the quote marks and spaCy's parse.

A focused extractor rather than textacy's ``direct_quotations``: textacy pulls in
about 200 MB of dependencies and misses partial quotes ("a 'considerable gap'"),
which news copy is full of.

- Quotes: straight and curly double quotes, curly single quotes and straight
  single quotes at word edges; a quote left open at the end of a paragraph runs
  to its end (news style for quotes spanning paragraphs); two pieces in one
  sentence split by an attribution ("…," he said, "…") are one quote.
- Speakers: the subject of a speech verb outside the quote (said, told,
  stressed, insisted…), "according to X", the subject of the verb governing a
  partial quote, a pronoun -> the most recent fitting speaker or person, and a
  quote with no attribution of its own -> the speaker of the quote just before
  it. Otherwise the speaker is unknown (``None``), never guessed.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from .model import Sentence
from .sentences import SentenceLocator

SPEECH_VERBS = frozenset(
    """
    say tell add stress insist note warn state claim argue explain announce declare write reply respond ask
    continue conclude urge accuse describe call admit acknowledge affirm agree assert believe charge comment
    complain confirm contend deny emphasize emphasise estimate recall remark report reiterate reveal suggest
    testify tweet vow predict promise maintain observe point order pledge quote cite
    """.split()
)
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"they", "it", "we"})
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


def _subject_text(subject, quote_spans) -> str:
    words = [t for t in subject.subtree if not _inside(t, quote_spans) and not t.is_punct]
    while words and words[0].lower_ in {"the", "a", "an"}:
        words = words[1:]
    if not words:
        return subject.text
    return subject.doc[words[0].i:words[-1].i + 1].text


def _subject_of(verb):
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            return child
    if verb.dep_ in {"conj", "xcomp", "advcl"} and verb.head is not verb:
        return _subject_of(verb.head)
    return None


def _attribution(doc, quote_spans, lo: int, hi: int):
    """The subject token naming the speaker, from tokens of one sentence (char range lo..hi) outside quotes."""
    tokens = [t for t in doc if lo <= t.idx < hi]
    outside = [t for t in tokens if not _inside(t, quote_spans)]
    for t in outside:
        if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            objects = [c for c in doc[t.i + 1].children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    verbs = [t for t in outside if t.lemma_.lower() in SPEECH_VERBS and t.pos_ in {"VERB", "AUX"}]
    for verb in verbs:
        subject = _subject_of(verb)
        if subject is not None and not _inside(subject, quote_spans):
            return subject
    return None


def _governing_subject(doc, span: tuple[int, int], quote_spans):
    """For a partial quote: the subject of the nearest verb above it ("Jeong attributed … to a 'gap'")."""
    inside = [t for t in doc if span[0] <= t.idx < span[1]]
    if not inside:
        return None
    token = inside[0]
    for ancestor in [token, *token.ancestors]:
        if ancestor.pos_ in {"VERB", "AUX"} and not _inside(ancestor, [span]):
            subject = _subject_of(ancestor)
            if subject is not None and not _inside(subject, quote_spans):
                return subject
    return None


def _words_outside(sentence: Sentence, group, s_lo: int) -> int:
    text, at, outside = sentence.text, 0, []
    for a, b in group:
        outside.append(text[at:max(at, a - s_lo)])
        at = b - s_lo
    outside.append(text[at:])
    return len(re.findall(r"\w+", " ".join(outside)))


def extract(paragraphs: list[str], sentences: list[Sentence], docs, entities: list[dict]) -> list[Quote]:
    """Quotes of one article. ``entities`` are the article's entity dicts (for speakers and pronouns)."""
    locate = SentenceLocator(sentences)
    starts = {s.id: (s.paragraph, s.offset) for s in sentences}
    # Every entity mention in paragraph coordinates, in reading order.
    mentions = sorted(
        (starts[m["sentence"]][0], starts[m["sentence"]][1] + m["start"], starts[m["sentence"]][1] + m["end"], e)
        for e in entities for m in e["mentions"] if e["type"] in {"person", "organization", "place"}
    )

    def entity_at(p: int, start: int, end: int):
        return next((e for pp, a, b, e in mentions if pp == p and a < end and start < b), None)

    def latest(p: int, pos: int, types: set[str]):
        found = None
        for pp, a, _, e in mentions:
            if (pp, a) >= (p, pos):
                break
            if e["type"] in types:
                found = e
        return found

    quotes: list[Quote] = []
    last_speaker: tuple[str | None, str | None] = (None, None)
    last_speaker_paragraph = 0
    last_person_speaker: tuple[str | None, str | None] = (None, None)
    for p_index, (paragraph, doc) in enumerate(zip(paragraphs, docs), start=1):
        spans = find_quote_spans(paragraph)
        if not spans:
            continue
        # Merge pieces of one sentence split by an attribution: '"…," he said, "…"'.
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
        for group in groups:
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
            subject = _attribution(doc, spans, s_lo, s_hi)
            if subject is None and partial:
                subject = _governing_subject(doc, first, spans)
            name = key = None
            if subject is not None:
                if subject.lower_ in PERSON_PRONOUNS:
                    found = last_person_speaker if last_person_speaker[0] else None
                    if found is None:
                        person = latest(p_index, first[0] - 1, {"person"})
                        found = (person["name"], f"person:{person['name']}") if person else (None, None)
                    name, key = found
                elif subject.lower_ in GROUP_PRONOUNS:
                    name, key = last_speaker if last_speaker[1] and not last_speaker[1].startswith("person:") else (None, None)
                else:
                    entity = entity_at(p_index, subject.idx, subject.idx + len(subject.text))
                    if entity is None:  # the subject's head may sit after a title ("Chief US negotiator James DeHart")
                        head = subject.subtree
                        for t in head:
                            entity = entity_at(p_index, t.idx, t.idx + len(t.text))
                            if entity is not None and entity["type"] == "person":
                                break
                            entity = None
                    if entity is not None:
                        name, key = entity["name"], f"{entity['type']}:{entity['name']}"
                    else:
                        name = _subject_text(subject, spans)
            elif not partial and first[0] - 1 <= s_lo + 1 and _words_outside(sentence, group, s_lo) <= 3:
                # A quote sentence with no attribution of its own continues the quote just before it, or
                # belongs to the person the previous paragraph is about.
                if last_speaker[0] and last_speaker_paragraph >= p_index - 1:
                    name, key = last_speaker
                else:
                    person = latest(p_index, 0, {"person"})
                    if person is not None and any(pp == p_index - 1 and e is person for pp, _, _, e in mentions):
                        name, key = person["name"], f"person:{person['name']}"
            start, end = first[0] - s_lo, group[-1][1] - s_lo
            quotes.append(Quote(text, sentence.id, max(0, start - 1), min(len(sentence.text), end + 1), partial, name, key))
            if name:
                last_speaker = (name, key)
                last_speaker_paragraph = p_index
                if key and key.startswith("person:"):
                    last_person_speaker = (name, key)
    return quotes


def as_dicts(quotes: list[Quote]) -> list[dict]:
    return [asdict(q) for q in quotes]
