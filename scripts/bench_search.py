"""Search at scale (``invoke bench --search-scale 1000,10000``, or ``python3 scripts/bench_search.py 1000``).

For N synthetic 600-word articles it builds the whole index the old way (lunr.py)
and the sharded files the project writes, then drives Chromium against a local
server: for each query of QUERIES, a fresh browser context, focus the header box,
and type the query one character every TYPING_MS (150 ms) as a reader does; it
counts the gzip -6 size of every file the page fetched after focus until the first
result of the whole query shows (the files fetched for its prefixes on the way
included, lunr.js too), and the time. A second pass pastes each query at once
(focus to first result). The whole-index figures are those of fetching
lunr-index.json + store.json + lunr.js and loading them. Figures only: nothing
here asserts.
"""

from __future__ import annotations

import functools
import os
import gzip
import http.server
import json
import re
import shutil
import statistics
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

# Plain-word queries a reader types (the budgets' query set: every one occurs in the corpus), then a few
# with syntax and one absent word.
QUERIES = ["analysts", "talks", "Tuesday", "Kraków", "Krakow", "negotiator", "grain exports", "harbour authority",
           "Petrenko", "fishing quotas", "power prices", "tariff", "workers marched", "million dollars", "Osaka",
           "Lena Holmqvist", "Zmijewski", "water board", "Nairobi", "rail freight", "central bank governor", "Lisbon",
           "border checks", "spokesperson", "Valparaiso", "Da Nang", "agreement signed", "dispute", "Winnipeg",
           "Keiko Arada"]
SYNTAX_QUERIES = ["talk*", "tarif~1", "+grain -osaka", "title:tariff", "military"]


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p * (len(ordered) - 1))))]


def search_corpus(count: int) -> tuple[list[dict], dict]:
    """The bench's synthetic corpus as search.py's ``documents_and_store`` gives it: (docs, store)."""
    from synthetic import PEOPLE, PLACES, article  # noqa: PLC0415

    slug = lambda name: re.sub(r"[^a-z]+", "-", name.lower()).strip("-")  # noqa: E731
    entities = {slug(n): [n, "person" if n in PEOPLE else "place", [n.split()[-1]] if n in PEOPLE else [],
                          f"/entity/{slug(n)}/"] for n in PEOPLE + PLACES}
    docs, store = [], []
    for i in range(count):
        a = article(i, words=600)  # about 600 words, with a realistic spread of vocabulary
        body = "\n".join(a["paragraphs"])
        named = [n for n in PEOPLE + PLACES if n in body]
        names = " ".join(n for n in named for n in [n, *entities[slug(n)][2]])
        sentences = [s for p in a["paragraphs"] for s in re.split(r"(?<=[.!?\"])\s+(?=[A-Z\"])", p) if s]
        docs.append({"ref": str(i), "title": a["headline"], "entities": names, "source": a["source"], "body": body})
        store.append({"t": a["headline"], "u": f"/news/{i}/", "s": a["source"], "d": a["published"].strftime("%-d %B %Y"),
                      "y": a["published"].year, "e": sorted(slug(n) for n in named), "x": a["paragraphs"][0][:300],
                      "j": None, "p": [[f"s{n}", s] for n, s in enumerate(sentences, 1)]})
    return docs, {"docs": store, "entities": dict(sorted(entities.items()))}


def write_search(folder: Path, docs: list[dict], store: dict) -> float:
    """Write every search file into ``folder`` (search.py's ``search_files``); returns the seconds it took."""
    from newsreader.search import search_files  # noqa: PLC0415

    start = time.perf_counter()
    files = search_files(docs, store, whole=True)  # the whole index too: the figures compare against it
    for path, text in files.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return time.perf_counter() - start


