"""Glue: one Dask connection per build when ``NEWSREADER_DASK`` is set (``core/dask_backend.py``).

Opened on first use (the uncached articles to annotate, the search index to compute), so a build that finds
everything in the cache never connects; closed when the build ends (``finalized``), or at exit after a failure.
Unset, nothing of Dask is imported.
"""

from __future__ import annotations

import atexit
import json
import os
import tempfile
from concurrent.futures import ThreadPoolExecutor
from contextlib import nullcontext
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from .build import state
from .site import processes

if TYPE_CHECKING:
    from .core import dask_backend



def _say(text: str) -> None:
    from pelican.log import console  # noqa: PLC0415 - beside Pelican's own lines, shown without -v

    console.print(text, markup=False, highlight=False)


def setting(settings: dict) -> str | None:
    """``NEWSREADER_DASK`` from the settings, else from the environment; None (or empty) keeps the process pool."""
    value = settings.get("NEWSREADER_DASK") or os.environ.get("NEWSREADER_DASK") or ""
    return value.strip() or None


def session(settings: dict) -> dask_backend.Annotator | None:
    """The build's cluster connection (not yet opened), or None when ``NEWSREADER_DASK`` is not set."""
    address = setting(settings)
    if not address:
        return None  # the common case: the backend (and what it imports) is not even read
    from .core import dask_backend  # noqa: PLC0415

    build = state.of(settings)
    found = build.dask
    if found is None:
        found = build.dask = dask_backend.Annotator(address, workers=processes(settings), say=_say)
        atexit.register(found.close)
    return found


def annotator(settings: dict):
    """For ``core.annotate.annotate_all``: the open session as a context manager (the build closes it), or None."""
    found = session(settings)
    return None if found is None else lambda: nullcontext(found.opened())


def entity_index_builder(settings: dict):
    """For ``core.entities.index.build_cached``: with a session, the entity index is made on the cluster too."""
    found = session(settings)
    return None if found is None else partial(_entity_index, found)


def _entity_index(found: dask_backend.Annotator, articles: list, into, **rule) -> dict:
    """The index written to the file ``into`` as it comes (``core/entities/stored.py``), never whole here."""
    from .core.entities import on_dask as dask_entities  # noqa: PLC0415

    return found.sitewide(lambda client, workers: dask_entities.build(
        client, articles, workers=workers, into=into, **rule), "The entity index")


def timeline(settings: dict, events: list[dict], month_split: int | None) -> dict:
    """The site timeline (``core/site_timeline.py``): its events placed on the cluster when ``NEWSREADER_DASK`` is
    set, else here."""
    from .core import site_timeline  # noqa: PLC0415

    found = session(settings)
    if found is None:
        return site_timeline.timeline_years(events, month_split)
    return found.sitewide(lambda client, workers: site_timeline.timeline_years_on(
        client, events, month_split, workers=workers), "The site timeline")


def search_index(found: dask_backend.Annotator, documents: list[dict], whole: bool = False):
    """The search index of ``documents`` on the cluster (``core/search/on_dask.py``), its first step sent now (the
    connection opened here, in the build's own thread) while pages are rendered: a ``Search`` that
    :func:`write_search` writes; with ``whole`` (``lunr-index.json`` for tools) the whole Index, gathered in a thread
    of this process (a Future)."""
    from .core.search import on_dask as dask_search  # noqa: PLC0415

    client = found.opened().client
    if not whole:
        return dask_search.Search(client, documents, workers=sorted(found.accepted))
    pool = ThreadPoolExecutor(1, thread_name_prefix="newsreader-dask-search")
    future = pool.submit(found.sitewide, lambda client, workers: dask_search.build_index(
        client, documents, workers=workers), "The search index")
    pool.shutdown(wait=False)
    return future


def write_search(found: dask_backend.Annotator, started, documents: list[dict], shown, out, cache, name: str) -> None:
    """The search files written under ``out`` as the cluster makes them (``started``: the ``Search`` of
    ``documents`` that :func:`search_index` began), each kept in ``cache`` at once and listed there under ``name``
    (as ``search._cache_files`` lists them): none is held here longer, nor is the listing (a line a file, in a
    temporary file, then the entry made from it a line at a time). ``shown()``: the display files, facets and
    entities with a page (``search.streamed``: generators)."""
    from .build.cache import key  # noqa: PLC0415
    from .build.keys import file_key  # noqa: PLC0415
    from .core.search import on_dask as dask_search  # noqa: PLC0415

    def stored(text: str | Path) -> str:  # a Path: the file written, made as pieces (facets.json)
        digest = key("search-file", text) if isinstance(text, str) else file_key("search-file", text)
        if not cache.has(digest, ".txt"):
            if isinstance(text, str):
                cache.put_text(digest, text, ".txt")
            else:
                cache.put_file(digest, text, ".txt")
        return digest

    def kept(path: str, text: str | Path) -> None:
        lines.write(json.dumps([path, stored(text)], ensure_ascii=False) + "\n")

    def step(client, workers):
        search = started.pop() if started else dask_search.Search(client, documents, workers=workers)
        lines.seek(0)
        lines.truncate()  # made again from the start: only the files of this try
        return dask_search.write(search, out, *shown(), kept=kept if cache.folder is not None else None)

    started = [started]
    with tempfile.TemporaryFile("w+", encoding="utf-8") as lines, \
            tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".json", delete=False) as entry:
        try:
            folder, manifest = found.sitewide(step, "The search files")
            if cache.folder is None:
                return
            entry.write(f'{{"manifest.json":{json.dumps(stored(manifest))}')
            lines.seek(0)
            for line in lines:
                path, digest = json.loads(line)
                entry.write(f",{json.dumps(f'{folder}/{path}', ensure_ascii=False)}:{json.dumps(digest)}")
            entry.write("}")
            entry.close()
            cache.put_file(name, entry.name)
        finally:
            os.unlink(entry.name)


def close(pelican) -> None:
    build = state.of(pelican.settings)
    found, build.dask = build.dask, None
    if found is not None:
        found.close()
