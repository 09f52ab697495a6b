"""One build at a time per output folder: an exclusive ``flock`` on the folder itself (no lock file to leave behind).

The lock is the build process's alone: the processes it forks let go of it, so the kernel releases it the moment
the build dies, however it dies. A second build into the same folder stops with :class:`BuildLocked`, naming the
process that holds the lock when Linux tells (``/proc/locks``).
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

_HELD: dict[str, int] = {}  # output folders this process holds the lock of -> the locked descriptor


class BuildLocked(RuntimeError):
    exitcode = 75  # EX_TEMPFAIL: try again later


def _let_go_in_child() -> None:
    """A forked process (annotation workers, the render helper, the search files) does not hold the lock: it is
    the build's alone, so that the kernel releases it the moment the build dies, whatever its children do."""
    for fd in _HELD.values():
        try:
            os.close(fd)
        except OSError:
            pass
    _HELD.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_let_go_in_child)


def lock_holder(path: str | os.PathLike) -> int | None:
    """The pid of the process holding an ``flock`` on ``path`` (from Linux's ``/proc/locks``), if it can be told."""
    try:
        st = os.stat(path)
        with open("/proc/locks", encoding="ascii", errors="replace") as locks:
            lines = locks.read().splitlines()
    except OSError:
        return None
    for line in lines:  # "1: FLOCK  ADVISORY  WRITE 19316 fe:00:1665294 0 EOF" (a waiter's has "->" after "1:")
        fields = [f for f in line.split() if f != "->"]
        if len(fields) < 6 or fields[1] != "FLOCK" or fields[5].count(":") != 2:
            continue
        major, minor, inode = fields[5].split(":")
        try:
            if int(inode) == st.st_ino and os.makedev(int(major, 16), int(minor, 16)) == st.st_dev:
                return int(fields[4])
        except ValueError:
            continue
    return None


def hold(real: Path, output: Path) -> None:
    """Hold the output folder ``real`` (``output`` as the user named it) for this build; :class:`BuildLocked` when
    another process holds it."""
    real.mkdir(parents=True, exist_ok=True)
    where = str(real)
    if where in _HELD:
        return  # this process's earlier build (Pelican's autoreload) failed without releasing it
    fd = os.open(where, os.O_RDONLY | os.O_CLOEXEC)  # never passed to a program the build runs
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        holder = lock_holder(where)
        by = f", process {holder} holds it" if holder else ""
        raise BuildLocked(f"another build is running into {output}{by}; try again when it has finished "
                          "(the lock goes when that process ends)") from None
    _HELD[where] = fd


def let_go(real: Path) -> None:
    """Release the lock on the output folder ``real``, if this process holds it."""
    fd = _HELD.pop(str(real), None)
    if fd is not None:
        os.close(fd)  # closing the descriptor releases the flock
