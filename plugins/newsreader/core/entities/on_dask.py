"""The entity index computed on a Dask cluster: the same index as ``index.build``, record for record.

The articles' entity dicts go to the workers in partitions (of ``PARTITION`` articles, in order), and every
reduction is by entity, in buckets of ids (a hash of the id), on the workers. What holds this process's strings (the
partitions, each partition's ids, the surnames' ids and the URL pattern) is sent as one JSON text each
(``wire.encoded``: no UTF-8 copy of a name left here), its tuples and tuple keys made again there
(:func:`articles_of`, :func:`ids_of`):

1. **per partition**: what the grouping reads of its articles (``grouping.grouping_parts``), its money and
   quantities, and its article-local ids; gathered here in order and merged (the local build's own functions then
   give every (type, name) its site-wide id: ``grouping.grouping``, ``index.site_ids``);
2. **per partition**: each id's ``index.Tally`` over its articles (mentions, aliases, roles, votes, quotes, names,
   articles), kept on the worker by bucket, and the ids of each article's dicts; a partition is sent the ids of its
   own names only (every worker sent them all held twice the build's memory of them, briefly, here);
3. **per bucket**: the tallies of every partition merged in order and finished (``index.finish``: type, name,
   page), kept there; each partition is sent, from each bucket, the mentions of its own ids with a page (what
   "related" ranks by; nothing of it comes here);
4. **per partition**: how often each id with a page is named with each other one (pairs of dicts in an article),
   by bucket, with the mentions of the ids counted;
5. **per bucket**: the counts merged, the ten related ranked (``index.ranked``, as the local build ranks them),
   the records completed and sent here, one bucket at a time; their ids and articles' slugs are then this
   process's own strings (the ids it made, the articles' slugs, by position), not copies.

Plain Python; the caller passes a ``distributed.Client``.
"""

from __future__ import annotations

import zlib
from collections import Counter
from itertools import islice
from operator import getitem

from ..wire import decoded, encoded
from . import stored
from .grouping import grouping, grouping_parts
from .grouping import is_local
from .index import Tally, complete, figures_of, finish, local_ids, ranked, site_ids, tally

PARTITION = 2000  # articles per task of steps 1, 2 and 4
PIECE = 2000  # records a task sends here at a time when the index goes to a file


def bucket_of(eid: str, buckets: int) -> int:
    return zlib.crc32(eid.encode("utf-8", "surrogatepass")) % buckets


def articles_of(sent: bytes) -> list[tuple[str, list[dict]]]:
    """A partition as :func:`build` sent it: its (slug, entity dicts) pairs, tuples again."""
    return [(slug, ents) for slug, ents in decoded(sent)]


def ids_of(sent: bytes) -> dict[tuple, str]:
    """A partition's ids as :func:`build` sent them (``[[key, id]]``): {(type, name) or (slug, type, name): id}."""
    return {tuple(key): eid for key, eid in decoded(sent)}


def parts(articles: list, start: int) -> tuple:
    """Step 1."""
    seen, organisations = grouping_parts(articles)
    return seen, organisations, figures_of(articles), local_ids(articles)


def tallied(articles: list, ids: bytes, start: int, buckets: int) -> tuple[list[dict], list[list[str]]]:
    """Step 2: the partition's tallies by bucket, and the ids of each article's dicts (``ids``: :func:`ids_of`)."""
    tallies, present = tally(articles, ids_of(ids), start)
    out: list[dict] = [{} for _ in range(buckets)]
    for eid, t in tallies.items():
        out[bucket_of(eid, buckets)][eid] = t
    return out, present


def pick(value, number: int):
    return value[0][number]


def finished(parts_of_bucket: list[dict], sent: bytes, rule: dict) -> tuple:
    """Step 3: ({id: (record, tally)}, {id with a page: minus its mentions}); ``sent``: the ids of persons' surnames
    and the URL pattern."""
    surnames, url_pattern = decoded(sent)
    person_surnames = set(surnames)
    merged: dict[str, Tally] = {}
    for part in parts_of_bucket:
        for eid, t in part.items():
            mine = merged.get(eid)
            if mine is None:
                mine = merged[eid] = Tally(t.local)  # a copy: a task's inputs are left as they were
            mine.merge(t)
    records = {eid: (finish(eid, t, person_surnames, url_pattern, **rule), t) for eid, t in merged.items()}
    return records, {eid: -rec["mentions"] for eid, (rec, _) in records.items() if rec["url"]}


