"""Benchmark: this project against plain Pelican on the same synthetic corpus, in the same run.

    python scripts/bench.py --articles 1000      (or: invoke bench --articles 1000)

Generates N synthetic raw articles outside content/, builds them with the
project, builds the same texts as Markdown with plain Pelican (default theme),
and prints the times and their ratio. Each figure is the median of ``--repeat``
runs (3 by default; the spread is printed too), since one run on a shared
machine moves by a fifth either way. Figures only: nothing here asserts.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from bench_search import search_scale  # noqa: E402
from bench_size import site_sizes  # noqa: E402
from synthetic import SHAPES, write_markdown, write_raw  # noqa: E402


class Timing:
    """Wall-clock and processor seconds (user + system, with child processes) of one or more runs."""

    def __init__(self, runs: list[tuple[float, float]]):
        self.walls, self.cpus = [w for w, _ in runs], [c for _, c in runs]
        self.wall, self.cpu = statistics.median(self.walls), statistics.median(self.cpus)

    def spread(self) -> str:
        return "" if len(self.walls) < 2 else f"  (runs {min(self.walls):.2f}–{max(self.walls):.2f} s)"


def timed(cmd: list[str], env: dict | None = None) -> tuple[float, float]:
    """One run of ``cmd``: wall-clock and processor seconds (the latter steadier on a shared machine)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit(f"command failed: {' '.join(cmd)}\n{result.stdout}\n{result.stderr}")
    return elapsed, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def repeated(times: int, run) -> Timing:
    """``run(n)`` for n = 0 … times-1, each returning one (wall, cpu); their medians."""
    return Timing([run(n) for n in range(times)])


def project_build(content: Path, output: Path, cache: Path) -> tuple[float, float]:
    env = dict(os.environ, NEWSREADER_CONTENT=str(content), NEWSREADER_OUTPUT=str(output), SITEURL="",
               NEWSREADER_CACHE=str(cache))
    return timed([sys.executable, "-m", "pelican", "-s", "pelican.conf.py"], env)


PIPE_ONLY = """
import sys
sys.path.insert(0, {plugins!r})
from pathlib import Path
from newsreader.core.text.rawformat import parse
from newsreader.core import nlp
texts = [p for f in sorted(Path({folder!r}).glob('*.txt')) for p in parse(f.read_bytes(), str(f)).paragraphs]
model = nlp.load()
for _ in model.pipe(texts, n_process=2, batch_size=64):
    pass
"""


def pipe_only(folder: Path) -> tuple[float, float]:
    """Parsing the same paragraphs with bare spaCy (model load + nlp.pipe, 2 processes)."""
    code = PIPE_ONLY.format(plugins=str(ROOT / "plugins"), folder=str(folder))
    return timed([sys.executable, "-c", code])


def corpus(work: Path, articles: int, shape: str) -> tuple[Path, Path, Path]:
    """The synthetic articles as raw text (for this project) and as Markdown, and plain Pelican's settings."""
    raw, md = work / "raw", work / "markdown"
    write_raw(raw / "news", articles, shape=shape)
    write_markdown(md, articles, shape=shape)
    settings = work / "plain.conf.py"
    settings.write_text("TIMEZONE = 'UTC'\nSITEURL = ''\nFEED_DOMAIN = 'http://localhost'\n")
    return raw, md, settings


def plain_build(content: Path, output: Path, settings: Path) -> tuple[float, float]:
    return timed([sys.executable, "-m", "pelican", str(content), "-o", str(output), "-s", str(settings)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--shape", choices=sorted(SHAPES), default="news",
                        help="news: the usual mix; entity-rich: about 40 entities per article, nearly all its own")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each build; the median is printed")
    parser.add_argument("--keep", action="store_true", help="keep the corpus and outputs in ./bench/")
    parser.add_argument("--search-scale", default="1000,10000",
                        help="article counts for the search-index figures (comma-separated; empty to skip)")
    parser.add_argument("--site-size", default="",
                        help="article counts (comma-separated) for the site-size figures only (entity-rich corpus)")
    args = parser.parse_args()

    work = ROOT / "bench" if args.keep else Path(tempfile.mkdtemp(prefix="newsreader-bench-"))
    shutil.rmtree(work, ignore_errors=True)
    if args.site_size:
        site_sizes([int(n) for n in args.site_size.split(",") if n.strip()], work)
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        return
    raw, md, settings = corpus(work, args.articles, args.shape)
    print(f"Synthetic corpus: {args.articles} articles, shape {args.shape} ({work}); "
          f"median of {args.repeat} runs each")
    times = args.repeat
    plain = repeated(times, lambda n: plain_build(md, work / "out-plain", settings))
    pipe = repeated(times, lambda n: pipe_only(raw / "news"))
    out, cache = work / "out", work / "cache"

    def cold_build(n: int) -> tuple[float, float]:
        """From nothing; the last run's output and cache are the ones the rows below use."""
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(cache, ignore_errors=True)
        return project_build(raw, out, cache)

    cold = repeated(times, cold_build)
    files = sum(1 for p in out.rglob("*") if p.is_file())
    warm = repeated(times, lambda n: project_build(raw, out, cache))  # the same output folder: nothing to write
    # A new output folder each time, every file from the cache.
    fresh = repeated(times, lambda n: project_build(raw, work / f"out-fresh-{n}", cache))
    # The everyday case: one article edited (a sentence added), everything else cached; another article each run.
    articles = sorted((raw / "news").glob("*.txt"))

    def edit_one(n: int) -> tuple[float, float]:
        edited = articles[(len(articles) // 2 + n) % len(articles)]
        lines = edited.read_text(encoding="utf-8").split("\n")
        lines.insert(4, "A synthetic paragraph added for the benchmark.")  # after the first paragraph
        edited.write_text("\n".join(lines), encoding="utf-8")
        return project_build(raw, out, cache)

    one = repeated(times, edit_one)
    print(f"  the site has {files} files")
    rows = [
        ("plain Pelican, Markdown, default theme", plain),
        ("spaCy alone: load + nlp.pipe, 2 processes", pipe),
        ("this project, cold build (empty cache)", cold),
        ("this project, no-op rebuild (nothing changed)", warm),
        ("this project, warm cache into an empty folder", fresh),
        ("this project, rebuild after editing one article", one),
    ]
    width = max(len(name) for name, _ in rows)
    for name, t in rows:
        print(f"  {name:<{width}}  {t.wall:8.2f} s  {t.wall / plain.wall:5.2f}× plain  {t.wall / pipe.wall:5.2f}× spaCy alone"
              f"   | CPU {t.cpu:7.2f} s  {t.cpu / plain.cpu:5.2f}× plain{t.spread()}")
    print(f"Ratios ({args.shape}, {args.articles}): no-op rebuild / plain Pelican = {warm.wall / plain.wall:.2f} (bar 1.2); "
          f"one-edit rebuild / plain Pelican = {one.wall / plain.wall:.2f}; cold build / spaCy alone = "
          f"{cold.wall / pipe.wall:.2f} (bar 1.5); in CPU time: no-op {warm.cpu / plain.cpu:.2f}, "
          f"one-edit {one.cpu / plain.cpu:.2f}, cold / spaCy {cold.cpu / pipe.cpu:.2f}")
    for count in [int(n) for n in args.search_scale.split(",") if n.strip()]:
        search_scale(count, out, work)
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
