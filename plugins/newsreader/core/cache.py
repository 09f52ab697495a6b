"""Content-addressed caches: JSON values and rendered text, one file per key.

A key is a SHA-256 of everything the value depends on, so an entry is never
stale: when an input changes, the key changes and the old entry is simply not
asked for again. ``prune`` removes entries that no build has used for a while.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import time
from pathlib import Path


def key(*parts) -> str:
    blob = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def remove(path: str | os.PathLike) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def replace_text(path: str | os.PathLike, text: str) -> None:
    """Write a new file at ``path``; an old one (maybe a link into a cache) is removed, never written into."""
    remove(path)
    Path(path).write_text(text, encoding="utf-8")


def _link_or_copy(source: str | os.PathLike, target: str | os.PathLike) -> None:
    try:
        os.link(source, target)
    except OSError:  # another file system, or links not allowed
        shutil.copyfile(source, target)


class Cache:
    def __init__(self, folder: str | os.PathLike | None):
        self.folder = Path(folder) if folder else None
        self._folders: set[Path] = set()  # sub-folders known to exist

    def _path(self, digest: str, suffix: str = ".json") -> Path:
        return self.folder / digest[-2:] / f"{digest}{suffix}"

    def get_text(self, digest: str, suffix: str = ".json", touch: bool = False) -> str | None:
        if self.folder is None:
            return None
        path = self._path(digest, suffix)
        try:
            text = path.read_text(encoding="utf-8")
            if touch:
                os.utime(path)  # marks the entry as used, for prune()
            return text
        except OSError:
            return None

    def has(self, digest: str, suffix: str = ".json") -> bool:
        return self.folder is not None and self._path(digest, suffix).is_file()

    def link_to(self, digest: str, suffix: str, target: str | os.PathLike) -> bool:
        """Put an entry at ``target`` as a hard link (a copy across file systems); False if there is none.

        A linked file shares its bytes with the cache: whoever writes at ``target``
        later must replace the file (:func:`replace_text`), not write into it.
        """
        if self.folder is None:
            return False
        path = self._path(digest, suffix)
        try:
            os.utime(path)  # marks the entry as used, for prune()
        except OSError:
            return False
        remove(target)
        _link_or_copy(path, target)
        return True

    def _new_entry(self, digest: str, suffix: str) -> tuple[Path, Path]:
        """The entry's path and a temporary name beside it (an entry appears whole, by rename)."""
        path = self._path(digest, suffix)
        if path.parent not in self._folders:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._folders.add(path.parent)
        return path, path.with_name(f"{path.name}.{os.getpid()}.tmp")

    def put_text(self, digest: str, text: str, suffix: str = ".json") -> None:
        if self.folder is None:
            return
        path, tmp = self._new_entry(digest, suffix)
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)  # readers never see half a file

    def adopt(self, digest: str, suffix: str, written: str | os.PathLike) -> None:
        """Make the finished file ``written`` the entry, as a hard link (a copy across file systems)."""
        if self.folder is None:
            return
        path, tmp = self._new_entry(digest, suffix)
        remove(tmp)
        _link_or_copy(written, tmp)
        os.replace(tmp, path)

    def get(self, digest: str, touch: bool = False):
        text = self.get_text(digest, touch=touch)
        try:
            return None if text is None else json.loads(text)
        except ValueError:
            return None

    def put(self, digest: str, value) -> None:
        self.put_text(digest, json.dumps(value, sort_keys=True, ensure_ascii=False))

    def prune(self, max_age_days: float) -> int:
        """Delete entries not written or used (``touch``) in ``max_age_days``; returns how many."""
        if self.folder is None or not self.folder.is_dir():
            return 0
        cutoff = time.time() - max_age_days * 86400
        removed = 0
        for path in self.folder.glob("*/*"):
            try:
                info = path.stat()
                if stat.S_ISREG(info.st_mode) and info.st_mtime < cutoff:
                    path.unlink()
                    removed += 1
            except OSError:
                pass
        return removed
