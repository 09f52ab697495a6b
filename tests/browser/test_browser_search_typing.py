"""Search as you type, in a real Chromium with the real lunr.js, on a small synthetic site of its own.

The last word matches as a prefix while it is typed, a query that finds nothing is retried one edit away and
says "did you mean", a quoted phrase keeps only the articles whose text has it, and typing a query one
character at a time fetches each file once, one script included, within a byte budget. Every sentence
below is written for this test.
"""

from __future__ import annotations

import gzip
import re
from urllib.parse import urlsplit

import pytest

from browsing import Visit
from conftest import build_and_serve, synthetic, write_raw

pytestmark = pytest.mark.browser
PANEL = ".search-panel"
ARTICLES = ".search-panel .search-results li:not(.search-entity)"

HARBOUR = "Synthetic harbour council reopens the north quay"
BRAMBLE = "Synthetic Bramley bramble brawl at the allotments"
FARM = "Synthetic farm notes from the valley"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("typing")
    news = root / "corpus" / "news"
    write_raw(news, "harbour.txt", HARBOUR, "Synthetic Wire North", "2022-03-01 09:00", [
        "Ingrid Brandvold, who chairs the harbour council, said on Tuesday that grain exports rose in the spring.",
        "Brandvold added that the north quay would reopen once the cranes were repaired.",
    ])
    write_raw(news, "bramble.txt", BRAMBLE, "Synthetic Wire South", "2022-03-02 09:00", [
        "Tobias Bramley said the bramble hedge had started a brawl between neighbours at the allotments.",
        "Exports of grain from the valley fell, Bramley noted, but nobody at the allotments minded.",
    ])
    write_raw(news, "farm.txt", FARM, "Synthetic Wire South", "2022-03-03 09:00", [
        "The grain harvest in the valley came in late this year.",
        "Exports from the farm cooperative stayed steady, its treasurer said.",
    ])
    synthetic.write_raw(news, 4)
    served = build_and_serve(root / "corpus", root / "out")
    yield served
    served["stop"]()


@pytest.fixture()
def visit(browser, site):
    v = Visit(browser, site["base"])
    v.requests = []
    v.page.on("request", lambda r: v.requests.append(r.url))
    v.page.goto(f"{site['base']}/archives/")
    yield v
    v.close()
    assert v.errors == [] and v.outside == [] and v.not_found == []


def settled(visit: Visit, typed: str) -> str:
    """Wait until the panel's list and status answer ``typed`` (its last step: every shown result fetched)."""
    visit.page.wait_for_function(
        """(typed) => { const list = document.querySelector('.search-panel .search-results');
            const status = document.querySelector('.search-panel .search-status').textContent;
            return list.dataset.query === typed && status.includes('\\u201c' + typed + '\\u201d'); }""", arg=typed)
    return visit.page.inner_text(f"{PANEL} .search-status")


def type_slowly(visit: Visit, query: str) -> list[str]:
    """Type one character at a time, each prefix's results settled before the next key: the statuses."""
    visit.page.focus("#site-search-q")
    statuses = []
    for n in range(1, len(query) + 1):
        visit.page.keyboard.type(query[n - 1])
        statuses.append(settled(visit, query[:n]))
    return statuses


def titles(visit: Visit) -> list[str]:
    return [t.splitlines()[0] for t in visit.page.locator(ARTICLES).all_inner_texts()]


def test_a_partial_surname_finds_the_person_while_typing(visit):
    statuses = type_slowly(visit, "Brandv")
    assert HARBOUR in titles(visit)
    assert "brandv*" in statuses[-1] and not statuses[-1].startswith("No ")
    # one letter: no search yet, and no "No articles match" for it
    assert statuses[0].startswith("Keep typing")


def test_a_word_one_letter_off_finds_the_person_and_says_did_you_mean(visit):
    visit.page.fill("#site-search-q", "Brendvold")
    status = settled(visit, "Brendvold")
    assert HARBOUR in titles(visit)
    assert "Did you mean \u201cBrandvold\u201d?" in status and "brendvold~1" in status
    marks = visit.page.locator(f"{PANEL} .snippet mark").all_inner_texts()
    assert "Brandvold" in marks or "Brandvold," in marks


