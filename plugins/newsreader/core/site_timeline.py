"""The site timeline's years and months (``timeline_pages.py`` renders them), locally or on a Dask cluster.

Which year and month an event is listed under is a function of its date and precision alone
(``timex.events.period_start``): :func:`years_of` places events by position, in partitions when a cluster is set
(:func:`timeline_years_on`: the partitions placed on the workers, merged here in order), and :func:`assemble`
makes the same timeline of the build's own event dicts either way. Plain Python.
"""

from __future__ import annotations

import calendar

from .timex.events import period_start

PARTITION = 20_000  # events per task on a cluster
MONTHLY = frozenset({"day", "week", "month"})  # precisions that name a month


def years_of(dated: list[tuple[str, str]], start: int = 0) -> dict[int, dict[int, list[int]]]:
    """``{year: {month (0: no month given): [positions]}}`` of events ``(date, precision)`` at positions ``start``…"""
    years: dict[int, dict[int, list[int]]] = {}
    for position, (date, precision) in enumerate(dated, start):
        begins = period_start(date, precision)
        months = years.setdefault(begins.year, {})
        months.setdefault(begins.month if precision in MONTHLY else 0, []).append(position)
    return years


def assemble(events: list[dict], years: dict[int, dict[int, list[int]]], month_split: int | None = None) -> dict:
    """The timeline of ``events`` placed in ``years`` (see :func:`timeline_years`)."""
    ordered = []
    for y in sorted(years):
        months = years[y]
        count = sum(len(positions) for positions in months.values())
        ordered.append({
            "year": y, "count": count,
            "month_pages": month_split is not None and count > month_split,
            "months": [{"month": m, "name": f"{calendar.month_name[m]} {y}" if m else f"{y}, no month given",
                        "short": calendar.month_abbr[m] if m else "no month", "anchor": f"m{y}-{m:02d}",
                        "events": [events[p] for p in months[m]]} for m in sorted(months)],
        })
    return {"years": ordered, "total": len(events)}


def timeline_years(events: list[dict], month_split: int | None = None) -> dict:
    """Events oldest first (as in an article): by year, then month, the year's events with no month first.

    Each year has ``count``, ``months`` (each with ``month`` (0: no month given), ``name``, ``anchor`` and ``events``)
    and ``month_pages`` (its months have pages of their own: the year has more than ``month_split`` events).
    """
    return assemble(events, years_of([(e["date"], e["precision"]) for e in events]), month_split)


def timeline_years_on(client, events: list[dict], month_split: int | None = None, partition: int = PARTITION,
                      workers: list[str] | None = None) -> dict:
    """:func:`timeline_years` with the events placed on the cluster behind ``client`` (only their dates and
    precisions go there): the same timeline, of the same event dicts."""
    where = {"workers": workers, "allow_other_workers": False} if workers else {}
    dated = [(e["date"], e["precision"]) for e in events]
    futures = [client.submit(years_of, dated[at:at + partition], at, pure=False, **where)
               for at in range(0, len(dated), partition)]
    del dated
    years: dict[int, dict[int, list[int]]] = {}
    for future in futures:  # in order: positions ascend within a month
        for year, months in future.result().items():
            mine = years.setdefault(year, {})
            for month, positions in months.items():
                mine.setdefault(month, []).extend(positions)
    return assemble(events, years, month_split)
