"""A build killed at any moment leaves a working project: no process left behind, no lock held, no torn record."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

from conftest import ROOT, build
from newsreader.build.cache import Cache, key
from newsreader.build.publish import Publisher
from test_cache_damage import copied_cache, warm  # noqa: F401 - the fixture
from test_page_cache import different

# A build as far as the render helper: the output folder locked, a helper forked whose work leaves bookkeeping
# larger than a pipe holds (so that its send waits for the build to read it), then the build waits.
BUILD = textwrap.dedent("""
    import os, sys, time
    sys.path.insert(0, os.path.join({root!r}, "plugins"))
    from newsreader.build import render_helper
    from newsreader import site
    from newsreader.build.publish import Publisher
    from newsreader.build.page_cache import CachingWriter
    site.guard_forks()
    publisher = Publisher({out!r}, {cache!r})
    publisher.lock()
    writer = CachingWriter({staging!r}, settings={{"NEWSREADER_CACHE_PATH": None, "NEWSREADER_PROCESSES": 2}})
    def work():
        for n in range(20000):
            writer._written_files.add(f"{staging}/entity/some-entity-{{n:06d}}/index.html")
        open({ready!r}, "w").close()
        time.sleep(2)
    render_helper.Helper(writer, work)
    time.sleep(600)
""")


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rpartition(")")[2].split()[0] not in {"Z", "X"}
    except FileNotFoundError:
        return False


def test_killing_only_the_build_mid_render_leaves_no_helper_and_no_lock(warm, tmp_path):
    corpus, _, reference = warm
    cache = copied_cache(warm, tmp_path)
    out, ready = tmp_path / "out", tmp_path / "ready"
    script = BUILD.format(root=str(ROOT), out=str(out), cache=str(cache), staging=str(tmp_path / "staging"),
                          ready=str(ready))
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    helpers: list[int] = []
    try:
        deadline = time.time() + 60
        while not ready.exists():
            assert parent.poll() is None, parent.stderr.read().decode()
            assert time.time() < deadline, "the helper never started"
            time.sleep(0.05)
        with open(f"/proc/{parent.pid}/task/{parent.pid}/children", encoding="ascii") as children:
            helpers = [int(pid) for pid in children.read().split()]
        assert helpers
        parent.send_signal(signal.SIGKILL)  # what the OOM killer does: the build only, mid-render
        parent.wait()
        deadline = time.time() + 60
        while any(alive(pid) for pid in helpers) and time.time() < deadline:
            time.sleep(0.2)
        assert not any(alive(pid) for pid in helpers), "the render helper outlived the build"
        start = time.time()
        result = build(corpus, out, cache=cache)  # not "another build is running"
        assert time.time() - start < 60
        assert different(reference, out) == [], result.stdout
    finally:
        for pid in helpers:  # left alive by a failure above
            if alive(pid):
                os.kill(pid, signal.SIGKILL)


def test_a_locked_output_folder_names_the_process_holding_it(tmp_path):
    holder = Publisher(tmp_path / "out", tmp_path / "cache")
    holder.lock()
    try:
        script = (f"import sys; sys.path.insert(0, {str(ROOT / 'plugins')!r})\n"
                  "from newsreader.build.publish import Publisher\n"
                  f"Publisher({str(tmp_path / 'out')!r}, None).lock()\n")
        result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
        assert result.returncode != 0
        assert "another build is running" in result.stderr and f"process {os.getpid()} holds it" in result.stderr
    finally:
        holder.unlock()


def test_a_torn_manifest_then_a_deleted_article_leaves_nothing_of_it_published(warm, tmp_path):
    corpus, _, _ = warm
    cache = copied_cache(warm, tmp_path)
    site = tmp_path / "corpus"
    subprocess.run(["cp", "-r", str(corpus), str(site)], check=True)
    out = tmp_path / "out"
    build(site, out, cache=cache)
    # The manifest as a crash while writing it in place left it: cut short (its header no longer agrees).
    manifest = Cache(cache / "output").path_of(key("output folder", os.path.realpath(out)))
    assert manifest.is_file()
    os.truncate(manifest, manifest.stat().st_size // 2)
    gone = sorted((site / "news").glob("*.txt"))[-1]
    gone.unlink()
    build(site, out, cache=cache)
    reference = tmp_path / "reference"
    build(site, reference, cache=tmp_path / "fresh-cache")
    assert different(reference, out) == []
    # and again, with the manifest gone altogether (a cache restored without it)
    gone = sorted((site / "news").glob("*.txt"))[-1]
    gone.unlink()
    manifest.unlink()
    build(site, out, cache=cache)
    reference = tmp_path / "reference-2"
    build(site, reference, cache=tmp_path / "fresh-cache")
    assert different(reference, out) == []
