"""The raw article format: header lines, dates, paragraphs, boilerplate, bad input."""

from __future__ import annotations

from datetime import datetime

import pytest

from conftest import SEED_DIR
from newsreader.core.text.boilerplate import is_furniture
from newsreader.core.text import dateline
from newsreader.core.text.dateline import parse_dateline
from newsreader.core.text.rawformat import RawFormatError, parse

SEED = SEED_DIR / "000_29d63d47178ef691.txt"


def raw(*lines: str, newline: str = "\n") -> bytes:
    return newline.join(lines).encode("utf-8")


def test_seed_header_and_all_thirteen_paragraphs():
    article = parse(SEED.read_bytes(), str(SEED))
    assert article.headline == "US-South Korea military cost-sharing talks collapse"
    assert article.source == "Iran Press TV"
    assert article.published == datetime(2019, 11, 19, 7, 45)
    assert article.has_time
    assert len(article.paragraphs) == 13
    assert article.paragraphs[0].startswith("The latest round of military cost-sharing talks")
    assert article.paragraphs[-1].startswith("The Pentagon insists")
    assert article.problems == []


def test_seed_boilerplate_is_stripped_and_nothing_else():
    article = parse(SEED.read_bytes(), str(SEED))
    body = "\n".join(article.paragraphs)
    assert "NEWSLETTER" not in body and "mailing list" not in body
    assert all(p.strip("| ") for p in article.paragraphs)
    assert article.boilerplate[0] == "NEWSLETTER"
    assert "The US blamed the South." in article.paragraphs  # a short line inside the body stays


@pytest.mark.parametrize(
    "text, expected, has_time",
    [
        ("Tuesday, 19 November 2019 7:45 AM", datetime(2019, 11, 19, 7, 45), True),
        ("2021-05-03 14:00", datetime(2021, 5, 3, 14, 0), True),
        ("19 November 2019", datetime(2019, 11, 19), False),
        ("Nov. 19, 2019", datetime(2019, 11, 19), False),
        ("November 19, 2019 07:45", datetime(2019, 11, 19, 7, 45), True),
        ("Tue, Nov 19, 2019", datetime(2019, 11, 19), False),
        ("Monday, March 2, 2020 6:05 PM", datetime(2020, 3, 2, 18, 5), True),
        ("2019-11-19", datetime(2019, 11, 19), False),
    ],
)
def test_date_forms(text, expected, has_time):
    parsed, timed = parse_dateline(text)
    assert parsed.replace(tzinfo=None) == expected
    assert timed is has_time


USUAL_TIMES = ["", " %-I:%M %p", " %I:%M %p", " %H:%M", ", %-I:%M %p", " %-I:%M a.m."]


def dateline_forms(times=(*USUAL_TIMES, " %-I.%M pm"), odd=True):
    """Date lines in the written forms, with the edge cases of each part (noon, midnight, 29 February…)."""
    moments = [datetime(2019, 11, 19, 7, 45), datetime(2020, 2, 29, 12, 0), datetime(2021, 1, 1, 0, 5),
               datetime(1999, 12, 31, 23, 59), datetime(2024, 9, 9, 12, 30), datetime(2023, 5, 3, 9, 7)]
    forms = ["%-d %B %Y", "%A, %-d %B %Y", "%a %-d %b %Y", "%B %-d, %Y", "%b. %-d, %Y", "%A, %B %-d, %Y", "%a, %b %-d %Y"]
    for moment in moments:
        for form in forms:
            for time in times:
                yield moment.strftime(form + time)
    if odd:
            yield from ["Sept 3, 2019", "Tuesday 19 November 2019 13:45 PM", "19 November 2019 0:30 AM", "31 September 2019",
                    "Funday, 19 November 2019", "19 Novembre 2019", "Nov 19 2019 7:60"]


@pytest.mark.parametrize("text", list(dateline_forms()))
def test_written_forms_read_without_a_parser_agree_with_dateutil(text):
    """The regular-expression path is an optimisation: wherever it answers, the parsers must answer the same."""
    quick = dateline._written(text)
    if quick is not None:
        slow, has_time = dateline._parsed(text)
        assert quick == (slow.replace(tzinfo=None), has_time)


def test_written_forms_cover_the_usual_date_lines():
    assert all(dateline._written(text) for text in dateline_forms(USUAL_TIMES, odd=False))
    assert dateline._written("Tuesday, 19 November 2019 7:45 AM") == (datetime(2019, 11, 19, 7, 45), True)
    assert dateline._written("31 September 2019") is None and parse_dateline("31 September 2019") is None


@pytest.mark.parametrize("text", ["Iran Press TV", "Tuesday", "five billion dollars a year", "yesterday", "", "Page 2"])
def test_non_dates_are_not_dates(text):
    assert parse_dateline(text) is None


def test_bom_crlf_blank_lines_and_trailing_spaces_are_tolerated():
    data = "\ufeffHeadline of a fixture  \r\n\r\nFixture Wire \r\n19 November 2019\r\n\r\nFirst paragraph.   \r\n\r\nSecond paragraph.\r\n".encode()
    article = parse(data, "fixture.txt")
    assert article.headline == "Headline of a fixture"
    assert article.source == "Fixture Wire"
    assert article.paragraphs == ["First paragraph.", "Second paragraph."]
    assert article.problems == []


def test_empty_file_is_refused_with_its_name():
    with pytest.raises(RawFormatError, match=r"empty\.txt: is empty"):
        parse(b"", "empty.txt")
    with pytest.raises(RawFormatError, match="is empty"):
        parse(b"\n  \n\r\n", "blank.txt")


def test_one_line_file_is_refused_with_name_and_line():
    with pytest.raises(RawFormatError) as err:
        parse(b"\nJust a headline\n", "one.txt")
    assert err.value.problem.line == 2
    assert "one.txt:2" in str(err.value) and "only one line" in str(err.value)


