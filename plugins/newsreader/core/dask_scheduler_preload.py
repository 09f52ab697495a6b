"""Loaded (by its path, as a Dask preload) into the scheduler that ``NEWSREADER_DASK=local`` starts in a process of
its own (``dask_backend.local_cluster``), before the scheduler starts.

- The scheduler unpickles the build's tasks, so it must import this package: ``plugins/`` goes on its path.
- It logs as quietly as the build asks of a local cluster, and once it has started (its address told) its standard
  error goes to ``/dev/null``: it is a pipe that Dask reads only when a scheduler fails to start, and a pipe left
  full (a long build's warnings) would stop the scheduler where it writes.
- It ends when the build process that started it ends, even a killed one (a process of its own is not ended with
  its parent): a thread watches whether its parent has changed.

Standard library only; Dask calls :func:`dask_setup` once the scheduler has started.
"""

import logging
import os
import sys
import threading
import time

PLUGINS = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
if PLUGINS not in sys.path:
    sys.path.insert(0, PLUGINS)
logging.getLogger("distributed").setLevel(logging.CRITICAL)

_BUILD = os.getppid()


def _watch() -> None:
    while os.getppid() == _BUILD:
        time.sleep(1)
    os._exit(0)  # the build is gone: nothing of this scheduler is wanted any more


threading.Thread(target=_watch, name="newsreader-watch-build", daemon=True).start()


def dask_setup(scheduler) -> None:
    """Called by Dask with the scheduler once it has started and told its address."""
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 2)
    os.close(quiet)
