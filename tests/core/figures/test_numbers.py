"""Money and quantity values and their normalised names."""

import pytest

from newsreader.core.figures.numbers import format_quantity, parse_money, parse_number


@pytest.mark.parametrize(
    "text, name",
    [
        ("up to five billion dollars", "$5 billion"), ("the 896 million dollars", "$896 million"),
        ("$896 million", "$896 million"), ("US$1.5bn", "$1.5 billion"), ("€20 million", "€20 million"),
        ("twenty-five million euros", "€25 million"), ("more than $2 trillion", "$2 trillion"), ("$28,500", "$28,500"),
        ("one hundred million pounds", "£100 million"), ("3,000 won", "3,000 won"),
        ("1.04 trillion won", "1.04 trillion won"), ("A$1 billion", "A$1 billion"), ("HK$300 million", "HK$300 million"),
        ("C$2.5 billion", "C$2.5 billion"), ("3 trillion yuan", "3 trillion yuan"), ("2 million rupees", "2 million rupees"),
        ("10 billion yen", "¥10 billion"), ("5 million Swiss francs", "CHF 5 million"), ("KRW 1.04 trillion", "1.04 trillion won"),
        ("100 million Hong Kong dollars", "HK$100 million"), ("20 million Pakistani rupees", "PKR 20 million"),
        ("4 million pesos", "4 million pesos"),
    ],
)
def test_money_names(text, name):
    assert parse_money(text).name == name


@pytest.mark.parametrize(
    "text, code",
    [
        ("up to five billion dollars", "USD"), ("US$1.5bn", "USD"), ("1.04 trillion won", "KRW"), ("A$1 billion", "AUD"),
        ("€20 million", "EUR"), ("£5 million", "GBP"), ("¥10 billion", "JPY"), ("3 trillion yuan", "CNY"),
        ("50 million renminbi", "CNY"), ("2 million rupees", "INR"), ("9 million roubles", "RUB"),
        ("5 million Swiss francs", "CHF"), ("1 billion South Korean won", "KRW"), ("2 billion Australian dollars", "AUD"),
        ("4 million pesos", None), ("3 million Mexican pesos", "MXN"),
    ],
)
def test_currency_codes(text, code):
    assert parse_money(text).currency == code


def test_yen_sign_is_the_yuan_where_the_text_speaks_of_china():
    assert parse_money("¥200 million", "The renminbi fund has ¥200 million.").currency == "CNY"
    assert parse_money("¥200 million", "Tokyo spent ¥200 million.").currency == "JPY"
    assert parse_money("¥200 million", "Japan and China spent ¥200 million.").currency == "JPY"


def test_values():
    assert parse_money("up to five billion dollars").value == 5e9
    assert parse_money("1.04 trillion won").value == 1.04e12
    assert parse_money("500 crore rupees").value == 5e9
    assert parse_number(["28,500"]) == 28500
    assert parse_number(["two", "hundred", "thousand"]) == 200000
    assert parse_number(["soon"]) is None


def test_quantity_names():
    assert format_quantity(28500, "troops") == "28,500 troops"
    assert format_quantity(12, "ships") == "12 ships"
