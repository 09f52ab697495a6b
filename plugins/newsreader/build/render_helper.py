"""Glue: when a build has thousands of pages to render, a second process renders part of them.

Pelican renders on one core. A cold build of an entity-rich site spends as long
rendering its entity pages (and writing each twice: the staging folder and the
page cache) as spaCy spends parsing. :class:`Helper` forks a process that shares
the finished build context (copy-on-write, nothing is pickled) and runs part of
the work with the same writer; the parent runs the rest meanwhile. The helper's
files go into the same staging folder and cache; what the parent's bookkeeping
needs comes back through a pipe: the files written (Pelican's check against
writing a file twice), their SHA-256 and cache entries (the publisher,
``build/publish.py``), and the render counts. If the helper fails in any way, the
parent renders its share itself. The bytes written are the same whichever
process renders a page (the tests build both ways and compare).

Only a build that can fork uses it (a ``fork`` start method, as for the
annotation workers, ``core/annotate.py``), and only when nobody listens for
``content_written`` (a signal sent in the helper would not reach the parent's
receivers).
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os

from pelican import signals

from .. import site
from .cache import _GC_TUNED
from .page_cache import CachingWriter

logger = logging.getLogger(__name__)

PARALLEL_FROM = 200  # pages to render: fewer are not worth a process


def worth_it(writer, settings: dict, pages: int) -> bool:
    """Whether ``pages`` pages are to be rendered in two processes."""
    return (pages >= int(settings.get("NEWSREADER_PARALLEL_FROM", PARALLEL_FROM)) and site.processes(settings) > 1
            and isinstance(writer, CachingWriter) and "fork" in multiprocessing.get_all_start_methods()
            and not signals.content_written.receivers)


def _state(writer: CachingWriter) -> dict:
    publisher = writer.publisher
    return {
        "written": set(writer._written_files), "overridden": set(writer._overridden_files),
        "staged": dict(publisher.staged) if publisher else {}, "new": dict(publisher.new) if publisher else {},
        "stats": dict(writer.stats),
    }


def _changes(writer: CachingWriter, before: dict) -> dict:
    """What the helper's work added to the writer's and publisher's bookkeeping (all picklable)."""
    after = _state(writer)
    return {
        "written": sorted(after["written"] - before["written"]),
        "overridden": sorted(after["overridden"] - before["overridden"]),
        "staged": {rel: v for rel, v in after["staged"].items() if before["staged"].get(rel) != v},
        "new": {rel: v for rel, v in after["new"].items() if before["new"].get(rel) != v},
        "stats": {name: after["stats"][name] - before["stats"].get(name, 0) for name in after["stats"]},
    }


def _run(writer: CachingWriter, work, sender, receiver, parent: int) -> None:
    """In the helper process: do the work, send back its bookkeeping (or why it failed).

    The helper dies with the build (a build killed mid-render must leave no process behind, holding its console),
    and holds no reading end of its own pipe: were the build gone, a send would fail, not wait for ever.
    """
    site.die_with_parent(parent)
    receiver.close()
    try:
        before = _state(writer)
        work()
        writer.store.seal()  # this process's pack of rendered pages (build/page_packs.py)
        sender.send(_changes(writer, before))
    except BaseException as err:  # noqa: BLE001 - anything: the parent renders this share itself
        sender.send(f"{type(err).__name__}: {err}")
    finally:
        sender.close()


class WorkQueue:
    """``items`` rendered in chunks by ``render(chunk)``, shared out between this process and a forked one.

    Each process takes the next chunk when it is free (a counter in shared memory), so both stay busy to the
    end whatever else they have to do meanwhile; a process remembers the chunks it took (:meth:`others`).
    """

    CHUNK = 16  # entities: large enough that taking one costs nothing beside rendering it

    def __init__(self, items: list, render, size: int = CHUNK):
        self.items, self.render, self.size = items, render, size
        methods = multiprocessing.get_all_start_methods()
        self.next = multiprocessing.get_context("fork" if "fork" in methods else None).Value("q", 0)
        self.taken: list[int] = []  # where the chunks this process took start

    def take(self) -> list | None:
        with self.next.get_lock():
            start = self.next.value
            self.next.value = start + self.size
        if start >= len(self.items):
            return None
        self.taken.append(start)
        return self.items[start:start + self.size]

    def drain(self) -> None:
        """Render chunks until none is left."""
        while (chunk := self.take()) is not None:
            self.render(chunk)

    def others(self) -> None:
        """Render the chunks this process did not take (the other process failed: its work may be lost)."""
        mine = set(self.taken)
        for start in range(0, len(self.items), self.size):
            if start not in mine:
                self.render(self.items[start:start + self.size])


class Helper:
    """``work()`` running in a forked process; :meth:`join` merges its results, or, if it failed, runs
    ``fallback()`` (by default ``work()``) here."""

    def __init__(self, writer: CachingWriter, work, fallback=None):
        self.writer, self.work, self.fallback = writer, work, fallback or work
        context = multiprocessing.get_context("fork")
        self.receiver, sender = context.Pipe(duplex=False)
        # Objects made so far are moved out of the collector's sight: the helper's collections then do not
        # touch (and so copy) the whole shared heap. The parent's build ends soon; finish() freezes them anyway.
        if _GC_TUNED:
            gc.freeze()
        self.process = context.Process(target=_run, args=(writer, work, sender, self.receiver, os.getpid()),
                                       daemon=True)
        self.process.start()
        sender.close()  # the helper holds the only sending end: its exit ends the pipe

    def join(self) -> None:
        try:
            result = self.receiver.recv()
        except (EOFError, OSError) as err:
            result = f"no result ({type(err).__name__})"
        finally:
            self.receiver.close()
            self.process.join()
        if not isinstance(result, dict):
            logger.warning("rendering in a second process failed (%s); rendering its pages here", result)
            self.fallback()
            return
        self._merge(result)

    def _merge(self, result: dict) -> None:
        writer = self.writer
        writer._written_files.update(result["written"])
        writer._overridden_files.update(result["overridden"])
        for name, count in result["stats"].items():
            writer.stats[name] = writer.stats.get(name, 0) + count
        if writer.publisher is not None:
            writer.publisher.staged.update(result["staged"])
            writer.publisher.new.update(result["new"])
