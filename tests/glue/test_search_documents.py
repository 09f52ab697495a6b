"""The search documents and what results show hold an article's words, not the embed markup left in them."""

from datetime import datetime
from types import SimpleNamespace

from newsreader.core.text.rawformat import parse
from newsreader.search import documents_and_store

RAW = ('Harbour levels rise\nCoast Desk\n2031-05-02 09:00\nThe watch posted a warning.\n'
       '<tweet id="901" author="@HarbourWatch" datetime="2031-05-02">Stay off <a href="https://example.org/p">'
       'Pier Nine</a> tonight.</tweet>\n')


def test_search_leaves_the_embed_markup_out():
    raw = parse(RAW.encode(), "harbour.txt")
    article = SimpleNamespace(raw=raw, newsreader=SimpleNamespace(entities=[]), date=datetime(2031, 5, 2, 9),
                              url="news/harbour/", slug="harbour", category="Coast Desk", date_unknown=False)
    docs, store = documents_and_store([article], "/site")
    assert "Stay off Pier Nine tonight." in docs[0]["body"]
    shown = [text for _, text in store["docs"][0]["p"]]
    assert "Stay off Pier Nine tonight." in shown
    assert not any(word in docs[0]["body"] + " ".join(shown) for word in ("tweet", "href", "901", "author"))
