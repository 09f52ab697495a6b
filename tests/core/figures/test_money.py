"""Money keeps its currency in the article's entities, figures and comparisons (sentences written for the tests)."""

from __future__ import annotations

import pytest

from newsreader.core import nlp as nlp_module
from newsreader.core.annotate import annotate_one
from newsreader.core.figures.money import find
from newsreader.core.text.rawformat import parse


@pytest.fixture(scope="session")
def nlp():
    return nlp_module.load()


def annotate(paragraphs: list[str], nlp) -> dict:
    body = "\n".join(paragraphs)
    article = parse(f"Synthetic fixture\nFixture Wire\n5 March 2020\n{body}\n".encode(), "fixture.txt")
    return annotate_one(article, list(nlp.pipe(article.paragraphs)))


def money(result: dict) -> dict[str, tuple]:
    return {e["name"]: (e["currency"], e["value"], [m["text"] for m in e["mentions"]])
            for e in result["entities"] if e["type"] == "money"}


def test_currency_after_the_number_stays_in_the_name(nlp):
    found = money(annotate(["Seoul agreed to pay 1.04 trillion won this year, up from 960 billion won."], nlp))
    assert found["1.04 trillion won"] == ("KRW", 1.04e12, ["1.04 trillion won"])
    assert found["960 billion won"][0] == "KRW"


def test_dollar_prefixes_keep_their_country(nlp):
    found = money(annotate(["Canberra pledged A$1 billion and Ottawa C$2.5 billion, while the city gave HK$300 million."], nlp))
    assert {name: v[0] for name, v in found.items()} == {"A$1 billion": "AUD", "C$2.5 billion": "CAD", "HK$300 million": "HKD"}


def test_two_amounts_run_together_are_split(nlp):
    found = money(annotate(["The firm paid US$5 million, €3 billion, £20 million and ¥500 billion."], nlp))
    assert {name: v[0] for name, v in found.items()} == {
        "$5 million": "USD", "€3 billion": "EUR", "£20 million": "GBP", "¥500 billion": "JPY"}


def test_currency_words_with_their_country(nlp):
    found = money(annotate(["Zurich paid 5 million Swiss francs and 100 million Hong Kong dollars, Lima 4 million pesos."], nlp))
    assert found["CHF 5 million"][0] == "CHF" and found["HK$100 million"][0] == "HKD"
    assert found["4 million pesos"][:2] == (None, 4e6)  # pesos of which country: not guessed
    assert not any(e["name"] == "Hong Kong" for e in annotate(["They paid 100 million Hong Kong dollars."], nlp)["entities"])


def test_seed_like_amounts_stay_us_dollars(nlp):
    result = annotate(["Officials demanded that Seoul pay up to five billion dollars a year to keep the 28,500 American "
                       "troops, more than five times the 896 million dollars it agreed to pay this year."], nlp)
    found = money(result)
    assert found["$5 billion"][:2] == ("USD", 5e9) and found["$896 million"][:2] == ("USD", 8.96e8)
    assert [(f["name"], f["currency"]) for f in result["figures"]] == [
        ("$5 billion", "USD"), ("$896 million", "USD"), ("28,500 troops", None)]
    (c,) = result["comparisons"]
    assert c["comparable"] is True and c["consistent"] is True


def test_comparison_across_currencies_is_not_computed(nlp):
    result = annotate(["Seoul will pay 1.04 trillion won, about twice the $500 million it paid before."], nlp)
    (c,) = result["comparisons"]
    assert (c["a"], c["b"], c["comparable"], c["ratio"]) == ("1.04 trillion won", "$500 million", False, None)


def test_amounts_across_articles_keep_apart_by_currency(nlp):
    first = money(annotate(["Canberra pledged A$1 billion on Monday."], nlp))
    second = money(annotate(["Washington pledged $1 billion on Monday."], nlp))
    assert list(first) == ["A$1 billion"] and list(second) == ["$1 billion"]


def test_a_percentage_is_no_money(nlp):
    assert money(annotate(["Fees rise by 4 per cent in July."], nlp)) == {}


def test_find_ignores_plain_numbers_and_words():
    assert find("Two pounds of flour and 300 people in 2019.") == []
    assert find("He bet a dollar on it.") == []
    assert find("Team 2 won the cup and paid a 2 million sum.") == []
    assert [amount.name for _, _, amount in find("It cost 3,000 won, then 2 billion won.")] == ["3,000 won", "2 billion won"]
    (a, b, amount), = find("It costs half a billion dollars.")
    assert amount.value == 5e8 and amount.currency == "USD"
