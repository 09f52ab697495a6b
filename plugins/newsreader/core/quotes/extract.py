"""Direct quotations and who said them, from the quote marks and spaCy's parse.

A focused extractor rather than textacy's ``direct_quotations``: textacy pulls in
about 200 MB of dependencies and misses partial quotes ("a 'considerable gap'"),
which news copy is full of.

- Quotes: straight and curly double quotes, curly single quotes and straight
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
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import speakers
from .context import ArticleContext, subject_text
from .speakers import inside
from ..model import Sentence, flat_dict
from ..text.sentences import SentenceLocator

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


def _glued_opening(paragraph: str, start: int) -> int:
    """The first opening curly mark from ``start`` that closes a quote: glued to the words before it and
    followed by a space or the end ('“…,“ said X'); -1 without one."""
    for m in re.finditer("“", paragraph[start:]):
        k = start + m.start()
        if not paragraph[k - 1].isspace() and (k + 1 == len(paragraph) or paragraph[k + 1].isspace()):
            return k
    return -1


def find_quote_spans(paragraph: str) -> list[tuple[int, int]]:
    """(start, end) of quoted text, quote marks excluded, in paragraph offsets."""
    spans: list[tuple[int, int]] = []
    i, n = 0, len(paragraph)
    while i < n:
        ch = paragraph[i]
        if ch in "“\"":
            close = "”" if ch == "“" else '"'
            j = paragraph.find(close, i + 1)
            if ch == "“":
                # Copy mixing styles closes a curly quote with a straight mark ('“…," X said. "…”') or with
                # another opening mark glued to the words ('“…,“ said X'): the first of those ends it.
                ends = [k for k in (j, paragraph.find('"', i + 1), _glued_opening(paragraph, i + 1)) if k != -1]
                j = min(ends) if ends else -1
            if ch == '"':  # a straight mark closed by a curly one ('"…,” X said'): copy mixing both styles
                curly = paragraph.find("”", i + 1)
                if curly != -1 and (j == -1 or curly < j):
                    j = curly
            end = n if j == -1 else j  # left open: runs to the paragraph's end
            if i and paragraph[i - 1] == "=" and j != -1:
                i = end + 1  # a markup attribute's value ('<tweet id="…">'), not a quotation
                continue
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


def _words_outside(sentence: Sentence, group, s_lo: int) -> int:
    text, at, outside = sentence.text, 0, []
    for a, b in group:
        outside.append(text[at:max(at, a - s_lo)])
        at = b - s_lo
    outside.append(text[at:])
    return len(re.findall(r"\w+", " ".join(outside)))


# Words that start another clause between two quoted pieces ("… ," Ortiz said, while Tran called it "…"): two quotes.
_CLAUSE_LINKS = frozenset({"while", "whereas", "but", "and", "although", "though", "as"})
_ATTRIBUTION_WORDS = frozenset({"said", "says", "added", "adds", "told", "continued", "stressed", "insisted", "noted"})


def _group_spans(paragraph: str, p_index: int, spans, locate: SentenceLocator) -> list[list[tuple[int, int]]]:
    """Pieces of one sentence split by an attribution ('"…," he said, "…"') grouped as one quote."""
    groups: list[list[tuple[int, int]]] = []
    for span in spans:
        here = locate.at(p_index, span[0])
        if groups:
            prev_sentence = locate.at(p_index, groups[-1][0][0])
            between = paragraph[groups[-1][-1][1]:span[0]]
            words = set(re.findall(r"\w+", between.lower()))
            if (here is prev_sentence and here is not None and len(re.findall(r"\w+", between)) <= 8
                    and words & _ATTRIBUTION_WORDS and not words & _CLAUSE_LINKS):
                groups[-1].append(span)
                continue
        groups.append([span])
    return groups


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


# Verbs that characterise or judge in someone's words: a short quote under them is that someone's label.
_CHARACTERISING = frozenset("""
    attribute blame praise criticise criticize slam blast hail dismiss reject label dub brand term deem tout
    denounce condemn decry defend laud mock ridicule deride portray characterise characterize depict cast view
    regard see consider accuse liken compare pledge threaten vow promise refer herald deride insult hammer attack
    rate use cry
    """.split())
_MODIFIERS = frozenset({"amod", "compound", "nmod", "nummod", "poss"})
GOVERNED = object()  # marks the end of the governing speech verb's candidates

def _possessor(t, head) -> bool:
    """Whether ``t`` sits in a possessive under ``head`` ("X's account": the account is not X)."""
    while t.i != head.i and t.head.i != t.i:
        if t.dep_ == "poss":
            return True
        t = t.head
    return False


_NOT_NAMES = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME", "EVENT", "LAW", "PRODUCT", "MONEY"})


def _quoted(doc, span: tuple[int, int]) -> list:
    """The tokens that start inside a quote span."""
    return [t for t in doc.char_span(span[0], span[1], alignment_mode="expand") or () if span[0] <= t.idx < span[1]]


def _governing_speech_verb(doc, group):
    """The speech verb the quoted words hang on ('Tran called the plan "a good start"'), if any."""
    words = [t for t in _quoted(doc, group[0]) if not t.is_punct]
    if not words:
        return None
    root = min(words, key=lambda t: len(list(t.ancestors)))  # the quote's own head
    verb = next((a for a in root.ancestors if speakers.is_speech_verb(a) and not inside(a, [group[0]])), None)
    # 'X said officials were calling "every hour"': the one who reports the speech is the attribution
    while verb is not None and verb.dep_ == "ccomp" and speakers.is_speech_verb(verb.head) and not inside(verb.head, [group[0]]):
        verb = verb.head
    return verb


def _appositions(token):
    """Names in apposition to a role noun: "the minister, X," and "a spokesman for the firm, X," (the parser
    often hangs X on the firm)."""
    for child in token.children:
        if child.dep_ == "appos":
            yield child
        elif child.dep_ == "prep":
            yield from (a for o in child.children if o.dep_ == "pobj" for a in o.children if a.dep_ == "appos")


def _inverted(verb, quote_spans) -> bool:
    """Whether a speech verb comes right after a closing quote ('"…," said X'): its subject follows it."""
    before = verb.i - 1
    while before >= 0 and verb.doc[before].is_punct and not inside(verb.doc[before], quote_spans):
        before -= 1
    return before >= 0 and before < verb.i - 1 and inside(verb.doc[before], quote_spans)


_HEARING = frozenset({"hear", "listen", "read", "receive", "get", "see", "watch", "learn", "find", "show", "include"})


def _colon_introducer(doc, quote_spans, lo: int, group):
    """Who a colon right before the quote introduces: the name before it ('Ines Maro: "…"') or the subject of
    the clause it ends ('The minister went further: "…"'); None when no colon comes right before the quote."""
    opening = group[0][0] - 1
    before = doc.text[lo:opening].rstrip()
    if not before.endswith(":") or any(lo <= a < opening for a, _ in quote_spans):
        return None
    stretch = [t for t in doc.char_span(lo, lo + len(before) - 1, alignment_mode="contract") or () if not t.is_punct]
    if not stretch:
        return None
    name = stretch[-1]
    if name.pos_ == "PROPN" and name.ent_type_ not in _NOT_NAMES and not (name.dep_ == "pobj" and name.head.lower_ != "from"):
        # a name right before the colon speaks, whatever comes before it ('A headline - Ines Maro: "…"', 'More
        # from Maro: "…"'); not the outlet or place it was said in ('later that day on Channel 4: "…"')
        return name
    ids = {t.i for t in stretch}
    heads = [t for t in stretch if t.head.i not in ids or t.head.i == t.i]
    head = heads[-1] if heads else None
    if head is None:
        return None
    if head.pos_ in {"VERB", "AUX"}:
        if head.lemma_.lower() in _HEARING or any(c.dep_ == "prep" and c.lower_ == "from" for c in head.children):
            return None  # "The panel heard from the auditor:", "She received a letter from him:"
        subject = speakers.subject_of(head)
        return subject if subject is not None and subject.i in ids else None
    return head if head.pos_ in {"PROPN", "NOUN"} else None


def _object_of(t, verb) -> bool:
    """Whether ``t`` is the one a characterisation is about ('called X a "…"'): the verb has a second object."""
    return any(c.dep_ == "oprd" for c in verb.children) and any(
        c.dep_ in {"dobj", "oprd"} and t.i in {w.i for w in c.subtree} for c in verb.children)


def _candidates(doc, quote_spans, lo: int, hi: int, group, partial: bool):
    """Tokens that may name the speaker, best first: "according to X", the subject of the speech verb the quote
    hangs on, the other speech verbs' subjects, the governing verb's."""
    def unquoted(t) -> bool:
        return not inside(t, quote_spans)

    outside = [t for t in doc.char_span(lo, hi, alignment_mode="expand") or () if unquoted(t)]
    governing = _governing_speech_verb(doc, group)
    if governing is not None and not any(t.lower_ == "according" for t in outside):
        subject = speakers.subject_of(governing, unquoted)
        if subject is not None:
            yield subject
            yield GOVERNED  # the verb the quote hangs on has a subject: no other attribution is looked for
    for t in outside:
        if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            for source in (c for c in doc[t.i + 1].children if c.dep_ == "pobj"):
                yield source
                if speakers.is_document(source) and speakers.author_of(source) is None:
                    # "…, according to the memo": the document is the source, not the clause's subject
                    yield GOVERNED
    for verb in outside:
        if speakers.is_speech_verb(verb):
            subject = speakers.subject_of(verb, unquoted)
            if subject is None and _inverted(verb, quote_spans):
                # '"…!" shouted the driver': the parser often takes the inverted subject for an object
                subject = next((c for c in verb.children if c.dep_ in {"dobj", "attr", "npadvmod"} and c.i > verb.i), None)
            if subject is None:  # a misparse left the verb without one: the name right before it (after it only
                # when the verb follows the quote: 'called X a "…"' names the one spoken of, not the speaker)
                subject = next((t for t in (doc[verb.i - 1] if verb.i else None,
                                            doc[verb.i + 1] if verb.i + 1 < len(doc) and (_inverted(verb, quote_spans) or not _object_of(doc[verb.i + 1], verb)) else None)
                                if t is not None and t.pos_ in {"PROPN", "NOUN", "PRON"} and unquoted(t)), None)
            if subject is not None:
                yield subject
    introducer = _colon_introducer(doc, quote_spans, lo, group) if not partial else None
    if introducer is not None:  # 'Ines Maro: "…"', 'The minister went further: "…"'
        yield introducer
    if partial and governing is None:  # "Jeong attributed … to a 'considerable gap'", "described as 'a genius' by X"
        quoted = _quoted(doc, group[0])
        words = [t for t in quoted if not t.is_punct]
        root = min(words, key=lambda t: len(list(t.ancestors))) if words else None
        if root is not None and root.dep_ in _MODIFIERS and root.head.pos_ in {"NOUN", "PROPN"} and not inside(root.head, [group[0]]):
            quoted = []  # a label modifying a noun ('her "fair deal" plan'): no one's words by this rule
        short = len(words) <= PARTIAL_MAX_WORDS
        for ancestor in [*quoted[:1], *(quoted[0].ancestors if quoted else ())]:
            if ancestor.pos_ in {"VERB", "AUX"} and not inside(ancestor, [group[0]]):
                if short and ancestor.lemma_.lower() not in _CHARACTERISING:
                    break  # a two- or three-word label under a verb that says nothing ('backed the "green deal"')
                subject = speakers.subject_of(ancestor, unquoted)
                if subject is not None:
                    yield subject
                    break


_DASH_AFTER = re.compile(r"[ ,.]*(?:[—–]|--?(?= ))\s*")
_TAIL_MAX_WORDS = 12
_AUDIENCE = frozenset({"reporters", "journalists", "me", "us", "him", "her", "them", "supporters", "crowd", "audience"})


def _attribution_tail(doc, paragraph: str, p_index: int, group, spans, c_hi: int, locate: SentenceLocator):
    """The sentence right after a quote that ends its sentence, when it is a bare attribution ("Ines Maro
    asked.", "she said, smiling."): short, without quotes of its own and with a speech verb that takes no
    clause of its own ("She said the plan would fail" reports something else)."""
    if paragraph[group[-1][1]:c_hi].strip(" \"”’'.,!?…)"):
        return None  # words after the quote in its own sentence: not a quote that closes it
    at = c_hi
    while at < len(paragraph) and paragraph[at].isspace():
        at += 1
    tail = locate.at(p_index, at) if at < len(paragraph) else None
    if tail is None or any(tail.offset <= a < tail.offset + len(tail.text) for a, _ in spans):
        return None
    tokens = [t for t in doc.char_span(tail.offset, tail.offset + len(tail.text), alignment_mode="expand") or ()
              if not t.is_punct]
    if not tokens:
        return None
    # The speech verb opens the sentence ("asked X, who …") or follows its subject's words right away ("X, a
    # teacher, asked"); a long sentence of its own is no attribution of the quote before it.
    verb = next((t for t in tokens[:_TAIL_MAX_WORDS] if speakers.is_speech_verb(t)), None)
    if verb is None or verb.dep_ != "ROOT" and verb.head.i != verb.i:
        return None
    subject = speakers.subject_of(verb)
    opening = {t.i for t in subject.subtree} if subject is not None else set()
    if any(t.i not in opening for t in tokens if t.i < verb.i and t.dep_ not in {"advmod", "neg"}):
        return None
    if any(c.dep_ in {"ccomp", "dobj", "xcomp"} and c.idx >= tail.offset and c.lower_ not in _AUDIENCE
           and not (c.dep_ == "dobj" and verb.lemma_.lower() in {"tell", "ask"}) for c in verb.children):
        return None
    return tail


_NP_POS = frozenset({"DET", "PROPN", "NOUN", "ADJ", "NUM", "PART"})
_APPOSITIVE_MAX = 14
_AGE = re.compile(r"\d+-year-old")  # words of a description between a name and its verb ('X, a pilot from Tarsk, said')


def _noun_run(tokens, at: int) -> int:
    """The end of the run of noun-phrase words from ``at`` (names, titles, determiners, "46-year-old")."""
    while at < len(tokens) and (tokens[at].pos_ in _NP_POS or tokens[at].tag_ == "PRP$" or tokens[at].tag_ == "HYPH"
                                or tokens[at].pos_ == "PUNCT" and tokens[at].text in {"-", "’", "'"}):
        at += 1
    return at


def _adjacent_attribution(doc, quote_spans, group, c_hi: int):
    """The speaker words of a bare attribution right after the quote, read from the words' order and tags
    when the parse missed it: '"…," Ines Maro said', '"…!" beamed the pilot', '"…," X, a pilot from
    Tarsk, said', '"…," said the 46-year-old'. The noun phrase's tokens, or None."""
    end = group[-1][1]
    quoted = doc.text[group[-1][0]:end].rstrip()
    after = doc.text[end:end + 2]
    if not (quoted.endswith((",", "!", "?", "—", "-", "–")) or after[1:2] == ","):
        return None  # a quote that ends its sentence or runs on into it has no bare attribution after it
    tokens = [t for t in doc.char_span(end, c_hi, alignment_mode="expand") or () if t.idx > end]
    while tokens and tokens[0].is_punct:
        tokens = tokens[1:]
    if not tokens or inside(tokens[0], quote_spans):
        return None
    def speech(t) -> bool:
        return t.tag_ in {"VBD", "VBZ", "VBP", "VBN"} and speakers.is_speech_verb(t)
    if speech(tokens[0]):  # '"…," said X' / '"…!" beamed X of Tarsk'
        run = tokens[1:_noun_run(tokens, 1)]
    else:  # '"…," X said' / '"…," X, 70, said'
        stop = _noun_run(tokens, 0)
        run, rest = tokens[:stop], tokens[stop:]
        if rest and rest[0].text == ",":  # a description set off by commas before the verb
            close = next((i for i, t in enumerate(rest[1:_APPOSITIVE_MAX + 2], 1) if t.text == ","), None)
            if close is None or any(inside(t, quote_spans) and t.pos_ == "VERB" for t in rest[:close]):
                return None
            rest = rest[close + 1:]
        if not rest or not speech(rest[0]):
            return None
    run = [t for t in run if not inside(t, quote_spans)]
    while run and (run[-1].is_punct or run[-1].pos_ == "PART"):
        run = run[:-1]
    return run if run and run[-1].pos_ in {"NOUN", "PROPN", "ADJ"} else None


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

        def skip(pp, a):  # a name inside a quote never speaks it (in this paragraph or one before)
            return 1 <= pp <= len(all_spans) and any(x <= a < y for x, y in all_spans[pp - 1])

        def resolve(token):
            """(name, key) for a candidate token; None to try the next one; False when the speaker is unknown."""
            if token.idx < dateline or inside(token, spans):
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
                    return subject_text(*group, 0), None
            if low in speakers.GROUP_PRONOUNS:
                return last_speaker if last_speaker[1] and not last_speaker[1].startswith("person:") else False
            entity = article.entity_at(p_index, token.idx, token.idx + len(token.text))
            if entity is None and token.dep_ == "appos":  # "X, a historian who wrote …": the historian is X
                entity = article.entity_at(p_index, token.head.idx, token.head.idx + len(token.head.text))
            if entity is None:  # "the foreign minister, Jonas Weller, said": the person named in apposition
                entity = next((e for c in _appositions(token) if not inside(c, spans)
                               for t in c.subtree if own_words(t, c)
                               for e in [article.entity_at(p_index, t.idx, t.idx + len(t.text))]
                               if e is not None and e["type"] == "person"), None)
            if entity is None:  # the head may sit after a title ("Chief US negotiator James DeHart")
                entity = next((e for t in token.subtree if own_words(t, token) and not inside(t, spans)
                               and not _possessor(t, token)
                               for e in [article.entity_at(p_index, t.idx, t.idx + len(t.text))]
                               if e is not None and e["type"] == "person"), None)
            if entity is not None and entity["type"] == "place" and not (
                    token.dep_ == "nsubj" and speakers.is_speech_verb(token.head)):
                # a place speaks only as a speech verb's own subject ("Tarsk warned"), never as a word near the
                # attribution ("in Tarsk, Ohio, Reyes said", a title's state): the next candidate
                return None
            if entity is not None:
                return entity["name"], f"{entity['type']}:{entity['name']}"
            author = speakers.author_of(token)  # "a statement from the campaign", "the report by the committee"
            if author is not None:
                return resolve(author)
            if token.pos_ == "PROPN" and token.ent_type_ not in _NOT_NAMES and not speakers.is_document(token):
                return subject_text(token, spans, dateline), None  # a name the model did not tag: "said Lind"
            if speakers.is_agent_noun(token):
                body = article.body_named(p_index, token)  # "the ministry" after "the Foreign Ministry"
                if body is not None:
                    return body["name"], f"organization:{body['name']}"
                return subject_text(token, spans, dateline), None
            return None

        def resolve_run(run):
            """(name, key) for the words of an adjacent attribution, or None."""
            entity = next((e for t in reversed(run) for e in [article.entity_at(p_index, t.idx, t.idx + len(t.text))]
                           if e is not None and e["type"] in {"person", "organization"}), None)
            if entity is not None:
                return entity["name"], f"{entity['type']}:{entity['name']}"
            head = run[-1]
            words = [t for t in run if t.pos_ != "DET" and t.tag_ != "PRP$"]
            if any(t.idx < dateline for t in run) or not words:
                return None
            if _AGE.fullmatch("".join(t.text for t in words)):
                return doc[words[0].i:head.i + 1].text, None  # "said the 46-year-old"
            if head.pos_ == "PROPN" or head.pos_ == "NOUN" and head.is_title and not head.is_sent_start:
                if head.ent_type_ in _NOT_NAMES or speakers.is_document(head):
                    return None
                return doc[words[0].i:head.i + 1].text, None  # a name the model took for a common noun
            return resolve(head) or None

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
            # A quote of several sentences is attributed after its last one ('"… . …," X said'): look as far as
            # the end of the sentence that holds its closing mark.
            last = locate.at(p_index, min(group[-1][1], len(paragraph) - 1)) or locate.at(p_index, group[-1][1] - 1)
            c_hi = max(s_hi, last.offset + len(last.text)) if last is not None else s_hi
            found, attributed = None, False
            for token in _candidates(doc, spans, s_lo, c_hi, group, partial):
                attributed = True
                if token is GOVERNED:
                    found = False  # its subject is no one who speaks ("the report said it was 'flawed'")
                    break
                found = resolve(token)
                if found is not None:
                    break
            tail = _attribution_tail(doc, paragraph, p_index, group, spans, c_hi, locate) if not attributed else None
            if tail is not None:  # '"Why now?" Ines Maro asked.': the splitter ended the sentence at the "?"
                for token in _candidates(doc, spans, tail.offset, tail.offset + len(tail.text), group, False):
                    if token is GOVERNED:
                        break
                    attributed = True
                    found = resolve(token)
                    if found is not None:
                        break
            if not found and first[0] - 1 <= s_lo + 1:  # '"…," Hannity said', '"…," X, 70, told …': a bare attribution the parse missed
                run = _adjacent_attribution(doc, spans, group, tail.offset + len(tail.text) if tail else c_hi)
                named = resolve_run(run) if run else None
                if named:
                    found, attributed = named, True
            if not attributed and group[-1][1] < len(paragraph):
                # '"…" — Ines Maro (@imaro)', '"…," - Ines Maro, a pilot': a name signed after a dash
                dash = _DASH_AFTER.match(paragraph, group[-1][1] + 1)
                entity = article.entity_at(p_index, dash.end(), dash.end() + 1) if dash else None
                if entity is not None and entity["type"] in {"person", "organization"}:
                    found, attributed = (entity["name"], f"{entity['type']}:{entity['name']}"), True
            name, key = found or (None, None)
            at_start = not partial and first[0] - 1 <= s_lo + 1 and _words_outside(sentence, group, s_lo) <= 3
            if not found and not attributed and at_start:
                # No attribution of its own: it continues the quote just before it (this paragraph, or the one
                # before when this paragraph opens with it), or speaks for the subject of the paragraph before,
                # unless that paragraph introduces it with a colon ("The e-mail read:", a transcript, a document):
                # then only a person or body who "said:" it is its speaker.
                introduced = p_index > 1 and paragraphs[p_index - 2].rstrip().endswith(":")
                # A question closing the paragraph before is answered, not continued, by the next paragraph's quote.
                asked = paragraphs[last_quote_end[0] - 1][:last_quote_end[1]].rstrip(" \"”’'").endswith("?")
                if last_quote_paragraph == p_index or (last_quote_paragraph == p_index - 1 and s_lo <= dateline and not asked):
                    # … unless someone else became the subject in between: theirs when they were reported speaking
                    # ('… said Cruz. Bran disagreed. "…"'), unknown when they only acted ('Bran visited the port.')
                    other = article.subject_between(last_quote_end, (p_index, first[0]))
                    if other is None:
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


def as_dicts(quotes: list[Quote]) -> list[dict]:
    return [flat_dict(q) for q in quotes]
