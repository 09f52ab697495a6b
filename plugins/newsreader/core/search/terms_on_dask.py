"""The files of the search vocabulary made on a Dask cluster, a range of terms at a time: the shards ``t<n>.json``,
their keys (``k<g>.json`` and the manifest's), ``vocab.json`` and ``v<L>.json``, the same bytes as
``shards.term_shards`` and ``shards.term_files`` make, and the build process never holds more of them than one
range's (nor a term list of its own).

The ranges (``on_dask.weigh_range`` with texts: a range's terms in lunr's order and their shard entries, on the
workers) are packed into shards in order, as a local build packs them (``shards.Packer``): a task per range
(:func:`made`) is given the packing of the ranges before (the packer's few numbers and the last term, which come
here from the range before) and gives the range's cuts and keys (:func:`packed`), its pieces of the shards
(:func:`pieces`), its piece of ``vocab.json`` (:func:`vocab_piece`), its rows of each ``v<L>.json``
(:func:`length_rows`) and the packing for the next range. The build process writes the shards at once and keeps
the rest in temporary files until every shard is written (:class:`Spilled`): nothing of a range stays on the
cluster once it is here, so the scheduler forgets the tasks it was made by (:func:`files`).

Plain Python; ``search`` is the ``on_dask.Search`` whose cluster (and workers) it uses.
"""

from __future__ import annotations

from collections.abc import Iterator
import tempfile
from copy import copy

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


def made(weighed, before: dict | None) -> tuple:
    """One range, on its worker, given the packing of the ranges before (``before``: the ``packer`` and the ``last``
    term, from what this gave for the range before; None for the first): its pieces of the shards, the keys of the
    shards it begins, its piece of ``vocab.json``, its rows of each ``v<L>.json``, and the packing for the next."""
    packing = packed(before, weighed)
    texts, keys = pieces(weighed, packing)
    return (texts, keys, vocab_piece(weighed, packing), length_rows(weighed, packing),
            {"packer": packing["packer"], "last": packing["last"]})


class Spilled:
    """A file's text as it comes, a range at a time, kept in a temporary file until it is written (``vocab.json``
    and each ``v<L>.json`` come after every shard): a row of ``v<L>.json`` continued from range to range (a shard's
    terms of one length) is one row."""

    def __init__(self):
        self.file = tempfile.TemporaryFile("w+", encoding="utf-8", newline="")
        self.pending, self.first = None, True

    def add(self, rows: list[tuple[int, str]]) -> None:
        for n, items in rows:
            if self.pending and self.pending[0] == n:
                self.pending = (n, f"{self.pending[1]},{items}")
            else:
                self._row()
                self.pending = (n, items)

    def _row(self) -> None:
        if self.pending:
            self.file.write(("" if self.first else ",") + f"[{self.pending[0]},{self.pending[1]}]")
            self.first, self.pending = False, None

    def pieces(self, before: str, after: str) -> Iterator[str]:
        self._row()
        self.file.seek(0)
        yield before
        while block := self.file.read(1 << 20):
            yield block
        yield after
        self.file.close()


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


def files(search, weighed: Iterator, keys: Keys) -> Iterator[tuple[str, str | Iterator[str]]]:
    """The shards, key files, ``vocab.json`` and ``v<L>.json`` of the ranges ``weighed`` (futures, in lunr's order,
    each submitted as the caller takes it: ``on_dask.ahead``), in order, each made when it is reached; ``keys`` keeps
    what the manifest needs. A range's results come here once (:func:`made`), and nothing of it stays on the
    cluster, not even the record of the tasks it was made by (a task kept keeps the ones it was made from)."""
    packing, vocab, lengths = None, Spilled(), [Spilled() for _ in range(LENGTHS)]
    yield from keys.add([""])  # shard 0's
    number, current = 0, []
    for future in weighed:  # one range's pieces here at a time
        texts, begun, piece, rows, packing = search.submit(made, future, packing).result()
        del future
        for k, piece_of_shards in enumerate(texts):
            if k:
                yield f"t{number}.json", f"[{','.join(current)}]"
                number, current = number + 1, []
            if piece_of_shards:
                current.append(piece_of_shards)
        del texts
        vocab.file.write(piece)
        for spilled, found in zip(lengths, rows):
            spilled.add(found)
        del piece, rows
        yield from keys.add(begun)
    yield f"t{number}.json", f"[{','.join(current)}]"
    yield from keys.end()
    yield "vocab.json", vocab.pieces("[[", "]]")
    for length, spilled in enumerate(lengths, 1):
        yield f"v{length}.json", spilled.pieces("[", "]")
