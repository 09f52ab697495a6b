"""The annotation batch: caching by content, and one article's failure not stopping the rest."""

from __future__ import annotations

from newsreader.core import annotate as annotate_module
from newsreader.build.cache import Cache
from newsreader.core.text.rawformat import parse


def raw(headline: str, body: str):
    return parse(f"{headline}\nFixture Wire\n19 November 2019\n{body}\n".encode(), f"{headline}.txt")


def test_cache_key_changes_with_text_date_and_rules(monkeypatch):
    a = raw("A", "Alma Veress spoke.")
    assert annotate_module.cache_key(a) == annotate_module.cache_key(raw("A", "Alma Veress spoke."))
    assert annotate_module.cache_key(a) != annotate_module.cache_key(raw("A", "Alma Veress spoke again."))
    moved = raw("A", "Alma Veress spoke.")
    moved.published = moved.published.replace(day=20)
    assert annotate_module.cache_key(a) != annotate_module.cache_key(moved)
    before = annotate_module.cache_key(a)
    monkeypatch.setattr(annotate_module, "rules_id", lambda: "other rules")
    assert annotate_module.cache_key(a) != before


def test_second_run_comes_from_the_cache(tmp_path, monkeypatch):
    articles = [raw("A", "Alma Veress visited Lisbon."), raw("B", "Keiko Arada visited Osaka.")]
    cache = Cache(tmp_path)
    first = annotate_module.annotate_all(articles, cache)
    assert any(e["name"] == "Alma Veress" for e in first[0]["entities"])
    monkeypatch.setattr(annotate_module.nlp_module, "parse_paragraphs", lambda *a, **k: (_ for _ in ()).throw(AssertionError("parsed again")))
    assert annotate_module.annotate_all(articles, cache) == first


def test_one_failing_article_does_not_stop_the_others(tmp_path, monkeypatch):
    articles = [raw("A", "Alma Veress visited Lisbon."), raw("Boom", "Keiko Arada visited Osaka.")]
    from newsreader.core.entities import (extract as entities)  # imported by annotate_one when it runs (not by a warm build)

    real = entities.extract

    def flaky(paragraphs, sentences, docs):
        if "Keiko" in paragraphs[0]:
            raise ValueError("rule bug")
        return real(paragraphs, sentences, docs)

    monkeypatch.setattr(entities, "extract", flaky)
    results = annotate_module.annotate_all(articles, Cache(tmp_path))
    assert results[0]["entities"] and "error" not in results[0]
    assert results[1]["entities"] == [] and results[1]["error"] == "ValueError: rule bug"
    assert Cache(tmp_path).get(annotate_module.cache_key(articles[1])) is None  # failures are not cached


def test_progress_counts_the_articles_that_are_parsed(tmp_path):
    articles = [raw("A", "Alma Veress visited Lisbon."), raw("B", "Keiko Arada visited Osaka.")]
    cache = Cache(tmp_path)
    annotate_module.annotate_all(articles[:1], cache)  # the first one is cached now
    seen = []

    def progress(items, total):
        for item in items:
            seen.append(total)
            yield item

    results = annotate_module.annotate_all(articles, cache, progress=progress)
    assert seen == [1]
    assert any(e["name"] == "Keiko Arada" for e in results[1]["entities"])


def test_a_record_is_checked_for_shape_whatever_the_cache_says(tmp_path):
    """No entry of the cache vouches for another: a record of the wrong shape is made again, even when an entry
    lists its SHA-256 among records found of the right shape (as earlier code kept such a list)."""
    articles = [raw("A", "Alma Veress visited Lisbon.")]
    cache = Cache(tmp_path)
    first = annotate_module.annotate_all(articles, cache)
    cache.put(annotate_module.cache_key(articles[0]), {"entities": 5})
    wrong = cache.get_checked(annotate_module.cache_key(articles[0]))[1]
    for path in tmp_path.glob("*/*.json"):  # any list of record hashes the cache holds now lists the wrong one
        found = cache.get(path.stem)
        if isinstance(found, list) and found and all(isinstance(h, str) and len(h) == 64 for h in found):
            cache.put(path.stem, [wrong])
    assert annotate_module.annotate_all(articles, cache) == first


def test_records_made_with_flat_dict_are_what_asdict_makes():
    """flat_dict skips asdict's deep copy: right only while every field holds a plain value."""
    from dataclasses import asdict, fields  # noqa: PLC0415

    from newsreader.core.timex.events import Event  # noqa: PLC0415
    from newsreader.core.model import Mention, Timex, flat_dict  # noqa: PLC0415
    from newsreader.core.quotes.extract import Quote  # noqa: PLC0415

    plain = {"str", "int", "bool", "str | None"}
    for record_type in (Mention, Timex, Event, Quote):
        assert {f.type for f in fields(record_type)} <= plain, record_type
    mention = Mention("s2", 0, 11, "Alma Veress", nationality=True)
    event = Event("2019-11-18", "day", "Monday", "2019-11-19", False, "s1", "Talks resumed on Monday.", "weekday",
                  timex="t1")
    for record in (mention, event):
        assert list(flat_dict(record).items()) == list(asdict(record).items())
    found = flat_dict(mention)
    del found["nationality"]  # as annotate._mention does: the record keeps its field
    assert mention.nationality and "nationality" in flat_dict(mention)
