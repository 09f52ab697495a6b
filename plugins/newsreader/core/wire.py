"""What a site-wide step sends to a Dask worker: a partition as one JSON text, encoded here (:func:`encoded`) and
read there (:func:`decoded`); and the bucket of a shuffle a key goes to (:func:`bucket_of`), the same everywhere.

Not pickled: pickling a string with a character past ASCII leaves a UTF-8 copy of it inside the string (CPython
caches it), so the build process would hold the corpus's text twice once it was sent; and distributed serializes a
list item by item (the timeline's 20,000 dates a partition took a second of this process and 17 MiB to send).
Plain Python.
"""

from __future__ import annotations

import json
import zlib


def encoded(value) -> bytes:
    """``value`` (plain JSON: dicts, lists, tuples, strings, numbers) as it is sent."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def decoded(sent):
    """What :func:`encoded` sent (tuples come back as lists); anything else as it is."""
    return json.loads(sent) if isinstance(sent, bytes) else sent


def bucket_of(key: str, buckets: int) -> int:
    """Which of ``buckets`` a shuffle sends ``key`` to: a hash of its text, the same in every process (not
    ``hash``, which each Python process salts)."""
    return zlib.crc32(key.encode("utf-8", "surrogatepass")) % buckets
