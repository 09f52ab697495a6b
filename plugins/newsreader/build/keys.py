"""What each output is made from: the build's one table of keys. Every key that decides whether an output can be
taken from the cache is made here, from the inputs named below (a key is a SHA-256 over them, ``cache.key``):

| output | made from | function |
| --- | --- | --- |
| an article's annotation record | its text and date, the spaCy model, the rules' own code | ``core/annotate.cache_key`` |
| every page | templates, the plugin's code and data, library versions, output settings | ``site_key`` |
| an article's events as shown | site, its annotation, slug, the corrections | ``event_display`` |
| the entity index (site-wide ids, pages) | site, each article's annotation, the corrections, URL pattern, page rule | ``entity_index`` |
| the annotation memo (a rebuild with nothing new) | site, each article's slug and annotation, the corrections | ``annotated_articles`` |
| article page, its feed entries, its JSON | site, annotation, corrections, URL, status, source, metadata, its entities | ``article`` |
| article page (the page alone) | the above, and the articles it links on to | ``article_links``, ``article_page`` |
| everything site-wide (index, export) | every article's render key | ``all_articles`` |
| entity page (page 1, page N) | site, the entity's record, related entities, its articles' render keys | ``entity_page``, ``entity_later_page`` |
| the entities index by letter | every article's render key, the letter | ``entities_letter`` |
| timeline year page, month page | site, the year, the render keys of the articles with events that year, neighbours | ``timeline_year``, ``year_page``, ``month_page`` |
| ``data/`` files | an article's render key; every article's for site-wide files | ``export_article``, ``export_file`` |
| search files | every article's render key (or the documents), whether the files for tools are written | ``search_files`` |
| Pelican's list pages (home, archives, sources, sitemap, 404) | site, what of each listed article a list shows | ``list_key`` |

The cache's own bookkeeping (where a page is stored: ``page_digest``, ``feed_digest``; pack indexes, the output
folder's manifest) names entries, not inputs, and is made where it is stored.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import re
import sys
from importlib import metadata
from pathlib import Path

from .cache import key, text_key
from ..core.annotate import cache_key as annotation  # noqa: F401 - the annotation record's key, made in the core

PLUGIN_DIR = Path(__file__).resolve().parent.parent  # the whole plugin: its code is part of every page's key
# Settings that decide where things are read or written, not what a page contains.
NOT_OUTPUT_SETTINGS = {
    "PATH", "OUTPUT_PATH", "CACHE_PATH", "NEWSREADER_CACHE_PATH", "NEWSREADER_PROCESSES", "DELETE_OUTPUT_DIRECTORY",
    "OUTPUT_RETENTION", "LOAD_CONTENT_CACHE", "CACHE_CONTENT", "CHECK_MODIFIED_METHOD", "CONTENT_CACHING_LAYER",
    "WRITE_SELECTED", "NEWSREADER_PAGE_CACHE", "NEWSREADER_PAGE_CACHE_DAYS", "NEWSREADER_ANNOTATION_CACHE_DAYS",
    "NEWSREADER_OUTPUT_CHECK", "NEWSREADER_PARALLEL_FROM", "NEWSREADER_DASK", "NEWSREADER_MEMO", "NEWSREADER_REPORT",
    "NEWSREADER_PAGE_PLAN",  # switched off only to measure it (scripts/bench_layers.py)
    "NEWSREADER_BUILD",  # the build's runtime objects (build/state.py), never output settings
    # Where the theme, the templates, the plugins and lunr.js are: what is there is hashed (templates, plugin code)
    # or copied, so a checkout moved elsewhere keeps its cache.
    "THEME", "THEME_TEMPLATES_OVERRIDES", "EXTRA_TEMPLATES_PATHS", "PLUGIN_PATHS", "NEWSREADER_LUNR_JS",
}
LIBRARIES = ("pelican", "jinja2", "markupsafe", "feedgenerator")


def _stable(value):
    """A JSON-able form of a settings value that is the same in every run (no memory addresses)."""
    if isinstance(value, dict):
        return {str(k): _stable(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, (list, tuple)):
        return [_stable(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted(str(_stable(v)) for v in value)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, re.Pattern):
        return ["re", value.pattern, value.flags]
    if callable(value) or type(value).__name__ == "module":
        return ["obj", getattr(value, "__module__", ""), getattr(value, "__qualname__", getattr(value, "__name__", ""))]
    text = repr(value)
    return ["repr", type(value).__name__, "" if " at 0x" in text else text]


def _tree_digest(folders) -> str:
    digest = hashlib.sha256()
    for folder in folders:
        folder = Path(folder)
        if not folder.is_dir():
            continue
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def template_folders(settings: dict) -> list[str]:
    return [*settings.get("THEME_TEMPLATES_OVERRIDES", []), os.path.join(settings["THEME"], "templates"),
            *settings.get("EXTRA_TEMPLATES_PATHS", [])]


def site_key(settings: dict) -> str:
    """What every page depends on: templates, plugin code and data, library versions and settings."""
    versions = {name: metadata.version(name) for name in LIBRARIES}
    shown = {k: v for k, v in settings.items() if k not in NOT_OUTPUT_SETTINGS}
    return key(
        "site-1", sys.version_info[:2], versions, _stable(shown),
        _tree_digest(template_folders(settings)), _tree_digest([PLUGIN_DIR]),
    )


# Pelican's own list pages, and what of the build context they show.
LIST_TEMPLATES = {"index", "archives", "categories", "category", "sitemap", "404"}
LIST_CONTEXT = ("articles", "dates", "pages")


def render_key(item) -> str | None:
    """An annotated article's render key (``article.newsreader``, annotated.py); None for other content."""
    return getattr(getattr(item, "newsreader", None), "render_key", None)


