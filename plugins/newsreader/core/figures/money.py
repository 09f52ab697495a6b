"""Amounts of money found in the text with their currency, and the article's money entities made from them.

spaCy's MONEY spans lose the currency when it is a word after the number
("1.04 trillion" of "1.04 trillion won"), run two amounts together ("US$5
million, €3 billion") or are called numbers ("HK$300 million"). The patterns
here find each amount with its currency (a symbol or code before the number, or
a currency noun after it, with its country word: "Swiss francs"); the money
entities are then rebuilt from those spans: named with their currency
("1.04 trillion won", "A$1 billion") and carrying ``value`` and ``currency``
(ISO 4217, or None when the text names none or an ambiguous one: "pesos").
"""

from __future__ import annotations

import re

from .currencies import AMBIGUOUS, SYMBOLS, code_for, is_code, nouns, singular
from ..model import Sentence
from .numbers import SCALES, UNITS, Amount, parse_money

_YEN_OR_YUAN = re.compile(r"\b(?:yuan|renminbi|RMB|China|Chinese|yen|Japan|Japanese)\b")
_NUMBER = r"\d[\d,]*(?:\.\d+)?"
_WORDS = "|".join(sorted((w for w in [*UNITS, *SCALES] if len(w) > 2 or w == "a"), key=len, reverse=True))
_SCALE = "|".join(sorted(SCALES, key=len, reverse=True))
_SYMBOL = r"(?:[A-Z]{1,3}\$|CN¥|[$€£¥₩₹₽₺₪]|Rs\.?\s?|RMB\s?|\b[A-Z]{3}\s)"
VERB_LIKE = frozenset({"won"})
_MAYBE = re.compile(rf"\d|\b(?:{_SCALE})\b", re.I)
_BEFORE = re.compile(rf"(?<![\w$])(?P<sym>{_SYMBOL})(?P<num>{_NUMBER})(?:\s?(?:{_SCALE})\b)?")
_AFTER = re.compile(
    rf"(?<![\w$€£¥.,])(?P<num>(?:{_NUMBER}|(?i:{_WORDS}))(?:[\s-]+(?:{_NUMBER}|(?i:{_WORDS}|and)))*)"
    rf"\s+(?P<qual>(?:[A-Z][A-Za-z.]*\s+){{0,3}})(?P<noun>[a-z]+)\b"
)


def find(text: str, context: str = "") -> list[tuple[int, int, Amount]]:
    """(start, end, amount) of each amount of money in ``text`` with a currency, in order, not overlapping."""
    found: list[tuple[int, int, Amount]] = []
    if not _MAYBE.search(text):  # every amount has a digit or a scale word
        return found
    for match in _BEFORE.finditer(text):
        symbol = match.group("sym").strip()
        if symbol not in SYMBOLS and not is_code(symbol) and symbol.rstrip(".") not in SYMBOLS:
            continue
        amount = parse_money(match.group(0).replace("Rs.", "Rs"), context)
        if amount is not None:
            found.append((match.start(), match.end(), amount))
    for match in _AFTER.finditer(text):
        noun = match.group("noun")
        if singular(noun) not in nouns() or any(a < match.end() and match.start() < b for a, b, _ in found):
            continue
        if not re.search(rf"\d|\b(?:{_SCALE})\b", match.group("num"), re.I):
            continue  # "a dollar", "two pounds" of cake: amounts are written with digits or a scale
        code = code_for(noun, match.group("qual"))
        if code is None and (match.group("qual") or singular(noun) in AMBIGUOUS):
            continue  # "2 million sum", "5 Constitution pesos": words that name no currency here
        if noun.lower() in VERB_LIKE and not re.search(rf"\b(?:{_SCALE})\b|\d,\d", match.group("num"), re.I):
            continue  # "Team 2 won": a currency that is also a verb needs a scale word or thousands

        start = match.start() + len(match.group("num")) - len(match.group("num").lstrip("aA ").lstrip())
        amount = parse_money(text[start:match.end()], context)
        if amount is not None and (amount.currency or amount.label):
            found.append((start, match.end(), amount))
    return sorted(found, key=lambda f: f[0])


def _overlaps(mention: dict, spans) -> bool:
    return any(a < mention["end"] and mention["start"] < b for a, b, _ in spans)


def refine(entities: list[dict], sentences: list[Sentence]) -> list[dict]:
    """The article's entities with money rebuilt from :func:`find`: one entity per amount and currency.

    Money mentions the patterns also find are replaced by their spans (split or widened to the currency);
    others keep their span and are read again, and dropped when they name no currency at all; mentions of other types inside an amount ("Hong Kong" of
    "100 million Hong Kong dollars") are dropped; an amount found only by the patterns is added.
    """
    article = " ".join(s.text for s in sentences)
    spans = {s.id: find(s.text, s.text if _YEN_OR_YUAN.search(s.text) else article) for s in sentences}
    text_of = {s.id: s.text for s in sentences}
    amounts: dict[str, tuple[Amount | None, list[dict]]] = {}
    out = []
    for entity in entities:
        if entity["type"] != "money":
            kept = [m for m in entity["mentions"] if not _overlaps(m, spans[m["sentence"]])]
            if kept:
                out.append(dict(entity, mentions=kept))
            continue
        for m in entity["mentions"]:
            if not _overlaps(m, spans[m["sentence"]]):
                amount = parse_money(m["text"], text_of[m["sentence"]])
                if amount is not None and not amount.currency and not amount.label:
                    continue  # no currency anywhere ("4 per cent" the model called money): not an amount of money
                amounts.setdefault(amount.name if amount else entity["name"], (amount, []))[1].append(m)
    for sid, found in spans.items():
        for a, b, amount in found:
            amounts.setdefault(amount.name, (amount, []))[1].append(
                {"sentence": sid, "start": a, "end": b, "text": text_of[sid][a:b]})
    for name, (amount, mentions) in amounts.items():
        mentions.sort(key=lambda m: (int(m["sentence"][1:]), m["start"]))
        out.append({"name": name, "type": "money", "aliases": [], "roles": [], "mentions": mentions,
                    "value": amount.value if amount else None, "currency": amount.currency if amount else None})
    return out
