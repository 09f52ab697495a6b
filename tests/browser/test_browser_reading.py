"""The article page as a reader meets it, in a real Chromium: quiet text, entity cards, the sidebar, timelines,
the header at phone and desktop widths, the theme control, print, and livereload in a preview build."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from datetime import date

import pytest
from livereload.handlers import LiveReloadHandler

from browsing import Visit
from conftest import ROOT, SEED_DIR, SESSION_CACHE
from test_browser import AXE, SEED_URL

pytestmark = pytest.mark.browser
SLUG = SEED_URL.split("/")[1]
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}
PLAIN = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-"})


@pytest.fixture()
def article(browser, subpath_server):
    def open_article(path=SEED_URL, **options):
        visit = Visit(browser, subpath_server["base"], **(options or DESKTOP))
        visit.page.goto(f"{subpath_server['base']}/{path}")
        opened.append(visit)
        return visit.page

    opened: list[Visit] = []
    yield open_article
    for visit in opened:
        visit.close()
        assert visit.errors == [] and visit.outside == [] and visit.not_found == []


def start_of(value: str) -> date:
    """The first day a <time datetime> value stands for: 2019-11-19, 2019-W47, 2019-07, 1953."""
    if "-W" in value:
        year, week = value.split("-W")
        return date.fromisocalendar(int(year), int(week), 1)
    parts = [int(p) for p in value.split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2])


@pytest.mark.slow
def test_the_body_is_the_article_text_with_no_labels_or_speaker_tags(article, subpath_server):
    page = article()
    data = json.loads((subpath_server["output"] / "data" / "articles" / f"{SLUG}.json").read_text(encoding="utf-8"))
    paragraphs: dict[int, list[str]] = {}
    for sentence in data["sentences"]:
        paragraphs.setdefault(sentence["paragraph"], []).append(sentence["text"])
    expected = [" ".join(texts) for _, texts in sorted(paragraphs.items())]
    shown = page.locator(".article-body p").evaluate_all("ps => ps.map(p => p.innerText)")
    assert [re.sub(r"\s+", " ", s).strip().translate(PLAIN) for s in shown] == expected
    assert any("“" in s for s in shown)  # typographic quotes are shown, only shown
    labels = page.locator(".article-body .ent").evaluate_all("es => es.map(e => getComputedStyle(e, '::after').content)")
    assert labels and set(labels) == {"none"}
    styles = page.locator(".article-body .ent").evaluate_all(
        "es => es.map(e => [e.className.match(/ent-(person|organization|place|agreement|money|quantity)/)[1],"
        " getComputedStyle(e).textDecorationLine, getComputedStyle(e).textDecorationStyle])")
    assert all(line == "underline" for _, line, _ in styles)
    assert len({kind: style for kind, _, style in styles}) == len({kind for kind, _, _ in styles}) > 3
    assert page.locator(".ent-legend li").count() >= 4


def test_highlights_off_quiet_labelled_is_remembered(article):
    page = article()
    assert page.get_by_role("radio", name="Quiet").is_checked()
    page.get_by_role("radio", name="Labelled").check()
    # A small word for the type after each marked name (no upper-case superscripts: issue 24).
    first = page.locator(".article-body .ent").first
    kind = re.search(r"ent-(\w+)", first.get_attribute("class")).group(1)
    words = {"person": "person", "organization": "organisation", "place": "place", "agreement": "agreement",
             "money": "money", "quantity": "quantity"}
    label = "nationality" if "ent-nationality" in first.get_attribute("class") else words[kind]
    assert first.evaluate("e => getComputedStyle(e, '::after').content") == f'"{label}"'
    assert first.evaluate("e => [getComputedStyle(e, '::after').verticalAlign, getComputedStyle(e, '::after').textTransform]") == [
        "baseline", "none"]
    page.reload()
    assert page.get_by_role("radio", name="Labelled").is_checked()
    page.get_by_role("radio", name="Off").check()
    assert first.evaluate("e => getComputedStyle(e).textDecorationLine") == "none"
    page.reload()
    assert page.evaluate("document.documentElement.dataset.highlights") == "off"


def test_quotes_name_their_speaker_outside_the_sentence(article):
    page = article()
    note = page.locator(".said-by")
    assert note.count() == 1 and "James DeHart" in note.inner_text()
    paragraph = page.locator(".quoted p")
    note_box, paragraph_box = note.bounding_box(), paragraph.bounding_box()
    assert note_box["x"] + note_box["width"] <= paragraph_box["x"]  # in the margin at 1,280 px
    phone = article(**PHONE)
    note_box, paragraph_box = phone.locator(".said-by").bounding_box(), phone.locator(".quoted p").bounding_box()
    assert note_box["y"] >= paragraph_box["y"] + paragraph_box["height"] - 1  # after the paragraph on a phone


def card_state(page, trigger):
    return (trigger.get_attribute("aria-expanded"), trigger.get_attribute("aria-describedby"),
            page.locator("#entity-card").is_visible())


def assert_card(page, trigger, expected, seconds=5.0):
    """The card reaches ``expected`` (expanded, described-by, visible) within a few seconds: a loaded machine
    may run the page's handlers late, so the state is polled rather than read once."""
    deadline = time.monotonic() + seconds
    while (state := card_state(page, trigger)) != expected and time.monotonic() < deadline:
        page.wait_for_timeout(50)
    assert state == expected