def page_key(item) -> str | None:
    """An annotated article's page key: its render key and the articles its page links on to (article_links.py)."""
    return getattr(getattr(item, "newsreader", None), "page_key", None) or render_key(item)


def content_key(item) -> str:
    """An article's render key; for other content (Markdown articles, pages) a hash of what a list shows of it."""
    found = render_key(item)
    if found:
        return found
    source = getattr(item, "relative_source_path", None) or item.source_path  # not where the project is
    return key("content", source, item.url, item.save_as, item.status, str(item._content),
               {k: str(v) for k, v in item.metadata.items()})


def list_key(template_name, context: dict, kwargs: dict) -> str | None:
    """The key of one of Pelican's list pages (index, archives, sources, a source, sitemap, 404)."""
    site = getattr(context.get("newsreader"), "site_key", None)
    if template_name not in LIST_TEMPLATES or not site:
        return None
    lists = {name: [content_key(i) for i in context.get(name) or []] for name in LIST_CONTEXT}
    lists.update({name: [content_key(i) for i in value] for name, value in kwargs.items()
                  if name in {"articles", "dates", "all_articles"}})
    sources = [(c.name, c.slug, c.url, [content_key(a) for a in members]) for c, members in context.get("categories", [])]
    category = kwargs.get("category")
    return key(site, "list", template_name, kwargs.get("page_name"), kwargs.get("blog"), lists, sources,
               (category.name, category.slug, category.url) if category else None)


def page_digest(render_key: str, name: str, relative_urls: bool) -> str:
    """The cache entry of a page with this render key, saved as ``name``."""
    return text_key(render_key, name, "relative" if relative_urls else "")


def feed_digest(render_key: str, path: str, url=None, feed_type: str = "atom", feed_title=None) -> str:
    """The cache entry of a feed with this render key, saved as ``path``."""
    return text_key(render_key, path, str(url), str(feed_type), str(feed_title))


def file_key(kind: str, written: str | os.PathLike) -> str:
    """``key(kind, the text of the file written)``, read a block at a time (UTF-8): a search file made in pieces."""
    digest = hashlib.sha256(json.dumps([kind, ""], ensure_ascii=False)[:-2].encode("utf-8"))
    decoder = codecs.getincrementaldecoder("utf-8")()
    with open(written, "rb") as file:
        while block := file.read(1 << 20):
            digest.update(json.dumps(decoder.decode(block), ensure_ascii=False)[1:-1].encode("utf-8"))
    digest.update(json.dumps(decoder.decode(b"", final=True), ensure_ascii=False)[1:-1].encode("utf-8") + b'"]')
    return digest.hexdigest()


