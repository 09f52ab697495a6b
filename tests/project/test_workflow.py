"""The GitHub Pages workflow runs the README's build command, with the last deploy's cache restored."""

from __future__ import annotations

import re

import yaml
from conftest import ROOT


def test_the_pages_workflow_restores_the_cache_before_the_readmes_build_command():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    build_line = r"^python3 -m venv \.venv && .*python3 -m pip install -r requirements\.txt && invoke build$"
    command = re.search(build_line, readme, re.M)[0]
    build = next(n for n, step in enumerate(steps) if step.get("run") == command)
    cache = next(n for n, step in enumerate(steps) if str(step.get("uses", "")).startswith("actions/cache@"))
    assert cache < build
    assert steps[cache]["with"]["path"] == ".cache/newsreader"
    # A key per commit saves each deploy's cache; the prefix restores the latest one.
    assert steps[cache]["with"]["restore-keys"].strip() and steps[cache]["with"]["key"].startswith(
        steps[cache]["with"]["restore-keys"].strip())
    # Entries are authenticated with the repository secret: without it, a restored cache is all misses.
    assert steps[build]["env"]["NEWSREADER_CACHE_SECRET"] == "${{ secrets.NEWSREADER_CACHE_SECRET }}"
