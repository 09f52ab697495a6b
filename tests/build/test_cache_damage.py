"""A damaged cache costs at most a warning: every build gives what a build from scratch gives.

Each test damages a copy of one warm cache (entries truncated, edited, of the
wrong shape, an output file edited by hand, a cache that cannot be written)
and builds again; the output must equal, byte for byte, a build with a fresh cache.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from conftest import IN_CI, ROOT, SEED_DIR, build
from newsreader.build.cache import Cache
from newsreader.build.page_packs import PackedCache
from test_page_cache import cache_report, different

import synthetic


@pytest.fixture(scope="module")
def warm(tmp_path_factory):
    return warm_site(tmp_path_factory.mktemp("damage"), 6)


def warm_site(root, synthetic_articles: int, corrections: str | None = None):
    """A small corpus, its warm cache and its output built with that cache from scratch (the reference)."""
    news = root / "corpus" / "news"
    news.mkdir(parents=True)
    for seed in SEED_DIR.glob("*.txt"):
        shutil.copyfile(seed, news / seed.name)
    synthetic.write_raw(news, synthetic_articles)
    if corrections is not None:
        (root / "corpus" / "annotations.yml").write_text(corrections, encoding="utf-8")
    build(root / "corpus", root / "reference", cache=root / "cache")
    return root / "corpus", root / "cache", root / "reference"


def copied_cache(warm, tmp_path):
    cache = tmp_path / "cache"
    shutil.copytree(warm[1], cache)
    return cache


def entries(folder, pattern):
    found = sorted(folder.glob(pattern))
    assert found, f"no cache entries {pattern} in {folder}"
    return found


def test_truncated_and_edited_entries_are_misses_and_are_made_again(warm, tmp_path):
    corpus, _, reference = warm
    cache = copied_cache(warm, tmp_path)
    # Rendered pages are kept in packs: every other entry edited in place, and the pack cut short halfway.
    for pack in entries(cache / "pages" / "packs", "*.pack"):
        index = PackedCache(cache / "pages").index_of(pack)
        with pack.open("r+b") as f:
            for n, (offset, length, _) in enumerate(sorted(index.values())):
                if n % 2:
                    f.seek(offset + length // 2)
                    f.write(b"#")
        os.truncate(pack, pack.stat().st_size // 2)
    pages = entries(cache, "*/search-*.json") + entries(cache, "*/*[0-9a-f].json")
    for n, path in enumerate(pages):
        if n % 2:
            os.truncate(path, path.stat().st_size // 2)  # a page, data file, search index or annotation cut short
        else:
            with path.open("ab") as f:  # or edited in place
                f.write(b"<!-- edited -->")
    reused, rendered = cache_report(build(corpus, tmp_path / "out", cache=cache, args=("-v",)))
    assert rendered > 0
    assert different(reference, tmp_path / "out") == []
    # The damaged entries were replaced: the next build reuses them all, and gives the same output.
    reused, rendered = cache_report(build(corpus, tmp_path / "again", cache=cache, args=("-v",)))
    assert rendered == 0 and reused > 0
    assert different(reference, tmp_path / "again") == []


def test_a_hand_edit_in_the_output_never_reaches_the_cache_and_is_undone(warm, tmp_path):
    corpus, _, reference = warm
    cache = copied_cache(warm, tmp_path)
    out = tmp_path / "out"
    build(corpus, out, cache=cache)
    article = next((out / "news").glob("*/index.html"))
    edited = [out / "index.html", article, out / "data" / "entities.json", out / "search" / "manifest.json"]
    for path in edited:
        with path.open("ab") as f:
            f.write(b"<!-- edited by hand -->")
    # Another output folder built from the same cache gets the cached bytes, not the edit.
    build(corpus, tmp_path / "other", cache=cache)
    assert different(reference, tmp_path / "other") == []
    # The edited folder itself is put right by the next build.
    build(corpus, out, cache=cache)
    assert different(reference, out) == []


def test_cache_entries_of_the_wrong_shape_are_misses(warm, tmp_path):
    corpus, _, reference = warm
    cache = copied_cache(warm, tmp_path)
    store = Cache(cache)
    annotations = [p for p in entries(cache, "*/*.json") if not p.name.startswith("search-")]
    shapes = [{"entities": 5}, [], {"entities": [{"name": 5}], "events": [], "quotes": [], "figures": [], "comparisons": []}]
    for n, path in enumerate(annotations):
        store.put(path.stem, shapes[n % len(shapes)])  # a valid header: only the shape is wrong
    lists = Cache(cache / "pages")
    list_entries = entries(cache / "pages", "*/*.json")
    wrong = [{"index.html": 1}, ["../../outside.html"], [5], "index.html", []]
    for n, path in enumerate(list_entries):
        lists.put_text(path.stem, json.dumps(wrong[n % len(wrong)]))
    result = build(corpus, tmp_path / "out", cache=cache)
    assert different(reference, tmp_path / "out") == []
    assert not (tmp_path / "outside.html").exists()
    assert "Traceback" not in result.stdout + result.stderr


def pelican(corpus, out, cache, prefix=()):
    env = dict(os.environ, NEWSREADER_CONTENT=str(corpus), NEWSREADER_OUTPUT=str(out), NEWSREADER_CACHE=str(cache),
               SITEURL="", COLUMNS="1000")
    env.pop("PYTHONPATH", None)
    return subprocess.run([*prefix, sys.executable, "-m", "pelican", "-s", "pelican.conf.py"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)


def warnings_about_the_cache(result) -> int:
    return (result.stdout + result.stderr).count("cannot be written")


def test_a_cache_folder_that_cannot_be_made_costs_one_warning(warm, tmp_path):
    corpus, _, reference = warm
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = pelican(corpus, tmp_path / "out", blocker / "cache")
    assert result.returncode == 0, result.stdout + result.stderr
    assert warnings_about_the_cache(result) == 1, result.stdout + result.stderr
    assert different(reference, tmp_path / "out") == []


def mounted(script: str):
    """Run the build in a private mount namespace after ``script`` (root only; CI runs as root)."""
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True) if shutil.which("unshare") else None
    if probe is None or probe.returncode != 0:
        if IN_CI:
            pytest.fail("unshare -m is needed to mount a read-only or full cache")
        pytest.skip("unshare -m not permitted here")
    return ("unshare", "-m", "sh", "-c", script + ' && shift && exec "$@"', "sh")


def test_a_read_only_cache_costs_one_warning(warm, tmp_path):
    corpus, _, reference = warm
    cache = copied_cache(warm, tmp_path)
    prefix = mounted(f"mount --bind -o ro '{cache}' '{cache}'")
    before = sorted(p.name for p in cache.rglob("*"))
    result = pelican(corpus, tmp_path / "out", cache, (*prefix, "x"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert warnings_about_the_cache(result) == 1, result.stdout + result.stderr
    assert different(reference, tmp_path / "out") == []
    assert sorted(p.name for p in cache.rglob("*")) == before


def test_a_full_cache_disk_costs_one_warning_naming_the_path_that_could_not_be_written(warm, tmp_path):
    corpus, _, reference = warm
    cache = tmp_path / "small-cache"
    cache.mkdir()
    prefix = mounted(f"mount -t tmpfs -o size=96k tmpfs '{cache}'")
    result = pelican(corpus, tmp_path / "out", cache, (*prefix, "x"))
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    assert warnings_about_the_cache(result) == 1, log
    assert f"(No space left on device: {cache}/" in log, log
    assert different(reference, tmp_path / "out") == []
