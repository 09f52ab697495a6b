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


def test_a_clause_of_time_that_tells_of_something_else_attributes_nothing(nlp):
    # Lanke's "mentioned" has its own object, in a "when" clause joined to the crowd's: the chant is no one's named
    found = speakers(['Boos rained down when Lanke mentioned the harbour master, and at one point the crowd loudly took '
                      'up the old chant "Sink the toll! Sink the toll!" that rang through the hall all week.'], nlp)
    assert found == {"Sink the toll!": None}


def test_a_bare_surname_the_model_missed_is_the_person_with_it(nlp):
    # "Hollis" is marked nowhere in the second paragraph: still the Tom Hollis of the first, who starts after the quote
    found = speakers(["Anchor Tom Hollis met the mayor on Monday, and Lanke answered questions about the pier.",
                      '"The Courier says you met the builders in March," Hollis started.'], nlp)
    assert found == {"The Courier says": "Tom Hollis"}


def test_a_document_after_from_and_a_colon_is_the_source(nlp):
    found = speakers(['What the audit does mean - not all piers are equal. From the report: "In general, piers with '
                      'more staff produced safer crossings for every rider."'], nlp)
    assert found == {"In general, piers": "report"}


def test_a_name_beside_a_quoted_word_taken_for_the_subject_speaks(nlp):
    # the parser takes "reporter", inside the quote, for the subject of "said", with Maro beside it after the quote
    found = speakers(["Mayor Ines Maro praised the harbour editor Tom Reyes at a press conference in Tarsk on Monday.",
                      '"Very good reporter, very good reporter this man," Maro, the harbour party\'s candidate for '
                      "governor and current leader in the northern polls by a wide margin after winning the spring "
                      "primary, said when Reyes asked her a question."], nlp)
    assert found == {"Very good reporter,": "Ines Maro"}


def test_a_gerund_on_a_verb_s_object_speaks_for_the_verb_s_subject(nlp):
    # "by asserting" hangs on "question": the one who answered asserts it (and a "when" clause is no obstacle then)
    found = speakers(["When Maro answered a question on fares by asserting — in one breath — that she uses the night "
                      'ferry herself and that such crossings are "frankly, very, very unsafe for pilots," not one of '
                      "her rivals pressed her on it."], nlp)
    assert found == {"frankly, very, very": "Maro"}



def test_a_surname_that_is_also_a_function_word_speaks(nlp):
    # "Will" is read as a modal and "From" as a preposition: still the people with those surnames
    found = speakers(["Columnist Tomas Will has long doubted the harbour plan.",
                      '"We will build the pier by May," Mayor Ines Maro said on Monday.',
                      '"The ferry plan is a reminder that the council can still surprise us all," Will wrote.',
                      "Former harbour chief Karl From, who helped found the guild, spoke at the hall. Mayor Ines Maro "
                      "spoke next.",
                      '"Our challenge was to build it without tolls," From said.'], nlp)
    assert found == {"We will build": "Ines Maro", "The ferry plan": "Tomas Will", "Our challenge was": "Karl From"}


def test_a_sentence_of_a_lone_participle_speaks_for_the_subject_before_it(nlp):
    found = speakers(["Later in the show, after the interview ended, Maro stated of the toll dispute that the board's "
                      'report "was not good." Adding, "Now, like with all harbour scandals, what they actually do is '
                      'never that bad."'], nlp)
    assert found == {"was not good.": "Maro", "Now, like with": "Maro"}
