"""Entity pages rendered in two processes: the same bytes as one process, and a failed helper costs nothing."""

from __future__ import annotations

import pytest

import logging
import os
import re

from conftest import build, make_fixture_corpus
from newsreader.build import render_helper
from newsreader.build.page_cache import CachingWriter
from test_page_cache import cache_report, different

SETTINGS = {"RELATIVE_URLS": False, "NEWSREADER_CACHE_PATH": None, "NEWSREADER_PROCESSES": 2,
            "NEWSREADER_PARALLEL_FROM": 1}


@pytest.mark.slow
def test_pages_rendered_in_two_processes_are_the_bytes_one_process_renders(tmp_path):
    corpus = make_fixture_corpus(tmp_path / "corpus")
    one = build(corpus, tmp_path / "one", cache=tmp_path / "cache-one", args=("-v",), NEWSREADER_PROCESSES="1")
    two = build(corpus, tmp_path / "two", cache=tmp_path / "cache-two", args=("-v", "-e", "NEWSREADER_PARALLEL_FROM=1"),
                NEWSREADER_PROCESSES="2")
    assert "in two processes" in two.stdout + two.stderr
    assert "in two processes" not in one.stdout + one.stderr
    # The second process starts when Pelican starts on the article pages, not after them.
    log = two.stdout + two.stderr
    assert re.search(r'Writing "[^"]*/news/', log[:log.index("in two processes")]) is None
    assert re.search(r'Writing "[^"]*/news/', log[log.index("in two processes"):])
    assert different(tmp_path / "one", tmp_path / "two") == []
    # The helper's pages are counted, stored in the cache and known to the output folder's manifest.
    assert cache_report(two) == cache_report(one)
    again = build(corpus, tmp_path / "two", cache=tmp_path / "cache-two", args=("-v",), NEWSREADER_PROCESSES="2")
    assert again.report["output"]["written"] == 0
    assert cache_report(again) == (cache_report(one)[1], 0)


def writer(tmp_path) -> CachingWriter:
    return CachingWriter(str(tmp_path), settings=dict(SETTINGS))


def test_the_helpers_bookkeeping_comes_back_to_the_build(tmp_path):
    build_writer = writer(tmp_path)
    parent = os.getpid()

    def work():
        assert os.getpid() != parent  # runs in the helper
        path = os.path.join(str(tmp_path), "page", "index.html")
        os.makedirs(os.path.dirname(path))
        with open(path, "w", encoding="utf-8") as file:
            file.write("made by the helper")
        build_writer._written_files.add(path)
        build_writer.stats["rendered"] += 1

    render_helper.Helper(build_writer, work).join()
    assert (tmp_path / "page" / "index.html").read_text(encoding="utf-8") == "made by the helper"
    assert build_writer._written_files == {str(tmp_path / "page" / "index.html")}
    assert build_writer.stats["rendered"] == 1


def test_a_helper_that_fails_or_dies_leaves_its_work_to_the_build(tmp_path, caplog):
    for failure in ("raise", "exit"):
        done_here = []
        parent = os.getpid()

        def work(failure=failure, done_here=done_here):
            if os.getpid() != parent:
                if failure == "raise":
                    raise RuntimeError("broken template")
                os._exit(3)  # killed, say: no result at all
            done_here.append(True)

        with caplog.at_level(logging.WARNING):
            render_helper.Helper(writer(tmp_path), work).join()
        assert done_here == [True]
    assert "broken template" in caplog.text and "no result (EOFError)" in caplog.text


def test_small_builds_and_listeners_keep_to_one_process(tmp_path):
    from pelican import signals

    build_writer = writer(tmp_path)
    assert render_helper.worth_it(build_writer, SETTINGS, 5)
    assert not render_helper.worth_it(build_writer, dict(SETTINGS, NEWSREADER_PARALLEL_FROM=200), 5)
    assert not render_helper.worth_it(build_writer, dict(SETTINGS, NEWSREADER_PROCESSES=1), 5)

    def listener(*args, **kwargs):
        pass

    signals.content_written.connect(listener)
    try:
        assert not render_helper.worth_it(build_writer, SETTINGS, 5)
    finally:
        signals.content_written.disconnect(listener)


def test_a_helper_forked_while_the_console_is_locked_can_still_log(tmp_path):
    """Pelican's status line is redrawn by a thread holding the console's lock; a fork at that moment must not
    leave the helper unable to log (it would hang, and the build with it)."""
    import threading

    from newsreader import site
    from rich.console import Console
    from rich.logging import RichHandler

    site.guard_forks()
    console = Console(file=open(os.devnull, "w"))  # noqa: SIM115 - closed below
    handler = RichHandler(console=console)
    log = logging.getLogger("newsreader.test_fork")
    log.addHandler(handler)
    held, release = threading.Event(), threading.Event()

    def status_line():  # what rich's refresh thread does, for as long as we say
        with console._lock:
            held.set()
            release.wait()

    thread = threading.Thread(target=status_line)
    thread.start()
    held.wait()
    try:
        helper = render_helper.Helper(writer(tmp_path), lambda: log.warning("rendered"))
        helper.process.join(timeout=30)
        hung = helper.process.is_alive()
        if hung:
            helper.process.kill()
        assert not hung, "the helper hung on the console's lock"
        helper.join()
    finally:
        release.set()
        thread.join()
        log.removeHandler(handler)
        console.file.close()


def test_the_work_queue_renders_each_chunk_once_and_redoes_what_a_failed_helper_took(tmp_path):
    log = tmp_path / "rendered"

    def render(chunk):
        with open(log, "a", encoding="utf-8") as file:  # appends from both processes, one line per item
            file.write("".join(f"{os.getpid()} {item}\n" for item in chunk))

    def rendered() -> list[tuple[int, int]]:
        return [tuple(map(int, line.split())) for line in log.read_text(encoding="utf-8").splitlines()]

    queue = render_helper.WorkQueue(list(range(100)), render, size=7)
    helper = render_helper.Helper(writer(tmp_path), queue.drain, fallback=queue.others)
    queue.drain()
    helper.join()
    assert sorted(item for _, item in rendered()) == list(range(100))

    log.unlink()
    parent = os.getpid()
    queue = render_helper.WorkQueue(list(range(100)), render, size=7)

    def take_two_then_fail():
        queue.take(), render(queue.take())  # one chunk taken and lost, one rendered: then the helper fails
        raise RuntimeError("out of memory")

    helper = render_helper.Helper(writer(tmp_path), take_two_then_fail, fallback=queue.others)
    helper.process.join()  # it has taken its two chunks before this process takes any
    queue.drain()
    helper.join()
    by_parent = sorted(item for pid, item in rendered() if pid == parent)
    assert by_parent == list(range(100))  # everything, the helper's chunks again
    assert len(rendered()) == 107  # and nothing twice but the chunk the helper did render
