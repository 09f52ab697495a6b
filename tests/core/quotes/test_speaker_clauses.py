"""Who said it when the sentence holds other clauses and other quotes: which clause a quote's attribution comes from,
on sentences written for the test (synthetic names, places and bodies)."""

from __future__ import annotations

from speaker_cases import nlp, speakers  # noqa: F401 - nlp is a fixture


def test_a_colon_after_a_speech_verb_starts_a_quote_of_its_own(nlp):
    # the piece before "Tomas Berg said:" sits in Ada Voss's clause: the two pieces are two quotes
    found = speakers(['After Ada Voss said pupils might do better at "smaller harbour schools," Tomas Berg said: "I do '
                      'not agree with her at all."'], nlp)
    assert found == {"smaller harbour schools": "Ada Voss", "I do not": "Tomas Berg"}


def test_a_speech_verb_with_a_quote_of_its_own_comes_last(nlp):
    # the judge's "called" has its own quote and its clause ends before the second one: the wish is Lanke's
    found = speakers(['In a clip that Judge Ilse Brandt called "distasteful," Ruud Lanke voiced a wish to "shut the '
                      'harbour board down for good."'], nlp)
    assert found == {"distasteful": "Ilse Brandt", "shut the harbour": "Ruud Lanke"}
    # with nothing else to attribute it, such a verb's subject still speaks
    found = speakers(['Perez hammered the mayor, calling him a "train wreck," and contrasted him with Ada Voss: "What I '
                      'have seen of Ada Voss is a steady hand."'], nlp)
    assert found["What I have"] == "Perez"


def test_a_name_the_parse_glued_to_its_verb_is_its_subject(nlp):
    # the parser reads "Rusk joked" as a compound of the verb
    found = speakers(['When someone at the back shouted, "Tolls," Rusk joked, again using an exaggerated Northern '
                      'accent, "Amen, friend! Come on up and get your ticket!"'], nlp)
    assert found == {"Tolls": "someone at the back", "Amen, friend! Come": "Rusk"}


def test_a_participle_after_a_passive_is_never_its_agent_s(nlp):
    found = speakers(["Ines Maro hit back on Friday, saying the toll had broad support but was blocked by council "
                      'inertia - and arguing that she and Lanke shared "nearly identical goals for the harbour."'], nlp)
    assert found == {"nearly identical goals": "Ines Maro"}


def test_it_speaks_only_as_the_subject_of_a_speech_verb(nlp):
    # "It's the pull of …" is no body speaking: not the body that spoke last
    found = speakers(['"We will raise the fares in May," Harbour Lines said on Monday.',
                      'It\'s the lasting pull of Maro\'s "if you like your ferry, you can keep it" promise: most riders '
                      'signed up for a season pass.'], nlp)
    assert found["if you like"] != "Harbour Lines"


def test_a_name_holding_a_word_for_a_document_is_no_document(nlp):
    # "Post" and "Matter" name a paper and a movement here: the piece and the statement are theirs
    found = speakers(['The Tarsk Daily Post recently ran a piece that noted his "harbour plan would help the rich more '
                      'than it would the poor."'], nlp)
    assert found == {"harbour plan would": "Tarsk Daily Post"}
