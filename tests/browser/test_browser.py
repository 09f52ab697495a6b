"""The built site in a real Chromium (Debian's package, driven by Playwright), served under a subpath."""

from __future__ import annotations

from pathlib import Path

import pytest

from browsing import Visit
from conftest import ROOT, build_and_serve

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SEED_URL = "news/us-south-korea-military-cost-sharing-talks-collapse/"
MAIN_PAGES = ["", SEED_URL, "search/", "search/?q=military", "archives/", "source/", "source/iran-press-tv/", "404.html", "timeline/", "entity/",
              "entity/james-dehart/", "entity/united-states/"]


def built_pages(output: Path) -> list[str]:
    return sorted(str(p.relative_to(output)).replace("index.html", "") for p in output.rglob("*.html"))


@pytest.mark.slow
def test_every_page_loads_cleanly_under_the_subpath(browser, subpath_server):
    base = subpath_server["base"]
    pages = built_pages(subpath_server["output"])
    assert SEED_URL in pages and len(pages) >= 8
    visit = Visit(browser, base)
    for path in pages:
        response = visit.page.goto(f"{base}/{path}")
        assert response.status == 200, path
        visit.page.wait_for_load_state("load")
        # Every stylesheet and script the page names really loaded from under /sub/.
        assert visit.page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--measure')") == "68ch"
        assert visit.page.evaluate("window.__pwned") is None, path
    visit.close()
    assert visit.errors == []
    assert visit.outside == []
    assert visit.not_found == [] and subpath_server["missing"] == []


def test_links_from_the_archives_reach_the_seed_article(browser, subpath_server):
    base = subpath_server["base"]
    visit = Visit(browser, base)
    visit.page.goto(f"{base}/")
    visit.page.get_by_role("link", name="Archives").click()
    visit.page.get_by_role("link", name="US-South Korea military cost-sharing talks collapse").click()
    visit.page.wait_for_url(f"{base}/{SEED_URL}")
    assert visit.page.locator("h1").inner_text() == "US-South Korea military cost-sharing talks collapse"
    assert visit.page.locator(".article-body p").count() == 13
    # Every stylesheet applied: the body is constrained to a reading measure.
    assert visit.page.evaluate("document.styleSheets.length") >= 1
    visit.close()
    assert visit.errors == [] and visit.not_found == [] and visit.outside == []


def test_hostile_markup_shows_as_text_and_never_runs(browser, subpath_server):
    base = subpath_server["base"]
    visit = Visit(browser, base)
    visit.page.goto(f"{base}/archives/")
    visit.page.get_by_role("link", name="Synthetic test fixture").click()
    visit.page.wait_for_load_state("load")
    assert "<script>" in visit.page.locator("h1").inner_text()
    assert "onerror" in visit.page.locator(".article-body").inner_text()
    assert visit.page.locator(".article-body img, .article-body a[href^='javascript']").count() == 0
    assert visit.page.evaluate("window.__pwned") is None
    assert "<script>" in visit.page.title()
    visit.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", MAIN_PAGES)
def test_no_serious_accessibility_violations(browser, subpath_server, path, scheme):
    assert AXE.exists(), "run `npm ci` (invoke test does) to install axe-core"
    assert axe_serious(browser, subpath_server["base"], path, scheme) == []


def axe_serious(browser, base: str, path: str, scheme: str = "light") -> list[str]:
    visit = Visit(browser, base, color_scheme=scheme)
    visit.page.goto(f"{base}/{path}")
    visit.page.add_script_tag(path=str(AXE))
    result = visit.page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    visit.close()
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


@pytest.mark.slow
def test_timeline_split_by_year_loads_cleanly_and_is_accessible(browser, fixture_corpus, tmp_path):
    served = build_and_serve(fixture_corpus, tmp_path / "out", args=("-e", "NEWSREADER_TIMELINE_SPLIT=100"))
    try:
        base = served["base"]
        years = sorted((served["output"] / "timeline").glob("*/index.html"))
        assert len(years) > 3
        visit = Visit(browser, base)
        visit.page.goto(f"{base}/timeline/")
        visit.page.locator(".tl-index a.tl-year").last.click()  # the newest year (years read oldest first)
        visit.page.wait_for_load_state("load")
        assert visit.page.url == f"{base}/timeline/{years[-1].parent.name}/"
        visit.page.get_by_role("link", name=years[-2].parent.name, exact=True).click()  # its older neighbour
        visit.page.wait_for_load_state("load")
        assert visit.page.locator("h1").inner_text() == f"Timeline: {years[-2].parent.name}"
        visit.page.locator(".tl-source a").first.click()  # an event's sentence in its article
        visit.page.wait_for_load_state("load")
        assert "/news/" in visit.page.url and "#s" in visit.page.url
        visit.close()
        assert visit.errors == [] and visit.outside == [] and visit.not_found == [] and served["missing"] == []
        for path in ("timeline/", f"timeline/{years[0].parent.name}/"):
            for scheme in ("light", "dark"):
                assert axe_serious(browser, base, path, scheme) == [], (path, scheme)
    finally:
        served["stop"]()


def test_theme_toggle_is_remembered_and_applied_before_other_scripts(browser, subpath_server):
    base = subpath_server["base"]
    visit = Visit(browser, base, color_scheme="light")
    page = visit.page
    page.goto(f"{base}/{SEED_URL}")
    light_bg = page.evaluate("getComputedStyle(document.body).backgroundColor")
    dark = page.get_by_role("radio", name="Dark")
    assert not dark.is_checked()
    dark.check()
    assert dark.is_checked()
    dark_bg = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert dark_bg != light_bg
    # Reload with the deferred UI script blocked: the saved theme still applies from <head>.
    page.route("**/ui.js", lambda route: route.fulfill(status=200, body="", content_type="text/javascript"))
    page.reload()
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == dark_bg
    visit.close()


def test_sentence_anchor_is_marked_when_targeted(browser, subpath_server):
    base = subpath_server["base"]
    visit = Visit(browser, base)
    visit.page.goto(f"{base}/{SEED_URL}#s5")
    plain = visit.page.evaluate("getComputedStyle(document.getElementById('s4')).backgroundColor")
    marked = visit.page.evaluate("getComputedStyle(document.getElementById('s5')).backgroundColor")
    assert marked != plain
    assert visit.page.locator("#s5").inner_text().startswith("According to South Korean lawmakers")
    visit.close()


@pytest.mark.parametrize("path", ["", SEED_URL, "archives/"])
def test_no_horizontal_scrolling_at_320_pixels(browser, subpath_server, path):
    base = subpath_server["base"]
    visit = Visit(browser, base, viewport={"width": 320, "height": 640})
    visit.page.goto(f"{base}/{path}")
    assert visit.page.evaluate("document.documentElement.scrollWidth") <= 320
    visit.close()


def test_reading_measure_and_base_size(browser, subpath_server):
    base = subpath_server["base"]
    visit = Visit(browser, base, viewport={"width": 1400, "height": 900})
    visit.page.goto(f"{base}/{SEED_URL}")
    size = visit.page.evaluate("parseFloat(getComputedStyle(document.querySelector('.article-body p')).fontSize)")
    chars = visit.page.evaluate(
        """() => { const p = document.querySelector('.article-body p');
                   const c = document.createElement('canvas').getContext('2d');
                   c.font = getComputedStyle(p).font;
                   const avg = c.measureText('abcdefghijklmnopqrstuvwxyz ').width / 27;
                   return p.getBoundingClientRect().width / avg; }"""
    )
    visit.close()
    assert 17 <= size <= 20
    assert 45 <= chars <= 90
