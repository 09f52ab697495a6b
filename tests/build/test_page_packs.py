"""Rendered pages cached in packs (build/page_packs.py): found after sealing, verified, fork-safe, pruned."""

from __future__ import annotations

import os
import time

from newsreader.build.cache import Cache
from newsreader.build.page_packs import PackedCache

A, B, C = "a1" * 32, "b2" * 32, "c3" * 32


def packs(folder):
    return sorted((folder / "packs").glob("*.pack"))


def test_entries_are_found_once_their_pack_is_sealed(tmp_path):
    store = PackedCache(tmp_path)
    assert store.put_text(A, "<p>page a</p>", ".out") and store.put_text(B, "<p>page b</p>", ".out")
    assert store.get_text(A, ".out") == "<p>page a</p>"  # this process knows its own pack
    assert PackedCache(tmp_path).get_text(A, ".out") is None  # no index yet: never read elsewhere
    store.seal()
    later = PackedCache(tmp_path)
    assert later.get_text(A, ".out") == "<p>page a</p>" and later.get_text(B, ".out") == "<p>page b</p>"
    assert later.has(B, ".out") and not later.has(C, ".out")
    assert len(packs(tmp_path)) == 1 and not list(tmp_path.glob("*/*.out"))  # one file, not one per page
    # Other entries are files as before; a page entry file of the older kind is not looked for (a miss).
    Cache(tmp_path).put_text(C, "<p>an older entry</p>", ".out")
    assert later.get_text(C, ".out") is None and not later.has(C, ".out")
    Cache(tmp_path).put_text(C, "[1]", ".json")
    assert later.get(C) == [1]


def test_a_cold_build_knows_it_has_nothing_to_reuse(tmp_path):
    """``holds_packs`` (a cold build skips looking up each page when it is false) counts earlier packs only."""
    from types import SimpleNamespace

    from newsreader.build.page_cache import CachingWriter

    assert not PackedCache(tmp_path).holds_packs() and not PackedCache(None).holds_packs()
    store = PackedCache(tmp_path)
    store.put_text(A, "<p>page a</p>", ".out")
    assert not store.holds_packs()  # its own pack, being written, holds nothing of an earlier build
    assert PackedCache(tmp_path).holds_packs()  # to another store (another process), an earlier pack, sealed or not
    store.seal()
    assert PackedCache(tmp_path).holds_packs()

    writer = CachingWriter(str(tmp_path / "out"), settings={"NEWSREADER_CACHE_PATH": str(tmp_path / "cold")})
    assert not writer.may_reuse()
    writer.publisher = SimpleNamespace(old={"index.html": []})  # an earlier build's output, which it may keep
    assert writer.may_reuse()


def test_an_edited_or_truncated_pack_and_a_damaged_index_are_misses(tmp_path):
    store = PackedCache(tmp_path)
    store.put_text(A, "first page " * 20, ".out")
    store.put_text(B, "second page " * 20, ".out")
    store.seal()
    pack = packs(tmp_path)[0]
    offset, length, _ = PackedCache(tmp_path).index_of(pack)[f"{A}.out"]
    with pack.open("r+b") as f:
        f.seek(offset + length - 5)
        f.write(b"#")
    assert PackedCache(tmp_path).get_text(A, ".out") is None
    assert PackedCache(tmp_path).get_text(B, ".out") == "second page " * 20
    os.truncate(pack, pack.stat().st_size - 3)
    assert PackedCache(tmp_path).get_text(B, ".out") is None
    index = next(p for p in tmp_path.glob("*/*.json"))
    with index.open("ab") as f:
        f.write(b" ")
    assert PackedCache(tmp_path).index_of(pack) is None


def test_a_forked_process_writes_a_pack_of_its_own(tmp_path):
    store = PackedCache(tmp_path)
    store.put_text(A, "from the parent, before", ".out")
    pid = os.fork()
    if pid == 0:  # the child: its entries go to its own pack, sealed before it ends
        try:
            store.put_text(B, "from the child", ".out")
            store.seal()
        finally:
            os._exit(0)
    store.put_text(C, "from the parent, after", ".out")
    assert os.waitpid(pid, 0)[1] == 0
    store.seal()
    later = PackedCache(tmp_path)
    assert [later.get_text(d, ".out") for d in (A, B, C)] == [
        "from the parent, before", "from the child", "from the parent, after"]
    assert len(packs(tmp_path)) == 2


def test_prune_removes_unused_packs_but_not_one_the_output_holds_a_copy_of(tmp_path):
    long_ago = time.time() - 30 * 86400
    for digest in (A, B):
        store = PackedCache(tmp_path)
        store.put_text(digest, f"page {digest[:2]}", ".out")
        store.seal()
    unsealed = PackedCache(tmp_path)
    unsealed.put_text(C, "a build that failed", ".out")  # never sealed
    for pack in packs(tmp_path):
        os.utime(pack, (long_ago, long_ago))
    young = PackedCache(tmp_path)
    young.put_text(C, "a build still running", ".out")
    assert PackedCache(tmp_path).prune(14, keep={B}) == 2  # A's pack (and its index), the failed build's
    later = PackedCache(tmp_path)
    assert later.get_text(A, ".out") is None and later.get_text(B, ".out") == f"page {B[:2]}"
    assert len(packs(tmp_path)) == 2  # B's, kept and touched, and the running build's
    assert all(time.time() - p.stat().st_mtime < 3600 for p in packs(tmp_path))
    young.seal()
    assert PackedCache(tmp_path).get_text(C, ".out") == "a build still running"


def test_without_packs_each_page_is_an_entry_file_of_its_own(tmp_path):
    """``NEWSREADER_PAGE_PACKS = False`` (only to measure what the packs save): a file per page, verified as any."""
    tmp_path = tmp_path / "pages"
    store = PackedCache(tmp_path, packed=False)
    assert not store.holds_packs()  # nothing stored yet: a cold build looks nothing up
    assert store.put_text(A, "<p>page a</p>", ".out")
    store.seal()
    assert not packs(tmp_path) and len(list(tmp_path.glob("*/*.out"))) == 1
    later = PackedCache(tmp_path, packed=False)
    assert later.holds_packs() and later.has(A, ".out") and later.get_text(A, ".out") == "<p>page a</p>"
    assert PackedCache(tmp_path).get_text(A, ".out") is None  # with packs, only packs are looked in
    entry = next(tmp_path.glob("*/*.out"))
    entry.write_bytes(entry.read_bytes().replace(b"page a", b"page b"))
    assert PackedCache(tmp_path, packed=False).get_text(A, ".out") is None  # edited: a miss
