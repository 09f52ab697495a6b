"""Read and normalise amounts of money and quantities written in words or digits.

"up to five billion dollars" -> 5e9 USD, named "$5 billion"; "1.04 trillion won" -> 1.04e12 KRW;
"the 896 million dollars" -> "$896 million"; "28,500 American troops" -> "28,500 troops".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .currencies import DISPLAY_SYMBOLS, SYMBOLS, code_for, is_code, nouns, singular, word_for

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1,
    "half": 0.5, "dozen": 12,
}
SCALES = {"hundred": 100, "thousand": 1e3, "lakh": 1e5, "million": 1e6, "crore": 1e7, "billion": 1e9, "trillion": 1e12,
          "bn": 1e9, "m": 1e6, "k": 1e3, "mn": 1e6, "tn": 1e12}
SCALE_NAMES = {1e3: "thousand", 1e6: "million", 1e9: "billion", 1e12: "trillion"}
# Currency words -> ISO 4217 code (entities/ner.py reads amounts the model called numbers with it).
CURRENCIES = {w: c for w in ("dollars", "dollar", "euros", "euro", "pounds", "pound", "sterling", "yen", "yuan",
                             "won", "rupees", "rubles", "roubles", "renminbi") for c in [code_for(w)]}
_NUMBER = r"\d[\d,]*(?:\.\d+)?"
_YUAN = re.compile(r"\b(?:yuan|renminbi|RMB|China|Chinese)\b")
_YEN = re.compile(r"\b(?:yen|Japan|Japanese)\b")
_TOKEN = re.compile(rf"[A-Z]{{1,3}}\$|CN¥|[$€£¥₩₹₽₺₪]|{_NUMBER}|[A-Za-z]+", re.UNICODE)


@dataclass(frozen=True)
class Amount:
    value: float
    currency: str | None  # ISO 4217 code ("USD", "KRW"), None when the text names none or an ambiguous one
    label: str | None = None  # the currency as written when it has no code ("pesos")

    @property
    def name(self) -> str:
        return format_amount(self.value, self.currency, self.label)


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


def format_amount(value: float, currency: str | None, label: str | None = None) -> str:
    """"$5 billion", "A$1 billion", "€1.2 billion", "1.04 trillion won", "CHF 3 million", "5 million pesos"."""
    scale = next((s for s in (1e12, 1e9, 1e6) if value >= s), None)
    number = f"{_trim(value / scale)} {SCALE_NAMES[scale]}" if scale else _trim(value)
    if currency in DISPLAY_SYMBOLS:
        return f"{DISPLAY_SYMBOLS[currency]}{number}"
    if currency:
        word = word_for(currency)
        return f"{number} {word}" if word else f"{currency} {number}"
    return f"{number} {label}" if label else number


def parse_money(text: str, context: str = "") -> Amount | None:
    """Parse a money phrase; qualifiers ("up to", "more than", "about", "the") are ignored.

    ``context`` is the text around it: "¥" is the yuan (CNY) where it speaks of yuan, renminbi or China (and
    not of yen or Japan), else the yen.
    """
    tokens = _TOKEN.findall(text)
    currency = label = None
    found_currency = False
    number_words: list[str] = []
    for index, token in enumerate(tokens):
        low = token.lower()
        if not found_currency and (token in SYMBOLS or is_code(token)):
            currency, found_currency = SYMBOLS.get(token) or token, True
            if currency == "JPY" and token == "¥" and _YUAN.search(context) and not _YEN.search(context):
                currency = "CNY"
        elif not found_currency and number_words and singular(low) in nouns():
            qualifier = " ".join(t for t in tokens[max(0, index - 3):index] if t[:1].isupper() and not t[:1].isdigit())
            currency, found_currency = code_for(low, qualifier), True
            label = None if currency else low
        elif re.fullmatch(_NUMBER, token) or low in UNITS or low in SCALES:
            number_words.append(token)
        elif number_words and found_currency:
            break
    # Leading filler such as "a" in "a billion" is fine; drop qualifier words the parser cannot read.
    value = parse_number([w for w in number_words if w.lower() not in {"a", "an"} or len(number_words) == 1])
    if value is None and number_words:
        value = parse_number(number_words)
    return Amount(value, currency, label) if value is not None else None


def format_quantity(value: float, noun: str) -> str:
    return f"{_trim(value)} {noun}" if value >= 1000 or value != int(value) else f"{int(value)} {noun}"
