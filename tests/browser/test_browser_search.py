"""Search in a real Chromium, with the real lunr.js, on the site served under a subpath."""

from __future__ import annotations

import json
import random
import re
import shutil

import pytest

from bench_search import _serve, search_corpus
from browsing import Visit
from conftest import ROOT
from newsreader.core.search.index import build_index
from test_browser import SEED_URL
from test_search_index import assert_same_answers, query_set

pytestmark = pytest.mark.browser
SEED_TITLE = "US-South Korea military cost-sharing talks collapse"
ARTICLES = ".search-results-page li:not(.search-entity)"


def header_search(visit: Visit, base: str, query: str) -> str:
    page = visit.page
    if not page.url.startswith(base):
        page.goto(f"{base}/")
    if page.is_visible(".search-open"):  # on a phone the header's search sits behind a button
        page.click(".search-open")
    page.fill("#site-search-q", query)
    page.wait_for_function("document.querySelector('.search-panel .search-status').textContent.includes('match')")
    return page.inner_text(".search-panel")


def index_requests(visit: Visit) -> list[str]:
    return [u for u in visit.requests if "/search/" in u or u.endswith(("lunr.min.js", "search-shards.js", "search-lunr.js"))]


@pytest.fixture()
def visit(browser, subpath_server):
    v = Visit(browser, subpath_server["base"])
    v.requests = []
    v.page.on("request", lambda r: v.requests.append(r.url))
    yield v
    v.close()
    assert v.errors == [] and v.outside == [] and v.not_found == []


@pytest.mark.slow
def test_index_is_fetched_only_when_the_box_is_focused(visit, subpath_server):
    base = subpath_server["base"]
    visit.page.goto(f"{base}/{SEED_URL}")
    visit.page.wait_for_timeout(300)
    assert index_requests(visit) == []
    visit.page.focus("#site-search-q")
    visit.page.wait_for_function("window.lunrShards !== undefined")
    visit.page.wait_for_timeout(200)
    assert f"{base}/search/manifest.json" in index_requests(visit)
    # Focus alone fetches one script (lunr.js and the shard reader) and the manifest: no shard, no whole index.
    assert sorted(u.rsplit("/", 1)[1] for u in index_requests(visit)) == ["manifest.json", "search-lunr.js"]


def test_typing_lists_the_seed_and_the_result_opens_it(visit, subpath_server):
    base = subpath_server["base"]
    panel = header_search(visit, base, "DeHart")
    assert SEED_TITLE in panel
    visit.page.locator(".search-panel a", has_text=SEED_TITLE).click()
    visit.page.wait_for_url(re.compile(re.escape(f"{base}/{SEED_URL}") + r"#s\d+$"))
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
    page.wait_for_url(re.compile(re.escape(f"{base}/{SEED_URL}") + r"#s\d+$"))
    assert page.locator("h1").inner_text() == SEED_TITLE


def test_the_search_page_without_and_with_filters(visit, subpath_server):
    base = subpath_server["base"]
    page = visit.page
    page.goto(f"{base}/search/?q=DeHart")
    page.wait_for_function("document.querySelector('.search-page .search-status').textContent.includes('for')")
    assert page.locator(ARTICLES).count() == 1
    assert SEED_TITLE in page.inner_text(".search-results-page")
    page.wait_for_selector(".search-results-page mark")  # the snippet from the article's own sentence
    assert "DeHart" in page.inner_text(".search-results-page mark")
    page.select_option("select[data-filter=year]", "2019")
    assert page.locator(ARTICLES).count() == 1
    page.goto(f"{base}/search/?q=talks")
    page.wait_for_function("document.querySelector('.search-page .search-status').textContent.includes('for')")
    everything = page.locator(ARTICLES).count()
    assert everything > 1
    page.select_option("select[data-filter=source]", "Iran Press TV")
    page.wait_for_function("document.querySelector('.search-page .search-status').textContent.includes('hidden')")
    assert page.locator(ARTICLES).count() == 1
    assert "hidden by filters" in page.inner_text(".search-page .search-status")
    page.select_option("select[data-filter=source]", "")
    page.select_option("select[data-filter=type]", "person")
    page.select_option("select[data-filter=entity]", label="James DeHart")
    page.wait_for_function("document.querySelector('.search-page .search-status').textContent.includes('hidden')")
    assert page.locator(ARTICLES).count() == 1


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
    visit.page.wait_for_function("document.querySelector('.search-panel .search-status').textContent.includes('match')")
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
    # the last query's results, finished (a loaded machine may still be showing an earlier prefix's, which the
    # next render replaces, taking the focus back to the box by design)
    page.wait_for_function("document.querySelector('.search-panel .search-results').dataset.query === 'military'"
                           " && document.querySelector('.search-panel .search-status').textContent.includes('match')"
                           " && document.querySelectorAll('.search-panel a').length > 0")
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


