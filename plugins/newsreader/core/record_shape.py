"""The shape of a cached annotation record, checked (with pydantic, strictly) before a cached record is used.

A record read from the cache that is not of this shape — written by hand, or by
other code under the same key — is treated as a miss and made again.
"""

from __future__ import annotations

from typing_extensions import TypedDict

from pydantic import TypeAdapter, ValidationError

from .dates import Event
from .model import Entity
from .quotes import Quote


class AnnotationRecord(TypedDict):
    entities: list[Entity]
    events: list[Event]
    quotes: list[Quote]
    figures: list[dict]
    comparisons: list[dict]


_RECORD = TypeAdapter(AnnotationRecord)


def is_annotation_record(text: str) -> bool:
    """Whether a cached record's JSON text has the shape (checked in JSON mode, where strict accepts objects)."""
    try:
        _RECORD.validate_json(text, strict=True)
    except ValidationError:
        return False
    return True
