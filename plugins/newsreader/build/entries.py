"""A cache entry's bytes: a header line (``newsreader-cache-2 <sha256> <size> <mac>``) before the payload, and the
secret the MAC is keyed by, never kept in the cache folder (see :mod:`cache`)."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

from .files import remove, sha256

MAGIC = b"newsreader-cache-2"  # -1 entries had no MAC: misses, made again
SECRET_ENV = "NEWSREADER_CACHE_SECRET"  # the secret entries are authenticated with, when set (the Pages workflow)
SECRET_BYTES = 32

# -- the secret ----------------------------------------------------------------------------------------------
_SECRET: dict = {}  # "for": (cache folder, environment's secret) it was found for; "secret": the bytes


def key_file(root: str | os.PathLike) -> Path:
    """Where the secret of the cache folder ``root`` is kept without ``NEWSREADER_CACHE_SECRET``: beside the
    folder (``.cache/newsreader.key``), never inside it, so a cache restored or copied alone does not bring it."""
    root = Path(os.path.abspath(root))
    return root.with_name(root.name + ".key")


def use_secret(root: str | os.PathLike | None) -> None:
    """Authenticate this process's entries with the secret for the cache folder ``root`` (each build calls this
    as it starts; found once per process and folder; the processes a build forks inherit it).

    The secret is ``NEWSREADER_CACHE_SECRET`` when set; otherwise 32 random bytes kept in :func:`key_file`,
    created the first time (mode 0600, by rename: whole or absent).
    """
    where = (os.path.abspath(root) if root else None, os.environ.get(SECRET_ENV) or None)
    if _SECRET.get("for") != where:
        _SECRET["secret"] = _find_secret(*where)
        _SECRET["for"] = where


def _secret() -> bytes:
    found = _SECRET.get("secret")
    if found is None:  # no build set one up (a tool, a test): the environment's, else this process's own
        use_secret(None)
        found = _SECRET["secret"]
    return found


def _find_secret(root: str | None, from_env: str | None) -> bytes:
    if from_env:
        return from_env.encode("utf-8")
    fresh = secrets.token_bytes(SECRET_BYTES)
    if root is None:
        return fresh  # nothing another process wrote authenticates: misses, never wrong
    path = key_file(root)
    try:
        kept = path.read_bytes()
        if len(kept) == SECRET_BYTES:
            return kept
    except FileNotFoundError:
        pass
    except OSError:
        return fresh  # an unreadable key file: this build's entries are misses for the next; none is wrong
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.write(descriptor, fresh)
        finally:
            os.close(descriptor)
        try:
            os.link(tmp, path)  # created once: a build that made one meanwhile keeps it
        except FileExistsError:
            kept = path.read_bytes()
            if len(kept) == SECRET_BYTES:
                return kept
            os.replace(tmp, path)  # a damaged key file: a new secret (every entry made again)
    except OSError:
        pass  # cannot be kept (a read-only disk): this build's own secret
    finally:
        remove(tmp)
    return fresh


def _mac(name: str, content_hash: bytes, size: bytes) -> bytes:
    """HMAC-SHA256 of an entry's name and of its payload's SHA-256 and size: who wrote it, under which key."""
    message = b"%s\0%s\0%s" % (name.encode("utf-8"), content_hash, size)
    return hmac.new(_secret(), message, hashlib.sha256).hexdigest().encode()


# -- entries ---------------------------------------------------------------------------------------------------
def unwrap(blob: bytes, name: str) -> bytes | None:
    """An entry's payload if its header's size, hash and MAC (for the entry ``name``) match it; otherwise None."""
    found = _unwrap(blob, name)
    return found[0] if found else None


def _unwrap(blob: bytes, name: str) -> tuple[bytes, str] | None:
    """An entry's payload and its SHA-256, if its header's size, hash and MAC match it; otherwise None.

    ``name`` is the entry's key and suffix: the MAC binds them, so an entry copied to another key is a miss.
    """
    head, newline, payload = blob.partition(b"\n")
    parts = head.split(b" ")
    if not newline or len(parts) != 4 or parts[0] != MAGIC:
        return None
    content_hash = sha256(payload)
    size = str(len(payload)).encode()
    if parts[2] != size or parts[1] != content_hash.encode():
        return None
    if not hmac.compare_digest(parts[3], _mac(name, parts[1], size)):
        return None
    return payload, content_hash


def wrap(payload: bytes, name: str) -> tuple[bytes, str]:
    """The entry ``name`` (key and suffix) holding ``payload``, and the payload's SHA-256."""
    digest = sha256(payload)
    return header(name, digest, len(payload)) + payload, digest


def header(name: str, digest: str, size: int) -> bytes:
    """The header line of the entry ``name`` holding ``size`` bytes of SHA-256 ``digest``."""
    size_text = str(size).encode()
    return b"%s %s %s %s\n" % (MAGIC, digest.encode(), size_text, _mac(name, digest.encode(), size_text))
