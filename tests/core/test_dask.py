"""Annotation on a Dask cluster (``NEWSREADER_DASK``, ``core/dask_backend.py``), on a LocalCluster in this process.

Loopback only: the cluster listens on 127.0.0.1, its workers are processes of this machine, and the builds
(Pelican, in subprocesses) connect to it there. A handful of short synthetic articles: CI has 2 cores.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, build

import synthetic  # scripts/synthetic.py
from newsreader.core import dask_backend, site_timeline
from newsreader.core.entities import index as entity_index, on_dask as dask_entities
from newsreader.core.search import on_dask as dask_search
from newsreader.core.search.index import build_index, build_with_lunr_py, serialize
from newsreader.core.annotate import _annotate_batch, cache_key
from newsreader.build.cache import Cache, use_secret
from newsreader.core.text.rawformat import parse


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("dask-corpus")
    synthetic.write_raw(folder / "news", 4)
    return folder


@pytest.fixture(scope="module")
def local_site(tmp_path_factory, corpus) -> Path:
    """The corpus built with today's pool (one process), with a cache of its own."""
    out = tmp_path_factory.mktemp("dask-local-out")
    build(corpus, out, cache=tmp_path_factory.mktemp("dask-local-cache"), NEWSREADER_PROCESSES="1")
    return out


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def articles(count: int, seed: int = 3):
    """Short synthetic articles, parsed as the reader parses a file."""
    out = []
    for i in range(count):
        a = synthetic.article(i, seed)
        text = "\n".join([a["headline"], a["source"], a["published"].strftime("%d %B %Y %H:%M"), *a["paragraphs"][:3]])
        out.append(parse(text.encode(), f"synthetic_{i}.txt"))
    return out


def models_loaded() -> int:
    """On a worker: how many times this process loaded the spaCy model."""
    from newsreader.core import nlp

    return nlp.load.cache_info().misses


def same(records_a, records_b) -> bool:
    return [json.dumps(r, sort_keys=True) for r in records_a] == [json.dumps(r, sort_keys=True) for r in records_b]


def test_without_the_setting_dask_is_not_imported():
    code = ("import sys; sys.path.insert(0, 'plugins'); import newsreader, newsreader.annotation, newsreader.search; "
            "from newsreader.core import annotate; from newsreader import dask_glue; "
            "assert dask_glue.setting({}) is None and dask_glue.setting({'NEWSREADER_DASK': ' '}) is None; "
            "assert dask_glue.session({}) is None and 'newsreader.core.dask_backend' not in sys.modules; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in {'dask', 'distributed'}))")
    env = {k: v for k, v in os.environ.items() if k != "NEWSREADER_DASK"}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
    from newsreader import dask_glue  # noqa: PLC0415

    assert dask_glue.setting({"NEWSREADER_DASK": "tcp://127.0.0.1:8786"}) == "tcp://127.0.0.1:8786"


def test_a_build_on_the_cluster_is_byte_identical_to_a_local_one(cluster, corpus, local_site, tmp_path):
    from distributed import get_task_stream

    out, cache = tmp_path / "out", tmp_path / "cache"
    with get_task_stream(cluster) as stream:
        result = build(corpus, out, cache=cache, NEWSREADER_DASK=cluster.scheduler.address)
    log = result.stdout + result.stderr
    assert f"Using the Dask cluster at {cluster.scheduler.address}; dashboard: http" in log
    ran = {str(t["key"]).split("-")[0] for t in stream.data}
    assert {"newsreader", "term_stats", "weigh_range", "made", "tallied", "related", "years_of"} <= ran, \
        f"not run on the cluster: annotation, search, entity index, timeline ({ran})"
    assert tree(out) == tree(local_site)
    use_secret(str(cache))  # the session's secret (conftest), as the build used it
    for path in sorted((corpus / "news").glob("*.txt")):  # a later build anywhere finds every record in the cache
        assert Cache(str(cache)).get_checked(cache_key(parse(path.read_bytes(), str(path)))), path.name


