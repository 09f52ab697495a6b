"""Entities merged across articles: ids, URLs, counts, co-mentions."""

from newsreader.core.entities.index import build, slugify


def e(name, type_, n=1, aliases=(), roles=(), local=False):
    found = {"name": name, "type": type_, "aliases": list(aliases), "roles": list(roles), "mentions": [{}] * n}
    return dict(found, local=True) if local else found


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
    index = build([("a", [e("Georgia", "place", 3)]), ("b", [e("Georgia", "organization")]), ("c", [e("Georgia", "person")])])
    assert index["entities"]["georgia"]["type"] == "place"  # most votes, not the first type in the preference order


def test_a_full_name_with_a_persons_role_is_a_person_whatever_the_lists_that_typed_it_a_body():
    listed = [(f"list-{i}", [e("Esme Marquand", "organization")]) for i in range(6)]
    index = build([("profile", [e("Esme Marquand", "person", 3, roles=["businesswoman"])])] + listed)
    assert index["entities"]["esme-marquand"]["type"] == "person"
    index = build([("profile", [e("Esme Marquand", "person", 2)])] + listed)
    assert index["entities"]["esme-marquand"]["type"] == "organization"  # no role: the votes decide
    index = build([("a", [e("Tarn Valley Partners", "person", 1, roles=["law firm"])])] + [
        (f"b{i}", [e("Tarn Valley Partners", "organization")]) for i in range(3)])
    assert index["entities"]["tarn-valley-partners"]["type"] == "organization"  # a body's role
    index = build([("a", [e("Calder", "person", 1, roles=["President"])])] + [
        (f"b{i}", [e("Calder", "organization")]) for i in range(3)])
    assert index["entities"]["calder"]["type"] == "organization"  # one word: a person's, or a firm's name


def test_names_ending_in_digits_and_accents_make_clean_folder_slugs():
    assert slugify("G7") == "g7"
    assert slugify("Tomasz Żmijewski") == "tomasz-zmijewski"
    assert slugify("Lech Wałęsa") == "lech-walesa"


def test_names_with_middle_initials_and_dotted_acronyms_are_one_entity_site_wide():
    index = build([("a", [e("Donald J. Trump", "person"), e("F.B.I.", "place")]),
                   ("b", [e("Donald Trump", "person", 2), e("FBI", "organization", 2)])])
    assert set(index["entities"]) == {"donald-trump", "fbi"}
    assert index["entities"]["donald-trump"]["name"] == "Donald Trump"  # the most mentioned form
    assert index["entities"]["fbi"]["type"] == "organization" and index["entities"]["fbi"]["aliases"] == ["F.B.I."]


def test_ids_are_stable_and_unique_when_articles_arrive():
    first = build([("a", [e("Georgia", "place"), e("Jose Muller", "person")])])
    later = build([("a", [e("Georgia", "place"), e("Jose Muller", "person")]),
                   ("b", [e("José Müller", "person"), e("Georgia", "place"), e("Foreign Ministry", "organization", local=True)])])
    assert set(first["entities"]) <= set(later["entities"])
    assert len(later["entities"]) == 3  # "José Müller" is not "Jose Muller"; both Georgias are one
    ministry = list(later["local"].values())  # the article-local one is kept apart
    assert [m["name"] for m in ministry] == ["Foreign Ministry"] and ministry[0]["url"] is None
    assert later["entities"]["jose-muller"]["name"] == "Jose Muller"
    alone = build([("b", [e("José Müller", "person")])])  # even with no "Jose Muller" yet: the slug stays free
    (eid,) = alone["entities"]
    assert eid.startswith("jose-muller-") and len(eid) == len("jose-muller-") + 6


def test_a_correction_that_names_a_generic_body_makes_it_site_wide():
    index = build([("a", [e("Foreign Ministry (Japan)", "organization", local=True)])])
    assert index["entities"]["foreign-ministry-japan"]["url"] == "entity/foreign-ministry-japan/"


def test_related_counts_pairs_of_mentions_whether_an_entity_is_in_one_article_or_several():
    # "Alma Veress" and "Veress" are one entity named twice in article "a": it is with everyone there twice.
    places = [e(f"Town{n}", "place", 5) for n in range(12)]
    index = build([("a", [e("Lone Person", "person"), *places, e("Alma Veress", "person"), e("Veress", "person")]),
                   ("b", [e("Alma Veress", "person"), e("Town3", "place"), e("$5 billion", "money")])])
    people = index["entities"]
    # In one article only: the twice-named entity first, then by mentions (6 from both articles), then by id.
    assert people["lone-person"]["related"] == ["alma-veress", "town3", "town0", "town1", "town10", "town11",
                                                "town2", "town4", "town5", "town6"]
    assert "town0" not in people["town0"]["related"] and len(people["town0"]["related"]) == 10
    assert people["town0"]["related"][0] == "alma-veress"
    # In two: pairs summed over both (Town3 is with Alma Veress in each), figures left out.
    assert people["alma-veress"]["related"][:2] == ["town3", "town0"]
    assert people["town3"]["related"][0] == "alma-veress"


