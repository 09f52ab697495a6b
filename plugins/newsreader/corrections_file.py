"""The editor's corrections file (``content/annotations.yml``) as the glue applies it.

``core/corrections/apply.py`` reads and applies it; it (and jsonschema, which checks the file) is imported only
when the file exists, so a site without corrections never loads them.
"""

from __future__ import annotations

import os
from pathlib import Path


MAX_PROBLEMS = 100  # problems reported for the file; the rest are counted in one line


class EditorCorrections:
    """The corrections file's rules (``core/corrections/apply.py``); with no file, nothing is loaded (nor jsonschema)."""

    def __init__(self, path: Path):
        self.path, self.module = path, None
        self.rules, self.event_rules, self.found = [], [], []
        if os.path.lexists(path):  # a folder or a broken link is reported by the loader
            from .core.corrections import apply as corrections  # noqa: PLC0415

            self.module = corrections
            self.rules, self.found = corrections.load(path)
            self.event_rules, event_problems = corrections.load_events(path)
            self.found += event_problems

    def apply(self, entities: list[dict], slug: str, sentences) -> list[dict]:
        return self.module.apply(entities, slug, sentences, self.rules) if self.module else entities

    def apply_events(self, events: list[dict], slug: str) -> list[dict]:
        return self.module.apply_events(events, slug, self.event_rules) if self.module else [dict(e) for e in events]

    def problems(self) -> list:
        """Problems with the file, then its entries that matched nothing (call after applying)."""
        if not self.module:
            return []
        found = self.found + self.module.unused(self.rules + self.event_rules, str(self.path))
        if len(found) > MAX_PROBLEMS:
            more = len(found) - MAX_PROBLEMS + 1
            rest = type(found[0])(str(self.path), f"and {more:,} more problems (not shown)")
            found = [*found[:MAX_PROBLEMS - 1], rest]
        return found
