"""Search: the lunr index and display store written at the end of the build, plus the search page."""

from __future__ import annotations

import json
import logging
import multiprocessing
import shutil
from pathlib import Path

from markupsafe import Markup
from pelican.generators import Generator

from .core.cache import Cache, replace_text
from .core.search_index import build, index_key

logger = logging.getLogger(__name__)


def documents_and_store(articles, siteurl: str) -> tuple[list[dict], dict]:
    """One document per published article (refs are list positions) and the store the page displays."""
    docs, store = [], []
    entity_meta = {}
    for ref, article in enumerate(articles):
        raw = getattr(article, "raw", None)
        entities = getattr(article, "entities", [])
        names = []
        for e in entities:
            if e["type"] in {"money", "quantity"}:
                continue
            names += [e["name"], *e["aliases"]]
            entity_meta[e["id"]] = [e["name"], e["type"], e["aliases"]]
        body = "\n".join(raw.paragraphs) if raw else Markup(article.content).striptags()
        title = raw.headline if raw else Markup(article.title).striptags()
        source = str(getattr(article, "category", "") or "")
        docs.append({"ref": str(ref), "title": title, "entities": " ".join(names), "source": source, "body": body})
        dated = not getattr(article, "date_unknown", False)
        store.append({
            "t": title, "u": f"{siteurl}/{article.url}", "s": source,
            "d": article.date.strftime("%-d %B %Y") if dated else None,
            "y": article.date.year if dated else None,
            "e": sorted({e["id"] for e in entities if e["type"] not in {"money", "quantity"}}),
            "x": (raw.paragraphs[0] if raw else Markup(article.summary).striptags())[:300],
            "j": f"{siteurl}/data/articles/{article.slug}.json" if raw else None,
        })
    return docs, {"docs": store, "entities": dict(sorted(entity_meta.items()))}


def _dumps(value) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _build_into(folder: str, name: str, docs: list[dict]) -> None:
    """In a child process: build the index and leave it in the cache for the parent."""
    Cache(folder).put_text(name, _dumps(build(docs)))


class SearchGenerator(Generator):
    """The index is built in a second process while the other generators render pages, when it is not cached."""

    def generate_context(self):
        settings = self.settings
        articles = sorted(self.context.get("articles", []), key=lambda a: (a.date, a.slug), reverse=True)
        self.docs, self.store = documents_and_store(articles, settings.get("SITEURL", ""))
        self.cache = Cache(settings["NEWSREADER_CACHE_PATH"])
        self.name = f"search-{index_key(self.docs)}"  # the index as written, so a rebuild links it in
        self.worker = None
        forking = "fork" in multiprocessing.get_all_start_methods()
        if self.cache.folder is not None and forking and not self.cache.has(self.name):
            self.worker = multiprocessing.get_context("fork").Process(
                target=_build_into, args=(str(self.cache.folder), self.name, self.docs), daemon=True)
            self.worker.start()

    def generate_output(self, writer):
        settings = self.settings
        out = Path(self.output_path) / settings["SEARCH_URL"]
        out.mkdir(parents=True, exist_ok=True)
        if self.worker is not None:
            self.worker.join()
        if not self.cache.link_to(self.name, ".json", out / "lunr-index.json"):
            if self.worker is not None and self.worker.exitcode:  # 0: it ran, but the cache could not keep the index
                logger.warning("building the search index in a second process failed (exit code %s); building it here",
                               self.worker.exitcode)
            replace_text(out / "lunr-index.json", _dumps(build(self.docs)))
            self.cache.adopt(self.name, ".json", out / "lunr-index.json")
        replace_text(out / "store.json", _dumps(self.store))
        lunr_js = Path(settings["NEWSREADER_LUNR_JS"])
        target = Path(self.output_path) / settings["THEME_STATIC_DIR"] / "js" / "lunr.min.js"
        if lunr_js.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(lunr_js, target)
        else:
            logger.error("%s not found: run `npm ci` (invoke build does) so search can work", lunr_js)
        writer.write_file(settings["SEARCH_SAVE_AS"], self.get_template("search"), self.context,
                          relative_urls=settings["RELATIVE_URLS"], page_name="search")


def get_generators(pelican):
    return SearchGenerator
