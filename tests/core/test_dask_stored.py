"""The entity index a build on a Dask cluster keeps in a file (``core/entities/stored.py``, issue #26): the very
index of a local build, read from the file; never whole in the build process on its way there; kept in the cache
as a file that is checked before it is read. The cluster is a LocalCluster of this machine (loopback only)."""

from __future__ import annotations

import json
import os

import pytest

from newsreader.build.cache import Cache, use_secret
from newsreader.core.entities import index as entity_index, on_dask as dask_entities, stored
from test_dask import same_index


def _articles():
    from test_dask import entity_articles

    articles = entity_articles(120)
    articles[7][1].append({"name": "Zoë Ångström", "type": "person", "aliases": ["Ångström"], "roles": ["café owner"],
                           "mentions": [{"sentence": "s2", "start": 0, "end": 12}]})  # past ASCII: kept as it is
    return articles


def test_an_index_read_from_its_file_is_the_index_written(tmp_path):
    articles = _articles()
    expected = entity_index.build(articles)
    writer = stored.Writer(tmp_path / "index.sqlite")
    writer.ids(reversed(list(expected["ids"].items())))  # any order in: id order out
    writer.records(reversed(list(expected["entities"].values())))
    writer.records(expected["local"].values(), local=True)
    writer.close()
    found = stored.opened(tmp_path / "index.sqlite")
    same_index(found, expected)
    assert dict(found["ids"].items()) == expected["ids"]
    seen = set()
    for slug, ents in articles[:20]:
        for e in ents:
            eid = entity_index.id_of(found, slug, e)
            seen.add(eid)
            assert eid == entity_index.id_of(expected, slug, e)
            rec = entity_index.record(found, eid)  # the file's columns agree with its record, and with a local build
            assert entity_index.brief(found, eid) == (rec["type"], rec["url"], len(rec["articles"])) == \
                entity_index.brief(expected, eid)
    some = next(eid for eid in expected["entities"] if eid not in seen)  # not kept parsed: read from the file
    assert some in found["entities"] and found["entities"].get("no-such-id") is None
    with pytest.raises(KeyError):
        found["local"][some]  # a site-wide entity is not an article-local one
    read, write = os.pipe()
    pid = os.fork()  # the entity pages' second process: a connection of its own, the same records
    if pid == 0:
        os.close(read)
        inherited = found["entities"].db.connection
        record = found["entities"][some]
        os.write(write, json.dumps([record, found["entities"].db.connection is not inherited]).encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        assert json.loads(pipe.read()) == [expected["entities"][some], True]  # read on a connection of its own
    os.waitpid(pid, 0)
    assert found["entities"].db.pid == os.getpid()
    assert stored.opened(tmp_path / "nothing.sqlite") is None
    (tmp_path / "junk.sqlite").write_bytes(b"not a database at all" * 100)
    assert stored.opened(tmp_path / "junk.sqlite") is None


def test_the_index_written_from_the_cluster_is_the_local_one_a_piece_at_a_time(cluster, tmp_path, monkeypatch):
    articles = _articles()
    expected = entity_index.build(articles, min_articles=2)
    pieces, real = [], dask_entities.decoded
    monkeypatch.setattr(dask_entities, "PIECE", 9)

    def counted(sent):
        value = real(sent)
        if isinstance(sent, bytes):
            pieces.append(len(value))
        return value

    monkeypatch.setattr(dask_entities, "decoded", counted)
    found = dask_entities.build(cluster, articles, tmp_path / "i.sqlite", partition=17, buckets=5, min_articles=2)
    same_index(found, expected)
    assert max(pieces) <= 9 and len(pieces) > 20  # the records came a few at a time, never a bucket whole
    assert any(rec["url"] is None for rec in expected["entities"].values())


def _written(into, index: dict) -> dict:
    writer = stored.Writer(into)
    writer.ids(index["ids"].items())
    writer.records(index["entities"].values())
    writer.records(index["local"].values(), local=True)
    writer.close()
    return stored.opened(into)


def test_the_file_is_kept_in_the_cache_and_read_again_only_as_it_was_written(tmp_path):
    use_secret(str(tmp_path / "cache"))
    cache = Cache(tmp_path / "cache")
    articles = _articles()
    expected = entity_index.build(articles)
    made = []

    def make(into):
        made.append(into)
        return _written(into, expected)

    same_index(stored.cached(cache, "a" * 64, True, make), expected)
    same_index(stored.cached(cache, "a" * 64, True, make), expected)
    assert len(made) == 1  # the second time, read from the cache
    path = cache.path_of("a" * 64, stored.SUFFIX)
    data = bytearray(path.read_bytes())
    data[-200] ^= 1  # one bit of the file changed (by hand, by a disk): made again, not read
    path.write_bytes(bytes(data))
    same_index(stored.cached(cache, "a" * 64, True, make), expected)
    assert len(made) == 2
    same_index(stored.cached(cache, "a" * 64, False, make), expected)  # not to be reused (a build that did not finish)
    assert len(made) == 3
    same_index(stored.cached(Cache(None), "a" * 64, True, make), expected)  # no cache: a file of its own
    assert len(made) == 4 and not str(made[-1]).startswith(str(tmp_path))


def test_a_build_on_a_cluster_makes_its_index_file_once_and_checks_it_only_when_reused(tmp_path, monkeypatch):
    """``index.build_cached`` with a Dask builder: the file is made once a build (never again because of what it
    holds: a fresh index is as good as this code makes it), checked when it is reused (URLs that are no longer
    this code's: made again), and a failed build leaves nothing half-written in the cache."""
    use_secret(str(tmp_path / "cache"))
    cache = Cache(tmp_path / "cache")
    articles, made = _articles(), []

    def builder(articles, into, **rule):
        made.append(rule["url_pattern"])
        return _written(into, entity_index.build(articles, **rule))

    expected = entity_index.build(articles)
    same_index(entity_index.build_cached(cache, "a" * 64, articles, builder=builder), expected)
    same_index(entity_index.build_cached(cache, "a" * 64, [], builder=builder), expected)  # reused
    assert made == ["entity/{id}/"]
    moved = entity_index.build_cached(cache, "a" * 64, articles, url_pattern="news/{id}/", builder=builder)
    assert made[-1] == "news/{id}/" and len(made) == 2  # the kept file's URLs are not this pattern's: made again
    assert next(iter(moved["entities"].values()))["url"].startswith("news/")
    entity_index.build_cached(cache, "b" * 64, articles, url_pattern="/entity/{id}/", builder=builder)
    assert len(made) == 3  # a pattern whose URLs are never sound: made once all the same, not again

    def broken(articles, into, **rule):
        stored.Writer(into).ids([(("person", "Half"), "half")])
        raise RuntimeError("the cluster went away")

    with pytest.raises(RuntimeError, match="went away"):
        entity_index.build_cached(cache, "c" * 64, articles, reuse=False, builder=broken)
    assert not [p for p in cache.folder.rglob("*") if p.name.endswith(".tmp")]

    def full(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(stored.os, "replace", full)  # made, but not kept in the cache: read where it was made
    same_index(entity_index.build_cached(cache, "d" * 64, articles, builder=builder), expected)
    assert len(made) == 4
