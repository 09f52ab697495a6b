"""Where a reader goes on from an article: its source's previous and next article, and related articles."""

from __future__ import annotations

from datetime import datetime, timedelta
from types import SimpleNamespace

from newsreader import article_links
from newsreader.annotated import AnnotatedSite, ArticleAnnotations
from newsreader.build.page_cache import CachingWriter


def made(slug: str, day: int, source: str = "Wire A", entities=(), title: str | None = None):
    """A stand-in for a Pelican article: what the glue reads of one."""
    return SimpleNamespace(
        slug=slug, url=f"news/{slug}/", title=title or f"Headline &amp; {slug}", category=source,
        date=datetime(2020, 1, 1) + timedelta(days=day), date_unknown=False,
        newsreader=ArticleAnnotations(render_key=f"key-{slug}", entities=[
            {"id": e, "url": None if e.startswith("money-") else f"entity/{e}/"} for e in entities]),
    )


def links(article) -> dict:
    return article.newsreader.read_on


def test_previous_and_next_stay_in_the_same_source_in_date_order():
    articles = [made("c", 3), made("a", 1), made("x", 2, source="Wire B"), made("b", 2), made("y", 5, source="Wire B")]
    around = article_links.neighbours(articles)
    assert around["a"] == (None, "b") and around["b"] == ("a", "c") and around["c"] == ("b", None)
    assert around["x"] == (None, "y") and around["y"] == ("x", None)


def test_related_are_those_sharing_most_entities_ties_to_the_nearest_in_time_then_the_slug():
    articles = [
        made("home", 10, entities=["ana", "bo", "cy", "money-5"]),
        made("two-shared", 40, entities=["ana", "bo"]),
        made("one-near", 11, entities=["cy"]),
        made("one-far", 90, entities=["ana"]),
        made("one-near-too", 9, entities=["bo"]),
        made("money-only", 10, entities=["money-5"]),  # a figure has no page: it relates nothing
        made("nothing", 10, entities=["zed"]),
    ]
    near = article_links.related(articles)
    # two shared first; then one shared, nearest in time (9 and 11 are both a day away: by slug), the far one cut.
    assert near["home"] == ["two-shared", "one-near", "one-near-too"]
    assert near["nothing"] == [] and near["money-only"] == []
    assert article_links.related(list(reversed(articles))) == near  # the order articles come in changes nothing
    assert article_links.related(articles, skip={"home": {"two-shared"}})["home"] == ["one-near", "one-near-too", "one-far"]


def test_an_entity_in_very_many_articles_is_not_counted():
    articles = [made(f"a{n:03d}", n, entities=["everyone", f"own-{n // 2}"]) for n in range(article_links.COMMON + 2)]
    near = article_links.related(articles)
    assert near["a000"] == ["a001"]  # "everyone" is in more than COMMON articles: only the pair's own entity counts


def test_attach_sets_links_and_a_page_key_that_follows_what_the_links_show():
    def keys(articles):
        context = {"articles": articles, "SITEURL": "https://example.org/sub"}
        article_links.attach(context, AnnotatedSite(""))
        return {a.slug: a.newsreader.page_key for a in articles}

    base = [made("a", 1, entities=["ana"]), made("b", 2, entities=["ana"]), made("c", 3), made("d", 4, source="Wire B")]
    first = keys(base)
    a = base[0]
    assert links(a)["previous"] is None and links(a)["next"]["href"] == "https://example.org/sub/news/b/"
    assert links(a)["next"]["title"] == "Headline & b" and links(a)["next"]["date"] == "3 January 2020"
    assert [card["href"] for card in links(base[1])["related"]] == []  # its only related article is its previous one
    assert all(k != f"key-{slug}" for slug, k in first.items())
    # A neighbour's new headline changes the pages that link to it, and only those.
    renamed = [made("a", 1, entities=["ana"]), made("b", 2, entities=["ana"], title="A new headline"), made("c", 3),
               made("d", 4, source="Wire B")]
    second = keys(renamed)
    assert second["a"] != first["a"] and second["c"] != first["c"] and second["d"] == first["d"]
    assert second["b"] == first["b"]
    # A new article in the source changes its neighbours' keys.
    third = keys([*(made(x.slug, x.date.day - 1, x.category, [e["id"] for e in x.newsreader.entities]) for x in base),
                  made("e", 5)])
    assert third["c"] != first["c"] and third["a"] == first["a"]


