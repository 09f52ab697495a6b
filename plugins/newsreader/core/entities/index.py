"""Entities across the whole site: one identity per name (merge rules below), stable ids, URLs, counts."""

from __future__ import annotations

import hashlib
import json
import heapq
import re
from collections import Counter, defaultdict

from unidecode import unidecode

from ..keys import is_relative
from . import stored
from .grouping import PAGE_TYPES, grouping, grouping_parts, is_local
from .roles import is_persons_role
TYPE_ORDER = ("person", "organization", "place", "agreement", "money", "quantity")


def salience(entity: dict) -> tuple:
    """Sort key for an article's entity dicts: most mentioned first, ties to the one met earliest."""
    first = min((int(m["sentence"][1:]), m["start"]) for m in entity["mentions"])
    return (-len(entity["mentions"]), first, entity["name"])


ID_MAX = 100  # characters (ASCII) of a slug: an id is a folder name, which may have at most 255 bytes


def slugify(text: str) -> str:
    """The slug of a name; one longer than :data:`ID_MAX` is cut and ends with a digest of the whole name."""
    slug = re.sub(r"[^a-z0-9]+", "-", unidecode(text).lower()).strip("-") or "entity"
    if len(slug) > ID_MAX:
        slug = f"{slug[:ID_MAX - 9].rstrip('-')}-{hashlib.sha1(text.encode('utf-8')).hexdigest()[:8]}"
    return slug


def _unique_ids(keys: list[str], prefix: str = "") -> dict[str, str]:
    """Stable, unique ids: the slug of the name; a name with letters outside ASCII adds a digest of
    itself ("José Müller" -> "jose-muller-<6 hex>"), so it never takes or moves "Jose Muller"'s id.
    Names equal but for case or punctuation keep the slug in sorted order (the first) or add a digest."""
    ids, taken = {}, set()
    for name in sorted(keys, key=lambda k: (not k.isascii(), k)):
        base = prefix + slugify(name)
        eid = base if name.isascii() and base not in taken else f"{base}-{_digest(name)}"
        ids[name] = eid
        taken.add(eid)
    return ids


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:6]


def id_of(index: dict, slug: str, entity: dict) -> str:
    """The site-wide id of an article's entity dict (article-local entities have their own)."""
    ids = index["ids"]
    return ids[(slug, entity["type"], entity["name"])] if is_local(entity) else ids[(entity["type"], entity["name"])]


def record(index: dict, eid: str) -> dict:
    """The record of an id: a site-wide entity, or an article-local one (kept out of ``entities``)."""
    return index["entities"].get(eid) or index["local"][eid]


def brief(index: dict, eid: str) -> tuple[str, str | None, int]:
    """An id's type, page URL and number of articles (of a kept index, without reading its whole record)."""
    if stored.is_stored(index):
        return stored.brief(index, eid)
    found = record(index, eid)
    return found["type"], found["url"], len(found["articles"])


def earns_page(record: dict, articles: int, quoted: int = 0, min_articles: int = 1, min_mentions: int = 1,
               min_quotes: int = 1) -> bool:
    """Whether an entity gets a page of its own: a person, organisation, place or agreement, not article-local, named
    in ``min_articles`` articles or more, or mentioned ``min_mentions`` times or more, or the speaker of ``min_quotes``
    quotes or more (``quoted``: how many; an entity dict's ``quoted``) (site settings
    ``NEWSREADER_ENTITY_PAGE_MIN_ARTICLES``, ``_MIN_MENTIONS``, ``_MIN_QUOTES``). The others are served by their
    article (its hover card and sidebar), the entities index (which links them to that article), the export and
    search."""
    return record["type"] in PAGE_TYPES and not record["local"] and (
        articles >= min_articles or record["mentions"] >= min_mentions or quoted >= min_quotes)


def build(articles: list[tuple[str, list[dict]]], url_pattern: str = "entity/{id}/", min_articles: int = 1,
          min_mentions: int = 1, min_quotes: int = 1) -> dict:
    """Site-wide entities from ``[(article slug, entity dicts)]``.

    Returns ``{"entities": {id: record}, "local": {id: record}, "ids": {(type, name) or (slug, type, name): id}}``
    (use :func:`id_of`, :func:`record`, :func:`brief`); article-local records are kept apart from the site's entities. One name is one entity whatever type an article gave it: its type is the one most
    of its mentions (and roles) vote for. Names with and without middle initials, dotted and plain
    acronyms, and a lone surname with the one full-name person of the site who bears it are one entity.
    Article-local entities (generic bodies tied to no country) are never merged and get no page.
    Records list their articles in the order given, the total mention count, merged aliases and
    roles, and the entities they share articles with most often (among those with a page). A record's ``url`` is
    its page's, or None when it has none (:func:`earns_page`, given ``min_articles``, ``min_mentions``, ``min_quotes``).
    """
    groups, surnames = grouping(*grouping_parts(articles))
    ids, page_ids = site_ids(groups, figures_of(articles))
    ids.update(local_ids(articles))
    tallies, present = tally(articles, ids)
    person_surnames = {page_ids[k] for k in surnames if k in page_ids}
    records = {eid: finish(eid, t, person_surnames, url_pattern, min_articles, min_mentions, min_quotes)
               for eid, t in tallies.items()}
    related = _related(records, present, {eid: t.appearances for eid, t in tallies.items()})
    for eid, rec in records.items():
        complete(rec, tallies[eid], related[eid])
    local = {eid: rec for eid, rec in sorted(records.items()) if rec.pop("local")}
    return {"entities": {eid: rec for eid, rec in sorted(records.items()) if eid not in local}, "local": local, "ids": ids}


