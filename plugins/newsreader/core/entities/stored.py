"""The entity index kept in a file (SQLite, Python's own ``sqlite3``) rather than in this process: what a build on a Dask
cluster makes (``on_dask.build`` with ``into``), so the build process never holds the whole index (issue #26).

:func:`opened` gives the index in the shape ``index.build`` gives it — ``{"entities": …, "local": …, "ids": …}`` —
each part a read-only mapping that reads the file when asked: a record by its id, the records in id order (the
order of a local build's dicts), an id by its ``(type, name)`` or ``(slug, type, name)`` key. What a page needs of
many records at once (the type, page and article count of an article's entities) is in columns of its own, read
without parsing the record (:func:`brief`). Written once (:class:`Writer`), a table at a time, then only read.

Plain Python.
"""

from __future__ import annotations

import atexit
import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from contextlib import suppress
from functools import lru_cache
from pathlib import Path

_SCHEMA = (
    "CREATE TABLE record (id TEXT PRIMARY KEY, local INTEGER NOT NULL, type TEXT NOT NULL, url TEXT, "
    "articles INTEGER NOT NULL, body TEXT NOT NULL) WITHOUT ROWID",
    "CREATE TABLE ids (key TEXT PRIMARY KEY, id TEXT NOT NULL) WITHOUT ROWID",
)
_TABLES = {"record", "ids"}
# Records read last kept parsed (one as a dict keeps it: the same object each time): the related entities of many
# pages are the few most named, whose records (every article's slug) are the longest to read.
RECENT = 1024


def _key(key: tuple) -> str:
    return json.dumps(list(key), ensure_ascii=False, separators=(",", ":"))


