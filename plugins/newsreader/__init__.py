"""newsreader: an annotated news reader, as a Pelican plugin.

read (``reader.py``) -> annotate (``annotation.py``) -> render (``generators.py``: timeline, entity pages + theme, through
``build/page_cache.py``, which reuses output whose inputs did not change) -> export (``export.py``) -> index
(``search.py``); ``build/output_folder.py`` stages each build and publishes it when it succeeded. ``register`` only
connects signal handlers; they live at module level, so Pelican's weak references to them stay alive.
"""

from pelican import signals

from . import annotation as annotate, article_links, content_files, dask_glue, generators, search, site
from .build import output_folder, page_cache


def register():
    site.guard_forks()
    content_files.escape_logs()
    signals.initialized.connect(site.default_settings)
    signals.readers_init.connect(site.add_reader)
    signals.generator_init.connect(content_files.guard_walk)
    signals.article_generator_pretaxonomy.connect(site.dedupe_slugs)
    signals.article_generator_finalized.connect(annotate.annotate_articles)
    annotate.annotated.connect(article_links.attach)  # previous/next and related articles, once annotated
    signals.get_generators.connect(generators.get_generators)
    signals.get_generators.connect(search.get_generators)
    signals.get_generators.connect(output_folder.start)  # first thing in every build: lock, staging folder
    signals.get_writer.connect(page_cache.get_writer)
    signals.finalized.connect(dask_glue.close)  # NEWSREADER_DASK: the cluster is let go before publishing
    signals.finalized.connect(output_folder.finish)  # publish into the output folder, then the cache report
