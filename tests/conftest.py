"""Shared fixtures: build the site with Pelican into temporary folders, serve it under a subpath."""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"  # the synthetic fixture texts (tests/fixtures/)
SEED_DIR = ROOT / "content" / "news"
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT / "scripts"))

import synthetic  # noqa: E402  (scripts/synthetic.py)
from browsing import CHROMIUM_ARGS  # noqa: E402

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}

# Cache entries are authenticated with a secret (build/cache.py): one for the whole session, shared by the builds
# and by the tests that write entries themselves, and kept by a cache folder copied elsewhere. (Without it, each
# cache folder's secret is in a key file beside it: tests/build/test_cache_secret.py.)
os.environ.setdefault("NEWSREADER_CACHE_SECRET", "newsreader test session secret")


def require_tool(path_or_name: str, why: str) -> str:
    """Return the tool's path; fail under CI=true, skip elsewhere, when it is missing."""
    found = shutil.which(path_or_name)
    if found:
        return found
    message = f"{path_or_name} is not installed ({why}); .ci/run installs it"
    if IN_CI:
        pytest.fail(message)
    pytest.skip(message)


def write_raw(folder: Path, name: str, headline: str, source: str, dateline: str, paragraphs, tail=()) -> Path:
    """Write a synthetic raw article (a test fixture, never user content)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("\n".join([headline, source, dateline, *paragraphs, *tail]) + "\n", encoding="utf-8")
    return path


SESSION_CACHE = Path(tempfile.mkdtemp(prefix="newsreader-test-cache-"))


def build(content: Path, output: Path, siteurl: str = "", cache: Path | None = None, args: tuple[str, ...] = (),
          **extra_env: str) -> subprocess.CompletedProcess:
    """Run Pelican with the project's settings on ``content`` into ``output``.

    The annotation cache is one temporary folder per test session (never the project's own). The result carries the
    build's report (``NEWSREADER_REPORT``: files written, pages reused and rendered…) as ``result.report``.
    """
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        # A wide virtual terminal keeps each log message of the rich console on one line.
        env = dict(os.environ, NEWSREADER_CONTENT=str(content), NEWSREADER_OUTPUT=str(output), SITEURL=siteurl,
                   COLUMNS="1000", NEWSREADER_CACHE=str(cache or SESSION_CACHE), NEWSREADER_REPORT=str(report))
        env.pop("PYTHONPATH", None)
        env.update(extra_env)
        result = subprocess.run(
            [sys.executable, "-m", "pelican", "-s", "pelican.conf.py", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        result.report = json.loads(report.read_text(encoding="utf-8")) if report.exists() else None
    return result


XSS_HEADLINE = 'Synthetic test fixture <script>window.__pwned = "headline"</script> & "quotes"'
XSS_PARAGRAPHS = [
    'Test fixture paragraph with <img src="x" onerror="window.__pwned = \'img\'"> inside it.',
    'A <a href="javascript:window.__pwned = \'link\'">javascript link</a> and </p></div> stray tags.',
]


def entry_text(store, digest: str, suffix: str = ".json") -> str | None:
    """A cache entry's payload as text, verified (None for a miss)."""
    found = store.get_checked(digest, suffix)
    return None if found is None else found[0].decode("utf-8")


def make_fixture_corpus(folder: Path) -> Path:
    """The seed article plus synthetic fixtures: hostile markup, a Markdown article, bad inputs."""
    news = folder / "news"
    news.mkdir(parents=True)
    for seed in SEED_DIR.glob("*.txt"):
        shutil.copyfile(seed, news / seed.name)
    write_raw(news, "fixture_xss.txt", XSS_HEADLINE, "Fixture <b>Wire</b>", "2021-05-03 14:00", XSS_PARAGRAPHS)
    (news / "fixture_markdown.md").write_text(
        "Title: Hand-written fixture article\nDate: 2020-01-02 10:00\nCategory: Fixture Desk\n\n"
        "A hand-written *Markdown* test fixture keeps working beside the raw articles.\n",
        encoding="utf-8",
    )
    (news / "fixture_empty.txt").write_bytes(b"")
    (news / "fixture_oneline.txt").write_text("Only a headline here\n", encoding="utf-8")
    write_raw(news, "fixture_nodate.txt", "Fixture with no date line", "Fixture Wire", "sometime soon", ["Body text of an undated fixture."])
    (news / "fixture_latin1.txt").write_bytes(
        "Fixture caf\u00e9 headline\nFixture Wire\n19 November 2019\nA caf\u00e9 paragraph in Latin-1.\n".encode("latin-1")
    )
    # Enough synthetic articles to paginate the home page and a source page.
    synthetic.write_raw(news, 23)
    return folder


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    """The real content/ folder built at the site root."""
    out = tmp_path_factory.mktemp("seed-out")
    return out, build(ROOT / "content", out)


@pytest.fixture(scope="session")
def fixture_corpus(tmp_path_factory) -> Path:
    return make_fixture_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory, fixture_corpus) -> tuple[Path, subprocess.CompletedProcess]:
    out = tmp_path_factory.mktemp("fixture-out")
    return out, build(fixture_corpus, out)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class SubpathHandler(http.server.SimpleHTTPRequestHandler):
    """Serve a folder under /sub/ only, as GitHub Pages serves a project site; log every 404."""

    prefix = "/sub"
    missing: list[str]

    def translate_path(self, path):
        if not (path == self.prefix or path.startswith(self.prefix + "/")):
            return "/nonexistent-outside-subpath"
        return super().translate_path(path[len(self.prefix):] or "/")

    def send_error(self, code, message=None, explain=None):
        if code == 404:
            self.missing.append(self.path)
        super().send_error(code, message, explain)

    def log_message(self, *args):
        pass


def build_and_serve(content: Path, out: Path, args: tuple[str, ...] = (), **extra_env: str):
    """Build ``content`` with SITEURL=http://127.0.0.1:PORT/sub and serve it from /sub/ (call ``stop`` after)."""
    port = free_port()
    build(content, out, siteurl=f"http://127.0.0.1:{port}/sub", args=args, **extra_env)
    missing: list[str] = []
    handler = type("Handler", (SubpathHandler,), {"missing": missing})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=str(out)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return {"base": f"http://127.0.0.1:{port}/sub", "output": out, "missing": missing, "stop": server.shutdown}


@pytest.fixture(scope="session")
def subpath_server(tmp_path_factory, fixture_corpus):
    """The fixture corpus built with SITEURL=http://127.0.0.1:PORT/sub and served from /sub/, with the files for tools
    (the whole search index, which the equality tests answer with)."""
    served = build_and_serve(fixture_corpus, tmp_path_factory.mktemp("sub-out"), NEWSREADER_TOOL_EXPORTS="1")
    yield served
    served["stop"]()


@pytest.fixture(scope="session")
def browser():
    executable = require_tool(os.environ.get("CHROMIUM", "chromium"), "browser tests drive Debian's chromium")
    from playwright import sync_api  # noqa: PLC0415 - only the browser tests need it
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()




@pytest.fixture(scope="module")
def cluster():
    """A Dask LocalCluster of two worker processes (one thread each) and its scheduler, all on 127.0.0.1."""
    from distributed import Client, LocalCluster  # noqa: PLC0415 - only the Dask tests need it

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address="127.0.0.1:0", silence_logs=40) as local, Client(local) as client:
        client.wait_for_workers(2, timeout=60)
        yield client
