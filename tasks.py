"""Tasks for building, previewing, testing, benchmarking and deploying the site.

    invoke build        build the site into output/
    invoke serve        preview at http://127.0.0.1:8000/
    invoke livereload   rebuild and reload the browser on changes
    invoke screenshots  Chromium screenshots of the main pages for review
    invoke test         run every test (unit, build, HTML validity, browser)
    invoke bench        time a synthetic corpus against plain Pelican (--dask local: the pool against Dask)
    invoke gh-pages     publish output/ to the gh-pages branch
    invoke site-size    the size of output/ against GitHub Pages' limits (--check: fail over 1 GB)
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import json
import os
import shlex
import shutil
import sys
from pathlib import Path

from invoke import task

ROOT = Path(__file__).resolve().parent
SETTINGS = "pelican.conf.py"
OUTPUT = ROOT / os.environ.get("NEWSREADER_OUTPUT", "output")
PELICAN = f"{sys.executable} -m pelican -s {SETTINGS}"


def _env(**extra: str) -> dict[str, str]:
    return {k: v for k, v in extra.items() if v is not None}


@task
def clean(c):
    """Remove the generated site (for an `output` that is a symlink: only the files builds wrote there)."""
    sys.path.insert(0, str(ROOT / "plugins"))
    from newsreader.build.publish import clean as clean_output  # noqa: PLC0415 - imports Pelican

    clean_output(OUTPUT, ROOT / os.environ.get("NEWSREADER_CACHE", ".cache/newsreader"))


def _ensure_node_modules(c):
    """lunr.js (site) and axe-core (tests) come from npm, pinned by package-lock.json."""
    lock = ROOT / "package-lock.json"
    stamp = ROOT / "node_modules" / ".package-lock.json"
    if not stamp.exists() or stamp.stat().st_mtime < lock.stat().st_mtime:
        if not shutil.which("npm"):
            sys.exit("npm is needed to install lunr.js for search (Node.js 20 with npm); see README.md")
        with c.cd(str(ROOT)):
            c.run("npm ci --no-audit --no-fund", pty=False)


def _site_size():
    """plugins/newsreader/site_size.py, loaded alone (importing the plugin package would load Pelican)."""
    name = "newsreader_site_size"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "plugins" / "newsreader" / "site_size.py")
        sys.modules[name] = module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    return sys.modules[name]


@task(name="site-size")
def site_size(c, check=False):
    """Print the size of output/ by folder; with --check, fail (exit 1) when GitHub Pages would refuse it.

    (A build reports its size itself, from what it published.)
    """
    sizes = _site_size()
    size = sizes.measure(OUTPUT)
    print(sizes.summary(size))
    for warning in sizes.warnings(size):
        print(f"warning: {warning}", file=sys.stderr)
    refused = sizes.refusal(size)
    if check and refused:
        sys.exit(f"site-size: {refused}")


@task
def build(c, siteurl=None, check="stat"):
    """Build the site into output/ (SITEURL from --siteurl or the environment).

    Published into output/ only when the build succeeds, and only the files that changed.
    """
    if check not in {"stat", "content"}:
        sys.exit("build: --check is stat (trust files the last build wrote, by their stat) or content")
    _ensure_node_modules(c)
    with c.cd(str(ROOT)):
        c.run(f"{PELICAN} -e NEWSREADER_OUTPUT_CHECK='\"{check}\"'", env=_env(SITEURL=siteurl), pty=sys.stdout.isatty())


@task
def rebuild(c, siteurl=None):
    """Build, comparing every file in output/ byte for byte with what the build makes (a hand edit is undone).

    Unlike removing output/ first, a failed rebuild leaves the last good site in place.
    """
    build(c, siteurl=siteurl, check="content")


@task
def serve(c, port=8000):
    """Serve output/ at http://127.0.0.1:PORT/ (build first)."""
    with c.cd(str(ROOT)):
        c.run(f"{PELICAN} --listen --bind 127.0.0.1 --port {int(port)}", pty=sys.stdout.isatty())


def livereload_csp() -> str:
    """The CSP source that lets python-livereload's injected inline script run: its SHA-256 (the script as the
    pinned livereload 2.7 writes it for a server on the page's own port)."""
    script = (
        '(function(){var s=document.createElement("script");'
        "var port=(window.location.port || (window.location.protocol == 'https:' ? 443: 80));"
        's.src="//"+window.location.hostname+":"+port+ "/livereload.js?port=" + port;'
        "document.head.appendChild(s);})();"
    )
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


