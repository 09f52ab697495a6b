"""The site's own pages on a realistic archive (issues 24 and 25): 90 synthetic articles of the archive shape
(``scripts/synthetic.py``: many people and bodies an article, most named once, a few recurring; one long article;
hundreds of events across years), built once for the module and served under a subpath.

- every internal link of the built site (pages, feeds, sitemap) reaches a file the build wrote, and every fragment an
  element of that page: no link points to an entity page that the page rule left out;
- the budget: at most 10 files an article, the entity pages within their share of the bytes;
- in Chromium: the timeline shows dated events as text without a click; the entities filter narrows to a typed person;
  the most-named entity's page is at most 12 screens with an article link in its first; its roles row holds at most
  three roles, none a number or an amount; vnu and axe find nothing on these pages.
"""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest

import synthetic
from browsing import Visit
from conftest import build_and_serve

ARTICLES = 90
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}
SCREEN = 844  # px: a phone screen (390 × 844)


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """The archive corpus built with SITEURL=http://127.0.0.1:PORT/sub and served from /sub/."""
    content = tmp_path_factory.mktemp("archive")
    synthetic.write_raw(content / "news", ARTICLES, shape="archive")
    served = build_and_serve(content, tmp_path_factory.mktemp("archive-out"))
    served["entities"] = json.loads((served["output"] / "data" / "entities.json").read_text(encoding="utf-8"))
    yield served
    served["stop"]()


def most_named(entities: list[dict], kind: str | None = None) -> dict:
    """The entity with a page and the most mentions (of ``kind``), ties by id."""
    return min((e for e in entities if e["url"] and (kind is None or e["type"] == kind)),
               key=lambda e: (-e["mentions"], e["id"]))


LINK = re.compile(r'(?:href|src)="([^"]*)"|<loc>([^<]*)</loc>')
ID = re.compile(r'\sid="([^"]*)"')


def test_every_internal_link_reaches_a_written_file_and_its_fragment(archive):
    out, base = archive["output"], archive["base"]
    files = [p for p in out.rglob("*") if p.suffix in {".html", ".xml"} and p.is_file()]
    assert len(files) > ARTICLES
    ids: dict[Path, set[str]] = {}
    broken, checked = [], 0
    for source in files:
        text = source.read_text(encoding="utf-8")
        for match in LINK.finditer(text):
            url = html.unescape(match.group(1) or match.group(2) or "")
            if url.startswith("#"):
                target, fragment = source, url[1:]
            elif url.startswith(base + "/") or url == base:
                parts = urlsplit(url[len(base):])
                target = out / parts.path.lstrip("/")
                if parts.path.endswith("/") or target.is_dir():
                    target = target / "index.html"
                fragment = parts.fragment
            elif url.startswith(("http://", "https://", "data:", "mailto:")) or url == "":
                continue  # other sites (none are linked) and data URLs; an empty href is not a link
            else:
                broken.append(f"{source.relative_to(out)}: not under SITEURL: {url}")
                continue
            checked += 1
            if not target.is_file():
                broken.append(f"{source.relative_to(out)} -> {url}: no such file")
            elif fragment and target.suffix == ".html":
                if target not in ids:
                    ids[target] = set(ID.findall(target.read_text(encoding="utf-8")))
                if fragment not in ids[target]:
                    broken.append(f"{source.relative_to(out)} -> {url}: no element #{fragment}")
    assert checked > 10 * ARTICLES
    assert broken == [], f"{len(broken)} broken links, the first: {broken[:10]}"


def test_the_page_rule_leaves_most_once_named_names_without_a_page(archive):
    urls = {e["id"]: e["url"] for path in (archive["output"] / "data" / "articles").glob("*.json")
            for e in json.loads(path.read_text(encoding="utf-8"))["entities"]}
    paged = {eid for eid, url in urls.items() if url}
    assert paged and len(paged) < len(urls) / 2
    for eid, url in urls.items():  # a page is written exactly for the entities whose record names one
        assert (archive["output"] / "entity" / eid / "index.html").is_file() == bool(url), eid
    listed = {e["id"]: e["url"] for e in archive["entities"]}  # entities.json: every entity, its page or null
    assert set(urls) <= set(listed) and all(listed[eid] == url for eid, url in urls.items())


