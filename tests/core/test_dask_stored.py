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
    for slug, ents in articles[:20]:
        for e in ents:
            eid = entity_index.id_of(found, slug, e)
            assert eid == entity_index.id_of(expected, slug, e)
            rec = entity_index.record(expected, eid)
            assert entity_index.brief(found, eid) == entity_index.brief(expected, eid) == \
                (rec["type"], rec["url"], len(rec["articles"]))
    some = next(iter(expected["entities"]))
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


def test_the_file_is_kept_in_the_cache_and_read_again_only_as_it_was_written(tmp_path):
    use_secret(str(tmp_path / "cache"))
    cache = Cache(tmp_path / "cache")
    articles = _articles()
    expected = entity_index.build(articles)
    made = []

    def make(into):
        made.append(into)
        writer = stored.Writer(into)
        writer.ids(expected["ids"].items())
        writer.records(expected["entities"].values())
        writer.records(expected["local"].values(), local=True)
        writer.close()
        return stored.opened(into)

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