# ---- results a reader can use --------------------------------------------------------------
def test_article_result_links_to_its_best_sentence_with_the_words_marked(visit, subpath_server):
    base = subpath_server["base"]
    page = visit.page
    header_search(visit, base, "DeHart proposals")
    item = page.locator(".search-panel li:not(.search-entity)", has_text=SEED_TITLE)
    href = item.locator("a").get_attribute("href")
    assert re.fullmatch(re.escape(f"{base}/{SEED_URL}") + r"#s\d+", href)
    marks = item.locator(".snippet mark").all_inner_texts()
    assert "DeHart" in marks and "proposals" in marks
    # Marks hold text nodes only, and the snippet is the linked sentence itself.
    assert page.evaluate("""() => [...document.querySelectorAll('.search-panel .snippet mark')]
        .every((m) => [...m.childNodes].every((n) => n.nodeType === Node.TEXT_NODE))""")
    snippet = item.locator(".snippet").inner_text()
    page.goto(href)
    assert page.locator(f"[id='{href.rsplit('#', 1)[1]}']").inner_text().strip().startswith(snippet[:40])


def test_an_entity_named_by_the_query_is_offered_first(visit, subpath_server):
    base = subpath_server["base"]
    page = visit.page
    header_search(visit, base, "DeHart")
    first = page.locator(".search-panel .search-results li").first
    assert "search-entity" in first.get_attribute("class") and "James DeHart" in first.inner_text()
    first.locator("a").click()
    page.wait_for_url(re.compile(re.escape(f"{base}/entity/") + r".+/$"))
    assert "James DeHart" in page.locator("h1").inner_text()


def test_unaccented_query_finds_and_marks_the_accented_name(visit, subpath_server):
    base = subpath_server["base"]
    header_search(visit, base, "Zmijewski")
    marks = visit.page.locator(".search-panel .snippet mark").all_inner_texts()
    assert "Żmijewski" in marks and all(m.startswith(("Żmijewski", "Tomasz")) for m in marks)
    assert "Tomasz Żmijewski" in visit.page.locator(".search-panel .search-entity").first.inner_text()


