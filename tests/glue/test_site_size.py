"""The site's size against GitHub Pages' limits: reported by every build, refused by gh-pages and the workflow."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import yaml
from conftest import ROOT
from invoke import MockContext, Result
from newsreader import site_size

sys.path.insert(0, str(ROOT))
import tasks  # noqa: E402  (the project's tasks.py)


def _file(path, size):
    """A file of ``size`` bytes that takes no disk space (sparse): sizes count the bytes a host would serve."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as f:
        f.truncate(size)


def _site(tmp_path, big=0):
    out = tmp_path / "output"
    _file(out / "index.html", 1_000)
    for n in range(3):
        _file(out / "news" / f"a{n}" / "index.html", 2_000)
    _file(out / "entity" / "x" / "index.html", 500)
    _file(out / "data" / "timeline.json", 4_000 + big)
    (out / "search").mkdir()
    return out


def test_bytes_and_files_are_counted_by_top_level_folder(tmp_path):
    size = site_size.measure(_site(tmp_path))
    assert (size.bytes, size.files) == (11_500, 6)
    assert size.largest() == [("news/", 6_000, 3), ("data/", 4_000, 1), ("(top level)", 1_000, 1)]
    line = site_size.summary(size)
    assert line.startswith("Site size: 11.5 kB in 6 files") and "news/ 6.0 kB in 3 files" in line
    assert site_size.warnings(size) == [] and site_size.refusal(size) is None


def test_an_output_that_is_a_link_is_measured_through_it_and_links_inside_are_not_followed(tmp_path):
    target = _site(tmp_path)
    (target / "elsewhere").symlink_to(tmp_path)  # would count the site twice if followed
    link = tmp_path / "link"
    link.symlink_to(target)
    assert site_size.measure(link).bytes == 11_500
    assert site_size.measure(tmp_path / "missing").files == 0


def test_past_80_percent_of_either_limit_a_warning_names_the_limit(tmp_path, monkeypatch):
    size = site_size.measure(_site(tmp_path, big=850_000_000))
    (warning,) = site_size.warnings(size)
    assert "85%" in warning and "1 GB" in warning and "GitHub Pages" in warning
    assert site_size.refusal(size) is None  # a warning, not yet a refusal
    monkeypatch.setattr(site_size, "FILES", 7)  # 6 files > 80 % of 7
    assert any("6 files" in w and "86%" in w for w in site_size.warnings(size))


def test_a_site_over_1_gb_is_refused_with_its_largest_folders(tmp_path):
    refused = site_size.refusal(site_size.measure(_site(tmp_path, big=1_100_000_000)))
    assert refused and "1.1 GB" in refused and "over the 1 GB" in refused and "data/" in refused


def test_a_build_reports_the_size_of_what_it_published(fixture_site):
    out, result = fixture_site
    on_disk = site_size.summary(site_size.measure(out))  # the walk, for comparison
    assert on_disk.startswith("Site size: ") and on_disk in " ".join((result.stdout + result.stderr).split())


def test_the_tally_counts_relative_paths_by_top_level_folder():
    size = site_size.tally([("index.html", 10), ("news/a/index.html", 5), ("news/b/index.html", 7)])
    assert (size.bytes, size.files, size.folders) == (22, 3, {"(top level)": [10, 1], "news/": [12, 2]})


def _gh_pages(tmp_path, monkeypatch, big):
    monkeypatch.setattr(tasks, "OUTPUT", _site(tmp_path, big=big))
    monkeypatch.setattr(tasks, "clean", lambda c: None)
    monkeypatch.setattr(tasks, "build", lambda c, siteurl=None: None)
    c = MockContext(run=Result(), repeat=True)
    tasks.gh_pages(c, siteurl="https://user.github.io/repo")
    return c


def test_gh_pages_refuses_a_site_over_1_gb_and_pushes_nothing(tmp_path, monkeypatch):
    with pytest.raises(SystemExit) as stopped:
        _gh_pages(tmp_path, monkeypatch, big=1_100_000_000)
    assert "gh-pages: the site is 1.1 GB" in str(stopped.value.code)


def test_gh_pages_pushes_a_site_within_the_limit(tmp_path, monkeypatch):
    c = _gh_pages(tmp_path, monkeypatch, big=0)
    assert "ghp_import" in c.run.call_args.args[0]


def test_site_size_check_fails_over_1_gb_and_the_pages_workflow_runs_it_before_uploading(tmp_path):
    out = _site(tmp_path, big=1_100_000_000)
    env = dict(os.environ, NEWSREADER_OUTPUT=str(out))
    command = [sys.executable, "-m", "invoke", "site-size", "--check"]
    refused = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert refused.returncode == 1 and "over the 1 GB" in refused.stderr
    _file(out / "data" / "timeline.json", 10)
    assert subprocess.run(command, cwd=ROOT, env=env, capture_output=True, timeout=120).returncode == 0
    steps = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text())["jobs"]["build"]["steps"]
    runs = [str(step.get("run", "")) + str(step.get("uses", "")) for step in steps]
    check = next(n for n, run in enumerate(runs) if "invoke site-size --check" in run)
    assert next(n for n, run in enumerate(runs) if "invoke build" in run) < check
    assert check < next(n for n, run in enumerate(runs) if "upload-pages-artifact" in run)