def test_feeds_other_than_the_site_feed_do_not_repeat_the_texts(archive):
    from xml.etree import ElementTree  # noqa: PLC0415

    atom = "{http://www.w3.org/2005/Atom}"
    out = archive["output"]
    assert ElementTree.parse(out / "feeds" / "all.atom.xml").getroot().findall(f"{atom}entry/{atom}content")
    others = [*(out / "feeds" / "source").glob("*.atom.xml"), *(out / "entity").glob("*/feed.atom.xml")]
    assert len(others) >= 4
    for path in others:
        entries = ElementTree.parse(path).getroot().findall(f"{atom}entry")
        assert entries and all(e.find(f"{atom}content") is None and e.findtext(f"{atom}summary") for e in entries)


def test_at_most_10_files_an_article_and_entity_pages_within_their_share(archive):
    """Issue 25's budget on a realistic archive: at most 10 files an article, and the entity pages (141 kB an article
    and 761 pages for these 90 articles before the page rule) within 45 kB an article, none over 60 kB."""
    out = archive["output"]
    files = [p for p in out.rglob("*") if p.is_file()]
    assert len(files) / ARTICLES <= 10, f"{len(files) / ARTICLES:.1f} files an article"
    pages = [p for p in (out / "entity").rglob("*") if p.is_file() and p.parent != out / "entity"]
    share = sum(p.stat().st_size for p in pages)
    assert share / ARTICLES <= 45_000, f"entity pages: {share / ARTICLES:,.0f} bytes an article"
    biggest = max(pages, key=lambda p: p.stat().st_size)
    assert biggest.stat().st_size <= 60_000, biggest
    size = sum(p.stat().st_size for p in files)
    print(f"archive: {size / ARTICLES:,.0f} bytes and {len(files) / ARTICLES:.1f} files an article")


