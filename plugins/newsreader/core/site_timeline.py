"""The site timeline's years and months (``timeline_pages.py`` renders them), locally or on a Dask cluster.

Which year and month an event is listed under is a function of its date and precision alone
(``timex.events.period_start``): :func:`years_of` places events by position, in partitions when a cluster is set
(:func:`timeline_years_on`: the partitions placed on the workers, merged here in order), and :func:`assemble`
makes the same timeline of the build's own event dicts either way. Plain Python.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from itertools import islice

from .timex.events import period_start
from .wire import decoded, encoded

PARTITION = 20_000  # events per task on a cluster
MONTHLY = frozenset({"day", "week", "month"})  # precisions that name a month


def years_of(dated: Iterable[tuple[str, str]] | bytes, start: int = 0) -> dict[int, dict[int, list[int]]]:
    """``{year: {month (0: no month given): runs}}`` of events ``(date, precision)`` (or as sent: ``wire``) at
    positions ``start``…; a
    month's runs are its positions as ``[first, end, first, end, …]`` (``range(first, end)`` each): a few numbers
    a month when the events come in date order, as a build's do."""
    years: dict[int, dict[int, list[int]]] = {}
    for position, (date, precision) in enumerate(decoded(dated), start):
        begins = period_start(date, precision)
        months = years.setdefault(begins.year, {})
        runs = months.setdefault(begins.month if precision in MONTHLY else 0, [])
        if runs and runs[-1] == position:
            runs[-1] = position + 1
        else:
            runs += [position, position + 1]
    return years


def merge(years: dict[int, dict[int, list[int]]], more: dict[int, dict[int, list[int]]]) -> None:
    """``more`` (of later positions) added to ``years``, a run that goes on from one to the other made one."""
    for year, months in more.items():
        mine = years.setdefault(year, {})
        for month, runs in months.items():
            found = mine.setdefault(month, [])
            if found and found[-1] == runs[0]:
                found[-1] = runs[1]
                runs = runs[2:]
            found += runs


def assemble(events: list[dict], years: dict[int, dict[int, list[int]]], month_split: int | None = None) -> dict:
    """The timeline of ``events`` placed in ``years`` (see :func:`timeline_years`)."""
    ordered = []
    for y in sorted(years):
        months = {m: [e for first, end in zip(runs[::2], runs[1::2]) for e in events[first:end]]
                  for m, runs in years[y].items()}
        count = sum(len(shown) for shown in months.values())
        ordered.append({
            "year": y, "count": count,
            "month_pages": month_split is not None and count > month_split,
            "months": [{"month": m, "name": f"{calendar.month_name[m]} {y}" if m else f"{y}, no month given",
                        "short": calendar.month_abbr[m] if m else "no month", "anchor": f"m{y}-{m:02d}",
                        "events": months[m]} for m in sorted(months)],
        })
    return {"years": ordered, "total": len(events)}


def timeline_years(events: list[dict], month_split: int | None = None) -> dict:
    """Events oldest first (as in an article): by year, then month, the year's events with no month first.

    Each year has ``count``, ``months`` (each with ``month`` (0: no month given), ``name``, ``anchor`` and ``events``)
    and ``month_pages`` (its months have pages of their own: the year has more than ``month_split`` events).
    """
    return assemble(events, years_of((e["date"], e["precision"]) for e in events), month_split)


def timeline_years_on(client, events: list[dict], month_split: int | None = None, partition: int = PARTITION,
                      workers: list[str] | None = None) -> dict:
    """:func:`timeline_years` with the events placed on the cluster behind ``client``: the same timeline, of the
    same event dicts. Only their dates and precisions go there, a partition at a time (each listed as it is sent,
    as one text, ``wire.encoded``, put on a worker: not held by the scheduler as a task's argument); the positions
    come back as runs."""
    where = {"workers": workers, "allow_other_workers": False} if workers else {}
    futures, remaining = [], iter(events)
    for at in range(0, len(events), partition):
        dated = [(e["date"], e["precision"]) for e in islice(remaining, partition)]
        futures.append(client.submit(years_of, client.scatter([encoded(dated)], workers=workers, hash=False)[0],
                                     at, pure=False, **where))
    years: dict[int, dict[int, list[int]]] = {}
    for future in futures:  # in order: positions ascend within a month
        merge(years, future.result())
        future.release()
    return assemble(events, years, month_split)
