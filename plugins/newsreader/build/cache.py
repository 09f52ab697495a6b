"""Content-addressed caches: JSON values and rendered files, one file per key, each verified when read.

A key is a SHA-256 of everything the value depends on, so an entry is never
stale: when an input changes, the key changes and the old entry is simply not
asked for again. ``prune`` removes entries that no build has used for a while.

Every entry starts with a header line, ``newsreader-cache-2 <sha256> <size> <mac>``,
giving the size and SHA-256 of the bytes after it, and an HMAC-SHA256 of the
entry's name (its key and suffix), that SHA-256 and that size, keyed by a secret
that is never in the cache folder (:func:`entries.use_secret`). A read checks all three
(the MAC in constant time): an entry that is unreadable, truncated or edited,
written by anyone without the secret, or copied under another key is a miss,
and the caller makes the value again. So a cache restored from anywhere can make
a build slower, never wrong. Entries are never linked to: whoever needs an entry's bytes
elsewhere gets a copy (:meth:`Cache.link_to`), so nothing done to a copy can
change the cache. When the cache cannot be written (a read-only or full disk),
the build goes on without storing, after one warning.
"""

from __future__ import annotations

import codecs
import gc
import hashlib
import json
import logging
import os
import shutil
import stat
import time
from contextlib import contextmanager
from pathlib import Path

from ..core.keys import is_digest, is_relative, key, text_key  # noqa: F401 - the build's names for them
from .entries import _unwrap, header, use_secret, wrap  # noqa: F401 - also imported from here (page_packs.py, the glue)
from .files import inside, named, remove, replace_text, sha256, write_atomic, write_bytes  # noqa: F401 - as above

logger = logging.getLogger(__name__)

STALE_TMP = 3600  # seconds after which a left-over temporary file is removed by prune()
_REPORTED: list[bool] = []  # a write failure was reported: one warning per build
_GC_TUNED = os.environ.get("NEWSREADER_GC") != "default"  # "default": only to measure (scripts/bench_layers.py)
_BUILD_PID = os.getpid()  # a forked helper process (the search index) fails quietly: the build reports it


def file_key(kind: str, written: str | os.PathLike) -> str:
    """``key(kind, the text of the file written)``, read a block at a time (UTF-8)."""
    digest = hashlib.sha256(json.dumps([kind, ""], ensure_ascii=False)[:-2].encode("utf-8"))
    decoder = codecs.getincrementaldecoder("utf-8")()
    with open(written, "rb") as file:
        while block := file.read(1 << 20):
            digest.update(json.dumps(decoder.decode(block), ensure_ascii=False)[1:-1].encode("utf-8"))
    digest.update(json.dumps(decoder.decode(b"", final=True), ensure_ascii=False)[1:-1].encode("utf-8") + b'"]')
    return digest.hexdigest()


def load_json(data: bytes | str):
    """``json.loads`` without the garbage collector: parsing a large entry makes only new, acyclic objects, and
    the collections their number would set off (each scanning everything the build holds) find nothing."""
    with collector_paused(freeze=False):
        return json.loads(data)


