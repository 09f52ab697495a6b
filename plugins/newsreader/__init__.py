"""newsreader: an annotated news reader, as a Pelican plugin.

read (``reader.py``) -> site glue (``site.py``) -> render (theme templates).
``register`` only connects signal handlers; handlers live at module level.
"""

from pelican import signals

from . import site


def register():
    signals.readers_init.connect(site.add_reader)
    signals.article_generator_pretaxonomy.connect(site.dedupe_slugs)
    signals.article_generator_finalized.connect(site.attach_structured_data)
