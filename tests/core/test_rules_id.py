"""The annotation cache key follows the rules' code itself: no hand-bumped version can go stale."""

from __future__ import annotations

import pytest

import json
import os
import shutil
import subprocess
import sys

from conftest import ROOT, write_raw
from newsreader.core import rules_id as rules

CORE = ROOT / "plugins" / "newsreader" / "core"


def _copy_core(tmp_path):
    copy = tmp_path / "core"
    shutil.copytree(CORE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def test_the_rule_files_are_what_annotation_imports_followed_through():
    names = {p.relative_to(CORE).as_posix() for p in rules.rule_files()}
    # Imported by annotate.py inside a function, and two steps away (quotes/extract -> context -> speakers).
    assert {"annotate.py", "quotes/extract.py", "quotes/context.py", "quotes/speakers.py", "entities/extract.py",
            "timex/events.py"} <= names
    assert any(n.startswith("timex/") for n in names - {"timex/events.py", "timex/__init__.py", "timex/finder.py"})
    assert "data/aliases.yml" in names  # the rules' tables
    # Search and publishing are not rules: editing them must not throw the annotations away.
    assert not {"search/index.py", "search/shards.py", "search/fold.py"} & names


def test_editing_any_rule_module_or_table_changes_the_identity(tmp_path):
    core = _copy_core(tmp_path)
    first = rules.rules_id(core)
    assert first == rules.rules_id(_copy_core(tmp_path / "again"))  # by content, not by place
    for name in ("quotes/speakers.py", "timex/values.py", "data/aliases.yml"):
        edited = _copy_core(tmp_path / name.replace("/", "_"))
        with (edited / name).open("a", encoding="utf-8") as f:
            f.write("\n# edited\n")
        assert rules.rules_id(edited) != first, name
    unrelated = _copy_core(tmp_path / "search")
    with (unrelated / "search" / "fold.py").open("a", encoding="utf-8") as f:
        f.write("\n# edited\n")
    assert rules.rules_id(unrelated) == first


def test_relative_imports_of_every_form_are_followed(tmp_path):
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "annotate.py").write_text(
        "from . import alpha, beta as b\nfrom .sub.gamma import thing\nfrom . import (\n    delta,\n)\n"
        "def f():\n    from .epsilon import g  # inside a function\n", encoding="utf-8")
    for name in ("alpha", "beta", "delta", "epsilon", "zeta", "unused"):
        (pkg / f"{name}.py").write_text("from .zeta import z\n" if name == "epsilon" else "", encoding="utf-8")
    (pkg / "sub" / "__init__.py").write_text("", encoding="utf-8")
    (pkg / "sub" / "gamma.py").write_text("from .. import alpha\n", encoding="utf-8")
    names = {p.relative_to(pkg).as_posix() for p in rules.rule_files(pkg)}
    assert names == {"annotate.py", "alpha.py", "beta.py", "delta.py", "epsilon.py", "zeta.py",
                     "sub/__init__.py", "sub/gamma.py"}


def _project_copy(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(ROOT / "pelican.conf.py", project)
    shutil.copytree(ROOT / "plugins", project / "plugins", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "theme", project / "theme")
    (project / "node_modules").symlink_to(ROOT / "node_modules")  # lunr.js, as installed for the project
    return project


def _build(project, content, output, cache):
    env = dict(os.environ, NEWSREADER_CONTENT=str(content), NEWSREADER_OUTPUT=str(output), SITEURL="",
               COLUMNS="1000", NEWSREADER_CACHE=str(cache), NEWSREADER_PROCESSES="1")
    env.pop("PYTHONPATH", None)
    result = subprocess.run([sys.executable, "-m", "pelican", "-s", "pelican.conf.py"], cwd=project, env=env,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return output


def _events(output):
    records = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((output / "data" / "articles").glob("*.json"))]
    assert records
    return [e for r in records for e in r["events"]]


@pytest.mark.slow
def test_a_rule_edited_without_any_version_bump_re_annotates_on_the_next_build(tmp_path):
    project = _project_copy(tmp_path)
    content, cache = tmp_path / "content", tmp_path / "cache"
    write_raw(content / "news", "one.txt", "Synthetic fixture: a dated event", "Fixture Wire", "4 May 2021",
              ["The synthetic council met on Tuesday.", "It will meet again in June."])
    assert _events(_build(project, content, tmp_path / "first", cache))
    # A rule change of the kind that used to need RULES_VERSION bumped: dates now finds no events at all.
    dates = project / "plugins" / "newsreader" / "core" / "timex" / "events.py"
    with dates.open("a", encoding="utf-8") as f:
        f.write("\n\ndef extract_all(sentences, docs, published):  # edited rule\n    return [], []\n")
    assert _events(_build(project, content, tmp_path / "second", cache)) == []
