"""The rendered-output cache: a warm build reuses pages, and any change gives what a cold build gives."""

from __future__ import annotations

import pytest

import os
import re
import shutil
import time

from conftest import ROOT, build, entry_text, make_fixture_corpus, write_raw
from newsreader.build.cache import Cache, replace_text
from newsreader.build.keys import site_key
from newsreader.build.publish import Publisher


def files(folder):
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def different(one, two) -> list[str]:
    a, b = files(one), files(two)
    return sorted(name for name in a.keys() | b.keys() if a.get(name) != b.get(name))


def cache_report(result) -> tuple[int, int]:
    """Pages reused and rendered, from the build's report (``NEWSREADER_REPORT``)."""
    assert result.report, result.stdout + result.stderr
    return result.report["page_cache"]["reused"], result.report["page_cache"]["rendered"]


@pytest.mark.slow
def test_warm_build_reuses_every_page_and_equals_the_cold_build(tmp_path):
    corpus = make_fixture_corpus(tmp_path / "corpus")
    cache = tmp_path / "cache"
    reused, rendered = cache_report(build(corpus, tmp_path / "cold", cache=cache, args=("-v",)))
    assert reused == 0 and rendered > 100
    again = cache_report(build(corpus, tmp_path / "warm", cache=cache, args=("-v",)))
    assert again == (rendered, 0)
    assert different(tmp_path / "cold", tmp_path / "warm") == []
    # Switched off, the same warm cache is not used for pages at all.
    reused_off, _ = cache_report(build(corpus, tmp_path / "off", cache=cache, args=("-v", "-e", "NEWSREADER_PAGE_CACHE=false")))
    assert reused_off == 0
    assert different(tmp_path / "cold", tmp_path / "off") == []


@pytest.mark.slow
def test_an_edited_article_rebuilds_what_it_touches_and_nothing_is_stale(tmp_path):
    corpus = make_fixture_corpus(tmp_path / "corpus")
    cache = tmp_path / "cache"
    build(corpus, tmp_path / "before", cache=cache)

    seed = next((corpus / "news").glob("000_*.txt"))
    # A change of wording only: no entity, count or date changes, so only the text shows it.
    seed.write_text(seed.read_text(encoding="utf-8").replace("The US blamed the South.", "The US blamed the South again."),
                    encoding="utf-8")
    reused, rendered = cache_report(build(corpus, tmp_path / "after", cache=cache, args=("-v",)))
    assert reused > 0 and rendered > 0
    # The same input built with an empty cache: every byte must agree.
    build(corpus, tmp_path / "cold", cache=tmp_path / "fresh-cache")
    assert different(tmp_path / "after", tmp_path / "cold") == []
    changed = different(tmp_path / "before", tmp_path / "after")
    assert {"entity/united-states/index.html", "entity/south-korea/index.html", "search/manifest.json"} <= set(changed)
    assert "blamed the South again" in (tmp_path / "after" / "entity/united-states/index.html").read_text(encoding="utf-8")
    article = next(name for name in changed if name.startswith("news/us-south-korea"))
    # In the text as shown (the page no longer carries a second copy of it in its JSON-LD: issue 25).
    assert "blamed the South again" in re.sub(r"<[^>]+>", "", (tmp_path / "after" / article).read_text(encoding="utf-8"))
    # The synthetic articles share no entity with the seed: their pages are the same files as before.
    untouched = [name for name in files(tmp_path / "after") if name.startswith("news/synthetic-article-")]
    assert untouched and not set(untouched) & set(changed)


@pytest.mark.slow
def test_a_corrections_edit_gives_what_a_cold_build_gives(tmp_path):
    corpus = make_fixture_corpus(tmp_path / "corpus")
    cache = tmp_path / "cache"
    every = ("-e", "NEWSREADER_ENTITY_PAGE_MIN_MENTIONS=1")  # a page for every entity (the Pentagon is named once)
    build(corpus, tmp_path / "before", cache=cache, args=every)
    (corpus / "annotations.yml").write_text("entities:\n  - name: Pentagon\n    rename: US Department of Defense\n",
                                            encoding="utf-8")
    build(corpus, tmp_path / "after", cache=cache, args=every)
    build(corpus, tmp_path / "cold", cache=tmp_path / "fresh-cache", args=every)
    assert different(tmp_path / "after", tmp_path / "cold") == []
    assert (tmp_path / "after" / "entity" / "us-department-of-defense" / "index.html").is_file()
    assert not (tmp_path / "after" / "entity" / "pentagon").exists()