class _Quiet(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as a static host serves
    # TCP_NODELAY, as static hosts set it (nginx's tcp_nodelay is on by default): http.server sends the
    # headers and the body in two writes, and with Nagle's algorithm on, the body then waits for the
    # browser's delayed ACK of the headers (about 40 ms on Linux) on a kept-alive connection.
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # a browser context closing its kept-alive connections


def _serve(folder: Path):
    server = _Server(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


TYPING_MS = int(os.environ.get("BENCH_TYPING_MS", "150"))  # between keystrokes: 150, a fast typist (80 words a minute)

# Focus the header box, then type the query one character at a time (an input event per character, as a
# keyboard gives), TYPING_MS apart. Recorded: when the first article result shows (for whatever prefix was
# typed by then), and when the first result of the whole query shows (the list says which query it shows in
# data-query); the files fetched after focus until each.
TYPED = """([query, delay]) => new Promise((resolve) => {
    const box = document.querySelector('#site-search-q');
    const status = document.querySelector('.search-panel .search-status');
    const t0 = performance.now();
    let first = null, typed = 0;
    box.focus();
    const key = () => {  // delay < 0: the whole query at once (pasted)
        typed = delay < 0 ? query.length : typed + 1;
        box.value = query.slice(0, typed);
        box.dispatchEvent(new Event('input'));
        if (typed < query.length) setTimeout(key, delay);
    };
    setTimeout(key, Math.max(0, delay));
    const urls = (t) => performance.getEntriesByType('resource').filter((e) => e.startTime >= t0 && e.responseEnd <= t)
        .map((e) => e.name);
    const list = document.querySelector('.search-panel .search-results');
    const tick = () => {
        const now = performance.now();
        const li = document.querySelector('.search-panel .search-results li:not(.search-entity)');
        if (li && first === null) first = {ms: now - t0, urls: urls(now), prefix: box.value};
        const mine = typed === query.length && list.dataset.query === query;
        if ((mine && li) || (mine && status.textContent.startsWith('No ')) || now - t0 > 30000) {
            resolve({first: first, last: {ms: now - t0, urls: urls(now), found: Boolean(mine && li)}});
        } else requestAnimationFrame(tick);
    };
    tick();
})"""

WHOLE = """async (queries) => {
    const t0 = performance.now();
    const [index, store] = await Promise.all([fetch('/search/lunr-index.json').then((r) => r.json()),
                                              fetch('/search/store.json').then((r) => r.json())]);
    const idx = lunr.Index.load(index);
    idx.search(queries[0]);
    const first = performance.now() - t0;
    const times = [];
    for (let round = 0; round < 3; round++) for (const q of queries) {
        const t = performance.now(); idx.search(q); times.push(performance.now() - t);
    }
    return {first: first, times: times};
}"""

WARM = """async (queries) => {
    const times = [];
    for (let round = 0; round < 3; round++) for (const q of queries) {
        const t = performance.now(); await window.__shards.search(q); times.push(performance.now() - t);
    }
    return times;
}"""


def chromium_figures(folder: Path, queries: list[str]):
    chromium = shutil.which("chromium")
    if not chromium:
        print("  Chromium: not installed (apt-get install chromium), browser figures skipped")
        return None
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    server, base = _serve(folder)
    gz_cache: dict[str, int] = {}

    def gz(url: str) -> int:
        path = urlsplit(url).path
        if path not in gz_cache:
            gz_cache[path] = len(gzip.compress((folder / path.lstrip("/")).read_bytes(), 6))
        return gz_cache[path]

    out = {"bytes": [], "ms": [], "files": [], "missed": [], "last_bytes": [], "last_ms": [], "prefix": [],
           "refetched": [], "pasted_bytes": [], "pasted_ms": []}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=["--disable-background-networking",
                                                                        "--disable-component-update"])
            for q in queries:  # pasted: the whole query in one input event, focus to its first result
                context = browser.new_context()
                page = context.new_page()
                page.goto(f"{base}/archives/")
                got = page.evaluate(TYPED, [q, -1])
                out["pasted_bytes"].append(sum(gz(u) for u in got["last"]["urls"]))
                out["pasted_ms"].append(got["last"]["ms"])
                context.close()
            for q in queries:  # typed one character at a time, in a fresh context each
                context = browser.new_context()
                page = context.new_page()
                page.goto(f"{base}/archives/")
                got = page.evaluate(TYPED, [q, TYPING_MS])
                first = got["first"] or got["last"]
                out["bytes"].append(sum(gz(u) for u in first["urls"]))
                out["ms"].append(first["ms"])
                out["files"].append(len(first["urls"]))
                out["prefix"].append(got["first"]["prefix"] if got["first"] else None)
                out["last_bytes"].append(sum(gz(u) for u in got["last"]["urls"]))
                out["last_ms"].append(got["last"]["ms"])
                if os.environ.get("BENCH_VERBOSE"):  # each query's files, for looking into a figure
                    print(f"    {q!r}: {out['last_bytes'][-1] / 1e3:.1f} kB:",
                          " ".join(f"{urlsplit(u).path.rsplit('/', 1)[1]}({gz(u) / 1e3:.1f})" for u in got["last"]["urls"]))
                out["refetched"] += sorted({u for u in got["last"]["urls"] if got["last"]["urls"].count(u) > 1})
                if not got["last"]["found"]:
                    out["missed"].append(q)
                context.close()
            page = browser.new_page()
            page.goto(f"{base}/archives/")
            page.evaluate(TYPED, [queries[0], -1])
            page.evaluate("""async () => {
                const m = await (await fetch('/search/manifest.json')).json();
                window.__shards = new lunrShards.ShardedIndex(m, '/search/', (u) => fetch(u).then((r) => r.json()));
            }""")
            plain = [q for q in queries if q not in SYNTAX_QUERIES]
            page.evaluate(WARM, plain)  # every shard in the browser's memory
            out["warm"] = page.evaluate(WARM, plain)
            whole = page.evaluate(WHOLE, plain)
            out["whole_first"], out["whole_times"] = whole["first"], whole["times"]
            browser.close()
    finally:
        server.shutdown()
    return out


def search_scale(count: int, site: Path, work: Path, lunr_py: bool = True) -> None:
    """Print the whole-index and the sharded figures for ``count`` articles, side by side.

    ``lunr_py=False``: the whole index is the one the build writes (the same JSON: test_search_index.py), not
    built again with lunr.py, and its build time is not shown."""
    from newsreader.core.search.index import build_index, build_with_lunr_py, serialize  # noqa: PLC0415

    docs, store = search_corpus(count)
    start = time.perf_counter()
    whole = json.dumps((build_with_lunr_py if lunr_py else lambda d: serialize(build_index(d)))(docs), sort_keys=True,
                       separators=(",", ":"), ensure_ascii=False).encode()
    whole_seconds = time.perf_counter() - start
    served = work / f"site-{count}"
    shutil.rmtree(served, ignore_errors=True)
    shutil.copytree(site, served)
    shutil.rmtree(served / "search", ignore_errors=True)
    shard_seconds = write_search(served / "search", docs, store)
    from newsreader.core.search.shards import script_bundle  # noqa: PLC0415

    js = ROOT / "theme" / "static" / "js"
    for name in ("search.js", "search-shards.js"):  # this checkout's scripts, whatever site was copied
        shutil.copyfile(js / name, served / "theme" / "js" / name)
    (served / "theme" / "js" / "search-lunr.js").write_text(script_bundle(
        (ROOT / "node_modules" / "lunr" / "lunr.min.js").read_text(encoding="utf-8"),
        (js / "search-shards.js").read_text(encoding="utf-8")), encoding="utf-8")
    (served / "search" / "lunr-index.json").write_bytes(whole)  # the old build's files, for the whole-index figures
    lunr_gz = len(gzip.compress((ROOT / "node_modules" / "lunr" / "lunr.min.js").read_bytes(), 6))
    store_gz = len(gzip.compress((served / "search" / "store.json").read_bytes(), 6))
    whole_gz = len(gzip.compress(whole, 6)) + store_gz + lunr_gz
    manifest = json.loads((served / "search" / "manifest.json").read_text(encoding="utf-8"))
    shard_dir = served / "search" / manifest["dir"]
    shard_gz = [len(gzip.compress(p.read_bytes(), 6)) for p in shard_dir.glob("t*.json")]
    print(f"Search at {count} synthetic 600-word articles ({manifest['shards']} term shards, median "
          f"{statistics.median(shard_gz) / 1e3:.1f} kB gzip, largest {max(shard_gz) / 1e3:.1f} kB; manifest "
          f"{len(gzip.compress((served / 'search' / 'manifest.json').read_bytes(), 6)) / 1e3:.1f} kB gzip)")
    figures = chromium_figures(served, QUERIES + SYNTAX_QUERIES)
    plain = len(QUERIES)
    rows = [("index build (s)", f"{whole_seconds:.1f} (lunr.py)" if lunr_py else "(not built with lunr.py)",
             f"{shard_seconds:.1f} (index + shards + display files)")]
    pct = lambda values: (f"median {statistics.median(values) / 1e3:.1f} kB, p95 {_percentile(values, 0.95) / 1e3:.1f} kB, "  # noqa: E731
                          f"max {max(values) / 1e3:.1f} kB")
    ms = lambda values: (f"median {statistics.median(values):.0f} ms, p95 {_percentile(values, 0.95):.0f} ms, "  # noqa: E731
                         f"max {max(values):.0f} ms")
    if figures:
        rows += [
            (f"typed ({TYPING_MS} ms a key): fetched before the query's first result, gzip",
             f"{whole_gz / 1e3:.0f} kB every query", pct(figures["last_bytes"][:plain])),
            ("  ... focus to the query's first result", "", ms(figures["last_ms"][:plain])),
            ("  ... before the first result for any prefix", "", pct(figures["bytes"][:plain])),
            ("  ... focus to the first result for any prefix", "", ms(figures["ms"][:plain])),
            ("  ... the prefix it was for", "", ", ".join(f"{p!r}" for p in figures["prefix"][:plain])),
            ("  ... files fetched twice", "", ", ".join(figures["refetched"]) or "none"),
            ("pasted at once: fetched before the first result", f"{whole_gz / 1e3:.0f} kB every query",
             pct(figures["pasted_bytes"][:plain])),
            ("  ... focus to first result in Chromium", f"{figures['whole_first']:.0f} ms (fetch + load + search)",
             ms(figures["pasted_ms"][:plain])),
            ("query time, plain words, p95", f"{_percentile(figures['whole_times'], 0.95):.1f} ms",
             f"{_percentile(figures['warm'], 0.95):.1f} ms (shards in memory; median {statistics.median(figures['warm']):.1f} ms)"),
            ("syntax queries, absent word, typed (" + ", ".join(SYNTAX_QUERIES) + ")", "",
             ", ".join(f"{b / 1e3:.1f} kB/{t:.0f} ms" for b, t in zip(figures["last_bytes"][plain:], figures["last_ms"][plain:]))),
        ]
        slowest = sorted(zip(figures["pasted_ms"], figures["pasted_bytes"], QUERIES + SYNTAX_QUERIES), reverse=True)[:3]
        rows.append(("slowest queries", "", ", ".join(f"{q!r} {ms:.0f} ms/{b / 1e3:.1f} kB" for ms, b, q in slowest)))
        if figures["missed"]:
            rows.append(("queries with no result", "", ", ".join(figures["missed"])))
    width = max(len(r[0]) for r in rows)
    print(f"  {'':<{width}}  {'whole index':<32}  sharded")
    for name, old, new in rows:
        print(f"  {name:<{width}}  {old:<32}  {new}")


def small_site(work: Path) -> Path:
    """A three-article site built with the project (its pages, header and scripts; the search files are replaced)."""
    import subprocess  # noqa: PLC0415

    from synthetic import write_raw  # noqa: PLC0415

    out = work / "small-site"
    write_raw(work / "small-corpus" / "news", 3)
    env = dict(os.environ, NEWSREADER_CONTENT=str(work / "small-corpus"), NEWSREADER_OUTPUT=str(out), SITEURL="",
               NEWSREADER_CACHE=str(work / "small-cache"))
    subprocess.run([sys.executable, "-m", "pelican", "-s", "pelican.conf.py"], cwd=ROOT, env=env, check=True,
                   capture_output=True)
    return out


def main() -> None:
    """``python3 scripts/bench_search.py 1000,10000``: the search figures alone (``invoke bench`` runs them after its builds)."""
    import argparse  # noqa: PLC0415
    import tempfile  # noqa: PLC0415

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("counts", nargs="?", default="1000", help="article counts, comma-separated")
    parser.add_argument("--site", type=Path, help="a built site to serve (default: a three-article one built here)")
    parser.add_argument("--no-lunr-py", action="store_true", help="skip building the whole index again with lunr.py")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "scripts"))
    work = Path(tempfile.mkdtemp(prefix="newsreader-bench-search-"))
    try:
        site = args.site or small_site(work)
        for count in [int(n) for n in args.counts.split(",") if n.strip()]:
            search_scale(count, site, work, lunr_py=not args.no_lunr_py)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
