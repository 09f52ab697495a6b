"""Chromium screenshots of the built site for review: home, an article, the biggest entity page, the entities
index, the timeline and search results, at 390 and 1,280 px wide, light and dark (``invoke screenshots``).

    python3 scripts/screenshots.py --output output --folder screenshots [--query military]
"""

from __future__ import annotations

import argparse
import functools
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
             "search": f"search/?q={query}"}
    if biggest:  # the biggest entity page (the most-named entity's, as a rule)
        found["entity"] = f"entity/{biggest[0].parent.name}/"
    return found


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
                        target = folder / f"{name}-{width}-{scheme}.png"
                        page.screenshot(path=str(target), full_page=True)
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
