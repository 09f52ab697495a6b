"""Entity pages (``entity/<id>/``, older mentions on ``page/N/``), their Atom feeds and the entities index, as a
Pelican generator.

Every page it writes has a render key (see ``build/page_cache.py``); what a page needs that is costly to build
(mention snippets, the events of an entity) is built only when the page is not reused. With hundreds of pages to
render, a second process renders them while Pelican writes the article pages (``build/render_helper.py``).
"""

from __future__ import annotations

import logging
from functools import cached_property

from markupsafe import escape
from pelican import signals
from pelican.generators import Generator

from . import entities_index
from .annotated import TYPE_LABELS, FeedEntry
from .build import keys as build_keys, render_helper, state
from .build.cache import Cache
from .build.keys import feed_digest, page_digest
from .build.page_cache import CachingWriter
from .core.entities.index import TYPE_ORDER
from .core.entities.roles import display_roles
from .core.text.body_html import render_snippet
from .site_view import LazyList, SiteView, write_file

logger = logging.getLogger(__name__)

# Sentences of mentions an entity page shows: its first page (below the summary) the latest 20, each later page the next
# 50, so that any page stays within a dozen phone screens (issue 24) and a much-named entity has few files (issue 25).
MENTIONS_FIRST_PAGE, MENTIONS_PER_PAGE = 20, 50
SHOWN_FIRST = {"quotes": 5, "events": 6, "articles": 10}  # more are behind a disclosure on page 1
# At most (the newest quotes, the latest events: the rest are in their articles; the related entities: the export has 10).
KEPT = {"quotes": 20, "events": 30, "related": 6}


def paginate(groups: list[dict], size: int, first: int | None = None) -> list[list[dict]]:
    """Article groups (their ``sentences``, in order) on pages of ``size`` sentences at most (the first page
    ``first``, when given): a group that does not fit is continued on the next page (that part has ``continued``),
    so a page stays short at any entity's size."""
    pages: list[list[dict]] = [[]]
    count = 0
    for group in groups:
        sentences, start = group["sentences"], 0
        while start < len(sentences):
            if count >= (size if len(pages) > 1 or first is None else first):
                pages.append([])
                count = 0
            part = sentences[start:start + (size if len(pages) > 1 or first is None else first) - count]
            pages[-1].append(dict(group, sentences=part, count=len(part), continued=start > 0))
            count += len(part)
            start += len(part)
    return pages


def page_url(base: str, number: int) -> str:
    return base if number == 1 else f"{base}page/{number}/"


