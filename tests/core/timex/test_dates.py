"""Temporal expressions resolved against publication dates other than the seed's (rules, not tuning)."""

from __future__ import annotations

from datetime import datetime

import pytest

from newsreader.core import nlp as nlp_module
from newsreader.core.timex.events import extract, extract_all, human
from newsreader.core.text.sentences import number_sentences


@pytest.fixture(scope="session")
def nlp():
    return nlp_module.load()


def events(nlp, text: str, published: datetime):
    paragraphs = [text]
    return extract(number_sentences(paragraphs), list(nlp.pipe(paragraphs)), published)


def one(nlp, text, published):
    found = events(nlp, text, published)
    assert len(found) == 1, found
    return found[0]


MON_2020_03_02 = datetime(2020, 3, 2, 9, 0)  # a Monday
TUE_2021_01_05 = datetime(2021, 1, 5, 18, 30)  # a Tuesday, just after a year boundary
SAT_2022_10_15 = datetime(2022, 10, 15)  # a Saturday


@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("The talks collapsed on Tuesday.", MON_2020_03_02, "2020-02-25"),
        ("The minister resigned on Monday.", MON_2020_03_02, "2020-03-02"),  # the publication day counts
        ("Negotiators walked out on Friday.", TUE_2021_01_05, "2021-01-01"),
        ("The envoy arrived on Sunday.", SAT_2022_10_15, "2022-10-09"),
        ("Ministers will meet on Friday.", MON_2020_03_02, "2020-03-06"),  # future tense: the next one
        ("The two leaders will hold talks on Thursday.", SAT_2022_10_15, "2022-10-20"),
    ],
)
def test_weekdays(nlp, text, published, expected):
    event = one(nlp, text, published)
    assert (event.date, event.precision, event.derived) == (expected, "day", False)


@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("The curfew was imposed in December.", TUE_2021_01_05, "2020-12"),  # across the year boundary
        ("The delegation will visit in February.", TUE_2021_01_05, "2021-02"),
        ("The curfew began in July.", MON_2020_03_02, "2019-07"),
        ("Elections will be held in October.", SAT_2022_10_15, "2022-10"),
        ("Prices rose sharply last month.", TUE_2021_01_05, "2020-12"),
        ("The council met earlier this month.", SAT_2022_10_15, "2022-10"),
        ("The plan is expected next month.", SAT_2022_10_15, "2022-11"),
    ],
)
def test_months(nlp, text, published, expected):
    event = one(nlp, text, published)
    assert (event.date, event.precision) == (expected, "month")


def test_weeks_and_years(nlp):
    assert (one(nlp, "Lawmakers said this week they would object.", TUE_2021_01_05).date) == "2021-W01"
    assert (one(nlp, "Talks resume next week.", TUE_2021_01_05).date) == "2021-W02"
    assert (one(nlp, "Exports fell last year.", TUE_2021_01_05).date) == "2020"
    assert (one(nlp, "The country agreed to pay this year.", SAT_2022_10_15).date) == "2022"


def test_a_weekend_is_shown_as_the_weekend_not_its_week(nlp):
    found = one(nlp, "Over the weekend, the ferry crews voted to strike.", MON_2020_03_02)
    assert (found.date, found.precision, found.time) == ("2020-W09", "week", "weekend")
    assert human(found.date, found.precision, found.derived, found.time) == "weekend of 29 Feb 2020"
    found = one(nlp, "Talks resume next week.", MON_2020_03_02)
    assert human(found.date, found.precision, found.derived, found.time) == "week of 9 Mar 2020"
    # a week and its weekend in one sentence stay one event: the first named
    found = one(nlp, "Late last week and over the weekend, the crews met twice.", MON_2020_03_02)
    assert (found.date, found.time) == ("2020-W09", None)


def test_derived_spans_and_ages(nlp):
    past = one(nlp, "The deal has been renewed for the past 10 years.", SAT_2022_10_15)
    assert (past.date, past.precision, past.derived) == ("2012", "year", True)
    old = one(nlp, "The 70-year-old treaty was signed by both states.", SAT_2022_10_15)
    assert (old.date, old.derived) == ("1952", True)
    assert human(old.date, old.precision, old.derived) == "c. 1952"
    ago = one(nlp, "The port opened three years ago.", TUE_2021_01_05)
    assert (ago.date, ago.derived) == ("2018", True)


