"""The entities index stays usable with hundreds of names: types with counts, names met in one article only folded
away, and a filter box (the full list still works without JavaScript)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest


class _Index(HTMLParser):
    """Each list item's text on the entities page, with whether it sits in a folded <details>."""

    def __init__(self):
        super().__init__()
        self.items: list[tuple[str, bool, str]] = []  # (text, folded, section type)
        self.section, self.folded, self.text, self.in_item, self.summaries = "", 0, "", False, []
        self.in_summary = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section" and "entity-type" in (attrs.get("class") or ""):
            self.section = attrs.get("aria-labelledby", "")
        elif tag == "details":
            self.folded += 1
        elif tag == "summary":
            self.in_summary, self.text = True, ""
        elif tag == "li" and self.section:
            self.in_item, self.text = True, ""

    def handle_endtag(self, tag):
        if tag == "details":
            self.folded -= 1
        elif tag == "summary":
            self.in_summary = False
            self.summaries.append((self.section, " ".join(self.text.split())))
        elif tag == "li" and self.in_item:
            self.in_item = False
            self.items.append((" ".join(self.text.split()), self.folded > 0, self.section))

    def handle_data(self, data):
        if self.in_item or self.in_summary:
            self.text += data


def _index(output):
    parser = _Index()
    parser.feed((output / "entity" / "index.html").read_text(encoding="utf-8"))
    return parser


def test_names_met_in_one_article_only_are_folded_below_the_recurring_ones(fixture_site):
    index = _index(fixture_site[0])
    people = [(text, folded) for text, folded, section in index.items if section == "person"]
    recurring = [text for text, folded in people if not folded]
    once = [text for text, folded in people if folded]
    assert recurring and once
    assert all(re.search(r"\b([2-9]|\d\d+) articles\b", text) for text in recurring)
    assert all(text.endswith(" 1 article") for text in once)
    assert any(text.startswith("Alma Veress ") for text in recurring)  # a synthetic name in many articles
    assert any(text.startswith("James DeHart ") for text in once)  # the seed article's negotiator
    assert ("person", f"{len(once)} more named in one article only") in index.summaries


def test_a_site_where_no_name_recurs_folds_nothing(seed_site):
    index = _index(seed_site[0])
    assert index.items and not any(folded for _, folded, _ in index.items) and not index.summaries


@pytest.mark.browser
def test_the_filter_narrows_the_lists_to_the_typed_name_and_opens_a_folded_list(browser, subpath_server):
    page = browser.new_page()
    try:
        page.goto(f"{subpath_server['base']}/entity/")
        box = page.get_by_label("Filter by name")
        assert box.is_visible()  # shown by the script: hidden in the HTML for readers without it

        def visible():
            return [" ".join(t.split()) for t in page.locator(".entity-index li:visible").all_inner_texts()]

        everything = len(visible())
        box.fill("veress")
        assert [t.split(" ")[:2] for t in visible()] == [["Alma", "Veress"]]
        assert page.locator("#entity-filter-count").inner_text() == "1 entity"
        box.fill("DEHART")  # case aside; only in the folded list of names met once
        assert [t.split(" ")[:2] for t in visible()] == [["James", "DeHart"]]
        assert page.locator("details.entity-once[open]").count() == 1
        assert page.locator("section.entity-type:visible").count() == 1
        box.fill("no such name anywhere")
        assert visible() == [] and page.locator(".entity-filter-none").is_visible()
        box.fill("")
        assert len(visible()) == everything and page.locator("details.entity-once[open]").count() == 0
        assert not page.locator(".entity-filter-none").is_visible()
    finally:
        page.close()
