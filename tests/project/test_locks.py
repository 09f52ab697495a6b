"""The hashed locks install with the pip that `python3 -m venv` ships, not only with a current one.

pip in --require-hashes mode needs every requirement pinned with `==`. When a pinned package requires another
with an extra (`weasel` needs `smart-open[http]`), an older pip (23.x) resolves `smart-open[http]` as a
requirement of its own: unless the lock spells it `smart-open[http]==…`, that pip looks for the newest release,
finds no hash for it and refuses the whole install as soon as a new release appears upstream. So a lock must keep
every extra that an installed, pinned distribution asks for (compiled without `--strip-extras`).
"""

from __future__ import annotations

import re
from importlib import metadata

import pytest
from conftest import ROOT
from packaging.markers import default_environment
from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name

LOCKS = ("requirements.txt", "requirements-dev.txt")
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[([^\]]*)\])?==([^\s;\\]+)", re.M)


def pins(text: str) -> dict[str, tuple[frozenset[str], str]]:
    """Each pinned distribution of a lock: its extras as spelled in the lock, and its version."""
    found = {}
    for name, extras, version in _PIN.findall(text):
        spelled = frozenset(canonicalize_name(e) for e in extras.split(",") if e.strip())
        found[canonicalize_name(name)] = (spelled, version)
    return found


def _requires(dist: metadata.Distribution, extras: frozenset[str]) -> list[Requirement]:
    """What an installed distribution requires, its markers evaluated for this Python with the lock's extras."""
    wanted = []
    for line in dist.requires or ():
        try:
            req = Requirement(line)
        except InvalidRequirement:
            continue
        if req.marker is None or any(
            req.marker.evaluate({**default_environment(), "extra": extra}) for extra in ("", *extras)
        ):
            wanted.append(req)
    return wanted


def missing_extras(text: str) -> tuple[list[str], int]:
    """`name[extra]` requirements of the lock's installed distributions that the lock does not spell.

    Returns the problems and how many pinned distributions were checked (installed here).
    """
    locked = pins(text)
    problems, checked = [], 0
    for name, (extras, _version) in sorted(locked.items()):
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        checked += 1
        for req in _requires(dist, extras):
            target = canonicalize_name(req.name)
            needed = frozenset(canonicalize_name(e) for e in req.extras)
            if target in locked and not needed <= locked[target][0]:
                spelled = ",".join(sorted(needed))
                problems.append(f"{name} requires {req.name}[{spelled}]: the lock pins {req.name} without it")
    return problems, checked


def _header(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if line.startswith("#") and "pip-compile" in line)


@pytest.mark.parametrize("lock", LOCKS)
def test_the_lock_spells_every_extra_its_packages_require(lock):
    text = (ROOT / lock).read_text(encoding="utf-8")
    problems, checked = missing_extras(text)
    # The check only means something where the lock is installed (`invoke test` runs after installing it).
    assert checked >= len(pins(text)) // 2, f"only {checked} of {len(pins(text))} pinned packages are installed"
    assert problems == []


@pytest.mark.parametrize("lock", LOCKS)
def test_the_lock_is_compiled_keeping_extras_with_hashes(lock):
    header = _header((ROOT / lock).read_text(encoding="utf-8"))
    assert "--generate-hashes" in header and "--no-strip-extras" in header
    assert "--strip-extras " not in header + " "


@pytest.mark.parametrize("lock", LOCKS)
def test_every_pin_carries_a_hash(lock):
    text = (ROOT / lock).read_text(encoding="utf-8")
    blocks = re.split(r"\n(?=[A-Za-z0-9])", text)
    pinned = [b for b in blocks if _PIN.match(b)]
    assert pinned and all("--hash=sha256:" in b for b in pinned)


def test_the_check_finds_a_lock_whose_extras_were_stripped():
    """The same lock with its extras removed (what `--strip-extras` writes) is caught, so the check can fail."""
    text = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    assert re.search(r"^[A-Za-z0-9._-]+\[", text, re.M), "the lock has no extra to strip"
    stripped = re.sub(r"^([A-Za-z0-9._-]+)\[[^\]]*\]==", r"\1==", text, flags=re.M)
    problems, _checked = missing_extras(stripped)
    assert problems, "stripping the extras went unnoticed"
    assert any("[http]" in p for p in problems)


def test_the_readme_quick_start_makes_its_own_virtual_environment():
    """Pasted into a fresh shell on stock Debian (PEP 668), each line makes or reuses .venv before pip runs."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Quick start\n.*?```\n(.*?)```", readme, re.S)[1].strip().splitlines()
    assert len(block) == 2
    for line, lock, task in zip(block, LOCKS, ("build", "test")):
        venv, install = line.split(" && python3 -m pip install ")
        assert venv == "python3 -m venv .venv && . .venv/bin/activate"
        assert install == f"-r {lock} && invoke {task}"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert block[1] in ci.splitlines()
