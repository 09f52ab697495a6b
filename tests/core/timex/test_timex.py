"""Every temporal expression found, typed TIMEX3 and resolved: sentences written for these tests (rules, not tuning)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from newsreader.core import nlp as nlp_module
from newsreader.core.text import rawformat
from newsreader.core.timex import values as timex_values
from newsreader.core.timex.events import extract_all
from newsreader.core.text.sentences import number_sentences

from conftest import ROOT  # noqa: E402

TUE_2019_11_19 = datetime(2019, 11, 19, 7, 45)  # the seed's publication day
THU_2019_12_05 = datetime(2019, 12, 5, 10, 0)
MON_2021_01_04 = datetime(2021, 1, 4, 9, 0)  # just after a year boundary
WED_2020_03_11 = datetime(2020, 3, 11, 12, 0)
SAT_2022_10_15 = datetime(2022, 10, 15)
FRI_2023_06_30 = datetime(2023, 6, 30, 16, 0)


@pytest.fixture(scope="session")
def nlp():
    return nlp_module.load()


def annotate(nlp, text: str, published: datetime | None):
    paragraphs = [text]
    return extract_all(number_sentences(paragraphs), list(nlp.pipe(paragraphs)), published)


def timexes(nlp, text, published):
    found, _ = annotate(nlp, text, published)
    return [(t.text, t.type, t.value) for t in found]


def has(nlp, text, published, *expected):
    found = timexes(nlp, text, published)
    for item in expected:
        assert item in found, (item, found)
    return found


# --- what spaCy tags but the resolver used to give up on ---------------------------------------------------------

@pytest.mark.parametrize("text, published, expected", [
    ("Prices have fallen since last June.", TUE_2019_11_19, ("last June", "DATE", "2019-06")),
    ("Prices have fallen since last June.", WED_2020_03_11, ("last June", "DATE", "2019-06")),
    ("The plant opened last May.", MON_2021_01_04, ("last May", "DATE", "2020-05")),
    ("The shop will reopen next April.", SAT_2022_10_15, ("next April", "DATE", "2023-04")),
])
def test_last_and_next_month(nlp, text, published, expected):
    has(nlp, text, published, expected)


@pytest.mark.parametrize("text, published, expected", [
    ("Sales picked up in early December.", THU_2019_12_05, ("early December", "DATE", "2019-12")),
    ("Sales picked up in early December.", MON_2021_01_04, ("early December", "DATE", "2020-12")),
    ("Growth slowed in mid-2011.", SAT_2022_10_15, ("mid-2011", "DATE", "2011")),
    ("The firm was sold late last year.", MON_2021_01_04, ("late last year", "DATE", "2020")),
    ("The bill will pass by the end of the year.", FRI_2023_06_30, ("the end of the year", "DATE", "2023")),
    ("The mine closed in the early 1980s.", SAT_2022_10_15, ("the early 1980s", "DATE", "198")),
    ("Rates rose earlier this month.", WED_2020_03_11, ("earlier this month", "DATE", "2020-03")),
])
def test_early_mid_late_modifiers(nlp, text, published, expected):
    has(nlp, text, published, expected)


@pytest.mark.parametrize("text, published, expected", [
    ("The plant closed a year ago.", TUE_2019_11_19, ("a year ago", "DATE", "2018")),
    ("Profit rose from a year earlier.", MON_2021_01_04, ("a year earlier", "DATE", "2020")),
    ("The ship was sold two weeks ago.", TUE_2019_11_19, ("two weeks ago", "DATE", "2019-W45")),
    ("The town was founded just six years ago.", SAT_2022_10_15, ("just six years ago", "DATE", "2016")),
    ("The mine opened some three decades ago.", TUE_2019_11_19, ("some three decades ago", "DATE", "198")),
    ("The bridge fell three days ago.", MON_2021_01_04, ("three days ago", "DATE", "2021-01-01")),
    ("The law changed five months ago.", WED_2020_03_11, ("five months ago", "DATE", "2019-10")),
    ("Years ago the town was rich.", WED_2020_03_11, ("Years ago", "DATE", "PAST_REF")),
])
def test_counts_in_words_and_hedges(nlp, text, published, expected):
    has(nlp, text, published, expected)


def test_ago_makes_a_derived_event(nlp):
    _, events = annotate(nlp, "The ship was sold two weeks ago.", TUE_2019_11_19)
    assert [(e.date, e.precision, e.derived) for e in events] == [("2019-W45", "week", True)]


@pytest.mark.parametrize("text, published, expected", [
    ("Profit rose in the third quarter.", TUE_2019_11_19, ("the third quarter", "DATE", "2019-Q3")),
    ("Profit rose in the fourth quarter.", MON_2021_01_04, ("the fourth quarter", "DATE", "2020-Q4")),
    ("Third-quarter profit beat forecasts.", TUE_2019_11_19, ("Third-quarter", "DATE", "2019-Q3")),
    ("Revenue grew in the first half of 2012.", SAT_2022_10_15, ("the first half of 2012", "DATE", "2012-H1")),
    ("Results for Q3 2020 were weak.", MON_2021_01_04, ("Q3 2020", "DATE", "2020-Q3")),
    ("The deficit narrowed in fiscal 2012.", SAT_2022_10_15, ("fiscal 2012", "DATE", "FY2012")),
    ("Spending will rise this fiscal year.", SAT_2022_10_15, ("this fiscal year", "DATE", "FY2022")),
    ("The budget for FY2020 was cut.", MON_2021_01_04, ("FY2020", "DATE", "FY2020")),
])
def test_quarters_halves_fiscal_years(nlp, text, published, expected):
    has(nlp, text, published, expected)


def test_a_first_half_without_a_year_is_a_match_not_a_date(nlp):
    assert timexes(nlp, "He scored twice in the first half.", SAT_2022_10_15) == []


@pytest.mark.parametrize("text, published, expected", [
    ("Output rose in 2009-2010.", SAT_2022_10_15, [("2009", "DATE", "2009"), ("2010", "DATE", "2010")]),
    ("He led the party from 1998 to 2001.", SAT_2022_10_15, [("1998", "DATE", "1998"), ("2001", "DATE", "2001")]),
    ("Rain fell between March and May.", SAT_2022_10_15, [("March", "DATE", "2022-03"), ("May", "DATE", "2022-05")]),
])
def test_ranges_are_two_points(nlp, text, published, expected):
    assert timexes(nlp, text, published) == expected


@pytest.mark.parametrize("text, published, expected", [
    ("The river flooded last summer.", TUE_2019_11_19, ("last summer", "DATE", "2019-SU")),
    ("The river flooded last summer.", WED_2020_03_11, ("last summer", "DATE", "2019-SU")),
    ("The bridge will reopen next spring.", MON_2021_01_04, ("next spring", "DATE", "2021-SP")),
    ("The plan was agreed in the spring of 2019.", SAT_2022_10_15, ("the spring of 2019", "DATE", "2019-SP")),
    ("The empire fell in the 20th century.", SAT_2022_10_15, ("the 20th century", "DATE", "19")),
    ("Wages stagnated in the 1990s.", SAT_2022_10_15, ("the 1990s", "DATE", "199")),
    ("Wages stagnated in the '90s.", SAT_2022_10_15, ("the '90s", "DATE", "199")),
])
def test_seasons_decades_centuries(nlp, text, published, expected):
    has(nlp, text, published, expected)


def test_this_years_where_spacy_tags_only_year(nlp):
    found = timexes(nlp, "This year's budget is larger than last year's.", MON_2021_01_04)
    assert ("This year", "DATE", "2021") in found and ("last year", "DATE", "2020") in found


# --- never tagged by spaCy ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Prices are now higher.", ("now", "DATE", "PRESENT_REF")),
    ("Banks are currently lending more.", ("currently", "DATE", "PRESENT_REF")),
    ("Nowadays few people remember it.", ("Nowadays", "DATE", "PRESENT_REF")),
    ("Rates recently fell.", ("recently", "DATE", "PAST_REF")),
    ("It was worse in the past.", ("the past", "DATE", "PAST_REF")),
    ("It will be better in the future.", ("the future", "DATE", "FUTURE_REF")),
])
def test_present_past_future_references(nlp, text, expected):
    has(nlp, text, SAT_2022_10_15, expected)


# --- durations and sets ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("They have lived there for some years.", ("some years", "DURATION", "PXY")),
    ("The dispute has lasted more than a decade.", ("more than a decade", "DURATION", "P10Y")),
    ("The feud lasted two decades.", ("two decades", "DURATION", "P20Y")),
    ("The vault stayed sealed for three centuries.", ("three centuries", "DURATION", "P300Y")),
    ("The embargo has stood for several decades.", ("several decades", "DURATION", "PXDE")),
    ("The strike went on for two weeks.", ("two weeks", "DURATION", "P2W")),
    ("The meeting lasted just about an hour.", ("just about an hour", "DURATION", "PT1H")),
    ("The three-day summit opened.", ("three-day", "DURATION", "P3D")),
    ("The 10-year plan was agreed.", ("10-year", "DURATION", "P10Y")),
    ("The deal has been renewed for the past 10 years.", ("the past 10 years", "DURATION", "P10Y")),
    ("The committee meets every week.", ("every week", "SET", "P1W")),
    ("The board meets twice a year.", ("twice a year", "SET", "P1Y")),
    ("The index is published annually.", ("annually", "SET", "P1Y")),
    ("The museum opens every Monday.", ("every Monday", "SET", "XXXX-WXX-1")),
])
def test_durations_and_sets(nlp, text, expected):
    has(nlp, text, SAT_2022_10_15, expected)


def test_durations_are_not_events_but_the_past_n_years_is_derived(nlp):
    _, events = annotate(nlp, "The strike went on for two weeks. The deal held for the past 10 years.", SAT_2022_10_15)
    assert [(e.date, e.derived, e.phrase) for e in events] == [("2012", True, "the past 10 years")]


# --- direction in time -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, published, expected", [
    ("Talks resume on Dec. 17.", THU_2019_12_05, "2019-12-17"),  # present tense, 12 days ahead
    ("The deal expires on December 31.", THU_2019_12_05, "2019-12-31"),
    ("Repayments are due by Jan. 14.", MON_2021_01_04, "2021-01-14"),
    ("The vote is scheduled for Nov. 30.", TUE_2019_11_19, "2019-11-30"),
    ("The summit will be held on Dec. 17.", SAT_2022_10_15, "2022-12-17"),
    ("The summit was held on Dec. 17.", SAT_2022_10_15, "2021-12-17"),  # past tense
    ("The vote was scheduled for Nov. 30.", THU_2019_12_05, "2019-11-30"),
    ("The deadline was December 31.", MON_2021_01_04, "2020-12-31"),  # across the year boundary, back
    ("The deadline is December 31.", MON_2021_01_04, "2020-12-31"),  # present, but 4 days back is nearest
    ("The new rules take effect on Feb. 1.", MON_2021_01_04, "2021-02-01"),
])
def test_month_and_day_in_the_direction_of_the_clause(nlp, text, published, expected):
    _, events = annotate(nlp, text, published)
    assert [e.date for e in events] == [expected]


@pytest.mark.parametrize("text, published, expected", [
    ("The plan runs through June.", WED_2020_03_11, "2020-06"),
    ("The curfew lasts until March.", MON_2021_01_04, "2021-03"),
    ("The curfew was imposed in December.", MON_2021_01_04, "2020-12"),
    ("The delegation will visit in February.", MON_2021_01_04, "2021-02"),
    ("The curfew began in July.", WED_2020_03_11, "2019-07"),
])
def test_bare_month_in_the_direction_of_the_clause(nlp, text, published, expected):
    _, events = annotate(nlp, text, published)
    assert [e.date for e in events] == [expected]


@pytest.mark.parametrize("text, published, expected", [
    ("Ministers will meet on Friday.", MON_2021_01_04, "2021-01-08"),
    ("The union met on Friday.", MON_2021_01_04, "2021-01-01"),  # last year, across the boundary
    ("The envoy is expected to arrive on Thursday.", SAT_2022_10_15, "2022-10-20"),
    ("The envoy arrived on Thursday.", SAT_2022_10_15, "2022-10-13"),
    ("The minister resigned on Friday.", FRI_2023_06_30, "2023-06-30"),  # the publication day counts
])
def test_weekdays_by_tense(nlp, text, published, expected):
    _, events = annotate(nlp, text, published)
    assert [e.date for e in events] == [expected]


# --- times of day ------------------------------------------------------------------------------------------------

def test_times_of_day_are_kept_at_their_precision(nlp):
    found = has(nlp, "The vote took place on Friday afternoon.", MON_2021_01_04,
                ("Friday afternoon", "TIME", "2021-01-01TAF"))
    assert len(found) == 1
    has(nlp, "Trading stopped at 7:45 a.m. on Tuesday.", TUE_2019_11_19, ("7:45 a.m.", "TIME", "2019-11-19T07:45"))
    has(nlp, "The strike began this morning and talks broke down last night.", WED_2020_03_11,
        ("this morning", "TIME", "2020-03-11TMO"), ("last night", "TIME", "2020-03-10TNI"))
    has(nlp, "He will leave tomorrow afternoon.", SAT_2022_10_15, ("tomorrow afternoon", "TIME", "2022-10-16TAF"))


def test_a_time_of_day_is_carried_to_its_event(nlp):
    _, events = annotate(nlp, "The vote took place on Friday afternoon.", MON_2021_01_04)
    assert [(e.date, e.precision, e.time) for e in events] == [("2021-01-01", "day", "afternoon")]
    from newsreader.core.timex.events import human
    assert human(events[0].date, "day", False, events[0].time) == "1 Jan 2021, afternoon"


# --- relative to another event, generic days, tables -------------------------------------------------------------

def test_a_day_relative_to_another_event_is_left_unresolved(nlp):
    found, events = annotate(nlp, "The day before the vote, protesters gathered. The following day, police left.",
                             SAT_2022_10_15)
    assert found == [] and events == []  # no value a reader could place: not output (was XXXX-XX-XX)


def test_that_day_without_a_named_day_is_unresolved_not_the_publication_day(nlp):
    found, events = annotate(nlp, "That day, police were absent.", SAT_2022_10_15)
    assert found == [] and events == []  # not output rather than XXXX-XX-XX


@pytest.mark.parametrize("text, expected", [
    ("The ferry sank. Just over an hour later, divers reached the hull.",
     ("Just over an hour later", "DURATION", "PT1H")),
    ("Nobody knows when the well ran dry. Three days later, the village left.",
     ("Three days later", "DURATION", "P3D")),
])
def test_a_distance_from_a_time_without_a_date_is_a_duration(nlp, text, expected):
    has(nlp, text, SAT_2022_10_15, expected)


def test_a_generic_day_is_no_expression(nlp):
    assert timexes(nlp, "The talks ended on Tuesday. The day may come when we leave.", SAT_2022_10_15) == [
        ("Tuesday", "DATE", "2022-10-11")]


def test_counts_in_tables_are_no_dates(nlp):
    found, events = annotate(nlp, "Wheat 89,300 week ago 88,100 year ago 71,200.", SAT_2022_10_15)
    assert events == [] and all(t.value != "285-W25" for t in found)


def test_derived_dates_stay_within_bounds():
    from datetime import date
    assert timex_values.back(date(2019, 11, 19), 89300, "week") is None  # year 285
    assert timex_values.back(date(2019, 11, 19), 2000, "year") is None
    assert timex_values.back(date(2019, 11, 19), -80, "year") is None  # too far ahead
    assert timex_values.back(date(2019, 11, 19), 2, "week") == ("2019-W45", "week")


# --- values parse back, the seed ---------------------------------------------------------------------------------

@pytest.mark.parametrize("value", [
    "2019-11-19", "2019-W47", "2019-W47-WE", "2019-07", "2019", "201", "19", "2012-Q3", "2012-H1", "FY2012",
    "2019-SU", "2019-11-19TAF", "2019-11-19T07:45", "P2Y", "PT1H", "P1W", "PXY", "P1DE", "XXXX-WXX-1",
    "PRESENT_REF", "PAST_REF", "FUTURE_REF", "XXXX-XX-XX", "XXXX-XX-XXTNI",
])
def test_value_reader_reads_every_kind(value):
    assert timex_values.read(value)["kind"]


@pytest.mark.parametrize("value", ["285-W25", "2019-13", "2019-02-30", "2019-W54", "P", "2019-11-19T25:00", "1950s"])
def test_value_reader_rejects_what_must_not_be_written(value):
    with pytest.raises(ValueError):
        timex_values.read(value)


ALL_SENTENCES = """
Prices have fallen since last June, and sales picked up in early December and in mid-2011, late last year.
The plant closed a year ago; a year earlier it cut jobs, two weeks ago it was sold, some three decades ago it opened.
Profit rose in the third quarter, and third-quarter profit, the first half of 2012, fiscal 2012 and this fiscal year.
Output rose in 2009-2010, from 1998 to 2001 and between March and May, last summer, the 20th century, the 1990s.
Prices are now higher than in the past, currently, recently, nowadays and in the future; every week, twice a year.
Talks resume on Dec. 17 at 7:45 a.m. and Friday afternoon, this morning, last night, tonight and tomorrow.
The day before the vote, that day, the following day, the 66-year-old alliance, for years, for more than a decade.
""".strip()


@pytest.mark.parametrize("published", [TUE_2019_11_19, MON_2021_01_04, WED_2020_03_11, SAT_2022_10_15, None])
def test_every_value_written_parses_back(nlp, published):
    found, events = annotate(nlp, ALL_SENTENCES, published)
    assert len(found) > (30 if published else 15)  # without a publication date, relative expressions are not output
    for t in found:
        timex_values.read(t.value)
        assert t.type in {"DATE", "TIME", "DURATION", "SET"}


def test_seed_timexes_exactly(nlp):
    path = ROOT / "content" / "news" / "000_29d63d47178ef691.txt"
    article = rawformat.parse(path.read_bytes(), str(path))
    found, events = extract_all(article.sentences, list(nlp.pipe(article.paragraphs)), article.published)
    assert [(t.sentence, t.text, t.type, t.value) for t in found] == [
        ("s1", "66-year-old", "DURATION", "P66Y"),
        ("s2", "Tuesday", "DATE", "2019-11-19"),
        ("s2", "just about an hour", "DURATION", "PT1H"),
        ("s2", "the day", "DATE", "2019-11-19"),
        ("s3", "the past 28 years", "DURATION", "P28Y"),
        ("s5", "this year", "DATE", "2019"),
        ("s9", "Tuesday", "DATE", "2019-11-19"),
        ("s11", "this week", "DATE", "2019-W47"),
        ("s14", "July", "DATE", "2019-07"),
    ]
    sentences = {s.id: s.text for s in article.sentences}
    assert all(sentences[t.sentence][t.start:t.end] == t.text for t in found)
    assert {(e.date, e.precision, e.derived, e.phrase, e.sentence) for e in events} == {
        ("2019-11-19", "day", False, "Tuesday", "s2"), ("2019-11-19", "day", False, "Tuesday", "s9"),
        ("2019-07", "month", False, "July", "s14"), ("2019", "year", False, "this year", "s5"),
        ("2019-W47", "week", False, "this week", "s11"), ("1991", "year", True, "the past 28 years", "s3"),
        ("1953", "year", True, "66-year-old", "s1"),
    }
    by_id = {t.id: t for t in found}
    assert all(by_id[e.timex].text == e.phrase for e in events)


# --- spans and details found on sentences written for this suite ---------------------------------------------------

def test_a_run_of_days_is_its_first_day(nlp):
    has(nlp, "The bank's next meeting is on June 11-12.", datetime(2024, 4, 18), ("June 11-12", "DATE", "2024-06-11"))


def test_a_clock_time_takes_the_day_that_follows_it(nlp):
    has(nlp, "The ceasefire took effect at midnight on Sunday.", datetime(2024, 4, 18),
        ("midnight", "TIME", "2024-04-14T24:00"), ("Sunday", "DATE", "2024-04-14"))


def test_last_as_a_verb_is_not_part_of_the_expression(nlp):
    found = timexes(nlp, "The trial is expected to last several weeks.", SAT_2022_10_15)
    assert found == [("several weeks", "DURATION", "PXW")]


def test_an_article_before_a_count_is_not_part_of_it(nlp):
    assert ("two-week", "DURATION", "P2W") in timexes(nlp, "The index hit a two-week high.", SAT_2022_10_15)


@pytest.mark.parametrize("text, expected", [
    ("The firm was sold a couple of weeks ago.", ("a couple of weeks ago", "DATE", "2022-W39")),
    ("A few days later, the minister resigned.", ("A few days later", "DURATION", "PXD")),
    ("The road was built some years ago.", ("some years ago", "DATE", "PAST_REF")),
])
def test_vague_and_word_counts_before_ago(nlp, text, expected):
    has(nlp, text, SAT_2022_10_15, expected)


@pytest.mark.parametrize("text, published, expected", [
    ("The museum is open on Sundays.", SAT_2022_10_15, ("Sundays", "SET", "XXXX-WXX-7")),
    ("The minister spent the weekend in talks.", datetime(2024, 4, 18), ("the weekend", "DATE", "2024-W15-WE")),
    ("Protests are planned for this weekend.", datetime(2024, 4, 18), ("this weekend", "DATE", "2024-W16-WE")),
    ("The envoy arrived yesterday.", MON_2021_01_04, ("yesterday", "DATE", "2021-01-03")),
    ("The envoy arrives today.", MON_2021_01_04, ("today", "DATE", "2021-01-04")),
    ("The treaty dates from the 19th century.", SAT_2022_10_15, ("the 19th century", "DATE", "18")),
    ("The vote took place on May 5, 2012.", SAT_2022_10_15, ("May 5, 2012", "DATE", "2012-05-05")),
    ("The vote took place on 5 May 2012.", SAT_2022_10_15, ("5 May 2012", "DATE", "2012-05-05")),
    ("The vote took place on 2012-05-05.", SAT_2022_10_15, ("2012-05-05", "DATE", "2012-05-05")),
    ("Late Tuesday, the senate approved the bill.", datetime(2024, 4, 18), ("Late Tuesday", "DATE", "2024-04-16")),
    ("The firm will report on July 25.", datetime(2024, 4, 18), ("July 25", "DATE", "2024-07-25")),
    ("Shortly before 10 p.m. local time, the power went out.", datetime(2024, 4, 18),
     ("10 p.m. local time", "TIME", "2024-04-18T22:00")),
    ("Spending rose 0.7 percent in March from February.", datetime(2024, 4, 18), ("February", "DATE", "2024-02")),
    ("Mid-March, the government announced a lockdown.", datetime(2024, 4, 18), ("Mid-March", "DATE", "2024-03")),
    ("The law takes effect at the start of next year.", datetime(2024, 4, 18),
     ("the start of next year", "DATE", "2025")),
    ("Both sides met for the first time in five years.", datetime(2024, 4, 18), ("five years", "DURATION", "P5Y")),
    ("The event happens every four years.", datetime(2024, 4, 18), ("every four years", "SET", "P4Y")),
])
def test_more_calendar_and_relative_readings(nlp, text, published, expected):
    has(nlp, text, published, expected)


def test_a_number_that_counts_something_is_no_year(nlp):
    assert timexes(nlp, "Attendance rose from 2000 to 3000 people.", SAT_2022_10_15) == []
    assert timexes(nlp, "The agency hired 2020 nurses.", SAT_2022_10_15) == []


def test_a_number_that_is_counted_or_labels_a_bill_is_no_year(nlp):
    assert timexes(nlp, "Of the 2,400 ballots cast, 1280 were for the mayor.", SAT_2022_10_15) == []
    assert [t[0] for t in timexes(nlp, "The court struck down SB 1790 on Friday.", SAT_2022_10_15)] == ["Friday"]
    assert [t[0] for t in timexes(nlp, "A 1996 statute bearing her name was repealed.", SAT_2022_10_15)] == ["1996"]
    assert [t[0] for t in timexes(nlp, "1989 was a good year for the firm.", SAT_2022_10_15)] == ["1989"]


def test_a_month_of_last_year(nlp):
    has(nlp, "Prices rose in March of last year and on May 5 last year.", WED_2020_03_11,
        ("March of last year", "DATE", "2019-03"), ("May 5 last year", "DATE", "2019-05-05"))


def test_the_first_and_last_week_of_a_period(nlp):
    has(nlp, "Sales fell in the first week of March and in the last week of 2019.", WED_2020_03_11,
        ("the first week of March", "DATE", "2020-W10"), ("the last week of 2019", "DATE", "2019-W52"))


def test_fixed_date_holidays_in_the_direction_of_the_clause(nlp):
    has(nlp, "Markets will close on Christmas Eve and reopen after New Year's Day. Sales peaked at Halloween.",
        THU_2019_12_05, ("Christmas Eve", "DATE", "2019-12-24"), ("New Year's Day", "DATE", "2020-01-01"),
        ("Halloween", "DATE", "2019-10-31"))


@pytest.mark.parametrize("text, expected", [
    ("Ministers said they would meet again on Friday.", "2021-01-08"),  # reported future
    ("Ministers said they would have met on Friday.", "2021-01-01"),
])
def test_would_points_forward_unless_perfect(nlp, text, expected):
    _, events = annotate(nlp, text, MON_2021_01_04)
    assert [e.date for e in events] == [expected]


def test_a_part_of_the_day_is_of_the_day_the_text_is_about(nlp):
    has(nlp, "Fighting broke out on Tuesday. By the evening, the army had withdrawn.", THU_2019_12_05,
        ("Tuesday", "DATE", "2019-12-03"), ("the evening", "TIME", "2019-12-03TEV"))


@pytest.mark.parametrize("text, expected", [
    ("Profit rose in the quarter.", "2019-Q3"),  # the last completed one
    ("The company expects sales to rise in the quarter.", "2019-Q4"),
])
def test_the_quarter_of_an_earnings_report(nlp, text, expected):
    has(nlp, text, TUE_2019_11_19, ("the quarter", "DATE", expected))


def test_a_quarter_of_a_city_is_no_date(nlp):
    assert timexes(nlp, "Tourists filled the Latin Quarter.", TUE_2019_11_19) == []


def test_date_words_inside_names_are_no_dates(nlp):
    found = timexes(nlp, "The Sunday Times said the Good Friday Agreement was at risk. On Tuesday President Lee spoke.",
                    TUE_2019_11_19)
    assert found == [("Tuesday", "DATE", "2019-11-19")]


def test_a_clock_time_puts_its_time_on_the_day_event(nlp):
    _, events = annotate(nlp, "The blast happened at 7:45 a.m. on Tuesday. Police arrived at 9 a.m.", TUE_2019_11_19)
    assert [(e.date, e.sentence, e.time, e.phrase) for e in events] == [
        ("2019-11-19", "s1", "07:45", "7:45 a.m."), ("2019-11-19", "s2", "09:00", "9 a.m.")]


@pytest.mark.parametrize("text, expected", [
    ("Rates fell earlier in the year.", ("earlier in the year", "DATE", "2020")),
    ("Prices will fall later in the month.", ("later in the month", "DATE", "2020-03")),
    ("Prices will stay high for the rest of the year.", ("the rest of the year", "DATE", "2020")),
    ("Talks will end by the end of the week.", ("the end of the week", "DATE", "2020-W11")),
])
def test_parts_of_the_present_period(nlp, text, expected):
    has(nlp, text, WED_2020_03_11, expected)


# --- found on the hand-annotated evaluation set (tests/fixtures/timex_eval.json) --------------------------------

TUE_2026_12_29 = datetime(2026, 12, 29, 8, 0)  # ISO week 53, the next Monday is in another year
SUN_2015_03_01 = datetime(2015, 3, 1, 18, 0)


@pytest.mark.parametrize("text, published, expected", [
    # the parser hangs "on Monday" on the reported clause; the day is the saying's
    ("The miner said on Monday it would resume output.", TUE_2026_12_29, ("Monday", "DATE", "2026-12-28")),
    ("The miner said on Monday it expects to resume output next year.", TUE_2026_12_29,
     ("Monday", "DATE", "2026-12-28")),
    ("Officials announced Friday they will cut rates.", THU_2019_12_05, ("Friday", "DATE", "2019-11-29")),
    # a scheduled fixture in the bare present points forward
    ("Rovers, who last won the league in the 1990s, play again on Wednesday.", SUN_2015_03_01,
     ("Wednesday", "DATE", "2015-03-04")),
])
def test_weekday_of_a_saying_and_of_a_fixture(nlp, text, published, expected):
    has(nlp, text, published, expected)


@pytest.mark.parametrize("text, published, expected", [
    # "recent"/"coming" with a plural unit is a stretch of those units of untold length, as "the past few weeks" is
    ("Volatility could stay high in the coming weeks.", WED_2020_03_11, ("the coming weeks", "DURATION", "PXW")),
    ("The party has lost support in recent months.", WED_2020_03_11, ("recent months", "DURATION", "PXM")),
    ("Ridership at Dunmore station has doubled in recent years.", WED_2020_03_11, ("recent years", "DURATION", "PXY")),
    ("The ferry fleet will be renewed in the coming years.", WED_2020_03_11, ("the coming years", "DURATION", "PXY")),
    ("Harbour traffic has been light in recent days.", WED_2020_03_11, ("recent days", "DURATION", "PXD")),
    ("The levy was cut in the past few weeks.", WED_2020_03_11, ("the past few weeks", "DURATION", "PXW")),
    ("The firm pays a dividend quarterly.", WED_2020_03_11, ("quarterly", "SET", "P3M")),
])
def test_vague_plural_periods_and_quarterly(nlp, text, published, expected):
    found = has(nlp, text, published, expected)
    assert not [t for t in found if t[2] in {"PAST_REF", "FUTURE_REF"}], found


def test_recently_and_the_future_stay_references(nlp):
    has(nlp, "The quay was recently rebuilt, and the town will need more berths in the future.", WED_2020_03_11,
        ("recently", "DATE", "PAST_REF"), ("the future", "DATE", "FUTURE_REF"))


def test_quarterly_adjective_is_not_a_set(nlp):
    assert not [t for t in timexes(nlp, "The firm posted quarterly results.", WED_2020_03_11) if t[0] == "quarterly"]


@pytest.mark.parametrize("text, published, expected", [
    ("The company expects to post a loss for the first half.", WED_2020_03_11, ("the first half", "DATE", "2020-H1")),
    ("Profit fell in the second half, the bank said.", MON_2021_01_04, ("the second half", "DATE", "2020-H2")),
    ("Voters go to the polls this Sunday.", WED_2020_03_11, ("this Sunday", "DATE", "2020-03-15")),
    ("Voters went to the polls this Sunday.", WED_2020_03_11, ("this Sunday", "DATE", "2020-03-08")),
])
def test_half_of_results_and_this_weekday(nlp, text, published, expected):
    has(nlp, text, published, expected)


def test_half_of_a_match_stays_untagged(nlp):
    assert not [t for t in timexes(nlp, "Quill scored twice in the first half.", WED_2020_03_11) if "half" in t[0]]


@pytest.mark.parametrize("text, published, expected", [
    ("Retail sales rose 3 percent in November from a year earlier.", FRI_2023_06_30,
     ("a year earlier", "DATE", "2021-11")),
    ("Third-quarter profit rose 12 percent from a year earlier.", SAT_2022_10_15, ("a year earlier", "DATE", "2021-Q3")),
    ("Profit rose from a year earlier.", MON_2021_01_04, ("a year earlier", "DATE", "2020")),
])
def test_a_year_earlier_takes_the_compared_period(nlp, text, published, expected):
    has(nlp, text, published, expected)


@pytest.mark.parametrize("text, published, expected", [
    ("The Falcons host Kelso on Thanksgiving.", datetime(2024, 11, 25), ("Thanksgiving", "DATE", "2024-11-28")),
    ("Stores were crowded on Thanksgiving.", datetime(2024, 1, 5), ("Thanksgiving", "DATE", "2023-11-23")),
    ("The shops will close over Easter.", WED_2020_03_11, ("Easter", "DATE", "2020-04-12")),
    ("The strike began on Labor Day 2019.", SAT_2022_10_15, ("Labor Day 2019", "DATE", "2019-09-02")),
    ("The parade is held on Memorial Day.", datetime(2021, 5, 20), ("Memorial Day", "DATE", "2021-05-31")),
])
def test_movable_holidays(nlp, text, published, expected):
    has(nlp, text, published, expected)


@pytest.mark.parametrize("text, expected", [
    ("The team plays on Nov. 28 and has a bye the following week.", ("the following week", "DATE", "2024-W49")),
    ("The vote was held on Nov. 3. The result came the following day.", ("the following day", "DATE", "2024-11-04")),
    ("Talks ended on Nov. 3, and the previous month had seen strikes.", ("the previous month", "DATE", "2024-10")),
])
def test_the_following_unit_steps_from_the_last_named_day(nlp, text, expected):
    has(nlp, text, datetime(2024, 11, 25), expected)


@pytest.mark.parametrize("text", [
    "The team has a bye the following week.",
    "The ruling came the same week the parliament voted.",
    "Her lawyer filed the appeal the day after a judge refused bail.",
])
def test_a_week_or_day_without_a_named_time_is_not_output(nlp, text):
    """Once XXXX-WXX, XXXX-XX-XX: a value no reader can place is not shown as a date."""
    assert timexes(nlp, text, datetime(2024, 11, 25)) == []


@pytest.mark.parametrize("text, published, expected", [
    ("The company expects sales for the year to grow 5 percent.", datetime(2012, 10, 25), ("the year", "DATE", "2012")),
    ("Profit for the year rose 8 percent, the bank said.", datetime(2013, 1, 30), ("the year", "DATE", "2012")),
    ("Sales for the full year rose.", datetime(2013, 5, 3), ("the full year", "DATE", "2013")),
])
def test_the_year_of_reported_results(nlp, text, published, expected):
    has(nlp, text, published, expected)


def test_the_year_outside_results_stays_untagged(nlp):
    assert timexes(nlp, "It was the best goal of the year.", datetime(2013, 5, 3)) == []


# --- the story's time: "later", "earlier", "the following year" and "that year" count from the time last named ----

def paragraphs_timexes(nlp, paragraphs: list[str], published):
    found, events = extract_all(number_sentences(paragraphs), list(nlp.pipe(paragraphs)), published)
    return [(t.text, t.type, t.value) for t in found], events


@pytest.mark.parametrize("text, expected", [
    ("The plant closed in 2012. Two years later it reopened under new owners.", ("Two years later", "DATE", "2014")),
    ("The company was founded in 1998 and went public five years later.", ("five years later", "DATE", "2003")),
    ("The treaty was signed in March 2015. Three months earlier, talks had collapsed.",
     ("Three months earlier", "DATE", "2014-12")),
    ("The mayor resigned on June 3, 2016. A week later, her deputy took over.", ("A week later", "DATE", "2016-W23")),
    ("The mayor resigned on June 3, 2016. Two days later, her deputy took over.",
     ("Two days later", "DATE", "2016-06-05")),
    ("Prices rose last year. A year earlier they had fallen.", ("A year earlier", "DATE", "2017")),
    ("He was arrested two days ago; a day later he was released.", ("a day later", "DATE", "2019-11-18")),
])
def test_later_and_earlier_count_from_the_time_last_named(nlp, text, expected):
    has(nlp, text, TUE_2019_11_19, expected)


@pytest.mark.parametrize("text, expected", [
    ("The plant closed in 2012. The following year it reopened.", ("The following year", "DATE", "2013")),
    ("The treaty was signed in March 2015. The previous month, talks had collapsed.",
     ("The previous month", "DATE", "2015-02")),
    ("The plant closed in 2012. That year, prices fell.", ("That year", "DATE", "2012")),
    ("The mayor resigned on June 3, 2016. The same month, prices fell.", ("The same month", "DATE", "2016-06")),
    ("The mayor resigned on June 3, 2016. The next morning, crowds gathered.",
     ("The next morning", "TIME", "2016-06-04TMO")),
])
def test_the_following_and_that_unit_take_the_time_last_named(nlp, text, expected):
    has(nlp, text, TUE_2019_11_19, expected)


def test_ago_and_from_now_still_count_from_publication(nlp):
    has(nlp, "The plant closed in 2012. It reopened two years ago.", TUE_2019_11_19, ("two years ago", "DATE", "2017"))


def test_a_story_time_too_coarse_for_the_unit_stays_unresolved(nlp):
    """"In 2012 … a month later": which month is unknown, and publication is certainly not the anchor."""
    found = has(nlp, "The talks failed in 2012. A month later, they resumed.", TUE_2019_11_19,
                ("A month later", "DURATION", "P1M"))  # the distance the text gives, not a month
    assert all(value != "2019-12" for _, _, value in found)


def test_the_story_time_carries_one_paragraph_and_no_further(nlp):
    found, events = paragraphs_timexes(nlp, [
        "The plant closed in 2012.", "Two years later it reopened.", "Hiring resumed this spring.",
    ], TUE_2019_11_19)
    assert ("Two years later", "DATE", "2014") in found
    event = next(e for e in events if e.phrase == "Two years later")
    assert (event.date, event.precision, event.derived) == ("2014", "year", True)
    assert "2012" in event.explanation
    found, _ = paragraphs_timexes(nlp, [
        "The plant closed in 2012.", "Workers protested outside.", "Officials met to discuss it.",
        "Two years later the site was sold.",
    ], TUE_2019_11_19)
    assert ("Two years later", "DURATION", "P2Y") in found  # no story time left, and told in the past: not 2021


def test_the_next_year_in_a_past_story_is_the_year_after(nlp):
    has(nlp, "The plant closed in 2012 and reopened the next year.", TUE_2019_11_19, ("the next year", "DATE", "2013"))
    has(nlp, "Passenger numbers fell in 2017 and rose steadily over the next year.", TUE_2019_11_19,
        ("the next year", "DURATION", "P1Y"))
    has(nlp, "Prices will rise over the next year.", TUE_2019_11_19, ("the next year", "DURATION", "P1Y"))


@pytest.mark.parametrize("text, expected", [
    ("Voters go to the polls on Sunday.", ("Sunday", "DATE", "2019-11-24")),  # two days back is nearer
    ("The market opens on Monday.", ("Monday", "DATE", "2019-11-25")),
    ("The minister is in Paris on Tuesday.", ("Tuesday", "DATE", "2019-11-19")),  # the day itself
])
def test_a_weekday_in_the_simple_present_is_the_coming_one(nlp, text, expected):
    has(nlp, text, TUE_2019_11_19, expected)


@pytest.mark.parametrize("text, expected", [
    ("The vote took place on the 14th.", ("the 14th", "DATE", "2019-11-14")),
    ("The vote will take place on the 14th.", ("the 14th", "DATE", "2019-12-14")),
    ("In March the council met twice; the vote came on the 14th.", ("the 14th", "DATE", "2019-03-14")),
    ("The talks ended on Feb. 2 and resumed on the 20th.", ("the 20th", "DATE", "2019-02-20")),
    ("He will arrive on the 14th of next month.", ("the 14th of next month", "DATE", "2019-12-14")),
])
def test_on_a_day_of_the_month(nlp, text, expected):
    has(nlp, text, TUE_2019_11_19, expected)


def test_an_ordinal_that_counts_is_no_day(nlp):
    assert timexes(nlp, "It was the 14th time the plant stopped, and he came 3rd on the 2nd lap.", TUE_2019_11_19) == []


def test_an_infinitive_until_a_month_points_ahead(nlp):
    has(nlp, "Lawmakers voted in September to extend the mandate until June.", TUE_2019_11_19,
        ("September", "DATE", "2019-09"), ("June", "DATE", "2020-06"))
    has(nlp, "The mandate ran until June.", TUE_2019_11_19, ("June", "DATE", "2019-06"))


def test_every_season_is_a_set(nlp):
    has(nlp, "The river floods every spring. Each winter the pass closes.", TUE_2019_11_19,
        ("every spring", "SET", "XXXX-SP"), ("Each winter", "SET", "XXXX-WI"))


# --- error classes reported on real news (sentences written for these tests) ------------------------------------

WED_2019_10_30 = datetime(2019, 10, 30, 9, 0)
WED_2019_11_20 = datetime(2019, 11, 20, 9, 0)


@pytest.mark.parametrize("text, expected, not_expected", [
    ("Markets in Tokyo closed at 0630 GMT.", ("0630 GMT", "TIME", "2019-11-19T06:30"), None),
    ("Polls close at 1900 GMT.", ("1900 GMT", "TIME", "2019-11-19T19:00"), ("1900", "DATE", "1900")),
    ("The ferry sailed at 1630 local time.", ("1630 local time", "TIME", "2019-11-19T16:30"), ("1630", "DATE", "1630")),
    ("The convoy left at 0400 hours.", ("0400 hours", "TIME", "2019-11-19T04:00"), ("0400 hours", "DURATION", "PT400H")),
])
def test_a_24_hour_clock_is_no_year(nlp, text, expected, not_expected):
    found = has(nlp, text, TUE_2019_11_19, expected)
    assert not_expected not in found
    assert not any(t == "DATE" and v.isdigit() for _, t, v in found), found


@pytest.mark.parametrize("text", [
    "A 34-year-old nurse was injured in the blast.",
    "A 29-year-old Army sergeant died in the crash.",
    "Police questioned the 41-year-old Tom Reed on Monday.",
    "The 27-year-old, who turned professional in 2014, won again.",
    "Ms. Varga, 61 years old, will step down.",
])
def test_a_persons_age_makes_no_birth_year(nlp, text):
    _, events = annotate(nlp, text, TUE_2019_11_19)
    assert not any(e.precision == "year" and e.derived for e in events), events


def test_an_age_modifying_a_person_is_no_timex_and_a_things_age_dates_it(nlp):
    assert timexes(nlp, "A 34-year-old nurse was injured.", TUE_2019_11_19) == []
    assert timexes(nlp, "The 27-year-old, who won in 2014, lost.", TUE_2019_11_19) == [("2014", "DATE", "2014")]
    assert timexes(nlp, "The coach spoke to a 9-year-old after the match.", TUE_2019_11_19) == []
    assert timexes(nlp, "She learned to sail as a 12-year-old.", TUE_2019_11_19) == []
    _, events = annotate(nlp, "The 120-year-old bridge was closed for repairs.", TUE_2019_11_19)
    assert [(e.date, e.derived) for e in events] == [("1899", True)]
    _, events = annotate(nlp, "The 30-year-old ceasefire agreement collapsed.", TUE_2019_11_19)
    assert [(e.date, e.derived) for e in events] == [("1989", True)]


@pytest.mark.parametrize("text, published, expected", [
    ("The bid deadline was pushed back to Nov. 21.", datetime(2019, 11, 5), ("Nov. 21", "DATE", "2019-11-21")),
    ("The vote was postponed until December.", TUE_2019_11_19, ("December", "DATE", "2019-12")),
    ("Repayments are due by Jan. 14.", datetime(2020, 1, 15), ("Jan. 14", "DATE", "2020-01-14")),
])
def test_a_day_or_month_without_year_a_year_off_but_near_in_this_year(nlp, text, published, expected):
    has(nlp, text, published, expected)


@pytest.mark.parametrize("text, expected", [
    ("Shares, at a high in March, fell sharply.", ("March", "DATE", "2019-03")),
    ("The sale, a record for an auction house in March, drew crowds.", ("March", "DATE", "2019-03")),
    ("Revenue in the year ended March 31 rose 4%.", ("March 31", "DATE", "2019-03-31")),
])
def test_a_bare_month_in_a_past_sentence_is_not_next_year(nlp, text, expected):
    has(nlp, text, WED_2019_10_30, expected)


def test_decades_written_short(nlp):
    has(nlp, "Sales peaked in the '80s.", datetime(1989, 11, 1), ("the '80s", "DATE", "198"))
    has(nlp, "Sales peaked in the '80s.", TUE_2019_11_19, ("the '80s", "DATE", "198"))
    assert timexes(nlp, "He moved to Lyon in his 30s.", TUE_2019_11_19) == []


def test_later_after_a_time_without_calendar_value_stays_unresolved(nlp):
    found = has(nlp, "Output peaked in the 1990s. Five years later, the plant closed.", TUE_2019_11_19,
                ("Five years later", "DURATION", "P5Y"))
    assert ("Five years later", "DATE", "2024") not in found
    _, events = annotate(nlp, "Output peaked in the 1990s. Five years later, the plant closed.", TUE_2019_11_19)
    assert all(e.phrase != "Five years later" for e in events)
    has(nlp, "The mine reopened in the summer of 2015. Two years later it closed.", TUE_2019_11_19,
        ("Two years later", "DATE", "2017"))


@pytest.mark.parametrize("text, expected", [
    ("Net income rose to $5 million in the third quarter. Revenue was $9 million, up from $8 million a year earlier.",
     ("a year earlier", "DATE", "2018-Q3")),
    ("Profit rose in the third quarter. In the year-ago quarter, the bank lost $2 million.",
     ("the year-ago quarter", "DATE", "2018-Q3")),
    ("Profit rose in the third quarter, compared with a year-earlier loss of $3 million.",
     ("year-earlier", "DATE", "2018-Q3")),
    ("Sales rose in the third quarter. Net income was $3 million, up from $2 million a year ago.",
     ("a year ago", "DATE", "2018-Q3")),
])
def test_a_results_report_compares_with_the_same_period_a_year_before(nlp, text, expected):
    has(nlp, text, datetime(2019, 10, 25), expected)


@pytest.mark.parametrize("text, expected", [
    ("Kelby Mills said third-quarter profit rose. Over the first eight months its profit came to $40 million, against "
     "$31 million a year earlier.", ("a year earlier", "DATE", "2018")),
    ("Kelby Mills said third-quarter profit rose. Kelby's sales for the eight months climbed to $90 million, against "
     "$80 million in the 2018 period.", ("the 2018 period", "DATE", "2018")),
    ("Kelby Mills said third-quarter profit rose. Its eight-month profit beat that of the first eight months of 2018, "
     "and topped a year-earlier loss.", ("year-earlier", "DATE", "2018")),
])
def test_a_year_earlier_beside_months_to_date_is_that_year_not_the_quarter(nlp, text, expected):
    """"Over the first eight months … a year earlier": those months of the year before, not the quarter reported on."""
    found = has(nlp, text, datetime(2019, 10, 25), expected)
    assert ("third-quarter", "DATE", "2019-Q3") in found
    assert not [t for t in found if t[2] == "2018-Q3"], found


def test_a_year_earlier_in_a_quarter_sentence_stays_the_quarter(nlp):
    has(nlp, "Kelby Mills said third-quarter profit climbed to $5 million, against $4 million a year earlier. Over "
        "the first eight months its sales held steady.", datetime(2019, 10, 25), ("a year earlier", "DATE", "2018-Q3"))
    has(nlp, "Kelby Mills said third-quarter profit climbed to $5 million, against $4 million a year earlier, and it "
        "expects sales to grow in the coming months.", datetime(2019, 10, 25), ("a year earlier", "DATE", "2018-Q3"))


def test_a_year_ago_period_without_a_period_named_is_not_guessed(nlp):
    found = timexes(nlp, "In the year-ago period, the bank lost $2 million.", datetime(2019, 10, 25))
    assert all("period" not in text for text, _, _ in found), found
    assert all(not text.startswith("a year") for text, _, _ in
               timexes(nlp, "The firm posted a year-earlier loss.", datetime(2019, 10, 25)))


@pytest.mark.parametrize("text, expected", [
    ("The ferry service resumed at noon Saturday.", ("noon Saturday", "TIME", "2019-11-16T12:00")),
    ("Voting closes at 8 p.m. CST, Dec. 3.", ("8 p.m. CST, Dec. 3", "TIME", "2019-12-03T20:00")),
])
def test_a_clock_time_right_before_its_day_is_one_expression(nlp, text, expected):
    found = has(nlp, text, TUE_2019_11_19, expected)
    assert len(found) == 1, found


@pytest.mark.parametrize("text, expected", [
    ("The team planned to leave Nairobi on Thursday.", ("Thursday", "DATE", "2019-11-21")),
    ("The rescue team could land as early as Sunday.", ("Sunday", "DATE", "2019-11-24")),
    ("The company has scheduled a news conference Thursday.", ("Thursday", "DATE", "2019-11-21")),
    ("Dock workers planned a march through Port Calder on Saturday.", ("Saturday", "DATE", "2019-11-23")),
    ("The guild slated a members' ballot on Monday, but a judge halted it.", ("Monday", "DATE", "2019-11-25")),
    ("The rowers hoped to cross the strait on Friday.", ("Friday", "DATE", "2019-11-22")),
])
def test_plans_and_earliest_dates_point_ahead(nlp, text, expected):
    has(nlp, text, WED_2019_11_20, expected)


def test_the_day_does_not_refer_back_to_a_day_named_paragraphs_before(nlp):
    paragraphs = ["The fair marks the founding of Port Calder on May 2, 1851.", "Crowds filled the quay.",
                  "Vendors lined the quay before the day's races, a steward said."]
    found, events = extract_all(number_sentences(paragraphs), list(nlp.pipe(paragraphs)), TUE_2019_11_19)
    assert [t.text for t in found] == ["May 2, 1851"]
    paragraphs = ["The fair opened on May 2, 2019.", "Vendors lined the quay before the day's races."]
    found, events = extract_all(number_sentences(paragraphs), list(nlp.pipe(paragraphs)), TUE_2019_11_19)
    assert [(t.text, t.value) for t in found] == [("May 2, 2019", "2019-05-02"), ("the day", "2019-05-02")]


@pytest.mark.parametrize("paragraphs, expected", [
    (["Ferry fares rose in March, and by the end of the month the line had cut two crossings."],
     ("the end of the month", "2019-03")),
    (["The guild met in February.", "By the end of the month it had approved its accounts."],
     ("the end of the month", "2019-02")),
    (["The Tarnby bakery opened in 2015 and by the end of the year employed 30 people."],
     ("the end of the year", "2015")),
    (["The Tarnby strike began on September 3. Fares will rise at the end of the month, the union said."],
     ("the end of the month", "2019-11")),  # a clause pointing ahead: the month of publication
    (["The ferry line sailed on time.", "Fares will rise at the end of the month."], ("the end of the month", "2019-11")),
    (["Ms. Ardley, a harbour warden since 2014, has argued for lower fares.",
      "A fare cut remains possible later in the year, the wardens think."], ("later in the year", "2019")),
])
def test_the_month_of_a_past_clause_is_the_one_named_before(nlp, paragraphs, expected):
    found, _ = extract_all(number_sentences(paragraphs), list(nlp.pipe(paragraphs)), TUE_2019_11_19)
    assert expected in [(t.text, t.value) for t in found]


@pytest.mark.parametrize("text, dated", [
    ("The mill shed 40 jobs in the last three months of 2017.", False),
    ("Over the final two weeks of the race, Ardmore gained ground.", False),
    ("In the last two years of his term, the mayor rebuilt the pier.", False),
    ("Fares have risen over the past three years.", True),
    ("The past two years of talks led nowhere.", True),
])
def test_a_stretch_of_another_time_is_not_counted_back_from_publication(nlp, text, dated):
    found, events = extract_all(number_sentences([text]), list(nlp.pipe([text])), TUE_2019_11_19)
    assert any(t.type == "DURATION" for t in found), found
    assert bool(events) == dated, events


@pytest.mark.parametrize("text, expected", [
    ("Ferry traffic is at its lowest level since early December.", ("early December", "2018-12")),
    ("It is the quietest harbour has been since Saturday.", ("Saturday", "2019-11-16")),
])
def test_since_points_behind(nlp, text, expected):
    assert [(t, v) for t, _, v in timexes(nlp, text, TUE_2019_11_19)] == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Queues formed at the outlet mall on Black Friday.", ("Black Friday", "2018-11-23")),
    ("Couriers brace for Cyber Monday.", ("Cyber Monday", "2019-12-02")),
    ("Parishes held Ash Wednesday services in Tarsk.", ("Ash Wednesday", "2019-03-06")),
    ("Campaign ads ran in six Super Tuesday states.", None),
    ("The vigil recalled Bloody Sunday in Port Calder.", None),
])
def test_named_days_are_holidays_or_names_not_the_nearest_weekday(nlp, text, expected):
    found = [(t, v) for t, _, v in timexes(nlp, text, TUE_2019_11_19)]
    assert found == ([expected] if expected else []), found


def test_a_sentence_that_is_only_a_clock_time_makes_no_event(nlp):
    paragraphs = ["9:40 a.m.", "Trains stopped across the city."]
    found, events = extract_all(number_sentences(paragraphs), list(nlp.pipe(paragraphs)), TUE_2019_11_19)
    assert [t.text for t in found] == ["9:40 a.m."]
    assert events == []


@pytest.mark.parametrize("text, expected", [
    ("The buyers must wait at least 45 days before the deal closes.", ("at least 45 days", "DURATION", "P45D")),
    ("The closure may last at least three more weeks.", ("at least three more weeks", "DURATION", "P3W")),
    ("The families lived in shelters for 3 1/2 years.", ("3 1/2 years", "DURATION", "P3Y6M")),
    ("The debate ran about 7 1/2 hours.", ("about 7 1/2 hours", "DURATION", "PT7H30M")),
    ("The siege lasted two and a half years.", ("two and a half years", "DURATION", "P2Y6M")),
])
def test_durations_with_at_least_and_halves(nlp, text, expected):
    has(nlp, text, TUE_2019_11_19, expected)


def test_a_holiday_followed_by_a_lower_case_word(nlp):
    has(nlp, "The sailor was rescued on Thanksgiving Day and flown home.", datetime(2020, 1, 10),
        ("Thanksgiving Day", "DATE", "2019-11-28"))
    assert timexes(nlp, "The Good Friday Agreement held.", TUE_2019_11_19) == []


@pytest.mark.parametrize("text, expected", [
    ("Sales fell 5% in the latest quarter, the retailer said.", ("the latest quarter", "DATE", "2019-Q3")),
    ("Margins grew in the second quarter. In the quarter a year earlier, the lender earned $4 million.",
     ("the quarter a year earlier", "DATE", "2018-Q2")),
    ("Profit rose in the third quarter. The company will hire staff during the quarter.",
     ("the quarter", "DATE", "2019-Q3")),
])
def test_the_quarter_of_a_report(nlp, text, expected):
    has(nlp, text, datetime(2019, 10, 25), expected)


@pytest.mark.parametrize("text", [
    'The minister, speaking on the "Sunday Week" programme, said the plan was legal.',
    'She told the "Forty Minutes" audience that she would stay.',
    "The quarrel reminded readers of the novel Broken Noon.",
])
def test_a_time_word_with_a_capital_inside_a_sentence_is_a_title(nlp, text):
    assert timexes(nlp, text, TUE_2019_11_19) == []


def test_a_time_word_with_a_capital_at_the_start_is_still_a_time(nlp):
    has(nlp, "This week, prices rose.", TUE_2019_11_19, ("This week", "DATE", "2019-W47"))
    has(nlp, "Crowds gathered on New Year's Eve.", TUE_2019_11_19, ("New Year's Eve", "DATE", "2018-12-31"))


def test_the_day_before_a_clause_is_not_counted_from_the_story_day(nlp):
    found = timexes(nlp, "The truck was last spotted on March 8, the day before officers raided the depot.",
                    datetime(2020, 5, 7))
    assert ("the day before", "DATE", "2020-03-07") not in found
    has(nlp, "The truck was spotted on March 8. The day before, officers had searched the depot.", datetime(2020, 5, 7),
        ("The day before", "DATE", "2020-03-07"))


def test_a_past_event_on_a_day_just_ahead_in_the_calendar_is_last_years(nlp):
    has(nlp, "The meeting took place on Nov. 16.", WED_2019_10_30, ("Nov. 16", "DATE", "2018-11-16"))


@pytest.mark.parametrize("text, published, expected", [
    ("The board declared a dividend, payable Jan. 9 to shareholders of record Dec. 12.", WED_2019_10_30,
     ("Dec. 12", "DATE", "2019-12-12")),
    ("The group kept its bid open until 6 p.m. EDT Nov. 12.", WED_2019_10_30,
     ("6 p.m. EDT Nov. 12", "TIME", "2019-11-12T18:00")),
    ("The ministry did not explain the Feb. 3 deadline.", datetime(2020, 1, 5), ("Feb. 3", "DATE", "2020-02-03")),
    ("They discussed the minister's visit slated for September.", datetime(2019, 8, 26),
     ("September", "DATE", "2019-09")),
])
def test_a_date_set_for_something_in_a_past_clause_may_lie_ahead(nlp, text, published, expected):
    has(nlp, text, published, expected)


def test_a_weekday_with_a_date_chooses_the_year(nlp):
    has(nlp, "The panel will meet on Sunday, March 3.", datetime(2002, 3, 1),
        ("Sunday, March 3", "DATE", "2002-03-03"))
    has(nlp, "The panel met on Sunday, March 4.", datetime(2002, 3, 1), ("Sunday, March 4", "DATE", "2001-03-04"))


def test_a_quoted_today_is_still_today(nlp):
    has(nlp, "``Today is a sad day,'' he said.", datetime(2020, 1, 5), ("Today", "DATE", "2020-01-05"))


@pytest.mark.parametrize("text, expected", [
    ("The plant may open in next year's second quarter.", ("next year's second quarter", "DATE", "2020-Q2")),
    ("Orders in this year's second quarter reached 900 units.", ("this year's second quarter", "DATE", "2019-Q2")),
    ("Margins widened in the third quarter. Shipments in last year's quarter totaled 4,000 tons.",
     ("last year's quarter", "DATE", "2018-Q3")),
    ("Sales in the 2017 second quarter fell.", ("the 2017 second quarter", "DATE", "2017-Q2")),
])
def test_a_quarter_of_a_named_year(nlp, text, expected):
    found = has(nlp, text, datetime(2019, 10, 31), expected)
    assert not any(t == "DATE" and v in {"2019", "2020", "2018"} for _, t, v in found), found


def test_the_day_of_a_report_is_not_the_story_time(nlp):
    found = has(nlp, "The plant closed in 2012, the company said on Tuesday. Two years later it reopened.",
                TUE_2019_11_19, ("Two years later", "DATE", "2014"))
    assert ("Two years later", "DATE", "2021") not in found


def test_later_than_the_story_time_but_after_publication_in_a_past_clause_is_unresolved(nlp):
    found = has(nlp, "The mayor resigned on Monday. Two days later, her deputy took over.", TUE_2019_11_19,
                ("Two days later", "DURATION", "P2D"))
    _, events = annotate(nlp, "The mayor resigned on Monday. Two days later, her deputy took over.", TUE_2019_11_19)
    assert [e.phrase for e in events] == ["Monday"]


def test_a_clock_time_later_in_the_sentence_leaves_the_days_phrase(nlp):
    _, events = annotate(nlp, "On Friday, at 9:40 a.m., the train left the station.", TUE_2019_11_19)
    assert [(e.date, e.phrase, e.time) for e in events] == [("2019-11-15", "Friday", "09:40")]


@pytest.mark.parametrize("text", [
    "Ms. Varga, 61 years old, will step down in June.",
    "Drivers 67 years old or older must renew their licences.",
])
def test_an_age_in_years_old_is_no_timex(nlp, text):
    assert all("old" not in t and "years" not in t for t, _, _ in timexes(nlp, text, TUE_2019_11_19))


def test_today_of_a_generic_noun_is_the_present_not_a_day(nlp):
    found, events = annotate(nlp, "Fathers in today's world share the housework.", TUE_2019_11_19)
    assert found == [] and events == []  # the present in general: no time to place (was PRESENT_REF)
    assert timexes(nlp, "Schools must prepare tomorrow's workers.", TUE_2019_11_19) == []
    has(nlp, "Today's vote was delayed.", TUE_2019_11_19, ("Today", "DATE", "2019-11-19"))


@pytest.mark.parametrize("text, expected", [
    ("Margins grew in the third quarter. The firm expects a fourth-quarter charge. Sales fell in the latest quarter.",
     ("the latest quarter", "DATE", "2019-Q3")),
    ("Margins grew in the third quarter. The firm expects a fourth-quarter charge. Sales were flat a year ago.",
     ("a year ago", "DATE", "2018-Q3")),
    ("Profit rose in the second quarter. In the 2017 period, it lost money. Revenue doubled in the quarter.",
     ("the quarter", "DATE", "2019-Q2")),
])
def test_the_reported_period_is_not_a_compared_or_coming_one(nlp, text, expected):
    has(nlp, text, datetime(2019, 10, 25), expected)


def test_a_clock_time_takes_a_day_named_in_its_paragraph_or_the_one_before(nlp):
    found, _ = paragraphs_timexes(nlp, ["The bridge was closed on Friday.", "Engineers came from the capital.",
                                        "A cyclist saw the crack at 6 a.m."], TUE_2019_11_19)
    assert all(text != "6 a.m." for text, _, _ in found), found  # no day of its own: not dated with Friday's
    has(nlp, "The bridge was closed on Friday. A cyclist saw the crack at 6 a.m.", TUE_2019_11_19,
        ("6 a.m.", "TIME", "2019-11-15T06:00"))
    has(nlp, "A cyclist saw the crack at 6 a.m.", TUE_2019_11_19, ("6 a.m.", "TIME", "2019-11-19T06:00"))


def test_a_clock_time_restated_in_brackets_is_one_time(nlp):
    found = timexes(nlp, "The quake struck at 4:10 p.m. (0910 GMT) on Sunday.", TUE_2019_11_19)
    assert [text for text, _, _ in found if "GMT" in text] == [], found
    found, _ = paragraphs_timexes(nlp, ["Rescuers left on Monday.", "Crews rested.",
                                        "The quake had struck at 4:10 p.m. (0910 GMT) on Sunday."], TUE_2019_11_19)
    assert ("4:10 p.m.", "TIME", "2019-11-17T16:10") in found, found


@pytest.mark.parametrize("text", [
    "The regulator pushed the cut-off back until 11 a.m. Thursday.",
    "The court gave the airline until Thursday to answer.",
])
def test_a_limit_given_until_a_weekday_lies_ahead(nlp, text):
    found = timexes(nlp, text, TUE_2019_11_19)
    assert any(value.startswith("2019-11-21") for _, _, value in found), found


@pytest.mark.parametrize("text", [
    "They have lived there for years.",
    "The embargo has stood for decades.",
    "Weeks of talks ended without a deal.",
    "Police watched the house in the days before the raid.",
])
def test_a_bare_plural_unit_is_no_timex(nlp, text):
    assert timexes(nlp, text, TUE_2019_11_19) == []


@pytest.mark.parametrize("text", [
    "Seoul must pay five billion dollars a year.",
    "Output reached 300,000 barrels a day.",
    "The firm expects sales to grow 6% annually.",
    "Rooms cost $80 a night.",
])
def test_a_rate_after_an_amount_is_no_timex(nlp, text):
    assert timexes(nlp, text, TUE_2019_11_19) == []


@pytest.mark.parametrize("text, expected", [
    ("Pilgrims climb the hill each July.", ("each July", "SET", "XXXX-07")),
    ("The fair returns every September.", ("every September", "SET", "XXXX-09")),
])
def test_each_month_is_a_recurrence_not_one_month(nlp, text, expected):
    found = has(nlp, text, TUE_2019_11_19, expected)
    assert len(found) == 1, found


@pytest.mark.parametrize("text, expected", [
    ("Engineers believe the comet will one day return.", [("one day", "DATE", "FUTURE_REF")]),
    ("The boy hopes he one day plays for the national team.", []),
    ("The minister had been in office only one day.", [("only one day", "DURATION", "P1D")]),
])
def test_one_day_as_an_adverb_is_no_length(nlp, text, expected):
    assert timexes(nlp, text, TUE_2019_11_19) == expected


@pytest.mark.parametrize("text, expected", [
    ("The merger follows Tuesday's announcement by the rival bidder.", ("Tuesday", "DATE", "2019-11-12")),
    ("Her share prior to Friday's auction is small.", ("Friday", "DATE", "2019-11-15")),
    ("Investors are wary ahead of Sunday's election.", ("Sunday", "DATE", "2019-11-24")),
])
def test_a_weekdays_event_in_a_present_clause_has_happened(nlp, text, expected):
    has(nlp, text, datetime(2019, 11, 18), expected)


@pytest.mark.parametrize("text, expected", [
    ("The tender had been due to close Friday evening.", ("Friday evening", "TIME", "2019-11-15TEV")),
    ("The vote had been scheduled to take place on Thursday.", ("Thursday", "DATE", "2019-11-14")),
])
def test_a_plan_in_the_past_perfect_lies_before_publication(nlp, text, expected):
    has(nlp, text, datetime(2019, 11, 18), expected)


@pytest.mark.parametrize("text, published, expected", [
    ("Two ferries collided last April.", datetime(2021, 5, 3), ("last April", "DATE", "2020-04")),
    ("Two ferries collided last April.", datetime(2021, 9, 3), ("last April", "DATE", "2021-04")),
])
def test_last_and_the_month_just_ended_is_a_year_back(nlp, text, published, expected):
    has(nlp, text, published, expected)


# --- measured on real news (issue 21): years in words, terms' dates, a report's background period ---------------

@pytest.mark.parametrize("text, expected", [
    ("The first attack came in nineteen eighty-six, outside a theatre.", ("nineteen eighty-six", "DATE", "1986")),
    ("March nineteen ninety-one. A second blast wrecks the depot.", ("March nineteen ninety-one", "DATE", "1991-03")),
    ("Sales had not been that weak since the summer of nineteen seventy-four.",
     ("the summer of nineteen seventy-four", "DATE", "1974-SU")),
    ("Planners looked ahead to the year two thousand.", ("the year two thousand", "DATE", "2000")),
])
def test_a_year_spelled_in_words_is_a_year(nlp, text, expected):
    has(nlp, text, datetime(1998, 5, 4), expected)


@pytest.mark.parametrize("text", ["Nineteen miners were rescued.", "The dam took two thousand workers to build."])
def test_a_count_in_words_is_no_year(nlp, text):
    assert timexes(nlp, text, datetime(1998, 5, 4)) == []


@pytest.mark.parametrize("text, expected", [
    ("The mill declared a special dividend, payable Dec. 20 to holders of record.",
     ("Dec. 20", "DATE", "2019-12-20")),
    ("The bank named a new treasurer, effective Feb. 3.", ("Feb. 3", "DATE", "2020-02-03")),
])
def test_a_date_set_by_terms_is_the_nearest_such_day(nlp, text, expected):
    has(nlp, text, WED_2019_10_30, expected)


def test_a_period_named_in_passing_does_not_replace_the_one_reported(nlp):
    text = ("Orbex posted a 12% gain in third-quarter profit. After a sluggish second quarter, the company credited "
            "cheaper freight. Write-downs booked in the year-earlier period also weighed. In the 2019 period, its tax rate "
            "was lower than a year ago.")
    has(nlp, text, WED_2019_10_30, ("second quarter", "DATE", "2019-Q2"),
        ("the year-earlier period", "DATE", "2018-Q3"), ("the 2019 period", "DATE", "2019-Q3"),
        ("a year ago", "DATE", "2018-Q3"))


def test_a_fiscal_period_named_later_is_reported_on(nlp):
    """An earlier quarter named as fiscal (another company's) does replace the period: "the quarter" is then that
    fiscal quarter, whose months are not known, so it is left unplaced rather than read as the third quarter."""
    text = ("Orbex posted a 12% gain in third-quarter profit. Separately, Dunmore Mills reported profit for the fiscal "
            "second quarter of $4 million. In the quarter, the mill also sold a warehouse.")
    found = timexes(nlp, text, WED_2019_10_30)
    assert ("second quarter", "DATE", "2019-Q2") in found
    assert [t for t in found if t[0] == "the quarter"] == [], found


@pytest.mark.parametrize("text, expected", [
    ("Prices won't recover for a couple of years.", ("a couple of years", "DURATION", "P2Y")),
    ("The hearing lasted an hour and a half.", ("an hour and a half", "DURATION", "PT1H30M")),
    ("A minute and a half later, the crane stopped.", ("A minute and a half later", "DURATION", "PT1M30S")),
])
def test_a_couple_and_a_half_are_counted(nlp, text, expected):
    has(nlp, text, WED_2019_10_30, expected)


@pytest.mark.parametrize("text", ["The club has lost in the past three seasons.",
                                  "The bakery has lost money over the past two quarters."])
def test_the_past_before_a_count_is_not_the_past_in_general(nlp, text):
    assert ("the past", "DATE", "PAST_REF") not in timexes(nlp, text, WED_2019_10_30)


@pytest.mark.parametrize("text, expected", [
    ("Weakness in bank shares hurt the index on Friday.", ("Friday", "DATE", "2019-10-25")),
    ("A late rally cut the loss on Friday.", ("Friday", "DATE", "2019-10-25")),
    ("The buyout offer had been due to run out Friday.", ("Friday", "DATE", "2019-10-25")),
])
def test_a_past_told_in_a_verb_spelled_like_its_present(nlp, text, expected):
    has(nlp, text, WED_2019_10_30, expected)


@pytest.mark.parametrize("text, expected", [
    ("The judge rejected an order that the witness remain in custody until March 6.",
     ("March 6", "DATE", "2000-03-06")),
    ("The tenants had still not promised to leave the building if they lose when the appeal is argued in May.",
     ("May", "DATE", "2000-05")),
])
def test_a_subjunctive_and_a_distant_had_tell_no_past(nlp, text, expected):
    has(nlp, text, datetime(2000, 2, 24), expected)


@pytest.mark.parametrize("text", [
    "Harbor Freightways earned its highest profit ever in the fiscal first quarter. For the quarter ended Sept. 30, "
    "it made $52 million, against $40 million a year earlier. Cargo volume climbed 9% in the quarter.",
    "Orbex swung to a loss in its fourth quarter ended Sept. 30. In the year-ago period it made $2 million.",
])
def test_what_refers_back_to_a_fiscal_quarter_is_left_unplaced(nlp, text):
    found = timexes(nlp, text, WED_2019_10_30)
    assert [t for t in found if t[0].lower() in {"the quarter", "a year earlier", "the year-ago period"}] == [], found


def test_a_calendar_quarter_is_still_what_the_report_refers_back_to(nlp):
    has(nlp, "Orbex posted a 12% gain in third-quarter profit, to $5 million from $4 million a year earlier. Traffic "
        "rose in the quarter.", WED_2019_10_30, ("a year earlier", "DATE", "2018-Q3"),
        ("the quarter", "DATE", "2019-Q3"))


@pytest.mark.parametrize("text, expected", [
    ("Profit fell 5% in the first nine months of the year.", ("the year", "DATE", "2019")),
    ("Sales for the year rose 4%, the company said.", ("the year", "DATE", "2019")),
    ("For the year ended June 30, the brewer earned $40 million.", ("the year", "DURATION", "P1Y")),
    ("In the fiscal year ending March 31, revenue fell.", ("the fiscal year", "DURATION", "P1Y")),
])
def test_a_results_report_s_year(nlp, text, expected):
    has(nlp, text, WED_2019_10_30, expected)


@pytest.mark.parametrize("text", ["It was the worst storm of the year, officials said.",
                                  "She was named player of the year.",
                                  "Earnings for the year-earlier nine months were helped by a land sale."])
def test_the_year_outside_a_results_report_is_not_read(nlp, text):
    assert [t for t in timexes(nlp, text, WED_2019_10_30) if t[0] == "the year"] == []


def test_a_quarter_ending_in_a_month_that_ends_no_calendar_quarter_is_left_unplaced(nlp):
    found = timexes(nlp, "In the quarter ended July 31, the chain opened four stores.",
                    WED_2019_10_30)
    assert [t for t in found if t[0] == "the quarter"] == [], found
    assert ("July 31", "DATE", "2019-07-31") in found
    has(nlp, "In the quarter ended Sept. 30, the chain opened four stores.", WED_2019_10_30,
        ("the quarter", "DATE", "2019-Q3"))


@pytest.mark.parametrize("text, published, expected", [
    ("Orders slowed this past spring.", WED_2019_10_30, ("this past spring", "DATE", "2019-SP")),
    ("Storms hit the coast this past weekend.", datetime(2019, 11, 18), ("this past weekend", "DATE", "2019-W46-WE")),
])
def test_this_past_season_or_weekend_is_the_last_one(nlp, text, published, expected):
    has(nlp, text, published, expected)


def test_year_earlier_before_a_count_of_months_is_those_months(nlp):
    found = timexes(nlp, "Orbex posted a 12% gain in third-quarter profit. Profit in the year-earlier nine months "
                         "was lifted by a land sale.", WED_2019_10_30)
    assert ("nine months", "DURATION", "P9M") in found
    assert [t for t in found if t[0].lower().startswith("year-earlier")] == [], found


# --- session 9: weekdays with plural parts of the day, "the week of", parts of the day around a day, words that only
# look like times, the clause's perfect tense, weekdays counted from the day the text is about ----------------------

WED_2021_05_12 = datetime(2021, 5, 12, 9, 0)
MON_2021_11_08 = datetime(2021, 11, 8, 9, 0)


@pytest.mark.parametrize("text, expected", [
    ("The museum stays open late on Thursday evenings.", ("Thursday evenings", "SET", "XXXX-WXX-4TEV")),
    ("The ferry company said its boats would sail to the island on Friday and Saturday nights from June 4.",
     ("Saturday nights", "SET", "XXXX-WXX-6TNI")),
    ("The ferry company said its boats would sail to the island on Friday and Saturday nights from June 4.",
     ("Friday", "SET", "XXXX-WXX-5TNI")),
])
def test_a_weekday_with_a_plural_part_of_the_day_recurs(nlp, text, expected):
    has(nlp, text, WED_2021_05_12, expected)


def test_the_week_of_a_day_is_that_week(nlp):
    has(nlp, "The council will hear the appeal in the week of June 14, a clerk said.", WED_2021_05_12,
        ("the week of June 14", "DATE", "2021-W24"))


@pytest.mark.parametrize("text, expected", [
    ("Shares of the bakery chain were down 2% at mid-morning yesterday.",
     ("mid-morning yesterday", "TIME", "2021-05-11TMO")),
    ("Marchers gathered early Friday morning outside the stadium.", ("early Friday morning", "TIME", "2021-05-07TMO")),
])
def test_a_part_of_the_day_around_a_day_is_one_time(nlp, text, expected):
    has(nlp, text, WED_2021_05_12, expected)


@pytest.mark.parametrize("text, word", [
    ("The quarter-to-quarter change in orders was small.", "quarter"),
    ("Analysts watch the year-over-year rise in rents.", "year"),
    ("Thousands joined the annual March for Science in the capital.", "March"),
    ('"We are building the schools of tomorrow," the mayor said.', "tomorrow"),
    ("Investigators are still studying video from the night the warehouse burned.", "night"),
    ("Nobody has forgotten the day the bridge opened to traffic.", "day"),
])
def test_words_that_only_look_like_times(nlp, text, word):
    found = timexes(nlp, text, WED_2021_05_12)
    assert [t for t in found if word.lower() in t[0].lower()] == [], found


def test_a_month_under_a_perfect_tense_lies_behind(nlp):
    has(nlp, "The firm's shares have swung widely, climbing to a peak in August from a low in February.",
        MON_2021_11_08, ("August", "DATE", "2021-08"), ("February", "DATE", "2021-02"))


@pytest.mark.parametrize("paragraphs, expected", [
    (["The index closed on Friday at a record. It ended the week up 3% from the previous Friday."],
     ("the previous Friday", "DATE", "2021-10-29")),
    (["The talks broke down on Tuesday, Oct. 26. The following Friday, both sides met again."],
     ("The following Friday", "DATE", "2021-10-29")),
])
def test_the_previous_or_following_weekday_counts_from_the_day_last_named(nlp, paragraphs, expected):
    found, _ = paragraphs_timexes(nlp, paragraphs, MON_2021_11_08)
    assert expected in found, found


def test_a_clock_time_of_a_day_counted_from_another_event_is_not_placed(nlp):
    found = timexes(nlp, "A neighbour saw the van at 5 a.m. three days before the fire.", MON_2021_11_08)
    assert [t for t in found if "a.m." in t[0]] == [], found


@pytest.mark.parametrize("text, expected", [
    ("Voting ran from March to May in most districts.", ("March", "DATE", "2021-03")),
    ("The depot last flooded in March on a Sunday night.", ("March", "DATE", "2021-03")),
])
def test_the_month_march_stays_a_month(nlp, text, expected):
    has(nlp, text, WED_2021_05_12, expected)


@pytest.mark.parametrize("text, expected", [
    ("The exchange gave the broker five business days to answer.", ("five business days", "DURATION", "P5D")),
    ("Ten trading days after the listing, the shares were back at their issue price.",
     ("Ten trading days", "DURATION", "P10D")),
    ("The lease may be renewed for an additional year at the same rent.", ("an additional year", "DURATION", "P1Y")),
    ("The ferry left at 5 in the morning, a crew member said.", ("5 in the morning", "TIME", "2021-05-12T05:00")),
    ("By mid-afternoon the queue had reached the bridge.", ("mid-afternoon", "TIME", "2021-05-12TAF")),
])
def test_more_durations_and_times_of_day(nlp, text, expected):
    has(nlp, text, WED_2021_05_12, expected)


@pytest.mark.parametrize("text, published, expected", [
    ("Both candidates will campaign in the suburbs until Election Day.", WED_2021_05_12,
     ("Election Day", "DATE", "2021-11-02")),
    ("The brewer expects weaker sales for the last half of 2021.", WED_2021_05_12,
     ("the last half of 2021", "DATE", "2021-H2")),
    ("The shipyard expects losses through the first two quarters of 2022.", WED_2021_05_12,
     ("the first two quarters of 2022", "DATE", "2022-H1")),
])
def test_election_day_and_halves_named_otherwise(nlp, text, published, expected):
    has(nlp, text, published, expected)


@pytest.mark.parametrize("text, expected", [
    ("The hikers were last seen a week or so ago near the ridge.", ("a week or so ago", "DATE", "2021-W18")),
    ("The kiosk closed a year or two ago, neighbours said.", ("a year or two ago", "DATE", "2020")),
])
def test_an_approximate_count_before_ago(nlp, text, expected):
    has(nlp, text, WED_2021_05_12, expected)


def test_a_calendar_year_is_a_kind_of_year_not_a_length(nlp):
    found = timexes(nlp, "Since the merger the brewer keeps its accounts by a calendar year.", WED_2021_05_12)
    assert [t for t in found if "calendar" in t[0]] == [], found


def test_the_day_before_a_named_weekday_is_that_weekday(nlp):
    found, _ = paragraphs_timexes(nlp, ["The court sat on Monday, Nov. 1. During the day Wednesday, the jury toured "
                                        "the harbour."], MON_2021_11_08)
    assert [t for t in found if t[0] == "the day"] == [], found
    assert ("Wednesday", "DATE", "2021-11-03") in found, found


def test_yesterday_after_of_can_still_be_a_day(nlp):
    has(nlp, "The hailstorm of yesterday cut power to 3,000 homes in the valley.", WED_2021_05_12,
        ("yesterday", "DATE", "2021-05-11"))
