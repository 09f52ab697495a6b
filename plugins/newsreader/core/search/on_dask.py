"""The search index and its files computed on a Dask cluster: the same weights, the same bytes, and the build process
never holds the index whole.

Steps, as lunr's builder would make them if it were cut in parts (:class:`Search`):

1. **term statistics per document, in parallel**: the documents in partitions (of ``PARTITION`` documents, in
   order); a task counts each document's terms per field (``index.field_counts``, the local build's own function)
   and keeps, on its worker, the postings ``(document position, term frequency)``; it sends back only its terms in
   first-seen order and its field lengths;
2. **global statistics, here**: term numbers (first-seen order over the partitions in order is the local build's
   order), the field lengths of every document and their averages, and the terms in lunr's order cut into ranges
   of about as many postings (at most ``RANGE_POSTINGS``: a range's shards are a few MB at any corpus size);
3. **weights per range of terms, in parallel**: a task gathers one range from every partition (the workers send
   each other that range only) and weighs its terms with ``index.weigh`` (the same expression on the same numbers,
   so the same floats), then writes each term's shard entry (``shards.postings_text``): the weights are not kept;
4. **shards, here, one range at a time**: the build process packs the terms into shards from the entries' sizes
   alone (``shards.Packer``, as a local build packs them), asks the range's worker for the text of each piece of a
   shard it holds, writes the shards it completes and forgets them (:meth:`Search.files`).

:func:`build_index` gathers the whole :class:`index.Index` instead (for ``lunr-index.json``, a file for tools, and
the tests). Plain Python; the caller passes a ``distributed.Client``.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from bisect import bisect_right
from operator import getitem
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from .index import FIELDS, Index, averages_of, field_counts, js_order, weigh
from . import aliases_on_dask
from .shards import Packer, check_refs, dumps, manifest, postings_text, shard_keys, term_files

PARTITION = 1000  # documents per task of step 1
RANGE_TERMS = 20_000  # terms per task of step 3, at most
RANGE_POSTINGS = 500_000  # postings per task of step 3, at most (at least 4 tasks a worker): a few MB of shards


def term_stats(part: list[dict], start: int) -> tuple[tuple[list[str], list[list[int]]], dict]:
    """Step 1 for documents ``part`` (at positions ``start``…): ((terms in first-seen order, field lengths per
    field, each term's postings), {term: [[(position, tf)] per field]})."""
    lengths: list[list[int]] = [[] for _ in FIELDS]
    postings: dict[str, list[list]] = {}
    for position, doc in enumerate(part, start):
        for f, counts in enumerate(field_counts(doc)):
            lengths[f].append(sum(counts.values()))
            for term, tf in counts.items():
                entry = postings.get(term)
                if entry is None:
                    entry = postings[term] = [[] for _ in FIELDS]
                entry[f].append((position, tf))
    sizes = [sum(len(rows) for rows in per_field) for per_field in postings.values()]
    return (list(postings), lengths, sizes), postings  # a dict keeps first-seen order


def head(stats) -> tuple[list[str], list[list[int]], list[int]]:
    return stats[0]


def split(stats, bounds: list[bytes]) -> list[dict]:
    """A partition's postings by range of terms (``bounds``: each range's first term, in lunr's order)."""
    out: list[dict] = [{} for _ in range(len(bounds) + 1)]
    for term, per_field in stats[1].items():
        out[bisect_right(bounds, js_order(term))][term] = per_field
    return out


def weigh_range(parts: list[dict], numbers: dict[str, int], count: int, averages: list[float],
                lengths: list[list[int]], texts: bool = False) -> list:
    """Step 3: one range's terms gathered from every partition (in order, so positions ascend), weighed, in lunr's
    order: ``[(term, number, weights per field)]``, or with ``texts`` each term's shard entry (``entry_texts``)."""
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
    return entry_texts(weighed) if texts else list(weighed)


def entry_texts(weighed) -> list[str]:
    """Each term's shard entry, as ``shards.term_shards`` writes it."""
    return [dumps([term, number, *(postings_text(row) for row in per_field)]) for term, number, per_field in weighed]


def costs(texts: list[str]) -> list[int]:
    return [len(text) + 1 for text in texts]


def pieces(texts: list[str], cuts: list[int]) -> list[str]:
    """The range's entries joined between ``cuts`` (where shards begin): one piece more than cuts."""
    ends = [0, *cuts, len(texts)]
    return [",".join(texts[a:b]) for a, b in zip(ends, ends[1:])]


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
        self.stats = [self.submit(term_stats, self.send(documents[at:at + partition]), at)
                      for at in range(0, self.count, partition)]
        self.terms = self.weighed = None

    def submit(self, *args):
        return self.client.submit(*args, pure=False, **self.where)

    def send(self, value):
        """``value`` put on a worker, one at a time: not held by the scheduler (in this process with ``local``)
        as a task's argument."""
        return self.client.scatter([value], workers=self.where.get("workers"), hash=False)[0]

    def weigh(self, texts: bool = False) -> None:
        """Steps 2 and 3: the terms in lunr's order here, their weights (or with ``texts`` their shard entries) kept
        on the workers, per range."""
        self.as_texts = texts
        numbers: dict[str, int] = {}
        lengths: list[list[int]] = [[] for _ in FIELDS]
        volume: list[int] = []  # each term's postings, by number
        for future in [self.submit(head, s) for s in self.stats]:
            order, part_lengths, sizes = future.result()
            for term, size in zip(order, sizes):
                number = numbers.get(term)
                if number is None:
                    number = numbers[term] = len(numbers)
                    volume.append(0)
                volume[number] += size
            for f, rows in enumerate(part_lengths):
                lengths[f].extend(rows)
        averages = averages_of([sum(rows) for rows in lengths], self.count)
        shared = self.client.scatter([lengths], broadcast=True, workers=self.where.get("workers"), hash=False)[0]
        del lengths
        self.terms = terms = sorted(numbers, key=js_order)
        starts = ranges(terms, [volume[numbers[t]] for t in terms], 4 * len(self.workers), self.range_terms)
        del volume
        splits = [self.submit(split, s, [js_order(terms[at]) for at in starts[1:]]) for s in self.stats]
        self.stats = None  # the workers drop the postings once split
        self.weighed = [self.submit(weigh_range, [self.submit(getitem, s, r) for s in splits],
                                    self.send({t: numbers[t] for t in terms[a:b]}), self.count, averages, shared,
                                    texts)
                        for r, (a, b) in enumerate(zip(starts, [*starts[1:], len(terms)]))]

    def index(self) -> Index:
        """The whole index, gathered here (what ``index.build_index`` makes)."""
        if self.weighed is None:
            self.weigh()
        postings = {}
        for future in self.weighed:
            postings.update({term: (number, per_field) for term, number, per_field in future.result()})
        postings = dict(sorted(postings.items(), key=lambda item: item[1][0]))  # in number order, as locally
        return Index([name for name, _ in FIELDS], self.refs(), self.terms, postings)

    def refs(self) -> list[str]:
        return [str(n) for n in range(self.count)] if self.sequential else self.given_refs

    def shards(self) -> Iterator[tuple[str, str]]:
        """Step 4: the shards ``t<n>.json``, in order; then ``self.shard_terms`` holds each shard's terms."""
        if self.weighed is None:
            self.weigh(texts=True)
        elif not self.as_texts:
            raise ValueError("a Search gives its index or its files, not both")
        if not self.sequential:
            check_refs(self.given_refs)
        texts, self.weighed = self.weighed, None
        packer, shard_terms, at, wanted = Packer(), [[]], 0, []
        for future in texts:  # where each range's shards begin, from its entries' sizes (small numbers)
            cuts, sizes = [], self.submit(costs, future).result()
            for i, cost in enumerate(sizes):
                if packer.starts(cost):
                    cuts.append(i)
                    shard_terms.append([])
                shard_terms[-1].append(self.terms[at + i])
            at += len(sizes)
            wanted.append(self.submit(pieces, future, cuts))
        del texts
        self.terms = None  # shard_terms holds them
        self.shard_terms, number, current = shard_terms, 0, []
        for future in wanted:  # one range's pieces here at a time
            for k, piece in enumerate(future.result()):
                if k:
                    yield f"t{number}.json", f"[{','.join(current)}]"
                    number, current = number + 1, []
                if piece:
                    current.append(piece)
            future.release()
        yield f"t{number}.json", f"[{','.join(current)}]"

    def files(self, displays: Iterable[dict], facets: dict | Iterable[str], entities: Iterable[dict]
              ) -> Iterator[tuple[str, str | Iterable[str]]]:
        """Every file of the search folder (``shards.files``' inner files), in an order of their own, made one at a
        time (a file given as pieces, ``facets`` when it is not a dict, is a generator of them); then
        :meth:`manifest` gives ``manifest.json``. ``entities`` (those with a page) may be a generator: the alias
        files are made on the cluster (``aliases_on_dask``)."""
        yield from self.shards()
        self.keys = shard_keys(self.shard_terms)
        yield from term_files(self.keys, self.shard_terms).items()
        self.shard_terms = None
        for n, display in enumerate(displays):  # refs 0, 1, 2, …: the shards need them
            yield f"d/{n}.json", dumps(display)
        yield from aliases_on_dask.files(self, entities)
        yield "facets.json", dumps(facets) if isinstance(facets, dict) else facets

    def manifest(self, folder: str) -> str:
        return manifest(folder, [name for name, _ in FIELDS], self.count, self.keys, self.aliases)


def build_index(client, documents: list[dict], partition: int = PARTITION, workers: list[str] | None = None,
                range_terms: int = RANGE_TERMS) -> Index:
    """:func:`index.build_index` of ``documents`` on the cluster behind ``client``: the same Index."""
    return Search(client, documents, partition, workers, range_terms).index()


def write(search: Search, out: Path, displays: Iterable[dict], facets: dict | Iterable[str], entities: Iterable[dict],
          kept: Callable[[str, str | Path], None] | None = None) -> tuple[str, str]:
    """The search files under ``out`` as ``shards.files`` makes them, each written as soon as it is made (then
    ``kept(path in the folder, text)``; for a file made as pieces, ``kept(path in the folder, the file written)``)
    into a folder renamed ``s-<hash of them all>`` when complete (the hash is read back from the files);
    ``manifest.json`` last. Returns the folder's name and the manifest's text."""
    staging = Path(tempfile.mkdtemp(prefix="s-writing-", dir=out))  # an s-* folder: a later build removes it
    written, folders = [], set()
    try:
        for path, text in search.files(displays, facets, entities):
            target = staging / path
            if target.parent not in folders:
                target.parent.mkdir(parents=True, exist_ok=True)
                folders.add(target.parent)
            if isinstance(text, str):
                target.write_bytes(text.encode("utf-8"))
            else:  # pieces: the file is never whole here
                with target.open("w", encoding="utf-8", newline="") as file:
                    file.writelines(text)
            written.append(path)
            if kept:
                kept(path, text if isinstance(text, str) else target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    digest = hashlib.sha256()
    for path in sorted(written):
        digest.update(f"{path}\0".encode())
        with (staging / path).open("rb") as file:
            hashlib.file_digest(file, lambda: digest)  # a big file (facets.json) read in blocks
        digest.update(b"\0")
    folder = f"s-{digest.hexdigest()[:12]}"
    if (out / folder).exists():
        shutil.rmtree(out / folder)
    os.replace(staging, out / folder)
    text = search.manifest(folder)
    (out / "manifest.json").write_bytes(text.encode("utf-8"))
    return folder, text
