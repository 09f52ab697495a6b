"""Search terms that are names of every JavaScript object's properties, and queries with no word, in Chromium."""

from __future__ import annotations

import shutil

import pytest

from browsing import Visit
from conftest import SEED_DIR, build_and_serve, write_raw

pytestmark = pytest.mark.browser
STATUS = ".search-panel .search-status"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("terms")
    news = root / "corpus" / "news"
    news.mkdir(parents=True)
    for seed in SEED_DIR.glob("*.txt"):
        shutil.copyfile(seed, news / seed.name)
    write_raw(news, "props.txt", "Synthetic fixture on object properties", "Synthetic Wire", "2021-05-03 14:00",
              ["The __proto__ field of the constructor was read on Tuesday.", "Nothing else was said."])
    served = build_and_serve(root / "corpus", root / "out")
    yield served
    served["stop"]()


def searched(visit: Visit, query: str) -> str:
    visit.page.fill("#site-search-q", query)
    visit.page.wait_for_function("([status, query]) => { const text = document.querySelector(status).textContent;"
                                 " return text.includes('\u201c' + query + '\u201d')"
                                 " || text.includes('unavailable'); }", arg=[STATUS, query])
    return visit.page.inner_text(STATUS)


def test_proto_constructor_and_emoji_queries_answer_as_lunr_js(browser, site):
    visit = Visit(browser, site["base"])
    try:
        visit.page.goto(f"{site['base']}/")
        assert searched(visit, "talks").split(" ")[0].isdigit()  # some results are listed first
        for query in ("__proto__", "constructor", "*proto*", "__proto*"):
            status = searched(visit, query)
            assert status.startswith("1 article matches"), (query, status)
            assert visit.page.locator(".search-panel .search-results li:not(.search-entity)").count() == 1
            assert "object properties" in visit.page.inner_text(".search-panel .search-results")
        for query in ("\U0001F642", "!!!", "hasOwnProperty"):
            status = searched(visit, query)
            assert status.startswith("No articles match"), (query, status)
            assert visit.page.locator(".search-panel .search-results li:not(.search-entity)").count() == 0
        visit.page.goto(f"{site['base']}/search/?q=__proto__")
        visit.page.wait_for_function(
            "document.querySelector('.search-page .search-status').textContent.includes('proto')")
        assert visit.page.inner_text(".search-page .search-status").startswith("1 article")
        assert visit.errors == [] and visit.outside == []
    finally:
        visit.close()
