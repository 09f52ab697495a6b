"""Types the model gets wrong in news prose: teams named by their town or county, firms, towns, venues, landforms
(sentences written for these tests; the names are invented)."""

from __future__ import annotations

import re

import pytest

from entity_cases import nlp, typed  # noqa: F401 - nlp is a fixture
from newsreader.core.entities.aliases import load
from newsreader.core.entities.candidate import Candidate
from newsreader.core.entities.extract import extract
from newsreader.core.entities.listings import teams
from newsreader.core.entities.patterns import is_landform
from newsreader.core.entities.people import surnames
from newsreader.core.entities.teams import is_sports
from newsreader.core.text.sentences import number_sentences


def test_the_sports_words_look_ahead_at_first_letters_and_find_what_the_plain_pattern_finds():
    from newsreader.core.entities.teams import _SHARED_WORDS, _SPORTS_WORDS, _words  # noqa: PLC0415

    text = ("The SKIPPER and his team-mates, Quarter-Finals at the Stadium; a Draw, two GOALS, the Coach's "
            "half-time talk. Not Out at tea; teammates and fans cheered the halftime penalty. Matches: 3.")
    for words, alternatives in ((_SPORTS_WORDS, _SPORTS_WORDS.pattern.split("(?:", 1)[1][:-3]),
                                (_SHARED_WORDS, _SHARED_WORDS.pattern.split("(?:", 1)[1][:-3])):
        plain = re.compile(rf"\b(?:{alternatives})\b", re.I)
        assert words.findall(text) == plain.findall(text) and words.findall(text)
    assert _words("overs|kicks").findall("Six Overs, three KICKS, no sixes") == ["Overs", "KICKS"]
    with pytest.raises(ValueError):
        _words("innings|-time")  # an alternative the look-ahead could not name


def test_counties_and_towns_used_as_teams_in_sports_prose_are_organisations(nlp):
    found = typed(["Tolleston meet their old rivals Ashcombe, Harwick and Quenby in the league this month.",
                   "At the close Harwick were 212 for six, and Tolleston captain Ivo Marek said the side would declare.",
                   "Ashcombe beat Quenby with a day to spare, and the coach was pleased."], nlp)
    for team in ("Ashcombe", "Tolleston", "Harwick", "Quenby"):
        assert found.get(team) == {"organization"}, (team, found.get(team))
    assert found.get("Ivo Marek") == {"person"}


def test_a_sports_word_is_needed_and_a_full_name_persons_surname_stays_a_person(nlp):
    assert not is_sports(["Ashcombe beat the deadline and the council met on Monday."], False)
    assert is_sports(["The coach said the match went to extra time in the league."], False)
    found = typed(["Striker Ana Tolleston scored twice in the match, and the coach praised the team.",
                   "Tolleston beat the league's scoring record on Saturday."], nlp)
    assert found.get("Tolleston") == {"person"} and found.get("Ana Tolleston") == {"person"}


def test_a_team_named_by_a_town_is_named_apart_from_the_town(nlp):
    found = {e.name: e.type for e in extract(*(lambda p: (p, number_sentences(p), list(nlp.pipe(p))))(
        ["Fans gathered in Harwick before the match.", "Harwick beat Quenby 3-1 in the league on Saturday, and the "
         "Harwick coach praised the defence."]))}
    assert found.get("Harwick") == "place" and found.get("Harwick (team)") == "organization"


def test_the_second_name_of_a_fixture_with_at_is_the_venue():
    kinds = {c.name: c.type for c in teams("KESTREL AT TARNBY", load())}
    assert kinds == {"KESTREL": "organization", "Tarnby": "place"}
    assert {c.type for c in teams("Kestrel v Tarnby", load())} == {"organization"}
    assert teams("Harbour Folk vs. The Board.", load()) == []  # a heading in prose, not a fixture


def test_venues_of_results_lines_and_fixtures_are_places(nlp):
    found = typed(["At Brindlecombe : Harwick beat Tolleston 3-1 .",
                   "Game two is on June 9 ( at Oldfield Park , Brindlecombe )"], nlp)
    assert found.get("Brindlecombe") == {"place"}
    assert found.get("Oldfield Park") == {"place"}


def test_firms_named_before_their_officers_by_share_moves_or_with_a_suffix_elsewhere(nlp):
    found = typed(["Velmorix said in a statement that sales grew, and Velmorix spokesman Ivo Lang confirmed it.",
                   "Velmorix was up 2 to 41 on Friday."], nlp)
    assert found.get("Velmorix") == {"organization"}
    found = typed(["Quarnell AG reported higher sales on Monday.", "Quarnell expects a better year, analysts said."], nlp)
    assert found.get("Quarnell") == {"organization"}


