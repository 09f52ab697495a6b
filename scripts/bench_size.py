"""Site size at scale: the synthetic entity-rich corpus built at several sizes, bytes and files per article.

    python scripts/bench.py --site-size 200,1000      (or: invoke bench --site-size 200,1000)

For each size, a cold build of that many synthetic entity-rich articles (scripts/synthetic.py; never content/),
then bytes and files per article by top-level folder, and the size projected at 10,000 and 50,000 articles
from the growth between the two largest sizes measured (a straight line: per-article growth plus a fixed
part), against GitHub Pages' 1 GB. Figures only: nothing here asserts.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from newsreader import site_size  # noqa: E402
from synthetic import write_raw  # noqa: E402

PROJECTED = (10_000, 50_000)


def _build(content: Path, output: Path, cache: Path) -> None:
    env = dict(os.environ, NEWSREADER_CONTENT=str(content), NEWSREADER_OUTPUT=str(output), SITEURL="",
               NEWSREADER_CACHE=str(cache))
    result = subprocess.run([sys.executable, "-m", "pelican", "-s", "pelican.conf.py"], cwd=ROOT, env=env,
                            capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"build failed at {content}:\n{result.stdout}\n{result.stderr}")


def measure_sizes(counts: list[int], work: Path) -> dict[int, site_size.SiteSize]:
    sizes = {}
    for count in sorted(counts):
        content = work / f"size-{count}"
        write_raw(content / "news", count, shape="entity-rich")
        _build(content, work / f"size-{count}-out", work / f"size-{count}-cache")
        sizes[count] = site_size.measure(work / f"size-{count}-out")
        shutil.rmtree(work / f"size-{count}-out", ignore_errors=True)
        shutil.rmtree(work / f"size-{count}-cache", ignore_errors=True)
    return sizes


def projection(sizes: dict[int, site_size.SiteSize], target: int) -> tuple[float, float]:
    """(bytes, files) at ``target`` articles: a line through the two largest sizes (or through 0 with one)."""
    counts = sorted(sizes)
    high = counts[-1]
    low = counts[-2] if len(counts) > 1 else 0
    at_low = (sizes[low].bytes, sizes[low].files) if low else (0, 0)
    at_high = (sizes[high].bytes, sizes[high].files)
    return tuple(a + (b - a) * (target - low) / (high - low) for a, b in zip(at_low, at_high))


def report(sizes: dict[int, site_size.SiteSize]) -> None:
    folders = sorted({name for size in sizes.values() for name in size.folders},
                     key=lambda name: -max(s.folders.get(name, [0])[0] for s in sizes.values()))
    print("Site size, synthetic entity-rich corpus (bytes and files per article, by top-level folder):")
    print(f"  {'folder':<14}" + "".join(f"{f'{n:,} articles':>26}" for n in sizes))
    for name in [*folders, "all"]:
        cells = []
        for count, size in sizes.items():
            b, f = (size.bytes, size.files) if name == "all" else size.folders.get(name, (0, 0))
            cells.append(f"{site_size.human(round(b / count)) + ', ' + format(f / count, '.2f') + ' files':>26}")
        print(f"  {name:<14}" + "".join(cells))
    for count, size in sizes.items():
        print(f"  {count:,} articles: {site_size.summary(size)}")
    for target in PROJECTED:
        b, f = projection(sizes, target)
        verdict = "within" if b <= site_size.PAGES_BYTES else "OVER"
        print(f"  projected at {target:,} articles: {site_size.human(round(b))} in {round(f):,} files "
              f"({verdict} GitHub Pages' 1 GB; {f / site_size.FILES:.0%} of {site_size.FILES:,} files)")


def site_sizes(counts: list[int], work: Path) -> None:
    report(measure_sizes(counts, work))
