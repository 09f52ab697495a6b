"""Quotes and figures in the built site: JSON, marks in the text, the sidebar, entity pages."""

from __future__ import annotations

import re

from test_site_entities import SLUG, article_json


def test_quotes_in_the_json(seed_site):
    out, _ = seed_site
    quotes = article_json(out)["quotes"]
    assert all(set(q) == {"speaker", "speaker_name", "text", "sentence", "partial"} for q in quotes)
    by_sentence = {q["sentence"]: q for q in quotes}
    assert by_sentence["s3"]["speaker"] == "foreign-ministry-south-korea"
    assert "mutually acceptable Special Measures Agreement (SMA) framework" in by_sentence["s3"]["text"]
    assert by_sentence["s7"]["speaker"] == by_sentence["s8"]["speaker"] == "james-dehart"
    assert by_sentence["s9"] == {"speaker": "jeong-eun-bo", "speaker_name": "Jeong Eun-bo", "text": "considerable gap",
                                 "sentence": "s9", "partial": True}
    assert by_sentence["s11"]["speaker"] is None and by_sentence["s11"]["speaker_name"] == "ruling party lawmakers"
    assert by_sentence["s11"]["text"].startswith("refuse to ratify")


def test_quotes_are_marked_with_their_speaker_and_listed(seed_site):
    out, _ = seed_site
    html = (out / "news" / SLUG / "index.html").read_text(encoding="utf-8")
    # Marked quietly, in typographic quotes; the speaker is named after a paragraph only when it does not say who speaks.
    assert '<span id="s9-q5" class="quote">“considerable gap”</span>' in html
    notes = re.findall(r'<div class="said-by">(.*?)</div>', html)
    assert notes == ['<span class="said-by-label">Quoted:</span> <a href="/entity/james-dehart/">James DeHart</a>']
    assert "speaker unknown" not in html.split('<aside class="sidebar"')[0]
    section = html.split('id="quotes-heading"')[1].split("</details>")[0]
    assert 'href="/entity/james-dehart/">James DeHart</a>' in section and 'href="#s8-q4"' in section
    # A quote of a few words inside a sentence is shown as such, not tagged "(partial)".
    assert "ruling party lawmakers" in section and "(partial)" not in section and "“…considerable gap…”" in section


def test_figures_and_the_checked_comparison(seed_site):
    out, _ = seed_site
    data = article_json(out)
    assert {f["name"] for f in data["figures"]} == {"$5 billion", "$896 million", "28,500 troops"}
    (c,) = data["comparisons"]
    assert (c["a"], c["b"], c["consistent"]) == ("$5 billion", "$896 million", True)
    html = (out / "news" / SLUG / "index.html").read_text(encoding="utf-8")
    # The check in words (issue 24), not "✓ Checked: $5 billion vs $896 million — 5,000 / 896 ≈ 5.6×".
    assert "Figure checked:</span>\n$5 billion is about 5.6 times $896 million, as <a href=\"#s5\">“more than five times”</a> says." in html
    assert "✓" not in html and "≈" not in html


def test_entity_page_lists_its_quotes(seed_site):
    out, _ = seed_site
    page = (out / "entity" / "james-dehart" / "index.html").read_text(encoding="utf-8")
    assert "“Unfortunately, the proposals" in page and f'/news/{SLUG}/#s8' in page
