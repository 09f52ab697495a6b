"""The figures a story rests on, and the comparisons it states between them, checked.

"US officials demanded $5 billion … more than five times the 896 million dollars"
-> 5,000 / 896 ≈ 5.6×, consistent with "more than five times". Only figures the
text states are used; a stated comparison the numbers contradict is flagged, and
one between amounts in different currencies is reported as not comparable
(``comparable: false``), never computed.
"""

from __future__ import annotations

import re

from ..model import Sentence
from .numbers import parse_money, parse_number

_FACTOR_WORDS = {"twice": 2.0, "double": 2.0, "triple": 3.0, "treble": 3.0, "half": 0.5, "quadruple": 4.0}
_COMPARISON = re.compile(
    r"(?P<qual>more than|less than|fewer than|nearly|almost|about|around|roughly|approximately|over|under|"
    r"at least|some|only|just)?\s*"
    r"(?:(?P<n>[\w.,-]+)\s+times|(?P<word>twice|double|triple|treble|half|quadruple))\s+"
    r"(?:(?:the|as much as|as many as|as large as|as big as|that of|what)\s+)?",
    re.IGNORECASE,
)
SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"), (1e3, "thousand"))


def value_of(entity: dict) -> tuple[float, str] | None:
    """(value, unit) of a money or quantity entity, from its normalised name."""
    if entity["type"] == "money":
        if entity.get("value") is not None:
            return entity["value"], entity.get("currency") or ""
        amount = parse_money(entity["name"])
        return (amount.value, amount.currency or amount.label or "") if amount else None
    words = entity["name"].split()
    number = parse_number(words[:1]) if words else None
    return (number, " ".join(words[1:])) if number is not None else None


def _check(ratio: float, stated: float, qualifier: str) -> bool:
    q = qualifier.lower()
    if q in {"more than", "over", "at least"}:
        return ratio > stated or (q == "at least" and abs(ratio - stated) < 1e-9)
    if q in {"less than", "fewer than", "under", "only", "just"}:
        return ratio < stated or (q in {"only", "just"} and abs(ratio - stated) / stated <= 0.05)
    if q in {"nearly", "almost"}:
        return stated * 0.85 <= ratio <= stated * 1.001
    if q in {"about", "around", "roughly", "approximately", "some"}:
        return abs(ratio - stated) / stated <= 0.1
    return abs(ratio - stated) / stated <= 0.05


def _shown(a: float, b: float) -> tuple[str, str]:
    scale = next((s for s, _ in SCALES if min(a, b) >= s), 1)
    fmt = lambda v: f"{v / scale:,.2f}".rstrip("0").rstrip(".")  # noqa: E731
    return fmt(a), fmt(b)


def _not_comparable(sentence: str, phrase: str, a, b, stated: float, qualifier: str) -> dict:
    units = " and ".join(u or "an unstated currency" for u in dict.fromkeys((a[4][1], b[4][1])))
    return {
        "sentence": sentence, "phrase": phrase, "a": a[3]["name"], "b": b[3]["name"], "stated": stated,
        "qualifier": qualifier or None, "ratio": None, "consistent": None, "comparable": False,
        "explanation": f"not comparable: {a[3]['name']} and {b[3]['name']} are in {units}; no exchange rate is assumed",
    }


def extract(sentences: list[Sentence], entities: list[dict]) -> tuple[list[dict], list[dict]]:
    """``(figures, comparisons)`` of one article from its sentences and entity dicts."""
    text_of = {s.id: s.text for s in sentences}
    figures, placed = [], []
    for entity in entities:
        if entity["type"] not in {"money", "quantity"}:
            continue
        measured = value_of(entity)
        for m in entity["mentions"]:
            figures.append({"name": entity["name"], "type": entity["type"], "value": measured[0] if measured else None,
                            "currency": entity.get("currency") if entity["type"] == "money" else None,
                            "sentence": m["sentence"], "text": text_of[m["sentence"]]})
            if measured:
                placed.append((m["sentence"], m["start"], m["end"], entity, measured))
    figures.sort(key=lambda f: (int(f["sentence"][1:]), f["name"]))

    comparisons = []
    for sentence in sentences:
        here = sorted((p for p in placed if p[0] == sentence.id), key=lambda p: p[1])
        if len(here) < 2:
            continue
        for match in _COMPARISON.finditer(sentence.text):
            stated = _FACTOR_WORDS.get((match.group("word") or "").lower())
            if stated is None and match.group("n"):
                stated = parse_number(match.group("n").replace("-", " ").split())
            if not stated:
                continue
            before = [p for p in here if p[2] <= match.start()]
            after = [p for p in here if p[1] >= match.end() - 1]
            if not before or not after:
                continue
            b = after[0]
            vb, ub = b[4]
            # The nearest earlier figure of the same kind ("$5 billion … 28,500 troops … five times $896 million");
            # for quantities, in the same unit.
            a = next((p for p in reversed(before) if p[3]["type"] == b[3]["type"] and (b[3]["type"] == "money" or p[4][1] == ub)), None)
            if a is None or not vb:
                continue
            qualifier = (match.group("qual") or "").strip()
            phrase = re.sub(r"\s+(?:the|as much as|as many as|as large as|as big as|that of|what)$", "", match.group(0).strip(), flags=re.I)
            if a[4][1] != ub or not ub:  # amounts in different (or unknown) currencies: never computed
                comparisons.append(_not_comparable(sentence.id, phrase, a, b, stated, qualifier))
                continue
            va = a[4][0]
            ratio = va / vb
            ok = _check(ratio, stated, qualifier)
            sa, sb = _shown(va, vb)
            comparisons.append({
                "sentence": sentence.id, "phrase": phrase, "a": a[3]["name"], "b": b[3]["name"],
                "stated": stated, "qualifier": qualifier or None, "ratio": round(ratio, 2), "consistent": ok, "comparable": True,
                "explanation": f"{sa} / {sb} ≈ {ratio:.1f}×, {'consistent with' if ok else 'does not match'} “{phrase}”",
            })
    return figures, comparisons
