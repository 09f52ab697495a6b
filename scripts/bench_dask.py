"""Benchmark: annotation and the site-wide steps on Dask against this machine's process pool, in one run.

    python scripts/bench_dask.py --dask local      (or: invoke bench --dask local)

1. **Cold annotation** of N synthetic articles (``--articles``, 600 by default) with an empty cache: the process
   pool of 2 processes (today's build) against ``--dask`` (``local``: the local cluster a build starts, a scheduler
   process and 2 worker processes; or a scheduler's address). Each in a fresh Python process, timed from before the
   model or cluster is loaded to the last record cached, so each pays its own start (spaCy in the pool's parent;
   the cluster and spaCy in each worker); the start (the cluster, the model) is timed apart from the articles,
   since an archive's run is long and its start is paid once.
2. **Site-wide steps** at each of ``--scale`` (10,000 and 100,000 articles by default), on annotation records
   synthesized directly (no spaCy): the search files (``search.search_files``: index, shards, display files,
   written to a temporary folder), the entity index (``entity_index.build``) and the site timeline
   (``site_timeline.timeline_years``), locally, then on the cluster (``Search`` and ``dask_glue.write_search``,
   each file written as it is made, kept in a cache and listed there, as a build does; ``entities/on_dask.build``;
   ``timeline_years_on``). Each step in a fresh process of its own, right after the corpus is made there (a step
   run after another one reuses, or not, what the allocator kept of it: its peak then says more about the step
   before); on the cluster the entity index is written to a file as it comes, as a build keeps it
   (``core/entities/stored.py``); its time, and the peak resident memory of that process (the build process: the
   cluster's workers are other processes) above what it held once the corpus was made (``/proc/self/clear_refs``),
   and the corpus itself. On a cluster, the scheduler's process's peak above what it held before the step too
   (its record of the step's tasks: ``local`` starts it apart from the build, as ``dask scheduler`` runs).

Figures only: nothing here asserts. The machine's load (``os.getloadavg``) is printed with each part.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT / "scripts"))


def _load() -> str:
    return "load average %.1f %.1f %.1f" % os.getloadavg()


def _peak_kib() -> int:
    """This process's peak resident memory (VmHWM), in KiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def _reset_peak() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")  # Linux: the peak starts again from what is resident now
        return True
    except OSError:
        return False


def _cluster(address: str, workers: int):
    from newsreader.core.dask_backend import client, local_cluster  # noqa: PLC0415

    if address == "local":
        cluster = local_cluster(workers)  # as a build starts it
        return cluster, client(cluster)  # the build's client (no log of what it sends)
    return None, client(address, timeout=5)


# -- 1. cold annotation ------------------------------------------------------------------------------------------

def annotate_once(mode: str, count: int, address: str) -> dict:
    """In a fresh process: annotate ``count`` synthetic articles from an empty cache; seconds and records."""
    from newsreader.core.annotate import annotate_all  # noqa: PLC0415
    from newsreader.build.cache import Cache, use_secret  # noqa: PLC0415
    from newsreader.core.text.rawformat import parse  # noqa: PLC0415
    from synthetic import write_raw  # noqa: PLC0415

    work = Path(tempfile.mkdtemp(prefix="newsreader-bench-dask-"))
    articles = [parse(p.read_bytes(), str(p)) for p in write_raw(work / "news", count)]
    use_secret(str(work / "cache"))
    cache = Cache(str(work / "cache"))
    from newsreader.core import nlp  # noqa: PLC0415

    annotator, found = None, None
    start = time.perf_counter()
    if mode == "dask":  # the cluster, then the model on each worker (both workers at once): what a build pays once
        from newsreader.core.dask_backend import Annotator  # noqa: PLC0415

        found = Annotator(address, workers=2, say=lambda line: None).opened()
        opened = time.perf_counter()
        found.client.run(_load_model)
        annotator = lambda: contextlib.nullcontext(found)  # noqa: E731 - as the build's glue gives it
    else:  # the model, in this process (the pool's processes are forked from it)
        opened = start
        nlp.load()
    loaded = time.perf_counter()
    records = annotate_all(articles, cache, processes=2, annotator=annotator)
    done = time.perf_counter()
    if found is not None:
        found.close()
    digest = hashlib.sha256(json.dumps(records, sort_keys=True).encode()).hexdigest()
    shutil.rmtree(work, ignore_errors=True)
    return {"seconds": done - start, "cluster": opened - start, "model": loaded - opened, "work": done - loaded,
            "records": len(records), "digest": digest, "errors": sum(1 for r in records if r.get("error"))}


