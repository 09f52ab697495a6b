"""The verbs the rules look up by lemma are lemmatized back from every regular form (``nlp.MISREAD_FORMS``)."""

from __future__ import annotations

import re

import pytest

from newsreader.core import nlp
from newsreader.core.entities import people
from newsreader.core.quotes import candidates, explicit, speakers
from newsreader.core.timex import clause

# Every table of verbs a rule compares a token's lemma with.
TABLES = [speakers.SPEECH_VERBS, speakers.PASSIVE_SPEAKERS, speakers._ISSUING, speakers._ADDRESSED,
          speakers._PERCEIVED, explicit.ADDRESSING, candidates.CHARACTERISING, candidates._THINKING,
          explicit._HEARING, clause._PLANNING, clause._PLANNED_WITH_OBJECT, clause.REPORTING, clause._LIMIT_VERBS,
          people._SPEECH_LEMMAS]
VOWELS = "aeiou"


def regular_forms(verb: str) -> tuple[str, str, str]:
    """The third person, past and -ing forms of a regular English verb."""
    if verb.endswith("e"):
        past, ing = verb + "d", verb[:-1] + "ing"
    elif verb.endswith("y") and verb[-2] not in VOWELS:
        past, ing = verb[:-1] + "ied", verb + "ing"
    elif (len(re.findall(f"[{VOWELS}]+", verb)) == 1 and re.search(f"[^{VOWELS}][{VOWELS}][^{VOWELS}wxy]$", verb)):
        past, ing = verb + verb[-1] + "ed", verb + verb[-1] + "ing"  # one syllable, a short vowel: "snapped"
    else:
        past, ing = verb + "ed", verb + "ing"
    if re.search("(s|x|z|ch|sh|[^aeiou]o)$", verb):
        third = verb + "es"
    elif verb.endswith("y") and verb[-2] not in VOWELS:
        third = verb[:-1] + "ies"
    else:
        third = verb + "s"
    return third, past, ing


@pytest.fixture(scope="module")
def model():
    return nlp.load()


def test_every_regular_form_of_a_verb_the_rules_read_is_lemmatized_back(model):
    exceptions = model.get_pipe("lemmatizer").lookups.get_table("lemma_exc")["verb"]
    irregular = {lemma for lemmas in exceptions.values() for lemma in lemmas}
    verbs = sorted({v for table in TABLES for v in table if v.isalpha() and v not in irregular})
    assert len(verbs) > 150
    wrong = []
    for verb in verbs:
        third, past, ing = regular_forms(verb)
        for text, form in ((f"She {third} it.", third), (f"They {past} it.", past), (f"They are {ing} it.", ing)):
            token = next(t for t in model(text) if t.lower_ == form)
            if token.tag_.startswith("VB") and token.lemma_ != verb:
                wrong.append(f"{form} -> {token.lemma_}")
    assert wrong == []


def test_the_mended_forms_are_verbs_only(model):
    lemmas = {t.text: t.lemma_ for t in model("She hoped the vote slated for May would pass, he texted.")}
    assert (lemmas["hoped"], lemmas["slated"], lemmas["texted"]) == ("hope", "slate", "text")
    nouns = {t.text: (t.tag_, t.lemma_) for t in model("The ratings fell and texting grew.")}
    assert nouns["ratings"] == ("NNS", "rating")  # a noun keeps the model's own lemma
