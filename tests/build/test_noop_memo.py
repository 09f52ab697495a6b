"""A rebuild where nothing changed: the annotation step's memo, the search listing's key, lazy sentences.

The memo (``article_memo.py``) stands for a thousand annotation records and display rows: each test
damages it (cut short, under another key with a right header, of the wrong shape) and checks that the build gives,
byte for byte, what it gave before, and that a no-op build really takes everything from it.
"""

from __future__ import annotations

import json
import os
import pickle
import time

import pytest
from conftest import build
from newsreader.annotated import ArticleAnnotations
from newsreader.build import article_memo
from newsreader.build.cache import Cache
from newsreader.core.text.rawformat import parse
from newsreader.core.text.sentences import number_sentences
from newsreader.search import _listing_name
from test_cache_damage import copied_cache, warm_site
from test_page_cache import different


CORRECTIONS = """entities:
  - name: United States
    rename: United States of America
  - name: Nobody Atall Synthetic
    hide: true
"""


@pytest.fixture(scope="module")
def warm(tmp_path_factory):
    """A small corpus with a corrections file, its warm cache and the output built from scratch (the reference)."""
    return warm_site(tmp_path_factory.mktemp("memo"), 4, CORRECTIONS)


def the_memo(cache) -> str:
    """The digest (the slot) of the one annotation memo in a cache."""
    found = sorted(cache.glob(f"*/*{article_memo.SUFFIX}"))
    assert len(found) == 1, found
    return found[0].name.partition(".")[0]


def memo_of(cache, digest: str) -> tuple[bytes, bytes]:
    """The memo at slot ``digest``: its key (its first line) and the JSON after it."""
    memo_key, _, payload = Cache(cache).get_checked(digest, article_memo.SUFFIX)[0].partition(b"\n")
    return memo_key, payload


def plant_memo(cache, digest: str, payload: bytes) -> None:
    """Write ``payload`` as the memo of slot ``digest``, under the key of the memo there (a right header)."""
    Cache(cache).put_bytes(digest, memo_of(cache, digest)[0] + b"\n" + payload, article_memo.SUFFIX)


def annotation_records(cache) -> list:
    """Annotation records and the entity index: the cache's JSON entries of their shapes."""
    records = []
    for path in cache.glob("*/*.json"):
        value = Cache(cache).get(path.stem)
        if isinstance(value, dict) and "entities" in value and ("timexes" in value or "ids" in value):
            records.append(path)
    return records


@pytest.mark.slow
def test_a_noop_build_takes_everything_from_the_memo_and_still_reports_the_corrections(warm, tmp_path):
    corpus, _, reference = warm
    cache = copied_cache(warm, tmp_path)
    records = annotation_records(cache)
    assert len(records) == len(list((corpus / "news").glob("*.txt"))) + 1  # and the index
    for path in records:  # were they read, the build would have to parse the articles again and store them anew
        path.unlink()
    result = build(corpus, tmp_path / "out", cache=cache)
    assert different(reference, tmp_path / "out") == []
    assert annotation_records(cache) == []  # the memo stood for them: nothing was parsed
    # The corrections file's problems are reported on every build, also when its rules were not applied.
    assert "annotations.yml:4: " in result.stdout + result.stderr and "matches no entity" in result.stdout + result.stderr
    assert "United States of America" in (tmp_path / "out" / "entity" / "united-states-of-america" / "index.html").read_text(
        encoding="utf-8")


def test_a_memo_under_another_key_is_a_miss_even_with_a_right_header(warm, tmp_path):
    corpus, _, reference = warm
    cache = copied_cache(warm, tmp_path)
    digest = the_memo(cache)
    memo_key, original = memo_of(cache, digest)
    edited = json.loads(original)
    for article in edited["articles"]:
        for entity in article["entities"]:
            entity["href"] = "/elsewhere/"
    Cache(cache).put_bytes(digest, b"another key\n" + json.dumps(edited).encode(), article_memo.SUFFIX)
    build(corpus, tmp_path / "out", cache=cache)
    assert different(reference, tmp_path / "out") == []
    remade_key, remade = memo_of(cache, digest)
    assert remade_key == memo_key and json.loads(remade) == json.loads(original)  # made again


