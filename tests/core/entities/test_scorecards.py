"""People in a sports report's lines of figures, spans cut at a dash, events that are no organisation (sentences
written for these tests; the people, towns and clubs are invented)."""

from __future__ import annotations

from entity_cases import nlp, typed  # noqa: F401 - nlp is a fixture
from newsreader.core.entities.aliases import load
from newsreader.core.entities.scorecards import scorecard_people


def people(line: str) -> list[str]:
    return [c.name for c in scorecard_people(line, load()) if c.type == "person"]


def test_goal_scorers_and_substitutes_are_people_by_the_minute():
    assert people("Chile - Ivo Marek ( 12th ) , Tomas Brell ( 80th minute )") == ["Ivo Marek", "Tomas Brell"]
    assert people("Norway - Dovic ( 33rd min , pen ) , Lev Ostrik ( 47th )") == ["Dovic", "Lev Ostrik"]
    assert people("Harwick 2 ( Ivo Marek , 19th minute ) Quenby 1 ( Anka Dovic 79th )") == ["Ivo Marek", "Anka Dovic"]
    assert people("Ivo Marek , Lev Ostrik ( Tomas Brell 61st ) , Pavo Ruzic") == ["Tomas Brell"]
    # One word alone with an ordinal may be a team's place in a table: no person without a minute's word.
    assert people("Harwick ( 5th ) meet Quenby next") == []
    assert people("Harwick ( 5th minute )") == ["Harwick"]


def test_a_cricket_scorecard_names_batsmen_fielders_and_bowlers():
    assert people("J. Pellow c Varga b Ostrik 45") == ["J. Pellow", "Varga", "Ostrik"]
    assert people("Tomas Brell lbw b K. Varga 0") == ["Tomas Brell", "K. Varga"]
    assert people("R. Hallam not out 61") == ["R. Hallam"]
    assert people("Bowling : Ostrik 8.3-1-37-2 , K. Varga 6-1-20-0 , de Vries 2-0-9-0") == ["Ostrik", "K. Varga",
                                                                                           "de Vries"]
    assert people("Did not bat : Ostrik , Varga , Pellow .") == ["Ostrik", "Varga", "Pellow"]
    assert people("Harwick beat Quenby by 4 wickets") == []


def test_initialled_names_with_runs_or_wickets_in_a_results_line_are_people():
    found = people("Harwick 301 ( J. Pellow 88 , T. Brell 4-51 ; K. Varga 104 not out ) , Quenby 97 and 40-2 .")
    assert found == ["J. Pellow", "T. Brell", "K. Varga"]


def test_a_golfers_rounds_and_a_player_who_beat_another_are_people():
    assert people("281 Tomas Brell ( Chile ) 70 71 68 72 , Ivo Marek 69 73 70 70") == ["Tomas Brell", "Ivo Marek"]
    assert people("Anka Dovic ( Chile ) beat Mia Holt ( Norway ) 6-3 6-2") == ["Anka Dovic"]
    assert people("Red Harwick ( Chile ) 88 Blue Quenby ( Norway ) 79") == []  # two clubs' score, no one beat
    assert people("Kestrel Rovers 72 68") == []  # a club's name: no person


def test_names_of_a_scorers_line_the_model_runs_together_are_cut_at_the_dash(nlp):
    found = typed(["Chile beat Norway 2-1 in the qualifier on Sunday .",
                   "Chile - Ivo Marek ( 12th ) , Tomas Brell ( 80th )"], nlp)
    assert found.get("Ivo Marek") == {"person"} and found.get("Tomas Brell") == {"person"}
    assert "Chile - Ivo Marek" not in found


def test_a_heading_dash_opens_prose_not_a_name(nlp):
    found = typed(["MARKETS - Prices fell sharply on Monday as traders in Harwick sold shares ."], nlp)
    assert "Prices" not in found


def test_a_listed_full_name_is_not_cut_to_the_surname(nlp):
    found = typed(["Fly-half Ivo Marek said he was pleased with the win over Quenby in the league .",
                   "Harwick - 1 - Lev Ostrik , 2 - Ivo Marek , 3 - Tomas Brell , 4 - Pavo Ruzic"], nlp)
    assert found.get("Ivo Marek") == {"person"}
    assert "Marek" not in found


def test_a_tournament_or_a_festival_is_no_organisation(nlp):
    found = typed(["Ivo Marek won the Quenby Open on Sunday and will play in the Harwick Cup in May .",
                   "The Tolleston Festival drew 40,000 visitors , organisers of the Tolleston Arts Council said ."], nlp)
    for event in ("Quenby Open", "Harwick Cup", "Tolleston Festival"):
        assert "organization" not in found.get(event, set()), (event, found.get(event))
    assert found.get("Tolleston Arts Council") == {"organization"}


def test_a_newsrooms_signature_is_an_organisation(nlp):
    found = typed(["Prices in Quenby rose by 2 percent in May , the statistics office said .",
                   "-- Lev Ostrik , Quenby Newsroom +48 22 555 0100"], nlp)
    assert found.get("Quenby Newsroom") == {"organization"}, found


def test_a_teams_plural_nickname_after_the_is_an_organisation_in_a_sports_article(nlp):
    found = typed(["The Harwick Hawks beat the Quenby Kestrels 5-3 in the league on Friday , and the coach was pleased .",
                   "Ivo Marek homered twice for the Kestrels , who have lost four straight games .",
                   "The team plays next in the Philippines , where the Ostley Mountains rise over the stadium ."], nlp)
    assert found.get("Quenby Kestrels") == {"organization"} and found.get("Kestrels") == {"organization"}, found
    assert found.get("Philippines") == {"place"} and found.get("Ostley Mountains") == {"place"}


def test_a_span_is_cut_at_or_and_a_persons_at_and(nlp):
    from newsreader.core.entities.spans import pieces  # noqa: PLC0415
    doc = nlp("Ivo Lang and Ana Ruiz scored , and Velmar or Kestrel Foods may bid for the Trade and Industry Board .")
    assert [p.text for p in pieces(doc[0:5], person=True)] == ["Ivo Lang", "Ana Ruiz"]
    assert [p.text for p in pieces(doc[0:5])] == ["Ivo Lang and Ana Ruiz"]  # a body's name may hold "and"
    assert [p.text for p in pieces(doc[8:12])] == ["Velmar", "Kestrel Foods"]
    assert [p.text for p in pieces(doc[16:20])] == ["Trade and Industry Board"]


def test_every_name_of_a_squad_list_mostly_of_people_is_a_person(nlp):
    found = typed(["Kestrelia named an unchanged side for the qualifier against Ostmark in the league on Saturday , "
                   "the coach said .",
                   "Kestrelia - Ivo Lang ( captain ) , Peter Walsh , Mark Holt , Breckon , David Lane , Paul Dunn , Wexley .",
                   "France , Germany , Italy , Spain and Norway have already qualified for the finals ."], nlp)
    for name in ("Ivo Lang", "Breckon", "Wexley", "Peter Walsh"):
        assert found.get(name) == {"person"}, (name, found.get(name))
    assert found.get("Germany") == {"place"}  # a list of countries is no squad


def test_a_place_opening_an_events_name_names_no_place(nlp):
    found = typed(["Ana Ruiz , a former Norway Open champion , will play in Ostra after the Ostra festival ."], nlp)
    assert "Norway" not in found, found
    assert "Ostra" in found  # "festival" in lower case: the town's own festival, the town a mention
