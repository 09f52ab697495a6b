"""Entities in the built site: data export, highlights, sidebar, entity pages, corrections, cache."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from conftest import SEED_DIR, build

SLUG = "us-south-korea-military-cost-sharing-talks-collapse"


def article_json(out: Path, slug: str = SLUG) -> dict:
    return json.loads((out / "data" / "articles" / f"{slug}.json").read_text(encoding="utf-8"))


def test_article_json_shape_and_seed_entities(seed_site):
    out, _ = seed_site
    data = article_json(out)
    assert set(data) == {"slug", "url", "title", "source", "published", "sentences", "entities", "events", "quotes",
                         "figures", "comparisons", "timexes"}
    assert data["url"] == f"news/{SLUG}/" and data["published"] == "2019-11-19T07:45:00"
    assert data["sentences"][0] == {"id": "s1", "paragraph": 1, "text": data["sentences"][0]["text"]}
    by_name = {e["name"]: e for e in data["entities"]}
    expected = {
        "James DeHart": "person", "Jeong Eun-bo": "person", "United States": "place", "South Korea": "place",
        "North Korea": "place", "Special Measures Agreement": "agreement", "Foreign Ministry (South Korea)": "organization",
        "Pentagon": "organization", "Korean National Police": "organization", "$5 billion": "money",
        "$896 million": "money", "28,500 troops": "quantity",
    }
    assert {n: by_name[n]["type"] for n in expected} == expected
    assert {"US", "Washington", "American"} <= set(by_name["United States"]["aliases"])
    assert {"Seoul", "South Korean"} <= set(by_name["South Korea"]["aliases"])
    assert "SMA" in by_name["Special Measures Agreement"]["aliases"]
    assert any("negotiator" in r for r in by_name["James DeHart"]["roles"])
    assert by_name["James DeHart"]["url"] == "entity/james-dehart/"
    assert by_name["$5 billion"]["url"] is None
    sentences = {s["id"]: s["text"] for s in data["sentences"]}
    for entity in data["entities"]:
        for m in entity["mentions"]:
            assert sentences[m["sentence"]][m["start"]:m["end"]] == m["text"]
    korea = by_name["South Korea"]["mentions"]  # nationality words are marked, other mentions carry no key
    assert {m["text"] for m in korea if m.get("nationality")} == {"South Korean"}
    assert all(set(m) == {"sentence", "start", "end", "text"} for m in korea if m["text"] != "South Korean")


def test_entities_json(seed_site):
    out, _ = seed_site
    entities = json.loads((out / "data" / "entities.json").read_text(encoding="utf-8"))
    dehart = next(e for e in entities if e["name"] == "James DeHart")
    assert dehart["articles"] == [SLUG] and dehart["mentions"] == 1 and dehart["type"] == "person"
    assert set(dehart) >= {"id", "name", "type", "aliases", "roles", "url", "articles", "mentions"}


def test_highlights_and_sidebar_on_the_article_page(seed_site):
    out, _ = seed_site
    html = (out / "news" / SLUG / "index.html").read_text(encoding="utf-8")
    # One mark per entity per paragraph, carrying nothing the script or the stylesheet can work out (issue 25).
    assert '<a class="ent ent-person" href="/entity/james-dehart/">James DeHart</a>' in html
    assert '<span class="ent ent-money">five billion dollars</span>' in html  # figures are marked, not linked
    assert "data-entity=" not in html and "data-label=" not in html and "data-type=" not in html
    sidebar = html.split('<aside class="sidebar"')[1]
    for group in ("People", "Organisations", "Places", "Agreements", "Figures"):
        assert f">{group} <span class=\"count\">" in sidebar
    for group in ("Money", "Quantities"):  # listed once, under Figures
        assert f">{group} <span class=\"count\">" not in sidebar
    assert "Chief US negotiator" in sidebar and "extracted automatically" in sidebar
    assert 'href="#s7-m' not in sidebar and "mention:" not in sidebar  # mention links are in the card (ui.js)
    assert "GlobalSecurity" not in html


def test_entity_page_links_back_to_the_sentence(seed_site):
    out, _ = seed_site
    page = (out / "entity" / "james-dehart" / "index.html").read_text(encoding="utf-8")
    assert "<h1 id=\"entity-name\" class=\"page-title\">James DeHart</h1>" in page
    assert f'href="/news/{SLUG}/#s7"' in page
    assert "<mark>James DeHart</mark>" in page
    assert "Chief US negotiator" in page
    # One article only: no feed (NEWSREADER_ENTITY_FEED_MIN_ARTICLES, 3), and no link to one.
    assert not (out / "entity" / "james-dehart" / "feed.atom.xml").exists() and "feed.atom.xml" not in page
    assert 'href="/entity/united-states/"' in page  # often mentioned with
    index = (out / "entity" / "index.html").read_text(encoding="utf-8")
    # The index lists the entities with a page; a figure has none, so it is in its article (and the export) only.
    assert 'href="/entity/james-dehart/"' in index and "$5 billion" not in index
    assert not (out / "entity" / "money-5-billion").exists()
    assert re.search(r"The \d+ other names are highlighted in their articles and found by search", index)


def test_corrections_file_is_applied_and_unmatched_entries_are_named(tmp_path):
    content = tmp_path / "content"
    (content / "news").mkdir(parents=True)
    shutil.copy(SEED_DIR / "000_29d63d47178ef691.txt", content / "news")
    (content / "annotations.yml").write_text(
        "entities:\n"
        "  - name: Pentagon\n    hide: true\n"
        "  - name: Korean National Police\n    rename: Korean National Police Agency\n"
        "  - name: Atlantis\n    hide: true\n",
        encoding="utf-8",
    )
    # Every entity gets a page here (the rule of issue 25 would give this one-mention name none): the renamed page.
    result = build(content, tmp_path / "out", args=("-e", "NEWSREADER_ENTITY_PAGE_MIN_MENTIONS=1"))
    log = result.stdout + result.stderr
    assert re.search(r"annotations\.yml:6: entities entry 3 \('Atlantis'\) matches no entity", log), log
    names = {e["name"] for e in article_json(tmp_path / "out")["entities"]}
    assert "Pentagon" not in names and "Korean National Police Agency" in names
    assert (tmp_path / "out" / "entity" / "korean-national-police-agency").is_dir()


def test_warm_rebuild_loads_neither_spacy_nor_lunr(tmp_path):
    cache = tmp_path / "cache"
    content = tmp_path / "content"
    (content / "news").mkdir(parents=True)
    shutil.copy(SEED_DIR / "000_29d63d47178ef691.txt", content / "news")
    build(content, tmp_path / "cold", cache=cache)
    poison = tmp_path / "poison" / "spacy"
    poison.mkdir(parents=True)
    (poison / "__init__.py").write_text("raise ImportError('spaCy must not be imported on a warm rebuild')\n")
    (poison.parent / "lunr").mkdir()
    (poison.parent / "lunr" / "__init__.py").write_text("raise ImportError('the index must be reused, not rebuilt')\n")
    build(content, tmp_path / "warm", cache=cache, PYTHONPATH=str(poison.parent))
    assert article_json(tmp_path / "warm") == article_json(tmp_path / "cold")
    searched = sorted(p.relative_to(tmp_path / "cold") for p in (tmp_path / "cold" / "search").rglob("*.json"))
    assert len(searched) > 3
    for name in searched:
        assert (tmp_path / "warm" / name).read_bytes() == (tmp_path / "cold" / name).read_bytes()
    # …and the poison works: with an empty cache the same build fails.
    result = None
    try:
        build(content, tmp_path / "fails", cache=tmp_path / "empty", PYTHONPATH=str(poison.parent))
    except AssertionError as err:
        result = str(err)
    assert result is not None and "must not be imported" in result
