"""The plugin's generators, in the order their pages are written: the site timeline and the data export first, then
the entity pages (a second process may render those from the first article page on: they are joined last)."""

from __future__ import annotations

from functools import cached_property

from pelican.generators import Generator

from . import export
from .build.page_cache import CachingWriter
from .entity_pages import EntityGenerator
from .site_view import SiteView
from .timeline_pages import TimelineGenerator


class ExportGenerator(Generator):
    """``data/`` (``export.write_all``), each file linked in from the cache when its inputs are as before."""

    def generate_context(self):
        self.view = SiteView.of(self.context, self.settings)

    @cached_property
    def records(self) -> list[dict]:
        return export.timeline_records(self.view.articles, self.view.urls)

    def generate_output(self, writer):
        view, settings = self.view, self.settings
        export.write_all(self.output_path, view.articles, view.urls, view.index, lambda: self.records,
                         settings["SITENAME"], writer.store if isinstance(writer, CachingWriter) else None,
                         view.all_key, tools=bool(settings.get("NEWSREADER_TOOL_EXPORTS")))


def get_generators(pelican):
    return [TimelineGenerator, ExportGenerator, EntityGenerator]
