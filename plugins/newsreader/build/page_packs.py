"""Rendered files cached in packs: one file per build process, not one per page.

Creating a file costs far more here than writing its bytes, and a cold build of
an entity-rich site renders tens of thousands of pages, each written twice (the
staging folder, the cache): the cache's file per page was a third of the time
spent writing output. :class:`PackedCache` is the page cache with its rendered
files (``.out`` entries) appended to a *pack*, one per process, each wrapped
with its size, SHA-256 and MAC (of its name: authenticated like any entry). When the process has finished
(:meth:`PackedCache.seal`), the pack's index (entry name → offset and length)
is stored as an ordinary, verified and authenticated cache entry named after the pack. A pack
without an index (its build failed) is never read, and goes after an hour.

The first lookup reads every pack's index (one per build that rendered
something); an entry is then read from its pack and verified: a truncated or
edited pack is a miss, as a damaged entry file is. Rendered files are looked
for in packs only (an entry file of the older kind is a miss: rendered once more). A pack is touched when an entry of it is used;
:meth:`PackedCache.prune` removes a pack no build has used for the cache's days,
unless it holds an entry the output folder has a copy of. Packs are not compacted:
a pack stays while any of its entries is still in use.
"""

from __future__ import annotations

import os
import secrets
import time

from .cache import STALE_TMP, Cache, _unwrap, is_digest, key, named, remove, wrap

PACKS = "packs"  # sub-folder of the cache's folder
PACKED = ".out"  # the entries kept in packs: rendered pages, feeds and data files


def _index_name(pack: str) -> str:
    return key("page pack index", pack)


def _valid_index(value) -> bool:
    """entry name -> [offset, length, SHA-256 of the entry's payload]: the hash binds the bytes at that place to
    the name (two entries of one length swapped in the pack each check out by their own header, not by this)."""
    return isinstance(value, dict) and all(
        isinstance(name, str) and isinstance(at, list) and len(at) == 3 and type(at[0]) is int and at[0] >= 0
        and type(at[1]) is int and at[1] >= 0 and is_digest(at[2]) for name, at in value.items())


