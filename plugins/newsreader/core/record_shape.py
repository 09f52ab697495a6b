"""The shape of a cached annotation record, checked strictly before a cached record is used.

A record read from the cache that is not of this shape — written by hand, or by
other code under the same key — is treated as a miss and made again. The schema
is derived from the dataclasses the record is made from (``Entity``, ``Mention``,
``Event``, ``Timex``, ``Quote``) and checked by pydantic-core's validator, built on first use; plain
pydantic would cost a build several tenths of a second in imports and schema
generation, for the same check. ``core/annotate.py`` checks a record each time it reads one (no cache entry
vouches for another); a rebuild where nothing changed reads none (the memo) and never imports this module.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from functools import lru_cache

from pydantic_core import SchemaValidator, ValidationError
from pydantic_core import core_schema as cs

from .timex.events import Event
from .model import Entity, Timex
from .quotes.extract import Quote

_SCALARS = {str: cs.str_schema, int: cs.int_schema, bool: cs.bool_schema, float: cs.float_schema}


def _schema(kind) -> dict:
    """A strict core schema for a field type: scalars, ``X | None``, ``list[X]``, dicts and dataclasses."""
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if kind in _SCALARS:
        return _SCALARS[kind](strict=True)
    if kind is dict:
        return cs.dict_schema(strict=True)
    if origin is list:
        return cs.list_schema(_schema(args[0]), strict=True)
    if origin in (typing.Union, types.UnionType) and type(None) in args:
        return cs.nullable_schema(_schema(next(a for a in args if a is not type(None))))
    if dataclasses.is_dataclass(kind):
        hints = typing.get_type_hints(kind)
        return cs.typed_dict_schema({f.name: cs.typed_dict_field(_schema(hints[f.name]), required=_required(f))
                                     for f in dataclasses.fields(kind)}, strict=True)
    raise TypeError(f"no schema for {kind!r}")


def _required(f: dataclasses.Field) -> bool:
    """A field with a default may be left out of the record (``nationality`` and ``local`` only where true)."""
    return f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING


@lru_cache(maxsize=1)
def _validator() -> SchemaValidator:
    return SchemaValidator(cs.typed_dict_schema({
        "entities": cs.typed_dict_field(_schema(list[Entity])),
        "events": cs.typed_dict_field(_schema(list[Event])),
        "timexes": cs.typed_dict_field(_schema(list[Timex])),
        "quotes": cs.typed_dict_field(_schema(list[Quote])),
        "figures": cs.typed_dict_field(_schema(list[dict])),
        "comparisons": cs.typed_dict_field(_schema(list[dict])),
    }, strict=True))


def is_annotation_record(text: str | bytes) -> bool:
    """Whether a cached record's JSON text has the shape."""
    try:
        _validator().validate_json(text)
    except ValidationError:
        return False
    return True