def test_a_killed_worker_has_its_tasks_run_elsewhere_with_the_same_records(cluster):
    cluster.wait_for_workers(2, timeout=120)  # an earlier test's killed worker is back (its nanny restarts it)
    batch = articles(8)
    expected = _annotate_batch(batch)
    pids = cluster.run(os.getpid)
    with dask_backend.Annotator(cluster.scheduler.address, say=lambda line: None, batch=1) as annotator:
        records = annotator.annotated(batch)
        got = [next(records)]  # every task is submitted by now
        deadline = time.monotonic() + 60
        busy = []
        while not busy and time.monotonic() < deadline:
            busy = [w for w, keys in cluster.processing().items()
                    if w in pids and any(str(k).startswith("newsreader-annotate") for k in keys)]
        assert busy, "no worker was seen running an annotation task"
        os.kill(pids[busy[0]], signal.SIGKILL)  # mid-task: the scheduler gives its tasks to the other worker
        got += list(records)
        assert busy[0] not in cluster.scheduler_info()["workers"]
    assert same(got, expected)
    cluster.wait_for_workers(2, timeout=60)  # the nanny starts a new worker in its place


def test_the_builds_client_keeps_no_copy_of_the_tasks_it_sends(cluster):
    """Dask's client keeps the last 1,000 batches of messages it sent (each task with its function and arguments)
    for debugging only; the build's keeps none: the site-wide steps' tasks made that log grow with the archive."""
    with dask_backend.Annotator(cluster.scheduler.address, say=lambda line: None) as annotator:
        assert annotator.client.gather(annotator.client.map(len, ["ab", "cde"], pure=False)) == [2, 3]
        assert not annotator.client.scheduler_comm.recent_message_log


def test_the_search_index_on_the_cluster_has_lunr_py_weights_bit_for_bit(cluster):
    documents = []
    for i in range(2000):
        a = synthetic.article(i, seed=9)
        documents.append({"ref": str(i), "title": a["headline"], "entities": " ".join(synthetic.PEOPLE[i % 3:i % 7]),
                          "source": a["source"], "body": "\n".join(a["paragraphs"])})
    index = dask_search.build_index(cluster, documents, partition=300)  # 7 partitions, 8 ranges of terms
    assert index == build_index(documents)
    assert json.dumps(serialize(index), sort_keys=True) == json.dumps(build_with_lunr_py(documents), sort_keys=True)


def search_documents(count: int) -> tuple[list[dict], dict]:
    from newsreader.search import documents_and_store

    class Article:  # what the search reads of an article (no raw text: its HTML is used)
        def __init__(self, i):
            a = synthetic.article(i, seed=4)
            self.title, self.content = a["headline"], "<p>" + "</p><p>".join(a["paragraphs"]) + "</p>"
            self.summary, self.category, self.url, self.slug = a["paragraphs"][0], a["source"], f"news/a{i}/", f"a{i}"
            self.date, self.entities = a["published"], [
                {"id": f"p{(i * k) % 13}", "name": synthetic.PEOPLE[(i * k) % 13 % len(synthetic.PEOPLE)],
                 "type": "person", "aliases": [], "href": f"/entity/p{(i * k) % 13}/" if k % 2 else None}
                for k in range(1, 4)]

    return documents_and_store([Article(i) for i in range(count)], "")


def test_the_search_files_written_as_the_cluster_makes_them_are_the_local_ones(cluster, tmp_path):
    from newsreader.search import search_files, shown

    empty = search_documents(0)
    for (docs, store), partition, range_terms in ((search_documents(700), 150, 97), (empty, 150, 97)):
        local = search_files(docs, store)  # ranges of 97 terms cut through shards; no document at all
        out = tmp_path / str(len(docs))
        out.mkdir()
        kept = {}
        search = dask_search.Search(cluster, docs, partition=partition, range_terms=range_terms)
        folder, manifest = dask_search.write(search, out, *shown(store), kept=lambda path, text: kept.setdefault(
            path, text if isinstance(text, str) else text.read_text(encoding="utf-8")))  # a Path: written in pieces
        assert {"manifest.json": manifest, **{f"{folder}/{p}": t for p, t in kept.items()}} == local
        assert tree(out) == {path: text.encode() for path, text in local.items()}
        assert not docs or len([p for p in local if "/t" in p]) > 20  # many shards, over many ranges