def test_spellings_of_one_name_are_one_entity_named_in_normal_case():
    index = build([("a", [e("BRACKTON", "place")]), ("b", [e("Brackton", "place", 2)]), ("c", [e("Brackton", "place")]),
                   ("d", [e("Orvelle-Dane", "organization")]), ("e", [e("Orvelle Dane", "organization", 2)]),
                   ("f", [e("Ilse K.L. Varga", "person")]), ("g", [e("Ilse KL Varga", "person")]),
                   ("h", [e("Dunmore party", "organization")]), ("i", [e("Dunmore Party", "organization")]),
                   ("j", [e("TELVANO", "organization", 2)]), ("k", [e("Telvano", "person")]),
                   ("l", [e("IT", "organization")]), ("m", [e("It", "organization")]),
                   ("n", [e("Ana O’Velkner", "person")]), ("o", [e("Ana O'Velkner", "person")]),
                   ("p", [e("KestrelMart", "organization")]), ("q", [e("Kestrel-Mart", "organization")]),
                   ("r", [e("José Brack", "person")]), ("s", [e("Jose Brack", "person")])])
    names = {rec["name"]: rec for rec in index["entities"].values()}
    assert names["Brackton"]["mentions"] == 4 and names["Brackton"]["aliases"] == ["BRACKTON"]
    assert names["Orvelle Dane"]["mentions"] == 3 and "Orvelle-Dane" in names["Orvelle Dane"]["aliases"]
    assert len([n for n in names if "Varga" in n]) == 1 and len([n for n in names if "Dunmore" in n]) == 1
    assert "Telvano" in names and "TELVANO" not in names  # capitals count a quarter when the name is chosen
    assert {"IT", "It"} <= set(names)  # three letters or fewer: an acronym stays apart
    assert len([n for n in names if "Velkner" in n]) == 1 and len([n for n in names if "Mart" in n]) == 1
    assert {"José Brack", "Jose Brack"} <= set(names)  # accents are letters of their own


def test_a_lone_surname_typed_person_somewhere_is_a_person_even_when_two_people_bear_it():
    index = build([("a", [e("Haldane", "organization", 2)]), ("b", [e("Haldane", "person", 1)]),
                   ("c", [e("Ivo Haldane", "person")]), ("d", [e("Mara Haldane", "person")]),
                   ("e", [e("Brackford", "organization", 5)]), ("f", [e("Brackford", "person")]),
                   ("g", [e("Lena Brackford", "person")]), ("h", [e("Olaf Brackford", "person")])])
    assert index["entities"]["haldane"]["type"] == "person"
    assert index["entities"]["brackford"]["type"] == "organization"  # a person by too few of its votes


def test_a_lone_surname_joins_the_full_name_that_dominates_the_others_who_bear_it():
    arts = [(f"a{i}", [e("Tomas Velkner", "person")]) for i in range(10)] + [
        ("wife", [e("Dana Velkner", "person")]), ("lone", [e("Velkner", "person", 30)])]
    index = build(arts)
    assert "velkner" not in index["entities"] and "lone" in index["entities"]["tomas-velkner"]["articles"]
    assert index["entities"]["tomas-velkner"]["name"] == "Tomas Velkner"  # not the lone surname, mentioned more
    arts = [(f"a{i}", [e("Tomas Velkner", "person")]) for i in range(4)] + [
        (f"b{i}", [e("Dana Velkner", "person")]) for i in range(2)] + [("lone", [e("Velkner", "person", 3)])]
    index = build(arts)
    assert index["entities"]["velkner"]["articles"] == ["lone"]  # 4 against 2: either may be meant


def test_an_acronym_one_article_defines_joins_its_long_form_in_articles_that_never_spell_it_out():
    index = build([("a", [e("Union of Kestrel Farmers", "organization", 2, ["UKF"])]),
                   ("b", [e("UKF", "organization", 3)]), ("c", [e("UKF", "organization")]),
                   ("d", [e("ZQX", "organization", 2)])])
    names = {rec["name"]: rec for rec in index["entities"].values()}
    assert set(names) >= {"ZQX"} and len(names) == 2
    ukf = next(rec for rec in names.values() if "UKF" in rec["aliases"] or rec["name"] == "UKF")
    assert ukf["mentions"] == 6 and ukf["articles"] == ["a", "b", "c"]
