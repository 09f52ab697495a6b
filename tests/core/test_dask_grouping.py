"""The entity index's merge rules on a Dask cluster (``core/entities/grouping_on_dask.py``): every partition's ids
and persons' surnames' ids as the local ``index.build`` gives them, with nothing per name gathered by the build."""

from __future__ import annotations

import random

import pytest

from newsreader.core.entities import grouping_on_dask, index as entity_index, on_dask as dask_entities
from newsreader.core.entities.grouping import grouping, grouping_parts, is_local

from test_dask import entity_articles


def own_ids(articles: list, ids: dict) -> dict:
    """The part of the site's ``ids`` that ``articles`` name, in the order they name it."""
    return {key: ids[key] for key in ((slug, e["type"], e["name"]) if is_local(e) else (e["type"], e["name"])
                                      for slug, ents in articles for e in ents)}


def entity(name, kind, sentences=(1,), **more):
    return {"name": name, "type": kind, "aliases": [], "roles": [],
            "mentions": [{"sentence": f"s{n}", "start": 0, "end": len(name)} for n in sentences], **more}


def _ministry_id(slug: str) -> str:
    """The id an article-local "the ministry" of article ``slug`` gets (a surname below is spelled as it)."""
    return entity_index.local_ids([(slug, [entity("the ministry", "organization", local=True)])])[(
        slug, "organization", "the ministry")]


def rule_articles(count: int, seed: int = 1) -> list[tuple[str, list[dict]]]:
    """``test_dask.entity_articles`` and, spread over the articles at random (so that every rule's names meet in
    different partitions), names each merge rule acts on, and some articles with no entities."""
    rng = random.Random(seed)
    foo_digest = entity_index._digest("Foo")
    odd_surname = _ministry_id("story-5")  # the surname of two people spelled as an article-local id: one id
    groups = [
        # spellings: capitals, punctuation, spaces; "The X" and "X"; middle initials; dotted acronyms
        [("VELLMORE", "place"), ("Vellmore", "place"), ("Fizz-Co", "organization"), ("FIZZ CO", "organization"),
         ("Fizz Co", "organization"), ("The Hague", "place"), ("Hague", "place"), ("The Ostrel Group", "organization"),
         ("Ostrel Group", "organization"), ("Odile K. Varnacott", "person"), ("B.H.T.B.", "organization")],
        # a dominant owner ("Tomas Velkner" five times as often as his wife), two comparable ones ("Dulcet")
        [("Tomas Velkner", "person"), ("Tomas Velkner", "person"), ("Tomas J. Velkner", "person"),
         ("Velkner", "person"), ("Arno Dulcet", "person"), ("Petra Dulcet", "person"), ("Dulcet", "person"),
         ("Dulcet", "organization")],
        [("Tomas Velkner", "person"), ("Tomas Velkner", "person"), ("Velkner", "organization")],
        # a lone surname typed an organisation only (not joined); a person's surname that is a place
        [("Lisa Brannock", "person"), ("Brannock", "organization"), ("Michael Jordan", "person"),
         ("Jordan", "person"), ("Jordan", "place")],
        # non-ASCII names beside their ASCII spelling; names of one slug; a digest-suffixed id's slug as a name
        [("José Müller", "person"), ("Jose Muller", "person"), ("Zoë Ardent", "person"), ("A B", "organization"),
         ("A-B", "organization"), ("AB", "organization"), ("Abc", "organization"), ("ABC", "organization"),
         ("Foo", "organization"), ("FOO", "organization"), (f"Foo {foo_digest}", "organization"),
         ("Müller", "person"), ("Muller", "person")],
        [("Orla Quist", "person"), ("Quist", "person"), ("Quist", "organization"), ("Qúist", "person"),
         ("Long " + "Name " * 30, "organization"), ("Long " + "Name " * 30 + "Two", "organization")],
        # money and quantities, one with a page name's slug
        [("$5 million", "money"), ("$5 million", "money"), ("5 million", "money"), ("12 tonnes", "quantity"),
         ("Money 5 Million", "organization"), ("money-5-million", "quantity")],
        # article-local bodies
        [("the ministry", "organization", True), ("Foreign Ministry", "organization", True),
         ("Police", "organization", True)],
    ]
    acronyms = [  # acronyms defined in brackets: once (joined), twice (not), one the alias table names (not)
        ("Corran Valley Power", ["CVP"]), ("Cole Vane Partners", ["CVP"]), ("Union Nord", ["UN"]),
        ("Grey Lantern Trust", ["GLT"]), ("Grey Lantern Trust", ["GLT"])]
    out = []
    for at, (slug, ents) in enumerate(entity_articles(count)):
        if at == 7:
            ents.append(entity("Ines Velkner", "person"))  # his wife, once
        if at % 11 == 4:  # never in "story-5", whose article-local "the ministry" has the id of the surname
            ents += [entity(name, "person") for name in ("Ana " + odd_surname, "Bea " + odd_surname, odd_surname)]
        # a dateline's capitals more often than the name in normal case: the one in normal case is the name
        ents.append(entity("KESTOVA" if at % 3 else "Kestova", "place"))
        if rng.random() < 0.08 and slug != "story-5":
            out.append((slug, []))  # an article with no entities
            continue
        for group in rng.sample(groups, rng.randint(0, 3)):
            for name, kind, *local in rng.sample(group, rng.randint(1, len(group))):
                ents.append(entity(name, kind, [1] * rng.randint(1, 3), **({"local": True} if local else {})))
        if rng.random() < 0.3:
            name, aliases = rng.choice(acronyms)
            ents.append(entity(name, "organization", aliases=aliases))
            ents.append(entity(aliases[0], rng.choice(["organization", "person"])))
        out.append((slug, ents))
    return out


