"""An article's events as shown: display fields made once per annotation and kept in the cache."""

from __future__ import annotations

from newsreader import article_events
from newsreader.build import keys
from newsreader.build.cache import Cache

EVENT = {"date": "2019-11-19", "precision": "day", "derived": False, "time": None, "phrase": "on Tuesday",
         "sentence": "s2", "text": "Talks resumed on Tuesday in Lisbon, officials said.",
         "explanation": "the most recent Tuesday on or before 19 Nov 2019"}


def test_display_fields_are_made_once_and_then_read_from_the_cache(tmp_path, monkeypatch):
    store = Cache(tmp_path)
    digest = keys.event_display("site", "annotation", "slug", "edits")
    made = article_events.display_fields([EVENT], store, digest)
    assert made[0][0] == "19 Nov 2019" and made[0][2] == "on Tuesday"
    monkeypatch.setattr(article_events, "entry_fields", lambda event: (_ for _ in ()).throw(AssertionError("made again")))
    assert article_events.display_fields([EVENT], store, digest) == made


def test_an_entry_of_the_wrong_shape_is_made_again(tmp_path):
    store = Cache(tmp_path)
    digest = keys.event_display("site", "annotation", "slug", "edits")
    made = article_events.display_fields([EVENT], store, None)  # no key: made, not stored
    assert store.get(digest) is None
    for wrong in ([], [["19 Nov 2019"]], [[1, 2, 3, 4, 5]], {"display": "x"}, [made[0], made[0]]):
        store.put(digest, wrong)
        assert article_events.display_fields([EVENT], store, digest) == made


def test_events_are_in_date_order_with_the_entities_of_their_sentence():
    later = dict(EVENT, date="2019-12-02", sentence="s1", phrase="on 2 December")
    entities = [{"id": "alma-veress", "mentions": [{"sentence": "s2"}, {"sentence": "s2"}]},
                {"id": "lisbon", "mentions": [{"sentence": "s1"}]}]
    shown = article_events.article_events([later, EVENT], entities, [["2 Dec 2019", "", "on 2 December", "", "r"],
                                                                    ["19 Nov 2019", "", "on Tuesday", "", "r"]])
    assert [e["display"] for e in shown] == ["19 Nov 2019", "2 Dec 2019"]
    assert [e["entities"] for e in shown] == [["alma-veress"], ["lisbon"]]
