"""A second process renders part of a big build's entity pages (ARCHITECTURE.md, "Caches and publishing")."""

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
    """Whether ``pages`` pages are to be rendered in two processes (a signal sent in the helper reaches nobody)."""
    return (pages >= int(settings.get("NEWSREADER_PARALLEL_FROM", PARALLEL_FROM)) and site.processes(settings) > 1
            and isinstance(writer, CachingWriter) and "fork" in multiprocessing.get_all_start_methods()
            and not signals.content_written.receivers)


def _books(writer: CachingWriter) -> dict:
    """The writer's and publisher's bookkeeping, which the helper's work adds to (sets and dicts)."""
    publisher = writer.publisher
    return {"written": writer._written_files, "overridden": writer._overridden_files,
            "staged": publisher.staged if publisher else {}, "new": publisher.new if publisher else {}}


def _added(book, before):
    """What a set or dict holds that its copy ``before`` did not."""
    if isinstance(book, set):
        return book - before
    return {k: v for k, v in book.items() if before.get(k) != v}


def _run(writer: CachingWriter, work, sender, receiver, parent: int) -> None:
    """In the helper: do the work, send back what it added to the bookkeeping or why it failed (it dies with the
    build, and holds no reading end of its own pipe: were the build gone, a send fails rather than waits)."""
    site.die_with_parent(parent)
    receiver.close()
    try:
        before, counts = {name: book.copy() for name, book in _books(writer).items()}, dict(writer.stats)
        work()
        writer.store.seal()  # this process's pack of rendered pages
        added = {name: _added(book, before[name]) for name, book in _books(writer).items()}
        sender.send((added, {name: writer.stats[name] - counts[name] for name in counts}))
    except BaseException as err:  # noqa: BLE001 - anything: the parent renders this share itself
        sender.send(f"{type(err).__name__}: {err}")
    finally:
        sender.close()


class WorkQueue:
    """``items`` rendered in chunks by ``render(chunk)``, each process taking the next chunk when it is free."""

    CHUNK = 16  # entities: large enough that taking one costs nothing beside rendering it

    def __init__(self, items: list, render, size: int = CHUNK):
        self.items, self.render, self.size = items, render, size
        self.next = multiprocessing.Value("q", 0)  # shared with a process forked later
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
        while (chunk := self.take()) is not None:
            self.render(chunk)

    def others(self) -> None:
        """Render the chunks this process did not take (the other process failed: its work may be lost)."""
        mine = set(self.taken)
        for start in range(0, len(self.items), self.size):
            if start not in mine:
                self.render(self.items[start:start + self.size])


class Helper:
    """``work()`` in a forked process; :meth:`join` merges its bookkeeping, or runs ``fallback()`` here."""

    def __init__(self, writer: CachingWriter, work, fallback=None):
        self.writer, self.fallback = writer, fallback or work
        context = multiprocessing.get_context("fork")
        self.receiver, sender = context.Pipe(duplex=False)
        if _GC_TUNED:  # the helper's collections then do not touch (and so copy) the shared heap
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
        if isinstance(result, str):
            logger.warning("rendering in a second process failed (%s); rendering its pages here", result)
            self.fallback()
            return
        added, counts = result
        for name, count in counts.items():
            self.writer.stats[name] += count
        for name, book in _books(self.writer).items():
            book.update(added[name])
