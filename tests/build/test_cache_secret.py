"""Cache entries are authenticated: a cache written by anyone without the secret can make a build slower, never wrong.

An entry's header holds its size and SHA-256 (it is whole) and an HMAC-SHA256 of its key and payload, keyed by a
secret never kept in the cache folder (``NEWSREADER_CACHE_SECRET``, else a key file beside the folder). Each test
here forges or moves entries as someone who can write the cache but does not know the secret could, and checks
that the build's output equals a clean build's, byte for byte.
"""

from __future__ import annotations

import pytest

import hashlib
import json
import os
import shutil
import stat

from conftest import build, make_fixture_corpus
from newsreader.build.cache import Cache, key, use_secret
from newsreader.build.page_packs import PackedCache
from test_cache_damage import copied_cache, entries, warm  # noqa: F401 - the fixture
from test_page_cache import cache_report, different

FORGED = "FORGED-BY-SOMEONE-WITHOUT-THE-SECRET"


def forge(blob: bytes, payload: bytes) -> bytes:
    """``blob``'s header made right for ``payload`` (size and SHA-256), the rest of it kept: what anyone can do."""
    head, _, _ = blob.partition(b"\n")
    parts = head.split(b" ")
    parts[1], parts[2] = hashlib.sha256(payload).hexdigest().encode(), str(len(payload)).encode()
    return b" ".join(parts) + b"\n" + payload


def payload_of(blob: bytes) -> bytes:
    return blob.partition(b"\n")[2]


def no_forgery(folder) -> bool:
    return not any(FORGED.encode() in path.read_bytes() for path in folder.rglob("*") if path.is_file())


def test_entries_forged_with_right_headers_are_misses(warm, tmp_path):
    """Every rendered page and every JSON record rewritten to say something else, each header right for its new
    payload (size, SHA-256, and the pack index's hashes), as the old header let anyone do: all misses."""
    corpus, _, reference = warm
    cache = copied_cache(warm, tmp_path)
    pages = PackedCache(cache / "pages")
    packs = entries(cache / "pages" / "packs", "*.pack")
    forged_pack = cache / "pages" / "packs" / "99999999999999999999-1-forged.pack"  # read last: it would win
    index, data = {}, bytearray()
    for pack in packs:
        blob = pack.read_bytes()
        for name, (offset, length, _) in pages.index_of(pack).items():
            page = payload_of(blob[offset:offset + length])
            forged = forge(blob[offset:offset + length], page.replace(b"</body>", FORGED.encode() + b"</body>")
                           if b"</body>" in page else page + FORGED.encode())
            index[name] = [len(data), len(forged), hashlib.sha256(payload_of(forged)).hexdigest()]
            data += forged
    forged_pack.write_bytes(bytes(data))
    index_name = key("page pack index", forged_pack.name)
    some_index = pages.path_of(key("page pack index", packs[0].name))
    pages.path_of(index_name).parent.mkdir(parents=True, exist_ok=True)
    pages.path_of(index_name).write_bytes(forge(some_index.read_bytes(), json.dumps(index).encode()))
    for pack in packs:  # the forged pack is the only one
        pack.unlink()
        pages.path_of(key("page pack index", pack.name)).unlink()
    # Every JSON record (annotations, memo, entity index, lists…): its strings edited, its header made right.
    for path in [*cache.glob("*/*.json"), *cache.glob("*/*.memo*")]:
        blob = path.read_bytes()
        path.write_bytes(forge(blob, payload_of(blob).replace(b'"text": "', f'"text": "{FORGED} '.encode())
                               .replace(b"Synthetic", FORGED.encode())))
    result = build(corpus, tmp_path / "out", cache=cache, args=("-v",))
    reused, rendered = cache_report(result)
    assert rendered > 0 and reused == 0
    assert no_forgery(tmp_path / "out")
    assert different(reference, tmp_path / "out") == []


def test_entries_copied_under_another_key_are_misses(warm, tmp_path):
    """Each JSON record moved, whole (header and all), to another record's key: all misses."""
    corpus, _, reference = warm
    cache = copied_cache(warm, tmp_path)
    for path in cache.glob("*/*.memo"):
        path.unlink()  # no memo (a plain miss): the records it stands for are read
    records = entries(cache, "*/*[0-9a-f].json")
    blobs = [path.read_bytes() for path in records]
    for path, blob in zip(records, blobs[1:] + blobs[:1]):
        path.write_bytes(blob)
    # And each pack's index moved to the next pack's key (so pack entries are looked for at other places).
    pages = PackedCache(cache / "pages")
    packs = entries(cache / "pages" / "packs", "*.pack")
    if len(packs) > 1:
        indexes = [pages.path_of(key("page pack index", pack.name)).read_bytes() for pack in packs]
        for pack, blob in zip(packs, indexes[1:] + indexes[:1]):
            pages.path_of(key("page pack index", pack.name)).write_bytes(blob)
    build(corpus, tmp_path / "out", cache=cache)
    assert different(reference, tmp_path / "out") == []


