"""Glue: one Dask connection per build when ``NEWSREADER_DASK`` is set (``core/dask_backend.py``).

Opened on first use (the uncached articles to annotate, the search index to compute), so a build that finds
everything in the cache never connects; closed when the build ends (``finalized``), or at exit after a failure.
Unset, nothing of Dask is imported.
"""

from __future__ import annotations

import atexit
import os
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import nullcontext
from typing import TYPE_CHECKING

from .site import processes

if TYPE_CHECKING:
    from .core import dask_backend

SESSION = "NEWSREADER_DASK_SESSION"  # a setting for the build's length (not an output setting: build/page_keys.py)


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

    found = settings.get(SESSION)
    if found is None:
        found = settings[SESSION] = dask_backend.Annotator(address, workers=processes(settings), say=_say)
        atexit.register(found.close)
    return found


def annotator(settings: dict):
    """For ``core.annotate.annotate_all``: the open session as a context manager (the build closes it), or None."""
    found = session(settings)
    return None if found is None else lambda: nullcontext(found.opened())


def search_index(found: dask_backend.Annotator, documents: list[dict]) -> Future:
    """The search index of ``documents`` computed on the cluster (``core/search/on_dask.py``), waited for in a thread
    of this process while it renders pages; the connection is opened here, in the build's own thread."""
    from .core.search import on_dask as dask_search  # noqa: PLC0415

    client = found.opened().client
    pool = ThreadPoolExecutor(1, thread_name_prefix="newsreader-dask-search")
    future = pool.submit(dask_search.build_index, client, documents, workers=sorted(found.accepted))
    pool.shutdown(wait=False)
    return future


def close(pelican) -> None:
    found = pelican.settings.pop(SESSION, None)
    if found is not None:
        found.close()
