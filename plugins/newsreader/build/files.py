"""Files the caches and the publisher write and remove: atomic writes, errors that name their path, the check
that a path stays inside a folder, and the SHA-256 of bytes."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path


def inside(root: str | os.PathLike, path: str | os.PathLike) -> bool:
    """Whether ``path`` (its folder resolved, symbolic links followed) is within ``root`` (resolved too)."""
    real_root = os.path.realpath(root)
    real = os.path.join(os.path.realpath(os.path.dirname(os.path.abspath(path))), os.path.basename(path))
    return os.path.commonpath([real_root, real]) == real_root and real != real_root


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def remove(path: str | os.PathLike) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def named(err: OSError, path: str | os.PathLike) -> OSError:
    """``err`` naming ``path`` when it names no file (a full disk fails a write, which names nothing)."""
    if err.filename is None:
        return type(err)(err.errno, err.strerror or str(err), os.fspath(path))
    return err


def write_bytes(path: str | os.PathLike, data: bytes) -> None:
    """``Path(path).write_bytes(data)``, whose error (a full disk, say) names the path."""
    try:
        Path(path).write_bytes(data)
    except OSError as err:
        raise named(err, path) from None


def write_atomic(path: str | os.PathLike, *parts) -> None:
    """Write a new file at ``path`` by rename: readers see the old file or the new one, never half of one. Each part
    is bytes, a binary file copied a block at a time, or an iterable of bytes written as they come."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as file:
            for part in parts:
                if isinstance(part, bytes):
                    file.write(part)
                elif hasattr(part, "read"):
                    shutil.copyfileobj(part, file)
                else:
                    file.writelines(part)
        os.replace(tmp, path)
    except OSError as err:
        remove(tmp)
        raise named(err, path) from None
    except BaseException:
        remove(tmp)
        raise


def replace_text(path: str | os.PathLike, text: str) -> None:
    """Write a new file at ``path`` (replacing any old one whole)."""
    write_atomic(path, text.encode("utf-8"))
