"""Embed markup a scraper left in an article (``<tweet …>``, ``<a href=…>``) is not shown; other tags are text."""

from newsreader.core.text.body_html import render_body, typographic
from newsreader.core.text.markup import embeds_post, hidden, visible
from newsreader.core.text.sentences import number_sentences

POST = ('<tweet id="901" author="@HarbourWatch" datetime="2031-05-02">Tide gauges at <a href="https://example.org/g">'
        'Pier Nine</a> read high today.</tweet>.')


def test_only_whole_embed_tags_are_hidden():
    assert visible(POST) == "Tide gauges at Pier Nine read high today.."
    assert [POST[a:b] for a, b in hidden(POST)] == [
        '<tweet id="901" author="@HarbourWatch" datetime="2031-05-02">', '<a href="https://example.org/g">', '</a>',
        '</tweet>']
    assert visible("Tide gauges read high<tweet/>.") == "Tide gauges read high."  # a scraper's closing form
    curly = "See <a href=\u201dhttps://example.org\u201d target=\u201d_blank\u201d>the ledger</a>."
    assert visible(curly) == "See the ledger."  # a scraper's typography turned the attribute quotes curly
    for text in ("a <b>bold</b> claim", "<script>x()</script>", "if 3 < 4 and 5 > a", "<tweet", "<a onclick=x()>",
                 "<tweets>", "<a href=\"x\" <b>>"):
        assert hidden(text) == [] and visible(text) == text


def test_the_display_blanks_the_tags_and_keeps_every_offset():
    shown = typographic(POST)
    assert len(shown) == len(POST)
    assert "".join(shown) == "Tide gauges at Pier Nine read high today.."


def test_an_embedded_post_is_set_off_and_shown_without_its_tags():
    html = render_body(number_sentences([POST, 'A <b> tag and <script>alert(1)</script> stay text.']))
    assert '<p class="embedded-post">' in html and "tweet" not in html and "href" not in html
    assert "Tide gauges at Pier Nine read high today." in html
    assert "&lt;b&gt; tag and &lt;script&gt;alert(1)&lt;/script&gt;" in html and html.count("<p>") == 1
    assert embeds_post("  " + POST) and not embeds_post("Before. " + POST) and not embeds_post("<tweet")


def test_a_call_to_action_in_capitals_is_hidden_whole_and_only_in_capitals():
    text = "Flood gates shut at noon pic.example/q SUBSCRIBE TO OUR DAILY NEWSLETTER \u2014 Port Desk (@PortDesk)"
    assert visible(text) == "Flood gates shut at noon pic.example/q  \u2014 Port Desk (@PortDesk)"
    assert visible("Readers can CLICK HERE TO SUBSCRIBE now.") == "Readers can  now."
    for text in ("Sign up for our newsletter to read more.", "THE NEWSLETTER WAS LATE", "A DESIGN UP FOR OUR NEWSLETTER"):
        assert hidden(text) == [] and visible(text) == text
