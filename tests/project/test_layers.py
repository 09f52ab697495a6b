"""The plugin's plan is checked, not hoped for: import-linter's contracts (``.importlinter``) and no import cycle."""

from __future__ import annotations

import configparser
import os
import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import grimp

from conftest import ROOT  # noqa: E402
PLUGIN = ROOT / "plugins" / "newsreader"


def lint_imports(plugins: Path, config: Path = ROOT / ".importlinter") -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(plugins))
    lint = Path(sys.executable).with_name("lint-imports")
    command = [str(lint)] if lint.exists() else [sys.executable, "-m", "importlinter.cli"]
    return subprocess.run([*command, "--no-cache", str(config)], cwd=plugins, env=env, capture_output=True,
                          text=True, timeout=300)


def test_contracts_are_kept():
    result = lint_imports(ROOT / "plugins")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_the_contract_bites(tmp_path):
    """A core module that imports Pelican breaks the contract (so a kept contract means something)."""
    copy = tmp_path / "plugins"
    shutil.copytree(ROOT / "plugins", copy, ignore=shutil.ignore_patterns("__pycache__"))
    module = copy / "newsreader" / "core" / "text" / "sentences.py"
    module.write_text("import pelican  # noqa\n" + module.read_text(encoding="utf-8"), encoding="utf-8")
    result = lint_imports(copy)
    assert result.returncode != 0
    assert "BROKEN" in result.stdout and "newsreader.core.text.sentences" in result.stdout


def test_every_glue_module_is_in_the_contract():
    """A new module beside core/ must be declared, or the core could import it unnoticed."""
    config = configparser.ConfigParser()
    config.read(ROOT / ".importlinter", encoding="utf-8")
    forbidden = set(config["importlinter:contract:core-is-plain-python"]["forbidden_modules"].split())
    glue = {f"newsreader.{m.name}" for m in pkgutil.iter_modules([str(PLUGIN)]) if m.name != "core"}
    assert glue - forbidden == set()


def _cycles(graph: grimp.ImportGraph, modules: set[str]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), i.e. import cycles."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(start: str) -> None:
        work = [(start, iter(sorted(graph.find_modules_directly_imported_by(start) & modules)))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, edges = work[-1]
            for target in edges:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(graph.find_modules_directly_imported_by(target) & modules))))
                    break
                if target in on_stack:
                    low[node] = min(low[node], index[target])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == node:
                            break
                    if len(group) > 1:
                        found.append(sorted(group))

    for module in sorted(modules):
        if module not in index:
            visit(module)
    return found


def test_no_import_cycle():
    sys.path.insert(0, str(ROOT / "plugins"))
    try:
        graph = grimp.build_graph("newsreader", cache_dir=None)
    finally:
        sys.path.remove(str(ROOT / "plugins"))
    assert _cycles(graph, set(graph.modules)) == []


def test_the_cycle_check_finds_a_cycle():
    graph = grimp.ImportGraph()
    for name in ("p", "p.a", "p.b", "p.c"):
        graph.add_module(name)
    graph.add_import(importer="p.a", imported="p.b")
    graph.add_import(importer="p.b", imported="p.a")
    graph.add_import(importer="p.c", imported="p.a")
    assert _cycles(graph, set(graph.modules)) == [["p.a", "p.b"]]