def test_entity_cards_open_on_hover_and_focus_and_close_on_escape(article, subpath_server):
    page = article()
    trigger = page.locator(".article-body a.ent[href$='/entity/james-dehart/']")
    assert_card(page, trigger, ("false", None, False))
    trigger.hover()
    page.wait_for_selector("#entity-card", state="visible")
    assert_card(page, trigger, ("true", "entity-card", True))
    card = page.locator("#entity-card").inner_text()
    assert "James DeHart" in card and "Person" in card and "Chief US negotiator" in card and "1 article" in card
    assert page.locator("#entity-card a", has_text="Its page").get_attribute("href").endswith("/entity/james-dehart/")
    page.keyboard.press("Escape")
    assert_card(page, trigger, ("false", None, False))
    # Keyboard: focusing a name opens its card, whose links come next in the tab order.
    korea = page.locator(".article-body a.ent[href$='/entity/south-korea/']").first
    korea.focus()
    assert_card(page, korea, ("true", "entity-card", True))
    data = json.loads((subpath_server["output"] / "data" / "articles" / f"{SLUG}.json").read_text(encoding="utf-8"))
    mentions = len(next(e for e in data["entities"] if e["id"] == "south-korea")["mentions"])
    assert mentions > 1 and f"{mentions} mentions here" in page.locator("#entity-card").inner_text()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('#entity-card') !== null")
    page.keyboard.press("Escape")
    assert_card(page, korea, ("false", None, False))
    assert page.evaluate("document.activeElement.getAttribute('href')").endswith("/entity/south-korea/")


def test_a_tap_opens_the_card_and_a_second_tap_follows_the_link(article, subpath_server):
    page = article(**PHONE)
    trigger = page.locator(".article-body a.ent[href$='/entity/james-dehart/']")
    trigger.tap()
    assert_card(page, trigger, ("true", "entity-card", True))
    assert page.url.endswith(SEED_URL)
    box = page.locator("#entity-card").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    trigger.tap()
    page.wait_for_url(f"{subpath_server['base']}/entity/james-dehart/")


def test_the_sidebar_has_no_scroll_trap_and_sticks_only_when_it_fits(article):
    page = article()
    scrollers = page.evaluate("""() => [document.querySelector('.sidebar'), ...document.querySelectorAll('.sidebar *')]
        .filter(e => ['auto', 'scroll'].includes(getComputedStyle(e).overflowY) && e.scrollHeight > e.clientHeight).length""")
    assert scrollers == 0
    sidebar = page.locator(".sidebar")
    assert sidebar.evaluate("e => e.offsetHeight") > 800
    assert sidebar.evaluate("e => getComputedStyle(e).position") == "static"
    sections = page.locator(".side-section[open] > summary")  # a short article opens what fits beside it
    assert sections.count() >= 5
    assert re.fullmatch(r"People \d+", page.locator(".side-section > summary", has_text="People").inner_text().strip(), re.I)
    for n in reversed(range(sections.count())):
        sections.nth(n).click()  # fold every open section
    assert sidebar.evaluate("e => e.offsetHeight") < 700
    assert sidebar.evaluate("e => getComputedStyle(e).position") == "sticky"