@contextmanager
def collector_paused(freeze: bool):
    """No garbage collection inside; with ``freeze``, what is alive at the end is frozen (``gc.freeze``).

    A build keeps what it loads to its end: frozen, those objects are never scanned again (not even by the
    first collection after this one, which would otherwise look at every one of them). A process that goes
    on to another build calls ``gc.unfreeze()`` first (``output_folder.start``).
    """
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
    SKIP_IN_PRUNE: frozenset[str] = frozenset()  # sub-folders whose files are not entries (a subclass's own)

    def __init__(self, folder: str | os.PathLike | None):
        self.folder = Path(folder) if folder else None
        self.writable = True
        self._folders: set[Path] = set()  # sub-folders known to exist
        self.publisher = None  # set by the build glue: reused entries are then handed to it (build/publish.py)

    def path_of(self, digest: str, suffix: str = ".json") -> Path:
        """Where the entry's file is (or would be)."""
        return self.folder / digest[-2:] / f"{digest}{suffix}"

    def touch(self, digest: str, suffix: str = ".json") -> None:
        """Mark an entry as used (for :meth:`prune`) without reading it; a missing entry is left missing."""
        if self.folder is not None and self.writable:
            try:
                os.utime(self.path_of(digest, suffix))
            except OSError:
                pass

    def get_bytes(self, digest: str, suffix: str = ".json", touch: bool = False) -> bytes | None:
        """The entry's verified bytes, or None when it is missing, unreadable, truncated or edited."""
        found = self.get_checked(digest, suffix, touch)
        return found[0] if found else None

    def get_checked(self, digest: str, suffix: str = ".json", touch: bool = False) -> tuple[bytes, str] | None:
        """:meth:`get_bytes`, with the payload's SHA-256 (checked against it)."""
        if self.folder is None:
            return None
        path = self.path_of(digest, suffix)
        try:
            found = _unwrap(path.read_bytes(), f"{digest}{suffix}")
            if found is not None and touch and self.writable:
                os.utime(path)  # marks the entry as used, for prune()
        except OSError:
            return None
        return found

    def get_text(self, digest: str, suffix: str = ".json", touch: bool = False) -> str | None:
        payload = self.get_bytes(digest, suffix, touch)
        try:
            return None if payload is None else payload.decode("utf-8")
        except UnicodeDecodeError:
            return None

    def has(self, digest: str, suffix: str = ".json") -> bool:
        """Whether an entry file exists (cheap; :meth:`get_bytes` verifies it)."""
        return self.folder is not None and self.path_of(digest, suffix).is_file()

    def link_to(self, digest: str, suffix: str, target: str | os.PathLike) -> str | None:
        """Put a verified copy of an entry at ``target`` (never a link); returns where it is, None if no good entry.

        With a publisher (the build's output folder, ``build/publish.py``), the entry
        is handed to it instead: it copies the bytes into the output only when the
        file there differs.
        """
        if self.publisher is not None:
            return self.publisher.reuse(target, self, digest, suffix)
        payload = self.get_bytes(digest, suffix, touch=True)
        if payload is None:
            return None
        Path(target).parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, payload)
        return str(target)

    def _failed(self, err: OSError) -> None:
        self.writable = False
        if not _REPORTED and os.getpid() == _BUILD_PID:
            _REPORTED.append(True)
            where = f": {err.filename}" if err.filename else ""
            logger.warning("cache %s cannot be written (%s%s); the build goes on without storing to it", self.folder,
                           err.strerror or err, where)

    def put_bytes(self, digest: str, payload: bytes, suffix: str = ".json") -> str | None:
        """Store an entry; returns the payload's SHA-256, None when nothing was stored.

        Written to a temporary file and renamed: a build killed at any moment leaves the old entry or the new
        one, never half of one (a record such as the output manifest is then never lost to a crash).
        """
        if self.folder is None or not self.writable:
            return None
        path = self.path_of(digest, suffix)
        blob, content_hash = wrap(payload, f"{digest}{suffix}")
        try:
            if path.parent not in self._folders:
                path.parent.mkdir(parents=True, exist_ok=True)
                self._folders.add(path.parent)
            write_atomic(path, blob)
        except OSError as err:
            self._failed(err)
            return None
        return content_hash

    def put_text(self, digest: str, text: str, suffix: str = ".json") -> str | None:
        return self.put_bytes(digest, text.encode("utf-8"), suffix)

    def adopt(self, digest: str, suffix: str, written: str | os.PathLike) -> str | None:
        """Store a copy of the finished file ``written`` as the entry; returns its SHA-256 (None if not stored)."""
        if self.folder is None or not self.writable:
            return None
        return self.put_bytes(digest, Path(written).read_bytes(), suffix)

    def put_file(self, digest: str, written: str | os.PathLike, suffix: str = ".json") -> str | None:
        """:meth:`adopt` a block at a time: a big file (a search folder's facets) is never whole in memory."""
        if self.folder is None or not self.writable:
            return None
        path = self.path_of(digest, suffix)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            with open(written, "rb") as source:
                content_hash, size = hashlib.file_digest(source, "sha256").hexdigest(), source.tell()
                path.parent.mkdir(parents=True, exist_ok=True)
                with open(tmp, "wb") as entry:
                    entry.write(header(f"{digest}{suffix}", content_hash, size))
                    source.seek(0)
                    shutil.copyfileobj(source, entry)
                    if source.tell() != size:
                        raise OSError(f"{written} changed while it was stored")
            os.replace(tmp, path)
        except OSError as err:
            remove(tmp)
            self._failed(err)
            return None
        return content_hash

    def get(self, digest: str, touch: bool = False, valid=None):
        """A JSON entry; None when missing, damaged, or of the wrong shape (``valid(value)`` false)."""
        text = self.get_text(digest, touch=touch)
        if text is None:
            return None
        try:
            value = load_json(text)
        except (ValueError, RecursionError):  # RecursionError: nested deeper than the parser goes
            return None
        return value if valid is None or valid(value) else None

    def put(self, digest: str, value) -> None:
        self.put_text(digest, json.dumps(value, sort_keys=True, ensure_ascii=False))

    def prune(self, max_age_days: float, keep: set[str] = frozenset(), every: float = 0) -> int:
        """Delete entries not written or used (``touch``) in ``max_age_days``, except those named in ``keep``.

        Left-over temporary files (a build killed mid-write) go after an hour. With ``every`` (seconds), a
        prune done less than that long ago is not done again (``.pruned`` records when). Returns how many went.
        """
        if self.folder is None or not self.folder.is_dir() or not self.writable:
            return 0
        now = time.time()
        stamp = self.folder / ".pruned"
        try:
            if every and now - stamp.stat().st_mtime < every:
                return 0
        except OSError:
            pass
        try:
            stamp.touch()
        except OSError as err:
            self._failed(err)
            return 0
        cutoff = now - max_age_days * 86400
        removed = 0
        for path in self.folder.glob("*/*"):
            if path.parent.name in self.SKIP_IN_PRUNE:
                continue
            try:
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
            except OSError:
                pass
        return removed