def test_towns_by_the_words_around_them_are_places_in_all_mentions(nlp):
    found = typed(["A new bridge opened near the town of Vellmora on Sunday.", "Vellmora was quiet, and Vellmora had no power."], nlp)
    assert found.get("Vellmora") == {"place"}


def test_a_compass_word_and_a_landform_is_a_place_never_a_body(nlp):
    aliases = load()
    assert is_landform("South Shore", aliases) and is_landform("the Upper Valley", aliases)
    assert is_landform("Japan Sea", aliases) and not is_landform("Kestrel Bank", aliases)
    assert not is_landform("West Bancorp", aliases)
    found = typed(["Storms hit the South Shore and the Upper Valley on Monday."], nlp)
    assert found.get("South Shore") == {"place"}


def test_a_verb_miss_is_no_title_before_a_country(nlp):
    found = typed(["Supporters will miss Portugal in the final on Sunday."], nlp)
    assert found.get("Portugal") == {"place"}


def test_results_written_out_name_teams_and_every_mention_of_a_team_is_found():
    from newsreader.core.entities.listings import written_teams  # noqa: PLC0415

    assert written_teams("At Ostra : Harwick beat Quenby by six wickets .") == [(11, "Harwick"), (24, "Quenby")]
    assert [n for _, n in written_teams("Penmoor : Quenby 301 ( A. Ruiz 88 , B. Lo 7 ) , Harwick 97 and 150-4 .")] == [
        "Quenby", "Harwick"]  # the players' figures in brackets name no team
    assert [n for _, n in written_teams("Harwick 18 points , Quenby 6 .")] == ["Harwick", "Quenby"]
    assert [n for _, n in written_teams("May 4 v Quenby ( one day )")] == ["Quenby"]
    assert written_teams("The council met on May 4 and voted .") == []


def test_a_team_of_a_results_line_is_a_team_in_every_mention_of_the_article(nlp):
    found = typed(["At Brindlecombe : Harwick beat Tolleston by six wickets .", "Harwick 18 points , Tolleston 6 .",
                   "The coach said the league match at Brindlecombe showed why Tolleston struggle in the season ."], nlp)
    assert found.get("Harwick") == {"organization"} and found.get("Tolleston") == {"organization"}


def test_a_team_that_may_be_named_by_a_town_is_named_apart_unless_a_club_word_or_a_nickname_ends_it(nlp):
    paragraphs = ["Harwick 3 Tolleston Rovers 1", "Quenby 2 Ashcombe Kestrels 0", "The league season opens with the match."]
    names = {e.name: e.type for e in extract(paragraphs, number_sentences(paragraphs), list(nlp.pipe(paragraphs)))}
    assert names.get("Harwick (team)") == "organization" and names.get("Quenby (team)") == "organization"
    assert names.get("Tolleston Rovers") == "organization" and names.get("Ashcombe Kestrels") == "organization"


def test_a_name_the_text_calls_a_club_a_firm_or_a_newspaper_is_an_organisation(nlp):
    found = typed(["Talks with the football club Kellerman ended on Friday.",
                   "The fee was fair, the daily Kestrel Courier reported."], nlp)
    assert found.get("Kellerman") == {"organization"}
    assert "person" not in found.get("Kestrel Courier", {"organization"})


def test_a_sports_article_is_dense_with_sports_words_a_political_one_is_not():
    assert is_sports(["Harwick 4 Quenby 2", "The two games were played on Sunday ."], True)
    assert not is_sports(["Harwick 4 Quenby 2", "Bids were accepted on Sunday ."], True)  # a table of figures
    assert is_sports(["The coach said the match went to extra time in the league."], False)
    speech = ["The senator, who once played golf with donors, said her goal was a victory in the primary."] + [
        "She spoke for an hour about taxes, schools, roads and the budget, and the crowd cheered her plans."] * 10
    assert not is_sports(speech, False)


def test_a_us_state_may_name_a_team_but_a_country_never_does(nlp):
    found = typed(["Florida beat Harwick 5-2 in the league on Friday, and the coach said the season was long.",
                   "The Florida coach, Ivo Lang, praised the pitcher, and Portugal captain Ana Ruiz watched the match."], nlp)
    assert "organization" in found.get("Florida", set())
    assert found.get("Portugal") == {"place"}


def test_the_team_a_ranked_rider_rides_for_is_an_organisation():
    from newsreader.core.entities.listings import ranked_people  # noqa: PLC0415

    found = {c.name: c.type for c in ranked_people("1. Ana Ruiz ( Chile ) Velmo 3 hours 12 mins 9 seconds", load())}
    assert found == {"Ana Ruiz": "person", "Velmo": "organization"}
    found = {c.name: c.type for c in ranked_people("2. Ana Ruiz ( Chile ) , Velmo Ford , 61.207", load())}
    assert found == {"Ana Ruiz": "person", "Velmo Ford": "organization"}
    assert {c.type for c in ranked_people("3. Ana Ruiz ( Chile ) 11.20", load())} == {"person"}


