"""Timeline entries: a short line around the date phrase, a reason in plain words, repeats once."""

from newsreader.core.timex.timeline_entry import clause, entry_fields, plainly, unique


def test_the_line_is_the_clause_around_the_phrase_trimmed():
    text = ("Officials said, after a long night of talks in the capital, that the delegates left the building "
            "on Friday before the deadline that everyone had been expecting to pass quietly.")
    before, phrase, after = clause(text, "Friday")
    assert (before, phrase, after) == ("…the delegates left the building on ", "Friday", " before the deadline that everyone…")


def test_a_short_sentence_is_not_cut():
    assert clause("The vote was held in May.", "May") == ("The vote was held in ", "May", ".")


def test_a_clause_boundary_stops_the_line():
    assert clause('"We will return in March," he said.', "March") == ("…We will return in ", "March", "")


def test_a_phrase_alone_in_its_clause_shows_the_clause_after_it():
    assert clause("Last month, the harbour board doubled the mooring fees.", "Last month") == (
        "", "Last month", ", the harbour board doubled the…")
    assert clause("Then, on Friday, the pier reopened.", "Friday") == ("…on ", "Friday", "")  # words before: as before


def test_the_reason_is_written_for_people():
    assert plainly("'Tuesday', the most recent Tuesday on or before 19 Nov 2019") == "The Tuesday before publication (19 Nov 2019)"
    assert plainly("'Friday', the next Friday on or after 19 Nov 2019 (future tense)") == "The Friday after publication (19 Nov 2019)"
    assert plainly("'this week' relative to 19 Nov 2019") == "Counted from publication (19 Nov 2019)"
    assert plainly("'66-year-old alliance', 66 years before 19 Nov 2019") == "66 years before publication (19 Nov 2019)"
    assert plainly("'2019'") == "Date given in the text"


def test_a_wrapped_phrase_gives_the_reason_of_the_phrase_it_wraps():
    assert plainly("'early this month': 'this month' relative to 19 Nov 2019") == "Counted from publication (19 Nov 2019)"
    assert plainly("'late May': 'May', the nearest May on or before 19 Nov 2019") == "The May before publication (19 Nov 2019)"
    assert plainly("'mid-2019': '2019'") == "Date given in the text"


def test_no_reason_a_reader_sees_opens_with_punctuation():
    from newsreader.core import nlp as nlp_module
    from newsreader.core.annotate import annotate_one
    from newsreader.core.text.rawformat import parse

    body = ("The ferry company cut its fares early this month. Its rival raised them in late May and again in "
            "mid-2019. Late last year the harbour board met, and it meets again later this week.")
    article = parse(f"Synthetic fixture\nFixture Wire\n19 November 2019\n{body}\n".encode(), "fixture.txt")
    events = annotate_one(article, list(nlp_module.load().pipe(article.paragraphs)))["events"]
    reasons = [entry_fields(e)["reason"] for e in events]
    assert len(reasons) >= 4 and all(r[:1].isalnum() for r in reasons), reasons


def test_identical_events_in_one_sentence_appear_once():
    a = {"sentence": "s2", "date": "2019-11-19", "precision": "day", "phrase": "Tuesday"}
    b = dict(a, phrase="that Tuesday")
    c = dict(a, sentence="s3")
    assert unique([a, b, c]) == [a, c]
    assert unique([dict(a, article="x"), dict(a, article="y")]) == [dict(a, article="x"), dict(a, article="y")]


def test_entry_fields_are_plain_text_with_typographic_quotes():
    fields = entry_fields({"text": 'He said "on Monday" it ended.', "phrase": "Monday", "explanation": "'Monday' from 3 May 2021"})
    assert fields == {"before": "…on ", "shown_phrase": "Monday", "after": "", "reason": "Counted from publication (3 May 2021)"}
