"""Signal handlers that fit the raw articles into the Pelican build."""

from __future__ import annotations

import logging
import os
import re
from functools import lru_cache

from jinja2.ext import Extension

from . import slugs
from .core.text.body_html import typographic
from .reader import RawNewsReader

logger = logging.getLogger(__name__)


DEFAULTS = {
    "ENTITY_URL": "entity/{id}/",  # folder-style: the page is saved as <url>index.html, page 2 as <url>page/2/
    "ENTITY_FEED_ATOM": "entity/{id}/feed.atom.xml",
    # An entity gets a page when it is named in this many articles, or mentioned this many times in all, or quoted this
    # many times; the others are served by their article (hover card, sidebar), the entities index (linked to the
    # article), the export and search.
    "NEWSREADER_ENTITY_PAGE_MIN_ARTICLES": 3,
    "NEWSREADER_ENTITY_PAGE_MIN_MENTIONS": 5,
    "NEWSREADER_ENTITY_PAGE_MIN_QUOTES": 2,
    # Every feed but the site's own (FEED_ALL_ATOM) gives each article by title, link and summary, not its whole text.
    "NEWSREADER_FEEDS_SUMMARY_ONLY": True,
    "NEWSREADER_ENTITY_FEED_MIN_ARTICLES": 10,  # an entity named in this many articles has an Atom feed of them
    "NEWSREADER_ENTITY_FEED_MAX_ITEMS": 10,  # an entity's feed: its newest articles (each by title, link and summary)
    # Files for tools that no page reads: the whole lunr index and its store (search/lunr-index.json, store.json) and
    # the site's events in one file (data/timeline.json, timelinejs.json). Off, they cost nothing (docs/export.md).
    "NEWSREADER_TOOL_EXPORTS": False,
    "ENTITIES_URL": "entity/",
    "ENTITIES_SAVE_AS": "entity/index.html",
    # Past this many entities with a page, the index shows each type's most mentioned (…_TOP) and a page per letter
    # lists them all (a file beside the entities' folders: no entity's id can take its name).
    "NEWSREADER_ENTITIES_INDEX_MAX": 400,
    "NEWSREADER_ENTITIES_INDEX_TOP": 40,
    "ENTITIES_LETTER_SAVE_AS": "entity/index-{letter}.html",
    "SEARCH_URL": "search/",
    "SEARCH_SAVE_AS": "search/index.html",
    "NEWSREADER_LUNR_JS": "node_modules/lunr/lunr.min.js",
    "TIMELINE_URL": "timeline/",
    "TIMELINE_SAVE_AS": "timeline/index.html",
    # Above this many events the site timeline shows its latest months and links to a page per year,
    # and a year with more than NEWSREADER_TIMELINE_MONTH_SPLIT events gets a page per month.
    "NEWSREADER_TIMELINE_SPLIT": 200,
    "NEWSREADER_TIMELINE_MONTH_SPLIT": 150,
    "TIMELINE_YEAR_URL": "timeline/{year}/",
    "TIMELINE_YEAR_SAVE_AS": "timeline/{year}/index.html",
    "TIMELINE_MONTH_URL": "timeline/{year}/{month:02d}/",
    "TIMELINE_MONTH_SAVE_AS": "timeline/{year}/{month:02d}/index.html",
    "NEWSREADER_CACHE_PATH": ".cache/newsreader",
    "NEWSREADER_CORRECTIONS": "annotations.yml",
    "NEWSREADER_PROCESSES": None,
    # A Dask scheduler's address (tcp://host:8786) or "local": annotation on that cluster (core/dask_backend.py).
    "NEWSREADER_DASK": None,
    "NEWSREADER_PAGE_CACHE": True,  # reuse rendered output whose inputs did not change (build/page_cache.py)
    "NEWSREADER_PAGE_CACHE_DAYS": 14,  # rendered output no build has used for this long is removed
    "NEWSREADER_ANNOTATION_CACHE_DAYS": 90,  # likewise annotations and search indexes
}


def own_consoles_after_fork() -> None:
    """In a forked process (annotation workers, the render helper, the search files), logging gets consoles of its own.

    Pelican logs through a rich ``Console`` whose status line ("Generating...") a thread redraws under the
    console's lock. A fork taken while that thread held the lock leaves it held for ever in the child, whose
    first log line would then hang the build. A new console on the same file has no lock taken, no status line.
    """
    from rich.console import Console  # noqa: PLC0415 - Pelican's own logging library
    from rich.logging import RichHandler  # noqa: PLC0415

    loggers = [logging.getLogger(), *logging.Logger.manager.loggerDict.values()]
    for handler in {h for lg in loggers for h in getattr(lg, "handlers", ()) if isinstance(h, RichHandler)}:
        handler.console = Console(file=handler.console.file)


