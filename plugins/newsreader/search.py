"""Search: the lunr index and display store written at the end of the build, plus the search page."""

from __future__ import annotations

import json
import logging
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


class SearchGenerator(Generator):
    def generate_output(self, writer):
        settings = self.settings
        articles = sorted(self.context.get("articles", []), key=lambda a: (a.date, a.slug), reverse=True)
        docs, store = documents_and_store(articles, settings.get("SITEURL", ""))
        cache = Cache(settings["NEWSREADER_CACHE_PATH"])
        name = f"search-{index_key(docs)}"  # the index as written, so a rebuild copies it
        out = Path(self.output_path) / settings["SEARCH_URL"]
        out.mkdir(parents=True, exist_ok=True)
        if not cache.link_to(name, ".json", out / "lunr-index.json"):
            replace_text(out / "lunr-index.json", json.dumps(build(docs), sort_keys=True, separators=(",", ":"), ensure_ascii=False))
            cache.adopt(name, ".json", out / "lunr-index.json")
        replace_text(out / "store.json", json.dumps(store, sort_keys=True, separators=(",", ":"), ensure_ascii=False))
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
