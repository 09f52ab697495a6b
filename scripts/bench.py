"""Benchmark: this project against plain Pelican on the same synthetic corpus, in the same run.

    python scripts/bench.py --articles 1000      (or: invoke bench --articles 1000)

Generates N synthetic raw articles outside content/, builds them with the
project, builds the same texts as Markdown with plain Pelican (default theme),
and prints the times and their ratio. Figures only: nothing here asserts.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from bench_search import search_scale  # noqa: E402
from synthetic import write_markdown, write_raw  # noqa: E402


def timed(cmd: list[str], env: dict | None = None) -> float:
    start = time.perf_counter()
    result = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
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
    parser.add_argument("--keep", action="store_true", help="keep the corpus and outputs in ./bench/")
    parser.add_argument("--search-scale", default="1000,10000",
                        help="article counts for the search-index figures (comma-separated; empty to skip)")
    args = parser.parse_args()

    work = ROOT / "bench" if args.keep else Path(tempfile.mkdtemp(prefix="newsreader-bench-"))
    shutil.rmtree(work, ignore_errors=True)
    raw, md = work / "raw", work / "markdown"
    write_raw(raw / "news", args.articles)
    write_markdown(md, args.articles)
    settings = work / "plain.conf.py"
    settings.write_text("TIMEZONE = 'UTC'\nSITEURL = ''\nFEED_DOMAIN = 'http://localhost'\n")

    print(f"Synthetic corpus: {args.articles} articles ({work})")
    plain = plain_build(md, work / "out-plain", settings)
    pipe = pipe_only(raw / "news")
    cold = project_build(raw, work / "out-cold", work / "cache")
    warm = project_build(raw, work / "out-warm", work / "cache")
    # The everyday case: one article edited (a sentence added), everything else cached.
    edited = sorted((raw / "news").glob("*.txt"))[len(list((raw / "news").glob("*.txt"))) // 2]
    lines = edited.read_text(encoding="utf-8").split("\n")
    lines.insert(4, "A synthetic paragraph added for the benchmark.")  # after the first paragraph
    edited.write_text("\n".join(lines), encoding="utf-8")
    one = project_build(raw, work / "out-edit", work / "cache")
    rows = [
        ("plain Pelican, Markdown, default theme", plain),
        ("spaCy alone: load + nlp.pipe, 2 processes", pipe),
        ("this project, cold build (empty cache)", cold),
        ("this project, warm rebuild (nothing changed)", warm),
        ("this project, rebuild after editing one article", one),
    ]
    width = max(len(name) for name, _ in rows)
    for name, seconds in rows:
        print(f"  {name:<{width}}  {seconds:8.2f} s  {seconds / plain:5.2f}× plain  {seconds / pipe:5.2f}× spaCy alone")
    print(f"Ratios: warm rebuild / plain Pelican = {warm / plain:.2f} (bar 1.5); "
          f"cold build / spaCy alone = {cold / pipe:.2f} (bar 1.5)")
    for count in [int(n) for n in args.search_scale.split(",") if n.strip()]:
        search_scale(count, work / "out-warm", work)
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
