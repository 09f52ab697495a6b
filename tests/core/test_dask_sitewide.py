"""The site-wide steps' whole-corpus parts made on a Dask cluster, as the local build makes them (issue #26): the alias
files and the facets of the search, the entity index's records made of the build's own strings, and the cache
entries of a file written in pieces. On a LocalCluster of this machine (loopback only)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

import synthetic  # scripts/synthetic.py
from conftest import entry_text
from newsreader.build.cache import Cache, key, use_secret
from newsreader.build.keys import file_key
from newsreader.core.entities import index as entity_index, on_dask as dask_entities
from newsreader.core.search import aliases_on_dask, on_dask as dask_search, shards
from newsreader.search import facet_pieces, search_files, shown, streamed


def entities_with_pages(count: int) -> list[dict]:
    """Made-up names, some shared (a name met again lists the entity once; a surname lists up to five), aliases."""
    out = []
    for i in range(count):
        shared = synthetic.PEOPLE[i % len(synthetic.PEOPLE)]
        name = shared if i % 4 == 0 else synthetic._made_up_name(random.Random(i), 2)
        out.append({"name": name, "type": ("person", "organization", "place")[i % 3], "url": f"/entity/e{i}/",
                    "aliases": [f"E{i}", shared] if i % 5 == 0 else []})
    return out


def store_of(count: int) -> dict:
    """A search store as ``documents_and_store`` leaves it (entity ids in order), without the texts."""
    entities = {f"e{i:05d}": [e["name"], e["type"], e["aliases"], e["url"] if i % 7 else None]
                for i, e in enumerate(entities_with_pages(count))}
    ids = list(entities)
    docs = [{"t": f"T{d}", "u": f"/news/{d}/", "s": f"Wire {'ABC'[d % 3]}" if d % 11 else "", "d": None,
             "y": 2000 + d % 9 if d % 13 else None, "p": [], "e": sorted({ids[(d * k) % len(ids)] for k in (1, 3, 7)})}
            for d in range(count // 3)]
    return {"docs": docs, "entities": entities}


def test_the_alias_files_made_on_the_cluster_are_the_local_ones(cluster, monkeypatch):
    from distributed import get_task_stream

    monkeypatch.setattr(aliases_on_dask, "PARTITION", 170)  # 12 partitions, 5 groups, runs of 3 buckets
    monkeypatch.setattr(aliases_on_dask, "SENT", 60)  # each partition sent in parts
    monkeypatch.setattr(aliases_on_dask, "GROUP_ENTITIES", 400)
    monkeypatch.setattr(aliases_on_dask, "BUCKETS_PER_TASK", 3)
    entities = entities_with_pages(2000)
    local = shards.alias_buckets(entities)
    assert len(local) >= 20 and any(len(rows) == 5 for b in local for rows in b.values())  # many files; full keys
    search = dask_search.Search(cluster, [])
    with get_task_stream(cluster) as stream:
        made = list(aliases_on_dask.files(search, iter(entities)))  # a generator, as a build gives them
    assert made == [(f"a{n}.json", shards.dumps(b)) for n, b in enumerate(local)]
    assert search.aliases == len(local)
    ran = {str(t["key"]).split("-")[0] for t in stream.data}
    assert {"lists", "merged_aliases", "texts"} <= ran, ran


def test_no_entity_with_a_page_makes_one_empty_alias_file(cluster):
    search = dask_search.Search(cluster, [])
    assert list(aliases_on_dask.files(search, iter([]))) == [("a0.json", "{}")] == \
        [(f"a{n}.json", shards.dumps(b)) for n, b in enumerate(shards.alias_buckets([]))]


@pytest.mark.parametrize("ordered", [True, False])
def test_the_facets_in_pieces_are_the_local_file(ordered, monkeypatch):
    import newsreader.search as glue

    monkeypatch.setattr(glue, "ROWS", 7)  # many pieces
    store = store_of(300)
    if not ordered:  # ids out of order: numbered by a dict instead of bisection
        store["entities"] = dict(reversed(store["entities"].items()))
    pieces = list(facet_pieces(store))
    assert len(pieces) > 10
    assert "".join(pieces) == shards.dumps(shown(store)[1])
    store["docs"][5]["e"].append("e99999")  # an id that is not in the store is an error, as locally
    with pytest.raises(KeyError):
        "".join(facet_pieces(store))


def test_the_search_files_from_the_cluster_with_the_store_streamed_are_the_local_ones(cluster, tmp_path):
    from test_dask import search_documents, tree

    docs, store = search_documents(400)
    local = search_files(docs, store)
    kept = {}
    folder, manifest = dask_search.write(dask_search.Search(cluster, docs, partition=150), tmp_path,
                                         *streamed(store), kept=kept.__setitem__)
    assert tree(tmp_path) == {path: text.encode() for path, text in local.items()}
    facets = kept["facets.json"]  # written in pieces: the file written is named (in the folder being written)
    assert isinstance(facets, Path) and facets.name == "facets.json" and facets.parent.name.startswith("s-writing-")
    pieced = {path for path, text in kept.items() if not isinstance(text, str)}
    assert pieced == {"facets.json", "vocab.json", *(f"v{n}.json" for n in range(1, shards.LENGTHS + 1))}


def test_a_file_written_in_pieces_is_kept_in_the_cache_as_its_text_would_be(tmp_path):
    text = 'a"b\\c\nd\u2028é\x01Ż' * 90_000  # escapes, and characters cut by the blocks read
    written = tmp_path / "facets.json"
    written.write_text(text, encoding="utf-8", newline="")
    assert file_key("search-file", written) == key("search-file", text)
    use_secret(str(tmp_path / "cache"))
    cache = Cache(str(tmp_path / "cache"))
    digest = file_key("search-file", written)
    cache.put_file(digest, written, ".txt")
    assert entry_text(cache, digest, ".txt") == text
    cache.put_text("other", text, ".txt")
    assert cache.path_of("other", ".txt").read_bytes().split(b"\n", 1)[1] == \
        cache.path_of(digest, ".txt").read_bytes().split(b"\n", 1)[1]


def test_the_build_process_neither_numbers_nor_sorts_a_term(cluster, tmp_path, monkeypatch):
    from distributed import Future
    from test_dask import search_documents, tree

    from newsreader.core.search import index

    docs, store = search_documents(700)
    local = search_files(docs, store)
    terms = set(index.build_index(docs).terms)

    def refused(term):
        raise AssertionError(f"{term!r} put in lunr's order in the build process")

    for module in (index, shards, dask_search):  # this process's modules only: the workers have their own
        monkeypatch.setattr(module, "js_order", refused)
    fetched, result = [], Future.result

    def kept(self, *args, **kwargs):
        fetched.append(result(self, *args, **kwargs))
        return fetched[-1]

    def loose(value) -> int:  # the terms a result holds as strings of their own (not inside a file's text)
        if isinstance(value, str):
            return value in terms
        values = value.values() if isinstance(value, dict) else value if isinstance(value, list | tuple) else ()
        return sum(loose(v) for v in values)

    monkeypatch.setattr(Future, "result", kept)
    search = dask_search.Search(cluster, docs, partition=150, range_terms=97)  # 5 partitions, dozens of ranges
    dask_search.write(search, tmp_path, *streamed(store))
    assert tree(tmp_path) == {path: text.encode() for path, text in local.items()}
    shard_count = json.loads(local["manifest.json"])["shards"]
    assert len(terms) > 10 * shard_count > 200
    # What came here: the number of ranges, then texts a range at a time, and the shards' keys (a term at most each).
    assert sum(loose(value) for value in fetched) <= shard_count + search.ranges  # and the last term of each range
    assert fetched[0] >= len(terms) / 97  # the number of ranges (of 97 terms at most)


def test_sending_the_documents_leaves_no_copy_of_their_text_here(cluster):
    import sys

    from test_dask import search_documents

    from newsreader.core.search.index import build_index

    docs, _ = search_documents(60)
    for doc in docs:
        doc["title"] += " \u2014 caf\u00e9"  # past ASCII: pickled, a string would keep a UTF-8 copy of itself
    sizes = [sys.getsizeof(doc[field]) for doc in docs for field in ("title", "body")]
    assert dask_search.build_index(cluster, docs, partition=25) == build_index(docs)
    assert [sys.getsizeof(doc[field]) for doc in docs for field in ("title", "body")] == sizes


def test_sending_the_entity_dicts_leaves_no_copy_of_their_names_here(cluster, tmp_path):
    import sys

    from test_dask import entity_articles, same_index

    articles = [(f"{slug}-caf\u00e9", ents) for slug, ents in entity_articles(60)]
    for _, ents in articles:
        for e in ents:
            e["name"] += " M\u00fcller"  # past ASCII: pickled, a string would keep a UTF-8 copy of itself
            e["aliases"] = [f"{alias} \u00c5" for alias in e["aliases"]]
    strings = [s for slug, ents in articles for s in (slug, *(n for e in ents for n in (e["name"], *e["aliases"])))]
    sizes = [sys.getsizeof(s) for s in strings]
    found = dask_entities.build(cluster, articles, tmp_path / "index.sqlite", partition=13, buckets=3)
    assert [sys.getsizeof(s) for s in strings] == sizes
    same_index(found, entity_index.build(articles))


def test_the_timeline_lists_each_partition_as_it_sends_it(cluster, monkeypatch):
    from newsreader.core import site_timeline

    said = []

    class Event(dict):  # says when its date is read
        def __getitem__(self, name):
            if name == "date":
                said.append(self["n"])
            return super().__getitem__(name)

    events = [Event(date=f"{2001 + i // 70}-{1 + i // 7 % 10:02d}", precision="month", n=i) for i in range(200)]
    scatter = cluster.scatter

    def sent(data, **kwargs):
        said.append(f"sent {len(json.loads(data[0]))}")  # one JSON text
        return scatter(data, **kwargs)

    monkeypatch.setattr(cluster, "scatter", sent)
    found = site_timeline.timeline_years_on(cluster, events, partition=60)
    assert said == [*range(60), "sent 60", *range(60, 120), "sent 60", *range(120, 180), "sent 60",
                    *range(180, 200), "sent 20"]  # never every date listed before the first is sent
    assert found == site_timeline.timeline_years(events)
    assert [id(e) for y in found["years"] for m in y["months"] for e in m["events"]] == [id(e) for e in events]


def test_a_months_events_are_placed_as_runs_of_positions():
    from newsreader.core import site_timeline

    dated = [("2001-01", "month")] * 3 + [("2001-02-03", "day")] * 2 + [("2001-01", "month"), ("2001", "year")]
    assert site_timeline.years_of(dated, 10) == {2001: {1: [10, 13, 15, 16], 2: [13, 15], 0: [16, 17]}}
    years = site_timeline.years_of(dated[:2])
    site_timeline.merge(years, site_timeline.years_of(dated[2:], 2))  # a run cut by the partitions is one again
    assert years == site_timeline.years_of(dated)


def test_the_paths_written_are_kept_as_runs_and_given_back_in_sorted_order():
    paths = [f"d/{n}.json" for n in range(1234)] + [f"t{n}.json" for n in range(101)] + ["k0.json", "a0.json"]
    paths += [f"v{n}.json" for n in range(1, 25)] + ["vocab.json", "facets.json", "x/01.json", "x/1.json", "t200.json"]
    written = dask_search.Written()
    for path in paths:
        written.add(path)
    assert written.runs == {"d/": 1234, "t": 101, "k": 1, "a": 1}  # the numbered files from 0: a count each
    assert len(written.others) == 29
    assert list(written.sorted()) == sorted(paths)


def test_the_search_files_listed_in_the_cache_a_line_at_a_time_are_linked_back_whole(cluster, tmp_path):
    """A build on a cluster keeps each search file in the cache as it is written and lists them there (a line a
    file in a temporary file, never a dict of every document's file): the next build finds every file there."""
    from newsreader import dask_glue
    from newsreader.search import _valid_listing
    from test_dask import search_documents, tree

    class Cluster:  # what write_search asks of the build's Dask session
        def __init__(self):
            self.tries = 0

        def sitewide(self, step, what):
            self.tries += 1
            if self.tries == 1:  # a step made again from the start (a worker lost): its files listed once
                step(cluster, None)
            return step(cluster, None)

    use_secret(str(tmp_path / "cache"))
    cache = Cache(tmp_path / "cache")
    docs, store = search_documents(700)
    local = search_files(docs, store)
    out = tmp_path / "out"
    out.mkdir()
    search = dask_search.Search(cluster, docs, partition=150, range_terms=97)
    dask_glue.write_search(Cluster(), search, docs, lambda: streamed(store), out, cache, "a" * 64)
    assert tree(out) == {path: text.encode() for path, text in local.items()}
    listing = cache.get("a" * 64, valid=_valid_listing)  # as the next build reads it
    assert sorted(listing) == sorted(local) and len(listing) > 700  # each file once, the manifest among them
    assert {path: entry_text(cache, digest, ".txt") for path, digest in listing.items()} == local
    pairs = json.loads(entry_text(cache, "a" * 64, ".json"), object_pairs_hook=list)
    assert len(pairs) == len(local)