@pytest.mark.browser
@pytest.mark.parametrize("options", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_timeline_shows_dated_events_as_text_without_a_click(browser, archive, options):
    visit = Visit(browser, archive["base"], **options)
    visit.page.goto(f"{archive['base']}/timeline/")
    events = visit.page.locator(".tl-list > li").evaluate_all("""es => es.filter(e => e.checkVisibility()).map(e => [
        e.querySelector('time') && e.querySelector('time').textContent.trim(),
        e.querySelector(':scope > p').innerText.trim(), e.querySelector('.tl-source a').getAttribute('href')])""")
    assert len(events) >= 20
    for when, text, href in events:
        assert re.search(r"\d{4}", when), when  # a date a reader can place
        assert len(text.split()) >= 5, text  # a clause, never a bare "In December" or a clock time
        assert "/news/" in href and "#s" in href
    # Every year and month is a link that looks like one.
    years = visit.page.locator(".tl-index a.tl-year")
    assert years.count() >= 5
    assert years.first.evaluate("a => getComputedStyle(a).textDecorationLine") == "underline"
    visit.close()
    assert visit.errors == [] and visit.not_found == [] and visit.outside == []


@pytest.mark.browser
def test_the_entities_filter_narrows_to_a_typed_person(browser, archive):
    person = most_named(archive["entities"], "person")
    visit = Visit(browser, archive["base"], **PHONE)
    visit.page.goto(f"{archive['base']}/entity/")
    total = visit.page.locator(".entity-index li").count()
    box = visit.page.locator("#entity-filter")
    box.press_sequentially(person["name"], delay=10)
    shown = visit.page.locator(".entity-index li").evaluate_all(
        "ls => ls.filter(l => !l.hidden && l.checkVisibility()).map(l => l.querySelector('a').textContent.trim())")
    assert person["name"] in shown and len(shown) < total / 10
    assert all(person["name"].lower() in name.lower() for name in shown)
    visit.page.get_by_role("link", name=person["name"], exact=True).first.click()
    visit.page.wait_for_url(f"{archive['base']}/{person['url']}")
    visit.close()
    assert visit.errors == [] and visit.not_found == []


@pytest.mark.browser
@pytest.mark.parametrize("options", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_most_named_entity_page_summarises_within_twelve_screens(browser, archive, options):
    entity = most_named(archive["entities"])
    assert entity["mentions"] >= 50 and len(entity["articles"]) >= 10  # the corpus has a much-named entity
    visit = Visit(browser, archive["base"], **options)
    visit.page.goto(f"{archive['base']}/{entity['url']}")
    height = visit.page.evaluate("document.documentElement.scrollHeight")
    assert height <= 12 * SCREEN, f"{height} px: {height / SCREEN:.1f} screens"
    first_screen = visit.page.locator("main a[href*='/news/']").evaluate_all(
        f"as => as.filter(a => a.checkVisibility() && a.getBoundingClientRect().top < {options['viewport']['height']})"
        ".length")
    assert first_screen >= 1
    roles = visit.page.locator(".entity-roles")
    if roles.count():
        shown = roles.inner_text().split(" · ")
        assert 1 <= len(shown) <= 3
        assert not any(re.search(r"\d|[$€£¥%]|\b(?:million|billion|percent|per cent)\b", r, re.I) for r in shown), shown
    counts = visit.page.locator(".entity-counts").inner_text()
    assert str(entity["mentions"]) in counts and "Quotes" in counts and "First named" in counts
    # Related entities come before the mentions; the context sentences are text, each with one small link.
    order = visit.page.evaluate("""() => [...document.querySelectorAll('main h2')].map(h => h.id)""")
    assert order.index("related-heading") < order.index("mentions-heading")
    items = visit.page.locator(".mention-list li")
    assert items.count() >= 5
    assert items.first.locator("a").count() == 1
    # Older mentions are on further pages, with the same links into the articles.
    older = visit.page.locator("a[rel=next]")
    assert older.count() == 1
    older.click()
    visit.page.wait_for_load_state("load")
    assert "/page/2/" in visit.page.url and visit.page.locator(".mention-list li a[href*='#s']").count() >= 5
    visit.close()
    assert visit.errors == [] and visit.not_found == [] and visit.outside == []


def pages_to_check(archive) -> list[str]:
    out = archive["output"]
    years = sorted(p.parent.name for p in (out / "timeline").glob("*/index.html"))
    entity = most_named(archive["entities"])
    return ["timeline/", *(f"timeline/{y}/" for y in years[-1:]), "entity/", entity["url"], f"{entity['url']}page/2/"]


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violations_on_these_pages(browser, archive, scheme):
    from test_browser import axe_serious  # noqa: PLC0415

    for path in pages_to_check(archive):
        assert axe_serious(browser, archive["base"], path, scheme) == [], (path, scheme)


def test_these_pages_are_valid_html(archive, tmp_path):
    from test_html_valid import validate  # noqa: PLC0415

    for n, path in enumerate(pages_to_check(archive)):
        shutil.copyfile(archive["output"] / path / "index.html", tmp_path / f"page-{n}.html")
    result = validate(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def _settled(page, typed: str) -> str:
    """Wait until the header panel answers ``typed`` (its list and status name it): the status."""
    page.wait_for_function(
        """(typed) => { const list = document.querySelector('.search-panel .search-results');
            const status = document.querySelector('.search-panel .search-status').textContent;
            return list.dataset.query === typed && status.includes('\\u201c' + typed + '\\u201d'); }""", arg=typed)
    return page.inner_text(".search-panel .search-status")


def test_search_finds_the_most_named_person_while_typing_and_past_a_typo(browser, archive):
    """Issue 24 on the archive: the surname typed one key at a time finds its articles before it is complete (the
    last word matches as a prefix), and the surname one letter off finds them with a "did you mean"."""
    person = most_named(archive["entities"], "person")
    surname = person["name"].split()[-1]
    visit = Visit(browser, archive["base"], **DESKTOP)
    try:
        visit.page.goto(f"{archive['base']}/archives/")
        visit.page.focus("#site-search-q")
        partial = surname[:max(4, len(surname) - 2)]
        assert partial != surname
        for key in partial:
            visit.page.keyboard.type(key, delay=60)
        status = _settled(visit.page, partial)
        assert not status.startswith("No "), status
        marks = visit.page.locator(".search-panel .snippet mark").all_inner_texts()
        assert any(m.lower().startswith(partial.lower()) for m in marks), (status, marks)
        vowel = next(i for i in range(1, len(surname)) if surname[i] in "aeiou")
        typo = surname[:vowel] + ("o" if surname[vowel] != "o" else "a") + surname[vowel + 1:]
        visit.page.fill("#site-search-q", typo)
        status = _settled(visit.page, typo)
        assert f"Did you mean \u201c{surname}\u201d?" in status, status
        assert visit.page.locator(".search-panel .search-results li").count() > 0
        assert visit.errors == [] and visit.outside == [] and visit.not_found == []
    finally:
        visit.close()
