"""Benchmark: this project against plain Pelican on the same synthetic corpus, in the same run.

    python scripts/bench.py --articles 1000      (or: invoke bench --articles 1000)

Generates N synthetic raw articles outside content/, builds them with the
project, builds the same texts as Markdown with plain Pelican (default theme),
and prints the times and their ratio. Figures only: nothing here asserts.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from bench_search import search_scale  # noqa: E402
from synthetic import SHAPES, write_markdown, write_raw  # noqa: E402


CPU: list[float] = []  # processor seconds (user + system, with child processes) of each timed command, in order


def timed(cmd: list[str], env: dict | None = None) -> float:
    """Wall-clock seconds; the command's processor seconds go to CPU (steadier on a shared machine)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    if result.returncode != 0:
        sys.exit(f"command failed: {' '.join(cmd)}\n{result.stdout}\n{result.stderr}")
    return elapsed


def project_build(content: Path, output: Path, cache: Path) -> float:
    env = dict(os.environ, NEWSREADER_CONTENT=str(content), NEWSREADER_OUTPUT=str(output), SITEURL="",
               NEWSREADER_CACHE=str(cache))
    return timed([sys.executable, "-m", "pelican", "-s", "pelican.conf.py"], env)


PIPE_ONLY = """
import sys
sys.path.insert(0, {plugins!r})
from pathlib import Path
from newsreader.core.rawformat import parse
from newsreader.core import nlp
texts = [p for f in sorted(Path({folder!r}).glob('*.txt')) for p in parse(f.read_bytes(), str(f)).paragraphs]
model = nlp.load()
for _ in model.pipe(texts, n_process=2, batch_size=64):
    pass
"""


def pipe_only(folder: Path) -> float:
    """Parsing the same paragraphs with bare spaCy (model load + nlp.pipe, 2 processes)."""
    code = PIPE_ONLY.format(plugins=str(ROOT / "plugins"), folder=str(folder))
    return timed([sys.executable, "-c", code])


def plain_build(content: Path, output: Path, settings: Path) -> float:
    return timed([sys.executable, "-m", "pelican", str(content), "-o", str(output), "-s", str(settings)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--shape", choices=sorted(SHAPES), default="news",
                        help="news: the usual mix; entity-rich: about 40 entities per article, nearly all its own")
    parser.add_argument("--keep", action="store_true", help="keep the corpus and outputs in ./bench/")
    parser.add_argument("--search-scale", default="1000,10000",
                        help="article counts for the search-index figures (comma-separated; empty to skip)")
    args = parser.parse_args()

    work = ROOT / "bench" if args.keep else Path(tempfile.mkdtemp(prefix="newsreader-bench-"))
    shutil.rmtree(work, ignore_errors=True)
    raw, md = work / "raw", work / "markdown"
    write_raw(raw / "news", args.articles, shape=args.shape)
    write_markdown(md, args.articles, shape=args.shape)
    settings = work / "plain.conf.py"
    settings.write_text("TIMEZONE = 'UTC'\nSITEURL = ''\nFEED_DOMAIN = 'http://localhost'\n")

    print(f"Synthetic corpus: {args.articles} articles, shape {args.shape} ({work})")
    plain = plain_build(md, work / "out-plain", settings)
    pipe = pipe_only(raw / "news")
    out = work / "out"
    cold = project_build(raw, out, work / "cache")
    files = sum(1 for p in out.rglob("*") if p.is_file())
    warm = project_build(raw, out, work / "cache")  # the same output folder: nothing to write
    fresh = project_build(raw, work / "out-fresh", work / "cache")  # a new output folder, every file from the cache
    # The everyday case: one article edited (a sentence added), everything else cached.
    edited = sorted((raw / "news").glob("*.txt"))[len(list((raw / "news").glob("*.txt"))) // 2]
    lines = edited.read_text(encoding="utf-8").split("\n")
    lines.insert(4, "A synthetic paragraph added for the benchmark.")  # after the first paragraph
    edited.write_text("\n".join(lines), encoding="utf-8")
    one = project_build(raw, out, work / "cache")
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
    cpu = dict(zip((name for name, _ in rows), CPU))  # timed in the same order
    for name, seconds in rows:
        print(f"  {name:<{width}}  {seconds:8.2f} s  {seconds / plain:5.2f}× plain  {seconds / pipe:5.2f}× spaCy alone"
              f"   | CPU {cpu[name]:7.2f} s  {cpu[name] / CPU[0]:5.2f}× plain")
    print(f"Ratios ({args.shape}, {args.articles}): no-op rebuild / plain Pelican = {warm / plain:.2f} (bar 1.2); "
          f"one-edit rebuild / plain Pelican = {one / plain:.2f}; cold build / spaCy alone = {cold / pipe:.2f} (bar 1.5); "
          f"in CPU time: no-op {CPU[3] / CPU[0]:.2f}, one-edit {CPU[5] / CPU[0]:.2f}, cold / spaCy {CPU[2] / CPU[1]:.2f}")
    for count in [int(n) for n in args.search_scale.split(",") if n.strip()]:
        search_scale(count, out, work)
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
