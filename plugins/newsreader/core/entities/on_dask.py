"""The entity index computed on a Dask cluster: the same index as ``index.build``, record for record, written to a
file as it comes (``stored.py``): nothing of it is ever whole in the build process, which only wires the tasks and
writes the records and ids it is sent, a piece at a time.

The articles' entity dicts go to the workers in partitions (of ``PARTITION`` articles, in order, each as one JSON text:
``wire.encoded``, no UTF-8 copy of a name left here; tuples made again there, :func:`articles_of`), and every
reduction is made there:

1. **the ids** (``grouping_on_dask.ids_on``): the merge rules and the site-wide ids of each partition's names, in
   three shuffles on the workers; each partition gets its own names' ids and which of them are persons' surnames;
2. **per partition**: each id's ``index.Tally`` over its articles (mentions, aliases, roles, votes, quotes, names,
   articles), kept on the worker by bucket of ids (a hash of the id), with the surnames' ids among them, and the
   ids of each article's dicts;
3. **per bucket**: the tallies of every partition merged in order and finished (``index.finish``: type, name,
   page), kept there; each partition is sent, from each bucket, the mentions of its own ids with a page (what
   "related" ranks by);
4. **per partition**: how often each id with a page is named with each other one (pairs of dicts in an article),
   by bucket, with the mentions of the ids counted;
5. **per bucket**: the counts merged, the ten related ranked (``index.ranked``, as the local build ranks them),
   the records completed; they come here :data:`PIECE` at a time (their articles as positions: the slugs are
   this process's), as do each partition's ids, and go to the file.

Plain Python; the caller passes a ``distributed.Client``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from itertools import islice
from operator import getitem

from ..wire import bucket_of, decoded, encoded
from . import stored
from .grouping_on_dask import ids_on
from .index import Tally, complete, finish, ranked, tally

PARTITION = 2000  # articles per task of steps 1, 2 and 4
PIECE = 2000  # records a task sends here at a time when the index goes to a file


def articles_of(sent: bytes) -> list[tuple[str, list[dict]]]:
    """A partition as :func:`build` sent it: its (slug, entity dicts) pairs, tuples again."""
    return [(slug, ents) for slug, ents in decoded(sent)]


def tallied(articles: list, ids: tuple, start: int, buckets: int) -> tuple[list[tuple], list[list[str]]]:
    """Step 2: the partition's (tallies, surnames' ids) by bucket, and the ids of each article's dicts (``ids``:
    the partition's own ids and surnames' ids, from ``ids_on``)."""
    own, surnames = ids
    tallies, present = tally(articles, own, start)
    out: list[tuple] = [({}, set()) for _ in range(buckets)]
    for eid, t in tallies.items():
        mine = out[bucket_of(eid, buckets)]
        mine[0][eid] = t
        if eid in surnames:
            mine[1].add(eid)
    return out, present


def pick(value, number: int):
    return value[0][number]


def finished(parts_of_bucket: list[tuple], url_pattern: str, rule: dict) -> tuple:
    """Step 3: ({id: (record, tally)}, {id with a page: minus its mentions})."""
    merged: dict[str, Tally] = {}
    person_surnames: set[str] = set()
    for part, surnames in parts_of_bucket:
        person_surnames |= surnames
        for eid, t in part.items():
            mine = merged.get(eid)
            if mine is None:
                mine = merged[eid] = Tally(t.local)  # a copy: a task's inputs are left as they were
            mine.merge(t)
    records = {eid: (finish(eid, t, person_surnames, url_pattern, **rule), t) for eid, t in merged.items()}
    return records, {eid: -rec["mentions"] for eid, (rec, _) in records.items() if rec["url"]}


def fewer_of(bucket, part: tuple) -> dict[str, int]:
    """Step 3, for a partition: {id of its tallies (``part``) with a page: minus its mentions} from a finished
    bucket."""
    fewer = bucket[1]
    return {eid: fewer[eid] for eid in part[0] if eid in fewer}


def together(value, fewer_parts: list[dict[str, int]], buckets: int) -> list[tuple[dict, dict]]:
    """Step 4: per bucket, ({id with a page: Counter of the ids with a page named in its articles, one count per pair
    of dicts}, {each of them: minus its mentions}): the counts the local build ranks by (an id met in one article
    only: its counts there times its own number of dicts, the same order)."""
    fewer_mentions: dict[str, int] = {}
    for part in fewer_parts:
        fewer_mentions.update(part)
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
    return [(counts, {b: fewer_mentions[b] for named in counts.values() for b in named}) for counts in out]


def related(bucket, counts_of_bucket: list[tuple[dict, dict]]) -> dict[str, dict]:
    """Step 5: the bucket's records, complete (``local`` still in them), but ``articles``: the positions of the
    entity's dicts (the build gives their slugs)."""
    records = bucket[0]
    merged: dict[str, Counter] = {}
    fewer_mentions: dict[str, int] = {}
    for part, fewer in counts_of_bucket:
        fewer_mentions.update(fewer)
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
        rec["articles"] = t.appearances
        out[eid] = rec
    return out


