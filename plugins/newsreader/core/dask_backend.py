"""Annotation on a Dask cluster (``NEWSREADER_DASK``): the same batches and records as the process pool.

``NEWSREADER_DASK`` is a scheduler's address (``tcp://host:8786``) or ``local`` (a scheduler process and one
worker process per core on this machine, loopback only: :func:`local_cluster`). Unset, nothing here is imported:
dask and distributed are imported only by :class:`Annotator`, so a build without the setting does not pay for them.

What Dask does and this module does not: scheduling, moving the data, and retrying the tasks of a worker
that died on another one (the scheduler reschedules them; a task that has killed
``distributed.scheduler.allowed-failures`` workers fails the build). What this module adds:

- **small tasks**: a task is a batch of articles as (paragraphs, publication date) plus the build's identity;
  it returns the batch's records, exactly what ``core.annotate._annotate_batch`` returns in the pool (the
  caller caches them, so a later build anywhere reuses them);
- **one model per worker process**: ``nlp.load`` is cached per process, so the first task of a worker loads
  spaCy and the others reuse it;
- **a handshake**: the build's identity is the annotation rules' id (``rules_id``: a hash of the rules' own
  code and data) and the model's name and version (``nlp.model_id``), the two things besides the text that the
  cache key names. Every worker is asked for its own before anything is sent; a worker that differs is refused
  (named in a warning, and no task may run there), and every task checks again on the worker that runs it, so a
  worker restarted with other code at the same address fails the build rather than mixing annotations;
- **clear failures**: a scheduler that cannot be reached within :data:`CONNECT_TIMEOUT` seconds, a cluster with
  no worker, or with no worker of this build's code, raises :class:`DaskError` with a message that says which.

Plain Python, no Pelican import (like the rest of ``core/``). Remote workers import this package by name, so
they run from a checkout of the same code with ``plugins/`` on ``PYTHONPATH`` (README, "Large archives").
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

from . import nlp as nlp_module
from .model import RawArticle
from .rules_id import rules_id

CONNECT_TIMEOUT = 5  # seconds to reach the scheduler (and, on a cluster of its own, to see a first worker)
WORKERS_TIMEOUT = 60  # seconds a local cluster's workers may take to start
WATCH = 5  # seconds between checks that some accepted worker is still there while waiting for a result
REPLACEMENT_WAIT = 30  # seconds to wait for an accepted worker to come back when every one of them has left
PLUGINS = str(Path(__file__).resolve().parents[2])  # the folder that holds the `newsreader` package
PRELOAD = str(Path(__file__).with_name("dask_scheduler_preload.py"))  # what ``local``'s scheduler loads first


def client(where, **kwargs):
    """A ``distributed.Client`` of ``where`` (a scheduler's address or a cluster) that keeps no copy of what it sends.

    Its connection to the scheduler otherwise keeps the last ``distributed.admin.low-level-log-length`` (1,000)
    batches of messages it sent, for debugging only (``BatchedSend.recent_message_log``, never read): every task
    submitted, with its pickled function and arguments. The site-wide steps submit a few tasks per partition per
    range of terms, so that log, not their data, was what grew in the build process with the corpus (2.2 MiB
    retained at 40,000 articles; a batch grows with the partitions, so 1,000 of them are not a bound).
    """
    import dask  # noqa: PLC0415 - only when a cluster is used
    from distributed import Client  # noqa: PLC0415

    with dask.config.set({"distributed.admin.low-level-log-length": 0}):  # read once, as the connection opens
        return Client(where, **kwargs)


class DaskError(RuntimeError):
    """The cluster cannot annotate this build: the message says why and what to check."""


class MismatchedWorker(DaskError):
    """A task ran on a worker whose rules or model differ from the build's."""


def identity() -> dict[str, str]:
    """What a worker must share with the build: the rules' code (``rules_id``), the search index's code (the same
    hash, from ``search/on_dask.py``) and the model's name and version."""
    return {"rules": rules_id(), "search": rules_id(entry="search.on_dask"), "model": nlp_module.model_id()}


def differences(mine: dict, theirs) -> str:
    """How another identity differs from ``mine`` ("" when they match), for the refusal's message."""
    if not isinstance(theirs, dict):
        return f"it could not tell its code and model ({theirs!r}); is plugins/ on its PYTHONPATH?"
    out = []
    if theirs.get("rules") != mine["rules"]:
        out.append(f"its annotation rules differ (rules id {str(theirs.get('rules'))[:12]}…, "
                   f"this build's {mine['rules'][:12]}…)")
    if theirs.get("search") != mine["search"]:
        out.append("its search index code differs")
    if theirs.get("model") != mine["model"]:
        out.append(f"its model differs ({theirs.get('model')}; this build's {mine['model']})")
    return "; ".join(out)


def batch_items(articles: list[RawArticle]) -> list[tuple[list[str], str | None]]:
    """A batch as a task carries it: each article's paragraphs and publication date (ISO), all its record depends on."""
    return [(list(a.paragraphs), a.published.isoformat() if a.published else None) for a in articles]


def annotate_task(expected: dict, items: list[tuple[list[str], str | None]]) -> list[dict]:
    """On a worker: the records of a batch, as ``core.annotate._annotate_batch`` makes them in the pool.

    Refuses (raises :class:`MismatchedWorker`) when this worker's rules or model are not the build's.
    """
    problem = differences(identity(), expected)
    if problem:
        raise MismatchedWorker(f"worker at pid {os.getpid()} refused a task: {problem}")
    from .annotate import _annotate_batch  # noqa: PLC0415 - the rules: only where articles are annotated
    from .text.rawformat import ParsedArticle  # noqa: PLC0415

    articles = [ParsedArticle(path="", headline="", source=None, has_time=False, paragraphs=paragraphs,
                              published=datetime.fromisoformat(published) if published else None)
                for paragraphs, published in items]
    return _annotate_batch(articles)


def worker_identity() -> dict[str, str]:
    """Run on each worker by the handshake (and on the scheduler, to see it can read the build's tasks)."""
    return identity()


class Annotator:
    """A connection to a Dask cluster that annotates batches: use as a context manager, call :meth:`annotated`.

    ``say`` prints a line for the person running the build (where the work goes, the dashboard, refusals).
    """

    def __init__(self, address: str, workers: int = 2, say: Callable[[str], None] = print, batch: int | None = None):
        self.address, self.workers, self.say = address, max(1, workers), say
        self.batch = batch
        self.client = self.cluster = None
        self.mine = identity()
        self.accepted: set[str] = set()
        self.refused: dict[str, str] = {}

    # -- connecting ---------------------------------------------------------------------------------------------

    def __enter__(self) -> Annotator:
        return self.opened()

    def __exit__(self, *exc) -> None:
        self.close()

    def opened(self) -> Annotator:
        """This connection, opened on first use (a failure closes what was started and is raised again)."""
        if self.client is None:
            try:
                self.open()
            except BaseException:
                self.close()
                raise
        return self

    def open(self) -> None:
        # Workers that this process starts (``local``) import the package by name, like remote ones.
        if PLUGINS not in sys.path:
            sys.path.insert(0, PLUGINS)
        # Dask's own INFO lines (a scheduler, nannies and workers starting and stopping) would fill the build's log.
        logging.getLogger("distributed").setLevel(logging.WARNING)

        if self.address == "local":
            self.cluster = local_cluster(self.workers)
            self.client = client(self.cluster, timeout=CONNECT_TIMEOUT, set_as_default=False)
            where = f"a local Dask cluster of {self.workers} worker process{'es' if self.workers > 1 else ''}"
            self._wait_for_workers(self.workers, WORKERS_TIMEOUT)
        else:
            try:
                self.client = client(self.address, timeout=CONNECT_TIMEOUT, set_as_default=False)
            except (OSError, TimeoutError) as err:
                raise DaskError(f"cannot reach the Dask scheduler at {self.address} within {CONNECT_TIMEOUT} s "
                                f"(NEWSREADER_DASK): {err}. Start it with `dask scheduler`, or unset NEWSREADER_DASK "
                                "to annotate on this machine") from None
            where = f"the Dask cluster at {self.address}"
            try:  # the scheduler reads the tasks it is sent: it must import this package
                self.client.run_on_scheduler(worker_identity)
            except Exception as err:  # noqa: BLE001 - ModuleNotFoundError there, raised here as it was
                raise DaskError(f"the Dask scheduler at {self.address} cannot read this build's tasks ({err}): start "
                                "it from a checkout of the same commit with PYTHONPATH=plugins") from None
            self._wait_for_workers(1, CONNECT_TIMEOUT)
        self.say(f"Using {where}; dashboard: {self.dashboard()}")
        self.handshake()

    def _wait_for_workers(self, count: int, timeout: float) -> None:
        try:
            self.client.wait_for_workers(count, timeout=timeout)
        except TimeoutError:
            raise DaskError(f"the Dask scheduler at {self.address} has no worker after {timeout} s: start one with "
                            f"`dask worker {self.client.scheduler.address}`") from None

    def dashboard(self) -> str:
        """The dashboard's link (its pages are served where bokeh is installed beside the scheduler)."""
        services = self.client.scheduler_info().get("services", {})
        if "dashboard" not in services:
            return "none (the scheduler serves no dashboard)"
        if self.cluster is not None and not _has_bokeh():
            return f"{self.client.dashboard_link} (its pages need bokeh: `pip install bokeh`)"
        return self.client.dashboard_link

    def handshake(self) -> None:
        """Ask every worker for its identity; accept the ones that match this build, refuse (and name) the others."""
        found = self.client.run(worker_identity, on_error="return")
        for address, theirs in sorted(found.items()):
            if address in self.accepted or address in self.refused:
                continue
            problem = differences(self.mine, theirs)
            if problem:
                self.refused[address] = problem
                self.say(f"Dask worker {address} refused: {problem}")
            else:
                self.accepted.add(address)
        if not self.accepted & set(found):
            raise DaskError(f"no worker of the Dask cluster at {self.address} has this build's code and model "
                            f"({len(self.refused)} refused); start workers from the same checkout and requirements")

    # -- annotating ---------------------------------------------------------------------------------------------

    def annotated(self, articles: list[RawArticle]) -> Iterator[dict]:
        """One record per article, in order, the batches annotated on the accepted workers."""
        from .annotate import BATCH  # noqa: PLC0415

        size = self.batch or BATCH
        batches = [batch_items(articles[i:i + size]) for i in range(0, len(articles), size)]
        pending = self._submit(batches, 0)
        at = 0
        while at < len(batches):
            try:
                records = self._result(pending[at])
            except _Resubmit:  # every accepted worker left: what is left goes to the ones accepted now
                for future in pending[at:]:
                    future.cancel()
                pending[at:] = self._submit(batches[at:], at)
                continue
            pending[at].release()
            pending[at] = None
            yield from records
            at += 1

    def sitewide(self, step: Callable, what: str):
        """``step(client, workers)``: a site-wide step (search files, entity index, timeline) on the accepted workers.

        Its partitions are sent to the workers (``scatter``: held there, not by the scheduler), so a worker lost on
        the way takes some with it and the step fails; it is then run once more, from the start, on the workers
        accepted by then (a nanny's replacement is asked for its identity)."""
        self.opened()
        try:
            return step(self.client, sorted(self.accepted))
        except DaskError:
            raise
        except Exception as err:  # noqa: BLE001 - a worker lost, data lost with it...: once more, then it is raised
            self.say(f"{what} on the Dask cluster at {self.address} failed ({type(err).__name__}: {err}); "
                     "making it again")
        self.accepted &= set(self.client.scheduler_info()["workers"])
        self._lost_workers()  # when none is left: waits for one (DaskError when none comes)
        self.handshake()
        return step(self.client, sorted(self.accepted))

    def _submit(self, batches: list, start: int) -> list:
        # Explicit keys, unique to this build (a scheduler takes two tasks of one key for one; no hashing of the
        # texts); restricted to the accepted workers; another try after an error.
        stamp = uuid.uuid4().hex
        return [self.client.submit(annotate_task, self.mine, batch, key=f"newsreader-annotate-{stamp}-{start + n}",
                                   workers=sorted(self.accepted), allow_other_workers=False, retries=1, pure=False)
                for n, batch in enumerate(batches)]

    def _result(self, future) -> list[dict]:
        from distributed import CancelledError  # noqa: PLC0415

        while True:
            try:
                return future.result(timeout=WATCH)
            except TimeoutError:
                if self._lost_workers():
                    raise _Resubmit from None
            except MismatchedWorker as err:
                raise DaskError(f"the Dask cluster at {self.address}: {err}") from None
            except CancelledError:
                raise DaskError(f"the Dask cluster at {self.address} cancelled an annotation task") from None
            except Exception as err:  # noqa: BLE001 - KilledWorker, a lost scheduler...: the build cannot go on
                raise DaskError(f"annotation on the Dask cluster at {self.address} failed: "
                                f"{type(err).__name__}: {err}") from None

    def _lost_workers(self) -> bool:
        """Whether no accepted worker is left; then new workers are asked for their identity (a nanny restarts a
        worker that died at a new address), and :class:`DaskError` is raised when none matches in time."""
        current = set(self.client.scheduler_info()["workers"])
        if self.accepted & current:
            return False
        deadline = time.monotonic() + REPLACEMENT_WAIT
        while time.monotonic() < deadline:
            current = set(self.client.scheduler_info()["workers"])
            self.accepted &= current
            if current - set(self.refused):
                try:
                    self.handshake()
                except DaskError:
                    pass
            if self.accepted:
                return True
            time.sleep(0.5)
        raise DaskError(f"every worker of the Dask cluster at {self.address} with this build's code and model left "
                        f"within {REPLACEMENT_WAIT} s, and none came back")

    def close(self) -> None:
        if self.cluster is not None:  # a worker slow to stop (a busy machine) is killed: nothing to warn about
            logging.getLogger("distributed.nanny").setLevel(logging.ERROR)
        for thing in (self.client, self.cluster):
            if thing is not None:
                try:
                    thing.close()
                except Exception:  # noqa: BLE001, S110 - closing after a failure: the failure is what is reported
                    pass
        self.client = self.cluster = None


def local_cluster(workers: int):
    """``NEWSREADER_DASK=local``: a scheduler in a process of its own and ``workers`` worker processes (one thread
    each, loopback only), started with Dask's own classes (``SpecCluster``, its ``SubprocessScheduler``, nannies).

    The scheduler is not in the build process (as in ``LocalCluster``): its record of every task sent, which grows
    with the archive (the site-wide steps send a task per partition and range), is then not the build's memory, as
    with a scheduler started by ``dask scheduler``; it loads ``dask_scheduler_preload.py`` (this package on its
    path, quiet logs, ended with the build). The nannies are in the build process: they start the workers with
    these settings and end them with it.
    """
    import dask  # noqa: PLC0415
    from distributed import Nanny, SpecCluster  # noqa: PLC0415
    from distributed.deploy.subprocess import SubprocessScheduler  # noqa: PLC0415

    # Dask starts its workers with glibc's MALLOC_TRIM_THRESHOLD_ set low (64 KiB: memory handed back at
    # once), which also fixes glibc's mmap threshold: spaCy's arrays are then mapped and unmapped at every
    # parse, 7 times the page faults of the process pool and about 10 % more CPU an article (measured,
    # session 16). A cluster of this machine's own starts them without it, as the process pool runs.
    environ = dict(dask.config.get("distributed.nanny.pre-spawn-environ"), MALLOC_TRIM_THRESHOLD_=None)
    # And without the dashboard's statistical profiler (a stack sample every 10 ms; its page needs bokeh, which
    # is not installed) and with the event loop's checks every second rather than every 20 ms: each woke the
    # worker while spaCy parsed, 15,000 context switches a worker in 1,200 articles against 1,000, ~5 % of its
    # CPU (measured, session 16).
    quiet = {"distributed.worker.profile.enabled": False, "distributed.admin.tick.interval": "1s",
             "distributed.admin.system-monitor.interval": "2s"}
    scheduler = {"host": "127.0.0.1", "port": 0, "dashboard_address": "127.0.0.1:0", "preload": [PRELOAD]}
    # No memory limit: Dask's estimate of a task's data (``sizeof``, from a sample of a list's items) is far off
    # for the search's postings (a few terms of every document among thousands of rare ones), and a limit of
    # a share of the machine made it refuse tasks (a 100,000-article index) or pause workers.
    worker = {"nthreads": 1, "host": "127.0.0.1", "memory_limit": 0, "silence_logs": logging.CRITICAL}
    # A scheduler that dies as it starts: Dask logs its standard error (why) and raises "failed to start"; the
    # why is kept here for the build's message, not printed among Dask's silenced lines.
    said = _Kept()
    log = logging.getLogger("distributed.deploy.subprocess")
    kept = log.level, log.propagate
    log.addHandler(said)
    log.setLevel(logging.ERROR)
    log.propagate = False
    try:
        with dask.config.set({"distributed.nanny.pre-spawn-environ": environ, **quiet}), \
                tempfile.TemporaryDirectory(prefix="newsreader-dask-") as folder:
            # The scheduler tells its address in a file (``SubprocessScheduler``'s way; by default a file of the
            # temporary folder, left there as the process is killed): here one of a folder removed once it is up.
            scheduler["scheduler_file"] = os.path.join(folder, "scheduler.json")
            return SpecCluster(scheduler={"cls": SubprocessScheduler, "options": {"scheduler_kwargs": scheduler}},
                               workers={n: {"cls": Nanny, "options": worker} for n in range(workers)},
                               silence_logs=logging.CRITICAL, name="newsreader-local")
    except (OSError, RuntimeError, TimeoutError) as err:  # the scheduler's process or a worker did not start
        why = next((line.strip() for line in reversed(said.text.splitlines()) if line.strip()), "")
        raise DaskError(f"cannot start a local Dask cluster (NEWSREADER_DASK=local): {err}"
                        f"{f' ({why})' if why else ''}. Unset NEWSREADER_DASK to annotate with the process pool"
                        ) from None
    finally:
        log.removeHandler(said)
        log.setLevel(kept[0])
        log.propagate = kept[1]


class _Kept(logging.Handler):
    """The text of the records logged to it."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.text = ""

    def emit(self, record: logging.LogRecord) -> None:
        self.text += record.getMessage() + "\n"


class _Resubmit(Exception):
    pass


def _has_bokeh() -> bool:
    from importlib.util import find_spec  # noqa: PLC0415

    return find_spec("bokeh") is not None
