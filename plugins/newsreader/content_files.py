"""Which files of the content folder are read: regular files whose real path is inside it.

Pelican walks the content folder following symbolic links, so a link to ``/etc/passwd`` or to
``/etc`` would be published, a link to a parent folder walked in circles, and a FIFO named
``x.txt`` would block the build for ever. ``guard_walk`` gives each generator a ``get_files``
that walks the same way but keeps out (with a warning naming the file) what is not the user's
content; ``open_regular`` reads a file without ever waiting on a FIFO or device.
"""

from __future__ import annotations

import fnmatch
import logging
import os
import stat
from types import MethodType

logger = logging.getLogger(__name__)


def printable(text) -> str:
    """``text`` with every character that is not printable escaped (``\\n``, ``\\x1b``…): a file name with a
    newline or a terminal escape cannot fake a log line."""
    text = str(text)
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


class EscapedArguments(logging.Filter):
    """On the plugin's loggers: the arguments of every message (file names, problems) go through :func:`printable`."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple) and record.args:
            record.args = tuple(a if isinstance(a, (int, float)) else printable(a) for a in record.args)
        return True


def escape_logs() -> None:
    """Every logger of this plugin escapes the arguments of its messages (called once, at ``register``)."""
    names = [name for name in logging.Logger.manager.loggerDict if name.split(".")[0] == __name__.split(".")[0]]
    for name in names:
        found = logging.getLogger(name)
        if not any(isinstance(f, EscapedArguments) for f in found.filters):
            found.addFilter(EscapedArguments())


def _inside(real: str, root: str) -> bool:
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def refusal(path: str, content_root: str) -> str | None:
    """Why ``path`` must not be read as content (``None`` when it may): outside the folder, or not a regular file."""
    real = os.path.realpath(path)
    if not _inside(real, os.path.realpath(content_root)):
        return f"is a link to {real}, outside the content folder; skipped"
    try:
        mode = os.stat(path).st_mode
    except OSError as err:
        return f"cannot be read ({err.strerror}); skipped"
    return None if stat.S_ISREG(mode) else "is not a regular file (a FIFO, socket or device?); skipped"


def open_regular(path: str) -> bytes:
    """The bytes of ``path``; ``OSError`` for anything but a regular file (opening a FIFO does not wait)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise OSError(f"{path} is not a regular file")
        return handle.read()


def get_files(self, paths, exclude=None, extensions=None) -> set[str]:
    """Pelican's ``Generator.get_files`` (same arguments and result) that never leaves the content folder."""
    root_real = os.path.realpath(self.path)
    excluded = {os.path.normpath(os.path.join(self.path, e)) for e in exclude or []}
    ignores = self.settings["IGNORE_FILES"]
    files: set[str] = set()

    def admit(full: str, relative: str) -> None:
        name = os.path.basename(relative)
        if not os.path.splitext(name)[1] and name.startswith(".") and name.strip("."):
            # "..txt": Python's splitext sees no extension (leading dots), so Pelican would skip it silently.
            if any(fnmatch.fnmatch(name, i) for i in ignores):
                return
            wanted = extensions if extensions is not None else self.readers.extensions
            if wanted and name.rpartition(".")[2] in wanted:
                logger.warning("%s: a name of only dots before its extension cannot be read; skipped (rename it)", full)
            return
        if self._include_path(relative, extensions):
            why = refusal(full, root_real)
            if why:
                logger.warning("%s: %s", full, why)
            else:
                files.add(relative)

    for path in [paths] if isinstance(paths, str) else paths:
        root = os.path.join(self.path, path) if path else self.path
        if not os.path.isdir(root):
            if os.path.exists(root):
                admit(root, path)
            continue
        if not _inside(os.path.realpath(root), root_real):
            logger.warning("%s: is a link to %s, outside the content folder; skipped", root, os.path.realpath(root))
            continue
        seen = {os.path.realpath(root)}
        for dirpath, dirs, names in os.walk(root, topdown=True, followlinks=True):
            keep = []
            for name in sorted(dirs):
                full = os.path.join(dirpath, name)
                real = os.path.realpath(full)
                if os.path.normpath(full) in excluded or any(fnmatch.fnmatch(name, i) for i in ignores):
                    continue
                if not _inside(real, root_real):
                    logger.warning("%s: is a link to %s, outside the content folder; skipped", full, real)
                elif real in seen:
                    logger.warning("%s: is a link back to %s, already read; skipped", full, real)
                else:
                    seen.add(real)
                    keep.append(name)
            dirs[:] = keep
            for name in names:
                full = os.path.join(dirpath, name)
                admit(full, os.path.relpath(full, self.path))
    return files


def guard_walk(generator) -> None:
    """``generator_init`` handler: this generator finds its files with :func:`get_files`."""
    generator.get_files = MethodType(get_files, generator)