def test_header_without_body_is_refused():
    with pytest.raises(RawFormatError, match="no body paragraphs"):
        parse(raw("Headline", "Wire", "19 November 2019"), "headonly.txt")


def test_unrecognisable_date_line_keeps_the_article_and_says_so():
    article = parse(raw("Headline", "Wire", "sometime soon", "Body paragraph."), "nodate.txt")
    assert article.published is None
    assert article.paragraphs == ["Body paragraph."]
    assert len(article.problems) == 1
    assert str(article.problems[0]).startswith("nodate.txt:3: no recognisable date")
    assert "'sometime soon'" in str(article.problems[0])


def test_missing_date_line_does_not_swallow_the_first_paragraph():
    first = "The first paragraph is long prose that follows the source line directly, with no date at all."
    article = parse(raw("Headline", "Wire", first, "Second."), "nodate2.txt")
    assert article.published is None
    assert article.paragraphs == [first, "Second."]
    assert "no date line" in str(article.problems[0])


def test_missing_source_line_is_detected_when_line_two_is_the_date():
    article = parse(raw("Headline", "3 May 2021", "Body."), "nosource.txt")
    assert article.source is None
    assert article.published == datetime(2021, 5, 3)
    assert article.paragraphs == ["Body."]
    assert "nosource.txt:2" in str(article.problems[0])


def test_non_utf8_file_is_read_with_a_warning_naming_file_and_line():
    data = "Caf\u00e9 headline\nWire\n19 November 2019\nA caf\u00e9.\n".encode("latin-1")
    article = parse(data, "latin.txt")
    assert article.headline == "Caf\u00e9 headline"
    assert article.paragraphs == ["A caf\u00e9."]
    assert str(article.problems[0]).startswith("latin.txt:1: is not valid UTF-8")


@pytest.mark.parametrize(
    "line",
    [
        "NEWSLETTER", "|", "* * *", "---", "Join the Example.org mailing list |", "Sign up for our daily briefing",
        "Subscribe to our newsletter", "Share this article", "Share on Facebook", "Advertisement",
        "Related reading: more on the talks", "Related Articles", "Read more:", "Follow us on social media",
        "Follow Tam Odell on Twitter @tamodell_news.", "“Follow her on Instagram: @rivka.writes”",
        "© 2019 Example Media. All rights reserved.",
    ],
)
def test_furniture_lines(line):
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "The US blamed the South.",
        "The ministry said it would publish a newsletter for farmers affected by the drought, officials told reporters on Monday.",
        "Readers who subscribe to the theory that talks will resume were disappointed when negotiators flew home without a date.",
        "Share prices fell.",
        "Follow the money on Twitter, investigators told the inquiry.",
        "Voters who follow him on Twitter were told to stay home.",
    ],
)
def test_article_lines_are_not_furniture(line):
    assert not is_furniture(line)


def test_only_the_trailing_run_is_stripped():
    article = parse(
        raw("Headline", "Wire", "19 November 2019", "First.", "Advertisement", "Second.", "Read more", "|", "Share this"),
        "mid.txt",
    )
    assert article.paragraphs == ["First.", "Advertisement", "Second."]
    assert article.boilerplate == ["Read more", "|", "Share this"]


def test_boilerplate_never_eats_the_header():
    article = parse(raw("Newsletter", "Sign up", "19 November 2019", "Body."), "odd.txt")
    assert article.headline == "Newsletter" and article.source == "Sign up"


def test_control_characters_are_cleaned_with_a_warning_naming_file_and_lines():
    data = raw("Headline\fwith a page break", "Wire", "19 November 2019", "Plain first paragraph.",
               "Pasted\x00 text\x1b with\vbreaks.", "Also\x7f here.")
    article = parse(data, "pasted.txt")
    assert article.headline == "Headline with a page break"
    assert article.paragraphs == ["Plain first paragraph.", "Pasted text with breaks.", "Also here."]
    assert [s.text for s in article.sentences][-2:] == ["Pasted text with breaks.", "Also here."]
    (problem,) = article.problems
    assert str(problem).startswith("pasted.txt:1: has control characters (U+0000 NUL, U+000B VT, U+000C FF, U+001B ESC, U+007F DEL) on lines 1, 5, 6")


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_files_with_a_bom_are_decoded(codec):
    text = "Caf\u00e9 headline \u2014 \u00a31m\r\nWire\r\n19 November 2019\r\nA caf\u00e9 paragraph.\r\n"
    data = text.encode(codec)
    if codec.endswith(("-le", "-be")):
        data = "\ufeff".encode(codec) + data
    article = parse(data, "wide.txt")
    assert article.headline == "Caf\u00e9 headline \u2014 \u00a31m"
    assert article.paragraphs == ["A caf\u00e9 paragraph."]
    assert article.problems == []


@pytest.mark.parametrize(
    "data",
    [b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, b"\x00" * 64, b"PK\x03\x04" + bytes(200), bytes(range(1, 32)) * 40],
    ids=["png", "nuls", "zip", "controls"],
)
def test_binary_files_are_refused_by_name(data):
    with pytest.raises(RawFormatError, match=r"^blob\.txt: is a binary file, not text"):
        parse(data, "blob.txt")


def test_windows_1252_codes_saved_as_latin1_are_read_as_their_characters():
    article = parse(raw("Headline", "Wire", "19 November 2019", "They don\x92t know \x93why\x94 \x81yet."), "mojibake.txt")
    assert article.paragraphs == ["They don\u2019t know \u201cwhy\u201d yet."]
    assert "U+0092" in str(article.problems[0]) and "mojibake.txt:4:" in str(article.problems[0])
