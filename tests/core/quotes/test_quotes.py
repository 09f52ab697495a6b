"""Quotations and their speakers, on the seed and on quotation patterns written for the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SEED_DIR
from newsreader.core import nlp as nlp_module
from newsreader.core.annotate import annotate_one
from newsreader.core.quotes.extract import find_quote_spans
from newsreader.core.text.rawformat import parse

from conftest import FIXTURES  # noqa: E402


@pytest.fixture(scope="session")
def nlp():
    return nlp_module.load()


def quotes_of(path: Path, nlp) -> list[dict]:
    article = parse(path.read_bytes(), str(path))
    return annotate_one(article, list(nlp.pipe(article.paragraphs)))["quotes"]


def quotes_in(paragraphs: list[str], nlp) -> list[dict]:
    body = "\n".join(paragraphs)
    article = parse(f"Fixture headline\nFixture Wire\n5 March 2020\n{body}\n".encode(), "fixture.txt")
    return annotate_one(article, list(nlp.pipe(article.paragraphs)))["quotes"]


def test_seed_quotes_and_speakers(nlp):
    found = [(q["sentence"], q["speaker_name"], q["partial"], q["text"][:30]) for q in quotes_of(SEED_DIR / "000_29d63d47178ef691.txt", nlp)]
    assert ("s3", "Foreign Ministry (South Korea)", False, "Our position is that it should") in found
    assert ("s4", "Foreign Ministry (South Korea)", False, "The US believes that the share") in found  # the statement continues
    assert ("s7", "James DeHart", True, "give the Korean side some time") in found
    assert ("s8", "James DeHart", False, "Unfortunately, the proposals t") in found  # "he said"
    assert ("s9", "Jeong Eun-bo", True, "considerable gap") in found
    assert ("s11", "ruling party lawmakers", True, "refuse to ratify any excessive") in found
    assert len(found) == 6


def test_fixture_patterns(nlp):
    quotes = quotes_of(FIXTURES / "quotes_a.txt", nlp)
    found = {start: next(q for q in quotes if q["text"].startswith(start)) for start in (
        "We will not sell the port", "The harbour belongs to the", "Anyone who says otherwise ",
        "the grid cannot carry the ", "Talks are over for now", "historic mistake", "Nobody will win this")}
    split = found["We will not sell the port"]
    assert split["speaker_name"] == "Alma Veress" and "… not this year" in split["text"]  # split by "she said"
    assert found["The harbour belongs to the"]["speaker_name"] == "Alma Veress"  # quote runs on past the paragraph
    assert found["Anyone who says otherwise "]["speaker_name"] == "Alma Veress"  # surname + "added"
    assert found["the grid cannot carry the "]["speaker_name"] == "Keiko Arada"  # according to
    assert found["Talks are over for now"]["speaker_name"] == "Harbour Authority"  # an institution
    assert found["historic mistake"]["partial"] is True  # curly single quotes
    assert found["Nobody will win this"]["speaker_name"] is None  # unknown is said, not guessed


def test_pronoun_goes_to_the_most_recent_person_speaker(nlp):
    quotes = quotes_in([
        "Defence Secretary Marta Kovač met Olga Petrenko in Tbilisi on Monday.",
        "\"We are close to a deal,\" Kovač told reporters.",
        "\"Nothing is signed yet,\" she said.",
    ], nlp)
    assert [q["speaker_name"] for q in quotes] == ["Marta Kovač", "Marta Kovač"]


def test_a_quote_paragraph_after_a_paragraph_naming_the_speaker(nlp):
    quotes = quotes_in([
        "Union leader Jonas Reiter addressed the crowd outside the depot.",
        "\u201cWe are not going anywhere until the contracts are signed.\u201d",
    ], nlp)
    assert quotes[0]["speaker_name"] == "Jonas Reiter" and quotes[0]["partial"] is False


def test_unknown_speaker_without_context(nlp):
    quotes = quotes_in(["\"The lights went out at midnight.\"", "The city was quiet."], nlp)
    assert quotes[0]["speaker_name"] is None


def test_quote_marks_and_apostrophes():
    assert find_quote_spans("It's the 'final offer', said the union's chief.") == [(10, 21)]
    assert find_quote_spans("“Open” and \"closed\"") == [(1, 5), (12, 18)]
    assert find_quote_spans("\"Left open to the end") == [(1, 21)]
    assert find_quote_spans("Rock 'n' roll and the 90's") == []


def test_a_nickname_inside_a_name_is_no_quote():
    def quoted(text):
        return [text[a:b] for a, b in find_quote_spans(text)]

    assert quoted('Rep. Robert T. "Bobby" Quill opened his farm to voters.') == []
    assert quoted("State Del. Ana \u201cNan\u201d Duarte thanked the crowd.") == []
    assert quoted('The boxer Dwight "The Hammer" Ruud retired.') == []
    assert quoted('Voters chose "Yes" Friday, and Quill said "Fine" Ana agreed.') == ["Yes", "Fine"]  # no name before
    assert quoted('Quill said, "Done." Then he left.') == ["Done."]
    assert quoted("Ana Duarte Explains Why She Felt \u201cAdrift\u201d As A Girl") == ["Adrift"]  # a headline


def test_a_programme_s_title_is_no_quote_but_an_authored_title_or_a_chant_is():
    def quoted(text):
        return [text[a:b] for a, b in find_quote_spans(text)]

    assert quoted('On "Harbour Hour," Quill said the fares would fall.') == []
    assert quoted('Quill told a broadcast of "The Quay Tonight" that he would run.') == []
    assert quoted('Quill released a memo titled "Why The Ferry Matters."') == ["Why The Ferry Matters."]
    assert quoted('The hall rang with chants of "Quill! Quill!"') == ["Quill! Quill!"]
    assert quoted('He insisted on "a fair deal" for the crews.') == ["a fair deal"]  # no title: lower case


def test_an_elided_word_or_a_decade_opens_no_single_quote():
    """Copy sets "‘bout", "‘til" or "the ‘90s" with an opening mark; paired with a later apostrophe ("owners’") it
    made a quote across the real one, which lost its words and its speaker."""
    def quoted(text):
        return [text[a:b] for a, b in find_quote_spans(text)]

    text = "And what \u2018bout the banner, which stings the council: \u201cFares double as owners\u2019 profits climb.\u201d"
    assert quoted(text) == ["Fares double as owners\u2019 profits climb."]
    text = "They sang \u2018til dawn, and the dockers\u2019 union said \u201cwe are not moving\u201d later."
    assert quoted(text) == ["we are not moving"]
    assert quoted("Back in the \u201890s, the \u2018harbour tax\u2019 was new.") == ["harbour tax"]
    assert quoted("She said \u2018nothing\u2019 and left.") == ["nothing"]  # a real single-quoted word still counts
    # A single-quoted quote may hold a whole double-quoted one (British style), never half of one.
    assert quoted("\u2018He told me \u201cno\u201d twice,\u2019 Varga said.") == ["He told me \u201cno\u201d twice,"]


def test_a_straight_quote_mark_closed_by_a_curly_one():
    from newsreader.core.quotes.extract import find_quote_spans
    text = '"But the governor won anyway,\u201d Tom Reyes said. "Next year."'
    spans = find_quote_spans(text)
    assert [text[a:b] for a, b in spans] == ["But the governor won anyway,", "Next year."]


def test_markup_attribute_values_are_no_quotes():
    from newsreader.core.quotes.extract import find_quote_spans
    text = '<post id="88120" author="@harbourwatch">The ferry is late again, "as always" says the captain.</post>'
    assert [text[a:b] for a, b in find_quote_spans(text)] == ["as always"]


def test_a_curly_quote_closed_by_a_straight_mark_or_a_glued_opening_one():
    text = '“We will not sell the port," Tom Reyes said. "Not this year.”'
    assert [text[a:b] for a, b in find_quote_spans(text)] == ["We will not sell the port,", "Not this year."]
    text = "“We want the bridge,“ said Lena Dorn. “Now.”"
    assert [text[a:b] for a, b in find_quote_spans(text)] == ["We want the bridge,", "Now."]
    text = "Rivals called him (“Little Ivo”) all week."  # an opening mark after a bracket still opens
    assert [text[a:b] for a, b in find_quote_spans(text)] == ["Little Ivo"]
