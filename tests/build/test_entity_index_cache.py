"""The site-wide entity index reused from the cache: the same index as a fresh build, key order included."""

import json

from newsreader.build.cache import Cache
from newsreader.core.entities.index import build, build_cached


def e(name, type_, n=1, local=False):
    found = {"name": name, "type": type_, "aliases": [], "roles": [], "mentions": [{}] * n}
    return dict(found, local=True) if local else found


ARTICLES = [
    ("a", [e("United States", "place", 3), e("James DeHart", "person"), e("the ministry", "organization", local=True)]),
    ("b", [e("United States", "place", 2), e("$5 billion", "money"), e("Zed Corp", "organization")]),
]


def test_a_reused_index_is_the_index_a_fresh_build_makes(tmp_path):
    cache = Cache(tmp_path)
    fresh = build(ARTICLES)
    assert build_cached(cache, "k" * 64, ARTICLES) == fresh  # stored
    reused = build_cached(cache, "k" * 64, [])  # read back: the articles are not looked at
    assert reused == fresh
    assert [list(r) for r in reused["entities"].values()] == [list(r) for r in fresh["entities"].values()]
    assert list(reused["entities"]) == list(fresh["entities"]) and list(reused["ids"]) == list(fresh["ids"])


def test_an_entry_of_the_wrong_shape_is_built_again(tmp_path):
    cache = Cache(tmp_path)
    cache.put_text("k" * 64, json.dumps({"entities": []}))
    assert build_cached(cache, "k" * 64, ARTICLES) == build(ARTICLES)


def test_without_a_cache_folder_the_index_is_built(tmp_path):
    assert build_cached(Cache(None), "k" * 64, ARTICLES) == build(ARTICLES)
