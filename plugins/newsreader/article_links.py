"""Glue: where a reader goes on from an article — its source's previous and next article, and related articles.

Related articles are those sharing the most entities that have a page of their own (people, organisations,
places, agreements met elsewhere on the site); ties go to the article nearest in time, then to the slug, so the
choice is the same on every build. An entity named in very many articles (more than ``COMMON``) says little about
what two articles share and would make the count quadratic in the archive: it is left out of the count (10,000
articles of 40 entities each take a few seconds, once: the choice is cached under the articles' render keys).

Runs when the articles are annotated (``annotation.annotated``); sets ``article.newsreader.read_on`` for the
template. Each article's page key (``page_key``, read by
``build/page_cache.py`` for the article's page only) is its render key plus what these links show (each linked
article's URL, title, source and date), so a page is rendered again when its neighbours or related articles
change, and feeds, the export and the search files, which show none of this, keep their keys.
"""

from __future__ import annotations

import heapq
from collections import Counter

from markupsafe import Markup

from .build import keys
from .build.cache import Cache

RELATED = 3
COMMON = 40  # an entity in more articles than this is not counted


def _card(article, siteurl: str) -> dict:
    unknown = getattr(article, "date_unknown", False)
    category = getattr(article, "category", None)
    return {
        "href": f"{siteurl}/{article.url}",
        "title": str(Markup(article.title).striptags()),
        "source": str(category or ""),
        "date": None if unknown else article.date.strftime("%-d %B %Y"),
        "iso": None if unknown else article.date.date().isoformat(),  # the day, as shown
    }


def neighbours(articles: list) -> dict[str, tuple[str | None, str | None]]:
    """Slug → (previous, next) slug in the same source, by publication date (then slug)."""
    by_source: dict[str, list] = {}
    for article in articles:
        by_source.setdefault(str(getattr(article, "category", None) or ""), []).append(article)
    out = {}
    for members in by_source.values():
        members.sort(key=lambda a: (a.date, a.slug))
        for i, article in enumerate(members):
            out[article.slug] = (members[i - 1].slug if i else None,
                                 members[i + 1].slug if i + 1 < len(members) else None)
    return out


def related(articles: list, count: int = RELATED, skip: dict[str, set[str]] | None = None) -> dict[str, list[str]]:
    """Slug → up to ``count`` slugs of the articles sharing most page-holding entities with it (at least one).

    ``skip`` names, per slug, articles not to list (its previous and next article, already linked).
    """
    skip = skip or {}
    entities = {a.slug: sorted({e["id"] for e in a.newsreader.entities if e.get("url")}) for a in articles}
    holders: dict[str, list[str]] = {}
    for slug, ids in entities.items():
        for entity in ids:
            holders.setdefault(entity, []).append(slug)
    day = {a.slug: a.date.toordinal() for a in articles}
    out = {}
    for slug, ids in entities.items():
        shared: Counter = Counter()
        for entity in ids:
            others = holders[entity]
            if len(others) <= COMMON:
                shared.update(others)  # counted in C: the cost is the postings of the article's entities
        shared.pop(slug, None)
        for other in skip.get(slug, ()):
            shared.pop(other, None)
        out[slug] = [other for other, _ in heapq.nsmallest(
            count, shared.items(), key=lambda item: (-item[1], abs(day[item[0]] - day[slug]), item[0]))]
    return out


def _choose(articles: list) -> dict[str, list]:
    around = neighbours(articles)
    near = related(articles, skip={slug: {s for s in pair if s} for slug, pair in around.items()})
    return {a.slug: [*around[a.slug], near[a.slug]] for a in articles}


def _chosen(context, site, articles: list) -> dict[str, list]:
    """Slug → [previous, next, related]: cached under the articles' render keys (which name their slugs, dates,
    sources and entities) and the code (the site key), as a 10,000-article site spends seconds choosing."""
    # The build's settings (the articles hold them), not the context's copy: a cache found unwritable at the start
    # of the build is None there, after its one warning.
    settings = getattr(articles[0], "settings", None) or context
    store = Cache(settings.get("NEWSREADER_CACHE_PATH") if settings.get("NEWSREADER_PAGE_CACHE", True) else None)
    digest = keys.article_links(site.site_key, [a.newsreader.render_key for a in articles])
    slugs = {a.slug for a in articles}

    def valid(found) -> bool:  # what the glue would make: the same slugs, each naming only slugs of the site
        return isinstance(found, dict) and found.keys() == slugs and all(
            isinstance(v, list) and len(v) == 3 and all(x is None or x in slugs for x in v[:2])
            and isinstance(v[2], list) and all(x in slugs for x in v[2]) for v in found.values())

    found = None if site.distrust else store.get(digest, touch=True, valid=valid)
    if found is None:
        found = _choose(articles)
        store.put(digest, found)
    return found


def attach(context, site) -> None:
    """Set each article's ``read_on`` ({"previous", "next", "related"}: article cards) and ``page_key``."""
    articles = [a for a in context.get("articles") or [] if keys.render_key(a)]
    if not articles:
        return
    siteurl = context.get("SITEURL", "")
    cards = {a.slug: _card(a, siteurl) for a in articles}
    chosen = _chosen(context, site, articles)
    for article in articles:
        previous, following, near = chosen[article.slug]
        links = {
            "previous": cards[previous] if previous else None,
            "next": cards[following] if following else None,
            "related": [cards[s] for s in near],
        }
        article.newsreader.read_on = links
        article.newsreader.page_key = keys.article_page(article.newsreader.render_key, links)
