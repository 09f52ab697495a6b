"""Annotation cache: one JSON file per article, keyed by a hash of everything the result depends on."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path


def key(*parts) -> str:
    blob = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


class Cache:
    def __init__(self, folder: str | os.PathLike | None):
        self.folder = Path(folder) if folder else None

    def _path(self, digest: str) -> Path:
        return self.folder / digest[-2:] / f"{digest}.json"

    def get(self, digest: str):
        if self.folder is None:
            return None
        try:
            return json.loads(self._path(digest).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def put(self, digest: str, value) -> None:
        if self.folder is None:
            return
        path = self._path(digest)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(value, sort_keys=True, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
