"""An article's events as its page and the timelines show them: display date, clause, reason and entities.

The display fields (``display``, ``before``, ``shown_phrase``, ``after``,
``reason``) are a function of the corrected events alone, and costly for the
thousands of events of a site: they are kept in the cache under a key naming the
article's annotation, its slug, the corrections and the code (the site key), and
checked for shape when read (a damaged or odd entry is made again).
"""

from __future__ import annotations

from .build.cache import Cache
from .core.timex.events import event_order, human
from .core.timex.timeline_entry import entry_fields

FIELDS = ("display", "before", "shown_phrase", "after", "reason")


def _fields(event: dict) -> list[str]:
    shown = entry_fields(event)
    return [human(event["date"], event["precision"], event["derived"], event.get("time")),
            *(shown[name] for name in FIELDS[1:])]


def _valid(count: int):
    def valid(rows) -> bool:
        return isinstance(rows, list) and len(rows) == count and all(
            isinstance(row, list) and len(row) == len(FIELDS) and all(isinstance(f, str) for f in row) for row in rows)
    return valid


def display_fields(events: list[dict], store: Cache, digest: str | None) -> list[list[str]]:
    """Each event's display fields (in ``FIELDS`` order), from ``store`` under ``digest`` when it has them."""
    found = store.get(digest, touch=True, valid=_valid(len(events))) if digest else None
    if found is not None:
        return found
    made = [_fields(event) for event in events]
    if digest:
        store.put(digest, made)
    return made


def article_events(events: list[dict], entities: list[dict], fields: list[list[str]]) -> list[dict]:
    """Events in date order, each with its display fields and the entities named in its sentence."""
    in_sentence: dict[str, list[str]] = {}
    for entity in entities:
        for sid in dict.fromkeys(m["sentence"] for m in entity["mentions"]):
            in_sentence.setdefault(sid, []).append(entity["id"])
    out = []
    for event, row in zip(events, fields):
        display, before, phrase, after, reason = row
        out.append(dict(event, display=display, entities=in_sentence.get(event["sentence"], []), before=before,
                        shown_phrase=phrase, after=after, reason=reason))
    return sorted(out, key=event_order)
