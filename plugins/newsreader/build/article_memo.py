"""What the annotation step attached to every article, and the entity index, as one entry per content folder."""

from __future__ import annotations

import json
import os
import time
from contextlib import suppress

from ..core.entities import index as entity_index, stored
from .cache import Cache, parsed, text_key

FIELDS = ("entities", "events", "timexes", "quotes", "figures", "comparisons")
SUFFIX = ".memo"
TRIAL = ".trial"  # present while a build of the content folder has not finished (removed by output_folder.finish)
TOUCH_EVERY = 86400  # seconds: how often a hit marks the entries it stands for as used (for Cache.prune)


def slot(content_path: str) -> str:
    """Where the memo of a content folder is kept."""
    return text_key("annotation memo", os.path.realpath(content_path))


def _valid(value, count: int) -> bool:
    index = value.get("index") if isinstance(value, dict) else None
    return (isinstance(index, dict) and all(isinstance(index.get(part), dict) for part in ("entities", "local"))
            and isinstance(index.get("ids"), list)
            and all(isinstance(i, list) and len(i) == 2 and isinstance(i[0], list) for i in index["ids"])
            and isinstance(value.get("problems"), list)
            and all(isinstance(p, str) for p in value["problems"])
            and isinstance(value.get("articles"), list) and len(value["articles"]) == count
            and all(isinstance(a, dict) and isinstance(a.get("entities_key"), str)
                    and all(isinstance(a.get(f), list) for f in FIELDS) for a in value["articles"]))


def load(cache: Cache, where: str, wanted: str, count: int, stands_for) -> dict | None:
    """The memo of ``count`` articles at slot ``where``, if its first line is the key ``wanted``; ``stands_for()``,
    the entries it replaces reading, are marked as used at most once a day."""
    entry = cache.get_checked(where, SUFFIX)
    memo, _, payload = entry[0].partition(b"\n") if entry else (b"", b"", b"")
    value = parsed(payload, lambda v: _valid(v, count)) if memo == wanted.encode() else None
    if value is None:
        return None
    value["index"] = entity_index.from_json(value["index"])
    if value["index"] is None:
        return None
    with suppress(OSError):  # its file unreadable: as if used lately
        if cache.writable and time.time() - cache.path_of(where, SUFFIX).stat().st_mtime >= TOUCH_EVERY:
            for name in stands_for():
                cache.touch(name)
            cache.touch(where, SUFFIX)
    return value


def on_trial(cache: Cache, where: str) -> tuple[bool, str | None]:
    """Mark the slot's build as begun; returns whether the last build begun there did not finish (or no mark can
    be made: then the records a rebuild takes whole are made again), and the mark's path (removed at the end)."""
    if cache.folder is None:
        return False, None
    path = cache.path_of(where, TRIAL)
    unfinished = path.exists()
    marked = cache.put_text(where, "", TRIAL) is not None
    return unfinished or not marked, str(path) if marked else None


def store(cache: Cache, where: str, memo: str, articles: list, problems: list[str], entities_keys: list[str],
          index: dict) -> None:
    """Keep the memo with key ``memo`` at slot ``where``: ``articles`` have their results attached, in order.

    None for an index kept in a file (a build on a Dask cluster, ``core/entities/stored.py``): the memo would hold
    it whole; the next build reads the annotations' and the index's own entries instead."""
    if stored.is_stored(index):
        return
    value = {"articles": [{"entities": a.entities, "events": a.events, "timexes": a.timexes, "quotes": a.quotes,
                           "figures": a.figures, "comparisons": a.all_comparisons, "entities_key": shown}
                          for a, shown in zip((article.newsreader for article in articles), entities_keys)],
             "problems": problems, "index": entity_index.to_json(index)}
    try:
        payload = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    except (TypeError, ValueError):
        return  # something JSON cannot hold: no memo (every build makes the results, as before)
    cache.put_bytes(where, f"{memo}\n{payload}".encode("utf-8"), SUFFIX)  # its key first, in the one entry