def local_ids_and_surnames(articles) -> tuple[dict, set[str]]:
    """``index.build``'s ids and its persons' surnames' ids (``person_surnames``), made as it makes them."""
    groups, surnames = grouping(*grouping_parts(articles))
    ids, page_ids = entity_index.site_ids(groups, entity_index.figures_of(articles))
    ids.update(entity_index.local_ids(articles))
    assert ids == entity_index.build(articles)["ids"]
    return ids, {page_ids[k] for k in surnames if k in page_ids}


def partitions_on(client, articles, size: int) -> tuple[list, list]:
    """The partitions of ``articles`` and their Futures, sent as ``on_dask.build`` sends them."""
    from newsreader.core.wire import encoded

    parts = [articles[at:at + size] for at in range(0, len(articles), size)]
    sent = [client.submit(dask_entities.articles_of, client.scatter([encoded(part)], hash=False)[0], pure=False)
            for part in parts]
    return parts, sent


def check(client, articles, size: int, buckets: int) -> None:
    ids, person_surnames = local_ids_and_surnames(articles)
    parts, sent = partitions_on(client, articles, size)
    futures = grouping_on_dask.ids_on(lambda *args: client.submit(*args, pure=False), sent, buckets)
    assert len(futures) == len(parts)
    for part, (own, surname_ids) in zip(parts, client.gather(futures)):
        expected = own_ids(part, ids)
        assert list(own.items()) == list(expected.items())  # the same ids, in the same order
        assert surname_ids == {eid for eid in expected.values() if eid in person_surnames}


