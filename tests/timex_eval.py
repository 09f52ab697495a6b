"""Scorer for the hand-annotated TIMEX3 evaluation set in ``tests/fixtures/timex_eval.json``.

Each article is synthetic newswire written for this project, with gold timexes (span text, type,
value) made by hand after the TimeML guidelines. The tagger's timexes are matched one-to-one to
gold by overlapping spans in the same paragraph (relaxed match, TempEval style); the scores are
relaxed span F1, value F1 (a match with the right value), DATE-only value F1 and the share of
output timexes carrying the right value.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "timex_eval.json"


@dataclass(frozen=True)
class Span:
    paragraph: int
    start: int
    end: int
    text: str
    type: str
    value: str


def load() -> list[dict]:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))["articles"]


def gold_spans(article: dict) -> list[Span]:
    used: set[tuple[int, int]] = set()
    spans = []
    for g in article["gold"]:
        para = article["paragraphs"][g["p"] - 1]
        at = para.find(g["text"])
        while (g["p"], at) in used:
            at = para.find(g["text"], at + 1)
        if at < 0:
            raise ValueError(f"gold {g['text']!r} not in paragraph {g['p']} of {article['slug']}")
        used.add((g["p"], at))
        spans.append(Span(g["p"], at, at + len(g["text"]), g["text"], g["type"], g["value"]))
    return spans


def system_spans(nlp, article: dict) -> list[Span]:
    from newsreader.core.timex.events import extract_all
    from newsreader.core.text.sentences import number_sentences

    sentences = number_sentences(article["paragraphs"])
    by_id = {s.id: s for s in sentences}
    found, _ = extract_all(sentences, list(nlp.pipe(article["paragraphs"])),
                           datetime.fromisoformat(article["published"]))
    spans = []
    for t in found:
        s = by_id[t.sentence]
        spans.append(Span(s.paragraph, s.offset + t.start, s.offset + t.end, t.text, t.type, t.value))
    return spans


def _f1(correct: int, n_sys: int, n_gold: int) -> float:
    p = correct / n_sys if n_sys else 0.0
    r = correct / n_gold if n_gold else 0.0
    return 100 * 2 * p * r / (p + r) if p + r else 0.0


def match(gold: list[Span], system: list[Span]) -> list[tuple[Span, Span]]:
    """One-to-one pairs of overlapping spans, the largest overlaps first."""
    candidates = []
    for g in gold:
        for s in system:
            overlap = min(g.end, s.end) - max(g.start, s.start)
            if g.paragraph == s.paragraph and overlap > 0:
                candidates.append((-overlap, g.start, s.start, g, s))
    pairs, seen_g, seen_s = [], set(), set()
    for _, _, _, g, s in sorted(candidates, key=lambda c: c[:3]):
        if g not in seen_g and s not in seen_s:
            pairs.append((g, s))
            seen_g.add(g)
            seen_s.add(s)
    return pairs


def score(nlp, articles: list[dict] | None = None) -> dict:
    articles = load() if articles is None else articles
    n_gold = n_sys = n_match = n_value = 0
    d_gold = d_sys = d_value = 0
    errors = []
    for article in articles:
        gold, system = gold_spans(article), system_spans(nlp, article)
        pairs = match(gold, system)
        n_gold += len(gold)
        n_sys += len(system)
        n_match += len(pairs)
        d_gold += sum(g.type == "DATE" for g in gold)
        d_sys += sum(s.type == "DATE" for s in system)
        paired_g = {g for g, _ in pairs}
        paired_s = {s for _, s in pairs}
        for g, s in pairs:
            right = g.value == s.value
            n_value += right
            d_value += right and g.type == "DATE" and s.type == "DATE"
            if not right or g.type != s.type:
                errors.append((article["slug"], "value", g.text, g.type, g.value, s.text, s.type, s.value))
        errors += [(article["slug"], "missed", g.text, g.type, g.value) for g in gold if g not in paired_g]
        errors += [(article["slug"], "spurious", s.text, s.type, s.value) for s in system if s not in paired_s]
    return {
        "gold": n_gold, "system": n_sys,
        "relaxed_f1": _f1(n_match, n_sys, n_gold),
        "value_f1": _f1(n_value, n_sys, n_gold),
        "date_value_f1": _f1(d_value, d_sys, d_gold),
        "right_value_share": 100 * n_value / n_sys if n_sys else 0.0,
        "errors": errors,
    }


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))
    from newsreader.core import nlp as nlp_module

    result = score(nlp_module.load())
    for e in result.pop("errors"):
        print(*e, sep=" | ")
    print({k: round(v, 1) if isinstance(v, float) else v for k, v in result.items()})
