"""A Markdown article is annotated like a raw one (entities, timeline, quotes, figures, data), beside a raw one.

The two synthetic articles are written into a temporary content folder, never into content/.
"""

from __future__ import annotations

import json

import pytest

from conftest import build, write_raw

MD_SLUG = "synthetic-harbour-fees-rise-again"
TXT_SLUG = "synthetic-harbour-board-meets"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    content = tmp_path_factory.mktemp("md-content")
    news = content / "news"
    write_raw(news, "synthetic_board.txt", "Synthetic harbour board meets", "Synthetic Wire", "Monday, 2 March 2020 09:00",
              ["Harbour Minister Alma Veress met the Valdorian Harbour Authority in Tarsk on Monday.",
               "\"We will not sell the port,\" Veress said.", "Washington has offered $1 billion for the port."])
    (news / "synthetic_fees.md").write_text(
        "Title: Synthetic harbour fees rise again\nDate: 2020-03-05 10:00\nCategory: Synthetic Desk\n\n"
        "# Fees\n\n"
        "Harbour Minister Alma Veress raised the *harbour fees* on Tuesday, the [ministry](https://example.org/fees) "
        "and [a bad link](javascript:alert(1)) said.\n\n"
        "\"The port must pay its way,\" Veress said. Canberra pledged A$1 billion, about twice the "
        "$400 million Tarsk spent last year.\n\n"
        "- Fees rise by 4 per cent in July.\n",
        encoding="utf-8",
    )
    out = tmp_path_factory.mktemp("md-out")
    build(content, out)
    return out


def data(out, slug):
    return json.loads((out / "data" / "articles" / f"{slug}.json").read_text(encoding="utf-8"))


def test_markdown_article_has_entities_quotes_figures_and_events(site):
    md = data(site, MD_SLUG)
    assert md["title"] == "Synthetic harbour fees rise again" and md["source"] == "Synthetic Desk"
    assert md["published"] == "2020-03-05T10:00:00"
    names = {e["name"]: e for e in md["entities"]}
    assert names["Alma Veress"]["type"] == "person" and "Harbour Minister" in names["Alma Veress"]["roles"]
    assert names["A$1 billion"]["currency"] == "AUD" and names["$400 million"]["currency"] == "USD"
    (quote,) = md["quotes"]
    assert quote["speaker"] == names["Alma Veress"]["id"] and quote["text"] == "The port must pay its way"
    assert {f["name"]: f["currency"] for f in md["figures"] if f["type"] == "money"} == {"A$1 billion": "AUD", "$400 million": "USD"}
    assert [c["comparable"] for c in md["comparisons"]] == [False]  # dollars of two countries: not computed
    assert {(e["phrase"], e["date"]) for e in md["events"]} >= {("Tuesday", "2020-03-03"), ("last year", "2019")}


def test_one_speaker_entity_across_the_raw_and_the_markdown_article(site):
    raw = data(site, TXT_SLUG)
    md = data(site, MD_SLUG)
    assert raw["quotes"][0]["speaker"] == md["quotes"][0]["speaker"] == "alma-veress"
    page = (site / "entity" / "alma-veress" / "index.html").read_text(encoding="utf-8")
    assert "We will not sell the port" in page and "The port must pay its way" in page
    money = {e["name"]: e for e in json.loads((site / "data" / "entities.json").read_text(encoding="utf-8"))
             if e["type"] == "money"}
    assert money["A$1 billion"]["id"] != money["$1 billion"]["id"]  # same figure, two currencies, two entities
    # Both articles' events are on the site timeline.
    page = (site / "timeline" / "index.html").read_text(encoding="utf-8")
    assert f"/news/{MD_SLUG}/#" in page and f"/news/{TXT_SLUG}/#" in page


def test_markdown_page_is_annotated_and_keeps_its_formatting(site):
    html = (site / "news" / MD_SLUG / "index.html").read_text(encoding="utf-8")
    assert '<span class="sentence" id="s2">' in html and 'class="ent ent-person"' in html
    assert 'class="quote"' in html and ">Alma Veress</a>" in html  # the quote marked, its speaker linked
    assert "<em>harbour fees</em>" in html and 'href="https://example.org/fees"' in html
    assert "javascript:" not in html and "a bad link" in html


def test_a_changed_link_alone_renders_the_markdown_page_again(tmp_path):
    """A link's target is not in the annotated text: the page's key names it (raw.marks), so a warm build shows it."""
    news, cache = tmp_path / "content" / "news", tmp_path / "cache"
    news.mkdir(parents=True)
    page = tmp_path / "out" / "news" / "synthetic-link-note" / "index.html"
    for target in ("https://example.org/first", "https://example.org/second"):
        (news / "note.md").write_text("Title: Synthetic link note\nDate: 2020-03-05 10:00\nCategory: Synthetic Desk\n\n"
                                      f"Minister Alma Veress read the [report]({target}) on Tuesday.\n", encoding="utf-8")
        build(tmp_path / "content", tmp_path / "out", cache=cache)
        assert f'href="{target}"' in page.read_text(encoding="utf-8")
