"""The output folder: a failed build leaves the last good site, a no-op build writes nothing, one build at a time."""

from __future__ import annotations

import fcntl
import gc
import json
import os
import shutil
import subprocess
import sys
import time
from types import SimpleNamespace
from xml.etree import ElementTree

import pytest
from conftest import ROOT, SEED_DIR, build
from markupsafe import Markup
from newsreader.build import output_folder
from newsreader.entity_pages import EntityGenerator
from newsreader.build import publish as publish_module
from newsreader.build.publish import Publisher, clean
from test_page_cache import different

import synthetic

FAILING_PLUGIN = '''
from pelican import signals
from pelican.generators import Generator


class Failing(Generator):
    def generate_output(self, writer):
        raise RuntimeError("injected failure for a test")


def generators(pelican):
    return Failing


def register():
    signals.get_generators.connect(generators)
'''


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("output-corpus")
    news = folder / "news"
    news.mkdir()
    for seed in SEED_DIR.glob("*.txt"):
        shutil.copyfile(seed, news / seed.name)
    synthetic.write_raw(news, 6)
    return folder


def copy_corpus(corpus, tmp_path):
    shutil.copytree(corpus, tmp_path / "corpus")
    return tmp_path / "corpus"


def snapshot(folder):
    """Every file with its bytes, modification time and inode."""
    return {str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_ino)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def run(corpus, out, cache, *args):
    env = dict(os.environ, NEWSREADER_CONTENT=str(corpus), NEWSREADER_OUTPUT=str(out), NEWSREADER_CACHE=str(cache),
               SITEURL="", COLUMNS="1000")
    env.pop("PYTHONPATH", None)
    return subprocess.Popen([sys.executable, "-m", "pelican", "-s", "pelican.conf.py", *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def leftovers(*folders) -> list[str]:
    return [str(p) for f in folders for p in f.rglob("*") if p.name.endswith(".tmp") or ".newsreader-staging" in p.parts]


@pytest.mark.slow
def test_a_rebuild_where_nothing_changed_writes_nothing(corpus, tmp_path):
    out, cache = tmp_path / "out", tmp_path / "cache"
    first = build(corpus, out, cache=cache).report
    files = [p for p in out.rglob("*") if p.is_file()]
    # The build's report (NEWSREADER_REPORT) tells what it did: every file written once, the site's size.
    assert first["output"]["written"] == first["site"]["files"] == len(files) and first["output"]["unchanged"] == 0
    assert first["site"]["bytes"] == sum(p.stat().st_size for p in files)
    before = snapshot(out)
    result = build(corpus, out, cache=cache)
    assert snapshot(out) == before
    assert result.report["output"]["written"] == 0 and result.report["output"]["unchanged"] == len(files)
    assert result.report["page_cache"]["rendered"] == 0


@pytest.mark.slow
def test_a_failed_build_leaves_the_last_good_site(corpus, tmp_path):
    corpus = copy_corpus(corpus, tmp_path)
    out, cache = tmp_path / "out", tmp_path / "cache"
    build(corpus, out, cache=cache)
    before = snapshot(out)
    articles = len(list((out / "news").glob("*/index.html")))
    # An edit that would change pages, then a build that fails after rendering them (in a generator's output step).
    synthetic.write_raw(corpus / "news", 8)
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / "failing_plugin.py").write_text(FAILING_PLUGIN, encoding="utf-8")
    failing = run(corpus, out, cache, "-e", f'PLUGIN_PATHS=["{ROOT / "plugins"}", "{plugins}"]',
                  'PLUGINS=["newsreader", "failing_plugin"]')
    log = failing.communicate(timeout=600)[0]
    assert failing.returncode != 0 and "injected failure for a test" in log, log
    assert snapshot(out) == before  # DELETE_OUTPUT_DIRECTORY is on: Pelican alone would have emptied it
    assert leftovers(out, cache) == []
    # The next good build publishes the edit.
    build(corpus, out, cache=cache)
    assert len(list((out / "news").glob("*/index.html"))) == articles + 2


@pytest.mark.slow
def test_stale_files_go_only_after_a_successful_build(corpus, tmp_path):
    corpus = copy_corpus(corpus, tmp_path)
    out, cache = tmp_path / "out", tmp_path / "cache"
    build(corpus, out, cache=cache)
    pages = {p.parent.name for p in (out / "news").glob("*/index.html")}
    (out / ".git").mkdir()
    (out / ".git" / "HEAD").write_text("kept: OUTPUT_RETENTION\n", encoding="utf-8")
    (out / "stray.html").write_text("not from this build\n", encoding="utf-8")
    removed = sorted((corpus / "news").glob("synthetic_*.txt"))[-1]
    removed.unlink()
    build(corpus, out, cache=cache)
    left = {p.parent.name for p in (out / "news").glob("*/index.html")}
    assert len(left) == len(pages) - 1 and left < pages
    assert (out / ".git" / "HEAD").is_file() and not (out / "stray.html").exists()
    build(corpus, tmp_path / "fresh", cache=tmp_path / "fresh-cache")
    assert different(tmp_path / "fresh", out) == [".git/HEAD"]


@pytest.mark.slow
def test_a_symlinked_output_keeps_the_files_of_its_target(corpus, tmp_path):
    corpus = copy_corpus(corpus, tmp_path)
    target, out, cache = tmp_path / "www", tmp_path / "out", tmp_path / "cache"
    (target / "own").mkdir(parents=True)
    (target / "own" / "page.html").write_text("the target's own file\n", encoding="utf-8")
    (target / "notes.txt").write_text("mine\n", encoding="utf-8")
    out.symlink_to(target)
    build(corpus, out, cache=cache)
    assert (target / "index.html").is_file()
    sorted((corpus / "news").glob("synthetic_*.txt"))[-1].unlink()
    build(corpus, out, cache=cache)
    build(corpus, tmp_path / "fresh", cache=tmp_path / "fresh-cache")
    assert different(tmp_path / "fresh", out) == ["notes.txt", "own/page.html"]
    assert out.is_symlink()
    # invoke clean: only what builds wrote goes.
    clean(out, cache)
    assert out.is_symlink() and sorted(str(p.relative_to(target)) for p in target.rglob("*") if p.is_file()) == [
        "notes.txt", "own/page.html"]


@pytest.mark.slow
def test_two_builds_at_once_the_second_says_so(corpus, tmp_path):
    out, cache = tmp_path / "out", tmp_path / "cache"
    # Held by someone else (here: this test), the output folder is refused.
    out.mkdir()
    fd = os.open(out, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        held = run(corpus, out, cache)
        log = held.communicate(timeout=600)[0]
        assert held.returncode != 0 and "another build is running" in log, log
    finally:
        os.close(fd)
    # Two real builds: the second starts while the first holds the folder (its staging folder exists).
    first = run(corpus, out, cache)
    deadline = time.time() + 300
    while not list((cache / "staging").glob("*")) and time.time() < deadline and first.poll() is None:
        time.sleep(0.05)
    second = run(corpus, out, cache)
    second_log = second.communicate(timeout=600)[0]
    first_log = first.communicate(timeout=600)[0]
    assert first.returncode == 0, first_log
    assert second.returncode != 0 and "another build is running" in second_log, second_log
    assert leftovers(out, cache) == []
    build(corpus, tmp_path / "fresh", cache=tmp_path / "fresh-cache")
    assert different(tmp_path / "fresh", out) == []


ATOM = "{http://www.w3.org/2005/Atom}"


def test_entities_get_a_feed_once_enough_articles_name_them(corpus, tmp_path):
    """NEWSREADER_ENTITY_FEED_MIN_ARTICLES (10 since issue 25: a feed per entity named in a few articles made a
    quarter of a 10,000-article archive's files; set to 5 here, for this small corpus); each feed lists the newest
    NEWSREADER_ENTITY_FEED_MAX_ITEMS (10)."""
    out = tmp_path / "out"
    build(corpus, out, cache=tmp_path / "cache", args=("-e", "NEWSREADER_ENTITY_FEED_MIN_ARTICLES=5"))
    feeds = {p.parent.name for p in (out / "entity").glob("*/feed.atom.xml")}
    pages = {p.parent.name for p in (out / "entity").glob("*/index.html")}
    assert "james-dehart" in pages and "james-dehart" not in feeds  # the seed article's negotiator, named once
    entities = json.loads((out / "data" / "entities.json").read_text(encoding="utf-8"))
    shared = {e["id"] for e in entities if e["url"] and len(e["articles"]) >= 5}
    assert shared and feeds == shared
    for eid in pages:
        page = (out / "entity" / eid / "index.html").read_text(encoding="utf-8")
        assert (f'href="/entity/{eid}/feed.atom.xml"' in page) == (eid in shared)
    # Each entry: the article's title, link and summary; its text is in the site's own feed, not repeated here.
    by_id = {e["id"]: e for e in entities}
    site_feed = ElementTree.parse(out / "feeds" / "all.atom.xml").getroot()
    assert site_feed.findall(f"{ATOM}entry/{ATOM}content")  # full text there
    for eid in shared:
        feed = ElementTree.parse(out / "entity" / eid / "feed.atom.xml").getroot()
        assert feed.findtext(f"{ATOM}title") == f"Annotated News Reader - {by_id[eid]['name']}"
        entries = feed.findall(f"{ATOM}entry")
        assert len(entries) == min(10, len(by_id[eid]["articles"]))
        for entry in entries:
            assert entry.find(f"{ATOM}content") is None and entry.findtext(f"{ATOM}summary")
            assert entry.find(f"{ATOM}link").get("href").startswith("/news/")


def test_an_entity_feed_title_is_the_name_as_written():
    """Pelican reads a feed title as HTML (it strips tags): the name is escaped, so it comes through whole."""
    name = 'AT&T <b> "Labs"'
    assert Markup("Site - " + EntityGenerator.feed_title({"name": name})).striptags() == f"Site - {name}"


def publish(out, cache, files: dict[str, bytes]) -> dict[str, int]:
    """One build's files published with the publisher alone (no Pelican)."""
    publisher = Publisher(out, cache, delete_unknown=True)
    publisher.lock()
    staging = publisher.stage()
    for rel, data in files.items():
        (staging / rel).parent.mkdir(parents=True, exist_ok=True)
        (staging / rel).write_bytes(data)
    return publisher.commit()


def counting(monkeypatch, name, out):
    """Calls of ``os.<name>`` made by the publisher on a path in the output folder ``out`` (that path)."""
    calls = []
    real = getattr(publish_module.os, name)

    def counted(*args, **kwargs):
        paths = [os.fspath(a) for a in args if isinstance(a, (str, os.PathLike))]
        inside = [p for p in paths if p == str(out) or p.startswith(os.path.join(str(out), ""))]
        if inside:
            calls.append(os.path.relpath(inside[0], out))
        return real(*args, **kwargs)

    monkeypatch.setattr(publish_module.os, name, counted)
    return calls


SITE = {"index.html": b"home", "entity/a/index.html": b"a", "entity/b/index.html": b"b", "news/x/index.html": b"x"}


def test_unknown_files_are_found_by_folder_records_without_listing_unchanged_folders(tmp_path, monkeypatch):
    out, cache = tmp_path / "out", tmp_path / "cache"
    publish(out, cache, SITE)
    listed = counting(monkeypatch, "scandir", out)
    assert publish(out, cache, SITE) == {"written": 0, "unchanged": 4, "removed": 0}
    assert listed == []  # nothing changed: no folder is listed
    # A file added in a deep folder, and one at the top: only their folders are listed, and both go.
    (out / "entity" / "b" / "stray.html").write_bytes(b"not from a build")
    (out / "stray.txt").write_bytes(b"not from a build")
    listed.clear()
    assert publish(out, cache, SITE)["removed"] == 2
    assert sorted(listed) == [".", "entity/b"]
    assert not (out / "entity" / "b" / "stray.html").exists() and not (out / "stray.txt").exists()
    # A folder renamed by hand is found too (its parent changed), and a content check lists every folder.
    (out / "entity" / "b").rename(out / "entity" / "c")
    assert publish(out, cache, SITE) == {"written": 1, "unchanged": 3, "removed": 1}
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()) == sorted(SITE)


def test_a_folder_the_output_lacks_is_moved_in_whole(tmp_path, monkeypatch):
    out, cache = tmp_path / "out", tmp_path / "cache"
    publish(out, cache, {"index.html": b"home"})
    replaced = counting(monkeypatch, "replace", out)
    renamed = counting(monkeypatch, "rename", out)
    assert publish(out, cache, SITE)["written"] == 3
    assert replaced == [] and sorted(renamed) == ["entity", "news"]  # two renames, not a replace per file
    assert not list((cache / "staging").rglob("*.html"))
    monkeypatch.undo()
    assert publish(out, cache, SITE) == {"written": 0, "unchanged": 4, "removed": 0}  # recorded in the manifest


def test_a_build_collects_garbage_less_often_and_restores_the_thresholds(tmp_path):
    gc.unfreeze()
    settings = {"OUTPUT_PATH": str(tmp_path / "out"), "PATH": str(tmp_path), "NEWSREADER_CACHE_PATH": str(tmp_path / "c"),
                "DELETE_OUTPUT_DIRECTORY": True, "NEWSREADER_PAGE_CACHE_DAYS": 14, "NEWSREADER_ANNOTATION_CACHE_DAYS": 90}
    pelican = SimpleNamespace(settings=settings, output_path=settings["OUTPUT_PATH"], delete_outputdir=True)
    before = gc.get_threshold()
    output_folder.start(pelican)
    try:
        assert gc.get_threshold() == output_folder.BUILD_GC_THRESHOLD != before
    finally:
        output_folder.finish(pelican)
    try:
        assert gc.get_threshold() == before
        assert gc.get_freeze_count() > 0  # the exit's full collection skips the build's objects
    finally:
        gc.unfreeze()  # this test process goes on


def test_changed_pages_are_published_after_the_new_files_they_may_link_to(tmp_path, monkeypatch):
    """A build killed while it publishes leaves no page linking to one not yet there: new files go first, pages
    that replace pages after them, stale files last."""
    out, cache = tmp_path / "out", tmp_path / "cache"
    publish(out, cache, {"index.html": b"old home", "a/index.html": b"a", "gone/index.html": b"gone", "z.json": b"1"})
    order = []
    for name in ("replace", "rename", "unlink"):
        real = getattr(publish_module.os, name)

        def recorded(*args, _real=real, _name=name, **kwargs):
            target = os.fspath(args[-1] if _name != "unlink" else args[0])
            if target.startswith(os.path.join(str(out), "")):
                order.append((_name, os.path.relpath(target, out)))
            return _real(*args, **kwargs)

        monkeypatch.setattr(publish_module.os, name, recorded)
    publish(out, cache, {"index.html": b"new home, links to b and c", "a/index.html": b"a changed",
                         "b/index.html": b"b", "c.html": b"c", "z.json": b"2"})
    moved = [rel for how, rel in order if how in {"replace", "rename"}]
    assert set(moved) == {"index.html", "a/index.html", "b", "c.html", "z.json"}
    assert max(moved.index("b"), moved.index("c.html"), moved.index("z.json")) < min(
        moved.index("index.html"), moved.index("a/index.html"))
    assert order[-1] == ("unlink", "gone/index.html")