def entity_articles(count: int) -> list[tuple[str, list[dict]]]:
    """Articles' entity dicts that the merge rules act on: spellings, a lone surname, an acronym defined once,
    article-local bodies, money, quotes, roles, and names of their own (made up here)."""
    def entity(name, kind, sentences, **more):
        return {"name": name, "type": kind, "aliases": [], "roles": [],
                "mentions": [{"sentence": f"s{n}", "start": 0, "end": len(name)} for n in sentences], **more}

    out = []
    for i in range(count):
        ents = [entity("Odile Varnacott", "person", [1, 2 + i % 3], roles=["minister"] if i % 4 else []),
                entity("Varnacott" if i % 3 else "Quennel Stroud", "person" if i % 5 else "organization", [3]),
                entity("Brisk Harbour Transit Board" if i % 6 == 0 else "BHTB", "organization", [2],
                       aliases=["BHTB"] if i % 6 == 0 else []),
                entity("VELLMORE" if i % 7 == 0 else "Vellmore", "place", [1] * (1 + i % 2)),
                entity(f"Teodor Plask{i % 23}", "person", [4], quoted=i % 2),
                entity(f"Ysolde Marrick{i}", "person", [3]),
                entity("the ministry", "organization", [5], local=True),
                entity(f"${i % 9} million", "money", [6])]
        if i % 10 == 3:
            ents.append(entity("Odile Varnacott", "person", [7]))  # twice in one article
        out.append((f"story-{i % (count - 3)}" if i > 2 else f"first-{i}", ents))  # a few slugs met twice
    return out


def same_index(found: dict, expected: dict) -> None:
    """``found`` (read from its file) is the index ``expected`` (a local build's dicts): records, their order and
    their keys' order; the ids (a look-up: its order is no output's)."""
    for part in ("entities", "local"):
        assert json.dumps(dict(found[part].items()), ensure_ascii=False) == json.dumps(expected[part],
                                                                                      ensure_ascii=False)
    assert dict(found["ids"].items()) == expected["ids"]
    assert list(found["entities"]) == list(expected["entities"])  # id order, as a local build's dicts
    values = found["entities"].values()
    assert list(values) == list(values) == list(expected["entities"].values())  # read again at each pass
    assert len(values) == len(expected["entities"]) and len(found["local"]) == len(expected["local"])


@pytest.mark.parametrize("rule", [{}, {"min_articles": 3, "min_mentions": 3, "min_quotes": 2}])
def test_the_entity_index_on_the_cluster_is_the_local_one(cluster, rule, tmp_path):
    articles = entity_articles(230)
    expected = entity_index.build(articles, **rule)
    found = dask_entities.build(cluster, articles, tmp_path / "index.sqlite", partition=17, buckets=5,
                                **rule)  # 14 partitions, 5 buckets of ids
    same_index(found, expected)
    assert any(rec["related"] for rec in expected["entities"].values()) and expected["local"]
    assert any(rec["url"] is None for rec in expected["entities"].values() if rec["type"] == "person") == bool(rule)


def test_a_worker_lost_with_the_partitions_it_held_has_the_step_made_again(cluster, monkeypatch, tmp_path):
    from distributed import wait

    cluster.wait_for_workers(2, timeout=120)  # an earlier test's killed worker is back (its nanny restarts it)
    articles = entity_articles(120)
    expected = entity_index.build(articles)
    pids = cluster.run(os.getpid)
    real, killed = dask_entities.ids_on, []

    def grouping_and_a_kill(submit, sent, buckets):  # the partitions are sent: every worker holds some
        if not killed:
            wait(sent)  # read there
            holders = {w for ws in cluster.who_has().values() for w in ws}
            killed.append(sorted(holders & set(pids))[0])
            os.kill(pids[killed[0]], signal.SIGKILL)
            deadline = time.monotonic() + 30
            while killed[0] in cluster.scheduler_info()["workers"] and time.monotonic() < deadline:
                time.sleep(0.1)
        return real(submit, sent, buckets)

    monkeypatch.setattr(dask_entities, "ids_on", grouping_and_a_kill)
    said = []
    with dask_backend.Annotator(cluster.scheduler.address, say=said.append) as annotator:
        found = annotator.sitewide(lambda client, workers: dask_entities.build(
            client, articles, tmp_path / "index.sqlite", partition=10, workers=workers), "The entity index")
    assert killed and any("The entity index on the Dask cluster" in line and "making it again" in line for line in said)
    same_index(found, expected)
    # Not waited for here: the nanny's new worker (once, on CI, not within 60 s); a later test that needs two
    # workers waits for them itself.