def build(client, articles: list[tuple[str, list[dict]]], into, url_pattern: str = "entity/{id}/",
          min_articles: int = 1, min_mentions: int = 1, min_quotes: int = 1, partition: int = PARTITION,
          buckets: int | None = None, workers: list[str] | None = None) -> dict:
    """``index.build`` of ``articles`` on the cluster behind ``client``, written to the file ``into`` and read from
    it (``stored.opened``): the same index, its records in the same order.

    ``workers``: the only workers its tasks may run on (those whose code the handshake accepted), else any.
    """
    buckets = buckets or 4 * max(1, len(workers or client.scheduler_info()["workers"]))
    where = {"workers": workers, "allow_other_workers": False} if workers else {}
    rule = {"min_articles": min_articles, "min_mentions": min_mentions, "min_quotes": min_quotes}

    def submit(*args):
        return client.submit(*args, pure=False, **where)

    def send(value):  # one value as its JSON text, on one worker (not a task's argument: the scheduler would hold it)
        return client.scatter([encoded(value)], workers=workers, hash=False)[0]

    starts = range(0, len(articles), partition)
    # Each partition put on a worker once and read there for steps 1, 2 and 4.
    sent = [submit(articles_of, send(articles[at:at + partition])) for at in starts]
    ids = ids_on(submit, sent, buckets)
    tallies = [submit(tallied, part, own, at, buckets) for part, own, at in zip(sent, ids, starts)]
    del sent
    picked = [[submit(pick, t, b) for b in range(buckets)] for t in tallies]
    done = [submit(finished, [p[b] for p in picked], url_pattern, rule) for b in range(buckets)]
    counts = [submit(together, t, [submit(fewer_of, d, p[b]) for b, d in enumerate(done)], buckets)
              for t, p in zip(tallies, picked)]
    del tallies, picked
    results = [submit(related, d, [submit(getitem, c, b) for c in counts]) for b, d in enumerate(done)]
    del done, counts
    writer = stored.Writer(into)
    try:
        for own in ids:  # each partition's ids
            for got in _pieces(submit, own, 0):
                writer.ids((tuple(key), eid) for key, eid in got)
        for future in results:  # each bucket's records
            for got in _pieces(submit, future):
                kinds: tuple[list, list] = ([], [])
                for rec in got:
                    rec["articles"] = _slugs(articles, rec["articles"])
                    kinds[rec.pop("local")].append(rec)
                writer.records(kinds[0])
                writer.records(kinds[1], local=True)
    except BaseException:
        writer.discard()
        raise
    writer.close()
    return stored.opened(into)


def _pieces(submit, future, part: int | None = None) -> Iterator[list]:
    """What ``future`` holds (a bucket's records; with ``part`` 0, a partition's ids), PIECE items at a time, as
    they come here; then the cluster lets go of it."""
    for start in range(0, submit(count, future, part).result(), PIECE):
        yield decoded(submit(piece, future, part, start, PIECE).result())
    future.release()


def _slugs(articles: list, positions: list[int]) -> list[str]:
    return list(dict.fromkeys(articles[at][0] for at in positions))  # slugs, in order


def piece(value, part: int | None, start: int, size: int) -> bytes:
    """Items ``start``… (``size`` of them) of a bucket's records (``part`` None) or of a partition's ids (``part`` 0:
    ``[key, id]`` pairs), as one JSON text."""
    items = value.values() if part is None else value[part].items()
    return encoded(list(islice(items, start, start + size)))


def count(value, part: int | None = None) -> int:
    return len(value if part is None else value[part])
