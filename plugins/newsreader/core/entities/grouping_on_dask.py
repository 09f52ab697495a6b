"""The entity index's merge rules (``grouping.grouping``) and ids (``index.site_ids``, ``index.local_ids``) made on a
Dask cluster: each partition of the articles gets the ids of its own names, the very ids of ``index.build``, and
nothing per name comes to the build process (it only wires the tasks: Futures in, Futures out).

Three shuffles, each from the partitions to ``buckets`` buckets (a CRC-32 of a key) and back, the partitions keeping
what they read of their articles in between (each round's last item):

1. **spellings**, by spelling group (``grouping.spelling_group``): a partition sends its plain keys' entity dicts
   (``grouping.spelling_counts``); a bucket adds them up, picks each group's spelling (``grouping.chosen_spellings``)
   and sends each partition the spelling of its keys spelled another way;
2. **lone names**, by the lone name (a surname, a lone name typed person, an acronym, the lone names asked about: one
   word each): a partition sends the full-name people bearing each surname with their entity dicts
   (``grouping.people``), its lone people, its acronyms' long forms (``grouping.acronyms``) and the lone names it
   has; a bucket merges them and applies the rules (``grouping.Rules``: a surname's owner, ``DOMINANT``, aliases,
   one long form) and sends each partition what its lone names become and which of them are persons' surnames;
3. **ids**, by the root of the id's slug (:func:`root`): a partition sends its final keys (flagged persons'
   surnames), its money and quantities, and its article-local ids; a bucket gives its keys their ids
   (``index._unique_ids``, per type for money and quantities) and sends each partition its ids and those of its ids
   that are persons' surnames' ids. An id is its key's slug or that slug and a digest ("-" and 6 hex): the slug of
   another key may be that (a name "Foo 1a2b3c"), so keys are bucketed by their slug without its trailing digests:
   every key whose id may be the same string is in one bucket, whose ids are those of the whole site;
4. **per partition**: its ids, in the order its articles name their keys.

Tasks: 7 × partitions + 3 × buckets + 6 × partitions × buckets (the picks of each round's payloads and answers).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from operator import getitem

from ..wire import bucket_of
from .grouping import (PAGE_TYPES, Rules, _plain_key, acronyms, chosen_spellings, grouping_parts, is_local,
                       people, spelling_counts)
from .index import _unique_ids, figures_of, local_ids, slugify

_DIGESTS = re.compile(r"(?:-[0-9a-f]{6})+\Z")


def root(slug: str) -> str:
    """A slug without its trailing digests ("jose-muller-1a2b3c" -> "jose-muller"): the same for a key's slug and
    the slug with its digest, so two keys whose ids may be one string have one root."""
    return _DIGESTS.sub("", slug, count=1)


def spelling_parts(articles: list, buckets: int) -> list:
    """Round 1, per partition: [{spelling group: {plain key: entity dicts}} by bucket] + [what the partition keeps:
    ``grouping.grouping_parts`` and each name's plain key]."""
    seen, organisations = grouping_parts(articles)
    plain = {name: _plain_key(name) for _, name in seen}
    out: list = [{} for _ in range(buckets)]
    for group, spelled in spelling_counts(seen, plain).items():
        out[bucket_of(group, buckets)][group] = spelled
    return out + [(seen, organisations, plain)]


def spellings(parts: list[dict]) -> list[dict[str, str]]:
    """Round 1, per bucket: per partition, {plain key: its spelling} of its keys spelled another way."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for part in parts:
        for group, spelled in part.items():
            counts[group].update(spelled)
    chosen = {k: best for k, best in chosen_spellings(counts).items() if k != best}
    return [{k: chosen[k] for spelled in part.values() for k in spelled if k in chosen} for part in parts]


def lone_parts(kept: tuple, answers: list[dict[str, str]], buckets: int) -> list:
    """Round 2, per partition: [(bearers by surname, lone people, long forms by acronym, lone names) by bucket] +
    [{name: key}]."""
    seen, organisations, plain = kept
    spelling: dict[str, str] = {}
    for answer in answers:
        spelling.update(answer)
    keys = {name: spelling.get(key, key) for name, key in plain.items()}
    bearers, lone_people = people(seen, keys.__getitem__)
    out: list = [({}, set(), {}, set()) for _ in range(buckets)]
    for surname, counts in bearers.items():
        out[bucket_of(surname, buckets)][0][surname] = counts
    for key in lone_people:
        out[bucket_of(key, buckets)][1].add(key)
    for acronym, long_forms in acronyms(organisations, keys.__getitem__).items():
        out[bucket_of(acronym, buckets)][2][acronym] = long_forms
    for key in set(keys.values()):
        if " " not in key:  # a key with a space is its own final key (``grouping.Rules.final``)
            out[bucket_of(key, buckets)][3].add(key)
    return out + [keys]


def lone_keys(parts: list[tuple]) -> list[tuple[dict[str, str], set[str]]]:
    """Round 2, per bucket: per partition, ({lone name: its final key} of those that become another, the lone names
    that stay themselves and are persons' surnames)."""
    bearers: dict[str, Counter] = defaultdict(Counter)
    lone_people: set[str] = set()
    found: dict[str, set[str]] = defaultdict(set)
    for part_bearers, part_lone, part_found, _ in parts:
        for surname, counts in part_bearers.items():
            bearers[surname].update(counts)
        lone_people |= part_lone
        for acronym, long_forms in part_found.items():
            found[acronym] |= long_forms
    rules = Rules(bearers, lone_people, found)
    finals, surnames = {}, set()
    for key in set().union(*(asked for *_, asked in parts)):
        final = rules.final(key)
        if final != key:
            finals[key] = final
        elif rules.surname(key):
            surnames.add(key)
    return [({k: finals[k] for k in asked if k in finals}, asked & surnames) for *_, asked in parts]


def id_parts(kept: dict[str, str], answers: list[tuple], articles: list, buckets: int) -> list:
    """Round 3, per partition: [({final key: a person's surname?}, {(type, name) of money and quantities},
    {article-local ids}) by bucket] + [({name: final key}, ``index.local_ids``)]."""
    finals: dict[str, str] = {}
    surnames: set[str] = set()
    for part_finals, part_surnames in answers:
        finals.update(part_finals)
        surnames |= part_surnames
    final_of = {name: finals.get(key, key) for name, key in kept.items()}
    out: list = [({}, set(), set()) for _ in range(buckets)]
    for key in set(final_of.values()):
        out[bucket_of(root(slugify(key)), buckets)][0][key] = key in surnames
    for type_, name in figures_of(articles):
        out[bucket_of(root(f"{type_}-{slugify(name)}"), buckets)][1].add((type_, name))
    local = local_ids(articles)
    for eid in set(local.values()):
        out[bucket_of(root(eid), buckets)][2].add(eid)
    return out + [(final_of, local)]


def unique_ids(parts: list[tuple]) -> list[tuple[dict, dict, set]]:
    """Round 3, per bucket: per partition, ({final key: id}, {(type, name): id} of money and quantities, its ids that
    are persons' surnames' ids)."""
    keys: dict[str, bool] = {}
    figures: dict[str, set[str]] = defaultdict(set)
    for part_keys, part_figures, _ in parts:
        keys.update(part_keys)
        for type_, name in part_figures:
            figures[type_].add(name)
    page_ids = _unique_ids(list(keys))
    surname_ids = {page_ids[k] for k, surname in keys.items() if surname}
    figure_ids = {}
    for type_, names in figures.items():
        figure_ids.update({(type_, n): eid for n, eid in _unique_ids(list(names), prefix=f"{type_}-").items()})
    out = []
    for part_keys, part_figures, part_local in parts:
        mine, theirs = {k: page_ids[k] for k in part_keys}, {f: figure_ids[f] for f in part_figures}
        hits = {eid for eid in (*mine.values(), *theirs.values(), *part_local) if eid in surname_ids}
        out.append((mine, theirs, hits))
    return out


def own(articles: list, kept: tuple, answers: list[tuple]) -> tuple[dict, set[str]]:
    """Per partition: (the ids of its articles' keys, in their order; its ids that are persons' surnames' ids)."""
    final_of, local = kept
    pages: dict[str, str] = {}
    figures: dict[tuple, str] = {}
    surname_ids: set[str] = set()
    for part_pages, part_figures, hits in answers:
        pages.update(part_pages)
        figures.update(part_figures)
        surname_ids |= hits
    ids: dict[tuple, str] = {}
    for slug, ents in articles:
        for e in ents:
            if is_local(e):
                key = (slug, e["type"], e["name"])
                ids[key] = local[key]
            elif e["type"] in PAGE_TYPES:
                ids[(e["type"], e["name"])] = pages[final_of[e["name"]]]
            else:
                key = (e["type"], e["name"])
                ids[key] = figures[key]
    return ids, surname_ids


def _round(submit, made: list, reduce, buckets: int) -> list[tuple]:
    """A shuffle: ``made`` (per partition, a Future of [payload by bucket] + [what it keeps]) reduced per bucket by
    ``reduce`` (a list of answers, one a partition); per partition, (what it keeps, [its answer of each bucket])."""
    reduced = [submit(reduce, [submit(getitem, m, b) for m in made]) for b in range(buckets)]
    return [(submit(getitem, m, buckets), [submit(getitem, r, p) for r in reduced]) for p, m in enumerate(made)]


def ids_on(submit, sent: list, buckets: int) -> list:
    """Per partition, a Future of (own_ids, surname_ids): own_ids, the ids ``index.build`` gives the partition's
    keys ((type, name), or (slug, type, name) for an article-local entity), in the order its articles name them;
    surname_ids, those of its ids that are in index.build's person_surnames ({page_ids[k] for k in surnames if k in
    page_ids}).

    ``submit(fn, *args)`` submits a task; ``sent``: the partitions' Futures (``[(slug, entity dicts)]`` each, in
    order); ``buckets``: how many buckets each shuffle has."""
    if not sent:
        return []  # no articles: no names
    made = [submit(spelling_parts, part, buckets) for part in sent]
    made = [submit(lone_parts, kept, answers, buckets) for kept, answers in _round(submit, made, spellings, buckets)]
    made = [submit(id_parts, kept, answers, part, buckets)
            for (kept, answers), part in zip(_round(submit, made, lone_keys, buckets), sent)]
    return [submit(own, part, kept, answers)
            for (kept, answers), part in zip(_round(submit, made, unique_ids, buckets), sent)]
