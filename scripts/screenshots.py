"""Chromium screenshots of the built site for review: home, an article (and the longest one), the biggest entity
page, the entities index, the timeline, search results and search while typing, at 390 and 1,280 px wide, light
and dark (``invoke screenshots``).

    python3 scripts/screenshots.py --output output --folder screenshots [--query military]
"""

from __future__ import annotations

import argparse
import functools
import json
import http.server
import os
import shutil
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from browsing import CHROMIUM_ARGS  # noqa: E402

SIZES = {"390": {"width": 390, "height": 844}, "1280": {"width": 1280, "height": 800}}
SCHEMES = ("light", "dark")


def pages(output: Path, query: str) -> dict[str, str]:
    """Name → path of the pages to shoot: the newest article's first entity stands for entity pages."""
    articles = sorted(p.parent.name for p in (output / "news").glob("*/index.html"))
    if not articles:
        sys.exit(f"no articles in {output}: build first (invoke build)")
    seed = "us-south-korea-military-cost-sharing-talks-collapse"
    article = seed if seed in articles else articles[0]
    biggest = sorted((output / "entity").glob("*/index.html"), key=lambda p: (-p.stat().st_size, p.parent.name))
    found = {"home": "", "article": f"news/{article}/", "timeline": "timeline/", "entities": "entity/",
             "search": f"search/?q={query}", "search-typing": ""}
    if biggest:  # the biggest entity page (the most-named entity's, as a rule)
        found["entity"] = f"entity/{biggest[0].parent.name}/"
    longest = longest_article(output)
    if longest and longest != found["article"]:
        found["article-long"] = longest  # the article page at any length (issue 24)
    return found


def longest_article(output: Path) -> str | None:
    """The URL of the article with the most text, from the data export (``data/articles/<slug>.json``)."""
    best = None
    for path in sorted((output / "data" / "articles").glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        size = sum(len(s["text"]) for s in record.get("sentences", []))
        if best is None or size > best[0]:
            best = (size, record["url"])
    return best[1] if best else None


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def shoot(output: Path, folder: Path, query: str) -> list[Path]:
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    handler = functools.partial(QuietHandler, directory=str(output))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    written = []
    executable = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            for width, viewport in SIZES.items():
                for scheme in SCHEMES:
                    context = browser.new_context(viewport=viewport, color_scheme=scheme, has_touch=width == "390",
                                                  is_mobile=width == "390", device_scale_factor=1)
                    page = context.new_page()
                    for name, path in pages(output, query).items():
                        page.goto(f"{base}/{path}")
                        page.wait_for_load_state("networkidle")
                        if name == "search":
                            page.locator(".search-results li").first.wait_for(timeout=10_000)
                        if name == "search-typing":  # the header's panel while a word is half typed
                            box = page.locator("#site-search-q")
                            if not box.is_visible():  # a phone: the header's search button opens the box
                                page.locator(".search-open").click()
                            box.click()
                            box.press_sequentially(query[:max(4, len(query) - 3)], delay=120)
                            page.locator(".search-panel .search-results li").first.wait_for(timeout=10_000)
                        target = folder / f"{name}-{width}-{scheme}.png"
                        page.screenshot(path=str(target), full_page=name != "search-typing")
                        written.append(target)
                    context.close()
            browser.close()
    finally:
        server.shutdown()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", default=str(ROOT / "output"))
    parser.add_argument("--folder", default=str(ROOT / "screenshots"))
    parser.add_argument("--query", default="military")
    args = parser.parse_args()
    for path in shoot(Path(args.output), Path(args.folder), args.query):
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


if __name__ == "__main__":
    main()
