"""Rendered files (``.out`` entries) cached in packs, one file per build process, verified (ARCHITECTURE.md)."""

from __future__ import annotations

import os
import secrets
import time
from contextlib import suppress

from .cache import Cache, _unwrap, is_digest, key, named, remove, wrap

PACKS = "packs"  # sub-folder of the cache's folder
PACKED = ".out"  # the entries kept in packs: rendered pages, feeds and data files


def _index_name(pack: str) -> str:
    return key("page pack index", pack)


def _valid_index(value) -> bool:
    """entry name -> [offset, length, SHA-256 of its payload]: the hash binds the bytes at that place to the name."""
    return isinstance(value, dict) and all(
        isinstance(name, str) and isinstance(at, list) and len(at) == 3 and type(at[0]) is int and at[0] >= 0
        and type(at[1]) is int and at[1] >= 0 and is_digest(at[2]) for name, at in value.items())


class PackedCache(Cache):
    def __init__(self, folder):
        super().__init__(folder)
        self._writing: dict | None = None  # this process's pack: pid, path, file, size, index
        self._known: dict[str, tuple[str, int, int, str]] | None = None  # entry name -> pack, offset, length, SHA-256
        self._readers: dict[str, int] = {}  # pack path -> open descriptor (read with pread: safe after a fork)
        self._touched: set[str] = set()

    def _pack(self) -> dict:
        if self._writing is None or self._writing["pid"] != os.getpid():  # a forked process starts its own
            folder = self.folder / PACKS
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"{time.time_ns()}-{os.getpid()}-{secrets.token_hex(4)}.pack"
            self._writing = {"pid": os.getpid(), "path": str(path), "file": path.open("xb"), "size": 0, "index": {}}
        return self._writing

    def put_bytes(self, digest: str, payload: bytes, suffix: str = ".json") -> str | None:
        if suffix != PACKED:
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
        self._index()[name] = (pack["path"], pack["size"], len(blob), content_hash)
        pack["size"] += len(blob)
        return content_hash

    def seal(self) -> None:
        """Store this process's pack's index (its entries can be found from now on); close the packs read."""
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

    def _index(self) -> dict[str, tuple[str, int, int, str]]:
        """Every entry in a pack: read from each sealed pack's index on first use, then kept up to date."""
        if self._known is None:
            self._known = {}
            for path in sorted((self.folder / PACKS).glob("*.pack")):
                for entry, (offset, length, content_hash) in (self.index_of(path) or {}).items():
                    self._known[entry] = (str(path), offset, length, content_hash)
        return self._known

    def get_checked(self, digest: str, suffix: str = ".json", touch: bool = False) -> tuple[bytes, str] | None:
        if suffix != PACKED or self.folder is None:
            return super().get_checked(digest, suffix, touch)
        name = f"{digest}{suffix}"
        where = self._index().get(name)  # only packs are looked in: a cold build asks for every page
        if where is None:
            return None
        path, offset, length, wanted = where
        try:
            if path not in self._readers:
                self._readers[path] = os.open(path, os.O_RDONLY)
            blob = os.pread(self._readers[path], length, offset)
        except OSError:
            return None
        if touch and self.writable and path not in self._touched:
            self._touch_pack(path)
            self._touched.add(path)
        found = _unwrap(blob, name)  # the MAC: written with the secret, for this name
        return found if found is not None and found[1] == wanted else None  # the bytes the index names, not others

    def _touch_pack(self, path: str) -> None:
        """Mark a pack and its index as used (for :meth:`prune`: they go when both are old)."""
        self.touch(_index_name(os.path.basename(path)))
        with suppress(OSError):
            os.utime(path)

    def has(self, digest: str, suffix: str = ".json") -> bool:
        if suffix == PACKED and self.folder is not None:
            return f"{digest}{suffix}" in self._index()
        return super().has(digest, suffix)

    def index_of(self, pack: str | os.PathLike) -> dict[str, list] | None:
        """A sealed pack's index: entry name -> [offset, length, SHA-256]; None for a pack without a good one."""
        return self.get(_index_name(os.path.basename(pack)), valid=_valid_index)

    def _mark_kept(self, keep: set[str]) -> None:
        """A pack holding an entry named in ``keep`` is marked as used, with its index, however long ago it was read."""
        index = self._index()
        for path in {index[f"{d}{PACKED}"][0] for d in keep if f"{d}{PACKED}" in index}:
            self._touch_pack(path)