class PackedCache(Cache):
    SKIP_IN_PRUNE = frozenset({PACKS})  # prune() handles packs itself

    def __init__(self, folder, packed: bool = True):
        super().__init__(folder)
        self.packed = packed  # False: a file per entry, as in any cache (only to measure the packs' win)
        self._writing: dict | None = None  # this process's pack: pid, path, file, size, index
        self._known: dict[str, tuple[str, int, int, str]] | None = None  # entry name -> pack, offset, length, SHA-256
        self._readers: dict[str, int] = {}  # pack path -> open descriptor (read with pread: safe after a fork)
        self._touched: set[str] = set()

    # -- writing ---------------------------------------------------------------------------------------------
    def _pack(self) -> dict:
        if self._writing is None or self._writing["pid"] != os.getpid():  # a forked process starts its own
            folder = self.folder / PACKS
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"{time.time_ns()}-{os.getpid()}-{secrets.token_hex(4)}.pack"
            self._writing = {"pid": os.getpid(), "path": str(path), "file": path.open("xb"), "size": 0, "index": {}}
        return self._writing

    def put_bytes(self, digest: str, payload: bytes, suffix: str = ".json") -> str | None:
        if suffix != PACKED or not self.packed:
            return super().put_bytes(digest, payload, suffix)
        if self.folder is None or not self.writable:
            return None
        name = f"{digest}{suffix}"
        blob, content_hash = wrap(payload, name)
        pack = None
        try:
            pack = self._pack()
            pack["file"].write(blob)
            pack["file"].flush()  # nothing left in the buffer: a fork cannot write it twice
        except OSError as err:
            self._failed(named(err, pack["path"]) if pack else err)
            return None
        pack["index"][name] = [pack["size"], len(blob), content_hash]
        if self._known is not None:
            self._known[name] = (pack["path"], pack["size"], len(blob), content_hash)
        pack["size"] += len(blob)
        return content_hash

    def seal(self) -> None:
        """Store this process's pack's index (its entries can be found from now on), close the pack and the packs
        read (opened again if read again)."""
        for descriptor in self._readers.values():
            os.close(descriptor)
        self._readers = {}
        pack, self._writing = self._writing, None
        if pack is None or pack["pid"] != os.getpid():
            return
        try:
            pack["file"].close()
        except OSError as err:
            self._failed(err)
            return
        if pack["index"]:
            self.put(_index_name(os.path.basename(pack["path"])), pack["index"])
        else:
            remove(pack["path"])

    # -- reading ---------------------------------------------------------------------------------------------
    def _where(self, name: str) -> tuple[str, int, int, str] | None:
        if self._known is None:
            self._known = {}
            folder = self.folder / PACKS
            for path in sorted(folder.glob("*.pack")) if folder.is_dir() else ():
                for entry, (offset, length, content_hash) in (self.index_of(path) or {}).items():
                    self._known[entry] = (str(path), offset, length, content_hash)
            if self._writing is not None and self._writing["pid"] == os.getpid():
                for entry, (offset, length, content_hash) in self._writing["index"].items():
                    self._known[entry] = (self._writing["path"], offset, length, content_hash)
        return self._known.get(name)

    def get_checked(self, digest: str, suffix: str = ".json", touch: bool = False) -> tuple[bytes, str] | None:
        if suffix != PACKED or self.folder is None or not self.packed:
            return super().get_checked(digest, suffix, touch)
        name = f"{digest}{suffix}"
        where = self._where(name)  # only packs are looked in: a cold build asks for every page
        if where is None:
            return None
        path, offset, length, wanted = where
        try:
            if path not in self._readers:
                self._readers[path] = os.open(path, os.O_RDONLY)
            blob = os.pread(self._readers[path], length, offset)
            if touch and self.writable and path not in self._touched:
                os.utime(path)  # marks the pack as used, for prune()
                self._touched.add(path)
        except OSError:
            return None
        found = _unwrap(blob, name)  # the MAC: written with the secret, for this name
        return found if found is not None and found[1] == wanted else None  # the bytes the index names, not others

    def has(self, digest: str, suffix: str = ".json") -> bool:
        if suffix == PACKED and self.folder is not None and self.packed:
            return self._where(f"{digest}{suffix}") is not None
        return super().has(digest, suffix)

    def holds_packs(self) -> bool:
        """Whether any pack is there (an earlier build's pages; found before this process's own is started)."""
        if self.folder is None or not self.packed:
            return self.folder is not None and self.folder.is_dir()  # without packs: any entry, maybe
        own = self._writing["path"] if self._writing else None
        return any(str(path) != own for path in (self.folder / PACKS).glob("*.pack"))

    def index_of(self, pack: str | os.PathLike) -> dict[str, list] | None:
        """A sealed pack's index: entry name -> [offset, length, SHA-256]; None for a pack without a good one."""
        return self.get(_index_name(os.path.basename(pack)), valid=_valid_index)

    # -- pruning ---------------------------------------------------------------------------------------------
    def prune(self, max_age_days: float, keep: set[str] = frozenset(), every: float = 0) -> int:
        """Entry files as :meth:`Cache.prune` does; packs unused for ``max_age_days`` whose entries are not in
        ``keep`` (a pack holding one is touched, so its index is not read again soon); packs without an
        index after an hour. Packs are few (one per build that rendered something): looked at every time."""
        removed = super().prune(max_age_days, keep, every)
        folder = self.folder / PACKS if self.folder is not None else None
        if folder is None or not folder.is_dir() or not self.writable:
            return removed
        now = time.time()
        for path in sorted(folder.glob("*.pack")):
            try:
                age = now - path.stat().st_mtime
                if age < min(STALE_TMP, max_age_days * 86400):
                    continue
                index = self.index_of(path)
                if index is None:  # no index: a build that failed (or a damaged index): never read
                    path.unlink()
                    removed += 1
                elif age >= max_age_days * 86400:
                    if any(entry.partition(".")[0] in keep for entry in index):
                        os.utime(path)
                    else:
                        path.unlink()
                        remove(self.path_of(_index_name(path.name)))
                        removed += 1
            except OSError:
                pass
        return removed
