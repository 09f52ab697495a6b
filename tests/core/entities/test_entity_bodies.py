"""Generic bodies and metonyms, in one article and across two or three articles (sentences written for the tests)."""

from __future__ import annotations

from spacy.tokens import Span

from newsreader.core.annotate import annotate_one
from newsreader.core.entities.extract import extract
from newsreader.core.entities.index import build, id_of, record
from newsreader.core.text.rawformat import parse
from newsreader.core.text.sentences import number_sentences
from test_entity_rules import entities_in, nlp, texts  # noqa: F401  (nlp is a fixture)


def site(nlp, *articles):
    """Articles given as lists of paragraphs -> (index, {slug: entity dicts})."""
    annotated = {}
    for n, paragraphs in enumerate(articles):
        article = parse(("Fixture\nFixture Wire\n2020-03-04\n" + "\n".join(paragraphs) + "\n").encode(), f"a{n}")
        annotated[f"a{n}"] = annotate_one(article, list(nlp.pipe(article.paragraphs)))["entities"]
    return build(list(annotated.items())), annotated


def page_of(index, annotated, slug, text):
    """The entity record that the mention written ``text`` in article ``slug`` links to."""
    ids = {id_of(index, slug, e) for e in annotated[slug] for m in e["mentions"] if m["text"] == text}
    assert len(ids) == 1, (text, ids)  # one surface form, one page in an article
    return record(index, ids.pop())


# --- generic bodies: every tie form ---

def test_a_body_tied_by_of_a_place_is_qualified_and_keeps_its_span(nlp):
    found = entities_in(["The Supreme Court of Japan ruled on Monday. Japan's Supreme Court had ruled before."], nlp)
    assert texts(found["Supreme Court (Japan)"]) == ["Supreme Court of Japan", "Supreme Court"]
    assert "Supreme Court of Japan" not in found


def test_a_capitalised_body_in_a_place_is_tied_to_it(nlp):
    found = entities_in(["The Ministry in Tokyo said the talks would resume."], nlp)
    assert texts(found["Ministry (Japan)"]) == ["Ministry"]
    found = entities_in(["Officials said the Police in Tokyo made three arrests."], nlp)
    assert texts(found["Police (Japan)"]) == ["Police"]


def test_a_one_word_body_is_a_name_when_capitalised_inside_a_sentence(nlp):
    found = entities_in(["Japanese Police arrested two men on Monday."], nlp)
    assert texts(found["Police (Japan)"]) == ["Police"] and texts(found["Japan"]) == ["Japanese"]
    found = entities_in(["Residents said Police had closed the road."], nlp)
    assert texts(found["Police"]) == ["Police"] and found["Police"].local  # untied: article-local
    found = entities_in(["Police said three men were arrested on Monday."], nlp)
    assert "Police" not in found  # the capital only opens the sentence


def test_a_body_the_model_calls_a_place_is_an_organisation(nlp):
    found = entities_in(["The Defense Ministry of Japan said the talks would resume, and Police in Seoul arrested two men."], nlp)
    assert found["Police (South Korea)"].type == "organization"  # the model tags "Police" a place
    assert texts(found["Defense Ministry (Japan)"]) == ["Defense Ministry of Japan"]
    assert not any(e.type == "place" and e.name.startswith("Police") for e in found.values())


def test_a_one_word_body_the_model_tags_a_place_opening_a_sentence_is_an_article_local_organisation(nlp):
    paragraph = "Police arrested two men in Seoul."
    doc = nlp(paragraph)
    doc.ents = [Span(doc, 0, 1, label="GPE"), Span(doc, 5, 6, label="GPE")]  # a model's "Police" as a place
    found = {e.name: e for e in extract([paragraph], number_sentences([paragraph]), [doc])}
    assert found["Police"].type == "organization" and found["Police"].local


def test_bodies_in_lower_case_are_common_nouns_not_mentions(nlp):
    paragraph = "The police said three men were arrested, and the central bank raised rates."
    found = entities_in([paragraph], nlp)
    assert not found
    doc = nlp(paragraph)  # even when a model tags them: a common noun is no named entity
    doc.ents = [Span(doc, 1, 2, label="ORG"), Span(doc, 9, 12, label="ORG")]
    assert [e.text for e in doc.ents] == ["police", "the central bank"]
    assert not extract([paragraph], number_sentences([paragraph]), [doc])


