"""Content-addressed cache: one file per key, verified and authenticated when read (ARCHITECTURE.md)."""

from __future__ import annotations

import gc
import hashlib
import json
import logging
import os
import stat
import time
from contextlib import contextmanager, suppress
from pathlib import Path

from ..core.keys import is_digest, is_relative, key, text_key  # noqa: F401 - the build's names for them
from .entries import _unwrap, header, use_secret, wrap  # noqa: F401 - also imported from here (page_packs.py, the glue)
from .files import inside, named, remove, replace_text, sha256, write_atomic, write_bytes  # noqa: F401 - as above

logger = logging.getLogger(__name__)

STALE_TMP = 3600  # seconds after which a left-over temporary file is removed by prune()
_REPORTED: list[bool] = []  # a write failure was reported: one warning per build
_GC_TUNED = os.environ.get("NEWSREADER_GC") != "default"  # "default": only to measure (scripts/bench_layers.py)
_BUILD_PID = os.getpid()  # a forked helper process (the search index) fails quietly: the build reports it


def parsed(payload: bytes, valid=None):
    """A JSON payload (parsed with the collector paused: it makes only new, acyclic objects); None when it is not
    JSON (not UTF-8, or nested deeper than the parser goes) or of the wrong shape (``valid(value)`` false)."""
    try:
        with collector_paused(freeze=False):
            value = json.loads(payload.decode("utf-8"))
    except (ValueError, RecursionError):
        return None
    return value if valid is None or valid(value) else None


@contextmanager
def collector_paused(freeze: bool):
    """No garbage collection inside; with ``freeze``, what is alive at the end is frozen (never scanned again)."""
    if not _GC_TUNED:
        yield
        return
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if enabled:
            gc.enable()


class Cache:
    def __init__(self, folder: str | os.PathLike | None):
        self.folder = Path(folder) if folder else None
        self.writable = True
        self._folders: set[Path] = set()  # sub-folders known to exist
        self.publisher = None  # set by the build glue: reused entries are then handed to it (build/publish.py)

    def path_of(self, digest: str, suffix: str = ".json") -> Path:
        return self.folder / digest[-2:] / f"{digest}{suffix}"

    def touch(self, digest: str, suffix: str = ".json") -> None:
        """Mark an entry as used (for :meth:`prune`) without reading it."""
        if self.folder is not None and self.writable:
            with suppress(OSError):
                os.utime(self.path_of(digest, suffix))

    def get_checked(self, digest: str, suffix: str = ".json", touch: bool = False) -> tuple[bytes, str] | None:
        """The entry's payload and its SHA-256; None when it is missing, unreadable, damaged or not authenticated."""
        if self.folder is None:
            return None
        path = self.path_of(digest, suffix)
        try:
            found = _unwrap(path.read_bytes(), f"{digest}{suffix}")
            if found is not None and touch and self.writable:
                os.utime(path)
        except OSError:
            return None
        return found

    def has(self, digest: str, suffix: str = ".json") -> bool:
        """Whether an entry file exists (cheap; a read verifies it)."""
        return self.folder is not None and self.path_of(digest, suffix).is_file()

    def link_to(self, digest: str, suffix: str, target: str | os.PathLike) -> str | None:
        """The entry copied (never linked) to ``target`` by the build's publisher: where its bytes are, or None."""
        return None if self.publisher is None else self.publisher.reuse(target, self, digest, suffix)

    def _failed(self, err: OSError) -> None:
        self.writable = False
        if not _REPORTED and os.getpid() == _BUILD_PID:
            _REPORTED.append(True)
            where = f": {err.filename}" if err.filename else ""
            logger.warning("cache %s cannot be written (%s%s); the build goes on without storing to it", self.folder,
                           err.strerror or err, where)

    def _write(self, digest: str, suffix: str, content_hash: str, *parts) -> str | None:
        """Write an entry's file atomically (``files.write_atomic``); returns ``content_hash``, None on failure."""
        path = self.path_of(digest, suffix)
        try:
            if path.parent not in self._folders:
                path.parent.mkdir(parents=True, exist_ok=True)
                self._folders.add(path.parent)
            write_atomic(path, *parts)
        except OSError as err:
            self._failed(err)
            return None
        return content_hash

    def put_bytes(self, digest: str, payload: bytes, suffix: str = ".json") -> str | None:
        """Store an entry; returns the payload's SHA-256, None when nothing was stored."""
        if self.folder is None or not self.writable:
            return None
        blob, content_hash = wrap(payload, f"{digest}{suffix}")
        return self._write(digest, suffix, content_hash, blob)

    def put_text(self, digest: str, text: str, suffix: str = ".json") -> str | None:
        return self.put_bytes(digest, text.encode("utf-8"), suffix)

    def adopt(self, digest: str, suffix: str, written: str | os.PathLike) -> None:
        """Store a copy of the file ``written`` (in the staging folder) as the entry; tell the publisher its hash."""
        if self.folder is not None and self.writable:
            content_hash = self.put_bytes(digest, Path(written).read_bytes(), suffix)
            if self.publisher is not None and content_hash:
                self.publisher.written(written, content_hash, f"{digest}{suffix}")

    def put_file(self, digest: str, written: str | os.PathLike, suffix: str = ".json") -> str | None:
        """A copy of the file ``written`` stored a block at a time (a search folder's facets: never whole in memory)."""
        if self.folder is None or not self.writable:
            return None
        with open(written, "rb") as source:  # changed meanwhile, the entry fails its check when read: a miss
            content_hash, size = hashlib.file_digest(source, "sha256").hexdigest(), source.tell()
            source.seek(0)
            return self._write(digest, suffix, content_hash, header(f"{digest}{suffix}", content_hash, size), source)

    def get(self, digest: str, touch: bool = False, valid=None):
        """A JSON entry; None when missing, damaged, or of the wrong shape (``valid(value)`` false)."""
        found = self.get_checked(digest, touch=touch)
        return None if found is None else parsed(found[0], valid)

    def put(self, digest: str, value) -> None:
        self.put_text(digest, json.dumps(value, sort_keys=True, ensure_ascii=False))

    def prune(self, max_age_days: float, keep: set[str] = frozenset(), every: float = 0) -> int:
        """Remove entries unused for ``max_age_days`` but ``keep``, and old temporary files; once in ``every`` s."""
        if self.folder is None or not self.folder.is_dir() or not self.writable:
            return 0
        now, stamp = time.time(), self.folder / ".pruned"
        with suppress(OSError):  # no stamp yet
            if every and now - stamp.stat().st_mtime < every:
                return 0
        try:
            stamp.touch()
        except OSError as err:
            self._failed(err)
            return 0
        self._mark_kept(keep)
        cutoff, removed = now - max_age_days * 86400, 0
        for path in self.folder.glob("*/*"):
            with suppress(OSError):  # gone meanwhile
                info = path.stat()
                if not stat.S_ISREG(info.st_mode):
                    continue
                if path.name.endswith(".tmp"):
                    old = info.st_mtime < now - STALE_TMP
                else:
                    old = info.st_mtime < cutoff and path.name.partition(".")[0] not in keep
                if old:
                    path.unlink()
                    removed += 1
        return removed

    def _mark_kept(self, keep: set[str]) -> None:
        """Nothing: a subclass marks as used what it keeps in files of its own (``page_packs.py``)."""
