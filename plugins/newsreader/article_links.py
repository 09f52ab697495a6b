"""Glue: where a reader goes on from an article — its source's previous and next article, and related articles.

Related articles are those sharing the most entities that have a page of their own (people, organisations,
places, agreements met elsewhere on the site); ties go to the article nearest in time, then to the slug, so the
choice is the same on every build. An entity named in very many articles (``COMMON``) says little about what two
articles share and would make the count quadratic in the archive: it is left out of the count.

Runs when the articles are annotated (``annotate.annotated``). Each article's page key (``page_key``, read by
``page_cache.py`` for the article's page only) is its render key plus what these links show (each linked
article's URL, title, source and date), so a page is rendered again when its neighbours or related articles
change, and feeds, the export and the search files, which show none of this, keep their keys.
"""

from __future__ import annotations

from markupsafe import Markup

from .core.cache import key

RELATED = 3
COMMON = 40  # an entity in more articles than this (or a tenth of them, if more) is not counted


def _card(article, siteurl: str) -> dict:
    unknown = getattr(article, "date_unknown", False)
    category = getattr(article, "category", None)
    return {
        "href": f"{siteurl}/{article.url}",
        "title": str(Markup(article.title).striptags()),
        "source": str(category or ""),
        "date": None if unknown else article.date.strftime("%-d %B %Y"),
        "iso": None if unknown else article.date.isoformat(),
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
    entities = {a.slug: sorted({e["id"] for e in getattr(a, "entities", []) or [] if e.get("url")}) for a in articles}
    holders: dict[str, list[str]] = {}
    for slug, ids in entities.items():
        for entity in ids:
            holders.setdefault(entity, []).append(slug)
    common = max(COMMON, len(articles) // 10)
    day = {a.slug: a.date.toordinal() for a in articles}
    out = {}
    for slug, ids in entities.items():
        shared: dict[str, int] = {}
        for entity in ids:
            others = holders[entity]
            if len(others) > common:
                continue
            for other in others:
                shared[other] = shared.get(other, 0) + 1
        shared.pop(slug, None)
        for other in skip.get(slug, ()):
            shared.pop(other, None)
        ranked = sorted(shared, key=lambda other: (-shared[other], abs(day[other] - day[slug]), other))
        out[slug] = ranked[:count]
    return out


def attach(context) -> None:
    """Set ``article.links`` ({"previous", "next", "related"}: article cards) and ``article.page_key``."""
    articles = [a for a in context.get("articles") or [] if getattr(a, "render_key", None)]
    if not articles:
        return
    siteurl = context.get("SITEURL", "")
    cards = {a.slug: _card(a, siteurl) for a in articles}
    around = neighbours(articles)
    near = related(articles, skip={slug: {s for s in pair if s} for slug, pair in around.items()})
    for article in articles:
        previous, following = around[article.slug]
        links = {
            "previous": cards[previous] if previous else None,
            "next": cards[following] if following else None,
            "related": [cards[s] for s in near[article.slug]],
        }
        article.links = links
        article.page_key = key(article.render_key, "article links", links)