@pytest.mark.slow
def test_a_new_article_changes_the_pages_of_its_entities(tmp_path):
    corpus = tmp_path / "corpus"
    write_raw(corpus / "news", "one.txt", "Synthetic fixture one", "Fixture Wire", "3 May 2021",
              ["Alma Veress visited Lisbon on Monday."])
    cache = tmp_path / "cache"
    twice = ("-e", "NEWSREADER_ENTITY_PAGE_MIN_ARTICLES=2")  # a page for a place two articles name
    build(corpus, tmp_path / "before", cache=cache, args=twice)
    write_raw(corpus / "news", "two.txt", "Synthetic fixture two", "Fixture Wire", "4 May 2021",
              ["The minister left Lisbon on Tuesday."])
    build(corpus, tmp_path / "after", cache=cache, args=twice)
    build(corpus, tmp_path / "cold", cache=tmp_path / "fresh-cache", args=twice)
    assert different(tmp_path / "after", tmp_path / "cold") == []
    place = (tmp_path / "after" / "entity" / "lisbon" / "index.html").read_text(encoding="utf-8")
    assert "Synthetic fixture two" in place and "Synthetic fixture one" in place


def test_site_key_follows_templates_and_settings_but_not_paths(tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    settings = {"THEME": str(theme), "SITEURL": "", "OUTPUT_PATH": "/tmp/a", "JINJA_FILTERS": {"f": len}}
    first = site_key(settings)
    assert site_key(dict(settings, OUTPUT_PATH="/tmp/b", PATH="/elsewhere")) == first
    assert site_key(dict(settings, SITEURL="https://user.github.io/repo")) != first
    (theme / "templates" / "article.html").write_text("changed", encoding="utf-8")
    assert site_key(settings) != first


def test_a_reused_file_is_a_copy_never_a_link_into_the_cache(tmp_path):
    """Writing into reused output, or replacing it, must leave the cache alone."""
    cache = Cache(tmp_path / "cache")
    cache.put_text("ab" * 32, "cached page", ".out")
    cache.publisher = Publisher(tmp_path / "out", None)
    target = cache.publisher.stage() / "out.html"
    assert cache.link_to("ab" * 32, ".out", target)
    assert target.read_text() == "cached page" and target.stat().st_nlink == 1
    with target.open("a") as f:
        f.write(" edited in place")
    assert entry_text(cache, "ab" * 32, ".out") == "cached page"
    replace_text(target, "new page")
    assert target.read_text() == "new page"
    assert entry_text(cache, "ab" * 32, ".out") == "cached page"
    assert not cache.link_to("cd" * 32, ".out", tmp_path / "missing.html")


def test_pages_are_placed_in_bulk_only_with_a_page_cache_and_no_content_written_listener(tmp_path):
    """``reuse_all`` sends no ``content_written``: with someone listening, each page goes through ``write_file``."""
    from newsreader.build.page_cache import CachingWriter
    from pelican import signals

    writer = CachingWriter(str(tmp_path / "out"), settings={"NEWSREADER_CACHE_PATH": str(tmp_path / "cache")})
    assert writer.may_reuse()
    assert not CachingWriter(str(tmp_path / "out"), settings={"NEWSREADER_CACHE_PATH": None}).may_reuse()

    def listener(path, context):
        pass

    signals.content_written.connect(listener)
    try:
        assert not writer.may_reuse()
    finally:
        signals.content_written.disconnect(listener)


def test_an_entry_is_verified_when_read(tmp_path):
    cache = Cache(tmp_path)
    cache.put_text("ab" * 32, "a page of some length", ".out")
    path = cache.path_of("ab" * 32, ".out")
    whole = path.read_bytes()
    os.truncate(path, len(whole) - 3)
    assert entry_text(cache, "ab" * 32, ".out") is None  # cut short
    path.write_bytes(whole.replace(b"some", b"SOME"))
    assert entry_text(cache, "ab" * 32, ".out") is None  # same size, other bytes
    path.write_bytes(b"a page of some length")
    assert entry_text(cache, "ab" * 32, ".out") is None  # no header
    path.write_bytes(whole)
    assert entry_text(cache, "ab" * 32, ".out") == "a page of some length"


def test_prune_removes_only_entries_unused_for_a_while(tmp_path):
    cache = Cache(tmp_path)
    cache.put_text("old" * 20, "old", ".out")
    cache.put_text("new" * 20, "new", ".out")
    long_ago = time.time() - 30 * 86400
    os.utime(cache.path_of("old" * 20, ".out"), (long_ago, long_ago))
    (tmp_path / "pages" / "ab").mkdir(parents=True)  # a nested cache's folders are not entries
    os.utime(tmp_path / "pages" / "ab", (long_ago, long_ago))
    assert cache.prune(14) == 1
    assert entry_text(cache, "old" * 20, ".out") is None and entry_text(cache, "new" * 20, ".out") == "new"
    assert (tmp_path / "pages" / "ab").is_dir()
    # Reading an entry with touch=True marks it used.
    os.utime(cache.path_of("new" * 20, ".out"), (long_ago, long_ago))
    cache.get_checked("new" * 20, ".out", touch=True)
    assert cache.prune(14) == 0


@pytest.mark.slow
def test_an_edit_on_a_later_entity_page_gives_what_a_cold_build_gives(tmp_path):
    """Entity pages after the first are keyed by their own articles: the edited one's page must change."""
    import synthetic  # noqa: PLC0415 - scripts/synthetic.py, on the path from conftest

    news = tmp_path / "corpus" / "news"
    paths = synthetic.write_raw(news, 90)
    cache = tmp_path / "cache"
    build(tmp_path / "corpus", tmp_path / "before", cache=cache)
    later = sorted((tmp_path / "before" / "entity").glob("*/page/2/index.html"))
    assert later, "the corpus should give some entity a second page"
    # Edit every article that one second page shows, by rewording a sentence it quotes.
    page2 = later[0].read_text(encoding="utf-8")
    edited = 0
    for path in paths:
        text = path.read_text(encoding="utf-8")
        headline = text.split("\n", 1)[0]
        if headline in page2:
            path.write_text(text.replace(" said ", " declared ", 1), encoding="utf-8")
            edited += 1
    assert edited
    build(tmp_path / "corpus", tmp_path / "after", cache=cache)
    build(tmp_path / "corpus", tmp_path / "cold", cache=tmp_path / "fresh-cache")
    assert different(tmp_path / "after", tmp_path / "cold") == []
    assert str(later[0].relative_to(tmp_path / "before")) in different(tmp_path / "before", tmp_path / "after")


@pytest.mark.slow
def test_a_rebuild_where_nothing_changed_loads_neither_the_rules_nor_the_checkers(tmp_path):
    """spaCy, the annotation rules, jsonschema (no corrections file) and pydantic-core (records checked before)."""
    corpus = make_fixture_corpus(tmp_path / "corpus")
    cache = tmp_path / "cache"
    build(corpus, tmp_path / "out", cache=cache)
    result = build(corpus, tmp_path / "out", cache=cache, PYTHONPROFILEIMPORTTIME="1")
    imported = set(re.findall(r"\|\s*([\w.]+)\s*$", result.stderr, re.M))
    assert "newsreader.annotation" in imported and "newsreader.core.timex.events" in imported
    assert not imported & {"spacy", "newsreader.core.timex.finder", "newsreader.core.entities.extract", "newsreader.core.quotes.extract",
                           "newsreader.core.record_shape", "pydantic_core", "jsonschema", "newsreader.core.corrections.apply"}
