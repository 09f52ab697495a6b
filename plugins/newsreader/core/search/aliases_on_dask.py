"""The alias files (``a<n>.json``) made on a Dask cluster: the same bytes as ``shards.alias_buckets``, and the build
process never holds the keys whole (at 100,000 synthetic articles, a million of them).

1. **per partition of the entities with a page** (``PARTITION`` of them, in order, sent ``SENT`` at a time, in
   JSON: ``wire.encoded``):
   ``shards.alias_lists``, each key's entities (at most five), kept on the worker;
2. **per group of keys** (a CRC-32 of the key; about ``GROUP_ENTITIES`` entities' keys in each): every partition's
   lists of the group merged in order (``shards.merged_aliases``), kept on the worker, a few groups in flight at a
   time (``Search.ahead``); only their number comes here, and their sum gives the number of buckets, as locally;
3. **per run of ``BUCKETS_PER_TASK`` buckets**: the keys of those buckets gathered from every group, sorted and
   written (``shards.dumps``), a few runs in flight at a time; the texts come here one run at a time, are written
   and forgotten.

A task kept keeps the scheduler's record of every task it was made from (partitions × groups of them, to gather
the groups): bigger partitions and groups keep that few (the entities are still sent ``SENT`` at a time).

Plain Python; ``search`` is the ``on_dask.Search`` whose cluster (and workers) it uses.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from operator import getitem

from ..wire import bucket_of, decoded
from .shards import alias_bucket_count, alias_lists, bucket, dumps, merged_aliases

SENT = 10_000  # entities with a page sent at a time (listed here)
PARTITION = 50_000  # entities with a page per task of step 1 (sent SENT at a time)
GROUP_ENTITIES = 100_000  # entities whose keys make a group of step 2 (about two keys each)
BUCKETS_PER_TASK = 100  # alias files per task of step 3 (up to 120 keys each: about a MB of text)


def lists(*sent: bytes) -> tuple[dict, dict]:
    """Step 1: ``shards.alias_lists`` of a partition sent as rows (name, aliases, url, type), in JSON, in parts."""
    return alias_lists({"name": name, "aliases": aliases, "url": url, "type": type_}
                       for part in sent for name, aliases, url, type_ in decoded(part))


def split(lists: tuple[dict, dict], groups: int) -> list[tuple[dict, dict]]:
    """A partition's lists (names, surnames) by group of keys."""
    out: list[tuple[dict, dict]] = [({}, {}) for _ in range(groups)]
    for side, keyed in enumerate(lists):
        for k, rows in keyed.items():
            out[bucket_of(k, groups)][side][k] = rows
    return out


def by_run(keyed: dict[str, list], count: int, run: int) -> list[dict[int, dict]]:
    """A group's keys by run of ``run`` buckets (``count`` buckets in all): ``[{bucket: {key: entities}}]``."""
    out: list[dict[int, dict]] = [{} for _ in range(-(-count // run))]
    for k, rows in keyed.items():
        number = bucket(k, count)
        out[number // run].setdefault(number, {})[k] = rows
    return out


def texts(parts: list[dict[int, dict]], first: int, end: int) -> list[str]:
    """Step 3: the files of buckets ``first`` … ``end`` − 1, from every group's keys in them."""
    found: dict[int, dict] = {}
    for part in parts:
        for number, keyed in part.items():
            found.setdefault(number, {}).update(keyed)
    out = []
    for number in range(first, end):
        keyed = found.pop(number, {})
        out.append(dumps({k: keyed[k] for k in sorted(keyed)}))
    return out


def files(search, entities: Iterable[dict]) -> Iterator[tuple[str, str]]:
    """``a<n>.json`` of ``entities`` (``{"name", "aliases", "url", "type"}``, those with a page, in order), made on
    the cluster of ``search`` (an ``on_dask.Search``), in order; then ``search.aliases`` is their number."""
    made, part, sent, size = [], [], [], min(SENT, PARTITION)
    for e in entities:
        part.append((e["name"], e["aliases"], e["url"], e["type"]))
        if len(part) == size:
            sent.append(search.send(part))
            part = []
            if len(sent) * size >= PARTITION:
                made.append(search.submit(lists, *sent))
                sent = []
    if part:
        sent.append(search.send(part))
    if sent or not made:
        made.append(search.submit(lists, *sent))
    del part, sent
    groups = max(4 * len(search.workers), -(-len(made) * PARTITION // GROUP_ENTITIES))
    splits = [search.submit(split, f, groups) for f in made]
    del made
    keyed, total = [], 0
    for future in search.ahead(search.submit(merged_aliases, [search.submit(getitem, s, g) for s in splits])
                               for g in range(groups)):  # a few groups in flight at a time
        keyed.append(future)
        total += search.submit(len, future).result()
    del splits
    count = alias_bucket_count(total)
    runs = [search.submit(by_run, k, count, BUCKETS_PER_TASK) for k in keyed]
    del keyed
    search.aliases = count
    made = search.ahead(search.submit(texts, [search.submit(getitem, r, run) for r in runs], first,
                                      min(count, first + BUCKETS_PER_TASK))
                        for run, first in enumerate(range(0, count, BUCKETS_PER_TASK)))  # a few runs in flight
    first = 0
    for future in made:  # one run's texts here at a time
        for number, text in enumerate(future.result(), first):
            yield f"a{number}.json", text
            first = number + 1
        future.release()
        del future
