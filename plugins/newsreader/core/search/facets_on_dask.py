"""The documents' rows of ``facets.json`` made on a Dask cluster: each document's entities are numbered there, so
the build process never lists the entities' ids (a list of them, to number an id by bisection, is 8 bytes an
entity: 4 MB at 100,000 synthetic articles).

1. the entities' ids, in order, are sent ``IDS`` at a time (``wire.encoded``) and numbered on a worker
   (``{id: number}``, one task);
2. the documents' rows ``[source, year, [entity ids]]`` are sent a piece (``rows`` of them) at a time, a few pieces
   in flight (``Search.ahead``); each comes back as its piece of the file, the ids made numbers and every row
   written by ``shards.dumps`` (the local build's bytes), is written here and forgotten.

Plain Python; ``search`` is the ``on_dask.Search`` whose cluster (and workers) it uses.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from ..wire import decoded
from .shards import dumps

IDS = 50_000  # entities' ids per partition sent


def numbers(*parts: bytes) -> dict[str, int]:
    """Step 1: each id's number (its position in the partitions, in order)."""
    out: dict[str, int] = {}
    for part in parts:
        for eid in decoded(part):
            out[eid] = len(out)
    return out


def piece(numbered: dict[str, int], sent: bytes) -> str:
    """Step 2: the rows ``sent`` (in JSON), each entity id made its number (an unknown id fails, as locally)."""
    return ",".join(dumps([source, year, [numbered[eid] for eid in ids]]) for source, year, ids in decoded(sent))


def pieces(search, ids: Iterable[str], rows: Iterable[list], size: int) -> Iterator[str]:
    """The rows ``rows`` (``[source, year, [entity ids]]``, the ids among ``ids``: the entities in order) as the items
    of a JSON list, a piece of ``size`` rows at a time (comma-led but the first), made on the cluster of
    ``search``."""
    parts, part = [], []
    for eid in ids:
        part.append(eid)
        if len(part) == IDS:
            parts.append(search.send(part))
            part = []
    if part:
        parts.append(search.send(part))
    del part
    numbered = search.submit(numbers, *parts)
    del parts
    rows = iter(rows)

    def sent() -> Iterator:
        while block := list(islice(rows, size)):  # each block listed only as it is sent
            yield search.submit(piece, numbered, search.send(block))

    first = True
    for future in search.ahead(sent()):
        text = future.result()
        future.release()
        del future
        yield ("" if first else ",") + text
        first = False