def test_a_word_listed_with_a_team_is_a_team_but_not_a_venue(nlp):
    found = typed(["Harwick beat Quenby 3-1 in the league on Saturday, and the coach praised the striker.",
                   "Ostley and Harwick both face Quenby next, and at the Dunmead , Harwick captain Ivo Lang scored."],
                  nlp)
    assert found.get("Ostley") == {"organization"}
    assert "organization" not in found.get("Dunmead", set())


def test_a_town_by_its_cue_is_a_place_in_the_mentions_the_model_calls_a_body(nlp):
    found = typed(["Floods cut roads in the southern province of Ostrelia on Friday.",
                   "Ostrelia has long been poor, and Ostrelia lies far from the coast."], nlp)
    assert found.get("Ostrelia") == {"place"}
    found = typed(["UNITED NATIONS 2024-05-04", "The U.N. said the United Nations would send aid."], nlp)
    assert "place" not in found.get("United Nations", set()) and "place" not in found.get("U.N.", set())


def test_a_place_noun_in_the_middle_of_a_phrase_or_after_an_acronym_makes_no_town(nlp):
    found = typed(["Ivo Lang, who advises the GOP, said the GOP district office was closed.",
                   "Ana Ruiz spoke in the 9th House district and then in Ostrel county in the south."], nlp)
    assert "place" not in found.get("GOP", set()) and "place" not in found.get("House", set())
    assert found.get("Ostrel") == {"place"}
    found = typed(["Businessman and publisher Tomas Velkner spoke on Monday."], nlp)
    assert found.get("Tomas Velkner") == {"person"}


def test_every_mention_of_a_firm_the_text_names_as_one_is_the_firm(nlp):
    paragraphs = ["The retail chain Korvasta sold its depots on Monday.",
                  "Investors have put $ 40 million in Korvasta since May, and a stake in Korvasta is for sale."]
    mentions = [(m.text, e.type) for e in extract(paragraphs, number_sentences(paragraphs), list(nlp.pipe(paragraphs)))
                for m in e.mentions if m.text == "Korvasta"]
    assert mentions == [("Korvasta", "organization")] * 3


def test_a_company_suffix_after_a_known_place_makes_no_firm_of_the_place(nlp):
    found = typed(["Bonds of Ohio Corp. were sold on Monday.", "Officials in Ohio agreed, and Ohio lawmakers voted."], nlp)
    assert found.get("Ohio") == {"place"}


def named(paragraphs, nlp) -> dict[str, tuple[str, int]]:
    """{entity name: (type, mentions)}."""
    found = extract(paragraphs, number_sentences(paragraphs), list(nlp.pipe(paragraphs)))
    return {e.name: (e.type, len(e.mentions)) for e in found}


def test_a_full_name_sharing_a_persons_surname_is_a_person_and_keeps_its_first_name(nlp):
    # The model calls the candidate an organisation; her husband is a person of the same surname.
    found = named(["The hall was half-empty when presidential candidate Esme Marquand strode onstage.",
                   "Her husband, Theo Marquand, waited backstage.", "Marquand spoke for an hour."], nlp)
    assert found["Esme Marquand"] == ("person", 1) and found["Theo Marquand"] == ("person", 1)
    assert found.get("Marquand", ("person", 1)) == ("person", 1)  # two people bear it: joined to neither
    # A body named after a person of the article keeps its whole name; its surname is not the person's mention.
    found = named(["The Marquand Foundation paid for the hall, Theo Marquand said."], nlp)
    assert found["Marquand Foundation"] == ("organization", 1) and found["Theo Marquand"] == ("person", 1)


def test_a_name_that_modifies_a_noun_or_a_phrase_around_a_surname_is_no_relative(nlp):
    found = named(["Theo Marquand spoke at the rally of the Stop Marquand movement in Ostrava.",
                   "The rally, Marquand said, was peaceful."], nlp)
    assert found.get("Stop Marquand", ("organization",))[0] != "person" and found["Theo Marquand"][0] == "person"
    text = "Editors said Quist is Harbor News staff, and the Quist Foundation paid."
    ner = [Candidate(13, 34, "organization", "Quist is Harbor News", "ner"),
           Candidate(49, 65, "organization", "Quist Foundation", "ner")]
    found = [(c.start, c.name) for c in surnames(text, {"Quist": "Lena Quist"}, ner)]
    assert found == [(13, "Lena Quist")]  # a phrase around the surname the model made a body keeps no surname