def _load_model() -> None:
    """On each worker: the model loaded (and kept, as its first task would), nothing sent back."""
    from newsreader.core import nlp  # noqa: PLC0415

    nlp.load()


# -- 2. site-wide steps ------------------------------------------------------------------------------------------

BASE = 2000  # distinct synthetic texts; a bigger corpus repeats them, each article with names of its own


def corpus(count: int) -> tuple[list[dict], dict, list[tuple[str, list[dict]]], list[dict]]:
    """Search documents and store, per-article entity dicts and the site's events, for ``count`` synthetic
    articles, as the annotation step would leave them: the texts of ``BASE`` synthetic articles in turn (with the
    names of synthetic.py they contain), each article with its own headline and five made-up people of its own
    (so the entity index and the search vocabulary grow with the corpus)."""
    from synthetic import COUNTRIES, ORGS, PEOPLE, PLACES, _made_up_name, article  # noqa: PLC0415

    slug = lambda name: re.sub(r"[^a-z]+", "-", name.lower()).strip("-")  # noqa: E731
    known = [(n, "person") for n in PEOPLE] + [(n, "place") for n in PLACES + COUNTRIES] + \
        [(o.removeprefix("the "), "organization") for o in ORGS]
    base = []
    for j in range(min(count, BASE)):
        a = article(j)
        body = "\n".join(a["paragraphs"])
        sentences = [s for p in a["paragraphs"] for s in re.split(r"(?<=[.!?\"])\s+(?=[A-Z\"])", p) if s]
        named = [(n, t, [f"s{k}" for k, s in enumerate(sentences, 1) if n in s] or ["s1"])
                 for n, t in known if n in body]
        base.append((a, body, sentences, named))
    docs, store, per_article, events, meta = [], [], [], [], {}
    for i in range(count):
        a, body, sentences, named = base[i % len(base)]
        rng = random.Random(i)
        own = [(_made_up_name(rng, 2), "person", [f"s{rng.randint(1, len(sentences))}"]) for _ in range(5)]
        entities = []
        for n, t, hits in named + own:
            entities.append({"name": n, "type": t, "aliases": [], "roles": [],
                             "mentions": [{"sentence": h, "start": 0, "end": len(n)} for h in hits]})
            meta[slug(n)] = [n, t, [], f"/entity/{slug(n)}/"]
        per_article.append((f"synthetic-{i}", entities))
        year, headline = a["published"].year, f"Synthetic article {i}: " + a["headline"].split(": ", 1)[1]
        events += [{"date": f"{year - k}-{a['published'].month:02d}", "precision": "month", "article": f"synthetic-{i}",
                    "sentence": f"s{k + 1}"} for k in range(3)]
        docs.append({"ref": str(i), "title": headline, "entities": " ".join(e["name"] for e in entities),
                     "source": a["source"], "body": body})
        store.append({"t": headline, "u": f"/news/synthetic-{i}/", "s": a["source"],
                      "d": a["published"].strftime("%-d %B %Y"), "y": year,
                      "e": sorted({slug(e["name"]) for e in entities}),
                      "x": a["paragraphs"][0][:300], "j": None,
                      "p": [[f"s{n}", s] for n, s in enumerate(sentences, 1)]})
    events.sort(key=lambda e: (e["date"], e["article"], e["sentence"]))
    return docs, {"docs": store, "entities": dict(sorted(meta.items()))}, per_article, events


