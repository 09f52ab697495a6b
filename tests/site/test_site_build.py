"""Run Pelican with the project's settings into temporary folders and read what it wrote."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

from conftest import ROOT, build, make_fixture_corpus, write_raw

SEED_URL = "news/us-south-korea-military-cost-sharing-talks-collapse/"


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.urls += [value for name, value in attrs if name in {"href", "src", "action"} and value is not None]


def links(html: str) -> list[str]:
    """Every href, src and action of real elements (not text that looks like one)."""
    parser = _Links()
    parser.feed(html)
    return parser.urls


def page(out: Path, url: str) -> str:
    return (out / url / "index.html").read_text(encoding="utf-8")


def test_seed_article_page(seed_site):
    out, _ = seed_site
    html = page(out, SEED_URL)
    assert "<h1 id=\"headline\">US-South Korea military cost-sharing talks collapse</h1>" in html
    assert ">Iran Press TV</a>" in html
    assert '<time datetime="2019-11-19T07:45:00+00:00">19 November 2019, 7:45 AM</time>' in html
    body = html.split('<div class="article-body">')[1].split("</article>")[0]
    assert body.count("<p>") == 13
    assert "NEWSLETTER" not in html and "mailing list" not in html
    assert re.findall(r'<span class="sentence" id="(s\d+)"', body) == [f"s{n}" for n in range(1, 16)]


def test_home_page_links_the_seed_with_source_date_and_summary(seed_site):
    out, _ = seed_site
    home = (out / "index.html").read_text(encoding="utf-8")
    assert f'href="/{SEED_URL}"' in home
    assert "Iran Press TV" in home and "19 November 2019" in home
    assert "The latest round of military cost-sharing talks" in home


def test_source_archives_404_feed_and_sitemap_exist(seed_site):
    out, _ = seed_site
    assert "Iran Press TV" in page(out, "source/iran-press-tv")
    assert "Iran Press TV" in page(out, "source")
    assert SEED_URL in page(out, "archives")
    assert "Page not found" in (out / "404.html").read_text(encoding="utf-8")
    feed = ET.parse(out / "feeds" / "all.atom.xml").getroot()
    titles = [e.text for e in feed.iter("{http://www.w3.org/2005/Atom}title")]
    assert "US-South Korea military cost-sharing talks collapse" in titles
    sitemap = ET.parse(out / "sitemap.xml").getroot()
    locs = [e.text for e in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert f"/{SEED_URL}" in locs


def test_article_structured_data(seed_site):
    out, _ = seed_site
    html = page(out, SEED_URL)
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "US-South Korea military cost-sharing talks collapse"
    assert data["datePublished"] == "2019-11-19T07:45:00+00:00"
    assert data["publisher"]["name"] == "Iran Press TV"
    assert '<meta property="article:published_time" content="2019-11-19T07:45:00+00:00">' in html
    assert '<meta property="article:section" content="Iran Press TV">' in html


def test_bad_inputs_are_named_and_the_rest_builds(fixture_site):
    out, result = fixture_site
    log = re.sub(r"\s+", " ", result.stdout + result.stderr)
    assert re.search(r"fixture_empty\.txt: is empty", log), log
    assert re.search(r"fixture_oneline\.txt:1: has only one line", log), log
    assert re.search(r"fixture_nodate\.txt:3: no recognisable date", log), log
    assert re.search(r"fixture_latin1\.txt:1: is not valid UTF-8", log), log
    assert "Traceback" not in log
    assert (out / SEED_URL / "index.html").exists()
    undated = page(out, "news/fixture-with-no-date-line")
    assert "Date unknown" in undated and "Body text of an undated fixture." in undated
    assert "Fixture café headline" in page(out, "news/fixture-cafe-headline")


def test_markdown_articles_still_work(fixture_site):
    out, _ = fixture_site
    html = page(out, "news/hand-written-fixture-article")
    assert "<em>Markdown</em>" in html and "Fixture Desk" in html


def test_article_text_is_escaped_everywhere(fixture_site):
    out, _ = fixture_site
    pages = [p for p in out.rglob("*") if p.suffix in {".html", ".xml"}]
    assert pages
    for path in pages:
        text = path.read_text(encoding="utf-8")
        assert "<script>window.__pwned" not in text, path
        assert "<img src=\"x\" onerror" not in text, path
        assert '<a href="javascript:' not in text, path
        assert "<b>Wire</b>" not in text, path
    xss_pages = [p for p in out.rglob("*.html") if "window.__pwned" in p.read_text(encoding="utf-8")]
    assert any("news" in str(p) for p in xss_pages)  # the fixture is there, shown as text


def test_json_ld_cannot_close_its_script_element(fixture_site):
    out, _ = fixture_site
    for path in (out / "news").rglob("index.html"):
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', path.read_text(encoding="utf-8"), re.S):
            assert "<" not in block
            json.loads(block)


def test_subpath_siteurl_prefixes_every_link(tmp_path, fixture_corpus):
    out = tmp_path / "out"
    build(fixture_corpus, out, siteurl="https://user.github.io/repo")
    for path in out.rglob("*.html"):
        for url in links(path.read_text(encoding="utf-8")):
            assert url.startswith(("https://user.github.io/repo/", "#")) or url == "data:,", (path, url)


def test_two_builds_are_byte_identical(tmp_path):
    corpus = make_fixture_corpus(tmp_path / "corpus")
    first, second = tmp_path / "one", tmp_path / "two"
    build(corpus, first)
    build(corpus, second)
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert [str(f) for f in files if (first / f).read_bytes() != (second / f).read_bytes()] == []


def test_articles_live_in_their_own_folder():
    assert (ROOT / "content" / "news").is_dir()
    assert not list((ROOT / "content").glob("*.txt"))


def test_pagination_uses_folder_urls(fixture_site):
    out, _ = fixture_site
    home = (out / "index.html").read_text(encoding="utf-8")
    assert 'rel="next" href="/page/2/"' in home
    second = page(out, "page/2")
    assert 'rel="prev" href="/"' in second and "Page 2 of 2" in second
    wire = page(out, "source/synthetic-wire-a")
    assert "Synthetic article" in wire


def test_headlines_and_quotes_are_shown_typographically_but_stored_as_written(tmp_path):
    headline = 'Synthetic council\'s "final offer" -- talks end...'
    write_raw(tmp_path / "content" / "news", "typo.txt", headline, "Synthetic Wire", "2021-05-03 14:00",
              ['"We will not sign it," Mayor Alma Veress said on Monday.'])
    out = tmp_path / "out"
    build(tmp_path / "content", out)
    shown = "Synthetic council\u2019s \u201cfinal offer\u201d \u2014 talks end\u2026"
    page = next((out / "news").glob("*/index.html")).read_text(encoding="utf-8")
    assert f'<h1 id="headline">{shown}</h1>' in page and f"<title>{shown} — " in page
    assert "\u201cWe will not sign it,\u201d" in page  # the sidebar's and the body's quote
    assert shown in (out / "index.html").read_text(encoding="utf-8")  # the home page's list
    data = json.loads(next((out / "data" / "articles").glob("*.json")).read_text(encoding="utf-8"))
    assert data["title"] == headline and data["quotes"][0]["text"].startswith("We will not sign it")


def test_templates_lose_their_indentation_and_the_extension_is_added_once():
    """A long-running process (pelican --autoreload) sets the defaults again each build: the settings, part of the
    site key, must not grow."""
    from types import SimpleNamespace  # noqa: PLC0415

    from jinja2 import Environment  # noqa: PLC0415
    from newsreader import site  # noqa: PLC0415

    pelican = SimpleNamespace(settings={"JINJA_ENVIRONMENT": {"trim_blocks": True}})
    site.default_settings(pelican)
    site.default_settings(pelican)
    assert pelican.settings["JINJA_ENVIRONMENT"]["extensions"] == [site.TemplateIndentation]
    env = Environment(trim_blocks=True, extensions=[site.TemplateIndentation])
    page = env.from_string("<ul>\n    {% for x in xs %}\n    <li>{{ x }}</li>\n    {% endfor %}\n</ul>\n<p>a\n   b</p>")
    assert page.render(xs=[1, 2]) == "<ul>\n <li>1</li>\n <li>2</li>\n</ul>\n<p>a\nb</p>"