def test_a_club_the_text_names_is_no_persons_surname_and_its_short_name_is_the_team(nlp):
    found = typed(["Ostrava host the other title contenders Kellby Marsh on Sunday in the league .",
                   "Kellby ' keeper Ivo Marek said he was proud of his save in the second half .",
                   "But Kellby were unable to hold on , and the coach was furious ."], nlp)
    assert found.get("Kellby Marsh") == {"organization"}
    assert found.get("Kellby") == {"organization"}, found.get("Kellby")


def test_the_venue_of_a_results_line_the_model_missed_is_a_place(nlp):
    found = typed(["How the four-day games in the league stood at the close of play on Friday :",
                   "At Hollinford : Harwick 301 and 97 , Tolleston 150 and 249-4 .",
                   "June 2 v Quenby ( at Wexcombe )",
                   "Scorers : Ivo Lang 12th minute , Ana Ruiz ( 56th )"], nlp)
    assert found.get("Hollinford") == {"place"} and found.get("Wexcombe") == {"place"}, found
    assert "Scorers" not in found  # the same shape without "at": a label, no venue


def test_a_name_with_a_plural_verb_in_sports_prose_is_a_team(nlp):
    found = typed(["Kellby lost 2-1 at home to Ostrava in the league on Saturday , and the coach was furious .",
                   "After a poor start to the season , Kellby are now third in the table , the coach said ."], nlp)
    assert found.get("Kellby") == {"organization"}, found


def test_a_town_named_after_town_of_is_a_place_where_the_model_saw_none(nlp):
    found = typed(["Fighting broke out near the fishing town of Velka on Saturday , residents said ."], nlp)
    assert found.get("Velka") == {"place"}, found


def test_a_paragraph_in_capitals_names_only_what_the_article_writes_in_normal_case(nlp):
    found = typed(["GOLF - OSTRAVA LEADS BY 3 SHOTS .", "CYCLING - STAGE 9 RESULTS",
                   "Ana Ostrava shot a 66 on Saturday and the coach praised the tournament leader ."], nlp)
    assert "SHOTS" not in found and "RESULTS" not in found, found


def test_an_acronym_defined_by_its_long_form_in_brackets_after_it_is_that_organisation():
    from newsreader.core.entities.patterns import learn_acronyms  # noqa: PLC0415
    paragraphs = ["The KFU ( Kestrel Farmers Union ) said on Monday that prices would rise .",
                  "The QX ( Harbour Board ) met on Tuesday ."]  # initials that do not spell it: no definition
    assert learn_acronyms(paragraphs) == {"KFU": "Kestrel Farmers Union"}


def test_a_name_before_news_agency_or_newspaper_is_a_firm():
    from newsreader.core.entities.candidate import Candidate  # noqa: PLC0415
    from newsreader.core.entities.teams import _cue  # noqa: PLC0415
    text = "The court fined him seven dollars , Tarvik news agency said ."
    start = text.index("Tarvik")
    assert _cue(text, Candidate(start, start + 6, "person", "Tarvik", "ner"), sports=False) == "firm"
    text = "The court fined him seven dollars , Tarvik said ."
    assert _cue(text, Candidate(start, start + 6, "person", "Tarvik", "ner"), sports=False) is None


def test_a_lone_surname_the_model_missed_as_a_verbs_subject_is_the_full_named_person(nlp):
    found = typed(["Harwick went ahead when Karel Benes scored before the break .",
                   "Benes was clambering over the boards as the fans sang ."], nlp)
    assert found.get("Benes") == {"person"} and found.get("Karel Benes") == {"person"}, found
    found = typed(["Harwick went ahead when Karel May scored before the break .",
                   "May was a good month for the club ."], nlp)
    assert "May" not in found  # a month is no surname


def test_an_acronym_may_skip_one_inner_word_of_its_long_form():
    from newsreader.core.entities.patterns import learn_acronyms  # noqa: PLC0415
    found = learn_acronyms(["Prices on the Kestrel Grain and Seed Futures Exchange ( KGFE ) fell on Monday ."])
    assert found == {"KGFE": "Kestrel Grain and Seed Futures Exchange"}
    assert learn_acronyms(["The Harbour Trade Board ( HB ) met ."]) == {}  # three letters or fewer: not guessed


def test_a_name_after_news_agency_the_model_missed_is_the_agency_in_all_its_mentions(nlp):
    found = typed(["Prices will rise next month , the Ostran news agency Velkora reported on Friday .",
                   "Velkora said the ministry had approved the increase ."], nlp)
    assert found.get("Velkora") == {"organization"}
    assert found.get("Ostran") != {"organization"}  # the agency's adjective, not a firm before "news agency"