def fewer_of(bucket, tallies: dict) -> dict[str, int]:
    """Step 3, for a partition: {id of its ``tallies`` with a page: minus its mentions} from a finished bucket."""
    fewer = bucket[1]
    return {eid: fewer[eid] for eid in tallies if eid in fewer}


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


def own_ids(articles: list, ids: dict) -> dict:
    """The part of ``ids`` that ``articles`` name."""
    return {key: ids[key] for key in ((slug, e["type"], e["name"]) if is_local(e) else (e["type"], e["name"])
                                      for slug, ents in articles for e in ents)}


def build(client, articles: list[tuple[str, list[dict]]], url_pattern: str = "entity/{id}/", min_articles: int = 1,
          min_mentions: int = 1, min_quotes: int = 1, partition: int = PARTITION, buckets: int | None = None,
          workers: list[str] | None = None, into=None) -> dict:
    """``index.build`` of ``articles`` on the cluster behind ``client``: the same index (its dicts in the same order).

    ``workers``: the only workers its tasks may run on (those whose code the handshake accepted), else any.
    ``into``: a path where the index is written (``stored.Writer``) as it comes, and read from (``stored.opened``):
    then never whole in this process.
    """
    buckets = buckets or 4 * max(1, len(workers or client.scheduler_info()["workers"]))
    where = {"workers": workers, "allow_other_workers": False} if workers else {}
    rule = {"min_articles": min_articles, "min_mentions": min_mentions, "min_quotes": min_quotes}

    def submit(*args):
        return client.submit(*args, pure=False, **where)

    def send(value):  # one value as its JSON text, on one worker (not a task's argument: the scheduler would hold it)
        return client.scatter([encoded(value)], workers=workers, hash=False)[0]

    starts = range(0, len(articles), partition)
    # Each partition put on a worker once and read there once, for steps 1, 2 and 4.
    sent = [submit(articles_of, send(articles[at:at + partition])) for at in starts]
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
    del groups, figures, locals_, page_ids
    tallies = [submit(tallied, part, send(list(own_ids(articles[at:at + partition], ids).items())), at, buckets)
               for part, at in zip(sent, starts)]
    del sent
    picked = [[submit(pick, t, b) for b in range(buckets)] for t in tallies]
    surnames_sent = send([sorted(person_surnames), url_pattern])
    done = [submit(finished, [p[b] for p in picked], surnames_sent, rule) for b in range(buckets)]
    counts = [submit(together, t, [submit(fewer_of, d, p[b]) for b, d in enumerate(done)], buckets)
              for t, p in zip(tallies, picked)]
    del tallies, picked, surnames_sent
    results = [submit(related, d, [submit(getitem, c, b) for c in counts]) for b, d in enumerate(done)]
    del done, counts
    if into is not None:
        return _stored(into, submit, results, ids, articles)
    own = {}  # each id as this process made it: records refer to it, not to copies of it
    for eid in ids.values():
        own.setdefault(eid, eid)
    records: dict[str, dict] = {}
    for future in results:
        for eid, rec in future.result().items():
            eid = rec["id"] = own[eid]
            rec["related"] = [own[b] for b in rec["related"]]
            rec["articles"] = _slugs(articles, rec["articles"])
            records[eid] = rec
        future.release()
    del own
    order = sorted(records)
    local = {eid: records[eid] for eid in order if records[eid].pop("local")}
    return {"entities": {eid: records[eid] for eid in order if eid not in local}, "local": local, "ids": ids}


def _slugs(articles: list, positions: list[int]) -> list[str]:
    return list(dict.fromkeys(articles[at][0] for at in positions))  # slugs, in order


def piece(records: dict, start: int, size: int) -> bytes:
    """Records ``start``… (``size`` of them) of a bucket's, as one JSON text."""
    return encoded(list(islice(records.values(), start, start + size)))


def count(records: dict) -> int:
    return len(records)


def _stored(into, submit, results: list, ids: dict, articles: list) -> dict:
    """The records written to the index file ``into`` as they come (:data:`PIECE` at a time: never a bucket
    whole here), with the ids; the index read from the file (``stored.opened``)."""
    writer = stored.Writer(into)
    try:
        writer.ids(ids.items())
        for future in results:
            for start in range(0, submit(count, future).result(), PIECE):
                records = decoded(submit(piece, future, start, PIECE).result())
                kinds: tuple[list, list] = ([], [])
                for rec in records:
                    rec["articles"] = _slugs(articles, rec["articles"])
                    kinds[rec.pop("local")].append(rec)
                writer.records(kinds[0])
                writer.records(kinds[1], local=True)
            future.release()
    finally:
        writer.close()
    return stored.opened(into)