class EntityGenerator(Generator):
    """Runs after the articles generator, whose finalized signal attached the annotations, and after the timeline
    and the export (their pages are written while a second process renders entity pages)."""

    def generate_context(self):
        self.view = view = SiteView.of(self.context, self.settings)
        index, keys = view.index, view.keys
        # Entity pages: what a page shows is gathered only when it is rendered (``mentions_of``, ``page_articles``);
        # which pages there are and their keys come from ``page_plan``, cached.
        self.pages = [record for record in index["entities"].values() if record["url"]]
        self.plan = self.page_plan(index, keys)
        self.sentence_texts: dict[str, dict[str, str]] = {}
        self.queue, self.helper = None, None
        state.of(self.settings).writer = None  # set again by this build's writer
        signals.article_generator_write_article.connect(self._first_article)

    @cached_property
    def entity_groups(self) -> list[dict]:
        """The entities index's groups: each type's entities with a page, most mentioned first."""
        return entities_index.groups(self.view.index["entities"].values(), TYPE_ORDER, TYPE_LABELS)

    @cached_property
    def entity_letters(self) -> dict[str, list[dict]]:
        """The pages by initial letter, when the index has more names than one page lists (else none)."""
        if sum(g["total"] for g in self.entity_groups) <= self.settings["NEWSREADER_ENTITIES_INDEX_MAX"]:
            return {}
        return entities_index.by_letter(self.entity_groups)

    @cached_property
    def letter_links(self) -> list[dict]:
        save_as = self.settings["ENTITIES_LETTER_SAVE_AS"]
        return [{"letter": letter, "href": f"{self.settings.get('SITEURL', '')}/{save_as.format(letter=letter)}",
                 "count": sum(g["total"] for g in groups)} for letter, groups in self.entity_letters.items()]

    def entities_page(self, letter: str | None = None) -> dict:
        """The entities index (the front page, or one letter's page) and how many names it leaves to the articles."""
        if letter is not None:
            shown = self.entity_letters[letter]
        elif self.entity_letters:
            shown = entities_index.front(self.entity_groups, self.settings["NEWSREADER_ENTITIES_INDEX_TOP"])
        else:
            shown = self.entity_groups
        named = len(self.view.index["entities"])
        with_pages = sum(g["total"] for g in self.entity_groups)
        return {"entity_groups": shown, "letters": self.letter_links, "letter": letter,
                "named": named, "with_pages": with_pages}

    @cached_property
    def mentions_of(self) -> dict[str, list[dict]]:
        """Each entity's mentions, grouped by article, newest article first."""
        mentions_of: dict[str, list] = {}
        for article in self.view.newest_first:
            for entity in article.newsreader.entities:
                if entity["url"]:
                    sentences = sorted({m["sentence"] for m in entity["mentions"]}, key=lambda sid: int(sid[1:]))
                    mentions_of.setdefault(entity["id"], []).append({
                        "article": article, "card": self.view.cards[article.slug], "mentions": entity["mentions"],
                        "sentences": sentences, "count": len(sentences),
                    })
        return mentions_of

    def page_articles(self, record: dict) -> list:
        """The entity's articles, newest first."""
        return sorted((self.view.by_slug[s] for s in record["articles"] if s in self.view.by_slug),
                      key=lambda a: (a.date, a.slug), reverse=True)

    def page_plan(self, index: dict, keys: dict[str, str]) -> dict[str, list]:
        """Each entity's pages: ``[mention total, key of page 1, key of page 2, …]``.

        Page 1's key names the entity's record, its related entities and its articles' render keys; a later
        page's, the header and the articles it holds. Reused from the cache when the index
        (``AnnotatedSite.index_key``, which names all its inputs) and every article's render key are as in an
        earlier build: thousands of records are then neither gathered nor hashed again.
        """
        index_key = self.view.annotated.index_key
        folder = self.settings.get("NEWSREADER_CACHE_PATH")
        on = self.settings.get("NEWSREADER_PAGE_PLAN", True)  # off: only to measure (scripts/bench_layers.py)
        store = Cache(folder if folder and index_key and on else None)
        memo = build_keys.entity_page_plan(self.view.all_key, index_key)
        # After a build that did not finish, the plan is made again (it may be what made that build fail).
        found = None if self.view.annotated.distrust else store.get(memo, touch=True)
        wanted = [record["id"] for record in self.pages]
        if isinstance(found, dict) and all(_a_plan(found.get(eid)) for eid in wanted):
            return found
        entities = index["entities"]
        made = {}
        for eid in wanted:
            record = entities[eid]
            chunks = paginate(self.mentions_of.get(eid, []), MENTIONS_PER_PAGE, MENTIONS_FIRST_PAGE)
            total = sum(group["count"] for chunk in chunks for group in chunk)
            first = build_keys.entity_page(self.view.site, record,
                        [(r["id"], r["name"], r["type"], r["url"]) for r in map(entities.get, record["related"])],
                        [keys[s] for s in record["articles"]])
            made[eid] = [total, first, *(build_keys.entity_later_page(self.view.site, record, number, len(chunks), total,
                                             [g["article"].newsreader.render_key for g in chunk])
                                         for number, chunk in enumerate(chunks[1:], start=2))]
        store.put(memo, made)
        return made


    @cached_property
    def events_of(self) -> dict[str, list]:
        """Each entity's events in date order, oldest first (as in an article)."""
        events: dict[str, list] = {}
        for event in self.view.events:
            for eid in event["entities"]:
                events.setdefault(eid, []).append(event)
        return events

    @cached_property
    def quotes_of(self) -> dict[str, list]:
        quotes: dict[str, list] = {}
        for article in self.view.newest_first:
            for quote in article.newsreader.quotes:
                if quote["speaker"]:
                    quotes.setdefault(quote["speaker"], []).append(dict(quote, card=self.view.cards[article.slug]))
        return quotes

    def with_snippets(self, chunk: list[dict]) -> list[dict]:
        """Mention groups as the page shows them: each sentence once, rendered with its mentions marked."""
        out = []
        for group in chunk:
            text = self.sentences_of(group["article"])
            by_sentence: dict[str, list] = {sid: [] for sid in group["sentences"]}
            for m in group["mentions"]:
                if m["sentence"] in by_sentence:
                    by_sentence[m["sentence"]].append(m)
            out.append({"card": group["card"], "continued": group["continued"], "items": [
                {"sentence": sid, "html": render_snippet(text[sid], ms), "anchor": None} for sid, ms in by_sentence.items()]})
        return out

    def _first_article(self, sender, **kwargs) -> None:
        """Pelican starts writing article pages: the entity pages can start too, in a second process.

        Connected in ``generate_context``; the writer is this build's (``page_cache.CachingWriter`` names itself
        in the settings when it is made, after ``generate_context``).
        """
        if getattr(sender, "context", None) is not self.context:
            return  # another build's articles (a long-running process builds again)
        signals.article_generator_write_article.disconnect(self._first_article)
        writer = state.of(self.settings).writer
        if writer is not None:
            self.start_rendering(writer)

    def start_rendering(self, writer) -> None:
        """Entity pages and feeds from the cache; with hundreds left to render, a second process starts on them.

        The pages to render are shared out in chunks (``render_helper.WorkQueue``): the second process starts
        while Pelican writes the article pages, and this one joins in once it reaches ``generate_output``.
        """
        if self.queue is not None:
            return
        settings = self.settings
        # A feed follows an entity across articles: one named in a single article so far gets none (until a second).
        feed_from = settings["NEWSREADER_ENTITY_FEED_MIN_ARTICLES"]
        feeds = {entity["id"]: settings["ENTITY_FEED_ATOM"].format(id=entity["id"]) for entity in self.pages
                 if sum(1 for s in entity["articles"] if s in self.view.by_slug) >= feed_from}
        placed = self.reuse_all(writer, feeds)
        todo = [entity for entity in self.pages if not self.placed_whole(entity, feeds, placed)]
        self.queue = render_helper.WorkQueue(todo, lambda chunk: self.write_entities(writer, chunk, feeds, placed))
        if render_helper.worth_it(writer, settings, sum(len(self.plan[e["id"]]) - 1 for e in todo)):
            # Gathered (and the template compiled) once, before the fork shares them.
            self.mentions_of, self.events_of, self.quotes_of, self.get_template("entity")  # noqa: B018
            logger.info("Rendering %d entities' pages in two processes", len(todo))
            self.helper = render_helper.Helper(writer, self.queue.drain, fallback=self.queue.others)

    def sentences_of(self, article) -> dict[str, str]:
        """An article's sentences by id (made once per article: an article is on many entity pages)."""
        found = self.sentence_texts.get(article.slug)
        if found is None:
            found = self.sentence_texts[article.slug] = {s.id: s.text for s in article.raw.sentences}
        return found

    def generate_output(self, writer):
        settings = self.settings
        relative = settings["RELATIVE_URLS"]
        self.start_rendering(writer)  # unless it started with the article pages
        write_file(writer, settings["ENTITIES_SAVE_AS"], self.get_template("entities"), self.context, self.view.all_key,
                   self.entities_page, relative_urls=relative, page_name="entities")
        for letter in self.entity_letters:
            write_file(writer, settings["ENTITIES_LETTER_SAVE_AS"].format(letter=letter), self.get_template("entities"),
                       self.context, build_keys.entities_letter(self.view.all_key, letter),
                       lambda letter=letter: self.entities_page(letter), relative_urls=relative, page_name="entities")
        self.queue.drain()  # the entity pages left: shared with the second process, if there is one
        if self.helper is not None:
            self.helper.join()

    def placed_whole(self, entity: dict, feeds: dict[str, str], placed: set[str]) -> bool:
        """Whether every page of the entity, and its feed, came from the cache."""
        _, *keys = self.plan[entity["id"]]
        return all(page_url(entity["url"], n) + "index.html" in placed for n in range(1, len(keys) + 1)) and (
            entity["id"] not in feeds or feeds[entity["id"]] in placed)

    def write_entities(self, writer, entities: list[dict], feeds: dict[str, str], placed: set[str]) -> None:
        """The pages and feeds of ``entities`` that were not placed from the cache."""
        settings = self.settings
        template = self.get_template("entity")
        relative = settings["RELATIVE_URLS"]
        for entity in entities:
            eid = entity["id"]
            feed_path = feeds.get(eid)
            total, *keys = self.plan[eid]
            pages = len(keys)
            for number, render_key in enumerate(keys, start=1):
                url = page_url(entity["url"], number)
                if url + "index.html" in placed:
                    continue
                write_file(
                    writer, url + "index.html", template, self.context, render_key,
                    lambda number=number, entity=entity: self.entity_page(entity, number),
                    relative_urls=relative, url=url, feed_path=feed_path, page_name="entity",
                    entity=entity, mention_total=total, page_number=number, page_count=pages,
                    prev_url=page_url(entity["url"], number - 1) if number > 1 else None,
                    next_url=page_url(entity["url"], number + 1) if number < pages else None,
                )
            if not feed_path or feed_path in placed:
                continue
            feed_title = self.feed_title(entity)
            if isinstance(writer, CachingWriter):
                writer.write_feed(LazyList(lambda entity=entity: self.feed_entries(entity)), self.context, feed_path,
                                  feed_title=feed_title, render_key=keys[0])
            else:
                writer.write_feed(self.feed_entries(entity), self.context, feed_path, feed_title=feed_title)

    def feed_entries(self, entity: dict) -> list:
        """The entity's articles as its feed lists them: the newest (``NEWSREADER_ENTITY_FEED_MAX_ITEMS``), each by its
        summary (``annotated.FeedEntry``)."""
        limit = self.settings.get("NEWSREADER_ENTITY_FEED_MAX_ITEMS", 20)
        return [FeedEntry(article) for article in self.page_articles(entity)[:limit]]

    @staticmethod
    def feed_title(entity: dict) -> str:
        """The entity's name: Pelican puts the site's name before it, and reads the title as HTML (so it is escaped)."""
        return str(escape(entity["name"]))

    def reuse_all(self, writer, feeds: dict[str, str]) -> set[str]:
        """Entity pages and feeds placed from the cache in one go (``CachingWriter.reuse_all``); their names."""
        if not isinstance(writer, CachingWriter) or not writer.may_reuse():
            return set()
        relative = self.settings["RELATIVE_URLS"]
        files = []
        for entity in self.pages:
            _, *keys = self.plan[entity["id"]]
            for number, render_key in enumerate(keys, start=1):
                name = page_url(entity["url"], number) + "index.html"
                files.append((name, page_digest(render_key, name, relative)))
            if entity["id"] in feeds:
                path = feeds[entity["id"]]
                files.append((path, feed_digest(keys[0], path, feed_title=self.feed_title(entity))))
        return writer.reuse_all(files)

    def entity_page(self, entity: dict, number: int) -> dict:
        """What page ``number`` of an entity shows beyond its header (gathered only when it is rendered)."""
        eid = entity["id"]
        chunk = paginate(self.mentions_of.get(eid, []), MENTIONS_PER_PAGE, MENTIONS_FIRST_PAGE)[number - 1]
        cards = [self.view.cards[a.slug] for a in self.page_articles(entity)]
        dated = [c for c in cards if c["date"]]
        roles, more_roles = display_roles(entity["roles"])
        groups = self.with_snippets(chunk)
        events = self.events_of.get(eid, [])
        # A dated sentence this page quotes under its mentions is not quoted again in its timeline: the event
        # links down to it (``below``: (article URL, sentence id) -> the mention's anchor).
        timeline = {(e["card"]["href"], e["sentence"]) for e in events[-KEPT["events"]:]} if number == 1 else set()
        below = {}
        for n, group in enumerate(groups):
            for item in group["items"]:
                if (group["card"]["href"], item["sentence"]) in timeline:
                    item["anchor"] = below[group["card"]["href"], item["sentence"]] = f"m{n}-{item['sentence']}"
        return {
            "mention_groups": groups, "events": events, "below": below,
            "quotes": self.quotes_of.get(eid, []), "cards": cards,
            "related": [self.view.index["entities"][r] for r in entity["related"]],
            "roles": roles, "more_roles": more_roles, "shown_first": SHOWN_FIRST, "kept": KEPT,
            "first_seen": dated[-1] if dated else None, "last_seen": dated[0] if dated else None,
        }

def _a_plan(value) -> bool:
    return isinstance(value, list) and len(value) >= 2 and type(value[0]) is int and all(
        isinstance(k, str) for k in value[1:])

