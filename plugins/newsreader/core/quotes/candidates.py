"""Which words of a quote's sentence may name its speaker, best first (the rules are in ``quotes/speakers.py``).

The subject of the speech verb the quote hangs on, "according to X", the other speech verbs' subjects, a name or
clause before a colon that introduces the quote, and for a partial quote the subject of the verb governing it.
The colon and the "as" clause after the quote are read in ``quotes/explicit.py``, the other speech verbs in
``quotes/verbs.py``.
"""

from __future__ import annotations

from . import speakers
from ..nlp import text_of
from .explicit import as_clause, colon_introducer
from .speakers import inside
from .verbs import other_speech_verbs

PARTIAL_MAX_WORDS = 3

# Verbs that characterise or judge in someone's words: a short quote under them is that someone's label.
CHARACTERISING = frozenset("""
    attribute blame praise criticise criticize slam blast hail dismiss reject label dub brand term deem tout
    denounce condemn decry defend laud mock ridicule deride portray characterise characterize depict cast view
    regard see consider accuse liken compare pledge threaten vow promise refer herald deride insult hammer attack
    rate use cry sum paint
    """.split())
# Verbs of thinking whose clause holds what their subject thinks: a quote in that clause is the thinker's words when
# the clause's own subject is no speaker ('X worried that the fund was becoming "a piggy bank for the rich"').
_THINKING = frozenset("""
    think believe feel worry fear hope expect suspect doubt know realize realise recognize recognise find conclude
    reckon guess suppose imagine assume hint intimate imply
    """.split())
_PREDICATES = frozenset({"attr", "acomp", "oprd"})
_MODIFIERS = frozenset({"amod", "compound", "nmod", "nummod", "poss"})
GOVERNED = object()  # marks the end of the governing speech verb's candidates


def _quoted(doc, span: tuple[int, int]) -> list:
    """The tokens that start inside a quote span."""
    return [t for t in doc.char_span(span[0], span[1], alignment_mode="expand") or () if span[0] <= t.idx < span[1]]


def _words(doc, group) -> list:
    """The words of a quote's first piece (its punctuation left out)."""
    return [t for t in _quoted(doc, group[0]) if not t.is_punct]


def _head(words):
    """The quote's own head: of its words in the sentence it opens in, the one nearest that sentence's root (a
    quote running on into another sentence hangs on the first one's verb)."""
    end = words[0].sent.end  # (``Token.sent`` walks the parse: asked once)
    return min((t for t in words if t.i < end), key=lambda t: len(list(t.ancestors)))


def _governing_speech_verb(doc, group):
    """The speech verb the quoted words hang on ('Tran called the plan "a good start"'), if any."""
    words = _words(doc, group)
    if not words:
        return None
    opening = words[0].i - 1
    while opening >= 0 and doc[opening].is_punct:
        opening -= 1
    before = text_of(doc)[:group[0][0] - 1].rstrip()
    # (also a speech verb right before a whole sentence in quotes, without a comma: 'a man yelled "Stay away!"')
    whole = words[0].text[:1].isupper() and words[0].i == opening + 2 and doc[opening].tag_ in {"VBD", "VBZ", "VBG"}
    if (opening >= 0 and (before.endswith(",") or whole) and speakers.is_speech_verb(doc[opening])
            and doc[opening].lemma_.lower() not in {"quote", "cite"} and not inside(doc[opening], [group[0]])):
        # ('and I quote, "…"' cites someone else's words)
        return doc[opening]  # 'When X shouted, "…," Y joked': the verb that introduces the words, whatever the parse
    root = _head(words)
    verb = next((a for a in root.ancestors if speakers.is_speech_verb(a) and not inside(a, [group[0]])), None)
    if verb is not None and any(a.dep_ == "conj" and a.head.i == verb.i and any(c.dep_ == "nsubj" for c in a.children)
                                for a in (root, *root.ancestors)):
        verb = None  # a clause with a subject of its own joined to the speech verb ('Maro mentioned the lifeboat
        # crew, and later the dockers started the chant "…"': the dockers', not Maro's)
    # 'X said officials were calling "every hour"': the one who reports the speech is the attribution (not for
    # words the verb introduces after a comma: in 'When X shouted, "…," Y joked, "Amen!"' Y speaks)
    introduced = before.endswith((",", ":"))
    # (not past a speech verb the quote's closing comma sets off: in 'Berg cannot say that "…," Lind added' the
    # parse hangs Lind's verb under Berg's, but Lind speaks)
    closing = verb is not None and verb.idx >= group[0][1] and (
        text_of(doc)[group[0][0]:group[0][1]].rstrip().endswith(",") or text_of(doc)[group[0][1]:group[0][1] + 2][1:] == ",")
    while (not introduced and not closing and verb is not None and verb.dep_ == "ccomp" and speakers.is_speech_verb(verb.head)
           and not inside(verb.head, [group[0]])):
        verb = verb.head
    if not introduced and verb is not None and verb.dep_ == "relcl":
        # 'Nothing the mayor said "will calm anyone," the senator said': the relative clause says what the words are
        # about; the speech verb its noun hangs on reports them
        # after the quote (the 'the senator said' that closes the sentence)
        verb = next((a for a in verb.head.ancestors if speakers.is_speech_verb(a) and a.idx >= group[-1][1]), verb)
    return verb