def test_ages_of_people_and_durations_are_not_events(nlp):
    assert events(nlp, "A 23-year-old soldier was arrested.", SAT_2022_10_15) == []
    assert events(nlp, "The meeting lasted just about an hour.", SAT_2022_10_15) == []
    assert events(nlp, "The strike went on for two weeks.", SAT_2022_10_15) == []
    assert events(nlp, "Seoul must pay five billion dollars a year.", SAT_2022_10_15) == []


def test_the_day_refers_back(nlp):
    found = events(nlp, "The talks ended on Tuesday. Negotiators had planned to continue throughout the day.", datetime(2019, 11, 21))
    assert [(e.date, e.sentence) for e in found] == [("2019-11-19", "s1"), ("2019-11-19", "s2")]


@pytest.mark.parametrize(
    "text, published, expected, precision",
    [
        ("The deadline is December 31.", TUE_2021_01_05, "2020-12-31", "day"),
        ("The summit was held on Dec. 17.", SAT_2022_10_15, "2021-12-17", "day"),
        ("The summit will be held on Dec. 17.", SAT_2022_10_15, "2022-12-17", "day"),
        ("The agreement was first signed in 2018.", SAT_2022_10_15, "2018", "year"),
        ("The alliance dates from the 1950s.", SAT_2022_10_15, "1950s", "decade"),
        ("The vote took place on 3 May 2021.", SAT_2022_10_15, "2021-05-03", "day"),
        ("Talks began in February 2019.", SAT_2022_10_15, "2019-02", "month"),
    ],
)
def test_explicit_dates(nlp, text, published, expected, precision):
    event = one(nlp, text, published)
    assert (event.date, event.precision) == (expected, precision)


def test_each_event_keeps_phrase_anchor_sentence_and_text(nlp):
    event = one(nlp, "Intro. The curfew began in July after a fight.", MON_2020_03_02)
    assert event.phrase == "July" and event.anchor == "2020-03-02" and event.sentence == "s2"
    assert event.text == "The curfew began in July after a fight."
    assert "July" in event.explanation


def test_human_dates():
    assert human("2019-11-19", "day") == "19 Nov 2019"
    assert human("2019-W47", "week") == "week of 18 Nov 2019"
    assert human("2019-07", "month") == "July 2019"
    assert human("1953", "year", True) == "c. 1953"


def test_the_date_of_a_dateline_is_a_time_expression_but_no_event_of_the_story(nlp):
    found = events(nlp, "TARSK, March 2 (Fixture Wire) -- The harbour board voted on Sunday to close the pier.",
                   MON_2020_03_02)
    assert [(e.phrase, e.date) for e in found] == [("Sunday", "2020-03-01")]
    found = extract(number_sentences(["TARSK, March 2 (Fixture Wire) --", "The board met on Sunday."]),
                    list(nlp.pipe(["TARSK, March 2 (Fixture Wire) --", "The board met on Sunday."])), MON_2020_03_02)
    assert [(e.phrase, e.date) for e in found] == [("Sunday", "2020-03-01")]  # a place line standing alone
    timexes = extract_all(number_sentences(["TARSK, March 2 (Fixture Wire) --"]),
                          list(nlp.pipe(["TARSK, March 2 (Fixture Wire) --"])), MON_2020_03_02)[0]
    assert [(t.text, t.value) for t in timexes] == [("March 2", "2020-03-02")]  # TimeML marks it: the export keeps it
    # the same date in the story's words is one
    found = events(nlp, "The harbour board voted on March 2 to close the pier.", MON_2020_03_02)
    assert [(e.phrase, e.date) for e in found] == [("March 2", "2020-03-02")]


def test_nothing_hidden_is_dated(nlp):
    paragraphs = ['<tweet tweet-id="55" tweet-author="@PortDesk" tweet-date="March 10, 2031">Gates close at noon on '
                  'Friday<tweet/>.']
    sentences = number_sentences(paragraphs)
    timexes, found = extract_all(sentences, list(nlp.pipe(paragraphs)), datetime(2031, 3, 12, 9))
    assert [t.text for t in timexes] == ["noon", "Friday"]  # the tag's date is not shown: no timex, no event
    assert found and not any("March" in e.phrase or e.date.startswith("2031-03-10") for e in found)