def test_the_result_list_stays_inside_a_phone_screen(browser, subpath_server):
    base = subpath_server["base"]
    visit = Visit(browser, base, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    try:
        page = visit.page
        header_search(visit, base, "talks")
        page.wait_for_selector(".search-panel .snippet")
        boxes = page.evaluate("""() => [document.querySelector('.search-panel'),
            ...document.querySelectorAll('.search-panel li, .search-panel a, .search-panel mark')]
            .map((e) => { const r = e.getBoundingClientRect(); return [r.left, r.right]; })""")
        width = page.evaluate("document.documentElement.clientWidth")
        assert width == 390 and all(0 <= left and right <= width for left, right in boxes), boxes[0]
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert visit.errors == [] and visit.outside == []
    finally:
        visit.close()


# ---- what the page fetches -------------------------------------------------------------------
def test_no_page_fetches_the_whole_index(visit, subpath_server):
    base = subpath_server["base"]
    page = visit.page
    header_search(visit, base, "military")
    header_search(visit, base, "talk*")
    page.goto(f"{base}/search/?q=Tuesday")
    page.wait_for_function("document.querySelector('.search-page .search-status').textContent.includes('for')")
    fetched = index_requests(visit)
    assert not [u for u in fetched if u.endswith(("lunr-index.json", "store.json")) or "/data/" in u]
    assert all(u.startswith(base + "/") for u in fetched)
    # Shards and display files come from one content-hashed folder.
    folders = {m.group(1) for u in fetched if (m := re.search(r"/search/(s-[0-9a-f]{12})/", u))}
    assert len(folders) == 1


def test_search_works_under_the_sites_content_security_policy(browser, subpath_server):
    base = subpath_server["base"]
    context = browser.new_context()  # the CSP enforced (Visit bypasses it)
    errors = []
    try:
        page = context.new_page()
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.goto(f"{base}/")
        page.fill("#site-search-q", "DeHart")
        page.wait_for_selector(".search-panel .search-status:has-text('match')")  # no eval: the CSP forbids it
        assert SEED_TITLE in page.inner_text(".search-panel")
        assert errors == []
    finally:
        context.close()


def test_without_javascript_the_page_says_so_and_the_form_submits(browser, subpath_server):
    base = subpath_server["base"]
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{base}/search/")
        assert "needs JavaScript" in page.inner_text(".search-page")
        page.goto(f"{base}/archives/")
        page.fill("#site-search-q", "talks")
        page.keyboard.press("Enter")
        page.wait_for_url(f"{base}/search/?q=talks")
        assert "needs JavaScript" in page.inner_text(".search-page")
    finally:
        context.close()


# ---- the sharded index answers like the whole one, in Chromium --------------------------------
COMPARE = """async ([queries, base]) => {
    const get = (u) => fetch(u).then((r) => r.json());
    const m = await get(base + 'manifest.json');
    const whole = lunr.Index.load(await get(base + 'lunr-index.json'));
    const options = {maxShards: 1e6};
    const session = new lunrShards.ShardedIndex(m, base, get, options);
    const store = () => Object.create(null);  // keyed by query: "__proto__" must be a key like any other
    const out = {whole: store(), fresh: store(), session: store()};
    const shown = (rs) => rs.map((r) => [r.ref, r.score]);
    for (const q of queries) {
        try { out.whole[q] = shown(whole.search(q)); } catch (e) { out.whole[q] = {error: e.name}; }
        for (const [name, index] of [['fresh', new lunrShards.ShardedIndex(m, base, get, options)], ['session', session]]) {
            try { out[name][q] = shown(await index.search(q)); } catch (e) { out[name][q] = {error: e.name}; }
        }
    }
    return JSON.stringify(out);
}"""


def test_shards_answer_like_the_whole_index_in_chromium_on_the_site(visit, subpath_server):
    base, out = subpath_server["base"], subpath_server["output"]
    folder = next((out / "search").glob("s-*"))
    docs = [{"title": d["t"], "body": " ".join(s for _, s in d["p"])}
            for d in (json.loads(p.read_text(encoding="utf-8")) for p in sorted((folder / "d").glob("*.json")))]
    queries = query_set(build_index([{"ref": str(i), **d} for i, d in enumerate(docs)]), docs, random.Random(7))
    visit.page.goto(f"{base}/")
    visit.page.focus("#site-search-q")
    visit.page.wait_for_function("window.lunrShards !== undefined")
    assert_same_answers(json.loads(visit.page.evaluate(COMPARE, [queries, f"{base}/search/"])), queries)


@pytest.mark.slow
def test_shards_answer_like_the_whole_index_in_chromium_on_the_bench_corpus(browser, tmp_path):
    from newsreader.search import search_files  # noqa: PLC0415

    docs, store = search_corpus(300)
    for path, text in search_files(docs, store, whole=True).items():
        (tmp_path / "search" / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "search" / path).write_text(text, encoding="utf-8")
    shutil.copyfile(ROOT / "node_modules" / "lunr" / "lunr.min.js", tmp_path / "lunr.min.js")
    shutil.copyfile(ROOT / "theme" / "static" / "js" / "search-shards.js", tmp_path / "search-shards.js")
    (tmp_path / "index.html").write_text('<!doctype html><title>t</title><script src="lunr.min.js"></script>'
                                         '<script src="search-shards.js"></script>', encoding="utf-8")
    server, base = _serve(tmp_path)
    visit = Visit(browser, base)
    try:
        visit.page.goto(f"{base}/index.html")
        queries = query_set(build_index(docs), docs, random.Random(300))
        assert_same_answers(json.loads(visit.page.evaluate(COMPARE, [queries, f"{base}/search/"])), queries)
        assert visit.errors == [] and visit.outside == []
    finally:
        visit.close()
        server.shutdown()