PR_SET_PDEATHSIG = 1  # linux/prctl.h
_FORKED_BY: list[int] = [0]  # the pid of the process that is forking (set just before each fork)


def die_with_parent(parent: int) -> None:
    """In a forked child: be killed when ``parent`` dies (Linux ``PR_SET_PDEATHSIG``), and exit now if it
    already has. A build killed by the OOM killer must not leave a helper running (holding the console, or
    blocked writing into a pipe nobody reads); elsewhere the child finds out when its pipe closes."""
    try:
        import ctypes  # noqa: PLC0415
        import signal  # noqa: PLC0415

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass
    if parent and os.getppid() != parent:  # it died before the request was made
        os._exit(1)


def _before_fork() -> None:
    _FORKED_BY[0] = os.getpid()


def _after_fork_in_child() -> None:
    die_with_parent(_FORKED_BY[0])
    own_consoles_after_fork()


@lru_cache(maxsize=1)  # once per process
def guard_forks() -> None:
    """In every forked child (where processes are forked: not on Windows): :func:`die_with_parent` and
    :func:`own_consoles_after_fork`. (The output folder's lock is let go in children by ``build/output_lock.py``.)"""
    if hasattr(os, "register_at_fork"):
        os.register_at_fork(before=_before_fork, after_in_child=_after_fork_in_child)


def processes(settings: dict) -> int:
    """Processes a build may use (``NEWSREADER_PROCESSES``, by default one per core)."""
    return int(settings.get("NEWSREADER_PROCESSES") or os.cpu_count() or 1)


def shown(text) -> str:
    """Text as displayed: curly quotes, dashes and ellipses (escaped text stays escaped: ``&<>`` are untouched)."""
    return _shown(str(text))


@lru_cache(maxsize=65536)
def _shown(text: str) -> str:
    """The same names and headlines are shown on thousands of pages: each is made typographic once."""
    return "".join(typographic(text))


# A template line's indentation, and whether the line before ended with a block tag or comment (``trim_blocks``
# takes the newline after one: then one space stands for the indentation, as a run of spaces showed as one).
_INDENT = re.compile(r"(%}|#})?\n[ \t]+")


class TemplateIndentation(Extension):
    """The theme's templates without their indentation: written once per page, it was about a tenth of every
    page's bytes (issue 25). What a browser shows is unchanged: a run of white space shows as one space, and no
    template has preformatted text (no ``<pre>``, no ``white-space: pre``)."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        return _INDENT.sub(lambda m: f"{m.group(1)}\n " if m.group(1) else "\n", source)


def default_settings(pelican) -> None:
    for key, value in DEFAULTS.items():
        pelican.settings.setdefault(key, value)
    jinja = pelican.settings.setdefault("JINJA_ENVIRONMENT", {})
    if TemplateIndentation not in jinja.get("extensions", []):  # once: a long-running process builds again
        jinja["extensions"] = [*jinja.get("extensions", []), TemplateIndentation]
    # Headlines and quotes in templates are shown like the body: `{{ text|typographic }}`.
    pelican.settings["JINJA_FILTERS"] = {"typographic": shown, **pelican.settings.get("JINJA_FILTERS", {})}
    # Compiled templates are not cached: Jinja's cache entries are pickled code, and nothing read from the cache
    # may ever be run (a CI cache can be written by other runs). Compiling them costs about 40 ms a build.


def add_reader(readers) -> None:
    readers.reader_classes["txt"] = RawNewsReader


def dedupe_slugs(generator) -> None:
    """Usable article and source slugs, duplicates numbered with free suffixes (``slugs.settle``)."""
    slugs.settle(generator)


def structured_data(article, siteurl: str) -> dict:
    """schema.org NewsArticle data for an article's page, printed with ``tojson``."""
    raw = getattr(article, "raw", None)
    url = f"{siteurl}/{article.url}"
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": getattr(article, "headline", None) or article.title,
        "url": url,
        "mainEntityOfPage": url,
        "publisher": {"@type": "Organization", "name": getattr(article, "source", "")},
    }
    if not getattr(article, "date_unknown", False):
        data["datePublished"] = article.date.isoformat()
    if raw is not None:  # no articleBody (optional in schema.org): the text is the page itself, not written twice
        data["wordCount"] = sum(len(p.split()) for p in raw.paragraphs)
    return data
