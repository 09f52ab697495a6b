"""What the sidebar's "Who said what" lists: quotes with a speaker, and any quote longer than a few words."""

from newsreader.annotated import ArticleAnnotations


def quote(text, speaker=None):
    return {"text": text, "speaker_name": speaker, "speaker_href": None, "anchor": "q", "partial": False}


def test_a_few_quoted_words_no_one_says_are_not_listed_as_said():
    quotes = [quote("zero-sum"), quote("Harbour Hour"), quote("a proper bridge", "Ada Voss"),
              quote("We will rebuild the pier by spring"), quote("open all night")]
    ann = ArticleAnnotations(quotes=quotes)
    assert [q["text"] for q in ann.listed_quotes] == ["a proper bridge", "We will rebuild the pier by spring"]
    assert [(g["name"], len(g["quotes"])) for g in ann.quote_groups] == [("Ada Voss", 1), (None, 1)]
    assert len(ann.quotes) == 5  # the text and the export keep them all