def test_timelines_read_oldest_first_in_articles_entities_and_on_the_site(article):
    page = article()
    dates = page.locator(".sidebar .event time").evaluate_all("ts => ts.map(t => t.getAttribute('datetime'))")
    assert len(dates) >= 5 and [start_of(d) for d in dates] == sorted(start_of(d) for d in dates)
    links = page.locator(".sidebar .event-text").evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert len(set(zip(dates, links))) == len(dates)  # no event twice
    line = page.locator(".sidebar .event-text").first
    assert line.locator("mark").count() == 1 and len(line.inner_text()) < 90
    how = page.locator(".sidebar .event .how").first
    assert not how.locator("p").is_visible()
    how.locator("summary").click()
    assert "publication" in how.locator("p").inner_text()
    entity = article("entity/south-korea/")
    dates = entity.locator(".tl-list > li time").evaluate_all("ts => ts.map(t => t.getAttribute('datetime'))")
    assert len(dates) >= 3 and [start_of(d) for d in dates] == sorted(start_of(d) for d in dates)
    # Issue 24: one order everywhere, oldest first (the site timeline said "newest first" before).
    site = article("timeline/")
    years = site.locator(".tl-index a.tl-year").evaluate_all("as => as.map(a => Number(a.textContent))")
    assert len(years) >= 3 and years == sorted(years)
    got = site.locator(".tl-list > li time[datetime]").evaluate_all("ts => ts.map(t => t.getAttribute('datetime'))")
    assert len(got) >= 10 and [start_of(d) for d in got] == sorted(start_of(d) for d in got)
    assert site.locator("main").inner_text().lower().count("oldest first") == 1


def test_the_year_overview_is_usable_on_a_phone(article):
    """Every year and month of the timeline is a link that looks like one, big enough to tap (issue 24)."""
    page = article("timeline/", **PHONE)
    links = page.locator(".tl-index a")
    assert links.count() >= 6
    sizes = links.evaluate_all("as => as.map(a => [a.getBoundingClientRect().height, a.getBoundingClientRect().right,"
                               " parseFloat(getComputedStyle(a).fontSize), getComputedStyle(a).textDecorationLine])")
    assert all(height >= 44 and right <= 390 and font >= 12 and line == "underline" for height, right, font, line in sizes)


@pytest.mark.parametrize("width", [1024, 1280])
def test_the_header_is_one_row_on_a_desktop(article, width):
    page = article(viewport={"width": width, "height": 800})
    tops = page.evaluate("""() => ['.site-title', '.site-header nav', '#site-search-q', '.theme-choice']
        .map(s => { const r = document.querySelector(s).getBoundingClientRect(); return r.top + r.height / 2; })""")
    assert max(tops) - min(tops) < 6
    assert page.locator(".site-header").bounding_box()["height"] <= 64
    assert page.locator(".shortcut-hint").is_visible()


@pytest.mark.parametrize("path", ["", SEED_URL, "timeline/"])
def test_the_header_fits_a_phone_and_search_sits_behind_a_button(article, path):
    page = article(path, **PHONE)
    assert page.locator(".site-header").bounding_box()["height"] <= 120
    assert not page.locator("#site-search-q").is_visible()
    assert not page.locator(".shortcut-hint").is_visible()  # no keyboard hint on a touch screen
    button = page.locator(".search-open")
    assert button.get_attribute("aria-expanded") == "false"
    button.tap()
    assert button.get_attribute("aria-expanded") == "true"
    assert page.evaluate("document.activeElement.id") == "site-search-q"
    page.locator("#site-search-q").fill("korea")
    page.wait_for_selector(".search-panel .search-results li")
    for selector in (".search-panel", ".search-results li"):
        for box in page.locator(selector).evaluate_all("es => es.map(e => e.getBoundingClientRect().toJSON())"):
            assert box["left"] >= 0 and box["right"] <= 390, (selector, box)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_the_theme_control_shows_and_remembers_its_state(article):
    page = article()
    assert page.get_by_role("radio", name="Auto").is_checked()
    light_bg = page.evaluate("getComputedStyle(document.body).backgroundColor")
    page.get_by_role("radio", name="Dark").check()
    assert page.get_by_role("radio", name="Dark").is_checked() and not page.get_by_role("radio", name="Auto").is_checked()
    dark_bg = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert dark_bg != light_bg
    page.reload()
    assert page.get_by_role("radio", name="Dark").is_checked()
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == dark_bg
    page.get_by_role("radio", name="Auto").check()
    assert page.evaluate("document.documentElement.dataset.theme") is None
    assert page.evaluate("localStorage.getItem('theme')") is None


def test_sentence_links_show_on_hover_and_focus_and_leave_no_gap(article):
    page = article()
    body = page.locator(".article-body")
    before = page.locator(".article-body p").evaluate_all("ps => ps.map(p => p.getBoundingClientRect().height)")
    width = page.locator("#s1").evaluate("e => e.getBoundingClientRect().width")
    link = page.locator("#s1 .sentence-link")
    assert link.evaluate("e => getComputedStyle(e).opacity") == "0"
    page.locator("#s1").hover()
    assert link.evaluate("e => getComputedStyle(e).opacity") == "1"
    page.mouse.move(0, 0)
    link.focus()
    assert link.evaluate("e => getComputedStyle(e).opacity") == "1"
    body.evaluate("b => b.querySelectorAll('.sentence-link').forEach(a => a.remove())")
    assert page.locator(".article-body p").evaluate_all("ps => ps.map(p => p.getBoundingClientRect().height)") == before
    assert page.locator("#s1").evaluate("e => e.getBoundingClientRect().width") == width


