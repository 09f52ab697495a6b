"""The files of the search vocabulary made on a Dask cluster, a range of terms at a time: the shards ``t<n>.json``,
their keys (``k<g>.json`` and the manifest's), ``vocab.json`` and ``v<L>.json``, the same bytes as
``shards.term_shards`` and ``shards.term_files`` make, and the build process never holds more of them than one
range's (nor a term list of its own).

The ranges (``on_dask.weigh_range`` with texts: a range's terms in lunr's order and their shard entries, on the
workers) are packed into shards by a chain of small tasks (:func:`packed`: the ``shards.Packer`` of the ranges
before and the last term before come in, the range's cuts and keys go out); each range then makes, on its worker,
its pieces of the shards and the keys of the shards it begins (:func:`pieces`), its piece of ``vocab.json``
(:func:`vocab_piece`) and its rows of each ``v<L>.json`` (:func:`length_rows`), which the build process writes one
range at a time (:func:`files`).

Plain Python; ``search`` is the ``on_dask.Search`` whose cluster (and workers) it uses.
"""

from __future__ import annotations

from collections.abc import Iterator
from copy import copy
from operator import getitem

from .shards import GROUP, INLINE_KEYS, LENGTHS, Packer, dumps, js_length, separator


def packed(before: dict | None, weighed: tuple[list[str], list[str]]) -> dict:
    """One range's shards, given the packing of the ranges before (``before``: what this gave for the range before,
    None for the first): where its shards begin (``cuts``, positions in the range), their ``keys``, the ``shard`` its
    first term falls in unless it begins one, whether it comes ``first`` of all terms; and for the next range the
    ``packer`` and the ``last`` term."""
    terms, entries = weighed
    packer = copy(before["packer"]) if before else Packer()
    last = before["last"] if before else None
    start = {"first": packer.empty, "shard": packer.shards - 1}
    cuts, keys = [], []
    for i, entry in enumerate(entries):
        if packer.starts(len(entry) + 1):
            cuts.append(i)
            keys.append(separator(terms[i - 1] if i else last, terms[i]))
    return {"packer": packer, "last": terms[-1] if terms else last, "cuts": cuts, "keys": keys, **start}


def pieces(weighed, packing: dict) -> tuple[list[str], list[str]]:
    """The range's entries joined between the shards it begins (one piece more than those), and their keys."""
    entries = weighed[1]
    ends = [0, *packing["cuts"], len(entries)]
    return [",".join(entries[a:b]) for a, b in zip(ends, ends[1:])], packing["keys"]


def vocab_piece(weighed, packing: dict) -> str:
    """The range's part of ``vocab.json`` (every shard's terms): each term after a comma, or after ``],[`` when it
    begins a shard; the first of all terms after nothing."""
    cuts = set(packing["cuts"])
    return "".join(("" if packing["first"] and not i else "],[" if i in cuts else ",") + dumps(term)
                   for i, term in enumerate(weighed[0]))


def length_rows(weighed, packing: dict) -> list[list[tuple[int, str]]]:
    """The range's rows of each ``v<L>.json``: per length, ``(shard, its terms of that length as JSON items)`` in
    order (a shard that began in a range before goes on in this one: the build process joins the two)."""
    out: list[list] = [[] for _ in range(LENGTHS)]
    shard, cuts = packing["shard"], set(packing["cuts"])
    for i, term in enumerate(weighed[0]):
        shard += i in cuts
        rows = out[min(js_length(term), LENGTHS) - 1]
        if rows and rows[-1][0] == shard:
            rows[-1][1].append(dumps(term))
        else:
            rows.append((shard, [dumps(term)]))
    return [[(n, ",".join(items)) for n, items in rows] for rows in out]


class Keys:
    """The shards' keys as they come, a range at a time: :meth:`add` gives each key file ``k<g>.json`` as it fills
    (:meth:`end` the last); kept are only their number (``count``), the first of each group (``groups``) and, while
    there are at most INLINE_KEYS, all of them (``inline``, else None): what the manifest lists."""

    def __init__(self):
        self.count, self.groups, self.group, self.inline = 0, [], [], []

    def add(self, keys: list[str]) -> Iterator[tuple[str, str]]:
        for k in keys:
            if not self.group:
                self.groups.append(k)
            self.group.append(k)
            self.count += 1
            if self.inline is not None:
                self.inline.append(k)
                if self.count > INLINE_KEYS:
                    self.inline = None
            if len(self.group) == GROUP:
                yield from self.end()

    def end(self) -> Iterator[tuple[str, str]]:
        if self.group:
            yield f"k{len(self.groups) - 1}.json", dumps(self.group)
            self.group = []


def files(search, weighed: list, keys: Keys) -> Iterator[tuple[str, str | Iterator[str]]]:
    """The shards, key files, ``vocab.json`` and ``v<L>.json`` of the ranges ``weighed`` (futures, in lunr's order),
    in order, each made when it is reached; ``keys`` keeps what the manifest needs."""
    chain, shards, vocab, rows = None, [], [], []
    for future in weighed:
        chain = search.submit(packed, chain, future)
        shards.append(search.submit(pieces, future, chain))
        vocab.append(search.submit(vocab_piece, future, chain))
        rows.append(search.submit(length_rows, future, chain))
    del weighed, chain
    yield from keys.add([""])  # shard 0's
    number, current = 0, []
    for future in shards:  # one range's pieces here at a time
        texts, begun = future.result()
        future.release()
        for k, piece in enumerate(texts):
            if k:
                yield f"t{number}.json", f"[{','.join(current)}]"
                number, current = number + 1, []
            if piece:
                current.append(piece)
        yield from keys.add(begun)
    yield f"t{number}.json", f"[{','.join(current)}]"
    yield from keys.end()
    yield "vocab.json", _joined(vocab, "[[", "]]")
    for length in range(LENGTHS):
        yield f"v{length + 1}.json", _length_file(search, rows, length)


def _joined(futures: list, before: str, after: str) -> Iterator[str]:
    yield before
    for future in futures:
        yield future.result()
        future.release()
    yield after


def _length_file(search, rows: list, length: int) -> Iterator[str]:
    """``v<length + 1>.json`` from each range's rows, a range at a time: a shard's row continued from range to range
    is one row."""
    yield "["
    pending, first = None, True
    for future in rows:
        done = []
        for n, items in search.submit(getitem, future, length).result():
            if pending and pending[0] == n:
                pending = (n, f"{pending[1]},{items}")
            else:
                if pending:
                    done.append(pending)
                pending = (n, items)
        if done:
            yield ("" if first else ",") + ",".join(f"[{n},{items}]" for n, items in done)
            first = False
    if pending:
        yield ("" if first else ",") + f"[{pending[0]},{pending[1]}]"
    yield "]"