@task
def livereload(c, port=8000):
    """Build a preview, serve it at 127.0.0.1:PORT and rebuild + reload on changes to content, theme or plugins.

    The preview's pages allow livereload's script in their CSP (NEWSREADER_LIVERELOAD_CSP); a published
    build (invoke build, gh-pages) never does.
    """
    from livereload import Server

    preview = f"{PELICAN} -e " + shlex.quote(f"NEWSREADER_LIVERELOAD_CSP={json.dumps(livereload_csp())}")

    def rebuild_site():
        c.run(preview, warn=True)

    _ensure_node_modules(c)
    rebuild_site()
    server = Server()
    for folder in (os.environ.get("NEWSREADER_CONTENT", "content"), "theme", "plugins"):
        server.watch(f"{folder}/**/*", rebuild_site)
    server.watch(SETTINGS, rebuild_site)
    server.serve(host="127.0.0.1", port=int(port), root=str(OUTPUT))


@task
def screenshots(c, folder="screenshots", query="military"):
    """Chromium screenshots of home, an article, an entity page, the timeline and search results at 390 and
    1,280 px, light and dark, into FOLDER (build first)."""
    with c.cd(str(ROOT)):
        c.run(f"{sys.executable} scripts/screenshots.py --output {shlex.quote(str(OUTPUT))} "
              f"--folder {shlex.quote(folder)} --query {shlex.quote(query)}", pty=sys.stdout.isatty())


@task
def test(c, k=None, fast=False, serial=False):
    """Install the pinned JavaScript test dependencies if needed, then run pytest on every core (pytest-xdist).

    -k EXPR: only the matching tests; --fast: leave out the tests marked slow (the long end-to-end builds);
    --serial: one process (easier to read a failure or to debug with pdb).
    """
    with c.cd(str(ROOT)):
        _ensure_node_modules(c)
        select = f" -k {k!r}" if k else ""
        select += ' -m "not slow"' if fast else ""
        # One test file stays in one worker, so its module fixtures (a built site) are built once.
        workers = "" if serial else " -n auto --dist loadfile"
        c.run(f"{sys.executable} -m pytest{workers}{select}", pty=sys.stdout.isatty())


@task
def bench(c, articles=1000, keep=False, search_scale="1000,10000", shape="news", repeat=3, site_size="", dask="",
          scale="10000,100000", layers=False):
    """Build N synthetic articles with this project and with plain Pelican; print times, sizes and ratios.

    --dask local (or a scheduler's address): instead, cold annotation with the process pool against a 2-worker
    Dask cluster, and the site-wide steps at --scale articles (scripts/bench_dask.py; --articles 600 there).
    --shape entity-rich: about 40 entities per article, nearly all its own (entity pages outnumber articles).
    --shape archive: a newsroom archive (a recurring cast, most names met once, quotes and dated events; article 0 is long).
    --repeat N: runs of each build, the median printed (3 by default).
    --site-size N,M: instead, the site's bytes and files per article by folder at each size (entity-rich),
    projected to 10,000 and 50,000 articles.
    --layers: instead, rebuilds with each speed layer switched off in turn (scripts/bench_layers.py).
    """
    if layers:
        _ensure_node_modules(c)
        with c.cd(str(ROOT)):
            c.run(f"{sys.executable} scripts/bench_layers.py --articles {int(articles)} --shape {shape!r}"
                  f" --repeat {int(repeat)}", pty=sys.stdout.isatty())
        return
    if dask:
        with c.cd(str(ROOT)):
            c.run(f"{sys.executable} scripts/bench_dask.py --dask {shlex.quote(dask)} --scale {shlex.quote(scale)}"
                  + (f" --articles {int(articles)}" if articles != 1000 else ""), pty=sys.stdout.isatty())
        return
    _ensure_node_modules(c)
    with c.cd(str(ROOT)):
        c.run(f"{sys.executable} scripts/bench.py --articles {int(articles)} --search-scale {search_scale!r}"
              f" --shape {shape!r} --repeat {int(repeat)} --site-size {site_size!r}" + (" --keep" if keep else ""),
              pty=sys.stdout.isatty())


@task(name="gh-pages")
def gh_pages(c, siteurl=None):
    """Build with the publish SITEURL and push output/ to the gh-pages branch with ghp-import."""
    siteurl = siteurl or os.environ.get("PUBLISH_SITEURL") or os.environ.get("SITEURL")
    if not siteurl:
        sys.exit("gh-pages: give the published address, e.g. --siteurl https://user.github.io/repo")
    clean(c)
    build(c, siteurl=siteurl)
    refused = _site_size().refusal(_site_size().measure(OUTPUT))
    if refused:
        sys.exit(f"gh-pages: {refused}")
    (OUTPUT / ".nojekyll").touch()
    with c.cd(str(ROOT)):
        c.run(f"{sys.executable} -m ghp_import -b gh-pages -n -p -m 'Publish site' {OUTPUT}")