def test_print_keeps_underlines_and_puts_the_sidebar_after_the_article(article):
    page = article()
    page.emulate_media(media="print")
    assert page.locator(".article-body .ent").first.evaluate("e => getComputedStyle(e).textDecorationLine") == "underline"
    article_box, sidebar_box = page.locator("article.article").bounding_box(), page.locator(".sidebar").bounding_box()
    assert sidebar_box["y"] >= article_box["y"] + article_box["height"] - 1
    assert not page.locator(".header-tools").is_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violations_with_a_card_open_and_labels_on(article, scheme):
    page = article(color_scheme=scheme, viewport={"width": 1280, "height": 800})
    page.get_by_role("radio", name="Labelled").check()
    page.locator(".article-body a.ent[href$='/entity/james-dehart/']").focus()
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    serious = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"] if v["impact"] in {"serious", "critical"}]
    assert serious == []


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def poll(page, predicate: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if page.evaluate(predicate):
                return
        except Exception:  # noqa: BLE001 - the page is navigating
            pass
        time.sleep(0.25)
    raise AssertionError(f"timed out waiting for {predicate}")


def reloaded_marker(page) -> bool:
    """Whether the page still has the marker the test set (it has not been reloaded since)."""
    try:
        return page.evaluate("() => window.__before_reload === true")
    except Exception:  # noqa: BLE001 - the page is navigating: it is being reloaded
        return False


@pytest.mark.slow
def test_livereload_reloads_the_page_after_a_rebuild(browser, tmp_path, subpath_server):
    content = tmp_path / "content"
    (content / "news").mkdir(parents=True)
    for seed in SEED_DIR.glob("*.txt"):
        shutil.copyfile(seed, content / "news" / seed.name)
    port = free_port()
    env = dict(os.environ, NEWSREADER_CONTENT=str(content), NEWSREADER_OUTPUT=str(tmp_path / "out"),
               NEWSREADER_CACHE=str(SESSION_CACHE))
    server = subprocess.Popen([sys.executable, "-m", "invoke", "livereload", "--port", str(port)], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    visit = None
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                serving = time.monotonic()
                break
            except OSError:
                time.sleep(0.5)
        visit = Visit(browser, f"http://127.0.0.1:{port}/", bypass_csp=False)  # the page's own CSP applies
        page = visit.page
        page.goto(f"http://127.0.0.1:{port}/{SEED_URL}")
        poll(page, "() => window.LiveReload !== undefined", 20)  # the page's CSP forbids wait_for_function's eval
        page.evaluate("window.__before_reload = true")
        last_reload = serving
        # livereload reloads a browser it finds connected when it first looks for changes (restart_delay, 2 s
        # later); a reload it sends while the page is reconnecting is lost. Let that one pass first.
        time.sleep(3.5)
        if not reloaded_marker(page):
            last_reload = time.monotonic()
            poll(page, "() => window.LiveReload !== undefined && document.readyState === 'complete'", 20)
            page.evaluate("window.__before_reload = true")
        # It also ignores changes for DEFAULT_RELOAD_TIME seconds after it starts watching and after each
        # reload: an edit made sooner is rebuilt but never reloads the page.
        time.sleep(max(0.0, last_reload + LiveReloadHandler.DEFAULT_RELOAD_TIME + 0.5 - time.monotonic()))
        source = next((content / "news").glob("*.txt"))
        source.write_text(source.read_text(encoding="utf-8") + "A synthetic paragraph added by the livereload test.\n",
                          encoding="utf-8")
        # A reload that comes before the rebuild is done (livereload may also answer a file it saw earlier) is
        # followed by the rebuild's own: wait for a reloaded page that has the new paragraph.
        poll(page, "() => window.__before_reload === undefined && document.readyState === 'complete' && "
                   "document.body.innerText.includes('A synthetic paragraph added by the livereload test.')", 90)
        assert "A synthetic paragraph added by the livereload test." in page.locator(".article-body").inner_text()
        assert not [e for e in visit.errors if "Content Security Policy" in e]
    finally:
        if visit:
            visit.close()
        os.killpg(server.pid, 15)
        server.wait(timeout=30)
    preview = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    published = (subpath_server["output"] / "index.html").read_text(encoding="utf-8")
    assert "script-src 'self' &#39;sha256-" in preview
    assert "script-src 'self'; style-src 'self'" in published  # only a preview build allows livereload's script
