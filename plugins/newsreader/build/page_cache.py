"""Rendered-output cache: a page whose inputs hash the same as in an earlier build is reused, not rendered.

The glue gives each page a *render key*: :func:`keys.site_key` (theme templates, this
plugin's code and data, library versions, settings) hashed with the page's own
inputs — for an article page its text, annotations, corrections and the URLs of
its entities (``annotation.py``); for an entity page the render keys of the
articles that mention it (``generators.py``). Pelican's own list pages (home
and its pagination, archives, sources, sitemap) are keyed in :mod:`keys`, by
the content keys of the lists they get (:func:`keys.list_key`). :class:`CachingWriter` is
Pelican's writer plus that lookup. Output is byte-identical either way; the
tests build with a cold and a warm cache, and after edits, and compare.

Cache entries are verified when read (``build/cache.py``: size, SHA-256 and a MAC
keyed by a secret not in the cache, in each entry's header); a damaged or forged entry, or a list-page entry of the wrong shape,
is a miss and the page is rendered again. Nothing is ever linked: the output
folder gets copies, and only of files that differ from what it holds
(``build/publish.py``), so editing ``output/`` by hand cannot change the cache.
A reused page sends ``content_written`` (with the path its bytes are at); a
reused list page or feed sends nothing.

A page's key names what *this theme's* template for it shows. A theme that prints
site-wide lists on every page (say, "latest articles" in ``base.html``) must add
them to the keys, or set ``NEWSREADER_PAGE_CACHE = False``.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from pelican import signals
from pelican.utils import sanitised_join
from pelican.writers import Writer

from . import state
from .cache import Cache, is_relative, key
from . import keys
from .keys import feed_digest, list_key, page_digest
from .page_packs import PackedCache

logger = logging.getLogger(__name__)

PAGES = "pages"  # sub-folder of NEWSREADER_CACHE_PATH
PRUNE_EVERY = 86400  # seconds


class CachingWriter(Writer):
    """Pelican's writer, plus: a ``write_file`` or ``write_feed`` given a render key reuses stored output.

    Article pages need no change at the call site: an article with a ``render_key``
    attribute (set by the glue) is looked up. ``lazy_kwargs`` is called for the
    template variables only when the page has to be rendered.
    """

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        folder = (settings or {}).get("NEWSREADER_CACHE_PATH")
        on = (settings or {}).get("NEWSREADER_PAGE_CACHE", True)
        packed = (settings or {}).get("NEWSREADER_PAGE_PACKS", True)  # off: only to measure (scripts/bench_layers.py)
        self.store = PackedCache(Path(folder) / PAGES if folder and on else None, packed)
        build = state.of(settings) if settings is not None else state.BuildState()
        self.publisher = build.publisher  # build/publish.py, set by build/output_folder.py
        self.store.publisher = self.publisher
        # Counters for the end-of-build report, kept in this build's own settings (no global state).
        self.stats = {"reused": 0, "rendered": 0}
        self.recording: list[str] | None = None  # files written by the current list-page write
        build.page_stats = self.stats
        build.page_store = self.store  # sealed when the build has finished (build/output_folder.py)
        build.writer = self  # for the entity pages, which start with the articles (entity_pages.py)

    def _open_w(self, filename, encoding, override=False):
        """Pelican's, plus a note of the file when a list page is being written."""
        if filename not in self._overridden_files and self.recording is not None:
            self.recording.append(filename)
        return super()._open_w(filename, encoding, override=override)

    def _reuse(self, name: str, digest: str, override: bool) -> str | None:
        """Stored output for ``name`` (where its bytes are), with Pelican's bookkeeping against writing a file twice.

        None when there is no good entry: the caller renders the page.
        """
        path = sanitised_join(self.output_path, name)
        if path in self._written_files or path in self._overridden_files:
            return None  # let Pelican's own checks speak
        where = self.store.link_to(digest, ".out", path)
        if not where:
            return None
        self._written_files.add(path)
        if override:
            self._overridden_files.add(path)
        self.stats["reused"] += 1
        return where

    def write_file(self, name, template, context, relative_urls=False, paginated=None, template_name=None,
                   override_output=False, url=None, render_key=None, lazy_kwargs=None, **kwargs):
        if render_key is None and "article" in kwargs:  # its page also shows links on (``article_links.py``)
            render_key = keys.page_key(kwargs["article"])
        elif render_key is None and name and self.store.folder is not None:
            listed = list_key(template_name, context, kwargs)
            if listed:
                digest = key(listed, name, bool(relative_urls), url)
                return self._write_list(digest, lambda: super(CachingWriter, self).write_file(
                    name, template, context, relative_urls, paginated, template_name, override_output, url, **kwargs),
                    override_output)
        if not render_key or not name or paginated:
            kwargs.update(lazy_kwargs() if lazy_kwargs else {})
            return super().write_file(name, template, context, relative_urls, paginated, template_name,
                                      override_output, url, **kwargs)
        digest = page_digest(render_key, name, relative_urls)
        where = self._reuse(name, digest, override_output)
        if where:
            if signals.content_written.receivers:  # the context is copied only for someone listening
                signals.content_written.send(where, context=dict(context, output_file=name, **kwargs))
            return None
        kwargs.update(lazy_kwargs() if lazy_kwargs else {})
        self._keep(name, digest, lambda: super(CachingWriter, self).write_file(
            name, template, context, relative_urls, paginated, template_name, override_output, url, **kwargs))
        return None

    def may_reuse(self) -> bool:
        """Whether any page can be placed without rendering: the cache holds packs, or the output folder holds
        files of an earlier build. Not so in a cold build, which then skips looking up each of its pages."""
        if self.store.folder is None or signals.content_written.receivers:
            return False
        return self.store.holds_packs() or bool(self.publisher and self.publisher.old)

    def reuse_all(self, files: list[tuple[str, str]]) -> set[str]:
        """Files (name, digest from :func:`page_digest` or :func:`feed_digest`) placed from the cache, in one go.

        Returns the names placed; the caller writes the others as usual (``write_file``, ``write_feed``). For the
        thousands of entity pages of a site, this skips building each page's arguments. Nothing is placed when
        someone listens for ``content_written`` (a reused page sends it, with its template variables).
        """
        if not self.may_reuse():
            return set()
        return {name for name, digest in files if self._reuse(name, digest, False)}

    def write_feed(self, elements, context, path=None, url=None, feed_type="atom", override_output=False,
                   feed_title=None, render_key=None):
        """A feed of articles that all have render keys is reused like a page (``elements`` are not looked at
        when a ``render_key`` is given and the feed is reused).

        On reuse no feed object is built, so ``feed_generated``/``feed_written`` are not sent for it.
        """
        if render_key is None:
            # A source's feed tells of its articles by title, link and summary: their texts are in the site's feed.
            full = path == self.settings.get("FEED_ALL_ATOM") or not self.settings.get("NEWSREADER_FEEDS_SUMMARY_ONLY")
            elements = [item if isinstance(item, FeedEntry) else FeedEntry(item, full) for item in elements]
        if path and render_key is None:
            found = [keys.render_key(item) for item in elements[: self.settings["FEED_MAX_ITEMS"]]]
            if found and all(found):
                render_key = key("feed items", found)
        if not render_key or not path:
            return super().write_feed(elements, context, path, url, feed_type, override_output, feed_title)
        digest = feed_digest(render_key, path, url, feed_type, feed_title)
        if self._reuse(path, digest, override_output):
            return None
        return self._keep(path, digest, lambda: super(CachingWriter, self).write_feed(
            elements, context, path, url, feed_type, override_output, feed_title))

    def _write_list(self, digest: str, write, override: bool) -> None:
        """A list page may be several files (pagination): the entry is the list of their names, plus each file."""
        names = self.store.get(digest, valid=_valid_names)
        if names and all(self.store.has(key(digest, n), ".out") for n in names):
            placed = [n for n in names if self._reuse(n, key(digest, n), override)]
            if len(placed) == len(names):
                return
            for n in placed:  # one of its files is damaged: the whole list is rendered again
                self._forget(n)
        self.recording = []
        try:
            write()
            written = [os.path.relpath(path, self.output_path) for path in self.recording]
        finally:
            self.recording = None
        for n in written:
            self._adopt(key(digest, n), sanitised_join(self.output_path, n))
        self.store.put_text(digest, json.dumps(written), ".json")
        self.stats["rendered"] += len(written)

    def _forget(self, name: str) -> None:
        path = sanitised_join(self.output_path, name)
        self._written_files.discard(path)
        self._overridden_files.discard(path)
        self.stats["reused"] -= 1
        if self.publisher is not None:
            self.publisher.forget(path)

    def _adopt(self, digest: str, path: str) -> None:
        """Store the file Pelican wrote at ``path`` as the entry, and tell the publisher its hash."""
        content_hash = self.store.adopt(digest, ".out", path)
        if self.publisher is not None:
            self.publisher.written(path, content_hash, f"{digest}.out")

    def _keep(self, name: str, digest: str, write):
        """Run Pelican's own write, then keep the file it wrote as the cache entry."""
        path = sanitised_join(self.output_path, name)
        skipped = path in self._overridden_files  # Pelican will write to os.devnull instead
        result = write()
        if not skipped:
            self._adopt(digest, path)
        self.stats["rendered"] += 1
        return result


