"""Entity pages, the entities index, entity feeds and the data export, as a Pelican generator."""

from __future__ import annotations

from pelican.generators import Generator

from . import export
from .core.body_html import render_snippet
from .core.entity_index import TYPE_ORDER

TYPE_TITLES = {"person": "People", "organization": "Organisations", "place": "Places", "agreement": "Agreements",
               "money": "Money", "quantity": "Quantities"}


class EntityGenerator(Generator):
    """Runs after the articles generator, whose finalized signal attached the annotations."""

    def generate_context(self):
        index = self.context.get("newsreader_index") or {"entities": {}, "ids": {}}
        articles = self.context.get("newsreader_articles", [])
        by_slug = {a.slug: a for a in articles}
        self.pages = []
        for eid, record in index["entities"].items():
            if not record["url"]:
                continue
            mine = [by_slug[s] for s in record["articles"] if s in by_slug]
            mine.sort(key=lambda a: (a.date, a.slug), reverse=True)
            mentions = []
            for article in mine:
                entity = next(e for e in article.entities if e["id"] == eid)
                sentences = {s.id: s for s in article.raw.sentences}
                grouped: dict[str, list] = {}
                for m in entity["mentions"]:
                    grouped.setdefault(m["sentence"], []).append(m)
                for sid, ms in grouped.items():
                    mentions.append({
                        "article": article, "sentence": sid,
                        "html": render_snippet(sentences[sid].text, ms),
                    })
            related = [index["entities"][r] for r in record["related"]]
            self.pages.append({"entity": record, "articles": mine, "mentions": mentions, "related": related})
        groups = []
        for t in TYPE_ORDER:
            members = sorted((r for r in index["entities"].values() if r["type"] == t), key=lambda r: (-r["mentions"], r["name"]))
            if members:
                groups.append((TYPE_TITLES[t], t, members))
        self.context["entity_groups"] = groups
        self.index = index
        self.articles = articles

    def generate_output(self, writer):
        settings = self.settings
        for page in self.pages:
            entity = page["entity"]
            feed_path = settings["ENTITY_FEED_ATOM"].format(id=entity["id"])
            writer.write_file(
                settings["ENTITY_SAVE_AS"].format(id=entity["id"]), self.get_template("entity"), self.context,
                relative_urls=settings["RELATIVE_URLS"], url=entity["url"], feed_path=feed_path, page_name="entity", **page,
            )
            writer.write_feed(page["articles"], self.context, feed_path, feed_title=f"{entity['name']} — {settings['SITENAME']}")
        writer.write_file(
            settings["ENTITIES_SAVE_AS"], self.get_template("entities"), self.context,
            relative_urls=settings["RELATIVE_URLS"], page_name="entities",
        )
        export.write_all(self.output_path, self.articles, self.index)


def get_generators(pelican):
    return EntityGenerator
