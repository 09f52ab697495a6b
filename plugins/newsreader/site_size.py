"""How big the built site is, against the limits of where it is published.

GitHub Pages refuses to publish a site over 1 GB; a site with very many files is slow to deploy (and GitLab
Pages stops at 200,000). Every build reports the size with its three largest folders and warns past 80 % of
either limit; ``invoke gh-pages`` and the Pages workflow (``invoke site-size --check``) refuse a site over 1 GB.
Plain Python: no Pelican.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

PAGES_BYTES = 1_000_000_000  # GitHub Pages: a published site is at most 1 GB
FILES = 100_000  # files a deploy handles comfortably (GitLab Pages refuses 200,000)
WARN_AT = 0.8  # warn at 80 % of either


@dataclass
class SiteSize:
    bytes: int = 0
    files: int = 0
    folders: dict[str, list[int]] = field(default_factory=dict)  # top-level name -> [bytes, files]

    def largest(self, count: int = 3) -> list[tuple[str, int, int]]:
        ranked = sorted(self.folders.items(), key=lambda item: (-item[1][0], item[0]))
        return [(name, size, files) for name, (size, files) in ranked[:count]]


def _walk(folder: str):
    """(path, stat) of every regular file below ``folder``, links not followed."""
    stack = [folder]
    while stack:
        with os.scandir(stack.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(entry.path)
                elif entry.is_file(follow_symlinks=False):
                    yield entry.path, entry.stat(follow_symlinks=False)


def tally(files) -> SiteSize:
    """The size of a site from ``(relative path, bytes)`` of each of its files."""
    size = SiteSize()
    for rel, count in files:
        top, sep, _ = rel.replace(os.sep, "/").partition("/")
        folder = size.folders.setdefault(top + "/" if sep else "(top level)", [0, 0])
        folder[0] += count
        folder[1] += 1
        size.bytes += count
        size.files += 1
    return size


def measure(output: Path) -> SiteSize:
    """Bytes and files of the site in ``output`` (itself possibly a link), by top-level folder, read from disk.

    A build reports its size from its own record of what it published (``output_folder.finish``), without this
    walk; ``invoke gh-pages`` and ``invoke site-size`` walk the folder as it will be uploaded.
    """
    root = os.path.realpath(output)
    if not os.path.isdir(root):
        return SiteSize()
    return tally((os.path.relpath(path, root), stat.st_size) for path, stat in _walk(root))


def human(count: int) -> str:
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if count >= scale:
            return f"{count / scale:.1f} {unit}"
    return f"{count} bytes"


def summary(size: SiteSize) -> str:
    largest = ", ".join(f"{name} {human(b)} in {f:,} files" for name, b, f in size.largest())
    return f"Site size: {human(size.bytes)} in {size.files:,} files" + (f" (largest: {largest})" if largest else "")


def warnings(size: SiteSize) -> list[str]:
    found = []
    if size.bytes > WARN_AT * PAGES_BYTES:
        found.append(f"the site is {human(size.bytes)}, {size.bytes / PAGES_BYTES:.0%} of the 1 GB that "
                     "GitHub Pages publishes at most")
    if size.files > WARN_AT * FILES:
        found.append(f"the site has {size.files:,} files, {size.files / FILES:.0%} of {FILES:,} (a deploy of "
                     "that many files is slow; GitLab Pages refuses 200,000)")
    return found


def refusal(size: SiteSize) -> str | None:
    """Why the site cannot be published on GitHub Pages, or None."""
    if size.bytes > PAGES_BYTES:
        return (f"the site is {human(size.bytes)}: over the 1 GB that GitHub Pages publishes "
                f"(largest folders: {', '.join(f'{n} {human(b)}' for n, b, _ in size.largest())}); not published")
    return None