def _valid_names(names) -> bool:
    """A list-page entry: the relative paths of the files it wrote (nothing absolute, nothing climbing out)."""
    return isinstance(names, list) and bool(names) and all(is_relative(n) for n in names)


def get_writer(pelican):
    return CachingWriter


def report(pelican, keep: set[str] = frozenset()) -> dict:
    """After the build: how much output was reused; entries unused for ``NEWSREADER_*_CACHE_DAYS`` are removed.

    Entries in ``keep`` (those the output folder holds copies of, reused without being read) are kept. Returns the
    counts (``reused``, ``rendered``, ``removed``) for the build's report.
    """
    settings = pelican.settings
    folder = settings["NEWSREADER_CACHE_PATH"]
    removed = 0
    if folder:
        # Looking at every entry costs a stat each: once a day is enough for entries kept for days.
        removed += PackedCache(Path(folder) / PAGES).prune(settings["NEWSREADER_PAGE_CACHE_DAYS"], keep,
                                                           every=PRUNE_EVERY)
        # Annotations cost a spaCy parse to make again: they are kept longer.
        removed += Cache(folder).prune(settings["NEWSREADER_ANNOTATION_CACHE_DAYS"], every=PRUNE_EVERY)
    stats = state.of(settings).page_stats
    if stats is not None:
        logger.info("Page cache: %d files reused, %d rendered; %d unused entries removed",
                    stats["reused"], stats["rendered"], removed)
    return {"reused": (stats or {}).get("reused", 0), "rendered": (stats or {}).get("rendered", 0), "removed": removed}


class FeedEntry:
    """An article as a feed gives it. Pelican's writer gives an Atom entry a ``<content>`` only when ``get_content``
    returns something: in the site's own feed (``full``), the article's annotated body (``article.newsreader.body``,
    else Pelican's content); in any other feed (a source's, an entity's), nothing: title, link, dates and summary.
    Carrying every text again in every other feed made those feeds two fifths of an entity-rich site (270 MB of
    690 MB at 1,000 articles; GitHub Pages takes sites up to 1 GB)."""

    def __init__(self, article, full: bool = False):
        self._article, self._full = article, full

    def __getattr__(self, name):
        return getattr(self._article, name)

    def get_content(self, siteurl):
        if not self._full:
            return None
        body = getattr(getattr(self._article, "newsreader", None), "body", None)
        return body if body is not None else self._article.get_content(siteurl)
