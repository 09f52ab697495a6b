"""A corrections file of any content is reported and ignored, within bounded time and memory; the site is built."""

from __future__ import annotations

import re
import resource
import shutil
import subprocess
import sys
import textwrap
import time

import pytest
from conftest import ROOT, build
from newsreader import corrections_file
from newsreader.corrections_file import EditorCorrections
from test_cache_damage import copied_cache, warm  # noqa: F401 - the fixture
from test_page_cache import different

MEMORY_CAP = 4 << 30
MAX_PROBLEMS = getattr(corrections_file, "MAX_PROBLEMS", 100)
SECONDS = 120


def billion_laughs() -> str:
    lines = ['entities:', '  - name: Nobody Synthetic', '    hide: true',
             'lol0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"lol{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    return "\n".join(lines) + "\n"


def deep_nesting() -> str:
    return "entities:\n  - name: Nobody Synthetic\n    aliases: " + "[" * 500 + "]" * 500 + "\n"


def merge_chain(cycle: bool) -> str:
    lines = ["entities:"]
    for n in range(10_000):
        target = (n + 1) % 10_000 if cycle else n + 1
        lines += [f"  - name: Synthetic Name {n}", f"    merge_into: Synthetic Name {target}"]
    return "\n".join(lines) + "\n"


ATTACKS = {"billion laughs": (billion_laughs, "aliases expand"), "deep nesting": (deep_nesting, "nested more than"),
           "merge chain": (lambda: merge_chain(False), None),
           "merge cycle": (lambda: merge_chain(True), "makes a cycle")}

LOAD = textwrap.dedent("""
    import sys
    sys.path.insert(0, {plugins!r})
    from pathlib import Path
    from newsreader.corrections_file import EditorCorrections
    for problem in EditorCorrections(Path({path!r})).problems():
        print(problem)
""")


def _capped() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


@pytest.mark.slow
@pytest.mark.parametrize("attack", ATTACKS)
def test_a_hostile_corrections_file_is_reported_within_bounds(tmp_path, attack):
    make, expected = ATTACKS[attack]
    path = tmp_path / "annotations.yml"
    path.write_text(make(), encoding="utf-8")
    start = time.time()
    result = subprocess.run([sys.executable, "-c", LOAD.format(plugins=str(ROOT / "plugins"), path=str(path))],
                            capture_output=True, text=True, timeout=SECONDS, preexec_fn=_capped)
    assert result.returncode == 0, result.stderr[-2000:]
    assert time.time() - start < SECONDS
    assert len(result.stdout) + len(result.stderr) < 50_000  # a few lines, no traceback
    if expected:
        first = result.stdout.splitlines()[0]
        assert first.startswith(f"{path}:") and first.split(":")[1].isdigit() and expected in first, result.stdout


def test_problems_with_one_file_are_capped_with_a_count(tmp_path):
    path = tmp_path / "annotations.yml"
    path.write_text("entities:\n" + "".join(f"  - name: Nobody {n}\n    hide: true\n" for n in range(1000)),
                    encoding="utf-8")
    problems = EditorCorrections(path).problems()
    assert len(problems) == MAX_PROBLEMS
    assert str(problems[-1]).endswith(f"and {1000 - MAX_PROBLEMS + 1:,} more problems (not shown)")


def test_a_billion_laughs_costs_a_warning_and_the_site_is_built(warm, tmp_path):
    corpus, _, reference = warm
    site = tmp_path / "corpus"
    shutil.copytree(corpus, site)
    (site / "annotations.yml").write_text(billion_laughs(), encoding="utf-8")
    result = build(site, tmp_path / "out", cache=copied_cache(warm, tmp_path))
    log = result.stdout + result.stderr
    assert re.search(r"annotations\.yml:\d+: cannot be read: its aliases expand", log), log
    assert different(reference, tmp_path / "out") == []
