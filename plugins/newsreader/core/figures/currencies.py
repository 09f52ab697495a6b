"""Currencies: ISO 4217 codes and names from pycountry, plus the symbols and colloquial names news copy uses.

pycountry (the maintained ISO 4217 list) gives every code and its official name
("KRW" "Won", "CHF" "Swiss Franc", "HKD" "Hong Kong Dollar"); the small tables
here only add what the standard does not hold: symbols ("A$", "€", "¥"),
plurals and everyday names ("dollars" alone are US dollars, "yuan" and
"renminbi" are Chinese, "sterling" is the pound).
"""

from __future__ import annotations

import re
from functools import lru_cache

import pycountry

# Symbols written before the number.
SYMBOLS = {
    "$": "USD", "US$": "USD", "USD$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD", "HK$": "HKD",
    "NZ$": "NZD", "S$": "SGD", "NT$": "TWD", "R$": "BRL", "MX$": "MXN", "€": "EUR", "£": "GBP", "¥": "JPY",
    "CN¥": "CNY", "RMB": "CNY", "₩": "KRW", "₹": "INR", "Rs": "INR", "₽": "RUB", "₺": "TRY", "₪": "ILS",
}
# How an amount in these currencies is named ("$5 billion", "A$1 billion"); others are named by their word.
DISPLAY_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "AUD": "A$", "CAD": "C$",
                   "HKD": "HK$", "NZD": "NZ$", "SGD": "S$", "TWD": "NT$", "BRL": "R$"}
# Everyday names that are not ISO names by themselves, and irregular plurals.
COLLOQUIAL = {
    "dollar": "USD", "buck": "USD", "pound": "GBP", "sterling": "GBP", "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY",
    "rupee": "INR", "ruble": "RUB", "rouble": "RUB", "lira": "TRY", "shekel": "ILS", "real": "BRL", "rand": "ZAR",
    "peso": None, "franc": None, "dinar": None, "krone": None, "krona": None, "shilling": None, "riyal": None,
}
PLURALS = {"reais": "real", "lire": "lira", "kronor": "krona", "kroner": "krone", "yen": "yen", "won": "won",
           "yuan": "yuan", "rand": "rand", "renminbi": "renminbi", "euro": "euro", "sterling": "sterling"}
# Currency words that are also everyday English: a currency only with a country word before them.
AMBIGUOUS = frozenset({"mark", "sum", "sol", "real", "som", "pula", "tala", "kina", "lek", "dong", "gold", "silver"})


def singular(word: str) -> str:
    low = word.lower()
    if low in PLURALS:
        return PLURALS[low]
    return low[:-1] if low.endswith("s") and len(low) > 3 else low


@lru_cache(maxsize=1)
def iso_names() -> dict[str, str]:
    """Lower-cased ISO 4217 name -> code ("won" -> "KRW", "swiss franc" -> "CHF"); funds and metals left out."""
    out: dict[str, str] = {}
    for currency in sorted(pycountry.currencies, key=lambda c: c.alpha_3):
        if currency.alpha_3.startswith("X") or "(" in currency.name or "Unidad" in currency.name:
            continue
        out.setdefault(currency.name.lower(), currency.alpha_3)
    return out


@lru_cache(maxsize=1)
def nouns() -> frozenset[str]:
    """Every currency noun (singular), from the ISO names' last words and the colloquial table."""
    return frozenset({name.split()[-1] for name in iso_names()} | set(COLLOQUIAL))


def is_code(word: str) -> bool:
    return bool(re.fullmatch(r"[A-Z]{3}", word)) and not word.startswith("X") and (
        pycountry.currencies.get(alpha_3=word) is not None)


def code_for(noun: str, qualifier: str = "") -> str | None:
    """ISO code of a currency noun ("won", "francs") and the words before it ("Swiss", "South Korean")."""
    noun = singular(noun)
    names = iso_names()
    qualifier = qualifier.strip().lower().replace(".", "")
    if qualifier:
        if f"{qualifier} {noun}" in names:
            return names[f"{qualifier} {noun}"]
        stems = [w[:4] for w in qualifier.split() if len(w) >= 4]
        for name, code in names.items():  # "Pakistani rupee" -> "Pakistan Rupee"
            words = name.split()
            if words[-1] == noun and len(words) > 1 and stems and all(
                    any(w.startswith(stem) for w in words[:-1]) for stem in stems):
                return code
        if qualifier in {"us", "american", "u.s."} and noun == "dollar":
            return "USD"
    if noun in AMBIGUOUS and noun not in COLLOQUIAL:
        return None
    if noun in names:
        return names[noun]
    return COLLOQUIAL.get(noun)


def word_for(code: str) -> str | None:
    """The everyday plural name of amounts named by word ("won", "yuan", "rupees"); None: named by code."""
    return {"KRW": "won", "CNY": "yuan", "INR": "rupees", "RUB": "roubles", "TRY": "lira", "ILS": "shekels",
            "ZAR": "rand", "KPW": "North Korean won"}.get(code)
