"""Sentence splitting and the stable sentence ids that anchors and later features use."""

from __future__ import annotations

import pytest

from newsreader.core.sentences import number_sentences, split_sentences


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