def sitewide_once(count: int, address: str | None, only: str = "search,entities,timeline") -> dict:
    """In a fresh process: the site-wide steps for ``count`` articles; seconds and peak memory of each."""
    made = time.perf_counter()
    docs, store, per_article, events = corpus(count)
    out = {"corpus_seconds": time.perf_counter() - made, "corpus_kib": _peak_kib()}
    client = cluster = None
    if address:
        cluster, client = _cluster(address, 2)
        client.run(_imports)  # the workers' imports, as in a build
    from newsreader.core import site_timeline  # noqa: PLC0415
    from newsreader.core.entities import index as entity_index, on_dask as dask_entities, stored  # noqa: PLC0415

    folder = Path(tempfile.mkdtemp(prefix="newsreader-bench-search-"))  # removed once measured: not the build's
    from newsreader.build.cache import use_secret  # noqa: PLC0415
    from newsreader import dask_glue  # noqa: F401, PLC0415 - imported before a step is measured, as in a build

    use_secret(str(folder.parent / f"{folder.name}-cache"))
    steps = [("search", lambda: _search(docs, store, client, folder))]
    if client is None:
        steps += [("entities", lambda: entity_index.build(per_article)),
                  ("timeline", lambda: site_timeline.timeline_years(events))]
    else:
        steps += [("entities", lambda: stored.close(dask_entities.build(client, per_article,
                                                                      into=folder / "entities.sqlite"))),
                  ("timeline", lambda: site_timeline.timeline_years_on(client, events))]
    for name, step in [(name, step) for name, step in steps if name in only.split(",")]:
        _reset_peak()
        before = _peak_kib()
        if client is not None:  # the scheduler's own peak too (a process of its own): its record of the step's tasks
            client.run_on_scheduler(_reset_peak)
            scheduler_before = client.run_on_scheduler(_peak_kib)
        start, cpu = time.perf_counter(), time.process_time()
        step()
        out[name] = {"seconds": time.perf_counter() - start, "cpu_seconds": time.process_time() - cpu,
                     "peak_above_kib": _peak_kib() - before}
        if client is not None:
            out[name]["scheduler_above_kib"] = client.run_on_scheduler(_peak_kib) - scheduler_before
    shutil.rmtree(folder, ignore_errors=True)  # it lists a folder's entries whole (100,000 display files): MiBs
    shutil.rmtree(folder.parent / f"{folder.name}-cache", ignore_errors=True)
    Path(f"{folder.parent / folder.name}-cache.key").unlink(missing_ok=True)
    if client is not None:
        client.close()
    if cluster is not None:
        cluster.close()
    return out


def _imports() -> None:
    import newsreader.core.entities.on_dask  # noqa: F401, PLC0415
    import newsreader.core.search.on_dask  # noqa: F401, PLC0415
    import newsreader.core.site_timeline  # noqa: F401, PLC0415


def _search(docs, store, client, out: Path) -> int:
    """The search files, as a build makes them: locally every file made, then written; on the cluster each file
    written as it is made (here to the temporary folder ``out``, which the caller removes after the step's peak is
    read: ``shutil.rmtree`` lists a folder's entries whole, tens of thousands of display files)."""
    from newsreader.core.search import on_dask as dask_search  # noqa: PLC0415
    from newsreader.search import search_files, streamed  # noqa: PLC0415

    if client is None:
        for path, text in search_files(docs, store).items():
            (out / path).parent.mkdir(parents=True, exist_ok=True)
            (out / path).write_bytes(text.encode("utf-8"))
    else:  # as a build does: each file also kept in a cache (beside ``out``) and listed there (``dask_glue``)
        from newsreader import dask_glue  # noqa: PLC0415
        from newsreader.build.cache import Cache  # noqa: PLC0415

        class Session:  # what the build's Dask session gives write_search
            def sitewide(self, step, what):
                return step(client, None)

        dask_glue.write_search(Session(), dask_search.Search(client, docs), docs, lambda: streamed(store), out,
                               Cache(out.parent / f"{out.name}-cache"), "0" * 64)
    return _size(out)


