"""What the site's own pages share, made once per build from the annotated articles (``SiteView``), and the one
way they are written (``write_file``: with a render key when the writer caches, see ``build/page_cache.py``).

The generators that use it: ``entity_pages.py`` (entity pages, their feeds, the entities index),
``timeline_pages.py`` (the site timeline and its year and month pages), ``export.py`` (``data/``).
"""

from __future__ import annotations

from functools import cached_property

from markupsafe import Markup

from . import article_events, export
from .annotated import AnnotatedSite, site_of
from .build import keys as build_keys
from .build.page_cache import CachingWriter
from .core.text.body_html import typographic
from .core.timex.timeline_entry import unique

def article_card(article, siteurl: str, url: str) -> dict:
    """What lists of articles show, computed once per article."""
    return {
        "href": f"{siteurl}/{url}",
        "title": Markup(article.title).striptags(),
        "source": str(getattr(article, "category", "") or ""),
        "date": None if getattr(article, "date_unknown", False) else article.date.strftime("%-d %B %Y"),
        # The day, as lists show it (the article's own page gives the time too).
        "iso": None if getattr(article, "date_unknown", False) else article.date.date().isoformat(),
    }


def timeline_events(records: list[dict], cards: dict, index: dict) -> list[dict]:
    """Events in date order (oldest first) as timelines show them, each repeat in one sentence dropped.

    ``records`` carry the display fields their article's page made (``article_events.FIELDS``); each event here
    adds ``lead``/``tail``, its clause (``text``, up to 240 characters around the date phrase) before and after the
    phrase, so the site timeline reads the event as a sentence, never as a bare "In December".
    """
    entities = index["entities"]
    return [dict(r, card=cards[r["article"]], **_around(r["text"], r["phrase"]),
                 entity_links=[entities[i] for i in r["entities"] if entities.get(i, {}).get("url")])
            for r in unique(records)]


def _around(text: str, phrase: str) -> dict:
    """The clause's text before and after the date phrase's first occurrence, made typographic."""
    at = text.find(phrase) if phrase else -1
    if at < 0:
        return {"lead": _typo(text), "tail": ""}
    return {"lead": _typo(text[:at]), "tail": _typo(text[at + len(phrase):])}


def _typo(text: str) -> str:
    return "".join(typographic(text))



class SiteView:
    """The articles as every site-wide page lists them: URLs, cards, render keys, the site's key and its events.

    Made once per build (``of``), when the first generator asks, after the articles were annotated.
    """

    def __init__(self, annotated: AnnotatedSite, settings: dict):
        index, articles = annotated.index, annotated.articles
        self.annotated = annotated
        siteurl = settings.get("SITEURL", "")
        self.urls = {a.slug: a.url for a in articles}  # Pelican's url property is slow: once per article
        self.cards = {a.slug: article_card(a, siteurl, self.urls[a.slug]) for a in articles}
        self.index = index
        self.articles = articles
        self.site = site = annotated.site_key
        self.keys = keys = {a.slug: a.newsreader.render_key for a in articles}
        self.all_key = build_keys.all_articles(site, [keys[a.slug] for a in articles])
        self.by_slug = {a.slug: a for a in articles}
        self.newest_first = sorted(articles, key=lambda a: (a.date, a.slug), reverse=True)

    @classmethod
    def of(cls, context: dict, settings: dict) -> SiteView:
        annotated = site_of(context) or AnnotatedSite("")
        if annotated.view is None:
            annotated.view = cls(annotated, settings)
        return annotated.view

    @cached_property
    def events(self) -> list[dict]:
        """Every event of the site, oldest first, as timelines show them."""
        shown = export.timeline_records(self.articles, self.urls, shown=article_events.FIELDS[1:])
        return timeline_events(shown, self.cards, self.index)


class LazyList:
    """A list made on first use (a cached feed's articles are never gathered)."""

    def __init__(self, make):
        self._make, self._items = make, None

    def _list(self) -> list:
        if self._items is None:
            self._items = self._make()
        return self._items

    def __getitem__(self, item):
        return self._list()[item]

    def __len__(self) -> int:
        return len(self._list())

    def __iter__(self):
        return iter(self._list())


def write_file(writer, name, template, context, render_key, lazy_kwargs, **kwargs):
    """``writer.write_file`` with a render key when the writer caches; otherwise everything is built now."""
    if isinstance(writer, CachingWriter):
        return writer.write_file(name, template, context, render_key=render_key, lazy_kwargs=lazy_kwargs, **kwargs)
    return writer.write_file(name, template, context, **kwargs, **(lazy_kwargs() if lazy_kwargs else {}))

