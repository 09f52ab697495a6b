"""The identity of the annotation rules, derived from their code: no version number to bump by hand.

An annotation record is cached under a key that includes this identity: a SHA-256 over the source of
``annotate.py`` and of every module of this package it imports, followed through their own imports (at any
depth, also imports made inside functions), plus every file of the rules' data folder. A rule edited and
merged without anyone remembering a bump still changes the key, so no cache (the user's, or the one the
Pages workflow restores) can serve annotations the current rules would not make. A module that annotation
never imports (search, say) does not count: editing it re-annotates nothing.

Reading the files is cheap (a few dozen small files, once per process); no module is imported to do it, so a
rebuild served from the cache still never loads spaCy or the rules.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path

FOLDER = Path(__file__).parent
ENTRY = "annotate"  # annotate.py runs every rule: what it imports, followed, is the rule set
DATA = "data"  # tables the rules read (aliases.yml...)

# `from .name import ...`, `from .pkg.name import ...`, `from . import a, b` / `from . import (a, b)`.
_RELATIVE = re.compile(r"^[ \t]*from[ \t]+(\.+)([\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n#]*)", re.M)


def _module_file(folder: Path, dotted: str) -> Path | None:
    path = folder.joinpath(*dotted.split("."))
    for candidate in (path.with_suffix(".py"), path / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def imported_modules(source: str, here: Path, root: Path) -> list[Path]:
    """The files of ``root``'s package that a module at ``here`` imports relatively."""
    found = []
    for dots, dotted, names in _RELATIVE.findall(source):
        base = here.parent
        for _ in range(len(dots) - 1):
            base = base.parent
        if base != root and root not in base.parents:
            continue  # outside the rules' package: not a rule
        parts = dotted.split(".") if dotted else []
        for depth in range(1, len(parts) + 1):  # `from .sub.name`: sub/__init__.py runs too
            module = _module_file(base, ".".join(parts[:depth]))
            if module:
                found.append(module)
        package = base.joinpath(*dotted.split(".")) if dotted else base
        for item in names.strip("()").split(","):
            words = item.split()  # "quotes", "quotes as q"
            sub = _module_file(package, words[0]) if words else None  # `from . import quotes`: a module
            if sub:
                found.append(sub)
    return found


def rule_files(root: Path = FOLDER, entry: str = ENTRY) -> list[Path]:
    """Every file the annotation rules are made of: the entry module, its imports followed, the data folder."""
    start = _module_file(root, entry)
    seen: set[Path] = set()
    todo = [start] if start else []
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        todo.extend(imported_modules(path.read_text(encoding="utf-8"), path, root))
    data = root / DATA
    if data.is_dir():
        seen.update(p for p in data.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    return sorted(seen)


@lru_cache(maxsize=None)
def rules_id(root: Path = FOLDER, entry: str = ENTRY) -> str:
    """SHA-256 (hex) over the rule files' paths (relative to ``root``) and bytes."""
    digest = hashlib.sha256()
    for path in rule_files(root, entry):
        name = path.relative_to(root).as_posix().encode()
        body = path.read_bytes()
        digest.update(b"%d:%s%d:" % (len(name), name, len(body)))
        digest.update(body)
    return digest.hexdigest()