def test_the_timeline_on_the_cluster_is_the_local_one(cluster):
    events = [{"date": f"{2001 + i % 7}-{1 + i % 12:02d}" + (f"-{1 + i % 28:02d}" if i % 3 else ""),
               "precision": "day" if i % 3 else "month", "n": i} for i in range(500)]
    events += [{"date": f"{2003 + i}", "precision": "year", "n": -i} for i in range(4)]
    expected = site_timeline.timeline_years(events, month_split=30)
    found = site_timeline.timeline_years_on(cluster, events, month_split=30, partition=37)
    assert found == expected
    assert [id(e) for y in found["years"] for m in y["months"] for e in m["events"]] == \
        [id(e) for y in expected["years"] for m in y["months"] for e in m["events"]]  # the build's own event dicts
    assert any(y["month_pages"] for y in found["years"]) and any(m["month"] == 0 for y in found["years"] for m in y["months"])


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_an_unreachable_scheduler_fails_fast_and_keeps_the_last_good_site(corpus, local_site, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(local_site, out)
    before = tree(out)
    address = f"tcp://127.0.0.1:{free_port()}"  # nothing listens there
    env = dict(os.environ, NEWSREADER_CONTENT=str(corpus), NEWSREADER_OUTPUT=str(out), SITEURL="", COLUMNS="1000",
               NEWSREADER_CACHE=str(tmp_path / "cold-cache"), NEWSREADER_DASK=address)
    env.pop("PYTHONPATH", None)
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "pelican", "-s", "pelican.conf.py"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=300)
    took = time.monotonic() - started
    log = result.stdout + result.stderr
    assert result.returncode != 0, log
    assert f"cannot reach the Dask scheduler at {address} within {dask_backend.CONNECT_TIMEOUT} s" in log, log
    assert took < 25, f"the build took {took:.0f} s to give up"
    assert tree(out) == before
    assert not list(out.glob(".newsreader-staging*"))


def test_a_scheduler_that_cannot_read_the_builds_tasks_is_named(tmp_path):
    """A scheduler started without the plugin on its path (``dask scheduler`` outside a checkout) would fail on
    the first task it is sent: the build says so when it connects."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    scheduler = subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1",
                                  "--port", str(port), "--dashboard-address", "127.0.0.1:0"], cwd=tmp_path, env=env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.2)
        address = f"tcp://127.0.0.1:{port}"
        with pytest.raises(dask_backend.DaskError, match="cannot read this build's tasks.*PYTHONPATH=plugins"):
            with dask_backend.Annotator(address, say=lambda line: None) as annotator:
                annotator.opened()
    finally:
        scheduler.terminate()
        scheduler.wait(timeout=30)


def _joined(client, name: str, timeout: float = 120) -> str:
    """The address of worker ``name`` once it has joined, beside at least one other worker (the cluster's own may
    still be coming back from an earlier test that killed one: their number is not counted on)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        workers = client.scheduler_info()["workers"]
        found = [a for a, w in workers.items() if w["name"] == name]
        if found and len(workers) >= 2:
            return found[0]
        time.sleep(0.2)
    raise AssertionError(f"worker {name} did not join within {timeout:.0f} s: {sorted(workers)}")


def test_a_worker_with_other_rules_is_refused(cluster, tmp_path):
    from distributed import get_task_stream

    other = tmp_path / "plugins" / "newsreader"
    shutil.copytree(ROOT / "plugins" / "newsreader", other, ignore=shutil.ignore_patterns("__pycache__"))
    with (other / "core" / "quotes" / "extract.py").open("a", encoding="utf-8") as rules:
        rules.write("\n# a rule edited on this worker only\n")
    env = dict(os.environ, PYTHONPATH=str(tmp_path / "plugins"))
    worker = subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_worker", cluster.scheduler.address,
                               "--nthreads", "1", "--no-nanny", "--name", "other-rules", "--host", "127.0.0.1"],
                              cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        odd = _joined(cluster, "other-rules")
        said = []
        batch = articles(4, seed=5)
        with dask_backend.Annotator(cluster.scheduler.address, say=said.append, batch=1) as annotator:
            assert odd in annotator.refused and "annotation rules differ" in annotator.refused[odd]
            assert any(odd in line and "refused" in line for line in said)
            with get_task_stream(cluster) as stream:
                got = list(annotator.annotated(batch))
        workers = {t["worker"] for t in stream.data if str(t["key"]).startswith("newsreader-annotate")}
        assert workers and odd not in workers
        loads = cluster.run(models_loaded, workers=sorted(workers))  # once per worker process, not per task
        assert set(loads.values()) == {1}, loads
        assert same(got, _annotate_batch(batch))
        # A task that reaches it anyway (a worker restarted with other code at an accepted address) is refused there.
        task = cluster.submit(dask_backend.annotate_task, dask_backend.identity(), dask_backend.batch_items(batch[:1]),
                              workers=[odd], pure=False)
        with pytest.raises(dask_backend.MismatchedWorker, match="annotation rules differ"):
            task.result(timeout=60)
    finally:
        worker.send_signal(signal.SIGTERM)
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/stat")
    return not (status.exists() and status.read_text().split(") ", 1)[-1].startswith("Z"))  # a zombie has ended