def test_two_countries_bodies_are_two_pages_and_one_countrys_are_one(nlp):
    index, annotated = site(nlp, ["Japan's Defense Ministry said the drills would go ahead."],
                            ["The Defense Ministry of South Korea protested on Tuesday."],
                            ["The Japanese Defense Ministry later confirmed the drills."])
    japan = page_of(index, annotated, "a0", "Defense Ministry")
    assert japan["id"] == "defense-ministry-japan" and japan["articles"] == ["a0", "a2"] and japan["url"]
    korea = page_of(index, annotated, "a1", "Defense Ministry of South Korea")
    assert korea["id"] == "defense-ministry-south-korea" and korea["articles"] == ["a1"]


def test_one_word_bodies_across_articles_and_untied_ones_stay_local(nlp):
    index, annotated = site(nlp, ["Officials said the Police in Tokyo made three arrests."],
                            ["Japanese Police released the men on Friday."],
                            ["Residents said Police had closed the road."])
    assert page_of(index, annotated, "a0", "Police")["articles"] == ["a0", "a1"]
    local = page_of(index, annotated, "a2", "Police")
    assert local["url"] is None and local["articles"] == ["a2"] and local["id"] in index["local"]


# --- metonyms: one meaning per article, the same rule in every article ---

def test_a_capital_is_its_country_where_it_acts_and_the_city_where_it_is_a_place_across_articles(nlp):
    index, annotated = site(nlp, ["Beijing said it would retaliate, and officials in Beijing met the envoy."],
                            ["Negotiators met in Beijing on Monday."],
                            ["China's envoy arrived, and Beijing warned of new tariffs."])
    china = page_of(index, annotated, "a0", "Beijing")
    assert china["id"] == "china" and china["articles"] == ["a0", "a2"] and "Beijing" in china["aliases"]
    city = page_of(index, annotated, "a1", "Beijing")
    assert city["id"] == "beijing" and city["type"] == "place" and city["articles"] == ["a1"]


def test_seats_of_government_are_the_same_organisation_in_every_article(nlp):
    index, annotated = site(nlp, ["Beijing said it would retaliate, and the White House said Downing Street agreed with the Kremlin."],
                            ["Tourists walked past the Kremlin on a tour, then photographed the White House."],
                            ["A spokesman for Downing Street said the Kremlin had called."])
    eid_name = {"kremlin": "Kremlin", "white-house": "White House", "downing-street": "Downing Street"}
    for text, eid, articles in (("Kremlin", "kremlin", ["a0", "a1", "a2"]), ("White House", "white-house", ["a0", "a1"]),
                                ("Downing Street", "downing-street", ["a0", "a2"])):
        pages = {page_of(index, annotated, slug, text)["id"] for slug in articles}
        assert pages == {eid} and index["entities"][eid]["type"] == "organization"
        assert index["entities"][eid]["articles"] == articles
        assert all(e["type"] == "organization" for slug in articles for e in annotated[slug] if e["name"] == eid_name[eid])


def test_a_name_with_the_kept_by_evidence_is_one_entity_with_the_name_without_it(nlp):
    index, annotated = site(nlp, ["A report in The New York Times said the deal was close."],
                            ["The deal was close, the New York Times reported on Monday."])
    first, second = (page_of(index, annotated, "a0", "The New York Times"),
                     page_of(index, annotated, "a1", "New York Times"))
    assert first is second and first["articles"] == ["a0", "a1"] and first["id"] == "new-york-times"


# --- people and nationality words across articles ---

def test_a_titled_name_the_model_missed_is_one_person_across_articles(nlp):
    index, annotated = site(nlp, ["U.N. Secretary-General Felipe Arroyo said both sides should return to talks."],
                            ["On Monday, Arroyo told reporters in Nairobi that he was hopeful."])
    arroyo = page_of(index, annotated, "a0", "Felipe Arroyo")
    assert page_of(index, annotated, "a1", "Arroyo") is arroyo  # the lone surname joins the site's one full name
    assert arroyo["type"] == "person" and arroyo["articles"] == ["a0", "a1"] and "Secretary-General" in arroyo["roles"]


def test_nationality_words_link_to_the_countrys_one_page_across_articles(nlp):
    index, annotated = site(nlp, ["A Brazilian court ruled on Monday."], ["Brazil appealed the ruling on Tuesday."])
    brazil = page_of(index, annotated, "a0", "Brazilian")
    assert page_of(index, annotated, "a1", "Brazil") is brazil and brazil["articles"] == ["a0", "a1"]
    marked = [m.get("nationality") for e in annotated["a0"] for m in e["mentions"] if m["text"] == "Brazilian"]
    assert marked == [True]
