"""What the annotation step attaches to every article, kept as one cache entry for a rebuild where nothing changed.

The per-article results of :func:`annotate.annotate_articles` (entities with their
site-wide ids, URLs and mention anchors, events with their display fields, quotes
with their speakers, timexes, figures, comparisons) and the corrections file's
problems are a function of the site key, the corrections, the entity URL pattern
and every article's slug and annotation key. They are stored under a key of
those, in one entry, so that a rebuild where none of them changed reads one file
instead of a thousand annotation records and display rows, and neither applies
the corrections nor looks up the entity index again.

The entry is verified like every other one (size and SHA-256 in its header), and
more: it is used only if its SHA-256 is the one recorded (in a side entry) when
this code wrote it, so an entry of any other content, even with a right header,
is a miss and everything is made again from the annotation records.
"""

from __future__ import annotations

import json
import os
import time

from .core.cache import Cache, load_json, text_key

FIELDS = ("entities", "events", "timexes", "quotes", "figures", "comparisons")
HASH = ".sha256"  # the side entry: the SHA-256 of the memo as written
TOUCH_EVERY = 86400  # seconds: how often a hit marks the entries it stands for as used (for Cache.prune)


def memo_key(site: str, entity_url: str, edits: str, corrections_kind: str,
             slugs_and_digests: list[tuple[str, str]]) -> str:
    return text_key(site, "annotated articles", entity_url, edits, corrections_kind,
                    *(f"{s}\0{d}" for s, d in slugs_and_digests))


def _valid(value, count: int) -> bool:
    return (isinstance(value, dict) and isinstance(value.get("problems"), list)
            and all(isinstance(p, str) for p in value["problems"])
            and isinstance(value.get("articles"), list) and len(value["articles"]) == count
            and all(isinstance(a, dict) and all(isinstance(a.get(f), list) for f in FIELDS) for a in value["articles"]))


def load(cache: Cache, digest: str, count: int, stands_for) -> dict | None:
    """The memo of ``count`` articles under ``digest``, or None (missing, damaged, not written by this code).

    ``stands_for()`` gives the cache keys the memo replaces reading; they are marked as used (touched) at most
    once a day, so that the cache's pruning does not remove entries a rebuild still relies on.
    """
    entry = cache.get_checked(digest, touch=False)
    if entry is None or cache.get_text(digest, HASH) != entry[1]:
        return None
    try:
        value = load_json(entry[0])
    except ValueError:
        return None
    if not _valid(value, count):
        return None
    if cache.writable and _older_than(cache, digest, TOUCH_EVERY):
        for name in stands_for():
            cache.touch(name)
        cache.touch(digest)
        cache.touch(digest, HASH)
    return value


def _older_than(cache: Cache, digest: str, seconds: float) -> bool:
    try:
        return time.time() - os.stat(cache.path_of(digest)).st_mtime > seconds
    except OSError:
        return False


def store(cache: Cache, digest: str, articles: list, problems: list[str]) -> None:
    """Keep the memo: ``articles`` are the articles with their results attached, in order."""
    value = {"articles": [{"entities": a.entities, "events": a.events, "timexes": a.timexes, "quotes": a.quotes,
                           "figures": a.figures, "comparisons": a.all_comparisons} for a in articles],
             "problems": problems}
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        return  # something that JSON cannot hold: no memo (every build makes the results, as before)
    content_hash = cache.put_text(digest, text)
    if content_hash:
        cache.put_text(digest, content_hash, HASH)
