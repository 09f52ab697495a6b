"""Who said it when the sentence holds other clauses and other quotes: which clause a quote's attribution comes from,
on sentences written for the test (synthetic names, places and bodies)."""

from __future__ import annotations

from speaker_cases import nlp, speakers  # noqa: F401 - nlp is a fixture


def test_a_colon_after_a_speech_verb_starts_a_quote_of_its_own(nlp):
    # the piece before "Mayor Ines Maro said:" sits in the ferry chief's clause: the two pieces are two quotes
    found = speakers(['Once the ferry chief had called the timetable "a fair compromise," Mayor Ines Maro said: "Nobody '
                      'on this island believes that."'], nlp)
    assert found == {"a fair compromise": "ferry chief", "Nobody on this": "Ines Maro"}


def test_a_speech_verb_with_a_quote_of_its_own_comes_last(nlp):
    # the councillor's "described" has its own quote and its clause ends before the second one: the hope is Berg's
    found = speakers(['On a tape that Councillor Ada Voss described as "shameful," Berg voiced a hope to "see every toll '
                      'booth burn."'], nlp)
    assert found == {"shameful": "Councillor Ada Voss", "see every toll": "Berg"}
    # with nothing else to attribute it, such a verb's subject still speaks
    found = speakers(['Councillor Berg attacked the plan, calling it a "sinking ship," and compared the mayor with Ada '
                      'Voss: "Voss at least listened to the fishermen."'], nlp)
    assert found["Voss at least"] == "Councillor Berg"


def test_a_name_the_parse_glued_to_its_verb_is_its_subject(nlp):
    # the parser reads "Brink joked" as a compound of the verb
    found = speakers(['If anyone in the hall shouts, "Lanke," Brink joked, once more using her squeaky mayor voice, '
                      '"Yes, dear! Come up and take the microphone!"'], nlp)
    assert found["Yes, dear! Come"] == "Brink"


def test_a_participle_on_a_passive_below_the_main_verb_is_never_its_agent_s(nlp):
    found = speakers(["The rally met at the old mill — since leased by the grocer Karl Lind — where dozens of bakers had "
                      'lined up before sunrise, chanting "no flour, no bread" until the doors opened.'], nlp)
    assert found["no flour, no"] != "Karl Lind"
    # on the sentence's main verb, the agent is still the one meant
    found = speakers(['The new toll was approved by the harbour board on Monday, saying it would pay for "only the '
                      'most urgent repairs."'], nlp)
    assert found == {"only the most": "harbour board"}


def test_it_speaks_only_as_the_subject_of_a_speech_verb(nlp):
    # "It is all down to …" is no body speaking: not the body that spoke last
    found = speakers(['"We will raise the fares in May," Harbour Lines said on Monday.',
                      'It is all down to the lasting pull of Maro\'s "keep your ferry if you like it" pledge: most '
                      "riders signed up for a season pass."], nlp)
    assert found["keep your ferry"] != "Harbour Lines"


def test_a_name_holding_a_word_for_a_document_is_no_document(nlp):
    # "Post" names a paper here: the piece is the paper's
    found = speakers(["The Valdoria Evening Post published a long piece on Sunday that said the mayor's \"toll scheme "
                      'hurts the poorest riders most."'], nlp)
    assert found == {"toll scheme hurts": "Valdoria Evening Post"}


def test_a_clause_of_time_that_tells_of_something_else_attributes_nothing(nlp):
    # Maro's "mentioned" has its own object, in a "when" clause joined to the dockers': the chant is not hers
    found = speakers(["Applause broke out when Maro mentioned the lifeboat crew, and later the dockers started the "
                      'chant "Keep the pier! Keep the pier!" that echoed along the quay.'], nlp)
    assert found == {"Keep the pier!": None}


def test_a_bare_surname_the_model_missed_is_the_person_with_it(nlp):
    # "Hollis" is marked nowhere in the second paragraph: still the Tom Hollis of the first, who starts after the quote
    found = speakers(["Anchor Tom Hollis met the mayor on Monday, and Lanke answered questions about the pier.",
                      '"Your own aides say the bridge will be late again," Hollis started.'], nlp)
    assert found == {"Your own aides": "Tom Hollis"}


def test_a_document_after_from_and_a_colon_is_the_source(nlp):
    found = speakers(['The inspectors found the ferries in poor shape. From the audit: "Half of the boats have not been '
                      'serviced since the spring."'], nlp)
    assert found == {"Half of the": "audit"}


def test_a_name_beside_a_quoted_word_taken_for_the_subject_speaks(nlp):
    # the parser takes a word inside the quote for the subject of "said", with Maro beside it after the quote
    found = speakers(["Mayor Ines Maro thanked the ferry pilot Tom Reyes at the regatta in Tarsk on Sunday.",
                      '"Fine sailor, a truly fine sailor, that woman," Maro, the island council\'s leader for nine years '
                      "and now the favourite to run the whole province after her narrow win in March, said while Reyes "
                      "tied up the boat."], nlp)
    assert found == {"Fine sailor, a": "Ines Maro"}


def test_a_gerund_on_a_verb_s_object_speaks_for_the_verb_s_subject(nlp):
    # "by arguing" hangs on "question": the one who met the question argues it
    found = speakers(['Maro met a question about the bridge by arguing that the old span was "simply too narrow for the '
                      'buses," and nobody on the panel challenged her.'], nlp)
    assert found == {"simply too narrow": "Maro"}


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
    found = speakers(['On the radio that evening, Maro said of the ferry plan that the final draft "looked rushed." '
                      'Adding, "The crews deserve better than a plan written over a weekend."'], nlp)
    assert found == {"looked rushed.": "Maro", "The crews deserve": "Maro"}
