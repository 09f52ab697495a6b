"""The keys of rendered output: what every page depends on (:func:`site_key`), and the keys of Pelican's own list
pages (:func:`list_key`), of a page and of a feed in the page cache (:mod:`page_cache`).

A page's render key is the site key hashed with the page's own inputs: the glue makes it for an article page
(``annotation.py``) and an entity page (``generators.py``); Pelican's list pages (home and its pagination,
archives, sources, sitemap) are keyed here, by the content keys of the lists they get.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
from importlib import metadata
from pathlib import Path

from .cache import key, text_key

PLUGIN_DIR = Path(__file__).resolve().parent.parent  # the whole plugin: its code is part of every page's key
# Settings that decide where things are read or written, not what a page contains.
NOT_OUTPUT_SETTINGS = {
    "PATH", "OUTPUT_PATH", "CACHE_PATH", "NEWSREADER_CACHE_PATH", "NEWSREADER_PROCESSES", "DELETE_OUTPUT_DIRECTORY",
    "OUTPUT_RETENTION", "LOAD_CONTENT_CACHE", "CACHE_CONTENT", "CHECK_MODIFIED_METHOD", "CONTENT_CACHING_LAYER",
    "WRITE_SELECTED", "NEWSREADER_PAGE_CACHE", "NEWSREADER_PAGE_CACHE_DAYS", "NEWSREADER_ANNOTATION_CACHE_DAYS",
    "NEWSREADER_PAGE_CACHE_STATS", "NEWSREADER_PUBLISHER", "NEWSREADER_OUTPUT_CHECK", "NEWSREADER_GC_THRESHOLD",
    "NEWSREADER_PARALLEL_FROM", "NEWSREADER_DASK", "NEWSREADER_DASK_SESSION",
    "NEWSREADER_PAGE_STORE", "NEWSREADER_WRITER", "NEWSREADER_MEMO_TRIAL",
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


def content_key(item) -> str:
    """An article's render key; for other content (Markdown articles, pages) a hash of what a list shows of it."""
    found = getattr(item, "render_key", None)
    if found:
        return found
    source = getattr(item, "relative_source_path", None) or item.source_path  # not where the project is
    return key("content", source, item.url, item.save_as, item.status, str(item._content),
               {k: str(v) for k, v in item.metadata.items()})


def list_key(template_name, context: dict, kwargs: dict) -> str | None:
    """The key of one of Pelican's list pages (index, archives, sources, a source, sitemap, 404)."""
    site = context.get("newsreader_site_key")
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
