"""Entity pages, the entities index, entity feeds and the data export, as a Pelican generator."""

from __future__ import annotations

import calendar

from markupsafe import Markup
from pelican.generators import Generator

from . import export
from .annotate import TYPE_LABELS
from .core.body_html import render_snippet
from .core.dates import period_start
from .core.entity_index import TYPE_ORDER

MENTIONS_PER_PAGE = 100


def article_card(article, siteurl: str, url: str) -> dict:
    """What lists of articles show, computed once per article."""
    return {
        "href": f"{siteurl}/{url}",
        "title": Markup(article.title).striptags(),
        "source": str(getattr(article, "category", "") or ""),
        "source_href": f"{siteurl}/{article.category.url}" if getattr(article, "category", None) else None,
        "date": None if getattr(article, "date_unknown", False) else article.date.strftime("%-d %B %Y"),
        "iso": None if getattr(article, "date_unknown", False) else article.date.isoformat(),
    }


def timeline_years(records: list[dict], cards: dict, index: dict) -> dict:
    """Events grouped by year and month, with the bar heights of the overview strip."""
    years: dict[int, dict] = {}
    for r in records:
        start = period_start(r["date"], r["precision"])
        year = years.setdefault(start.year, {"year": start.year, "count": 0, "months": {}})
        year["count"] += 1
        month_key = start.month if r["precision"] in {"day", "week", "month"} else 0
        event = dict(r, card=cards[r["article"]],
                     entity_links=[index["entities"][i] for i in r["entities"] if index["entities"][i]["url"]])
        year["months"].setdefault(month_key, []).append(event)
    ordered = []
    for y in sorted(years, reverse=True):
        months = years[y]["months"]
        ordered.append({
            "year": y, "count": years[y]["count"],
            "months": [{"name": calendar.month_name[m] if m else "During the year", "events": months[m]}
                       for m in sorted(months, reverse=True)],
        })
    peak = max((y["count"] for y in ordered), default=1)
    span = sorted(years)
    bars = []
    if span:
        for offset, y in enumerate(range(span[0], span[-1] + 1)):
            count = years[y]["count"] if y in years else 0
            bars.append({"year": y, "count": count, "x": offset * 14, "height": round(60 * count / peak) if count else 0})
    return {"years": ordered, "bars": bars, "width": max(14 * len(bars), 14), "total": len(records)}


def paginate(groups: list[dict], size: int) -> list[list[dict]]:
    """Article groups of mentions split into pages of about ``size`` mentions; a group is never split."""
    pages: list[list[dict]] = [[]]
    count = 0
    for group in groups:
        if pages[-1] and count + len(group["items"]) > size:
            pages.append([])
            count = 0
        pages[-1].append(group)
        count += len(group["items"])
    return pages


def page_url(base: str, number: int) -> str:
    return base if number == 1 else f"{base}page/{number}/"


class EntityGenerator(Generator):
    """Runs after the articles generator, whose finalized signal attached the annotations."""

    def generate_context(self):
        index = self.context.get("newsreader_index") or {"entities": {}, "ids": {}}
        articles = self.context.get("newsreader_articles", [])
        siteurl = self.settings.get("SITEURL", "")
        self.urls = {a.slug: a.url for a in articles}  # Pelican's url property is slow: once per article
        cards = {a.slug: article_card(a, siteurl, self.urls[a.slug]) for a in articles}
        by_slug = {a.slug: a for a in articles}
        mentions_of: dict[str, list] = {}
        quotes_of: dict[str, list] = {}
        for article in sorted(articles, key=lambda a: (a.date, a.slug), reverse=True):
            sentences = {s.id: s.text for s in article.raw.sentences}
            for quote in article.quotes:
                if quote["speaker"]:
                    quotes_of.setdefault(quote["speaker"], []).append(dict(quote, card=cards[article.slug]))
            for entity in article.entities:
                if not entity["url"]:
                    continue
                grouped: dict[str, list] = {}
                for m in entity["mentions"]:
                    grouped.setdefault(m["sentence"], []).append(m)
                mentions_of.setdefault(entity["id"], []).append({
                    "card": cards[article.slug],
                    "items": [{"sentence": sid, "html": render_snippet(sentences[sid], ms)} for sid, ms in grouped.items()],
                })
        self.pages = []
        for eid, record in index["entities"].items():
            if not record["url"]:
                continue
            mine = sorted((by_slug[s] for s in record["articles"] if s in by_slug), key=lambda a: (a.date, a.slug), reverse=True)
            related = [index["entities"][r] for r in record["related"]]
            self.pages.append({"entity": record, "articles": mine, "cards": [cards[a.slug] for a in mine],
                               "mentions": mentions_of.get(eid, []), "related": related, "quotes": quotes_of.get(eid, [])})
        groups = []
        for t in TYPE_ORDER:
            members = sorted((r for r in index["entities"].values() if r["type"] == t), key=lambda r: (-r["mentions"], r["name"]))
            if members:
                groups.append((TYPE_LABELS[t][0], t, members))
        self.context["entity_groups"] = groups
        self.index = index
        self.articles = articles
        self.records = export.timeline_records(articles, self.urls)
        self.timeline = timeline_years(self.records, cards, index)
        events_of: dict[str, list] = {}
        for year in self.timeline["years"]:
            for month in year["months"]:
                for event in month["events"]:
                    for eid in event["entities"]:
                        events_of.setdefault(eid, []).append(event)
        for page in self.pages:
            page["events"] = events_of.get(page["entity"]["id"], [])

    def generate_output(self, writer):
        settings = self.settings
        template = self.get_template("entity")
        for page in self.pages:
            entity = page["entity"]
            feed_path = settings["ENTITY_FEED_ATOM"].format(id=entity["id"])
            chunks = paginate(page["mentions"], MENTIONS_PER_PAGE)
            pages = len(chunks)
            total = sum(len(group["items"]) for group in page["mentions"])
            for number, chunk in enumerate(chunks, start=1):
                url = page_url(entity["url"], number)
                writer.write_file(
                    url + "index.html", template, self.context, relative_urls=settings["RELATIVE_URLS"], url=url,
                    feed_path=feed_path, page_name="entity", entity=entity, related=page["related"],
                    cards=page["cards"], mention_total=total, events=page["events"], quotes=page["quotes"],
                    mention_groups=chunk, page_number=number, page_count=pages,
                    prev_url=page_url(entity["url"], number - 1) if number > 1 else None,
                    next_url=page_url(entity["url"], number + 1) if number < pages else None,
                )
            writer.write_feed(page["articles"], self.context, feed_path, feed_title=f"{entity['name']} — {settings['SITENAME']}")
        writer.write_file(
            settings["ENTITIES_SAVE_AS"], self.get_template("entities"), self.context,
            relative_urls=settings["RELATIVE_URLS"], page_name="entities",
        )
        writer.write_file(
            settings["TIMELINE_SAVE_AS"], self.get_template("timeline"), self.context,
            relative_urls=settings["RELATIVE_URLS"], page_name="timeline", timeline=self.timeline,
        )
        export.write_all(self.output_path, self.articles, self.urls, self.index, self.records, settings["SITENAME"])


def get_generators(pelican):
    return EntityGenerator
