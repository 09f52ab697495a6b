"""Entities across two or three synthetic articles (tests/fixtures/entities_c/d/e.txt): merges, splits, ids."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsreader.core import nlp as nlp_module
from newsreader.core.annotate import annotate_one
from newsreader.core.entities.index import build, id_of, record as record_of
from newsreader.core.text.rawformat import parse

from conftest import FIXTURES  # noqa: E402


@pytest.fixture(scope="module")
def annotated():
    nlp = nlp_module.load()
    out = {}
    for name in "cde":
        article = parse((FIXTURES / f"entities_{name}.txt").read_bytes(), name)
        out[name] = annotate_one(article, list(nlp.pipe(article.paragraphs)))["entities"]
    return out


def site(annotated, names="cde"):
    return build([(n, annotated[n]) for n in names])


def record(index, slug, annotated, name):
    entity = next(e for e in annotated[slug] if e["name"] == name)
    return record_of(index, id_of(index, slug, entity))


def test_foreign_ministries_of_two_countries_are_two_entities_and_an_untied_one_stays_local(annotated):
    index = site(annotated)
    assert index["entities"]["foreign-ministry-japan"]["url"] == "entity/foreign-ministry-japan/"
    assert index["entities"]["foreign-ministry-south-korea"]["articles"] == ["c"]
    local = record(index, "d", annotated, "Foreign Ministry")
    assert local["url"] is None and local["articles"] == ["d"]  # never merged site-wide, no page…
    assert local["id"] in index["local"] and local["id"] not in index["entities"]  # …nor listed with the site's


def test_a_capital_means_the_country_where_it_acts_and_the_city_where_it_is_a_place(annotated):
    index = site(annotated)
    assert "Washington" in index["entities"]["united-states"]["aliases"]  # "Washington said" (article c)
    assert index["entities"]["washington"]["type"] == "place"  # "a museum in Washington" (article d)
    assert index["entities"]["washington"]["articles"] == ["d"]
    for slug in "cde":  # one page per metonym in an article
        pages = {}
        for e in annotated[slug]:
            for m in e["mentions"]:
                if m["text"] in {"Washington", "Seoul", "Kremlin"}:
                    pages.setdefault(m["text"], set()).add(id_of(index, slug, e))
        assert pages and all(len(ids) == 1 for ids in pages.values()), pages


def test_middle_initials_dotted_acronyms_and_a_lone_surname_merge_across_articles(annotated):
    index = site(annotated)
    trump = index["entities"]["donald-trump"]
    assert trump["type"] == "person" and trump["articles"] == ["c", "d"]
    assert {"Donald J. Trump", "Trump"} <= set(trump["aliases"])
    assert index["entities"]["fbi"]["articles"] == ["c", "d"] and "F.B.I." in index["entities"]["fbi"]["aliases"]
    lone = build([("x", [{"name": "Trump", "type": "organization", "aliases": [], "roles": [], "mentions": [{}]}]),
                  ("y", [{"name": "Trump", "type": "person", "aliases": [], "roles": [], "mentions": [{}]}]),
                  ("z", [{"name": "Donald Trump", "type": "person", "aliases": [], "roles": [], "mentions": [{}]}])])
    assert set(lone["entities"]) == {"donald-trump"} and lone["entities"]["donald-trump"]["type"] == "person"


def test_a_lone_surname_stays_apart_when_two_people_bear_it(annotated):
    index = site(annotated)
    assert {"bill-clinton", "hillary-clinton", "clinton"} <= set(index["entities"])


def test_names_differing_by_accents_are_different_entities_with_stable_ids(annotated):
    two = site(annotated, "cd")
    three = site(annotated, "cde")
    assert two["entities"]["jose-muller"]["name"] == "Jose Muller"
    mueller = record(three, "e", annotated, "José Müller")
    assert mueller["id"] != "jose-muller" and mueller["id"].startswith("jose-muller-") and mueller["articles"] == ["e"]
    assert three["entities"]["jose-muller"]["articles"] == ["d"]
    for eid, rec in two["entities"].items():  # a new article moves no existing URL
        assert three["entities"][eid]["url"] == rec["url"], eid
    assert len(set(three["ids"].values())) == len(three["entities"]) + len(three["local"])


def test_dateline_of_the_third_article_is_no_entity(annotated):
    assert not any(m["sentence"] == "s1" and m["start"] == 0 for e in annotated["e"] for m in e["mentions"])