# ---- the glue's outputs ----------------------------------------------------------------------------------------
def event_display(site: str, annotation_key: str, slug: str, edits: str) -> str:
    return text_key(site, "event display", annotation_key, slug, edits)


def entity_index(site: str, entity_url: str, page_rule: dict, edits: str, articles: list[tuple[str, str, bool]]) -> str:
    """The site-wide index is a function of the articles' annotations (slug, digest, failed), the corrections
    (``edits``), the entity URL pattern, which entities earn a page (``page_rule``) and the code (``site``)."""
    return key(site, "entity index", entity_url, page_rule, edits, articles)


def annotated_articles(site: str, entity_url: str, edits: str, corrections: str,
                       slugs_and_digests: list[tuple[str, str]]) -> str:
    """The memo of annotated articles; ``corrections`` says where the corrections file is and what is there (its
    problems name it)."""
    return text_key(site, "annotated articles", entity_url, edits, corrections,
                    *(f"{s}\0{d}" for s, d in slugs_and_digests))


def entities_shown(entities: list[dict]) -> str:
    """What of an article's entities its page shows beyond its annotation: each one's site-wide id, type, URL, count."""
    return key([(e["type"], e["name"], e["id"], e["url"], e.get("article_count")) for e in entities])


def article(site: str, item, annotation_key: str, edits: str, entities: str) -> str:
    """Everything an article's page (and its feed entries and JSON) is made from, hashed with ``site``: the text and
    date (through its annotation key), its metadata, the corrections file (``edits``, its digest), its URL and
    category, the id and URL each of its entities got site-wide (``entities``, :func:`entities_shown`), and a
    hand-written article's links and emphasis (``raw.marks``: not in the annotated text)."""
    category = getattr(item, "category", None)
    return key(
        site, "article", annotation_key, edits, item.slug, item.url, item.save_as, item.status,
        str(category or ""), category.url if category else None,
        {k: str(v) for k, v in item.metadata.items() if k != "raw"}, entities, getattr(item.raw, "marks", None),
    )


def article_links(site: str, render_keys: list[str]) -> str:
    """Every article's previous, next and related articles, chosen site-wide."""
    return key(site, "article links", render_keys)


def article_page(render_key: str, links: dict) -> str:
    """An article's page alone: its render key and the cards of the articles it links on to."""
    return key(render_key, "article links", links)


def all_articles(site: str, render_keys: list[str]) -> str:
    return key(site, "all articles", render_keys)


def entity_page_plan(all_key: str, index_key: str | None) -> str:
    return key(all_key, "entity page plan", index_key)


def entity_page(site: str, record: dict, related: list, article_keys: list[str]) -> str:
    return key(site, "entity", record, related, article_keys)


def entity_later_page(site: str, record: dict, number: int, pages: int, total: int, article_keys: list[str]) -> str:
    return key(site, "entity page", record, number, pages, total, article_keys)


def entities_letter(all_key: str, letter: str) -> str:
    return key(all_key, "entities letter", letter)


def timeline_year(site: str, year: int, article_keys: list[str]) -> str:
    return key(site, "timeline year", year, article_keys)


def year_page(year_key: str, earlier, later, month_split: int) -> str:
    return key(year_key, earlier, later, month_split)


def month_page(year_key: str, month: int, before, after, month_split: int) -> str:
    return key(year_key, "month", month, before, after, month_split)


def export_article(render_key: str) -> str:
    return key(render_key, "export")


def export_file(all_key: str, name: str) -> str:
    """A site-wide ``data/`` file (``name``: entities, version, timeline, timelinejs)."""
    return key(key(all_key, "export"), name)


def search_files(render_keys: list[str], whole: bool) -> str:
    return f"search-{text_key('search documents', *render_keys, *(['whole'] if whole else []))}"


def search_files_of(index_key: str, store: dict, whole: bool) -> str:
    """The same, from the documents themselves, when an article has no render key."""
    return f"search-{key(index_key, store, *(['whole'] if whole else []))}"
