"""The paths of the search files written on a Dask cluster's behalf (``on_dask.write``), kept in little room: the
folder's name is a hash of every file in it, in the order of their paths. Plain Python."""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterator


NUMBERED = re.compile(r"(.*?)(0|[1-9][0-9]*)\.json")


class Written:
    """The paths of the files written, in little room: a run of numbered files from 0 (``d/0.json``, ``d/1.json``,
    …) kept as its prefix and length; :meth:`sorted` gives every path in ``sorted`` order, one at a time."""

    def __init__(self):
        self.runs: dict[str, int] = {}
        self.others: list[str] = []

    def add(self, path: str) -> None:
        found = NUMBERED.fullmatch(path)
        if found and self.runs.get(found[1], 0) == int(found[2]):
            self.runs[found[1]] = int(found[2]) + 1
        else:
            self.others.append(path)

    def sorted(self) -> Iterator[str]:
        return heapq.merge(sorted(self.others), *(numbered_paths(p, end) for p, end in self.runs.items()))


def numbered_paths(prefix: str, end: int) -> Iterator[str]:
    """``f"{prefix}{n}.json"`` for n in range(end), in the order of their names ("1.json" < "10.json" < "2.json")."""
    stack = [n for n in range(9, -1, -1) if n < end]
    while stack:
        n = stack.pop()
        yield f"{prefix}{n}.json"
        if n:
            stack.extend(c for c in range(10 * n + 9, 10 * n - 1, -1) if c < end)