def test_the_article_page_is_cached_under_its_page_key(tmp_path):
    written = []

    class Recording(CachingWriter):
        def _reuse(self, name, digest, override):
            written.append(digest)
            return "somewhere"

    writer = Recording(str(tmp_path), settings={"NEWSREADER_CACHE_PATH": str(tmp_path / "cache")})
    article = made("a", 1)
    writer.write_file("news/a/index.html", None, {}, article=article)
    article.newsreader.page_key = "with links"
    writer.write_file("news/a/index.html", None, {}, article=article)
    assert len(written) == 2 and written[0] != written[1]


def test_a_new_article_renders_its_neighbours_and_related_pages_again(tmp_path):
    """Built with a warm cache after an article is added, the pages that link on to it show it, as a cold build does."""
    from conftest import build, write_raw  # noqa: PLC0415 - a site build, unlike the tests above
    from test_page_cache import different

    corpus, cache = tmp_path / "corpus", tmp_path / "cache"
    write_raw(corpus / "news", "a.txt", "Synthetic fixture alpha", "Fixture Wire", "3 May 2021",
              ["Minister Alma Veress visited Lisbon on Monday."])
    write_raw(corpus / "news", "b.txt", "Synthetic fixture beta", "Fixture Wire", "4 May 2021",
              ["Trade Commissioner Daniel Obuya left Nairobi on Tuesday."])
    write_raw(corpus / "news", "c.txt", "Synthetic fixture gamma", "Other Wire", "5 May 2021",
              ["Minister Alma Veress spoke in Lisbon again."])
    build(corpus, tmp_path / "before", cache=cache)
    beta = (tmp_path / "before" / "news" / "synthetic-fixture-beta" / "index.html").read_text(encoding="utf-8")
    assert 'rel="prev" href="/news/synthetic-fixture-alpha/"' in beta and 'rel="next"' not in beta
    # Delta shares no entity with beta (whose render key, which counts its entities' articles, stays the same),
    # and some with gamma.
    write_raw(corpus / "news", "d.txt", "Synthetic fixture delta", "Fixture Wire", "6 May 2021",
              ["Minister Alma Veress returned to Lisbon on Friday."])
    build(corpus, tmp_path / "after", cache=cache)
    build(corpus, tmp_path / "cold", cache=tmp_path / "fresh-cache")
    assert different(tmp_path / "after", tmp_path / "cold") == []
    beta = (tmp_path / "after" / "news" / "synthetic-fixture-beta" / "index.html").read_text(encoding="utf-8")
    assert 'rel="next" href="/news/synthetic-fixture-delta/"' in beta
    gamma = (tmp_path / "after" / "news" / "synthetic-fixture-gamma" / "index.html").read_text(encoding="utf-8")
    related = gamma.split('class="read-on-list related"')[1]
    assert "/news/synthetic-fixture-delta/" in related and "/news/synthetic-fixture-alpha/" in related


def test_the_choice_is_cached_and_an_entry_naming_other_articles_is_made_again(tmp_path, monkeypatch):
    articles = [made("a", 1, entities=["ana"]), made("b", 2), made("c", 3, entities=["ana"])]
    context = {"articles": articles, "SITEURL": "", "NEWSREADER_CACHE_PATH": str(tmp_path)}
    site = AnnotatedSite("s")
    article_links.attach(context, site)
    made_once = {a.slug: a.newsreader.page_key for a in articles}
    monkeypatch.setattr(article_links, "_choose", lambda articles: (_ for _ in ()).throw(AssertionError("not cached")))
    article_links.attach(context, site)  # reused: nothing chosen again
    assert {a.slug: a.newsreader.page_key for a in articles} == made_once
    digest = article_links.keys.article_links("s", [a.newsreader.render_key for a in articles])
    article_links.Cache(str(tmp_path)).put(digest, {"a": [None, "elsewhere", []], "b": ["a", "c", []], "c": ["b", None, []]})
    monkeypatch.undo()
    article_links.attach(context, site)  # a slug the site does not have: the entry is not used
    assert {a.slug: a.newsreader.page_key for a in articles} == made_once
