"""Rendered pages cached in packs (build/page_packs.py): found after sealing, verified, fork-safe, pruned."""

from __future__ import annotations

import os
import time

from conftest import entry_text
from newsreader.build.cache import Cache
from newsreader.build.page_packs import PackedCache

A, B, C = "a1" * 32, "b2" * 32, "c3" * 32


def packs(folder):
    return sorted((folder / "packs").glob("*.pack"))


def test_entries_are_found_once_their_pack_is_sealed(tmp_path):
    store = PackedCache(tmp_path)
    assert store.put_text(A, "<p>page a</p>", ".out") and store.put_text(B, "<p>page b</p>", ".out")
    assert entry_text(store, A, ".out") == "<p>page a</p>"  # this process knows its own pack
    assert entry_text(PackedCache(tmp_path), A, ".out") is None  # no index yet: never read elsewhere
    store.seal()
    later = PackedCache(tmp_path)
    assert entry_text(later, A, ".out") == "<p>page a</p>" and entry_text(later, B, ".out") == "<p>page b</p>"
    assert later.has(B, ".out") and not later.has(C, ".out")
    assert len(packs(tmp_path)) == 1 and not list(tmp_path.glob("*/*.out"))  # one file, not one per page
    # Other entries are files as before; a page entry file of the older kind is not looked for (a miss).
    Cache(tmp_path).put_text(C, "<p>an older entry</p>", ".out")
    assert entry_text(later, C, ".out") is None and not later.has(C, ".out")
    Cache(tmp_path).put_text(C, "[1]", ".json")
    assert later.get(C) == [1]


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
    assert entry_text(PackedCache(tmp_path), A, ".out") is None
    assert entry_text(PackedCache(tmp_path), B, ".out") == "second page " * 20
    os.truncate(pack, pack.stat().st_size - 3)
    assert entry_text(PackedCache(tmp_path), B, ".out") is None
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
    assert [entry_text(later, d, ".out") for d in (A, B, C)] == [
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
    assert PackedCache(tmp_path).prune(14, keep={B}) == 2  # A's pack and the failed build's, both unused for long
    later = PackedCache(tmp_path)
    assert entry_text(later, A, ".out") is None and entry_text(later, B, ".out") == f"page {B[:2]}"
    assert len(packs(tmp_path)) == 2  # B's, kept and touched, and the running build's
    assert all(time.time() - p.stat().st_mtime < 3600 for p in packs(tmp_path))
    young.seal()
    assert entry_text(PackedCache(tmp_path), C, ".out") == "a build still running"



def test_a_pack_in_use_keeps_its_index_however_old_both_are(tmp_path):
    """Using a pack, or keeping it for the output folder, marks its index as used too: else the index, an old entry,
    would be pruned, and the pack with it."""
    long_ago = time.time() - 30 * 86400
    for digest in (A, B):
        store = PackedCache(tmp_path)
        store.put_text(digest, f"page {digest[:2]}", ".out")
        store.seal()
    for path in [*packs(tmp_path), *tmp_path.glob("*/*.json")]:
        os.utime(path, (long_ago, long_ago))
    assert PackedCache(tmp_path).get_checked(A, ".out", touch=True)  # A's pack used by a build
    assert PackedCache(tmp_path).prune(14, keep={B}) == 0  # B's kept: the output folder holds a copy
    assert PackedCache(tmp_path).prune(14) == 0
    later = PackedCache(tmp_path)
    assert entry_text(later, A, ".out") == f"page {A[:2]}" and entry_text(later, B, ".out") == f"page {B[:2]}"
