"""The entity index computed on a Dask cluster: the same index as ``index.build``, record for record.

The articles' entity dicts go to the workers in partitions (of ``PARTITION`` articles, in order), and every
reduction is by entity, in buckets of ids (a hash of the id), on the workers:

1. **per partition**: what the grouping reads of its articles (``grouping.grouping_parts``), its money and
   quantities, and its article-local ids; gathered here in order and merged (the local build's own functions then
   give every (type, name) its site-wide id: ``grouping.grouping``, ``index.site_ids``);
2. **per partition**: each id's ``index.Tally`` over its articles (mentions, aliases, roles, votes, quotes, names,
   articles), kept on the worker by bucket, and the ids of each article's dicts;
3. **per bucket**: the tallies of every partition merged in order and finished (``index.finish``: type, name,
   page); only each id with a page and its mentions come back, what "related" ranks by;
4. **per partition**: how often each id with a page is named with each other one (pairs of dicts in an article),
   by bucket;
5. **per bucket**: the counts merged, the ten related ranked (``index.ranked``, as the local build ranks them),
   the records completed and sent here, one bucket at a time.

Plain Python; the caller passes a ``distributed.Client``.
"""

from __future__ import annotations

import zlib
from collections import Counter

from .grouping import grouping, grouping_parts
from .index import Tally, complete, figures_of, finish, local_ids, ranked, site_ids, tally

PARTITION = 2000  # articles per task of steps 1, 2 and 4


def bucket_of(eid: str, buckets: int) -> int:
    return zlib.crc32(eid.encode("utf-8", "surrogatepass")) % buckets


def parts(articles: list, start: int) -> tuple:
    """Step 1."""
    seen, organisations = grouping_parts(articles)
    return seen, organisations, figures_of(articles), local_ids(articles)


def tallied(articles: list, ids: dict, start: int, buckets: int) -> tuple[list[dict], list[list[str]]]:
    """Step 2: the partition's tallies by bucket, and the ids of each article's dicts."""
    tallies, present = tally(articles, ids, start)
    out: list[dict] = [{} for _ in range(buckets)]
    for eid, t in tallies.items():
        out[bucket_of(eid, buckets)][eid] = t
    return out, present


def pick(value, number: int):
    return value[0][number]


def finished(parts_of_bucket: list[dict], person_surnames: set, url_pattern: str, rule: dict) -> tuple:
    """Step 3: ({id: (record, tally)}, {id with a page: minus its mentions})."""
    merged: dict[str, Tally] = {}
    for part in parts_of_bucket:
        for eid, t in part.items():
            mine = merged.get(eid)
            if mine is None:
                mine = merged[eid] = Tally(t.local)  # a copy: a task's inputs are left as they were
            mine.merge(t)
    records = {eid: (finish(eid, t, person_surnames, url_pattern, **rule), t) for eid, t in merged.items()}
    return records, {eid: -rec["mentions"] for eid, (rec, _) in records.items() if rec["url"]}


def head(value):
    return value[1]


def together(value, fewer_mentions: dict[str, int], buckets: int) -> list[dict]:
    """Step 4: per bucket, {id with a page: Counter of the ids with a page named in its articles, one count per pair
    of dicts}: the counts the local build ranks by (an id met in one article only: its counts there times its own
    number of dicts, the same order)."""
    out: list[dict] = [{} for _ in range(buckets)]
    for present in value[1]:
        with_page = [b for b in present if b in fewer_mentions]
        if not with_page:
            continue
        counts = Counter(with_page)
        for eid in with_page:
            mine = out[bucket_of(eid, buckets)]
            found = mine.get(eid)
            if found is None:
                mine[eid] = Counter(counts)
            else:
                found.update(counts)
    return out


def pick_list(value: list, number: int):
    return value[number]


def related(bucket, counts_of_bucket: list[dict], fewer_mentions: dict[str, int]) -> dict[str, dict]:
    """Step 5: the bucket's records, complete (``local`` still in them)."""
    records = bucket[0]
    merged: dict[str, Counter] = {}
    for part in counts_of_bucket:
        for eid, counts in part.items():
            if eid in merged:
                merged[eid].update(counts)
            else:
                merged[eid] = Counter(counts)
    out = {}
    for eid, (rec, t) in records.items():
        found = merged.get(eid)
        if rec["url"] and found is not None:
            found.pop(eid, None)  # an entity is not mentioned "with" itself
            complete(rec, t, ranked(found, fewer_mentions))
        else:
            complete(rec, t, [])
        out[eid] = rec
    return out


def build(client, articles: list[tuple[str, list[dict]]], url_pattern: str = "entity/{id}/", min_articles: int = 1,
          min_mentions: int = 1, min_quotes: int = 1, partition: int = PARTITION, buckets: int | None = None,
          workers: list[str] | None = None) -> dict:
    """``index.build`` of ``articles`` on the cluster behind ``client``: the same index (its dicts in the same order).

    ``workers``: the only workers its tasks may run on (those whose code the handshake accepted), else any.
    """
    buckets = buckets or 4 * max(1, len(workers or client.scheduler_info()["workers"]))
    where = {"workers": workers, "allow_other_workers": False} if workers else {}
    rule = {"min_articles": min_articles, "min_mentions": min_mentions, "min_quotes": min_quotes}

    def submit(*args):
        return client.submit(*args, pure=False, **where)

    def share(value):  # one value (a dict scattered as such would be one piece per key)
        return client.scatter([value], broadcast=True, hash=False, **({"workers": workers} if workers else {}))[0]

    starts = range(0, len(articles), partition)
    # Each partition put on a worker once, for steps 1, 2 and 4 (as a task's argument the scheduler would hold it:
    # in this process with a LocalCluster).
    sent = [client.scatter([articles[at:at + partition]], workers=workers, hash=False)[0] for at in starts]
    seen, organisations, figures, locals_ = {}, set(), set(), {}
    for future in [submit(parts, part, at) for part, at in zip(sent, starts)]:
        part_seen, part_organisations, part_figures, part_locals = future.result()
        for pair, dicts in part_seen.items():
            seen[pair] = seen.get(pair, 0) + dicts
        organisations |= part_organisations
        figures |= part_figures
        for name, eid in part_locals.items():
            locals_.setdefault(name, eid)
    groups, surnames = grouping(seen, organisations)
    del seen, organisations
    ids, page_ids = site_ids(groups, figures)
    ids.update(locals_)
    person_surnames = {page_ids[k] for k in surnames if k in page_ids}
    shared_ids = share(ids)
    tallies = [submit(tallied, part, shared_ids, at, buckets) for part, at in zip(sent, starts)]
    del sent
    done = [submit(finished, [submit(pick, t, b) for t in tallies], person_surnames, url_pattern, rule)
            for b in range(buckets)]
    fewer_mentions: dict[str, int] = {}
    for future in [submit(head, d) for d in done]:
        fewer_mentions.update(future.result())
    shared_fewer = share(fewer_mentions)
    counts = [submit(together, t, shared_fewer, buckets) for t in tallies]
    del tallies
    results = [submit(related, d, [submit(pick_list, c, b) for c in counts], shared_fewer)
               for b, d in enumerate(done)]
    del done, counts
    records: dict[str, dict] = {}
    for future in results:
        records.update(future.result())
        future.release()
    local = {eid: rec for eid, rec in sorted(records.items()) if rec.pop("local")}
    return {"entities": {eid: rec for eid, rec in sorted(records.items()) if eid not in local}, "local": local, "ids": ids}
