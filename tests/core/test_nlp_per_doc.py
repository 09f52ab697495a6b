"""What the rules ask of a Doc again and again (its text, entities, character spans) is made once and let go of."""

from __future__ import annotations

from newsreader.core import annotate, nlp
from newsreader.core.text.rawformat import parse

PARAGRAPHS = [
    "Mirela Vantu, who chairs the Oskarvale Rowing Club, said on Tuesday that the regatta would move to Lake Tessly.",
    "The club's treasurer, Pavo Drennick, expects 400 rowers in June, twice as many as last year.",
]


def _docs():
    return list(nlp.load().pipe(PARAGRAPHS))


def test_the_text_entities_and_spans_are_spacys_own_made_once():
    nlp.forget_docs()
    doc = _docs()[0]
    assert nlp.text_of(doc) == doc.text == PARAGRAPHS[0]
    assert nlp.text_of(doc) is nlp.text_of(doc)
    assert [(e.start, e.end, e.label_) for e in nlp.ents_of(doc)] == [(e.start, e.end, e.label_) for e in doc.ents]
    assert nlp.ents_of(doc) is nlp.ents_of(doc)
    start = PARAGRAPHS[0].index("Tuesday")
    for begin, end in ((start, start + 7), (start + 2, start + 5), (start - 3, start + 3)):  # whole, inside, across
        span = nlp.expanded_span(doc, begin, end)
        assert (span.start, span.end) == (doc.char_span(begin, end, alignment_mode="expand").start,
                                          doc.char_span(begin, end, alignment_mode="expand").end)
        assert nlp.expanded_span(doc, begin, end) is span
    nlp.forget_docs()


def test_each_doc_has_its_own():
    nlp.forget_docs()
    first, second = _docs()
    assert (nlp.text_of(first), nlp.text_of(second)) == tuple(PARAGRAPHS)
    assert nlp.ents_of(first) != nlp.ents_of(second)
    nlp.forget_docs()


def test_an_article_lets_go_of_its_docs():
    article = parse(("Rowing regatta moves\nOskarvale Courier\nTuesday, 12 March 2024 9:00 AM\n"
                     + "\n".join(PARAGRAPHS) + "\n").encode(), "regatta.txt")
    nlp.forget_docs()
    record = annotate.annotate_one(article, _docs())
    assert record["entities"] and record["events"]
    assert not nlp._PER_DOC  # nothing of the article is kept for the next one


def test_never_more_docs_than_the_bound():
    nlp.forget_docs()
    tokenizer = nlp.load().make_doc
    docs = [tokenizer(f"Paragraph {n} of a long piece.") for n in range(nlp._PER_DOC_MAX + 5)]
    assert [nlp.text_of(doc) for doc in docs] == [doc.text for doc in docs]
    assert 0 < len(nlp._PER_DOC) <= nlp._PER_DOC_MAX
    nlp.forget_docs()
