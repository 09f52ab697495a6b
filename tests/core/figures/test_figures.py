"""Figures and the comparisons the text states between them, checked against the numbers."""

from newsreader.core.figures.extract import extract
from newsreader.core.figures.numbers import parse_money
from newsreader.core.text.sentences import number_sentences


def money(name, sentence, start, end):
    return {"name": name, "type": "money", "aliases": [], "roles": [], "currency": parse_money(name).currency,
            "value": parse_money(name).value,
            "mentions": [{"sentence": sentence, "start": start, "end": end, "text": name}]}


def run(text, *figures):
    sentences = number_sentences([text])
    entities = [money(name, "s1", text.index(surface), text.index(surface) + len(surface)) for name, surface in figures]
    return extract(sentences, entities)


def test_seed_like_comparison_is_checked():
    text = "Officials demanded $5 billion a year, more than five times the $896 million paid this year."
    figures, comparisons = run(text, ("$5 billion", "$5 billion"), ("$896 million", "$896 million"))
    assert [f["name"] for f in figures] == ["$5 billion", "$896 million"]
    (c,) = comparisons
    assert c["consistent"] is True and c["ratio"] == 5.58 and c["comparable"] is True
    assert c["explanation"] == "5,000 / 896 ≈ 5.6×, consistent with “more than five times”"


def test_contradicted_comparison_is_flagged():
    text = "The fund wants $2 billion, three times the $900 million it got."
    _, (c,) = run(text, ("$2 billion", "$2 billion"), ("$900 million", "$900 million"))
    assert c["consistent"] is False and "does not match" in c["explanation"]


def test_word_factors_and_qualifiers():
    text = "The city spent $1.9 billion, nearly double the $1 billion it planned."
    _, (c,) = run(text, ("$1.9 billion", "$1.9 billion"), ("$1 billion", "$1 billion"))
    assert c["stated"] == 2.0 and c["qualifier"] == "nearly" and c["consistent"] is True
    text = "Exports reached €300 million, about half the €700 million of last year."
    _, (c,) = run(text, ("€300 million", "€300 million"), ("€700 million", "€700 million"))
    assert c["consistent"] is False  # 0.43 is not "about half"


def test_no_comparison_is_invented():
    text = "The army has $5 billion and the navy $2 billion."
    _, comparisons = run(text, ("$5 billion", "$5 billion"), ("$2 billion", "$2 billion"))
    assert comparisons == []



def test_amounts_in_different_currencies_are_not_comparable():
    text = "The bill is $5 billion, three times the 900 million euros of the old one."
    _, (c,) = run(text, ("$5 billion", "$5 billion"), ("€900 million", "900 million euros"))
    assert (c["comparable"], c["consistent"], c["ratio"]) == (False, None, None)
    assert c["explanation"] == "not comparable: $5 billion and €900 million are in USD and EUR; no exchange rate is assumed"
    text = "Canberra pledged A$1 billion, double the $500 million Washington gave."
    figures, (c,) = run(text, ("A$1 billion", "A$1 billion"), ("$500 million", "$500 million"))
    assert c["comparable"] is False and {f["name"]: f["currency"] for f in figures} == {"A$1 billion": "AUD", "$500 million": "USD"}
