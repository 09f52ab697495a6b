"""A build staged, then published into ``output/`` only once it succeeded, only what differs (ARCHITECTURE.md)."""

from __future__ import annotations

import errno
import os
import shutil
import stat
from contextlib import suppress
from pathlib import Path

from ..core.keys import is_relative
from .cache import Cache, collector_paused, key
from .entries import use_secret
from .files import remove, sha256, write_atomic, write_bytes
from .output_lock import hold, let_go
from .stale_files import folder_records, remove_files, unknown_files, valid_folders

STAGING = ".newsreader-staging"


def _valid_manifest(value) -> bool:
    """The manifest: relative path -> ``[SHA-256, size, mtime, ctime, inode, cache entry or None]``."""
    return isinstance(value, dict) and all(
        is_relative(rel) and type(r) is list and len(r) == 6 and type(r[0]) is str and type(r[1]) is int
        and type(r[2]) is int and type(r[3]) is int and type(r[4]) is int and (r[5] is None or type(r[5]) is str)
        for rel, r in value.items())


class Publisher:
    def __init__(self, output: str | os.PathLike, cache_root: str | os.PathLike | None, retention=(),
                 delete_unknown: bool = False, check: str = "stat"):
        self.output = Path(output)
        self.real = Path(os.path.realpath(output))
        self._out = os.path.join(str(self.real), "")  # for string joins: this runs once per output file
        self._prefix = ""
        self.retention = set(retention)
        self.delete_unknown = delete_unknown and not self.output.is_symlink()  # a link's target has files of its own
        self.check = check
        self.manifests = Cache(Path(cache_root) / "output" if cache_root else None)
        self.name = key("output folder", str(self.real))
        with collector_paused(freeze=True):  # kept to the build's end: never scanned by the garbage collector
            manifest = self.manifests.get(self.name, valid=_valid_manifest)
            self.old: dict[str, list] = manifest or {}
            # Folders as the last build left them (rel -> mtime, ctime, inode), trusted only beside a good manifest:
            # without it, every folder is listed (a matching folder record would hide files of deleted articles).
            trusted = self.delete_unknown and check == "stat" and manifest is not None
            self.old_folders: dict[str, list] = (self.manifests.get(key(self.name, "folders"), valid=valid_folders)
                                                 or {} if trusted else {})
        self.new: dict[str, list] = {}  # path -> record, for files that needed no write
        self.staged: dict[str, tuple[str, str | None]] = {}  # path -> (SHA-256, entry) of staged files
        self.staging: Path | None = None
        self._cache_root = Path(cache_root) if cache_root else None

    def lock(self) -> None:
        """Hold the output folder for this build; :class:`output_lock.BuildLocked` when another process holds it."""
        hold(self.real, self.output)

    def unlock(self) -> None:
        let_go(self.real)

    def stage(self) -> Path:
        """A fresh staging folder on the output's file system (moves are renames): in the cache, else in the output."""
        self.staging = self.real / STAGING
        if self._cache_root is not None:
            with suppress(OSError):  # the cache cannot be made, say: staged in the output folder
                self._cache_root.mkdir(parents=True, exist_ok=True)
                if os.stat(self._cache_root).st_dev == os.stat(self.real).st_dev:
                    self.staging = self._cache_root / "staging" / self.name[:16]
        shutil.rmtree(self.staging, ignore_errors=True)
        shutil.rmtree(self.real / STAGING, ignore_errors=True)
        self.staging.mkdir(parents=True)
        self.staging = Path(os.path.abspath(self.staging))
        self._prefix = os.path.join(str(self.staging), "")
        return self.staging

    def discard(self) -> None:
        """Drop the staging folder and the lock (a failed build: the output folder is left as it was)."""
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
            self.staging = None  # a later call (atexit) must not remove the next build's staging folder
        self.unlock()

    def _rel(self, staged: str | os.PathLike) -> str | None:
        staged = os.fspath(staged)  # the writers give absolute paths under the staging folder
        return staged[len(self._prefix):] if staged.startswith(self._prefix) else None

    def _unchanged(self, rel: str, record: list | None, content_hash: str | None) -> bool:
        """The stat shortcut: the output file is still the one the manifest describes, with this content."""
        if self.check != "stat" or not record or (content_hash is not None and record[0] != content_hash):
            return False
        try:
            st = os.lstat(self._out + rel)
        except OSError:
            return False
        return (st.st_ino == record[4] and st.st_mtime_ns == record[2] and st.st_ctime_ns == record[3]
                and st.st_size == record[1] and stat.S_ISREG(st.st_mode))

    def _record(self, rel: str, content_hash: str, entry: str | None) -> list:
        st = os.lstat(self._out + rel)
        return [content_hash, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, entry]

    def _holds(self, rel: str, content_hash: str, size: int, data) -> bool:
        """Whether the output file already has these bytes (``data()``): by the stat shortcut, else compared."""
        if self._unchanged(rel, self.old.get(rel), content_hash):
            return True
        path = self.real / rel
        try:
            st = os.lstat(path)
            return stat.S_ISREG(st.st_mode) and st.st_size == size and path.read_bytes() == data()
        except OSError:
            return False

    def _hash(self, rel: str, path: str) -> tuple[str, str | None]:
        """A staged file's SHA-256 and cache entry: as the writer told (:meth:`written`), else read."""
        content_hash, entry = self.staged.get(rel) or (None, None)
        return content_hash or sha256(Path(path).read_bytes()), entry

    def reuse(self, target: str | os.PathLike, cache: Cache, digest: str, suffix: str) -> str | None:
        """The cache entry made the file at staged path ``target``: where its bytes are now; None: no good entry."""
        rel = self._rel(target)
        entry = f"{digest}{suffix}"
        old = self.old.get(rel)
        if rel is not None and old and old[5] == entry and self._unchanged(rel, old, None):
            self.new[rel] = old  # the output file is already this entry's copy: nothing is read or written
            return self._out + rel
        found = cache.get_checked(digest, suffix, touch=True)  # the payload and its SHA-256, checked
        if found is None:
            return None
        payload, content_hash = found
        if rel is not None and self._holds(rel, content_hash, len(payload), lambda: payload):
            self.new[rel] = self._record(rel, content_hash, entry)
            return str(self.real / rel)
        Path(target).parent.mkdir(parents=True, exist_ok=True)
        write_bytes(target, payload)
        if rel is not None:
            self.staged[rel] = (content_hash, entry)
        return str(target)

    def written(self, target: str | os.PathLike, content_hash: str | None, entry: str | None) -> None:
        """A file was rendered into the staging folder, and stored in the cache as ``entry``."""
        rel = self._rel(target)
        if rel is not None and content_hash:
            self.staged[rel] = (content_hash, entry)

    def forget(self, target: str | os.PathLike) -> None:
        """A file reused a moment ago is to be rendered after all (a list page with a damaged part)."""
        rel = self._rel(target)
        self.new.pop(rel, None)
        self.staged.pop(rel, None)
        remove(target)

    def commit(self) -> dict[str, int]:
        """Move what differs into the output folder, remove stale files, save the manifest; returns counts."""
        counts = {"written": 0, "unchanged": len(self.new), "removed": 0}
        # New files go in first, then pages that replace pages, and stale files last: a build killed while it
        # publishes leaves no page linking to a page not yet there or already gone (only a mix of old and new).
        moves: list[tuple[bool, str, str, str, str | None]] = []
        for folder, dirs, names in os.walk(self.staging):
            base = folder[len(self._prefix):] + os.sep if folder != str(self.staging) else ""
            for name in list(dirs):
                if os.path.lexists(self._out + base + name):
                    continue
                try:
                    os.rename(os.path.join(folder, name), self._out + base + name)
                except OSError:
                    continue  # another file system, say: its files are moved one by one
                dirs.remove(name)
                for moved, _, files in os.walk(self._out + base + name):  # recorded where they are now
                    for rel in (os.path.join(moved, file)[len(self._out):] for file in files):
                        self.new[rel] = self._record(rel, *self._hash(rel, self._out + rel))
                        counts["written"] += 1
            for name in names:
                source, rel = os.path.join(folder, name), base + name
                content_hash, entry = self._hash(rel, source)
                size = os.path.getsize(source)
                if self._holds(rel, content_hash, size, lambda source=source: Path(source).read_bytes()):
                    os.unlink(source)
                    counts["unchanged"] += 1
                    self.new[rel] = self._record(rel, content_hash, entry)
                else:
                    replaces = name.endswith(".html") and os.path.lexists(self._out + rel)
                    moves.append((replaces, source, rel, content_hash, entry))
        for _, source, rel, content_hash, entry in sorted(moves, key=lambda move: move[0]):  # new files first
            self._move(source, rel)
            counts["written"] += 1
            self.new[rel] = self._record(rel, content_hash, entry)
        counts["removed"] = self._remove_stale()
        if self.new != self.old:
            self.manifests.put(self.name, self.new)
        self.discard()
        return counts

    def _move(self, source: str, rel: str) -> None:
        target = self.real / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.is_dir() and not target.is_symlink():
            shutil.rmtree(target)  # a folder where this build has a file
        try:
            os.replace(source, target)
        except OSError as err:
            if err.errno != errno.EXDEV:
                raise
            write_atomic(target, Path(source).read_bytes())  # staging on another file system

    def _remove_stale(self) -> int:
        stale = {rel for rel in self.old if rel not in self.new}
        folders: dict[str, list] = {}
        if self.delete_unknown:
            stale |= unknown_files(self.real, self.old_folders, self.new, self.retention, self._own_folders(), folders)
        removed = remove_files(self.real, stale, self.retention)
        if self.delete_unknown:  # each folder's record as this build leaves it, for the next (stale_files.py)
            record = folder_records(self.real, folders, stale)
            if record != self.old_folders:
                self.manifests.put(key(self.name, "folders"), record)
        return removed

    def _own_folders(self) -> set[str]:
        """Folders of ours in the output folder (the cache, the staging folder): never listed for unknown files."""
        inside = (os.path.realpath(p) for p in (self._cache_root, self.staging, self.real / STAGING) if p is not None)
        return {p[len(self._out):] for p in inside if p.startswith(self._out)}


def clean(output: str | os.PathLike, cache_root: str | os.PathLike | None) -> int:
    """Remove a built site: the whole folder (returns -1), or for a symbolic link only the files builds wrote."""
    output = Path(output)
    use_secret(cache_root)
    publisher = Publisher(output, cache_root)
    publisher.lock()
    try:
        if not output.is_symlink():
            shutil.rmtree(output, ignore_errors=True)
            removed = -1
        else:
            removed = publisher._remove_stale()
        publisher.manifests.put(publisher.name, {})
        publisher.manifests.put(key(publisher.name, "folders"), {})
        return removed
    finally:
        publisher.unlock()
