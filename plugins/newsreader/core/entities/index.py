"""Entities across the whole site: one identity per name (merge rules below), stable ids, URLs, counts."""

from __future__ import annotations

import hashlib
import json
import heapq
import re
from collections import Counter, defaultdict

from unidecode import unidecode

from ..keys import is_relative
from .names import acronym_key, is_generic, person_key

PAGE_TYPES = ("person", "organization", "place", "agreement")  # money and quantities get no page
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


def _plain_key(entity: dict) -> str:
    """The site-wide key of a name: without middle initials, acronyms without their dots, without a
    leading "The" ("The Hague" in one article, "Hague" where no evidence kept the article)."""
    name = entity["name"]
    if name.startswith("The ") and len(name) > 4:
        name = name[4:]
    return acronym_key(person_key(name))


def spelling_key(key: str) -> str:
    """What two spellings of one name share: case, punctuation and spaces aside ("WASHINGTON" and "Washington",
    "Fizz-Co" and "Fizz Co", "Walter K.D. Renn" and "Walter KD Renn", "O’Dell" and "O'Dell", "BrightPath"
    and "Bright Path"); letters with accents stay themselves ("José" is not "Jose")."""
    return "".join(ch for ch in key.casefold() if ch.isalnum())


def _spellings(page_entities: list[dict]) -> dict[str, str]:
    """{plain key: the one key of its spelling}: the spelling met in most entity dicts, one not in capitals
    first (a dateline's "WASHINGTON" joins "Washington"). Keys of three characters or fewer stay apart."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for e in page_entities:
        key = _plain_key(e)
        counts[spelling_key(key) if len(key) > 3 else key][key] += 1
    chosen = {}
    for spelled in counts.values():
        best = min(spelled, key=lambda k: (k.isupper(), -spelled[k], k))
        chosen.update({k: best for k in spelled})
    return chosen


def _surname_owners(entities: list[dict], spelling: dict[str, str]) -> tuple[dict[str, str], set[str], set[str]]:
    """Lone surnames that name the one full-name person of the site who bears them: {surname: key}; the
    lone names typed person somewhere; the surnames of every full-name person."""
    owners: dict[str, set[str]] = defaultdict(set)
    lone_people = set()
    for e in entities:
        key = spelling[_plain_key(e)]
        if e["type"] == "person" and " " in key:
            owners[key.split()[-1]].add(key)
        elif e["type"] == "person":
            lone_people.add(key)
    unique = {surname: next(iter(keys)) for surname, keys in owners.items() if len(keys) == 1}
    return unique, lone_people, set(owners)


def _long_forms(page_entities: list[dict], spelling: dict[str, str]) -> dict[str, str]:
    """{acronym: key of its long form}: an organisation one article names in full with the acronym among its
    aliases (defined there in brackets) and whose capitals spell it; only an acronym with one long form."""
    found: dict[str, set[str]] = defaultdict(set)
    for e in page_entities:
        key = spelling[_plain_key(e)]
        if e["type"] != "organization" or " " not in key:
            continue
        initials = "".join(w[0] for w in key.split() if w[:1].isupper())
        for alias in e["aliases"]:
            if alias.isupper() and " " not in alias and len(alias) >= 2 and alias == initials:
                found[alias].add(key)
    return {acronym: next(iter(keys)) for acronym, keys in found.items() if len(keys) == 1}


def _grouping(articles) -> tuple[dict[tuple, str], set[str]]:
    """Site-wide key of each (type, name): figures by type and name, other entities by name alone; and the
    keys that are a person's surname typed person somewhere (their type is the person's, see :func:`build`)."""
    page_entities = [e for _, ents in articles for e in ents if e["type"] in PAGE_TYPES and not is_local(e)]
    spelling = _spellings(page_entities)
    owners, lone_people, all_surnames = _surname_owners(page_entities, spelling)
    from .aliases import load as load_aliases  # noqa: PLC0415 - yaml and pycountry: only when the index is made

    aliases = load_aliases()
    long_forms = _long_forms(page_entities, spelling)
    groups = {}
    for e in page_entities:
        key = spelling[_plain_key(e)]
        if " " not in key and key in owners and (e["type"] == "person" or key in lone_people) \
                and not (aliases.place(key) or aliases.capital_of(key) or aliases.organization(key)):
            key = owners[key]  # "Trump" (even typed an organisation where it says something) -> "Donald Trump"
        elif key in long_forms and not (aliases.place(key) or aliases.organization(key)):
            key = long_forms[key]  # "UKFO" of an article that never spells it out -> the long form another defines
        groups[(e["type"], e["name"])] = key
    surnames = {k for k in lone_people & all_surnames
                if not (aliases.place(k) or aliases.capital_of(k) or aliases.organization(k))}
    return groups, surnames


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


def is_local(entity: dict) -> bool:
    """An article-local entity: a generic body tied to no country (unless a correction renamed it)."""
    return bool(entity.get("local")) and is_generic(entity["name"])


def id_of(index: dict, slug: str, entity: dict) -> str:
    """The site-wide id of an article's entity dict (article-local entities have their own)."""
    ids = index["ids"]
    return ids[(slug, entity["type"], entity["name"])] if is_local(entity) else ids[(entity["type"], entity["name"])]