def test_the_corpus_meets_every_merge_rule():
    """What the rules make of ``rule_articles`` locally: each rule is met (the tests below compare the cluster's
    ids with these)."""
    articles = rule_articles(400, seed=4)
    ids, person_surnames = local_ids_and_surnames(articles)
    same = lambda *keys: len({ids[k] for k in keys}) == 1  # noqa: E731
    groups = grouping(*grouping_parts(articles))[0]
    assert groups[("place", "KESTOVA")] == groups[("place", "Kestova")] == "Kestova"
    assert same(("place", "VELLMORE"), ("place", "Vellmore")) and ids[("place", "VELLMORE")] == "vellmore"
    assert same(("organization", "Fizz-Co"), ("organization", "FIZZ CO"), ("organization", "Fizz Co"))
    assert same(("place", "The Hague"), ("place", "Hague"))
    assert same(("person", "Odile K. Varnacott"), ("person", "Odile Varnacott"), ("person", "Varnacott"),
                ("organization", "Varnacott"))  # one owner; a lone surname typed an organisation joins too
    assert same(("person", "Velkner"), ("organization", "Velkner"), ("person", "Tomas Velkner"))  # dominant
    assert ("person", "Ines Velkner") in ids and not same(("person", "Ines Velkner"), ("person", "Velkner"))
    assert not same(("person", "Dulcet"), ("person", "Arno Dulcet")) and not same(("person", "Dulcet"),
                                                                                 ("person", "Petra Dulcet"))
    assert ids[("person", "Dulcet")] in person_surnames and ids[("organization", "Dulcet")] in person_surnames
    assert not same(("organization", "Brannock"), ("person", "Lisa Brannock"))  # never typed person
    assert not same(("person", "Jordan"), ("person", "Michael Jordan"))  # a place
    assert ids[("person", "Jordan")] not in person_surnames  # nor a person's surname
    assert same(("organization", "BHTB"), ("organization", "B.H.T.B."), ("organization", "Brisk Harbour Transit Board"))
    assert same(("organization", "GLT"), ("organization", "Grey Lantern Trust"))  # defined twice, one long form
    assert ids[("organization", "CVP")] == "cvp" and ids[("organization", "UN")] == "un"  # two long forms; an alias
    assert ids[("person", "Jose Muller")] == "jose-muller"
    assert ids[("person", "José Müller")] == "jose-muller-" + entity_index._digest("José Müller")
    assert {ids[("organization", n)] for n in ("A B", "A-B")} == {"a-b", "a-b-" + entity_index._digest("A-B")}
    foo = entity_index._digest("Foo")
    assert ids[("organization", "Foo")] == f"foo-{foo}"  # "FOO" sorts first
    assert ids[("organization", f"Foo {foo}")] == f"foo-{foo}-{entity_index._digest(f'Foo {foo}')}"
    ministry = ("story-5", "organization", "the ministry")
    assert ids[ministry] == _ministry_id("story-5") in person_surnames  # by value: an article-local id
    assert ids[("money", "$5 million")] == "money-5-million"  # one slug: the second adds a digest
    assert ids[("money", "5 million")] == "money-5-million-" + entity_index._digest("5 million")
    assert ids[("organization", "Money 5 Million")] == "money-5-million"  # as locally: the money's id too
    assert ids[("quantity", "money-5-million")] == "quantity-money-5-million"
    assert any(len(ents) == 0 for _, ents in articles) and any(len(k) == 3 for k in ids)
    long = [ids[("organization", "Long " + "Name " * 30 + end)] for end in ("", "Two")]
    assert len({eid[:entity_index.ID_MAX - 9] for eid in long}) == 1 and len(set(long)) == 2  # cut, with a digest


@pytest.mark.parametrize(("count", "seed", "size", "buckets"), [
    (400, 4, 17, 5), (400, 4, 60, 3), (400, 4, 1000, 1), (120, 2, 1, 4), (9, 3, 4, 5), (1, 5, 1, 3)])
def test_each_partition_has_the_local_builds_ids_and_surnames(cluster, count, seed, size, buckets):
    check(cluster, rule_articles(count, seed), size, buckets)


def test_the_entity_index_tests_corpus_and_an_empty_one(cluster):
    check(cluster, entity_articles(230), 17, 5)
    check(cluster, [("empty", [])], 1, 3)
    assert grouping_on_dask.ids_on(lambda *args: pytest.fail("a task for no partition"), [], 3) == []


def test_the_build_process_gathers_nothing_and_sends_only_futures(cluster, monkeypatch):
    from distributed import Client, Future

    articles = rule_articles(200, seed=8)
    parts, sent = partitions_on(cluster, articles, 30)
    calls, submitted = [], []

    def flat(args):
        for a in args:
            yield from flat(a) if isinstance(a, list) else [a]

    def submit(fn, *args):
        submitted.append(fn)
        assert all(isinstance(a, (Future, int)) for a in flat(args)), (fn, args)  # Futures in (and a bucket count)
        return cluster.submit(fn, *args, pure=False)

    real_result, real_gather = Future.result, Client.gather
    monkeypatch.setattr(Future, "result", lambda *a, **k: calls.append("result") or real_result(*a, **k))
    monkeypatch.setattr(Client, "gather", lambda *a, **k: calls.append("gather") or real_gather(*a, **k))
    futures = grouping_on_dask.ids_on(submit, sent, 4)
    assert calls == [] and all(isinstance(f, Future) for f in futures)  # Futures out
    p, b = len(parts), 4
    assert len(submitted) == 7 * p + 3 * b + 6 * p * b  # picks of partitions x buckets; the rest per one of them
    monkeypatch.undo()
    ids, person_surnames = local_ids_and_surnames(articles)
    for part, (own, surname_ids) in zip(parts, cluster.gather(futures)):
        assert own == own_ids(part, ids)
        assert surname_ids == {eid for eid in own.values() if eid in person_surnames}
