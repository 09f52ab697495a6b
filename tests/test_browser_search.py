"""Search in a real Chromium, with the real lunr.js, on the site served under a subpath."""

from __future__ import annotations

import pytest

from browsing import Visit
from test_browser import SEED_URL

pytestmark = pytest.mark.browser
SEED_TITLE = "US-South Korea military cost-sharing talks collapse"


def header_search(visit: Visit, base: str, query: str) -> str:
    page = visit.page
    if not page.url.startswith(base):
        page.goto(f"{base}/")
    page.fill("#site-search-q", query)
    page.wait_for_function("document.querySelector('.search-panel .search-status').textContent.includes('match')")
    return page.inner_text(".search-panel")


def index_requests(visit: Visit) -> list[str]:
    return [u for u in visit.requests if "/search/" in u or u.endswith(("lunr.min.js", "search-shards.js"))]


@pytest.fixture()
def visit(browser, subpath_server):
    v = Visit(browser, subpath_server["base"])
    v.requests = []
    v.page.on("request", lambda r: v.requests.append(r.url))
    yield v
    v.close()
    assert v.errors == [] and v.outside == [] and v.not_found == []


def test_index_is_fetched_only_when_the_box_is_focused(visit, subpath_server):
    base = subpath_server["base"]
    visit.page.goto(f"{base}/{SEED_URL}")
    visit.page.wait_for_timeout(300)
    assert index_requests(visit) == []
    visit.page.focus("#site-search-q")
    visit.page.wait_for_function("window.lunrShards !== undefined")
    visit.page.wait_for_timeout(200)
    assert f"{base}/search/manifest.json" in index_requests(visit)
    # Focus alone fetches lunr.js, the shard reader and the manifest: no shard, no whole index.
    assert sorted(u.rsplit("/", 1)[1] for u in index_requests(visit)) == ["lunr.min.js", "manifest.json", "search-shards.js"]


def test_typing_lists_the_seed_and_the_result_opens_it(visit, subpath_server):
    base = subpath_server["base"]
    panel = header_search(visit, base, "DeHart")
    assert SEED_TITLE in panel
    visit.page.locator(".search-panel a", has_text=SEED_TITLE).click()
    visit.page.wait_for_url(f"{base}/{SEED_URL}")
    assert visit.page.locator("h1").inner_text() == SEED_TITLE


@pytest.mark.parametrize("query", ["DeHart", "Tuesday", "military", "negotiators"])
def test_enter_shows_every_result_and_the_seed_opens(visit, subpath_server, query):
    base = subpath_server["base"]
    page = visit.page
    page.goto(f"{base}/")
    page.fill("#site-search-q", query)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base}/search/?q={query}")
    page.wait_for_function("document.querySelector('.search-page .search-status').textContent.includes('for')")
    page.locator(".search-results-page a", has_text=SEED_TITLE).click()
    page.wait_for_url(f"{base}/{SEED_URL}")
    assert page.locator("h1").inner_text() == SEED_TITLE


def test_the_search_page_without_and_with_filters(visit, subpath_server):
    base = subpath_server["base"]
    page = visit.page
    page.goto(f"{base}/search/?q=DeHart")
    page.wait_for_function("document.querySelector('.search-page .search-status').textContent.includes('for')")
    assert page.locator(".search-results-page li").count() == 1
    assert SEED_TITLE in page.inner_text(".search-results-page")
    page.wait_for_selector(".search-results-page mark")  # the snippet from the article's own sentence
    assert "DeHart" in page.inner_text(".search-results-page mark")
    page.select_option("select[data-filter=year]", "2019")
    assert page.locator(".search-results-page li").count() == 1
    page.goto(f"{base}/search/?q=talks")
    page.wait_for_function("document.querySelector('.search-page .search-status').textContent.includes('for')")
    everything = page.locator(".search-results-page li").count()
    assert everything > 1
    page.select_option("select[data-filter=source]", "Iran Press TV")
    assert page.locator(".search-results-page li").count() == 1
    assert "hidden by filters" in page.inner_text(".search-page .search-status")
    page.select_option("select[data-filter=source]", "")
    page.select_option("select[data-filter=type]", "person")
    page.select_option("select[data-filter=entity]", label="James DeHart")
    assert page.locator(".search-results-page li").count() == 1


@pytest.mark.parametrize("messy, plain", [("Monday?", "Monday"), ("U.S.", "US"), ("DeHart's", "DeHart"), ("MILITARY!", "military")])
def test_queries_are_cleaned_like_the_index(visit, subpath_server, messy, plain):
    base = subpath_server["base"]
    first = header_search(visit, base, plain).splitlines()[0]
    second = header_search(visit, base, messy).splitlines()[0]
    assert first.split(" ")[0] == second.split(" ")[0] and not first.startswith("No ")


@pytest.mark.parametrize("query", ["foo:", "~", "^", "+", "-", "title:", "+military -", "*", ":::", "talks~x", "x" * 500])
def test_malformed_queries_never_break_the_page(visit, subpath_server, query):
    base = subpath_server["base"]
    visit.page.goto(f"{base}/")
    visit.page.fill("#site-search-q", query)
    visit.page.wait_for_function("document.querySelector('.search-panel .search-status').textContent.length > 0")
    visit.page.wait_for_timeout(200)
    status = visit.page.inner_text(".search-panel .search-status")
    assert "match" in status and len(status) < 200


def test_result_text_is_inserted_as_text(visit, subpath_server):
    base = subpath_server["base"]
    panel = header_search(visit, base, "Synthetic test fixture headline quotes")
    assert "<script>" in panel
    assert visit.page.locator(".search-panel img, .search-panel script").count() == 0
    assert visit.page.evaluate("window.__pwned") is None


def test_keyboard(visit, subpath_server):
    base = subpath_server["base"]
    page = visit.page
    page.goto(f"{base}/archives/")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "site-search-q"
    page.keyboard.type("military")
    page.wait_for_function("document.querySelectorAll('.search-panel a').length > 0")
    assert page.get_attribute(".search-panel .search-status", "role") == "status"
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.closest('.search-results') !== null")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.id") == "site-search-q"
    page.keyboard.press("Escape")
    assert page.input_value("#site-search-q") == ""
    page.locator("h1").click()
    page.keyboard.press("Control+k")
    assert page.evaluate("document.activeElement.id") == "site-search-q"


def test_slash_shortcut_can_be_switched_off(visit, subpath_server):
    base = subpath_server["base"]
    page = visit.page
    page.goto(f"{base}/search/")
    page.uncheck(".slash-shortcut")
    page.goto(f"{base}/archives/")
    page.locator("h1").click()
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") != "site-search-q"
    page.keyboard.press("Control+k")
    assert page.evaluate("document.activeElement.id") == "site-search-q"


def test_an_operator_applies_to_the_word_it_was_typed_on(visit, subpath_server):
    base = subpath_server["base"]
    # "-Kraków" excludes Kraków; the hyphen inside "cost-sharing" must not shift it onto "sharing".
    header_search(visit, base, "cost-sharing -Kraków")
    results = visit.page.inner_text(".search-panel .search-results")
    assert SEED_TITLE in results and "Kraków" not in results