def record(index: dict, eid: str) -> dict:
    """The record of an id: a site-wide entity, or an article-local one (kept out of ``entities``)."""
    return index["entities"].get(eid) or index["local"][eid]


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
    (use :func:`id_of` and :func:`record`); article-local records are kept apart from the site's entities. One name is one entity whatever type an article gave it: its type is the one most
    of its mentions (and roles) vote for. Names with and without middle initials, dotted and plain
    acronyms, and a lone surname with the one full-name person of the site who bears it are one entity.
    Article-local entities (generic bodies tied to no country) are never merged and get no page.
    Records list their articles in the order given, the total mention count, merged aliases and
    roles, and the entities they share articles with most often (among those with a page). A record's ``url`` is
    its page's, or None when it has none (:func:`earns_page`, given ``min_articles``, ``min_mentions``, ``min_quotes``).
    """
    groups, surnames = _grouping(articles)
    figures = sorted({(e["type"], e["name"]) for _, ents in articles for e in ents if e["type"] not in PAGE_TYPES})
    page_ids = _unique_ids(sorted(set(groups.values())))
    ids: dict[tuple, str] = {k: page_ids[g] for k, g in groups.items()}
    for type_ in sorted({t for t, _ in figures}):
        of_type = _unique_ids([n for t, n in figures if t == type_], prefix=f"{type_}-")
        ids.update({(type_, n): eid for n, eid in of_type.items()})
    for slug, ents in articles:
        for e in ents:
            if is_local(e):
                ids[(slug, e["type"], e["name"])] = f"{slugify(e['name'])}-{_digest(slug + chr(0) + e['name'])}"

    records: dict[str, dict] = {}
    aliases: dict[str, set] = defaultdict(set)
    roles: dict[str, Counter] = defaultdict(Counter)
    present: list[list[str]] = []  # the ids of each article's entity dicts
    appearances: dict[str, list[int]] = defaultdict(list)  # the article (index) of each of an id's dicts
    votes: dict[str, Counter] = defaultdict(Counter)
    quoted: Counter = Counter()
    names: dict[str, Counter] = defaultdict(Counter)
    for at, (slug, ents) in enumerate(articles):
        present.append([])
        for e in ents:
            eid = id_of({"ids": ids}, slug, e)
            rec = records.get(eid)
            if rec is None:
                rec = records[eid] = {"id": eid, "mentions": 0, "local": is_local(e)}
            aliases[eid].update(e["aliases"])
            aliases[eid].add(e["name"])
            rec["mentions"] += len(e["mentions"])
            quoted[eid] += e.get("quoted", 0)
            roles[eid].update(e["roles"])
            votes[eid][e["type"]] += len(e["mentions"]) + len(e["roles"])
            names[eid][e["name"]] += len(e["mentions"])
            present[at].append(eid)
            appearances[eid].append(at)
    person_surnames = {page_ids[k] for k in surnames if k in page_ids}
    for eid, rec in records.items():
        rec["type"] = min(votes[eid], key=lambda t: (-votes[eid][t], TYPE_ORDER.index(t) if t in TYPE_ORDER else 99))
        if eid in person_surnames and 3 * votes[eid]["person"] >= sum(votes[eid].values()):
            rec["type"] = "person"  # "Haldane": a person's surname, a person by a third of its votes, is one
        # The most mentioned spelling; one in capitals ("WASHINGTON" of a dateline) counts a quarter.
        rec["name"] = min(names[eid], key=lambda n: (-names[eid][n] * (0.25 if n.isupper() and len(n) > 3 else 1), n))
        page = earns_page(rec, len(set(appearances[eid])), quoted[eid], min_articles, min_mentions, min_quotes)
        rec["url"] = url_pattern.format(id=eid) if page else None
    related = _related(records, present, appearances)
    for eid, rec in records.items():
        rec["aliases"] = sorted(aliases[eid] - {rec["name"]})
        rec["articles"] = list(dict.fromkeys(articles[at][0] for at in appearances[eid]))  # slugs, in order
        rec["roles"] = [r for r, _ in sorted(roles[eid].items(), key=lambda kv: (-kv[1], kv[0]))]
        rec["related"] = related[eid]
    local = {eid: rec for eid, rec in sorted(records.items()) if rec.pop("local")}
    return {"entities": {eid: rec for eid, rec in sorted(records.items()) if eid not in local}, "local": local, "ids": ids}


def _related(records: dict[str, dict], present: list[list[str]],
             appearances: dict[str, list[int]]) -> dict[str, list[str]]:
    """The ten entities with a page each entity is mentioned with most often, then the most mentioned, then by id.

    "How often" counts pairs of entity dicts in an article: ``present`` holds the ids of each article's
    dicts, ``appearances`` the article of each of an id's dicts. An entity met in one article only
    (most of them) is related to that article's others in one order, so each article's order is
    sorted once instead of once per entity it names.
    """
    fewer_mentions = {eid: -rec["mentions"] for eid, rec in records.items() if rec["url"]}  # the entities with a page

    def ranked(together: Counter, count: int = 10) -> list[str]:
        # Tuples sort in C: no key function per pair.
        return [b for _, _, b in heapq.nsmallest(
            count, [(-n, fewer_mentions[b], b) for b, n in together.items() if b in fewer_mentions])]

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
                article_order[at] = ranked(Counter(present[at]), 11)  # itself included: dropped below
            # Its counts with the others are theirs in the article times its own: the same order.
            related[eid] = [b for b in article_order[at] if b != eid][:10]
            continue
        together: Counter = Counter()
        for at in appearances[eid]:
            together.update(present[at])
        together.pop(eid)  # an entity is not mentioned "with" itself
        related[eid] = ranked(together)
    return related


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
        return all(rec.get("url") is None or (
            type(rec["url"]) is str and rec["url"] == url_pattern.format(id=eid)
            and is_relative(rec["url"].rstrip("/"))) for eid, rec in index["entities"].items())
    except (AttributeError, KeyError, TypeError, ValueError, IndexError):
        return False


def build_cached(cache, digest: str, articles, url_pattern: str = "entity/{id}/", reuse: bool = True,
                 min_articles: int = 1, min_mentions: int = 1, min_quotes: int = 1) -> dict:
    """:func:`build`, reused from ``cache`` under ``digest`` (which must name every input of ``articles``).

    An entry that is not of the index's shape, or whose URLs are not the ones this code gives, is made again and
    replaced; so is any entry when ``reuse`` is false (the last build did not finish).
    """
    found = cache.get(digest, touch=True) if reuse else None
    index = from_json(found) if found is not None else None
    if index is None or not sound_urls(index, url_pattern):
        index = build(articles, url_pattern=url_pattern, min_articles=min_articles, min_mentions=min_mentions,
                      min_quotes=min_quotes)
        # Key order kept as built (not sorted): whatever iterates a record sees it as a fresh build makes it.
        cache.put_text(digest, json.dumps(to_json(index), ensure_ascii=False))
    return index
