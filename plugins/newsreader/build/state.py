"""One build's runtime objects, under one settings key (``BUILD``): not settings, and never part of the site's key.

Pelican hands its settings to every signal handler, generator and writer, so that is where a build's objects
can be found; they are kept in one ``BuildState`` rather than in settings of their own, so that no new one can
leak into the site key (``keys.NOT_OUTPUT_SETTINGS`` names ``BUILD`` alone) and each is let go in one place
(``build/output_folder.finish``). A long-running process (``pelican --autoreload``) starts each build with the
state the previous one left: ``output_folder.start`` discards what a failed build kept.
"""

from __future__ import annotations

from dataclasses import dataclass

BUILD = "NEWSREADER_BUILD"


@dataclass
class BuildState:
    publisher: object | None = None  # build/publish.Publisher: the staging folder, published when the build ends
    writer: object | None = None  # build/page_cache.CachingWriter: its store sealed, its counts reported at the end
    gc_threshold: tuple | None = None  # the collector's thresholds before the build, restored after it
    memo_trial: object | None = None  # the memo's trial mark, removed when the build finished (build/article_memo)
    dask: object | None = None  # the Dask session (dask_glue.py), when NEWSREADER_DASK is set


def of(settings: dict) -> BuildState:
    """The build's state in ``settings`` (made on first use)."""
    found = settings.get(BUILD)
    if found is None:
        found = settings[BUILD] = BuildState()
    return found