def test_an_entry_copied_under_another_key_is_a_miss(tmp_path):
    store = Cache(tmp_path)
    store.put("a" * 64, {"says": "one"})
    store.put("b" * 64, {"says": "two"})
    shutil.copyfile(store.path_of("a" * 64), store.path_of("b" * 64))
    assert store.get("a" * 64) == {"says": "one"}
    assert store.get("b" * 64) is None
    packed = PackedCache(tmp_path / "pages")
    packed.put_bytes("c" * 64, b"<p>page c</p>", ".out")
    packed.seal()
    pack = next((tmp_path / "pages" / "packs").glob("*.pack"))
    copy = pack.with_name("1-1-copied.pack")
    shutil.copyfile(pack, copy)
    copied_index = packed.path_of(key("page pack index", copy.name))
    copied_index.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(packed.path_of(key("page pack index", pack.name)), copied_index)
    assert packed.index_of(pack) is not None
    assert packed.index_of(copy) is None


@pytest.mark.slow
def test_a_build_with_another_secret_makes_everything_again(warm, tmp_path):
    """A cache written with secret A, read with secret B: every page rendered and every article annotated again,
    the same bytes; then B's entries are reused."""
    corpus, _, _ = warm
    cache = tmp_path / "cache"
    build(corpus, tmp_path / "a", cache=cache, NEWSREADER_CACHE_SECRET="secret A")
    records = {path: path.read_bytes() for path in cache.glob("*/*.json")
               if b'"timexes"' in path.read_bytes() and b'"entities"' in path.read_bytes()}
    assert records
    reused, rendered = cache_report(build(corpus, tmp_path / "b", cache=cache, args=("-v",),
                                          NEWSREADER_CACHE_SECRET="secret B"))
    assert reused == 0 and rendered > 0
    assert different(tmp_path / "a", tmp_path / "b") == []
    # Every annotation record was a miss, made again and stored anew (another MAC: other bytes).
    assert [path for path, blob in records.items() if path.read_bytes() == blob] == []
    reused, rendered = cache_report(build(corpus, tmp_path / "b2", cache=cache, args=("-v",),
                                          NEWSREADER_CACHE_SECRET="secret B"))
    assert rendered == 0 and reused > 0
    assert different(tmp_path / "a", tmp_path / "b2") == []


@pytest.mark.slow
def test_without_the_variable_the_secret_is_kept_beside_the_cache(warm, tmp_path, monkeypatch):
    corpus, _, reference = warm
    monkeypatch.delenv("NEWSREADER_CACHE_SECRET")
    cache = tmp_path / "site" / "cache"
    key_file = tmp_path / "site" / "cache.key"
    build(corpus, tmp_path / "out", cache=cache)
    assert key_file.is_file() and len(key_file.read_bytes()) == 32
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert not [path for path in cache.rglob("*.key*")]  # never inside the cache folder
    secret = key_file.read_bytes()
    reused, rendered = cache_report(build(corpus, tmp_path / "again", cache=cache, args=("-v",)))
    assert rendered == 0 and reused > 0
    assert key_file.read_bytes() == secret
    assert different(reference, tmp_path / "again") == []
    # The cache folder alone, restored elsewhere without its key file: all misses, the same output.
    shutil.copytree(cache, tmp_path / "restored" / "cache")
    reused, rendered = cache_report(build(corpus, tmp_path / "restored-out", cache=tmp_path / "restored" / "cache",
                                          args=("-v",)))
    assert reused == 0 and rendered > 0
    assert different(reference, tmp_path / "restored-out") == []
    assert os.path.getsize(tmp_path / "restored" / "cache.key") == 32
    assert (tmp_path / "restored" / "cache.key").read_bytes() != secret


@pytest.mark.slow
def test_forked_processes_use_the_builds_secret(tmp_path, monkeypatch):
    """Entity pages rendered by the forked helper and search files made by the forked search worker, with the key
    file's secret: the next build reuses them all."""
    monkeypatch.delenv("NEWSREADER_CACHE_SECRET")
    corpus = make_fixture_corpus(tmp_path / "corpus")
    cache = tmp_path / "cache"
    one = build(corpus, tmp_path / "out", cache=cache, args=("-v", "-e", "NEWSREADER_PARALLEL_FROM=1"),
                NEWSREADER_PROCESSES="2")
    assert "in two processes" in one.stdout + one.stderr
    use_secret(cache)  # this process reads the cache with the key file's secret, as the build did
    try:
        packs = entries(cache / "pages" / "packs", "*.pack")
        assert len(packs) >= 2 and all(PackedCache(cache / "pages").index_of(pack) for pack in packs)  # helper's too
        assert all(Cache(cache).get(path.stem) for path in entries(cache, "*/search-*.json"))  # the search worker's
    finally:
        monkeypatch.undo()
        use_secret(None)
    monkeypatch.delenv("NEWSREADER_CACHE_SECRET")
    again = build(corpus, tmp_path / "out", cache=cache, args=("-v",), NEWSREADER_PROCESSES="2")
    assert again.report["output"]["written"] == 0
    assert cache_report(again) == (cache_report(one)[1], 0)
