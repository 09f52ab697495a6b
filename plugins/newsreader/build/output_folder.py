"""Glue: each build locked and staged as it begins (``start``), published by ``finish`` when it succeeded."""

from __future__ import annotations

import atexit
import gc
import json
import logging
import os
from pathlib import Path

from pelican.log import console

from .. import site_size
from . import page_cache, state
from .cache import _GC_TUNED, Cache, remove, use_secret
from .page_packs import PackedCache
from .publish import Publisher

logger = logging.getLogger(__name__)

PRUNE_EVERY = 86400  # seconds


def _writable_cache(settings: dict) -> str | None:
    """The cache folder, or None (after one warning) when it cannot be written: the build goes on without it."""
    folder = settings.get("NEWSREADER_CACHE_PATH")
    if not folder:
        return None
    probe = Path(folder) / f".probe-{os.getpid()}"
    try:
        probe.parent.mkdir(parents=True, exist_ok=True)
        probe.write_bytes(b"")
        probe.unlink()
        return folder
    except OSError as err:
        logger.warning("cache %s cannot be written (%s); building without the cache", folder, err.strerror or err)
        settings["NEWSREADER_CACHE_PATH"] = None
        return None


# A build keeps hundreds of thousands of objects alive to its end: at the collector's default thresholds, its full
# collections would scan them again and again (a fifth of a no-op rebuild).
BUILD_GC_THRESHOLD = (100_000, 50, 100)


def start(pelican):
    settings = pelican.settings
    build = state.of(settings)
    if _GC_TUNED:
        if build.gc_threshold is None:
            build.gc_threshold = gc.get_threshold()  # restored by finish()
        gc.set_threshold(*BUILD_GC_THRESHOLD)
    gc.unfreeze()  # what the previous build in this process left (autoreload) can be collected again
    earlier, build.publisher = build.publisher, None
    if earlier is not None:  # the previous build in this process failed (autoreload)
        earlier.discard()
    folder = _writable_cache(settings)
    use_secret(folder)  # before any entry is read; the processes this build forks inherit it
    out, content = os.path.realpath(settings["OUTPUT_PATH"]), os.path.realpath(settings["PATH"])
    # Pelican's rule: DELETE_OUTPUT_DIRECTORY, unless the output folder holds the content folder.
    deletes = bool(settings.get("DELETE_OUTPUT_DIRECTORY")) and os.path.commonpath([out, content]) != out
    publisher = Publisher(settings["OUTPUT_PATH"], folder, settings.get("OUTPUT_RETENTION", ()), delete_unknown=deletes,
                          check=settings.get("NEWSREADER_OUTPUT_CHECK", "stat"))
    publisher.lock()
    pelican.output_path = str(publisher.stage())
    pelican.delete_outputdir = False
    build.publisher = publisher
    atexit.register(publisher.discard)  # a failed build: its staging folder goes, the output folder stays


def finish(pelican) -> None:
    settings = pelican.settings
    build = state.of(settings)
    writer, build.writer = build.writer, None
    if writer is not None:  # the pages rendered by this build can be found in the cache from now on
        writer.store.seal()
    if build.gc_threshold is not None:  # only when tuned (cache._GC_TUNED)
        gc.set_threshold(*build.gc_threshold)
        build.gc_threshold = None
        gc.freeze()  # the process usually exits now: the collection at exit does not scan them (start unfreezes)
    publisher, build.publisher = build.publisher, None
    if publisher is None:
        return
    counts = publisher.commit()
    trial, build.memo_trial = build.memo_trial, None
    if trial:  # the build finished: the memo it used (if any) is sound
        remove(trial)
    pelican.output_path = settings["OUTPUT_PATH"]
    logger.info("Output: %d files written, %d unchanged, %d stale files removed",
                counts["written"], counts["unchanged"], counts["removed"])
    size = site_size.tally((rel, record[1]) for rel, record in publisher.new.items())  # no walk: the manifest's sizes
    console.print(site_size.summary(size), markup=False, highlight=False)  # beside Pelican's own "Done:" line
    for warning in site_size.warnings(size):
        logger.warning("%s", warning)
    removed, folder = 0, settings["NEWSREADER_CACHE_PATH"]
    if folder:  # unused for NEWSREADER_*_CACHE_DAYS, but those the output folder holds copies of (the manifest's)
        kept = {record[5].partition(".")[0] for record in publisher.new.values() if record[5]}
        removed = PackedCache(Path(folder) / page_cache.PAGES).prune(settings["NEWSREADER_PAGE_CACHE_DAYS"], kept,
                                                                    every=PRUNE_EVERY)
        removed += Cache(folder).prune(settings["NEWSREADER_ANNOTATION_CACHE_DAYS"], every=PRUNE_EVERY)  # kept longer
    pages = dict(writer.stats if writer is not None else {"reused": 0, "rendered": 0}, removed=removed)
    if writer is not None:
        logger.info("Page cache: %d files reused, %d rendered; %d unused entries removed", pages["reused"],
                    pages["rendered"], removed)
    report = {"output": counts, "page_cache": pages, "site": {"bytes": size.bytes, "files": size.files}}
    path = settings.get("NEWSREADER_REPORT") or os.environ.get("NEWSREADER_REPORT")  # for scripts and tests
    if path:
        Path(path).write_text(json.dumps(report, sort_keys=True, indent=1) + "\n", encoding="utf-8")
