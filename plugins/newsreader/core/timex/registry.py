"""The temporal rules, registered: each reader of an expression carries its name, its place in the order the readers
are tried, and examples of what it reads (and of what it declines), where it is defined.

    @resolver("season", order=210, examples=[
        ("summer 2016", DAY, "past", "DATE", "2016-SU"),
        ("the winter", DAY, "future", "DATE", "2019-WI"),
        ("fall", DAY, "past", None, None),  # declined: the verb, without "the" or a year
    ])
    def read_season(low, text, ctx): ...

A reader takes the normalised words (``low``), the expression as written (``text``) and the :class:`Context`, and
answers a :class:`Resolution`, None (not mine: the next reader is tried) or False (recognised, but not a temporal
expression: no reader after it is tried). :func:`rules.resolve` tries the readers in their declared ``order``; the
first that recognises the expression reads it. Orders are unique (tens, so a new rule fits between two).

An example is ``(text, anchor, tense, type, value)``, with an optional sixth item: more of the :class:`Context`
(``{"business": True}``; ``last_day`` as an ISO date; ``reference`` as the TIMEX3 value the story last named).
``anchor`` is the publication day (an ISO date, or None); ``type`` and ``value`` are what :func:`rules.resolve`
gives, both None for an expression the reader declines. ``tests/core/timex/test_timex_rules_examples.py`` runs every example.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Callable

from .context import Context, Resolution

DAY = "2019-11-19"  # a Tuesday: the publication day of most examples
Reader = Callable[[str, str, Context], "Resolution | bool | None"]
TYPES = {"DATE", "TIME", "DURATION", "SET", None}


@dataclass(frozen=True)
class Example:
    """One expression a reader is for, read in one context, and what it must give (``type`` None: nothing)."""

    text: str
    anchor: str | None
    tense: str | None
    type: str | None
    value: str | None
    more: tuple = ()  # further Context fields, as sorted (name, value) pairs

    def context(self) -> Context:
        fields = dict(self.more)
        if isinstance(fields.get("last_day"), str):
            fields["last_day"] = date.fromisoformat(fields["last_day"])
        if isinstance(fields.get("reference"), str):
            from .narrative import reference_of  # noqa: PLC0415 - only examples name a story's time

            fields["reference"] = reference_of(fields["reference"], fields["reference"])
        anchor = date.fromisoformat(self.anchor) if self.anchor else None
        return Context(anchor, self.tense, **fields)

    @property
    def declined(self) -> bool:
        return self.type is None


@dataclass(frozen=True)
class Resolver:
    name: str
    order: int
    read: Reader
    examples: tuple[Example, ...]

    @property
    def module(self) -> str:
        return self.read.__module__


_REGISTERED: dict[str, Resolver] = {}
_IN_ORDER: list[Resolver] = []  # _REGISTERED sorted by order, made again after each registration


def _example(item: tuple, name: str) -> Example:
    if len(item) not in {5, 6}:
        raise ValueError(f"resolver {name!r}: an example is (text, anchor, tense, type, value[, context]): {item!r}")
    text, anchor, tense, kind, value = item[:5]
    more = tuple(sorted(item[5].items())) if len(item) == 6 else ()
    if kind not in TYPES or (kind is None) != (value is None):
        raise ValueError(f"resolver {name!r}: {text!r} expects no TIMEX3 type and value, or both: {kind!r}, {value!r}")
    if anchor is not None:
        date.fromisoformat(anchor)  # raises for a day that does not exist
    return Example(text, anchor, tense, kind, value, more)


def resolver(name: str, order: int, examples: list[tuple]) -> Callable[[Reader], Reader]:
    """Register the decorated reader under ``name``, tried at ``order``, with its ``examples``."""
    def register(read: Reader) -> Reader:
        taken = {r.order: r.name for r in _REGISTERED.values() if r.name != name}
        known = _REGISTERED.get(name)
        if known and (known.module, known.read.__qualname__) != (read.__module__, read.__qualname__):
            raise ValueError(f"two temporal rules are named {name!r}")
        if order in taken:
            raise ValueError(f"temporal rules {taken[order]!r} and {name!r} both have order {order}")
        if not examples:
            raise ValueError(f"resolver {name!r} has no examples")
        _REGISTERED[name] = Resolver(name, order, read, tuple(_example(e, name) for e in examples))
        _IN_ORDER.clear()
        return read
    return register


def resolvers() -> list[Resolver]:
    """Every registered reader, in the order :func:`rules.resolve` tries them."""
    if not _IN_ORDER:
        _IN_ORDER.extend(sorted(_REGISTERED.values(), key=lambda r: r.order))
    return _IN_ORDER
