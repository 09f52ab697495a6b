"""Sentence splitting and the stable sentence ids that anchors and later features use."""

from __future__ import annotations

import pytest

from newsreader.core.text.sentences import number_sentences, sentence_spans, split_sentences


@pytest.mark.parametrize(
    "paragraph, expected",
    [
        ("One. Two! Three? Four.", ["One.", "Two!", "Three?", "Four."]),
        ("Mr. Smith met Dr. Jones on Nov. 19 in St. Louis. They talked.", ["Mr. Smith met Dr. Jones on Nov. 19 in St. Louis.", "They talked."]),
        ("The U.S. Army left. The talks ended.", ["The U.S. Army left.", "The talks ended."]),
        ("Troops stayed in the U.S. The talks ended.", ["Troops stayed in the U.S.", "The talks ended."]),
        ("James J. DeHart spoke. He left.", ["James J. DeHart spoke.", "He left."]),
        ('"We will stay," she said. "Then we go."', ['"We will stay," she said.', '"Then we go."']),
        ("He said “it is over.” Then he left.", ["He said “it is over.”", "Then he left."]),
        ("Growth was 3.5 per cent. Prices rose.", ["Growth was 3.5 per cent.", "Prices rose."]),
        ("no capital after this. so one sentence", ["no capital after this. so one sentence"]),
        ("It ended (finally.) New talks begin.", ["It ended (finally.)", "New talks begin."]),
    ],
)
def test_split(paragraph, expected):
    assert [s.strip() for s in split_sentences(paragraph)] == expected


def test_pieces_rejoin_to_the_paragraph():
    paragraph = 'First one. "Second," he said. Third? Fourth!'
    assert " ".join(split_sentences(paragraph)) == paragraph


def test_ids_run_across_paragraphs_in_reading_order():
    sentences = number_sentences(["A one. A two.", "B one."])
    assert [(s.id, s.paragraph, s.text) for s in sentences] == [
        ("s1", 1, "A one."), ("s2", 1, "A two."), ("s3", 2, "B one."),
    ]


def test_ids_are_stable_for_unchanged_text():
    paragraphs = ["Alpha beta. Gamma delta.", "Epsilon."]
    assert number_sentences(paragraphs) == number_sentences(list(paragraphs))


# Tricky pieces (abbreviations, initials, dotted acronyms, quotes, ellipses, odd spacing) in random but fixed order.
_PIECES = ["Mr.", "Dr.", "U.S.", "J.", "St.", "Nov.", "3.5", "said.", "said!", "why?", "wait…", "(finally.)",
           "\"quoted.\"", "“curly.”", "'single.'", "The", "the", "He", "it", "Talks", "ended", "in", "Lisbon.",
           "no.", "etc.", "A.B.C.", "e.g.", "...", "?!", "9", "42.", "Co.", "Ltd.", "Inc.", "and", "Then", "x.",
           "«Bonjour.»", "[note.]", "I", "She", "2019.", "  ", "\t"]


def test_boundaries_are_those_of_the_earlier_splitter():
    """The spans of 400 generated paragraphs hash to what the splitter gave before it was made linear."""
    import hashlib
    import json
    import random

    rng = random.Random(12)
    paragraphs = [" ".join(rng.choice(_PIECES) for _ in range(rng.randint(3, 120))) for _ in range(400)]
    spans = [sentence_spans(p) for p in paragraphs]
    assert sum(map(len, spans)) == 4803
    assert hashlib.sha256(json.dumps(spans).encode()).hexdigest() == (
        "e5f3d2a02104bfdb8629bd42061ebfbcce0f2b2fc85f5e4f0d576317c6dfce31")


def _best_time(paragraph: str) -> float:
    import time

    best = float("inf")
    for _ in range(9):
        started = time.perf_counter()
        sentence_spans(paragraph)
        best = min(best, time.perf_counter() - started)
    return best


@pytest.mark.parametrize("sentence", [
    "Officials in Lisbon said the Harbour Board set aside 42 million dollars. Mr. Veress of the U.S. Army met Dr. Arada on Nov. 19. ",
    "Wordswithoutanyspace" * 3 + ".!?" * 20 + " ",
])
def test_splitting_is_linear_in_paragraph_length(sentence):
    """Ten times the text takes about ten times as long (a re-scan from the paragraph's start made it 100 times)."""
    small = (sentence * (20_000 // len(sentence) + 1))[:20_000]
    large = (sentence * (200_000 // len(sentence) + 1))[:200_000]
    assert len(sentence_spans(large)) >= 9 * len(sentence_spans(small))
    assert _best_time(large) < 50 * _best_time(small)  # 100 times or more when quadratic
