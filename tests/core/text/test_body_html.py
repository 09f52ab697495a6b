"""The article body is rendered from sentences, with all article text escaped."""

from newsreader.core.text.body_html import render_body
from newsreader.core.text.sentences import number_sentences


def test_every_sentence_has_an_anchor():
    html = render_body(number_sentences(["One. Two.", "Three."]))
    assert html.count("<p>") == 2
    for n in (1, 2, 3):  # the copy-a-link "#" is added by ui.js (test_browser_reading), not written per sentence
        assert f'<span class="sentence" id="s{n}">' in html and "href=" not in html


def test_markup_in_text_is_escaped():
    html = render_body(number_sentences(['<script>alert(1)</script> and <img src=x onerror="x()"> & more.']))
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&amp; more" in html


from newsreader.core.text.body_html import article_body, mention_marks, render_snippet, typographic  # noqa: E402


def _entity(eid, etype, mentions, href=None):
    return {"id": eid, "type": etype, "href": href, "mentions": [dict(m, anchor=f"{m['sentence']}-m{n}") for n, m in enumerate(mentions, 1)]}


def test_typographic_quotes_and_dashes_keep_every_offset():
    text = "\"We won't pay,\" she said -- and 'rightly' so - in the '90s..."
    shown = typographic(text)
    assert len(shown) == len(text)  # one display string per character: offsets into the text still hold
    assert "".join(shown) == "“We won’t pay,” she said — and ‘rightly’ so – in the ’90s…"


def test_marks_wrap_the_typographic_text_at_the_original_offsets():
    sentences = number_sentences(['"Seoul" said no.'])
    seoul = _entity("seoul", "place", [{"sentence": "s1", "start": 1, "end": 6}], href="/entity/seoul/")
    html = article_body(sentences, [seoul], [])
    assert '“<a class="ent ent-place" href="/entity/seoul/">Seoul</a>” said no.' in html
    assert render_snippet('"Seoul" said no.', [{"start": 1, "end": 6}]) == "“<mark>Seoul</mark>” said no."


def test_no_type_labels_or_speakers_inside_the_text():
    sentences = number_sentences(['"We will not pay," the ministry said. "Never," it added.', 'Another "line" here.'])
    ministry = _entity("ministry", "organization", [{"sentence": "s1", "start": 23, "end": 31}], href="/entity/ministry/")
    quotes = [
        {"sentence": "s1", "start": 0, "end": 18, "anchor": "s1-q1", "speaker": "ministry", "speaker_name": "Ministry", "speaker_href": "/entity/ministry/"},
        {"sentence": "s2", "start": 0, "end": 8, "anchor": "s2-q2", "speaker": "ministry", "speaker_name": "Ministry", "speaker_href": "/entity/ministry/"},
        {"sentence": "s3", "start": 8, "end": 14, "anchor": "s3-q3", "speaker": None, "speaker_name": None, "speaker_href": None},
    ]
    html = article_body(sentences, [ministry], quotes)
    # The first paragraph names the ministry itself: no note; the unknown speaker of the second gets none either.
    assert "said-by" not in html and "unknown" not in html and "data-speaker" not in html
    assert '<span id="s1-q1" class="quote">“We will not pay,”</span>' in html


def test_an_unattributed_quote_names_its_speaker_after_the_paragraph_escaped():
    sentences = number_sentences(['"We will not pay."', "Next paragraph."])
    quotes = [{"sentence": "s1", "start": 0, "end": 18, "anchor": "s1-q1", "speaker": "x", "speaker_name": "<b>Kim</b>", "speaker_href": "/entity/x/"}]
    html = article_body(sentences, [], quotes)
    assert html.startswith('<div class="quoted"><p>')
    assert '</p><div class="said-by"><span class="said-by-label">Quoted:</span> <a href="/entity/x/">&lt;b&gt;Kim&lt;/b&gt;</a></div></div>' in html


def test_a_nationality_word_links_to_its_country_labelled_as_a_nationality():
    korea = _entity("south-korea", "place", [{"sentence": "s1", "start": 0, "end": 12, "nationality": True},
                                             {"sentence": "s1", "start": 20, "end": 31}], href="/entity/south-korea/")
    marks = mention_marks([korea], [])["s1"]
    assert marks[0]["class"] == "ent ent-place ent-nationality" and marks[0]["href"] == "/entity/south-korea/"
    assert marks[1]["class"] == "ent ent-place"  # the key may be absent


def test_only_the_first_mention_of_an_entity_in_a_paragraph_is_marked():
    sentences = number_sentences(["Ana Ruiz met Ana Ruiz. Then Ana Ruiz left.", "Ana Ruiz came back with <Ko>."])
    ana = _entity("ana", "person", [{"sentence": "s1", "start": 13, "end": 21}, {"sentence": "s1", "start": 0, "end": 8},
                                    {"sentence": "s2", "start": 5, "end": 13}, {"sentence": "s3", "start": 0, "end": 8}],
                  href="/entity/ana/")
    ko = _entity("ko", "money", [{"sentence": "s3", "start": 25, "end": 27}])
    html = article_body(sentences, [ana, ko], [])
    first, second = html.split("\n")
    # The first in reading order is marked (a link, a tab stop); repeats carry only their type's class.
    assert first.count('<a class="ent ent-person" href="/entity/ana/">Ana Ruiz</a>') == 1
    assert first.index('<a class="ent') < first.index('<span class="ent-person">Ana Ruiz</span>')
    assert first.count('<span class="ent-person">Ana Ruiz</span>') == 2
    assert second.count('<a class="ent ent-person" href="/entity/ana/">Ana Ruiz</a>') == 1  # a new paragraph
    assert '<span class="ent ent-money">Ko</span>' in second and "&lt;" in second


def test_a_quote_running_into_the_next_sentence_is_not_named_twice():
    sentences = number_sentences(['"The pier will reopen. The ferry will not," Ana Ruiz said.', '"Nor the bridge."'])
    quoted = "The pier will reopen. The ferry will not,"
    quotes = [{"sentence": "s1", "start": 1, "end": 23, "anchor": "s1-q1", "speaker": "ana-ruiz", "text": quoted,
               "speaker_name": "Ana Ruiz", "speaker_href": "/entity/ana-ruiz/"},
              {"sentence": "s3", "start": 1, "end": 16, "anchor": "s3-q1", "speaker": "ana-ruiz", "text": "Nor the bridge.",
               "speaker_name": "Ana Ruiz", "speaker_href": "/entity/ana-ruiz/"}]
    html = article_body(sentences, [], quotes)
    assert html.count('class="said-by"') == 1 and html.index('class="said-by"') > html.index("Nor the bridge")
