"""The article page at any length (issues 24 and 25), in a real Chromium, on a realistic archive: 90 synthetic articles,
many people and organisations each (most named once), one of about 2,400 words with dozens of quotes and events.

The sidebar stays within a screen of the article's end on a desktop and the furniture within three screens on a phone;
an article links on to its source's previous and next article and to related ones; Quiet highlights mark (and make
focusable) only the first mention of an entity in a paragraph; the labels are plain; the page is valid, accessible
and a small multiple of its text in bytes.
"""

from __future__ import annotations

import json
import re

import pytest

import synthetic
from browsing import Visit
from conftest import build_and_serve
from test_browser import AXE
from test_html_valid import validate

pytestmark = pytest.mark.browser
DESKTOP = {"viewport": {"width": 1440, "height": 900}}
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}


@pytest.fixture(scope="session")
def archive(tmp_path_factory):
    """The archive shape of scripts/synthetic.py built once, served under /sub/; with its longest article."""
    content = tmp_path_factory.mktemp("archive")
    synthetic.write_raw(content / "news", 90, shape="archive")
    served = build_and_serve(content, tmp_path_factory.mktemp("archive-out"))
    data = {}
    for path in sorted((served["output"] / "data" / "articles").glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        data[record["slug"]] = record
    longest = max(data.values(), key=lambda r: (sum(len(s["text"]) for s in r["sentences"]), r["slug"]))
    yield dict(served, data=data, longest=longest)
    served["stop"]()


@pytest.fixture()
def visit(browser, archive):
    opened: list[Visit] = []

    def open_page(path: str, **options):
        seen = Visit(browser, archive["base"], **(options or DESKTOP))
        seen.page.goto(f"{archive['base']}/{path}")
        opened.append(seen)
        return seen.page

    yield open_page
    for seen in opened:
        seen.close()
        assert seen.errors == [] and seen.outside == [] and seen.not_found == []
    assert archive["missing"] == []


def words(record) -> int:
    return sum(len(s["text"].split()) for s in record["sentences"])


def box(page, selector: str) -> dict:
    return page.locator(selector).first.evaluate(
        "e => { const r = e.getBoundingClientRect(); return {top: r.top + scrollY, bottom: r.bottom + scrollY}; }")


def test_the_corpus_is_the_realistic_one(archive):
    longest = archive["longest"]
    assert len(archive["data"]) >= 80 and words(longest) >= 2000
    people = [e for e in longest["entities"] if e["type"] == "person"]
    assert len(people) >= 30 and len(longest["quotes"]) >= 30 and len(longest["events"]) >= 50


def test_the_sidebar_ends_within_a_screen_of_the_article_on_a_desktop(visit, archive):
    page = visit(archive["longest"]["url"])
    article, sidebar = box(page, "article.article"), box(page, ".sidebar")
    assert article["bottom"] > 5000  # a long article: the text is several screens
    assert sidebar["bottom"] - article["bottom"] <= 900
    # Sections are folded, with their counts in the summaries.
    summaries = page.locator(".side-section > summary").all_inner_texts()
    assert any(re.fullmatch(r"Who said what \d+", s.strip(), re.I) for s in summaries)
    assert page.locator(".side-section.who-said-what").get_attribute("open") is None
    # Who said what: grouped by speaker, a few shown, the rest behind "show all".
    page.locator(".who-said-what > summary").click()
    speakers = len({q["speaker_name"] for q in archive["longest"]["quotes"]})
    assert page.locator(".who-said-what > .quote-list > li").count() == 5 < speakers
    show_all = page.locator(".who-said-what .show-all > summary")
    assert show_all.inner_text() == f"Show all {speakers} speakers"
    assert not page.locator(".who-said-what .show-all .quote-list").is_visible()
    show_all.click()
    assert page.locator(".who-said-what .quote-list > li").count() == speakers


def test_a_phone_has_at_most_three_screens_of_furniture_after_the_article(visit, archive):
    page = visit(archive["longest"]["url"], **PHONE)
    body, footer = box(page, ".article-body"), box(page, ".site-footer")
    assert footer["top"] - body["bottom"] <= 3 * 844
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_previous_next_and_related_articles_work_under_the_subpath(visit, archive):
    longest = archive["longest"]
    page = visit(longest["url"])
    base = archive["base"]
    same_source = sorted((r for r in archive["data"].values() if r["source"] == longest["source"]),
                         key=lambda r: (r["published"], r["slug"]))
    at = [r["slug"] for r in same_source].index(longest["slug"])
    assert 0 < at < len(same_source) - 1  # the long article has both neighbours in this corpus
    previous, following = same_source[at - 1], same_source[at + 1]
    assert page.locator(".read-on a[rel=prev]").get_attribute("href") == f"{base}/{previous['url']}"
    related = page.locator(".read-on .related a").evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert 2 <= len(related) <= 3 and len(set(related)) == len(related)
    mine = {e["id"] for e in longest["entities"] if e["url"]}
    for href in related:
        assert href.startswith(f"{base}/news/") and href not in {f"{base}/{r['url']}" for r in (previous, following)}
        other = archive["data"][href.rstrip("/").rsplit("/", 1)[1]]
        assert mine & {e["id"] for e in other["entities"] if e["url"]}  # they share an entity with a page
    page.locator(".read-on a[rel=next]").click()
    page.wait_for_url(f"{base}/{following['url']}")
    assert page.locator("h1").inner_text() == following["title"]
    page.locator(".read-on a[rel=prev]").click()  # and back
    page.wait_for_url(f"{base}/{longest['url']}")
    page.locator(".read-on .related a").first.click()
    page.wait_for_url(related[0])
    assert page.locator(".article-body").count() == 1


def marked_per_paragraph(page) -> list[list[str]]:
    return page.locator(".article-body p").evaluate_all(
        "ps => ps.map(p => [...p.querySelectorAll('.ent')].map(e => e.getAttribute('href') || e.textContent))")


def test_quiet_marks_only_the_first_mention_of_an_entity_in_a_paragraph(visit, archive):
    longest = archive["longest"]
    page = visit(longest["url"])
    paragraph_of = {s["id"]: s["paragraph"] for s in longest["sentences"]}
    pairs = {(paragraph_of[m["sentence"]], e["id"]) for e in longest["entities"] for m in e["mentions"]}
    mentions = sum(len(e["mentions"]) for e in longest["entities"])
    marked = marked_per_paragraph(page)
    assert all(len(hrefs) == len(set(hrefs)) for hrefs in marked)  # one mark per entity per paragraph
    assert sum(len(hrefs) for hrefs in marked) == len(pairs) < mentions
    # A repeat is not underlined in Quiet mode; "Labelled" shows it.
    repeat = page.locator(".article-body span[class^='ent-']").first
    assert repeat.evaluate("e => getComputedStyle(e).textDecorationLine") == "none"
    page.get_by_role("radio", name="Labelled").check()
    assert repeat.evaluate("e => getComputedStyle(e).textDecorationLine") == "underline"
    assert repeat.evaluate("e => getComputedStyle(e, '::after').content") == "none"  # the type is said once


def test_tab_stops_in_the_text_land_only_on_marked_mentions(visit, archive):
    page = visit(archive["longest"]["url"])
    # Everything in the text that can take focus is a marked mention or a sentence's copy-a-link "#".
    kinds = page.locator(".article-body").evaluate("""b => [...b.querySelectorAll('*')].filter(e => e.tabIndex >= 0 &&
        (e.matches('a[href], button, input, select, textarea, summary') || e.hasAttribute('tabindex')))
        .map(e => e.matches('a.ent') ? 'mention' : e.matches('a.sentence-link') ? 'sentence' : e.outerHTML)""")
    assert set(kinds) == {"mention", "sentence"}
    linked = {(s["paragraph"], e["id"]) for e in archive["longest"]["entities"] if e["url"]
              for s in archive["longest"]["sentences"] for m in e["mentions"] if m["sentence"] == s["id"]}
    assert kinds.count("mention") == len(linked)
    # Walking with Tab from the text's start: each stop on a name is a marked one, first in its paragraph.
    page.locator(".article-body").evaluate("b => { const a = document.createElement('a'); a.href = '#'; a.id = 'tab-start';"
                                           " b.prepend(a); }")
    page.locator("#tab-start").focus()
    seen = []
    for _ in range(150):
        page.keyboard.press("Tab")
        seen.append(page.evaluate("""() => { const e = document.activeElement; const p = e.closest('.article-body p');
            if (!p || !e.matches('.ent, [class^="ent-"]')) return null;
            const same = [...p.querySelectorAll('.ent, [class^="ent-"]')].filter(o => o.textContent === e.textContent ||
                (o.getAttribute('href') && o.getAttribute('href') === e.getAttribute('href')));
            return [e.matches('a.ent'), same[0] === e]; }"""))
    stops = [s for s in seen if s]
    assert len(stops) >= 10 and all(s == [True, True] for s in stops)


def test_the_card_holds_the_mention_links(visit, archive):
    longest = archive["longest"]
    page = visit(longest["url"])
    busiest = max((e for e in longest["entities"] if e["url"]), key=lambda e: (len(e["mentions"]), e["id"]))
    triggers = page.locator(f".article-body a.ent[href$='/{busiest['url']}']")
    assert triggers.count() >= 2
    triggers.first.hover()
    card = page.locator("#entity-card")
    card.wait_for(state="visible")
    assert f"{len(busiest['mentions'])} mentions here" in card.inner_text()
    following = triggers.nth(1).evaluate("e => '#' + e.closest('.sentence').id")
    assert card.get_by_role("link", name="Next paragraph naming it").get_attribute("href") == following
    assert page.locator(".sidebar .mention-links, .sidebar a[href^='#'][href*='-m']").count() == 0


def test_the_furniture_speaks_plainly(visit, archive):
    longest = archive["longest"]
    page = visit(longest["url"])
    page.locator(".sidebar").evaluate("s => s.querySelectorAll('details').forEach(d => { d.open = true; })")
    text = page.locator(".sidebar").inner_text()
    for jargon in ("(partial)", "mention:", "✓", "≈", " vs ", "Date given in the text"):
        assert jargon not in text
    literal = [e for e in longest["events"] if not e["derived"] and e["date"] in e["phrase"]]
    assert literal and "Why this date?" in text  # shown for worked-out dates only
    whys = page.locator(".sidebar .event:has(.how) time").count()
    assert 0 < whys < page.locator(".sidebar .event").count()
    assert re.search(r"Named (twice|\d+ times) here", text)


def test_the_long_article_is_valid_accessible_and_small(visit, archive, tmp_path):
    longest = archive["longest"]
    page_file = archive["output"] / longest["url"] / "index.html"
    html = page_file.read_text(encoding="utf-8")
    text = sum(len(s["text"].encode("utf-8")) + 1 for s in longest["sentences"])
    # Before issue 25: 16 times the text (224 kB for 13.8 kB, under a root URL), the body alone 5 times.
    body = html[html.index('<div class="article-body">'):html.index("</article>")]
    assert len(body.encode("utf-8")) <= 3.5 * text and len(html.encode("utf-8")) <= 9 * text, (len(html), len(body), text)
    assert "data-entity=" not in html and "data-label=" not in html and "articleBody" not in html
    assert not re.search(r'<a id="s\d+-m\d+"', html)  # no per-mention ids or attributes
    # Each entity is listed once in the sidebar, money and quantities under Figures only.
    sidebar = html[html.index("<aside"):html.index("</aside>")]
    listed = re.findall(r'<ul class="entity-list">(.*?)</ul>', sidebar, re.S)
    hrefs = [h for group in listed for h in re.findall(r'<li[^>]*><a href="([^"]+)"', group)]
    assert len(hrefs) == len(set(hrefs)) and ">Money <span" not in sidebar
    (tmp_path / "page").mkdir()
    (tmp_path / "page" / "index.html").write_text(html, encoding="utf-8")
    result = validate(tmp_path / "page")
    assert result.returncode == 0, result.stdout + result.stderr
    for scheme in ("light", "dark"):
        page = visit(longest["url"], color_scheme=scheme, **DESKTOP)
        page.locator(".sidebar").evaluate("s => s.querySelectorAll('details').forEach(d => { d.open = true; })")
        page.get_by_role("radio", name="Labelled").check()
        page.locator(".article-body a.ent").first.focus()
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        serious = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]
                   if v["impact"] in {"serious", "critical"}]
        assert serious == [], scheme


def test_an_old_link_to_a_mention_lands_on_its_sentence(visit, archive):
    longest = archive["longest"]
    page = visit(f"{longest['url']}#s12-m1")
    page.wait_for_function("location.hash === '#s12'")
    assert page.locator("#s12").evaluate("e => e.matches(':target')")
