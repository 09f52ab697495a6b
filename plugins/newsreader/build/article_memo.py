"""What the annotation step attaches to every article, kept as one cache entry for a rebuild where nothing changed.

The per-article results of :func:`annotate.annotate_articles` (entities with their
site-wide ids, URLs and mention anchors, events with their display fields, quotes
with their speakers, timexes, figures, comparisons) and the corrections file's
problems, and the site-wide entity index itself, are a function of the site key,
the corrections, the entity URL pattern and every article's slug and annotation
key: the memo's key names them all. A rebuild where none of them changed reads
this one entry instead of a thousand annotation records, display rows and the
index's own entry, and neither applies the corrections nor looks up the entity
index for each entity again.

One memo is kept per content folder (its "slot"), replaced by the next build that
changes anything: a memo is as large as all the annotations together, and older
ones are of no use. A side entry records the memo's key and the SHA-256 of the
memo as this code wrote it; the memo is used only when both agree, besides the
header check every entry has (size and SHA-256), so an entry of any other
content, even with a right header, is a miss and everything is made again from
the annotation records. Only the memo's outline is checked (a full check would cost what the memo saves): each
build marks the slot on trial and its end removes the mark, so a memo that makes a build fail (one this code did
not write) is not used by the next build, which makes it again (:func:`on_trial`).

The memo is JSON, like every other record: the cache may come from anywhere (a CI
cache other runs can write). Entries are authenticated (``build/cache.py``: a MAC keyed
by a secret not in the cache), and even so nothing read is trusted to be code: JSON
makes no code objects, and what it builds is bounded by the entry's size (a memo nested
too deep for the parser is a miss).
"""

from __future__ import annotations

import json
import os
import time

from ..core.entities import index as entity_index
from .cache import Cache, load_json, text_key

FIELDS = ("entities", "events", "timexes", "quotes", "figures", "comparisons")
SUFFIX = ".memo"
TRIAL = ".trial"  # present while a build of the content folder has not finished (removed by output_folder.finish)
HASH = ".sha256"  # the side entry: the memo's key and the SHA-256 of the memo as written
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
    """The memo of ``count`` articles with key ``wanted`` at slot ``where``; None when it is missing, damaged,
    another memo, or not as this code wrote it.

    ``stands_for()`` gives the cache keys the memo replaces reading; they are marked as used (touched) at most
    once a day, so that the cache's pruning does not remove entries a rebuild still relies on.
    """
    side = cache.get_text(where, HASH)
    if side is None or side.partition(" ")[0] != wanted:
        return None
    entry = cache.get_checked(where, SUFFIX)
    if entry is None or side.partition(" ")[2] != entry[1]:
        return None
    try:
        value = load_json(entry[0])
    except (ValueError, RecursionError):
        return None
    if not _valid(value, count):
        return None
    value["index"] = entity_index.from_json(value["index"])
    if value["index"] is None:
        return None
    if cache.writable and _older_than(cache, where, TOUCH_EVERY):
        for name in stands_for():
            cache.touch(name)
        cache.touch(where, SUFFIX)
        cache.touch(where, HASH)
    return value


def on_trial(cache: Cache, where: str) -> tuple[bool, str | None]:
    """Mark the slot's build as begun; returns whether the last build begun there did not finish (or no mark can
    be made), and the mark's path (for the build's end to remove).

    After a build that did not finish, the next trusts none of the records a rebuild takes whole from the cache
    (this memo, the entity index, the entity pages' plan), only checks their outline: one that made the build
    fail is made again, not used again.
    """
    if cache.folder is None:
        return False, None
    path = cache.path_of(where, TRIAL)
    unfinished = path.exists()
    marked = cache.put_text(where, "", TRIAL) is not None
    return unfinished or not marked, str(path) if marked else None


def _older_than(cache: Cache, digest: str, seconds: float) -> bool:
    try:
        return time.time() - os.stat(cache.path_of(digest, SUFFIX)).st_mtime > seconds
    except OSError:
        return False


def store(cache: Cache, where: str, memo: str, articles: list, problems: list[str], entities_keys: list[str],
          index: dict) -> None:
    """Keep the memo with key ``memo`` at slot ``where``: ``articles`` have their results attached, in order."""
    value = {"articles": [{"entities": a.entities, "events": a.events, "timexes": a.timexes, "quotes": a.quotes,
                           "figures": a.figures, "comparisons": a.all_comparisons, "entities_key": shown}
                          for a, shown in zip((article.newsreader for article in articles), entities_keys)],
             "problems": problems, "index": entity_index.to_json(index)}
    try:
        payload = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")
    except (TypeError, ValueError):
        return  # something JSON cannot hold: no memo (every build makes the results, as before)
    content_hash = cache.put_bytes(where, payload, SUFFIX)
    if content_hash:  # written after the memo: a build stopped between the two leaves a mismatch, a miss
        cache.put_text(where, f"{memo} {content_hash}", HASH)