def _owner(noun, group):
    """The owner of a noun for something said ("X's promise"), or None."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in speakers.SAYING_NOUNS:
        return None
    return next((c for c in noun.children if c.dep_ == "poss" and not inside(c, [group[0]])), None)


def _owner_of_saying(doc, group, partial: bool):
    """The owner of a noun for something said that a quote sits in: a partial quote in the phrase ('X's promise
    of "…"', 'X's "…" remark') or in the clause it holds ('X's warning that the town would go to the "back of the
    line"'); any quote that such a noun is said to be ('X's slogan was "…"', 'X's answer was that "…"'). None
    without one."""
    words = _words(doc, group)
    if not words:
        return None
    root = _head(words)
    if root.dep_ in _MODIFIERS and root.head.pos_ in {"NOUN", "PROPN"} and not inside(root.head, [group[0]]):
        # 'X's "…" remark'; a label modifying another noun ('X's claim that the "Fresh Start" plan failed') is a name
        return _owner(root.head, group) if partial else None
    for ancestor in root.ancestors:
        if inside(ancestor, [group[0]]):
            continue
        if ancestor.pos_ in {"VERB", "AUX"}:
            if ancestor.lemma_.lower() == "be":  # 'X's slogan is "…"', 'X's answer was that "…"'
                owner = next((o for c in ancestor.children if c.dep_ == "nsubj" and not inside(c, [group[0]])
                              for o in [_owner(c, group)] if o is not None), None)
                if owner is not None:
                    return owner  # (else, 'X's claim that there were "…"': the clause the noun holds, below)
            if partial and ancestor.dep_ in {"acl", "ccomp"} and ancestor.head.i != ancestor.i:
                return _owner(ancestor.head, group)  # 'X's warning that …': the clause the noun holds
            return None
        if partial and (owner := _owner(ancestor, group)) is not None:
            return owner
        if ancestor.pos_ == "NOUN" and ancestor.lemma_.lower() in speakers.SAYING_NOUNS:
            return None
    return None


def _own_description(doc, span, words):
    """The main verb of which a short partial quote reads as the subject's own description rather than a name or
    label: lower-case, right after that verb or its preposition ('supports "modest fare rises"', 'pushed for
    "slower growth"'), not after an article or a possessive ('the "green deal"', 'her "fair deal" plan'); the
    verb heads its sentence (a clause hung on another is someone else's report). None otherwise."""
    if not words[0].text[:1].islower():
        return None
    before = [t for t in doc[:words[0].i] if not t.is_punct and t.idx < span[0] - 1]
    if not before or before[-1].i != words[0].i - 2 or before[-1].pos_ not in {"VERB", "ADP"}:
        return None
    verb = before[-1] if before[-1].pos_ == "VERB" else before[-1].head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return before[-1] if verb.pos_ == "VERB" and verb.dep_ == "ROOT" else None


def _parenthetical(doc, quote_spans, lo: int, group):
    """The speaker of an attribution set off by commas inside the sentence, before the quote ('The board, Maro
    said, called it "…"', 'Reyes, a close aide said, "is …"'): the last word of the noun phrase between the comma
    and the speech verb that a comma follows; None otherwise."""
    for verb in (doc.char_span(lo, group[0][0], alignment_mode="expand") or ()) if lo < group[0][0] else ():
        if (verb.idx >= group[0][0] - 1 or verb.i + 1 >= len(doc) or doc[verb.i + 1].text != ","
                or not speakers.is_speech_verb(verb) or inside(verb, quote_spans)):
            continue
        at = verb.i - 1
        while at >= 0 and doc[at].idx > lo and doc[at].pos_ in {"DET", "ADJ", "NOUN", "PROPN"}:
            at -= 1
        if at >= 0 and at < verb.i - 1 and doc[at].text == "," and doc[at].idx > lo and doc[verb.i - 1].pos_ in {
                "NOUN", "PROPN"}:
            return doc[verb.i - 1]
    return None


def _pronoun_says(verb, outside) -> bool:
    """Whether a speech verb's subject is "he" or "she"."""
    subject = speakers.subject_of(verb, outside)
    return subject is not None and subject.lower_ in speakers.PERSON_PRONOUNS


def _says_before_colon(doc, introducer, group) -> bool:
    """Whether the colon right before the quote closes a speech verb whose subject is ``introducer`` (past adverbs
    and particles: 'Kell fired back:')."""
    if introducer is None:
        return False
    before = [t for t in doc if introducer.i < t.i and t.idx < group[0][0] - 1 and not t.is_punct]
    while before and before[-1].pos_ in {"ADV", "PART", "ADP"} and before[-1].dep_ in {"advmod", "prt", "neg"}:
        before.pop()
    return bool(before) and speakers.is_speech_verb(before[-1]) and (
        (subject := speakers.subject_of(before[-1])) is not None and subject.i == introducer.i)


def candidates(doc, quote_spans, lo: int, hi: int, group, partial: bool):
    """Tokens that may name the speaker, best first: "according to X", the subject of the speech verb the quote
    hangs on, the other speech verbs' subjects, the governing verb's."""
    def unquoted(t) -> bool:
        return not inside(t, quote_spans)

    outside = [t for t in doc.char_span(lo, hi, alignment_mode="expand") or () if unquoted(t)]
    said = text_of(doc)[group[0][0]:group[-1][1]].strip(" \"“”'’")  # (a short sentence after a colon: 'yelled: "Liar!"')
    whole = said[:1].isupper() and said.endswith(("!", "?", "."))
    introducer = colon_introducer(doc, quote_spans, lo, group) if not partial or whole else None
    between = text_of(doc)[introducer.idx + len(introducer.text):group[0][0] - 1].strip() if introducer is not None else ""
    parenthetical = _parenthetical(doc, quote_spans, lo, group)
    if parenthetical is not None:  # 'The board, Maro said, called it "…"': Maro, whatever the parse
        yield parenthetical
    governing = _governing_speech_verb(doc, group)
    according = any(t.lower_ == "according" for t in outside)
    if between == ":" or between.startswith("(") and between.endswith(":") or (
            not according and (governing is None or governing.idx < group[0][0] or _pronoun_says(governing, unquoted))
            and _says_before_colon(doc, introducer, group)):
        # the name right before the colon ('Pollsters agree - Ines Maro: "…"'), the subject of the speech verb right
        # before it ('Osei said as a heckler yelled: "…"', 'Kell fired back: "…"'): before the verb the quote hangs on
        # (not before "according to X" or an attribution after the quote: 'X said: "…," the Courier reported'; a
        # "he wrote" that splits the quote is the one the colon names: 'Kell hit back: "…," he wrote, "…"')
        yield introducer
    aside = as_clause(doc, quote_spans, group)
    if aside is not None:  # '… is a "proven local need," as the board's memo put it': before the verb the quote
        yield aside  # hangs on ('X echoed her worries because the test is "…," as the memo put it': the memo)
    if governing is not None and not according:
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
    if introducer is not None:  # 'Ines Maro: "…"', 'The minister went further: "…"': before the sentence's other
        # speech verbs ('When X suggested …, Y fired back: "…"': Y)
        yield introducer
    yield from other_speech_verbs(doc, outside, quote_spans, group, unquoted)
    owner = _owner_of_saying(doc, group, partial)
    if owner is not None:  # 'Storr's promise of "free ferries"': the promise's owner, before the verb's subject
        yield owner  # ('Storr's warning that the town would go to the "back of the line"': not the town)
    if partial and governing is None:  # "Jeong attributed … to a 'considerable gap'", "described as 'a genius' by X"
        quoted = _quoted(doc, group[0])
        words = [t for t in quoted if not t.is_punct]
        root = _head(words) if words else None
        if root is not None and root.dep_ in _MODIFIERS and root.head.pos_ in {"NOUN", "PROPN"} and not inside(root.head, [group[0]]):
            quoted = []  # a label modifying a noun ('her "fair deal" plan'): no one's words by this rule
        short = len(words) <= PARTIAL_MAX_WORDS
        described = _own_description(doc, group[0], words) if short and words else None
        # a short quote that is what a clause says its subject is, under a verb of thinking ('X thinks the plan is
        # "reckless"'): the thinker's judgement, as under a verb that characterises
        judged = root is not None and root.dep_ in _PREDICATES and root.head.dep_ == "ccomp"
        # a short quote that is what a verb's object is taken "as" ('admires the mayor as a "true captain"'): the
        # verb's subject's label, as under a verb that characterises
        labelled = (root is not None and root.dep_ == "pobj" and root.head.lower_ == "as"
                    and any(c.dep_ == "dobj" for c in root.head.head.children))
        for ancestor in [*quoted[:1], *(quoted[0].ancestors if quoted else ())]:
            if ancestor.pos_ in {"VERB", "AUX"} and not inside(ancestor, [group[0]]):
                lemma = ancestor.lemma_.lower()
                if short and (lemma == "be" or ancestor.dep_ == "pcomp" and ancestor.head.lower_ in {"for", "as"}
                              and words[0].text[:1].islower()):
                    continue  # 'defended his remarks as being "…"', 'criticised X for making "rude remarks"': the
                    # verb above characterises (a capitalised name under 'for backing "Fresh Start"' is no one's words)
                if short and lemma not in CHARACTERISING and not (
                        described is not None and described.i in {ancestor.i, *(c.i for c in ancestor.children)}) and not (
                        judged and lemma in _THINKING and root.head.head.i == ancestor.i) and not (
                        labelled and root.head.head.i == ancestor.i):
                    break  # a two- or three-word label under a verb that says nothing ('backed the "green deal"')
                thinker = ancestor.head
                if (ancestor.dep_ == "ccomp" and thinker.i != ancestor.i and thinker.lemma_.lower() in _THINKING
                        and lemma not in CHARACTERISING):
                    # 'X worried that officials were becoming "too cosy with the banks"': the one who thinks it,
                    # not the clause's subject (who does something, and says nothing)
                    subject = speakers.subject_of(thinker, unquoted)
                    if subject is not None:
                        yield subject
                        break
                subject = speakers.subject_of(ancestor, unquoted)
                if subject is not None:
                    yield subject
                    break
    # a speech verb whose clause ends before the quote with a quote of its own, last (when nothing else attributes it)
    yield from other_speech_verbs(doc, outside, quote_spans, group, unquoted, deferred=True)

def main_subject(doc, quote_spans, group):
    """For a lower-case phrase in quotes that no verb attributes ('X closed with a plea for the board to "welcome"
    the plan'), the named person or body who is its sentence's main subject, when the phrase sits in the main
    clause (not in a clause of its own), names nothing (not after an article or a possessive) and modifies no
    noun; None otherwise."""
    words = _words(doc, group)
    if not words or not words[0].text[:1].islower():
        return None
    root = _head(words)
    before = next((t for t in reversed(doc[:words[0].i]) if not t.is_punct), None)
    if before is not None and (before.pos_ == "DET" or before.tag_ in {"PRP$", "POS"}):
        return None  # 'backed the "green deal"', 'her "fair deal"': a named thing, not words someone said
    links = [t for t in words if not inside(t.head, [group[0]])]  # the words that hang on words outside the quote
    if all(t.dep_ in _MODIFIERS | {"det"} and t.head.pos_ in {"NOUN", "PROPN"} for t in links):
        return None  # a label modifying a noun ('the "green deal" plan', 'a "no stopping" zone'): a name, no words
    chain = [a for a in root.ancestors if not inside(a, [group[0]])]
    if not chain or any(a.dep_ in {"relcl", "acl", "ccomp", "csubj", "advcl"} for a in chain[:-1]):
        return None
    main = chain[-1]
    if main.pos_ not in {"VERB", "AUX"} or main.dep_ != "ROOT":
        return None
    subject = speakers.subject_of(main, lambda t: not inside(t, quote_spans))
    if subject is None or not (subject.ent_type_ in {"PERSON", "ORG"} or subject.lower_ in speakers.PERSON_PRONOUNS):
        return None
    return subject
