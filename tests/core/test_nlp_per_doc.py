"""What the rules ask of a Doc again and again (its text, entities, character spans) is made once while an article
is annotated, and let go of after it."""

from __future__ import annotations

from newsreader.core import annotate, nlp
from newsreader.core.text.rawformat import parse

PARAGRAPHS = [
    "Mirela Vantu, who chairs the Oskarvale Rowing Club, said on Tuesday that the regatta would move to Lake Tessly.",
    "The club's treasurer, Pavo Drennick, expects 400 rowers in June, twice as many as last year.",
]


def _docs():
    return list(nlp.load().pipe(PARAGRAPHS))


def _spans(ents):
    return [(e.start, e.end, e.label_) for e in ents]


def test_while_an_article_is_annotated_each_answer_is_spacys_own_made_once():
    doc, other = _docs()
    start = PARAGRAPHS[0].index("Tuesday")
    with nlp.docs_remembered():
        assert nlp.text_of(doc) == doc.text == PARAGRAPHS[0] and nlp.text_of(other) == PARAGRAPHS[1]
        assert nlp.text_of(doc) is nlp.text_of(doc)
        assert _spans(nlp.ents_of(doc)) == _spans(doc.ents) and _spans(nlp.ents_of(other)) == _spans(other.ents)
        assert nlp.ents_of(doc) is nlp.ents_of(doc)
        for begin, end in ((start, start + 7), (start + 2, start + 5), (start - 3, start + 3)):  # whole, in, across
            span = nlp.expanded_span(doc, begin, end)
            expected = doc.char_span(begin, end, alignment_mode="expand")
            assert (span.start, span.end) == (expected.start, expected.end)
            assert nlp.expanded_span(doc, begin, end) is span
    assert nlp._PER_DOC is None


def test_outside_an_article_nothing_is_remembered():
    doc = _docs()[0]
    first = nlp.ents_of(doc)
    assert first is not nlp.ents_of(doc) and _spans(first) == _spans(doc.ents)
    doc.ents = []  # a Doc changed between two calls (tests do): the new entities
    assert nlp.ents_of(doc) == () and nlp.text_of(doc) == PARAGRAPHS[0]
    assert nlp._PER_DOC is None


def test_an_article_lets_go_of_its_docs():
    article = parse(("Rowing regatta moves\nOskarvale Courier\nTuesday, 12 March 2024 9:00 AM\n"
                     + "\n".join(PARAGRAPHS) + "\n").encode(), "regatta.txt")
    seen = []
    real = nlp._remembered

    def made(doc, key, make):
        seen.append(nlp._PER_DOC is not None)
        return real(doc, key, make)

    try:
        nlp._remembered = made
        record = annotate.annotate_one(article, _docs())
    finally:
        nlp._remembered = real
    assert record["entities"] and record["events"]
    assert seen and all(seen)  # remembered while the rules ran…
    assert nlp._PER_DOC is None  # …and nothing of the article kept for the next one
