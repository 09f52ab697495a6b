"""Entities across the whole site: one identity per (type, canonical name), ids, URLs, counts."""

from __future__ import annotations

import heapq
import re
from collections import Counter, defaultdict

from unidecode import unidecode

PAGE_TYPES = ("person", "organization", "place", "agreement")  # money and quantities get no page
TYPE_ORDER = ("person", "organization", "place", "agreement", "money", "quantity")


def salience(entity: dict) -> tuple:
    """Sort key for an article's entity dicts: most mentioned first, ties to the one met earliest."""
    first = min((int(m["sentence"][1:]), m["start"]) for m in entity["mentions"])
    return (-len(entity["mentions"]), first, entity["name"])


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", unidecode(text).lower()).strip("-") or "entity"


def build(articles: list[tuple[str, list[dict]]], url_pattern: str = "entity/{id}/") -> dict:
    """Site-wide entities from ``[(article slug, entity dicts)]``.

    Returns ``{"entities": {id: record}, "ids": {(type, name): id}}``; records list
    their articles in the order given, the total mention count, merged aliases and
    roles, and the entities they share articles with most often.
    """
    keys = sorted({(e["type"], e["name"]) for _, ents in articles for e in ents},
                  key=lambda k: (TYPE_ORDER.index(k[0]) if k[0] in TYPE_ORDER else 99, k[1]))
    by_slug = defaultdict(list)
    for key in keys:
        base = slugify(key[1]) if key[0] in PAGE_TYPES else f"{key[0]}-{slugify(key[1])}"
        by_slug[base].append(key)
    ids = {}
    for base, group in sorted(by_slug.items()):
        for key in group:
            ids[key] = base if len(group) == 1 else f"{base}-{key[0]}"

    records: dict[str, dict] = {}
    in_articles: dict[str, dict[str, None]] = defaultdict(dict)  # ordered sets of slugs
    aliases: dict[str, set] = defaultdict(set)
    roles: dict[str, Counter] = defaultdict(Counter)
    together: dict[str, Counter] = defaultdict(Counter)
    for slug, ents in articles:
        present = []
        for e in ents:
            eid = ids[(e["type"], e["name"])]
            rec = records.get(eid)
            if rec is None:
                rec = records[eid] = {
                    "id": eid, "name": e["name"], "type": e["type"], "mentions": 0,
                    "url": url_pattern.format(id=eid) if e["type"] in PAGE_TYPES else None,
                }
            aliases[eid].update(e["aliases"])
            in_articles[eid][slug] = None
            rec["mentions"] += len(e["mentions"])
            roles[eid].update(e["roles"])
            present.append(eid)
        linked = [b for b in present if records[b]["url"]]
        for a in present:
            together[a].update(linked)
    mentions = {eid: rec["mentions"] for eid, rec in records.items()}
    for eid, rec in records.items():
        together[eid].pop(eid, None)  # an entity is not mentioned "with" itself
        rec["aliases"] = sorted(aliases[eid] - {rec["name"]})
        rec["articles"] = list(in_articles[eid])
        rec["roles"] = [r for r, _ in sorted(roles[eid].items(), key=lambda kv: (-kv[1], kv[0]))]
        # Most often together first, then most mentioned, then by id (tuples sort in C: no key function per pair).
        rec["related"] = [b for _, _, b in heapq.nsmallest(10, [(-n, -mentions[b], b) for b, n in together[eid].items()])]
    return {"entities": dict(sorted(records.items())), "ids": ids}
