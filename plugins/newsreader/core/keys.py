"""Keys (SHA-256 of everything a value is made from) and the checks a name read from a record must pass.

Plain functions the core and the build share: the annotation key, the search index's key, the cache's entry
names, and the paths a cached record may hold.
"""

from __future__ import annotations

import hashlib
import json

_HEX = frozenset("0123456789abcdef")


def key(*parts) -> str:
    blob = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def text_key(*parts: str) -> str:
    """:func:`key` for parts that are all strings, at a fraction of its cost (once per output file)."""
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def is_digest(value) -> bool:
    """Whether ``value`` is a key as :func:`key` makes them (64 hex digits): what a record may name an entry by."""
    return type(value) is str and len(value) == 64 and _HEX.issuperset(value)


def is_relative(path) -> bool:
    """Whether ``path``, read from a record, is a plain relative path that stays inside any folder it is joined to.

    A record can come from anywhere (a restored CI cache): nothing absolute, no ``..`` or ``.`` part, no empty
    part (``a//b``), no NUL. (Run on every record of the output manifest: the common case is one test.)
    """
    if type(path) is not str or not path or path[0] == "/" or "\0" in path or "//" in path or path[-1] == "/":
        return False
    return "/." not in path and path[0] != "." or all(part not in {".", ".."} for part in path.split("/"))
