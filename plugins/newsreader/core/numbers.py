"""Read and normalise amounts of money and quantities written in words or digits.

"up to five billion dollars" -> 5e9 dollars, named "$5 billion";
"the 896 million dollars" -> "$896 million"; "28,500 American troops" -> "28,500 troops".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1,
    "half": 0.5, "dozen": 12,
}
SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
          "bn": 1e9, "m": 1e6, "k": 1e3, "mn": 1e6, "tn": 1e12}
SCALE_NAMES = {1e3: "thousand", 1e6: "million", 1e9: "billion", 1e12: "trillion"}
CURRENCIES = {
    "$": "$", "us$": "$", "usd": "$", "dollar": "$", "dollars": "$",
    "€": "€", "eur": "€", "euro": "€", "euros": "€",
    "£": "£", "gbp": "£", "pound": "£", "pounds": "£", "sterling": "£",
    "¥": "¥", "yen": "¥", "yuan": "yuan", "won": "won", "rupees": "rupees", "rubles": "rubles", "roubles": "roubles",
}
_TOKEN = re.compile(r"[$€£¥]|US\$|\d[\d,]*(?:\.\d+)?|[A-Za-z]+", re.UNICODE)


@dataclass(frozen=True)
class Amount:
    value: float
    currency: str | None  # "$", "€", "£", "¥" or a word such as "won"

    @property
    def name(self) -> str:
        return format_amount(self.value, self.currency)


def parse_number(words: list[str]) -> float | None:
    """Value of number words/digits such as ["five", "billion"], ["28,500"], ["1.5", "million"]."""
    total, current, seen = 0.0, 0.0, False
    for word in words:
        low = word.lower()
        if re.fullmatch(r"\d[\d,]*(?:\.\d+)?", word):
            current += float(word.replace(",", ""))
            seen = True
        elif low in UNITS and (low not in {"a", "an"} or not seen):
            current += UNITS[low]
            seen = seen or low not in {"a", "an"}
        elif low in SCALES and (seen or current):
            scale = SCALES[low]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0.0
            seen = True
        elif low in {"and", "-"}:
            continue
        else:
            return None
    return total + current if seen else None


def _trim(value: float) -> str:
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text


def format_amount(value: float, currency: str | None) -> str:
    """"$5 billion", "$896 million", "€1.2 billion", "$28,500", "3,000 won"."""
    scale = next((s for s in (1e12, 1e9, 1e6) if value >= s), None)
    number = f"{_trim(value / scale)} {SCALE_NAMES[scale]}" if scale else _trim(value)
    if currency in {"$", "€", "£", "¥"}:
        return f"{currency}{number}"
    return f"{number} {currency}" if currency else number


def parse_money(text: str) -> Amount | None:
    """Parse a money phrase; qualifiers ("up to", "more than", "about", "the") are ignored."""
    tokens = _TOKEN.findall(text)
    currency = None
    number_words = []
    for token in tokens:
        low = token.lower()
        if low in CURRENCIES and currency is None and not (low in {"won"} and not number_words):
            currency = CURRENCIES[low]
        elif re.fullmatch(r"\d[\d,]*(?:\.\d+)?", token) or low in UNITS or low in SCALES:
            number_words.append(token)
        elif number_words and currency:
            break
    # Leading filler such as "a" in "a billion" is fine; drop qualifier words the parser cannot read.
    value = parse_number([w for w in number_words if w.lower() not in {"a", "an"} or len(number_words) == 1])
    if value is None and number_words:
        value = parse_number(number_words)
    return Amount(value, currency) if value is not None else None


def format_quantity(value: float, noun: str) -> str:
    return f"{_trim(value)} {noun}" if value >= 1000 or value != int(value) else f"{int(value)} {noun}"
