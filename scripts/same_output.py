"""Do two revisions of the project build the same bytes? (A refactoring must not change the site.)

    python3 scripts/same_output.py REV_A REV_B [--articles 40]

Checks each revision out into a temporary worktree, builds the seed site (``content/``) and the bench's synthetic
corpora (``news``, ``entity-rich`` and ``archive`` shapes, ``--articles`` each) with a cold cache of its own, and
compares the output folders file by file. Prints each difference and exits 1 when there is one.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from synthetic import write_raw  # noqa: E402


def checkout(rev: str, where: Path) -> Path:
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(where), rev], check=True)
    (where / "node_modules").symlink_to(ROOT / "node_modules")  # lunr.js, as installed for this checkout
    return where


def build(project: Path, content: Path, output: Path, cache: Path) -> None:
    env = dict(os.environ, NEWSREADER_CONTENT=str(content), NEWSREADER_OUTPUT=str(output), SITEURL="",
               NEWSREADER_CACHE=str(cache), COLUMNS="200")
    env.pop("PYTHONPATH", None)
    result = subprocess.run([sys.executable, "-m", "pelican", "-s", "pelican.conf.py"], cwd=project, env=env,
                            capture_output=True, text=True, timeout=3600)
    if result.returncode:
        sys.exit(f"{project.name}: the build failed:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")


def differences(a: Path, b: Path) -> list[str]:
    files_a = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()}
    found = [f"only in the first: {n}" for n in sorted(files_a - files_b)]
    found += [f"only in the second: {n}" for n in sorted(files_b - files_a)]
    found += [f"differs: {n}" for n in sorted(files_a & files_b) if not filecmp.cmp(a / n, b / n, shallow=False)]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("first")
    parser.add_argument("second")
    parser.add_argument("--articles", type=int, default=40)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="newsreader-same-"))
    corpora = {"seed": ROOT / "content"}
    for shape in ("news", "entity-rich", "archive"):
        write_raw(work / "corpora" / shape / "news", args.articles, shape=shape)
        corpora[shape] = work / "corpora" / shape
    trees = []
    try:
        for n, rev in enumerate((args.first, args.second)):
            project = checkout(rev, work / f"rev{n}")
            trees.append(project)
            for name, content in corpora.items():
                build(project, content, work / "out" / str(n) / name, work / "cache" / str(n) / name)
        failed = False
        for name in corpora:
            found = differences(work / "out" / "0" / name, work / "out" / "1" / name)
            files = sum(1 for p in (work / "out" / "0" / name).rglob("*") if p.is_file())
            print(f"{name}: {files} files, {'identical' if not found else f'{len(found)} differences'}")
            for line in found[:20]:
                print("   ", line)
            failed |= bool(found)
    finally:
        for project in trees:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(project)], check=False)
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
