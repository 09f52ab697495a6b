"""Pelican's writer, reusing the pages, feeds and list pages whose render key is cached (ARCHITECTURE.md)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from pelican import signals
from pelican.utils import sanitised_join
from pelican.writers import Writer

from ..annotated import feed_entries
from . import keys, state
from .cache import is_relative, key
from .keys import feed_digest, list_key, page_digest
from .page_packs import PackedCache

PAGES = "pages"  # sub-folder of NEWSREADER_CACHE_PATH


class CachingWriter(Writer):
    """``write_file``/``write_feed`` given a render key (an article's is found on it) reuse stored output;
    ``lazy_kwargs()`` gives the template variables only when the page is rendered."""

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        folder = settings.get("NEWSREADER_CACHE_PATH")
        on = settings.get("NEWSREADER_PAGE_CACHE", True)
        self.store = PackedCache(Path(folder) / PAGES if folder and on else None)
        build = state.of(settings)
        self.publisher = self.store.publisher = build.publisher  # build/publish.py, set by build/output_folder.py
        self.stats = {"reused": 0, "rendered": 0}  # for the end-of-build report
        self.recording: list[str] | None = None  # files written by the current list-page write
        build.writer = self  # for the entity pages, which start with the articles; sealed and reported by finish

    def _open_w(self, filename, encoding, override=False):
        """Pelican's, plus a note of the file when a list page is being written."""
        if filename not in self._overridden_files and self.recording is not None:
            self.recording.append(filename)
        return super()._open_w(filename, encoding, override=override)

    def _reuse(self, name: str, digest: str, override: bool) -> str | None:
        """Stored output placed at ``name`` (where its bytes are), with Pelican's bookkeeping; None: render it."""
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
        def write():
            kwargs.update(lazy_kwargs() if lazy_kwargs else {})
            return super(CachingWriter, self).write_file(name, template, context, relative_urls, paginated,
                                                         template_name, override_output, url, **kwargs)

        if render_key is None and "article" in kwargs:  # its page also shows links on (``article_links.py``)
            render_key = keys.page_key(kwargs["article"])
        elif render_key is None and name and self.store.folder is not None:
            listed = list_key(template_name, context, kwargs)
            if listed:
                return self._write_list(key(listed, name, bool(relative_urls), url), write, override_output)
        if not render_key or not name or paginated:
            return write()
        digest = page_digest(render_key, name, relative_urls)
        where = self._reuse(name, digest, override_output)
        if not where:
            return self._keep(name, digest, write)
        if signals.content_written.receivers:  # the context is copied only for someone listening
            signals.content_written.send(where, context=dict(context, output_file=name, **kwargs))
        return None

    def may_reuse(self) -> bool:
        """Whether :meth:`reuse_all` may place pages: a page cache, and nobody listening for ``content_written``."""
        return self.store.folder is not None and not signals.content_written.receivers

    def reuse_all(self, files: list[tuple[str, str]]) -> set[str]:
        """The files (name, digest) placed from the cache, after :meth:`may_reuse`; the caller writes the rest."""
        return {name for name, digest in files if self._reuse(name, digest, False)}

    def write_feed(self, elements, context, path=None, url=None, feed_type="atom", override_output=False,
                   feed_title=None, render_key=None):
        """A feed reused like a page (sending no signal) when it has a render key or all its articles have one."""
        def write():
            return super(CachingWriter, self).write_feed(elements, context, path, url, feed_type, override_output,
                                                         feed_title)

        if render_key is None:
            elements = feed_entries(elements, path, self.settings)
            found = [keys.render_key(item) for item in elements[: self.settings["FEED_MAX_ITEMS"]]]
            render_key = key("feed items", found) if path and found and all(found) else None
        if not render_key or not path:
            return write()
        digest = feed_digest(render_key, path, url, feed_type, feed_title)
        return None if self._reuse(path, digest, override_output) else self._keep(path, digest, write)

    def _write_list(self, digest: str, write, override: bool) -> None:
        """A list page may be several files (pagination): the entry is the list of their names, plus each file."""
        names = self.store.get(digest, valid=_valid_names)
        if names and all(self.store.has(key(digest, n), ".out") for n in names):
            placed = [n for n in names if self._reuse(n, key(digest, n), override)]
            if len(placed) == len(names):
                return
            for n in placed:  # one of its files is damaged: the whole list is rendered again
                path = sanitised_join(self.output_path, n)
                self._written_files.discard(path)
                self._overridden_files.discard(path)
                self.stats["reused"] -= 1
                self.publisher.forget(path)  # there, since a file was placed (Cache.link_to)
        self.recording = []
        try:
            write()
            written = [os.path.relpath(path, self.output_path) for path in self.recording]
        finally:
            self.recording = None
        for n in written:
            self.store.adopt(key(digest, n), ".out", sanitised_join(self.output_path, n))
        self.store.put_text(digest, json.dumps(written), ".json")
        self.stats["rendered"] += len(written)

    def _keep(self, name: str, digest: str, write):
        """Run Pelican's own write, then keep the file it wrote as the cache entry."""
        path = sanitised_join(self.output_path, name)
        skipped = path in self._overridden_files  # Pelican will write to os.devnull instead
        result = write()
        if not skipped:
            self.store.adopt(digest, ".out", path)
        self.stats["rendered"] += 1
        return result


def _valid_names(names) -> bool:
    """A list-page entry: the relative paths of the files it wrote (nothing absolute, nothing climbing out)."""
    return isinstance(names, list) and bool(names) and all(is_relative(n) for n in names)


def get_writer(pelican):
    return CachingWriter