def test_a_quoted_phrase_is_exact(visit):
    visit.page.fill("#site-search-q", "grain exports")
    settled(visit, "grain exports")
    loose = titles(visit)
    assert {HARBOUR, BRAMBLE, FARM} <= set(loose)  # either word, anywhere
    visit.page.fill("#site-search-q", '"grain exports"')
    status = settled(visit, '"grain exports"')
    exact = titles(visit)
    # the two words apart ("exports of grain", or in two sentences) no longer match; the phrase does
    assert HARBOUR in exact and BRAMBLE not in exact and FARM not in exact
    assert exact == [t for t in loose if t in exact]  # lunr's order, filtered
    assert "exact phrase \u201cgrain exports\u201d" in status and status.split(" ")[0] == str(len(exact))
    visit.page.fill("#site-search-q", '"exports grain"')
    assert settled(visit, '"exports grain"').startswith("No articles match")
    assert titles(visit) == []


def test_the_search_page_says_did_you_mean_too(browser, site):
    visit = Visit(browser, site["base"])
    try:
        visit.page.goto(f"{site['base']}/search/?q=Brendvold")
        visit.page.wait_for_function("document.querySelector('.search-page .search-status').textContent.includes('mean')")
        assert "Did you mean \u201cBrandvold\u201d?" in visit.page.inner_text(".search-page .search-status")
        assert HARBOUR in visit.page.inner_text(".search-results-page")
        assert visit.errors == [] and visit.outside == []
    finally:
        visit.close()


def test_typing_fetches_each_file_once_within_the_budget(visit, site):
    """Every prefix of the query settles before the next key: the files fetched are the same on every run."""
    visit.requests.clear()  # the page's own files: fetched before focus
    statuses = type_slowly(visit, "Brandvold")
    assert HARBOUR in titles(visit)
    assert all(not s.startswith("No ") for s in statuses)
    fetched = [u for u in visit.requests if "/search/" in u or u.endswith(("search-lunr.js", "lunr.min.js", "search-shards.js"))]
    paths = [urlsplit(u).path for u in fetched]
    assert len(paths) == len(set(paths)), sorted(p for p in paths if paths.count(p) > 1)
    names = [p.rsplit("/", 1)[1] for p in paths]
    assert names[:2] == ["search-lunr.js", "manifest.json"] or sorted(names[:2]) == ["manifest.json", "search-lunr.js"]
    assert "lunr.min.js" not in names and "search-shards.js" not in names  # one script, not two
    assert not [n for n in names if n in ("vocab.json", "lunr-index.json", "store.json") or re.fullmatch(r"v\d+\.json", n)]
    out = site["output"]
    sizes = {p: len(gzip.compress((out / p.removeprefix("/sub/")).read_bytes(), 6)) for p in paths}
    assert sum(sizes.values()) <= 25_000, sizes


def test_a_stale_prefixs_fetch_does_not_block_and_is_cancelled(visit, site):
    """The display file wanted for "Bra" never arrives; "Brandvold" shows its own result anyway, and the stale
    fetch is aborted once the newer results show."""
    page = visit.page
    held, failed = [], []
    hold = {"on": True}

    def route(r):
        if hold["on"]:
            held.append(r)  # never answered
        else:
            r.continue_()

    page.route("**/search/s-*/d/*.json", route)
    page.on("requestfailed", lambda r: failed.append((r.url, r.failure)))
    page.fill("#site-search-q", "Bra")
    for _ in range(200):
        if held:
            break
        page.wait_for_timeout(50)
    assert held, "the prefix's first result was never asked for"
    stale = {r.request.url for r in held}
    hold["on"] = False
    page.fill("#site-search-q", "Brandvold")
    settled(visit, "Brandvold")
    assert titles(visit)[0] == HARBOUR
    assert {u for u, why in failed} >= stale and all("ABORTED" in why for u, why in failed if u in stale)
