"""Entities merged across articles: ids, URLs, counts, co-mentions."""

from newsreader.core.entity_index import build, slugify


def e(name, type_, n=1, aliases=(), roles=()):
    return {"name": name, "type": type_, "aliases": list(aliases), "roles": list(roles), "mentions": [{}] * n}


def test_same_canonical_entity_in_two_articles_is_one():
    index = build([
        ("a", [e("United States", "place", 3, ["US"]), e("James DeHart", "person", 1, roles=["negotiator"])]),
        ("b", [e("United States", "place", 2, ["America"]), e("$5 billion", "money")]),
    ])
    us = index["entities"]["united-states"]
    assert us["articles"] == ["a", "b"] and us["mentions"] == 5
    assert us["aliases"] == ["America", "US"]
    assert us["url"] == "entity/united-states/"
    assert index["entities"]["money-5-billion"]["url"] is None  # figures get no page
    assert index["entities"]["james-dehart"]["related"] == ["united-states"]


def test_one_name_is_one_entity_typed_by_the_evidence_of_all_its_mentions():
    index = build([("a", [e("Chelsea", "place")]), ("b", [e("Chelsea", "organization", 3)]),
                   ("c", [e("Chelsea", "organization")])])
    assert set(index["entities"]) == {"chelsea"}
    assert index["entities"]["chelsea"]["type"] == "organization" and index["entities"]["chelsea"]["mentions"] == 5


def test_names_ending_in_digits_and_accents_make_clean_folder_slugs():
    assert slugify("G7") == "g7"
    assert slugify("Tomasz Żmijewski") == "tomasz-zmijewski"
    assert slugify("Lech Wałęsa") == "lech-walesa"