def test_the_scheduler_and_workers_of_a_local_cluster_end_with_a_killed_build(tmp_path):
    """``local``'s scheduler runs in a process of its own (not the build's), which a killed build does not end by
    itself: it watches for its parent to go; and it leaves no file behind (where it told its address)."""
    code = ("import os, sys, time; sys.path.insert(0, 'plugins'); from newsreader.core.dask_backend import Annotator\n"
            "a = Annotator('local', workers=2, say=lambda line: None).opened()\n"
            "pids = [*a.client.run(os.getpid).values(), a.client.run_on_scheduler(os.getpid)]\n"
            "print(os.getpid(), ' '.join(str(p) for p in pids), flush=True); time.sleep(300)\n")
    build = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             text=True, env=dict(os.environ, TMPDIR=str(tmp_path)))
    try:
        own, *started = [int(pid) for pid in build.stdout.readline().split()]
        assert len(started) == 3 and own not in started and all(alive(pid) for pid in started)
    finally:
        build.kill()  # SIGKILL: no atexit, no finally, nothing of the build process runs
        build.wait()
    deadline = time.monotonic() + 30
    while any(alive(pid) for pid in started) and time.monotonic() < deadline:
        time.sleep(0.5)
    left = [pid for pid in started if alive(pid)]
    for pid in left:  # not to leave them running when the test fails
        os.kill(pid, signal.SIGKILL)
    assert not left, f"processes {left} of the cluster (2 workers, then the scheduler) outlived the killed build"
    assert set(os.listdir(tmp_path)) <= {"dask-scratch-space"}  # Dask's workers' scratch space may stay


def _malloc_setting():
    return os.environ.get("MALLOC_TRIM_THRESHOLD_")


def _quiet_settings():
    import dask

    return [dask.config.get("distributed.worker.profile.enabled"), dask.config.get("distributed.admin.tick.interval")]


def test_a_local_clusters_workers_allocate_as_the_process_pool_does(monkeypatch):
    """Dask sets glibc's MALLOC_TRIM_THRESHOLD_ for its workers (which fixes the mmap threshold: spaCy's arrays
    mapped and unmapped at every parse); ``local`` starts them without it, the other settings kept, and without the
    dashboard's profiler; its scheduler, once started, writes its errors nowhere rather than to a pipe."""
    import dask
    import distributed  # noqa: F401 - its settings' defaults

    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_", raising=False)
    assert dask.config.get("distributed.nanny.pre-spawn-environ").get("MALLOC_TRIM_THRESHOLD_")  # Dask's default
    with dask_backend.Annotator("local", workers=1, say=lambda line: None) as annotator:
        found = annotator.client.run(_malloc_setting)
        threads = annotator.client.run(lambda: os.environ.get("OMP_NUM_THREADS"))
        quiet = annotator.client.run(_quiet_settings)
        errors = annotator.client.run_on_scheduler(os.readlink, "/proc/self/fd/2")
    assert list(quiet.values()) == [[False, "1s"]]  # no profiler sampling the parse, fewer wake-ups
    assert list(found.values()) == [None]
    assert errors == os.devnull  # the scheduler's own process: no pipe that nobody reads, left to fill
    assert list(threads.values()) == [str(dask.config.get("distributed.nanny.pre-spawn-environ")["OMP_NUM_THREADS"])]


def test_a_local_cluster_whose_scheduler_cannot_start_is_reported(monkeypatch, tmp_path):
    """``local``'s scheduler is a process of its own: one that dies as it starts (here its preload is missing) fails
    the build with a message that says what, why and what to do, and leaves no process behind."""
    import psutil  # distributed's own dependency

    monkeypatch.setattr(dask_backend, "PRELOAD", str(tmp_path / "missing.py"))
    before = {child.pid for child in psutil.Process().children(recursive=True)}
    said = r"cannot start a local Dask cluster .*\(ModuleNotFoundError: .*missing.*Unset NEWSREADER_DASK"  # and why
    with pytest.raises(dask_backend.DaskError, match=said):
        dask_backend.Annotator("local", workers=1, say=lambda line: None).opened()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        left = [child for child in psutil.Process().children(recursive=True)
                if child.pid not in before and child.status() != psutil.STATUS_ZOMBIE]
        if not left:
            break
        time.sleep(0.5)
    assert not left, f"processes {left} outlived the failed start"
