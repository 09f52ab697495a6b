"""Money and quantity values and their normalised names."""

import pytest

from newsreader.core.numbers import format_quantity, parse_money, parse_number


@pytest.mark.parametrize(
    "text, name",
    [
        ("up to five billion dollars", "$5 billion"), ("the 896 million dollars", "$896 million"),
        ("$896 million", "$896 million"), ("US$1.5bn", "$1.5 billion"), ("€20 million", "€20 million"),
        ("twenty-five million euros", "€25 million"), ("more than $2 trillion", "$2 trillion"), ("$28,500", "$28,500"),
        ("one hundred million pounds", "£100 million"), ("3,000 won", "3,000 won"),
    ],
)
def test_money_names(text, name):
    assert parse_money(text).name == name


def test_values():
    assert parse_money("up to five billion dollars").value == 5e9
    assert parse_number(["28,500"]) == 28500
    assert parse_number(["two", "hundred", "thousand"]) == 200000
    assert parse_number(["soon"]) is None


def test_quantity_names():
    assert format_quantity(28500, "troops") == "28,500 troops"
    assert format_quantity(12, "ships") == "12 ships"