@pytest.mark.slow
def test_a_truncated_memo_and_one_of_the_wrong_shape_are_misses(warm, tmp_path):
    corpus, _, reference = warm
    cache = copied_cache(warm, tmp_path)
    digest = the_memo(cache)
    path = Cache(cache).path_of(digest, article_memo.SUFFIX)
    os.truncate(path, path.stat().st_size // 2)
    build(corpus, tmp_path / "cut", cache=cache)
    assert different(reference, tmp_path / "cut") == []
    wrong_shapes = [json.dumps(v).encode() for v in ({"articles": 5, "problems": []}, {"articles": [], "problems": []},
                                                   [1, 2], {"problems": [5]}, {"index": {"entities": 1}})]
    for payload in [*wrong_shapes, b"not JSON data", json.dumps({"articles": [1]}).encode()[:-3]]:
        plant_memo(cache, digest, payload)  # even its record agrees
        result = build(corpus, tmp_path / "out", cache=cache)
        assert "Traceback" not in result.stdout + result.stderr
        assert different(reference, tmp_path / "out") == []


def test_one_memo_per_content_folder_replaced_when_anything_changes(warm, tmp_path):
    corpus, _, _ = warm
    cache = copied_cache(warm, tmp_path)
    digest = the_memo(cache)
    before = memo_of(cache, digest)
    (corpus / "annotations.yml").write_text(CORRECTIONS + "  - name: Another Nobody Synthetic\n    hide: true\n",
                                            encoding="utf-8")
    try:
        result = build(corpus, tmp_path / "out", cache=cache)
    finally:
        (corpus / "annotations.yml").write_text(CORRECTIONS, encoding="utf-8")
    assert "Another Nobody Synthetic" in result.stdout + result.stderr
    assert the_memo(cache) == digest  # the same slot, a new memo in it
    assert memo_of(cache, digest)[0] != before[0]


def test_a_hit_marks_what_the_memo_stands_for_as_used_once_a_day(tmp_path):
    store = Cache(tmp_path)
    for name in ("record", "rows"):
        store.put(name, {"x": 1})
    value = {"articles": [dict({f: [] for f in article_memo.FIELDS}, entities_key="k")], "problems": ["a problem"],
             "index": {"entities": {}, "local": {}, "ids": []}}
    payload = json.dumps(value).encode()
    store.put_bytes("memo", b"key\n" + payload, article_memo.SUFFIX)
    loaded = dict(value, index={"entities": {}, "local": {}, "ids": {}})  # the index's ids come back as a dict
    old = time.time() - 10 * 86400
    paths = [store.path_of("record"), store.path_of("rows"), store.path_of("memo", article_memo.SUFFIX)]
    for path in paths:
        os.utime(path, (old, old))
    asked = []

    def stands_for():
        asked.append(True)
        return ["record", "rows"]

    assert article_memo.load(store, "memo", "key", 1, stands_for) == loaded
    assert asked and all(path.stat().st_mtime > old + 86400 for path in paths)
    assert article_memo.load(store, "memo", "key", 1, stands_for) == loaded
    assert len(asked) == 1  # touched a moment ago: not again
    assert article_memo.load(store, "memo", "key", 2, stands_for) is None  # another number of articles
    assert article_memo.load(store, "memo", "other key", 1, stands_for) is None  # another memo


class Article:
    def __init__(self, render_key):
        self.newsreader = ArticleAnnotations(render_key=render_key)


def test_the_search_listing_is_named_by_render_keys_without_making_the_documents():
    def never():
        raise AssertionError("documents made")

    one = _listing_name([Article("a"), Article("b")], never)
    assert one == _listing_name([Article("a"), Article("b")], never)
    assert one != _listing_name([Article("a"), Article("c")], never)
    assert one != _listing_name([Article("b"), Article("a")], never)  # refs are list positions
    made = []
    docs = ([{"ref": "0", "title": "t", "entities": "", "source": "s", "body": "b"}], {"docs": [], "entities": {}})
    fallback = _listing_name([Article(None)], lambda: made.append(1) or docs)
    assert made and fallback.startswith("search-") and fallback != one


def test_sentences_are_numbered_on_first_use():
    article = parse(b"Headline\nSynthetic Wire\n19 November 2019\nOne. Two here.\nThree.\n", "a.txt")
    assert article.__dict__["_sentences"] is None
    copy = pickle.loads(pickle.dumps(article))  # as a worker process gets it
    assert article.sentences == number_sentences(article.paragraphs) == copy.sentences
    assert [s.id for s in article.sentences] == ["s1", "s2", "s3"]
    assert article.sentences is article.sentences  # numbered once
    article.sentences = number_sentences(["Other."])
    assert [s.text for s in article.sentences] == ["Other."]
