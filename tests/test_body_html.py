"""The article body is rendered from sentences, with all article text escaped."""

from newsreader.core.body_html import render_body
from newsreader.core.sentences import number_sentences


def test_every_sentence_has_an_anchor_and_a_copyable_link():
    html = render_body(number_sentences(["One. Two.", "Three."]))
    assert html.count("<p>") == 2
    for n in (1, 2, 3):
        assert f'id="s{n}"' in html and f'href="#s{n}"' in html


def test_markup_in_text_is_escaped():
    html = render_body(number_sentences(['<script>alert(1)</script> and <img src=x onerror="x()"> & more.']))
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&amp; more" in html