class Writer:
    """A new index file at ``path`` (replaced if there is one): records and ids added in any order, then :meth:`close`."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.unlink(missing_ok=True)
        self.db = sqlite3.connect(self.path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=OFF")  # written once by one build: a failed build makes it again
        self.db.execute("PRAGMA synchronous=OFF")
        self.db.execute("BEGIN")
        for statement in _SCHEMA:
            self.db.execute(statement)

    def records(self, records: Iterable[dict], local: bool = False) -> None:
        """Complete records (``local``: article-local ones): each kept as its JSON text, its key order as made."""
        self.db.executemany("INSERT INTO record VALUES (?, ?, ?, ?, ?, ?)", (
            (rec["id"], int(local), rec["type"], rec["url"], len(rec["articles"]),
             json.dumps(rec, ensure_ascii=False, separators=(",", ":"))) for rec in records))

    def ids(self, ids: Iterable[tuple[tuple, str]]) -> None:
        """``(key, id)`` pairs; a key met again (in another partition) keeps its one id."""
        self.db.executemany("INSERT OR IGNORE INTO ids VALUES (?, ?)", ((_key(k), eid) for k, eid in ids))

    def close(self) -> None:
        self.db.execute("COMMIT")
        self.db.close()

    def discard(self) -> None:
        """Closed without committing (a build that failed: the caller removes the file)."""
        self.db.close()


class Records(Mapping):
    """The site's records (or the article-local ones) by id, in id order, read from the file when asked."""

    def __init__(self, db: _Reader, local: bool):
        self.db, self.local = db, int(local)
        self._read = lru_cache(RECENT)(self._record)

    def _record(self, eid: str) -> dict | None:
        row = self.db.execute("SELECT body FROM record WHERE id = ? AND local = ?", (eid, self.local)).fetchone()
        return None if row is None else json.loads(row[0])

    def __getitem__(self, eid: str) -> dict:
        found = self._read(eid)
        if found is None:
            raise KeyError(eid)
        return found

    def __contains__(self, eid) -> bool:
        return self.db.execute("SELECT 1 FROM record WHERE id = ? AND local = ?", (eid, self.local)).fetchone() is not None

    def __iter__(self) -> Iterator[str]:
        return (eid for (eid,) in self.db.execute("SELECT id FROM record WHERE local = ? ORDER BY id", (self.local,)))

    def __len__(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM record WHERE local = ?", (self.local,)).fetchone()[0]

    def values(self) -> _Each:  # one query, not one a record; read again at each pass, as a dict's values are
        return _Each(self, lambda rec: rec)

    def items(self) -> _Each:
        return _Each(self, lambda rec: (rec["id"], rec))


class _Each:
    """The records of :class:`Records` in id order, as ``shape(record)``: each pass reads them again."""

    def __init__(self, records: Records, shape):
        self.records, self.shape = records, shape

    def __iter__(self) -> Iterator:
        return (self.shape(json.loads(body)) for (body,) in self.records.db.execute(
            "SELECT body FROM record WHERE local = ? ORDER BY id", (self.records.local,)))

    def __len__(self) -> int:
        return len(self.records)


class Ids(Mapping):
    """``(type, name)`` or ``(slug, type, name)`` -> id."""

    def __init__(self, db: _Reader):
        self.db = db

    def __getitem__(self, key: tuple) -> str:
        row = self.db.execute("SELECT id FROM ids WHERE key = ?", (_key(key),)).fetchone()
        if row is None:
            raise KeyError(key)
        return row[0]

    def __iter__(self) -> Iterator[tuple]:
        return (tuple(json.loads(k)) for (k,) in self.db.execute("SELECT key FROM ids ORDER BY key"))

    def __len__(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM ids").fetchone()[0]


class _Reader:
    """A read-only connection to an index file, made again in a forked process (a connection must not cross a
    fork: the entity pages' second process reads the index too)."""

    def __init__(self, path: str | Path):
        self.uri = f"{Path(path).resolve().as_uri()}?mode=ro&immutable=1"
        self.pid, self.connection = os.getpid(), self._connect()

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.uri, uri=True, check_same_thread=False)

    def execute(self, *args) -> sqlite3.Cursor:
        if self.pid != os.getpid():
            self.pid, self.connection = os.getpid(), self._connect()
        return self.connection.execute(*args)

    def close(self) -> None:
        self.connection.close()


def opened(path: str | Path) -> dict | None:
    """The index kept at ``path``, read-only; None when the file is not such an index."""
    try:
        db = _Reader(path)
        tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.Error:
        return None
    if tables != _TABLES:
        db.close()
        return None
    return {"entities": Records(db, False), "local": Records(db, True), "ids": Ids(db), "stored": str(path)}


def is_stored(index: dict) -> bool:
    return "stored" in index


def brief(index: dict, eid: str) -> tuple[str, str | None, int]:
    """An id's type, page URL and number of articles, from their columns (not the whole record); ``index``: one
    :func:`opened` gave (``index.brief`` serves both kinds)."""
    row = index["entities"].db.execute("SELECT type, url, articles FROM record WHERE id = ?", (eid,)).fetchone()
    if row is None:
        raise KeyError(eid)
    return row


def urls(index: dict) -> Iterator[tuple[str, str | None]]:
    """Each site-wide entity's id and page URL (None: no page)."""
    if is_stored(index):
        return iter(index["entities"].db.execute("SELECT id, url FROM record WHERE local = 0"))
    return ((eid, rec.get("url")) for eid, rec in index["entities"].items())


def close(index: dict) -> None:
    index["entities"].db.close()


SUFFIX = ".sqlite"


def _fingerprint(path: Path) -> dict:
    with open(path, "rb") as file:
        return {"sha256": hashlib.file_digest(file, "sha256").hexdigest(), "size": file.tell()}


def cached(cache, digest: str, reuse: bool, make, valid=None) -> dict:
    """The index file kept in ``cache`` (``build/cache.py``) for ``digest``, else made by ``make(path)`` (which gives
    the index it wrote there: :func:`opened`) and kept. The file is beside the cache's entry ``digest``, which
    names its SHA-256 and size (an entry is authenticated): a file that does not match them (damaged, edited by
    hand), or whose index ``valid(index)`` refuses, is never used, but made again. ``make`` is called once: without a
    cache to write to the file is a temporary one, and one that cannot be kept there is read where it was made."""
    path = cache.path_of(digest, SUFFIX) if cache.folder is not None else None
    if reuse and path is not None:
        entry = cache.get(digest, touch=True)
        try:
            same = isinstance(entry, dict) and entry.get("size") == path.stat().st_size and entry == _fingerprint(path)
        except OSError:
            same = False
        found = opened(path) if same else None
        if found is not None and (valid is None or valid(found)):
            cache.touch(digest, SUFFIX)  # used: kept by the cache's pruning as long as its entry
            return found
        if found is not None:
            close(found)
    work = None
    if path is not None and cache.writable:
        with suppress(OSError):
            path.parent.mkdir(parents=True, exist_ok=True)
            work = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    if work is None:
        folder = tempfile.mkdtemp(prefix="newsreader-index-")
        atexit.register(shutil.rmtree, folder, True)
        return make(Path(folder) / f"index{SUFFIX}")
    try:
        close(make(work))
    except BaseException:
        work.unlink(missing_ok=True)  # a failed build leaves nothing half-written in the cache
        raise
    try:
        fingerprint = _fingerprint(work)
        os.replace(work, path)
    except OSError:  # made but not kept: read where it is, removed at exit
        atexit.register(work.unlink, missing_ok=True)
        return opened(work)
    cache.put(digest, fingerprint)
    return opened(path)
