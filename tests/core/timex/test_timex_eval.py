"""The tagger on a hand-annotated TIMEX3 set of synthetic newswire (tests/fixtures/timex_eval.json, scored by
tests/timex_eval.py): the scores must not fall below what the rules reach today."""

from __future__ import annotations

import pytest

import timex_eval
from newsreader.core import nlp as nlp_module

FLOORS = {"relaxed_f1": 99.5, "value_f1": 98.0, "date_value_f1": 99.0, "right_value_share": 98.0}


@pytest.fixture(scope="module")
def result():
    return timex_eval.score(nlp_module.load())


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_score_floor(result, name):
    assert result[name] >= FLOORS[name], (name, result[name], result["errors"])


def test_gold_is_well_formed():
    articles = timex_eval.load()
    assert len(articles) >= 15
    for article in articles:
        spans = timex_eval.gold_spans(article)
        assert all(s.type in {"DATE", "TIME", "DURATION", "SET"} for s in spans)


def test_scorer_counts_a_wrong_value_and_a_spurious_timex():
    gold = [timex_eval.Span(1, 0, 6, "Monday", "DATE", "2020-01-06")]
    system = [timex_eval.Span(1, 0, 6, "Monday", "DATE", "2020-01-13"), timex_eval.Span(1, 10, 12, "41", "DATE", "41")]
    assert len(timex_eval.match(gold, system)) == 1
