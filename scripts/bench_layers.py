"""Benchmark: what each speed layer of the build gives, each switched off in turn, in one run.

    python scripts/bench_layers.py --articles 1000 --shape entity-rich      (or: invoke bench --layers)

On one synthetic corpus (outside content/) and one warm cache: plain Pelican (the default theme, the same texts as
Markdown), then the project's no-op rebuild, a rebuild into an empty output folder (every file from the cache) and
a rebuild after one edited article, with every layer on, then with each layer off (a Pelican ``-e`` setting, or the environment):

| layer | switched off by | what it is for |
| --- | --- | --- |
| annotation memo (``build/article_memo.py``) | ``NEWSREADER_MEMO=false`` | a rebuild with no new annotation reads one entry |
| stat manifest (``build/publish.py``) | ``NEWSREADER_OUTPUT_CHECK="content"`` | an unchanged output file is not read |
| render helper (``build/render_helper.py``) | ``NEWSREADER_PARALLEL_FROM=10**9`` | entity pages rendered on the second core |
| page cache, packs included (``build/page_cache.py``) | ``NEWSREADER_PAGE_CACHE=false`` | unchanged pages are not rendered |
| entity pages' plan (``entity_pages.py``) | ``NEWSREADER_PAGE_PLAN=false`` | entity pages' keys not gathered again |
| collector tuning (``build/output_folder.py``) | ``NEWSREADER_GC=default`` (environment) | fewer collections |

A fourth column renders every page anew: the cache's ``pages/`` folder removed, into an empty output folder (what a
cold build renders, without spaCy: the annotations stay cached).

Each figure is the median of ``--repeat`` runs. Figures only: nothing here asserts.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from bench import corpus, plain_build, repeated, timed  # noqa: E402
from synthetic import SHAPES  # noqa: E402

LAYERS = [
    ("every layer on", []),
    ("annotation memo off", ["NEWSREADER_MEMO=false"]),
    ("stat manifest off", ['NEWSREADER_OUTPUT_CHECK="content"']),
    ("render helper off", ["NEWSREADER_PARALLEL_FROM=1000000000"]),
    ("page cache off", ["NEWSREADER_PAGE_CACHE=false"]),
    ("page plan off", ["NEWSREADER_PAGE_PLAN=false"]),
    ("collector untuned", ["env:NEWSREADER_GC=default"]),
]


def build(content: Path, output: Path, cache: Path, extra: list[str]) -> tuple[float, float]:
    env = dict(os.environ, NEWSREADER_CONTENT=str(content), NEWSREADER_OUTPUT=str(output), SITEURL="",
               NEWSREADER_CACHE=str(cache))
    env.update(setting[4:].split("=", 1) for setting in extra if setting.startswith("env:"))
    settings = [arg for setting in extra if not setting.startswith("env:") for arg in ("-e", setting)]
    return timed([sys.executable, "-m", "pelican", "-s", "pelican.conf.py", *settings], env)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--shape", choices=sorted(SHAPES), default="entity-rich")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rows", default="", help="only the rows whose names contain one of these (comma-separated)")
    args = parser.parse_args()
    wanted = [part.strip() for part in args.rows.split(",") if part.strip()]
    rows = [row for row in LAYERS if row[0] == "every layer on" or not wanted or any(w in row[0] for w in wanted)]

    work = Path(tempfile.mkdtemp(prefix="newsreader-layers-"))
    raw, md, settings = corpus(work, args.articles, args.shape)
    print(f"Synthetic corpus: {args.articles} articles, shape {args.shape}; median of {args.repeat} runs; "
          f"load average {os.getloadavg()[0]:.1f}")
    plain = repeated(args.repeat, lambda n: plain_build(md, work / "out-plain", settings))
    print(f"  plain Pelican: {plain.wall:.2f} s")
    cache, out = work / "cache", work / "out"
    build(raw, out, cache, [])  # the warm cache every row starts from
    articles = sorted((raw / "news").glob("*.txt"))
    edits = iter(range(10**6))

    def edit_one(extra: list[str]) -> tuple[float, float]:
        edited = articles[(len(articles) // 2 + next(edits)) % len(articles)]
        lines = edited.read_text(encoding="utf-8").split("\n")
        lines.insert(4, "A synthetic paragraph added for the benchmark.")
        edited.write_text("\n".join(lines), encoding="utf-8")
        return build(raw, out, cache, extra)

    def render_all(n: int, extra: list[str]) -> tuple[float, float]:
        shutil.rmtree(cache / "pages", ignore_errors=True)
        return build(raw, work / f"fresh-{n}", cache, extra)

    print(f"  {'':<22} {'no-op':>16} {'into empty folder':>22} {'one edit':>16} {'every page anew':>22}")
    for name, extra in rows:
        build(raw, out, cache, extra)  # what this row's switch makes (a memo, a manifest) is in place first
        noop = repeated(args.repeat, lambda n: build(raw, out, cache, extra))
        fresh = repeated(args.repeat, lambda n: build(raw, work / f"fresh-{n}", cache, extra))
        for n in range(args.repeat):
            shutil.rmtree(work / f"fresh-{n}", ignore_errors=True)
        one = repeated(args.repeat, lambda n: edit_one(extra))
        anew = repeated(args.repeat, lambda n: render_all(n, extra))
        for n in range(args.repeat):
            shutil.rmtree(work / f"fresh-{n}", ignore_errors=True)
        print(f"  {name:<22} " + " ".join(f"{t.wall:7.2f} s {t.wall / plain.wall:5.2f}×" + " " * (6 * (i % 2))
                                          for i, t in enumerate((noop, fresh, one, anew))), flush=True)
    print("  (× = against plain Pelican on the same texts, in this run)")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
