"""Huge texts: parsed in pieces (bounded model memory, no spaCy length error) or, past a limit, not annotated."""

from __future__ import annotations

import random

import pytest

import synthetic
from newsreader.core import annotate, nlp
from newsreader.core.annotate import _annotate_batch
from newsreader.core.text.rawformat import parse
from newsreader.core.text.sentences import SentenceLocator, number_sentences


def _paragraph(chars: int, seed: int = 5) -> str:
    rng = random.Random(seed)
    text = ""
    while len(text) < chars:
        text += synthetic._sentence(rng) + " "
    return text.strip()


def test_pieces_join_back_and_stay_under_the_limit():
    text = _paragraph(60_000)
    parts = nlp.pieces(text, limit=5_000)
    assert "".join(parts) == text and len(parts) >= 12
    assert all(len(p) <= 5_000 for p in parts)
    starts = {s.offset for s in number_sentences([text])}
    assert all(sum(map(len, parts[:i])) in starts for i in range(1, len(parts)))  # cut where sentences start
    assert nlp.pieces("short text", limit=5_000) == ["short text"]


def test_a_sentence_without_breaks_is_cut_after_a_space_or_anywhere():
    assert nlp.pieces("ab cd ef gh", limit=4) == ["ab ", "cd ", "ef ", "gh"]
    assert nlp.pieces("x" * 10, limit=4) == ["xxxx", "xxxx", "xx"]


def test_a_long_paragraph_is_parsed_in_pieces_into_one_doc(monkeypatch):
    text = _paragraph(3_000)
    monkeypatch.setattr(nlp, "PIECE_CHARS", 1_000)
    (doc,) = nlp.parse_paragraphs([text])
    assert doc.text == text
    assert len(list(doc.sents)) >= 3 and doc.ents
    assert {e.label_ for e in doc.ents} & {"PERSON", "GPE", "ORG"}


def test_a_paragraph_over_spacys_own_limit_is_parsed(monkeypatch):
    """spaCy refuses a text past ``max_length`` (E088; 1,000,000 by default, lowered here to keep the test fast)."""
    text = _paragraph(30_000)
    monkeypatch.setattr(nlp.load(), "max_length", 20_000)
    with pytest.raises(ValueError, match="E088"):
        nlp.load()(text)
    (doc,) = nlp.parse_paragraphs([text])
    assert doc.text == text and len(doc) > 5_000


def test_an_article_past_the_limit_is_not_parsed_and_says_why(monkeypatch):
    big = parse(f"Synthetic big\nSynthetic Wire\n3 May 2021\n{_paragraph(annotate.MAX_CHARS + 10)}\n".encode(), "big.txt")
    small = parse(b"Synthetic small\nSynthetic Wire\n3 May 2021\nAlma Veress spoke in Lisbon on Monday.\n", "small.txt")
    parsed = []
    real = nlp.parse_paragraphs
    monkeypatch.setattr(nlp, "parse_paragraphs", lambda texts: parsed.extend(texts) or real(texts))
    big_result, small_result = _annotate_batch([big, small])
    assert parsed == small.paragraphs
    assert big_result["entities"] == [] and "too long to annotate" in big_result["error"]
    assert "error" not in small_result and small_result["entities"]


@pytest.mark.parametrize("offset, expected", [(0, "s1"), (5, "s1"), (8, None), (9, None), (10, "s2"), (17, "s3"), (99, None)])
def test_sentence_locator(offset, expected):
    sentences = number_sentences(["One two.  Three. Four five."])
    found = SentenceLocator(sentences).at(1, offset)
    assert (found.id if found else None) == expected
