"""The article JSON's ``timexes``, events naming their timex, and a TimelineJS export that survives odd values."""

from __future__ import annotations

from newsreader.core.timex import values as timex_values
from newsreader.export import timelinejs
from test_site_entities import article_json


def test_seed_timexes_in_the_article_json(seed_site):
    out, _ = seed_site
    data = article_json(out)
    sentences = {s["id"]: s["text"] for s in data["sentences"]}
    found = [(t["sentence"], t["text"], t["type"], t["value"]) for t in data["timexes"]]
    assert ("s3", "the past 28 years", "DURATION", "P28Y") in found
    assert ("s5", "a year", "SET", "P1Y") not in found  # "five billion dollars a year": a rate, no timex
    assert len(found) == 9
    for t in data["timexes"]:
        assert set(t) == {"id", "sentence", "start", "end", "text", "type", "value"}
        assert sentences[t["sentence"]][t["start"]:t["end"]] == t["text"]
        timex_values.read(t["value"])
    ids = {t["id"]: t for t in data["timexes"]}
    for event in data["events"]:
        assert ids[event["timex"]]["text"] == event["phrase"] and event["time"] is None


def _record(date: str, precision: str) -> dict:
    return {"date": date, "precision": precision, "phrase": "x", "text": "x", "article": "a", "sentence": "s1"}


def test_timelinejs_skips_a_value_no_calendar_has():
    records = [_record("2019-W54", "week"), _record("2019-02-30", "day"), _record("2019-W47", "week"),
               _record("1950s", "decade")]
    events = timelinejs(records, {}, "Site")["events"]
    assert [e["start_date"] for e in events] == [{"year": 2019, "month": 11, "day": 18}, {"year": 1950}]


def test_every_entity_is_exported_a_record_at_a_time_as_one_list_would_be(tmp_path):
    import json

    from newsreader.build.files import write_atomic
    from newsreader.export import _dumps, _list_pieces

    records = [{"id": "b", "name": "Zoë \u2019Ångström\u2019", "related": [], "url": None},
               {"name": "Ana", "id": "a", "mentions": 3, "aliases": ["A", "\u00c1na"], "url": "entity/a/"}]
    for values in ([], records[:1], records):
        pieces = list(_list_pieces(iter(values)))  # an iterator, as the stored index gives them
        assert len(pieces) == len(values) + 2
        write_atomic(tmp_path / "entities.json", iter(pieces))
        assert (tmp_path / "entities.json").read_text(encoding="utf-8") == _dumps(values)
        assert json.loads((tmp_path / "entities.json").read_bytes()) == values