def figures_of(articles) -> set[tuple[str, str]]:
    """The (type, name) of every money and quantity (named by type and name, with no page)."""
    return {(e["type"], e["name"]) for _, ents in articles for e in ents if e["type"] not in PAGE_TYPES}


def site_ids(groups: dict[tuple, str], figures: set[tuple[str, str]]) -> tuple[dict[tuple, str], dict[str, str]]:
    """The ids of (type, name) pairs (``groups``: their site-wide keys; ``figures``), and the ids of the keys."""
    page_ids = _unique_ids(sorted(set(groups.values())))
    ids: dict[tuple, str] = {k: page_ids[g] for k, g in groups.items()}
    figures = sorted(figures)
    for type_ in sorted({t for t, _ in figures}):
        of_type = _unique_ids([n for t, n in figures if t == type_], prefix=f"{type_}-")
        ids.update({(type_, n): eid for n, eid in of_type.items()})
    return ids, page_ids


def local_ids(articles) -> dict[tuple, str]:
    """The ids of article-local entities, by (slug, type, name), in article order."""
    return {(slug, e["type"], e["name"]): f"{slugify(e['name'])}-{_digest(slug + chr(0) + e['name'])}"
            for slug, ents in articles for e in ents if is_local(e)}


class Tally:
    """What an id's entity dicts add up to, in article order; tallies of consecutive articles :meth:`merge`."""

    __slots__ = ("local", "mentions", "aliases", "roles", "votes", "quoted", "names", "appearances", "slugs")

    def __init__(self, local: bool):
        self.local, self.mentions, self.quoted = local, 0, 0
        self.aliases, self.roles, self.votes, self.names = set(), Counter(), Counter(), Counter()
        self.appearances: list[int] = []  # the article (index) of each of the id's dicts
        self.slugs: dict[str, None] = {}  # their slugs, once each, in order

    def merge(self, later: Tally) -> None:
        self.mentions += later.mentions
        self.quoted += later.quoted
        self.aliases |= later.aliases
        for mine, theirs in ((self.roles, later.roles), (self.votes, later.votes), (self.names, later.names)):
            mine.update(theirs)
        self.appearances += later.appearances
        self.slugs.update(later.slugs)


def tally(articles, ids: dict[tuple, str], start: int = 0) -> tuple[dict[str, Tally], list[list[str]]]:
    """Each id's :class:`Tally` over ``articles`` (at positions ``start``…), and the ids of each article's dicts."""
    tallies: dict[str, Tally] = {}
    present: list[list[str]] = []
    index = {"ids": ids}
    for at, (slug, ents) in enumerate(articles, start):
        here = []
        for e in ents:
            eid = id_of(index, slug, e)
            t = tallies.get(eid)
            if t is None:
                t = tallies[eid] = Tally(is_local(e))
            t.aliases.update(e["aliases"])
            t.aliases.add(e["name"])
            t.mentions += len(e["mentions"])
            t.quoted += e.get("quoted", 0)
            t.roles.update(e["roles"])
            t.votes[e["type"]] += len(e["mentions"]) + len(e["roles"])
            t.names[e["name"]] += len(e["mentions"])
            here.append(eid)
            t.appearances.append(at)
            t.slugs[slug] = None
        present.append(here)
    return tallies, present


def finish(eid: str, t: Tally, person_surnames: set[str], url_pattern: str, min_articles: int = 1,
           min_mentions: int = 1, min_quotes: int = 1) -> dict:
    """An id's record but its aliases, articles, roles and related entities (:func:`complete`)."""
    rec = {"id": eid, "mentions": t.mentions, "local": t.local}
    votes, names = t.votes, t.names
    rec["type"] = min(votes, key=lambda v: (-votes[v], TYPE_ORDER.index(v) if v in TYPE_ORDER else 99))
    if eid in person_surnames and 3 * votes["person"] >= sum(votes.values()):
        rec["type"] = "person"  # "Haldane": a person's surname, a person by a third of its votes, is one
    # The most mentioned spelling; one in capitals ("WASHINGTON" of a dateline) counts a quarter; a person's is one of
    # the full names when there is one (the lone surname is how the text refers back: "Velkner" is "Tomas Velkner").
    full = rec["type"] == "person" and any(" " in n for n in names)
    rec["name"] = min(names, key=lambda n: (full and " " not in n,
                                            -names[n] * (0.25 if n.isupper() and len(n) > 3 else 1), n))
    if rec["type"] in {"organization", "place"} and votes["person"] and " " in rec["name"] \
            and any(is_persons_role(role) for role in t.roles):
        rec["type"] = "person"  # a full name with a person's role where it is one: the model's lists typed it a body
    page = earns_page(rec, len(set(t.appearances)), t.quoted, min_articles, min_mentions, min_quotes)
    rec["url"] = url_pattern.format(id=eid) if page else None
    return rec