def _size(folder: str | Path) -> int:
    """The bytes of the files below ``folder``, one directory entry at a time (``Path.rglob`` keeps every path it
    yields: at 100,000 articles, tens of MiB of this process, counted in the step's peak)."""
    with os.scandir(folder) as entries:
        return sum(_size(e.path) if e.is_dir(follow_symlinks=False) else e.stat().st_size for e in entries)


# -- the run -----------------------------------------------------------------------------------------------------

def _child(*args: str) -> dict:
    result = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True, cwd=ROOT)
    if result.returncode:
        raise SystemExit(f"bench child {args} failed:\n{result.stdout}{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dask", default="local",
                        help="local (a build's local cluster, 2 workers) or a scheduler's address")
    parser.add_argument("--articles", type=int, default=600, help="articles for the cold annotation")
    parser.add_argument("--scale", default="10000,100000", help="article counts for the site-wide steps")
    parser.add_argument("--skip-annotation", action="store_true")
    parser.add_argument("--steps", default="search,entities,timeline", help="which site-wide steps to measure")
    parser.add_argument("--where", default="local,dask", help="the site-wide steps here, on Dask, or both")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        if kind == "annotate":
            print(json.dumps(annotate_once(rest[0], int(rest[1]), rest[2])))
        else:
            print(json.dumps(sitewide_once(int(rest[0]), rest[1] or None, rest[2])))
        return
    if not args.skip_annotation:
        print(f"Cold annotation, {args.articles} synthetic articles, empty cache ({_load()}):", flush=True)
        pool = _child("annotate", "pool", str(args.articles), args.dask)
        dask = _child("annotate", "dask", str(args.articles), args.dask)
        same = "same records" if pool["digest"] == dask["digest"] else "RECORDS DIFFER"
        rate = lambda row: f"{row['seconds']:7.1f} s  ({args.articles / row['seconds']:.1f} articles/s)"  # noqa: E731
        print(f"  process pool, 2 processes : {rate(pool)}")
        print(f"  Dask {args.dask}, 2 workers : {rate(dask)}"
              f"  overhead {100 * (dask['seconds'] / pool['seconds'] - 1):+.1f} %  ({same})")
        print(f"  of which the start, paid once a build: the cluster {dask['cluster']:.1f} s, the model "
              f"{pool['model']:.1f} s here against {dask['model']:.1f} s on the workers; then the articles: "
              f"{pool['work']:.1f} s against {dask['work']:.1f} s, overhead "
              f"{100 * (dask['work'] / pool['work'] - 1):+.1f} %")
        print(f"  ({_load()})", flush=True)
    mib = lambda kib: f"{kib / 1024:7.0f} MiB"  # noqa: E731
    row = lambda name, r: print(  # noqa: E731
        f"  {name:40s} {r['seconds']:7.1f} s ({r.get('cpu_seconds', 0):6.1f} s CPU here)"
        f"   peak above the corpus {mib(r['peak_above_kib'])}"
        + (f"   (the scheduler's process: {mib(r['scheduler_above_kib'])})" if "scheduler_above_kib" in r else ""),
        flush=True)
    for count in [int(n) for n in args.scale.split(",") if n.strip()]:
        print(f"Site-wide steps, {count:,} synthetic articles (records synthesized, no spaCy) ({_load()}):", flush=True)
        corpus_said = False
        for where, address in [(w, a) for w, a in (("local", ""), (f"on Dask {args.dask}", args.dask))
                               if ("dask" if a else "local") in args.where.split(",")]:
            for key, name in (("search", "search files"), ("entities", "entity index"), ("timeline", "timeline")):
                if key in args.steps.split(","):  # each step in a process of its own, as the first after the corpus
                    found = _child("sitewide", str(count), address, key)
                    if not corpus_said:
                        print(f"  corpus made in the build process: {found['corpus_seconds']:.1f} s, "
                              f"{mib(found['corpus_kib'])} resident")
                        corpus_said = True
                    row(f"{name}, {where}", found[key])
            print(f"  ({_load()})", flush=True)


if __name__ == "__main__":
    main()
