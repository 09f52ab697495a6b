"""The search index computed on a Dask cluster: the same :class:`search_index.Index`, weight for weight.

Three steps, as lunr's builder would make them if it were cut in parts:

1. **term statistics per document, in parallel**: the documents in partitions (of ``PARTITION`` documents, in
   order); a task counts each document's terms per field (``search_index.field_counts``, the local build's own
   function) and keeps, on its worker, the postings ``(document position, term frequency)`` split into
   ``buckets`` by a hash of the term; it sends back only its terms in first-seen order and its field lengths;
2. **global statistics, here**: term numbers (first-seen order over the partitions in order is the local build's
   order), the field lengths of every document and their averages;
3. **weights per bucket of terms, in parallel**: a task gathers one bucket from every partition (the workers send
   each other that bucket only) and weighs its terms with ``search_index.weigh``: the same expression on the
   same numbers, so the same floats.

The shards, display files and the whole index (``search_shards.files``, ``search_index.serialize``) are then
written from the :class:`Index` as in a local build. Plain Python; the caller passes a ``distributed.Client``.
"""

from __future__ import annotations

import zlib

from .index import FIELDS, Index, averages_of, field_counts, js_order, weigh

PARTITION = 1000  # documents per task of step 1


def bucket_of(term: str, buckets: int) -> int:
    return zlib.crc32(term.encode("utf-8", "surrogatepass")) % buckets


def term_stats(part: list[dict], start: int, buckets: int) -> tuple[tuple[list[str], list[list[int]]], list[dict]]:
    """Step 1 for documents ``part`` (at positions ``start``…): ((terms in first-seen order, field lengths per
    field), per bucket {term: [[(position, tf)] per field]})."""
    order: list[str] = []
    seen: set[str] = set()
    lengths: list[list[int]] = [[] for _ in FIELDS]
    postings: list[dict] = [{} for _ in range(buckets)]
    for position, doc in enumerate(part, start):
        for f, counts in enumerate(field_counts(doc)):
            lengths[f].append(sum(counts.values()))
            for term, tf in counts.items():
                if term not in seen:
                    seen.add(term)
                    order.append(term)
                mine = postings[bucket_of(term, buckets)]
                entry = mine.get(term)
                if entry is None:
                    entry = mine[term] = [[] for _ in FIELDS]
                entry[f].append((position, tf))
    return (order, lengths), postings


def head(stats) -> tuple[list[str], list[list[int]]]:
    return stats[0]


def bucket(stats, number: int) -> dict:
    return stats[1][number]


def weigh_bucket(parts: list[dict], count: int, averages: list[float], lengths: list[list[int]]) -> dict:
    """Step 3: one bucket's terms gathered from every partition (in order, so positions ascend), weighed."""
    merged: dict[str, list[list]] = {}
    for part in parts:
        for term, per_field in part.items():
            entry = merged.get(term)
            if entry is None:
                merged[term] = [list(rows) for rows in per_field]
            else:
                for rows, more in zip(entry, per_field):
                    rows.extend(more)
    return {term: weigh(per_field, count, averages, lengths) for term, per_field in merged.items()}


def build_index(client, documents: list[dict], buckets: int | None = None, partition: int = PARTITION,
                workers: list[str] | None = None) -> Index:
    """:func:`search_index.build_index` of ``documents`` on the cluster behind ``client``: the same Index.

    ``workers``: the only workers its tasks may run on (those whose code the handshake accepted), else any.
    """
    count = len(documents)
    buckets = buckets or 4 * max(1, len(workers or client.scheduler_info()["workers"]))
    where = {"workers": workers, "allow_other_workers": False} if workers else {}

    def submit(*args):
        return client.submit(*args, pure=False, **where)

    stats = [submit(term_stats, documents[at:at + partition], at, buckets) for at in range(0, count, partition)]
    heads = client.gather([submit(head, s) for s in stats])
    numbers: dict[str, int] = {}
    lengths: list[list[int]] = [[] for _ in FIELDS]
    for order, part_lengths in heads:
        for term in order:
            if term not in numbers:
                numbers[term] = len(numbers)
        for f, rows in enumerate(part_lengths):
            lengths[f].extend(rows)
    averages = averages_of([sum(rows) for rows in lengths], count)
    shared = client.scatter(lengths, broadcast=True, **({"workers": workers} if workers else {}))
    weighed = [submit(weigh_bucket, [submit(bucket, s, b) for s in stats], count, averages, shared)
               for b in range(buckets)]
    weights: dict[str, list] = {}
    for part in client.gather(weighed):
        weights.update(part)
    del stats, weighed
    postings = {term: (number, weights.pop(term)) for term, number in numbers.items()}  # in number order, as locally
    names = [name for name, _ in FIELDS]
    return Index(names, [str(doc["ref"]) for doc in documents], sorted(numbers, key=js_order), postings)