def complete(rec: dict, t: Tally, related: list[str]) -> None:
    rec["aliases"] = sorted(t.aliases - {rec["name"]})
    rec["articles"] = list(t.slugs)  # slugs, in order
    rec["roles"] = [r for r, _ in sorted(t.roles.items(), key=lambda kv: (-kv[1], kv[0]))]
    rec["related"] = related


def _related(records: dict[str, dict], present: list[list[str]],
             appearances: dict[str, list[int]]) -> dict[str, list[str]]:
    """The ten entities with a page each entity is mentioned with most often, then the most mentioned, then by id.

    "How often" counts pairs of entity dicts in an article: ``present`` holds the ids of each article's
    dicts, ``appearances`` the article of each of an id's dicts. An entity met in one article only
    (most of them) is related to that article's others in one order, so each article's order is
    sorted once instead of once per entity it names.
    """
    fewer_mentions = {eid: -rec["mentions"] for eid, rec in records.items() if rec["url"]}  # the entities with a page
    article_order: dict[int, list[str]] = {}
    related = {}
    for eid in records:
        if eid not in fewer_mentions:
            related[eid] = []  # only a page shows related entities
            continue
        articles = set(appearances[eid])
        if len(articles) == 1:
            at = articles.pop()
            if at not in article_order:
                article_order[at] = ranked(Counter(present[at]), fewer_mentions, 11)  # itself included: dropped below
            # Its counts with the others are theirs in the article times its own: the same order.
            related[eid] = [b for b in article_order[at] if b != eid][:10]
            continue
        together: Counter = Counter()
        for at in appearances[eid]:
            together.update(present[at])
        together.pop(eid)  # an entity is not mentioned "with" itself
        related[eid] = ranked(together, fewer_mentions)
    return related


def ranked(together: Counter, fewer_mentions: dict[str, int], count: int = 10) -> list[str]:
    """The ``count`` ids with a page (``fewer_mentions``: minus their mentions) most often ``together``, then the
    most mentioned, then by id."""
    # Tuples sort in C: no key function per pair.
    return [b for _, _, b in heapq.nsmallest(
        count, [(-n, fewer_mentions[b], b) for b, n in together.items() if b in fewer_mentions])]


def to_json(index: dict) -> dict:
    """The index in a JSON-able form (``ids`` keys are tuples): for the cache, read back by :func:`from_json`."""
    return {"entities": index["entities"], "local": index["local"], "ids": [[list(k), v] for k, v in index["ids"].items()]}


def from_json(value) -> dict | None:
    """An index stored by :func:`to_json`; None when the value is not of that shape."""
    try:
        ids = {tuple(k): v for k, v in value["ids"]}
        entities, local = value["entities"], value["local"]
    except (KeyError, TypeError, ValueError):
        return None
    if not isinstance(entities, dict) or not isinstance(local, dict):
        return None
    return {"entities": entities, "local": local, "ids": ids}


def sound_urls(index: dict, url_pattern: str) -> bool:
    """Whether every entity page's URL in ``index`` (which may come from the cache) is the one its id gives, and a
    relative path that stays in the output: a page is written there."""
    try:
        return all(url is None or (
            type(url) is str and url == url_pattern.format(id=eid)
            and is_relative(url.rstrip("/"))) for eid, url in stored.urls(index))
    except (AttributeError, KeyError, TypeError, ValueError, IndexError):
        return False


def build_cached(cache, digest: str, articles, url_pattern: str = "entity/{id}/", reuse: bool = True,
                 min_articles: int = 1, min_mentions: int = 1, min_quotes: int = 1, builder=None) -> dict:
    """:func:`build`, reused from ``cache`` under ``digest`` (which must name every input of ``articles``); or, with
    a Dask cluster, ``builder`` (which takes its arguments and writes the index to the file its ``into`` names:
    ``on_dask.build``), the file kept in ``cache`` (:func:`stored.cached`).

    An entry that is not of the index's shape, or whose URLs are not the ones this code gives, is made again and
    replaced; so is any entry when ``reuse`` is false (the last build did not finish).
    """
    rule = {"url_pattern": url_pattern, "min_articles": min_articles, "min_mentions": min_mentions,
            "min_quotes": min_quotes}
    if builder is not None:
        return stored.cached(cache, digest, reuse, lambda into: builder(articles, into=into, **rule),
                             valid=lambda index: sound_urls(index, url_pattern))
    found = cache.get(digest, touch=True) if reuse else None
    index = from_json(found) if found is not None else None
    if index is None or not sound_urls(index, url_pattern):
        index = build(articles, **rule)
        # Key order kept as built (not sorted): whatever iterates a record sees it as a fresh build makes it.
        cache.put_text(digest, json.dumps(to_json(index), ensure_ascii=False))
    return index
