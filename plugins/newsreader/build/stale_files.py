"""Stale files of the output folder, found and removed once a build has been published (:mod:`publish`).

Files the previous build wrote and this one did not are named by the previous manifest. Files no build wrote
(with ``DELETE_OUTPUT_DIRECTORY``) are found without listing every folder: each folder's mtime, ctime and inode as
the last build left it are recorded, and a file added, removed or renamed changes its folder's times, so only
folders whose record no longer matches are listed.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..core.keys import is_relative
from .files import inside, remove


def folder_record(st: os.stat_result) -> list[int]:
    return [st.st_mtime_ns, st.st_ctime_ns, st.st_ino]


def valid_folders(value) -> bool:
    """Whether ``value`` maps relative paths to folder records ``[mtime, ctime, inode]`` (one plain loop: it is
    run on tens of thousands of records)."""
    return isinstance(value, dict) and all(
        type(rel) is str and (rel == "" or is_relative(rel)) and type(r) is list and len(r) == 3 and type(r[0]) is int
        and type(r[1]) is int and type(r[2]) is int for rel, r in value.items())


def remove_files(real: Path, stale: set[str], retention: set[str]) -> int:
    """Remove the files ``stale`` (relative paths) from the output folder ``real``, and the folders they leave
    empty (up to a top-level name in ``retention``); returns how many files went."""
    removed = 0
    for rel in sorted(stale):
        path = real / rel
        if not is_relative(rel) or not inside(real, path):
            continue  # never outside the output folder (a record is checked when read; a link inside it, too)
        if path.is_file() or path.is_symlink():
            remove(path)
            removed += 1
        for parent in Path(rel).parents:
            if str(parent) in {".", ""} or (str(parent) in retention):
                break
            try:
                os.rmdir(real / parent)  # only when it is left empty
            except OSError:
                break
    return removed


def unknown_files(real: Path, known: dict[str, list], made: dict[str, list], retention: set[str], skip: set[str],
                  folders: dict[str, list]) -> set[str]:
    """Files in the output folder ``real`` that this build did not make (not in ``made``; ``retention`` and the
    folders of ``skip``, ours, aside).

    A folder whose mtime, ctime and inode are as the last build recorded (in ``known``) holds just what that build
    left there (the files of its manifest, all accounted for): it is not listed, only its sub-folders visited.
    ``folders`` gets every folder visited ("" for the output folder itself) with its record.
    """
    out = os.path.join(str(real), "")
    children: dict[str, list[str]] = {}
    for rel in known:
        if rel:
            children.setdefault(os.path.dirname(rel), []).append(rel)
    unknown: set[str] = set()
    todo = [""]
    while todo:
        rel = todo.pop()
        path = out + rel if rel else str(real)
        try:
            st = os.lstat(path)
        except OSError:
            continue
        if not stat.S_ISDIR(st.st_mode):
            continue
        folders[rel] = folder_record(st)
        top = not rel
        if known.get(rel) == folders[rel]:
            todo += children.get(rel, ())
            continue
        base = rel + os.sep if rel else ""
        try:
            found = list(os.scandir(path))
        except OSError:
            continue
        for item in found:
            sub = base + item.name
            if top and item.name in retention:
                continue
            if item.is_dir(follow_symlinks=False):
                if sub not in skip:
                    todo.append(sub)
            elif sub not in made:
                unknown.add(sub)
    return unknown


def folder_records(real: Path, folders: dict[str, list], removed: set[str]) -> dict[str, list]:
    """Each folder's record as this build leaves it, for the next build.

    ``folders`` were recorded when visited, after this build's moves; the folders of ``removed`` files
    (and their parents, which lose emptied folders) are looked at again.
    """
    out = os.path.join(str(real), "")
    record = dict(folders)
    for parent in {p for rel in removed for p in Path(rel).parents}:
        rel = "" if str(parent) == "." else str(parent)
        if rel not in record:
            continue
        try:
            st = os.lstat(out + rel if rel else str(real))
            record[rel] = folder_record(st)
        except OSError:
            del record[rel]
    return record
