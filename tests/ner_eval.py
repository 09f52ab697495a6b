"""Scoring of the pipeline's person/organization/place spans on the self-written set in fixtures/ner_eval.txt.

Each line is one synthetic one-paragraph article with gold spans marked ``[PER ...]``, ``[ORG ...]``,
``[LOC ...]``; a prediction counts only when span and type match exactly (nationality words are not
scored). Run ``python3 tests/ner_eval.py`` for figures and the errors.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

FIXTURE = Path(__file__).parent / "fixtures" / "ner_eval.txt"
TYPES = {"PER": "person", "ORG": "organization", "LOC": "place"}
MARK = re.compile(r"\[(PER|ORG|LOC) ([^\]]+)\]")


def gold_lines() -> list[tuple[str, set[tuple[int, int, str]]]]:
    out = []
    for line in FIXTURE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        text, spans, pos = "", set(), 0
        for m in MARK.finditer(line):
            text += line[pos:m.start()]
            spans.add((len(text), len(text) + len(m.group(2)), TYPES[m.group(1)]))
            text += m.group(2)
            pos = m.end()
        out.append((text + line[pos:], spans))
    return out


def predicted(text: str, nlp) -> set[tuple[int, int, str]]:
    from newsreader.core.entities.extract import extract
    from newsreader.core.text.sentences import number_sentences

    sentences = number_sentences([text])
    offsets = {s.id: s.offset for s in sentences}
    spans = set()
    for entity in extract([text], sentences, [nlp(text)]):
        if entity.type not in TYPES.values():
            continue
        for m in entity.mentions:
            if not m.nationality:
                spans.add((offsets[m.sentence] + m.start, offsets[m.sentence] + m.end, entity.type))
    return spans


def score(nlp, report=None) -> dict[str, float]:
    tp = fp = fn = 0
    for text, gold in gold_lines():
        pred = predicted(text, nlp)
        tp, fp, fn = tp + len(pred & gold), fp + len(pred - gold), fn + len(gold - pred)
        if report and pred != gold:
            report(f"{text}\n  missed: {sorted((text[a:b], t) for a, b, t in gold - pred)}"
                   f"\n  wrong:  {sorted((text[a:b], t) for a, b, t in pred - gold)}")
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "gold": tp + fn}


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))
    from newsreader.core import nlp as nlp_module

    print(score(nlp_module.load(), report=print))
