"""The search index and its files computed on a Dask cluster: the same weights, the same bytes, and the build process
never holds the index whole.

Steps, as lunr's builder would make them if it were cut in parts (:class:`Search`); the build process holds futures
and one range's text at a time, never the vocabulary (not a term is sorted or numbered here):

1. **term statistics per document, in parallel**: the documents in partitions (of ``PARTITION`` documents, in
   order, sent ``SENT`` at a time, each as one JSON text, ``wire.encoded``: no UTF-8 copy of the documents' strings
   left here); a task counts each document's terms per field (``index.field_counts``, the local build's own
   function) and keeps, on its worker, its terms in first-seen order, its field lengths and the postings
   ``(document position, term frequency)``;
2. **the vocabulary, on the workers**: a chain of tasks numbers the terms partition after partition (first-seen
   order over the partitions in order is the local build's order) and counts each term's postings; one task then
   sorts them in lunr's order and cuts them into ranges of about as many postings (at most ``RANGE_POSTINGS``: a
   range's shards are about 2 MB at any corpus size), keeping each range's numbers; only the number of ranges comes
   here. The field lengths are joined on a worker too;
3. **weights per range of terms, in parallel**: a task gathers one range from every partition (the workers send
   each other that range only) and weighs its terms with ``index.weigh`` (the same expression on the same numbers,
   so the same floats), then writes each term's shard entry (``shards.postings_text``): the weights are not kept.
   A few ranges are in flight at a time (:func:`ahead`: ``AHEAD`` a worker), submitted as the build process takes
   them, so the tasks in flight, and the scheduler's record of them, stay as few at any corpus size;
4. **the files of the vocabulary, per range** (``terms_on_dask``): a task per range packs its entries into shards
   in order (``shards.Packer``, as a local build packs them, given the packing of the ranges before) and makes its
   pieces of the shards, their keys, ``vocab.json`` and ``v<L>.json``, which come here one range at a time, are
   written (or kept in a temporary file until the shards are) and forgotten (:meth:`Search.files`).

:func:`build_index` gathers the whole :class:`index.Index` instead (for ``lunr-index.json``, a file for tools, and
the tests). Plain Python; the caller passes a ``distributed.Client``.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from bisect import bisect_right
from functools import partial
from operator import getitem
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path

from ..wire import decoded, encoded
from .index import FIELDS, Index, averages_of, field_counts, js_order, weigh
from . import aliases_on_dask, facets_on_dask, terms_on_dask
from .paths import Written
from .shards import check_refs, dumps, manifest, postings_text

PARTITION = 4000  # documents per task of step 1 (a few tasks a partition keep the scheduler's record of it)
SENT = 1000  # documents sent at a time (listed here, each as one JSON text)
RANGE_TERMS = 20_000  # terms per task of step 3, at most
RANGE_POSTINGS = 200_000  # postings per task of step 3, at most (at least 4 tasks a worker): about 2 MB of shards
AHEAD = 2  # ranges of terms (and of alias buckets) in flight per worker, beyond the one the build process waits for


def term_stats(start: int, *sent: bytes) -> tuple[list[str], list[list[int]], list[int], dict]:
    """Step 1 for the documents ``sent`` (JSON lists, at positions ``start``…): (terms in first-seen order, field
    lengths per field, each term's postings count, {term: [[(position, tf)] per field]})."""
    lengths: list[list[int]] = [[] for _ in FIELDS]
    postings: dict[str, list[list]] = {}
    for position, doc in enumerate((doc for part in sent for doc in decoded(part)), start):
        for f, counts in enumerate(field_counts(doc)):
            lengths[f].append(sum(counts.values()))
            for term, tf in counts.items():
                entry = postings.get(term)
                if entry is None:
                    entry = postings[term] = [[] for _ in FIELDS]
                entry[f].append((position, tf))
    sizes = [sum(len(rows) for rows in per_field) for per_field in postings.values()]
    return list(postings), lengths, sizes, postings  # a dict keeps first-seen order


def head(stats) -> tuple[list[str], list[int]]:
    return stats[0], stats[2]


def joined_lengths(parts: list[list[list[int]]]) -> list[list[int]]:
    """Every document's field lengths, per field, from each partition's in order."""
    return [[n for lengths in parts for n in lengths[f]] for f in range(len(FIELDS))]


def field_averages(lengths: list[list[int]], count: int) -> list[float]:
    return averages_of([sum(rows) for rows in lengths], count)


def numbered(before: tuple[dict, list] | None, head: tuple[list[str], list[int]]) -> tuple[dict, list]:
    """Step 2, one partition: ({term: number} in first-seen order, each term's postings by number) grown by the
    partition's terms (``head``)."""
    numbers, volume = (dict(before[0]), list(before[1])) if before else ({}, [])
    for term, size in zip(*head):
        number = numbers.get(term)
        if number is None:
            number = numbers[term] = len(numbers)
            volume.append(0)
        volume[number] += size
    return numbers, volume


def plan(vocabulary: tuple[dict, list] | None, at_least: int, most_terms: int) -> tuple[list[bytes], list[dict]]:
    """Step 2, the whole vocabulary (on a worker): the ranges' first terms in lunr's order (but the first's) and each
    range's {term: number}."""
    numbers, volume = vocabulary or ({}, [])
    terms = sorted(numbers, key=js_order)
    starts = ranges(terms, [volume[numbers[t]] for t in terms], at_least, most_terms)
    return ([js_order(terms[at]) for at in starts[1:]],
            [{t: numbers[t] for t in terms[a:b]} for a, b in zip(starts, [*starts[1:], len(terms)])])


def range_count(planned) -> int:
    return len(planned[1])


def range_numbers(planned, r: int) -> dict:
    return planned[1][r]


def split(stats, bounds: list[bytes]) -> list[dict]:
    """A partition's postings by range of terms (``bounds``: each range's first term, in lunr's order)."""
    out: list[dict] = [{} for _ in range(len(bounds) + 1)]
    for term, per_field in stats[3].items():
        out[bisect_right(bounds, js_order(term))][term] = per_field
    return out


def weigh_range(parts: list[dict], numbers: dict[str, int], count: int, averages: list[float],
                lengths: list[list[int]], texts: bool = False):
    """Step 3: one range's terms gathered from every partition (in order, so positions ascend), weighed, in lunr's
    order: ``[(term, number, weights per field)]``, or with ``texts`` (the terms, each term's shard entry)."""
    merged: dict[str, list[list]] = {}
    for part in parts:
        for term, per_field in part.items():
            entry = merged.get(term)
            if entry is None:
                merged[term] = [list(rows) for rows in per_field]
            else:
                for rows, more in zip(entry, per_field):
                    rows.extend(more)
    weighed = ((term, numbers[term], weigh(merged.pop(term), count, averages, lengths))
               for term in sorted(merged, key=js_order))
    if not texts:
        return list(weighed)
    terms, entries = [], []
    for term, number, per_field in weighed:  # each term's shard entry, as ``shards.term_shards`` writes it
        terms.append(term)
        entries.append(dumps([term, number, *(postings_text(row) for row in per_field)]))
    return terms, entries


def ahead(futures: Iterator, window: int) -> Iterator:
    """``futures`` (a generator that submits each task as it is asked for one) in order, at most ``window`` of them
    submitted beyond the one the caller holds: the tasks in flight, and the scheduler's record of them, stay as few
    at any corpus size (the caller drops each future once done with it)."""
    waiting = deque(islice(futures, window))
    for future in futures:
        waiting.append(future)
        yield waiting.popleft()
    while waiting:
        yield waiting.popleft()


def ranges(terms: list[str], volume: list[int], at_least: int, most_terms: int) -> list[int]:
    """Where each range of terms starts: about as many postings in each (at most RANGE_POSTINGS, and at least
    ``at_least`` ranges), at most ``most_terms`` terms. What comes back of a range is bounded at any corpus size."""
    most = min(RANGE_POSTINGS, -(-sum(volume) // max(1, at_least)))
    starts, postings, count = [], 0, 0
    for at, size in enumerate(volume):
        if not count or postings + size > most or count >= most_terms:
            starts.append(at)
            postings = count = 0
        postings += size
        count += 1
    return starts


class Search:
    """The steps on the cluster behind ``client``; step 1 is sent at once (the caller goes on meanwhile).

    ``workers``: the only workers its tasks may run on (those whose code the handshake accepted), else any.
    """

    def __init__(self, client, documents: list[dict], partition: int = PARTITION, workers: list[str] | None = None,
                 range_terms: int = RANGE_TERMS):
        self.client, self.count, self.range_terms = client, len(documents), range_terms
        self.workers = workers or sorted(client.scheduler_info()["workers"])
        self.where = {"workers": workers, "allow_other_workers": False} if workers else {}
        # Refs 0, 1, 2, … (as a build numbers its documents) are not kept: a list of every document's would be.
        self.sequential = all(str(doc["ref"]) == str(n) for n, doc in enumerate(documents))
        self.given_refs = None if self.sequential else [str(doc["ref"]) for doc in documents]
        size = min(SENT, partition)
        self.stats = [self.submit(term_stats, at, *(self.send(documents[a:a + size])
                                                    for a in range(at, min(at + partition, self.count), size)))
                      for at in range(0, self.count, partition)]
        self.weighed = None

    def submit(self, *args):
        return self.client.submit(*args, pure=False, **self.where)

    def send(self, value):
        """``value`` (plain JSON) put on a worker as its ``wire.encoded`` text (no UTF-8 copy of its strings left
        here), one at a time: not held by the scheduler (in this process with ``local``) as a task's argument."""
        return self.client.scatter([encoded(value)], workers=self.where.get("workers"), hash=False)[0]

    def weigh(self, texts: bool = False) -> None:
        """Steps 2 and 3 on the workers: the terms numbered, sorted in lunr's order and cut into ranges there, their
        weights (or with ``texts`` the terms and their shard entries) kept there, per range. Only the number of
        ranges comes here; ``weighed`` gives each range's future in order, submitting a range's gathering and
        weighing only when it is at most AHEAD ranges a worker beyond the one taken last (:func:`ahead`)."""
        self.as_texts = texts
        vocabulary = None
        for stats in self.stats:  # in order: a term's number is where it is first seen
            vocabulary = self.submit(numbered, vocabulary, self.submit(head, stats))
        planned = self.submit(plan, vocabulary, 4 * len(self.workers), self.range_terms)
        del vocabulary
        lengths = self.submit(joined_lengths, [self.submit(getitem, s, 1) for s in self.stats])
        averages = self.submit(field_averages, lengths, self.count)
        bounds = self.submit(getitem, planned, 0)
        splits = [self.submit(split, s, bounds) for s in self.stats]
        self.stats = None  # the workers drop the postings once split
        self.ranges = self.submit(range_count, planned).result()
        self.weighed = self.ahead(self.submit(weigh_range, [self.submit(getitem, s, r) for s in splits],
                                              self.submit(range_numbers, planned, r), self.count, averages, lengths,
                                              texts) for r in range(self.ranges))

    def ahead(self, futures: Iterator) -> Iterator:
        """:func:`ahead`, AHEAD tasks in flight per worker."""
        return ahead(futures, AHEAD * len(self.workers))

    def index(self) -> Index:
        """The whole index, gathered here (what ``index.build_index`` makes)."""
        if self.weighed is None:
            self.weigh()
        terms, postings = [], {}
        weighed, self.weighed = self.weighed, None
        for future in weighed:  # the ranges in lunr's order, each submitted as the ones before are done
            for term, number, per_field in future.result():
                terms.append(term)
                postings[term] = (number, per_field)
        postings = dict(sorted(postings.items(), key=lambda item: item[1][0]))  # in number order, as locally
        return Index([name for name, _ in FIELDS], self.refs(), terms, postings)

    def refs(self) -> list[str]:
        return [str(n) for n in range(self.count)] if self.sequential else self.given_refs

    def files(self, displays: Iterable[dict], facets: dict | Iterable[str] | Callable, entities: Iterable[dict]
              ) -> Iterator[tuple[str, str | Iterable[str]]]:
        """Every file of the search folder (``shards.files``' inner files), in an order of their own, made one at a
        time (a file given as pieces, ``facets`` when it is not a dict, is a generator of them, or what ``facets``
        gives when told how to number the documents' entities on the cluster: ``facets_on_dask.pieces``); then
        :meth:`manifest` gives ``manifest.json``. ``entities`` (those with a page) may be a generator: the alias
        files are made on the cluster (``aliases_on_dask``)."""
        if self.weighed is None:
            self.weigh(texts=True)
        elif not self.as_texts:
            raise ValueError("a Search gives its index or its files, not both")
        if not self.sequential:
            check_refs(self.given_refs)
        weighed, self.weighed = self.weighed, None
        self.keys = terms_on_dask.Keys()
        yield from terms_on_dask.files(self, weighed, self.keys)
        for n, display in enumerate(displays):  # refs 0, 1, 2, …: the shards need them
            yield f"d/{n}.json", dumps(display)
        yield from aliases_on_dask.files(self, entities)
        if callable(facets):  # the documents' entities numbered on the cluster
            facets = facets(partial(facets_on_dask.pieces, self))
        yield "facets.json", dumps(facets) if isinstance(facets, dict) else facets

    def manifest(self, folder: str) -> str:
        return manifest(folder, [name for name, _ in FIELDS], self.count, self.keys.count, self.keys.groups,
                        self.aliases, self.keys.inline)


def build_index(client, documents: list[dict], partition: int = PARTITION, workers: list[str] | None = None,
                range_terms: int = RANGE_TERMS) -> Index:
    """:func:`index.build_index` of ``documents`` on the cluster behind ``client``: the same Index."""
    return Search(client, documents, partition, workers, range_terms).index()


def write(search: Search, out: Path, displays: Iterable[dict], facets: dict | Iterable[str] | Callable,
          entities: Iterable[dict],
          kept: Callable[[str, str | Path], None] | None = None) -> tuple[str, str]:
    """The search files under ``out`` as ``shards.files`` makes them, each written as soon as it is made (then
    ``kept(path in the folder, text)``; for a file made as pieces, ``kept(path in the folder, the file written)``)
    into a folder renamed ``s-<hash of them all>`` when complete (the hash is read back from the files);
    ``manifest.json`` last. Returns the folder's name and the manifest's text."""
    staging = tempfile.mkdtemp(prefix="s-writing-", dir=out)  # an s-* folder: a later build removes it
    written, folders = Written(), set()
    try:
        for path, text in search.files(displays, facets, entities):
            target = os.path.join(staging, path)  # a string: a Path would intern its parts
            if os.path.dirname(target) not in folders:
                os.makedirs(os.path.dirname(target), exist_ok=True)
                folders.add(os.path.dirname(target))
            if isinstance(text, str):
                with open(target, "wb") as file:
                    file.write(text.encode("utf-8"))
            else:  # pieces: the file is never whole here
                with open(target, "w", encoding="utf-8", newline="") as file:
                    file.writelines(text)
            written.add(path)
            if kept:
                kept(path, text if isinstance(text, str) else Path(target))
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    digest = hashlib.sha256()
    for path in written.sorted():
        digest.update(f"{path}\0".encode())
        with open(os.path.join(staging, path), "rb") as file:
            hashlib.file_digest(file, lambda: digest)  # a big file (facets.json) read in blocks
        digest.update(b"\0")
    folder = f"s-{digest.hexdigest()[:12]}"
    if (out / folder).exists():
        shutil.rmtree(out / folder)
    os.replace(staging, out / folder)
    text = search.manifest(folder)
    (out / "manifest.json").write_bytes(text.encode("utf-8"))
    return folder, text
