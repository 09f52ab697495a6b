"""Entity extraction on the seed and on fixture texts written for the tests (not tuned on)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SEED_DIR
from newsreader.core import nlp as nlp_module
from newsreader.core.entities.extract import extract, learn_acronyms
from newsreader.core.text.rawformat import parse
from newsreader.core.text.sentences import number_sentences

from conftest import FIXTURES  # noqa: E402


@pytest.fixture(scope="session")
def nlp():
    return nlp_module.load()


def entities_of(path: Path, nlp) -> dict[str, object]:
    article = parse(path.read_bytes(), str(path))
    found = extract(article.paragraphs, article.sentences, list(nlp.pipe(article.paragraphs)))
    return {e.name: e for e in found}


def entities_in(paragraphs: list[str], nlp) -> dict[str, object]:
    found = extract(paragraphs, number_sentences(paragraphs), list(nlp.pipe(paragraphs)))
    return {e.name: e for e in found}


@pytest.fixture(scope="session")
def seed(nlp):
    return entities_of(SEED_DIR / "000_29d63d47178ef691.txt", nlp)


@pytest.mark.parametrize(
    "name, type_",
    [
        ("James DeHart", "person"), ("Jeong Eun-bo", "person"), ("United States", "place"), ("South Korea", "place"),
        ("North Korea", "place"), ("Special Measures Agreement", "agreement"), ("Foreign Ministry (South Korea)", "organization"),
        ("Pentagon", "organization"), ("Korean National Police", "organization"), ("$5 billion", "money"),
        ("$896 million", "money"), ("28,500 troops", "quantity"),
    ],
)
def test_seed_entities_and_types(seed, name, type_):
    assert name in seed, sorted(seed)
    assert seed[name].type == type_


def test_seed_roles(seed):
    assert any("negotiator" in r for r in seed["James DeHart"].roles)
    assert "Chief US negotiator" in seed["James DeHart"].roles
    assert any("negotiator" in r for r in seed["Jeong Eun-bo"].roles)


def test_seed_aliases_are_merged(seed):
    assert {"US", "Washington", "American"} <= set(seed["United States"].aliases)
    assert {"Seoul", "South Korean"} <= set(seed["South Korea"].aliases)
    assert "SMA" in seed["Special Measures Agreement"].aliases
    assert "South" in seed["South Korea"].aliases  # "The US blamed the South."


def test_seed_has_no_weekday_no_boundary_error_and_no_boilerplate(seed):
    names = set(seed)
    assert "Tuesday" not in names and "July" not in names
    assert not any(n.startswith("Citing") for n in names)
    assert not any("GlobalSecurity" in n or "NEWSLETTER" in n for n in names)


def test_mentions_point_at_their_sentence_text(seed, nlp):
    article = parse((SEED_DIR / "000_29d63d47178ef691.txt").read_bytes(), "seed")
    sentences = {s.id: s.text for s in article.sentences}
    for entity in seed.values():
        for m in entity.mentions:
            assert sentences[m.sentence][m.start:m.end] == m.text
    dehart = seed["James DeHart"].mentions[0]
    assert (dehart.sentence, dehart.text) == ("s7", "James DeHart")


def test_fixture_a(nlp):
    found = entities_of(FIXTURES / "entities_a.txt", nlp)
    assert found["Alma Veress"].type == "person"
    assert "Finance Minister" in found["Alma Veress"].roles  # the title is a role…
    assert "Finance Minister Alma Veress" not in found  # …never part of the name
    assert len(found["Alma Veress"].mentions) == 2  # "Veress said" joins the full name
    assert found["Lisbon Maritime Accord"].type == "agreement"
    assert len(found["Lisbon Maritime Accord"].mentions) == 3  # the learned acronym is applied later
    assert found["€2.5 billion"].type == "money"
    assert found["Lisbon"].type == "place"
    assert found["North Korea"].aliases == ["North"]  # "The North has rejected…"


def test_capital_has_one_meaning_per_article_the_country_once_it_acts(nlp):
    found = entities_in(["Thousands of protesters marched through Warsaw on Sunday, while Warsaw said it would back the accord."], nlp)
    assert "Warsaw" not in found  # one surface form, one page in an article
    assert [m.text for m in found["Poland"].mentions] == ["Warsaw", "Warsaw"]
    found = entities_in(["The minister visited Seoul on Monday."], nlp)
    assert "Seoul" in found and "South Korea" not in found


def test_fixture_b(nlp):
    found = entities_in(
        [
            "Keiko Arada of the National Grid Agency told reporters that the agency needed $340 million, "
            "more than three times the 90 million dollars it received in 2020.",
            "Canadian officials said Ottawa would not pay for the upgrade.",
            "Arada, a former engineer, said she visited Tokyo in April.",
        ],
        nlp,
    )
    arada = found["Keiko Arada"]
    assert "National Grid Agency" in arada.roles and "former engineer" in arada.roles
    assert len(arada.mentions) == 2 and "Arada" not in [e for e in found if found[e].type == "organization"]
    assert found["$340 million"].type == "money" and found["$90 million"].type == "money"
    assert {"Canadian", "Ottawa"} <= set(found["Canada"].aliases)
    assert found["Tokyo"].type == "place"


def test_nationality_adjectives_fold_into_their_country_but_ambiguous_ones_do_not(nlp):
    found = entities_in(["The Japanese delegation met the Korean side and British diplomats."], nlp)
    assert "Japan" in found and "United Kingdom" in found
    assert not any(e.type == "place" and "Korea" in e.name for e in found.values())


def test_american_is_never_american_samoa(nlp):
    found = entities_in(["American troops left the United States base, and the US said Americans were safe."], nlp)
    assert "United States" in found
    assert not any("Samoa" in n or "Virgin" in n for n in found)


def test_acronyms_are_learned_only_when_the_initials_match():
    assert learn_acronyms(["the Special Measures Agreement (SMA) framework"]) == {"SMA": "Special Measures Agreement"}
    assert learn_acronyms(["the North Atlantic Treaty Organization (NATO) met"]) == {"NATO": "North Atlantic Treaty Organization"}
    assert learn_acronyms(["talks in Geneva (Switzerland) resumed"]) == {}


def test_foreign_minister_title_becomes_a_role(nlp):
    found = entities_in(["Foreign Minister Kang Kyung-wha said the talks would go on."], nlp)
    assert "Kang Kyung-wha" in found
    assert "Foreign Minister" in found["Kang Kyung-wha"].roles


def test_a_title_with_of_is_the_whole_office(nlp):
    found = entities_in(["Former Secretary of State Mara Quell said she would run.",
                         "Minister of Finance Tobin Arel resigned on Friday."], nlp)
    assert found["Mara Quell"].roles == ["Former Secretary of State"]
    assert found["Tobin Arel"].roles == ["Minister of Finance"]


def test_apposition_of_organisation_is_a_role(nlp):
    found = entities_in(["James DeHart of the State Department said talks would resume."], nlp)
    assert "State Department" in found["James DeHart"].roles
