"""What the annotation stage gives the rest of the build, in two values (the pattern of pelican-plugins' ``series``):

- one :class:`AnnotatedSite` in the build's context, under ``context["newsreader"]`` (:func:`site_of`): the site's
  key, the site-wide entity index and its key, the annotated articles, whether the last build finished;
- one :class:`ArticleAnnotations` on each article, as ``article.newsreader`` (:func:`of`): its entities, events,
  quotes, figures, the keys of its page, the articles it links on to, and its annotated body (made when a page or
  feed that shows it is rendered rather than reused); a feed shows an article through a :class:`FeedEntry` (the
  site's feed with its annotated body, the other feeds by summary).

Templates read ``article.newsreader.<field>``; nothing else of the stage is attached to Pelican's objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable

from .core.entities.index import TYPE_ORDER
from .core.timex.timeline_entry import unique

SHORT_QUOTE = 3  # words: quoted words no one says, at most this long, are a term or a title, not something said
KEY = "newsreader"  # the context key of the AnnotatedSite, and the name of each article's attribute

TYPE_LABELS = {
    "person": ("People", "person"), "organization": ("Organisations", "org"), "place": ("Places", "place"),
    "agreement": ("Agreements", "agreement"), "money": ("Money", "money"), "quantity": ("Quantities", "qty"),
}


@dataclass(eq=False)
class ArticleAnnotations:
    """One article's annotations, as its page, its feed entry, the export and the search read them."""

    entities: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)  # in date order, with their display fields
    timexes: list[dict] = field(default_factory=list)
    quotes: list[dict] = field(default_factory=list)  # each with its speaker's entity id, name and link
    figures: list[dict] = field(default_factory=list)
    all_comparisons: list[dict] = field(default_factory=list)  # with those between different currencies
    make_body: Callable[[], str] | None = None  # the annotated body's HTML (None: Pelican's own content)
    render_key: str | None = None  # what its page, feed entries and JSON are made from (build/keys.py: article)
    page_key: str | None = None  # the page alone: the render key and the articles it links on to
    read_on: dict | None = None  # {"previous", "next", "related"}: cards of other articles (article_links.py)
    jsonld: dict | None = None  # schema.org NewsArticle data

    @cached_property
    def body(self) -> str | None:
        return self.make_body() if self.make_body else None

    @cached_property
    def entity_groups(self) -> list[tuple[str, str, list[dict]]]:
        """(heading, type, entities) for each type present, in the sidebar's order."""
        return [(TYPE_LABELS[t][0], t, [e for e in self.entities if e["type"] == t]) for t in TYPE_ORDER
                if any(e["type"] == t for e in self.entities)]

    @cached_property
    def timeline(self) -> list[dict]:
        return unique(self.events)

    @cached_property
    def listed_quotes(self) -> list[dict]:
        """The quotes "Who said what" lists: not a few words in quotation marks that no one is said to say (a term,
        a title, a nickname: the "zero-sum" rule, "Harbour Hour"); the text still marks them."""
        return [q for q in self.quotes if q["speaker_name"] is not None or len(q["text"].split()) > SHORT_QUOTE]

    @cached_property
    def quote_groups(self) -> list[dict]:
        """Listed quotes grouped by speaker, in the order speakers first speak; unknown speakers last."""
        groups: dict[str | None, dict] = {}
        for quote in self.listed_quotes:
            group = groups.setdefault(quote["speaker_name"],
                                      {"name": quote["speaker_name"], "href": quote["speaker_href"], "quotes": []})
            group["quotes"].append(quote)
        return sorted(groups.values(), key=lambda g: g["name"] is None)

    @cached_property
    def comparisons(self) -> list[dict]:
        """Comparisons between amounts in different currencies are in the data, not on the page (nothing to check)."""
        return [c for c in self.all_comparisons if c.get("comparable", True)]


@dataclass(eq=False)
class AnnotatedSite:
    """The annotation stage's result for the whole site."""

    site_key: str
    index: dict = field(default_factory=lambda: {"entities": {}, "local": {}, "ids": {}})
    index_key: str | None = None
    articles: list = field(default_factory=list)  # the annotated articles, by source path
    distrust: bool = False  # the last build did not finish: records taken whole from the cache are made again
    view: object = None  # the site-wide pages' shared view (site_view.SiteView), made on first use


def of(article) -> ArticleAnnotations | None:
    return getattr(article, KEY, None)


def site_of(context: dict) -> AnnotatedSite | None:
    return context.get(KEY)


class FeedEntry:
    """An article as a feed gives it: with its annotated body in the site's own feed (``full``), else with title,
    link, dates and summary only (carrying every text again in every feed made feeds 270 MB of a 690 MB site)."""

    def __init__(self, article, full: bool = False):
        self._article, self._full = article, full

    def __getattr__(self, name):
        return getattr(self._article, name)

    def get_content(self, siteurl):
        if not self._full:
            return None
        body = getattr(of(self._article), "body", None)
        return body if body is not None else self._article.get_content(siteurl)


def feed_entries(articles, path: str | None, settings: dict) -> list:
    """Articles as the feed at ``path`` shows them: a source's feed tells of its articles by title, link and summary
    (``NEWSREADER_FEEDS_SUMMARY_ONLY``): their texts are in the site's feed."""
    full = path == settings.get("FEED_ALL_ATOM") or not settings.get("NEWSREADER_FEEDS_SUMMARY_ONLY")
    return [item if isinstance(item, FeedEntry) else FeedEntry(item, full) for item in articles]
