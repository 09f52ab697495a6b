"""A hostile but fair content folder builds: each bad input costs one warning naming the file (and line), not the site."""

from __future__ import annotations

import json
import os
import re
import threading
from pathlib import Path

import pytest

from conftest import SEED_DIR, build, write_raw

SEED_URL = "news/us-south-korea-military-cost-sharing-talks-collapse/"
LONG_HEADLINE = "Synthetic headline that goes on " + " and on" * 120
SECRET = "root:x:0:0"  # what /etc/passwd starts with


CORRECTIONS = """\
entites:
  - name: Lisbon
    hide: true
entities:
  - name: Daniel Obuya
    aliases: ['']
  - name: Iran Press TV
    type: [organization]
    hide: true
  - name: Lisbon
    hide: 'no'
  - name: Daniel Obuya
    merge_into: Lisbon
  - name: Lisbon
    merge_into: Daniel Obuya
  - name: Daniel Obuya
    rename: Daniel Obuya-Reiter
events:
  - article: synthetic-long-paragraph
    date: 2019-02-31
  - article: synthetic-long-paragraph
    date: 2019-W60
"""


def _make_corpus(folder: Path) -> Path:
    news = folder / "news"
    news.mkdir(parents=True)
    for seed in SEED_DIR.glob("*.txt"):
        (news / seed.name).write_bytes(seed.read_bytes())
    # The newest article of the corpus: it is in the site's feed (its 10 latest).
    write_raw(news, "controls.txt", "Synthetic control\fcharacters", "Synthetic Wire", "12 May 2021",
              ["Synthetic first paragraph.", "Pasted\x00 from\x1b[1m a PDF\vwith a page break.\f"])
    (news / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (news / "wide.txt").write_bytes(
        "Synthetic UTF-16 caf\u00e9 headline\r\nSynthetic Wire\r\n4 May 2021\r\nA synthetic caf\u00e9 paragraph.\r\n".encode("utf-16"))
    write_raw(news, "long.txt", LONG_HEADLINE, "Synthetic Wire", "5 May 2021", ["A synthetic paragraph under a long headline."])
    for name, headline in [("dup_a.txt", "Synthetic X"), ("dup_b.txt", "Synthetic X"), ("dup_c.txt", "Synthetic X 2")]:
        write_raw(news, name, headline, "Synthetic Wire", "6 May 2021", [f"Synthetic body of {name}."])
    write_raw(news, "nosource.txt", "Synthetic article from an odd source", "???", "7 May 2021", ["Synthetic body."])
    sentence = "Synthetic Alma Veress met Daniel Obuya in Lisbon on Monday. "
    write_raw(news, "longpara.txt", "Synthetic long paragraph", "Synthetic Wire", "8 May 2021", [sentence * 250])
    write_raw(news, "huge.txt", "Synthetic huge article", "Synthetic Wire", "9 May 2021", [sentence * 3500])
    write_raw(news, "noheadline.txt", "???", "Synthetic Wire", "10 May 2021", ["Synthetic body without a headline."])
    (news / "long_markdown.md").write_text(f"Title: {LONG_HEADLINE} in Markdown\nDate: 2021-05-11 10:00\n\nSynthetic body.\n",
                                           encoding="utf-8")
    (folder / "annotations.yml").write_text(CORRECTIONS, encoding="utf-8")
    (news / "passwd.txt").symlink_to("/etc/passwd")
    (news / "etc").symlink_to("/etc", target_is_directory=True)
    (news / "loop").symlink_to("..", target_is_directory=True)
    os.mkfifo(news / "fifo.txt")
    return folder


@pytest.fixture(scope="module")
def bad_site(tmp_path_factory):
    corpus = _make_corpus(tmp_path_factory.mktemp("bad-corpus"))
    out = tmp_path_factory.mktemp("bad-out")
    result = {}
    # A FIFO that blocked the build would hang it: run it in a thread with a deadline.
    worker = threading.Thread(target=lambda: result.update(run=build(corpus, out, NEWSREADER_TOOL_EXPORTS="1")),
                              daemon=True)
    worker.start()
    worker.join(300)
    assert "run" in result, "the build did not finish (a FIFO read?)"
    run = result["run"]
    return corpus, out, re.sub(r"\s+", " ", run.stdout + run.stderr)


def _all_text(out: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in out.rglob("*") if p.is_file())


@pytest.mark.slow
def test_the_site_builds_and_the_good_articles_are_published(bad_site):
    _, out, log = bad_site
    assert "Traceback" not in log and "Could not process" not in log, log
    assert (out / SEED_URL / "index.html").exists()
    assert "Synthetic UTF-16 café headline" in (out / "news/synthetic-utf-16-cafe-headline/index.html").read_text(encoding="utf-8")


def test_control_characters_are_cleaned_with_file_and_line(bad_site):
    _, out, log = bad_site
    assert re.search(r"controls\.txt:1: has control characters \(U\+0000 NUL, U\+000B VT, U\+000C FF, U\+001B ESC\) on lines 1, 5", log), log
    html = (out / "news/synthetic-control-characters/index.html").read_text(encoding="utf-8")
    assert "Pasted from[1m a PDF with a page break." in re.sub(r"<[^>]+>", "", html)  # the text, marks aside
    assert "\x00" not in html and "\x1b" not in html
    feed = (out / "feeds/all.atom.xml").read_text(encoding="utf-8")
    assert "Synthetic control characters" in feed and "\x00" not in feed and "\x1b" not in feed


def test_a_binary_file_is_skipped_by_name(bad_site):
    _, out, log = bad_site
    assert re.search(r"binary\.txt: is a binary file, not text", log), log


def test_a_very_long_headline_gets_a_short_slug(bad_site):
    _, out, log = bad_site
    assert re.search(r"long\.txt:1: headline its slug is \d+ characters long; shortened to 'synthetic-headline-that-goes-on-and-on", log), log
    # The Markdown article's title is the same but longer: cut to the same slug, it is numbered.
    folder, markdown = sorted(p for p in (out / "news").iterdir() if p.name.startswith("synthetic-headline-that-goes-on"))
    assert len(folder.name) <= 100 and not folder.name.endswith("-") and markdown.name == folder.name + "-2"
    assert "A synthetic paragraph under a long headline." in (folder / "index.html").read_text(encoding="utf-8")


def test_duplicate_headlines_get_a_free_slug(bad_site):
    _, out, log = bad_site
    bodies = {url: (out / "news" / url / "index.html").read_text(encoding="utf-8")
              for url in ("synthetic-x", "synthetic-x-2", "synthetic-x-3")}
    assert "Synthetic body of dup_a.txt." in bodies["synthetic-x"]
    assert "Synthetic body of dup_c.txt." in bodies["synthetic-x-2"]  # its own slug, not taken by the duplicate
    assert "Synthetic body of dup_b.txt." in bodies["synthetic-x-3"]
    assert re.search(r"dup_b\.txt: headline slug 'synthetic-x' already used by \S*dup_a\.txt; using 'synthetic-x-3'", log), log


def test_a_source_without_letters_gets_a_fallback_slug(bad_site):
    _, out, log = bad_site
    match = re.search(r"nosource\.txt:2: source '\?\?\?' has no letters or digits for a URL; using '(source-[0-9a-f]{8})'", log)
    assert match, log
    assert "Synthetic article from an odd source" in (out / "source" / match.group(1) / "index.html").read_text(encoding="utf-8")
    assert "Iran Press TV" in (out / "source/index.html").read_text(encoding="utf-8")  # the sources index survives
    assert "/source//" not in _all_text(out)


def test_nothing_outside_the_content_folder_is_read(bad_site):
    corpus, out, log = bad_site
    assert re.search(r"passwd\.txt: is a link to /etc/passwd, outside the content folder; skipped", log), log
    assert re.search(r"news/etc: is a link to /etc, outside the content folder; skipped", log), log
    assert re.search(r"news/loop\S*: is a link back to \S+, already read; skipped", log), log
    assert SECRET not in _all_text(out)
    published = json.loads((out / "search/store.json").read_text(encoding="utf-8"))
    assert len(published["docs"]) == 12, published  # the seed and the eleven good fixtures, each once


def test_a_long_paragraph_is_annotated_and_a_huge_article_published_without(bad_site):
    _, out, log = bad_site
    longer = json.loads((out / "data/articles/synthetic-long-paragraph.json").read_text(encoding="utf-8"))
    assert len(longer["sentences"]) == 250  # 15,000 characters, parsed in two pieces: every sentence annotated
    assert {(e["name"], len(e["mentions"])) for e in longer["entities"]} >= {("Daniel Obuya-Reiter", 250), ("Lisbon", 250)}
    assert re.search(r"huge\.txt: annotation failed \(the text is too long to annotate \(209,999 characters; at most 200,000\)\)", log), log
    assert "Synthetic Alma Veress met" in (out / "news/synthetic-huge-article/index.html").read_text(encoding="utf-8")


def test_a_headline_without_letters_and_a_long_markdown_title_get_usable_slugs(bad_site):
    _, out, log = bad_site
    match = re.search(r"noheadline\.txt:1: headline '\?\?\?' has no letters or digits for a URL; using '(article-[0-9a-f]{8})'", log)
    assert match, log
    assert "Synthetic body without a headline." in (out / "news" / match.group(1) / "index.html").read_text(encoding="utf-8")
    assert re.search(r"long_markdown\.md: headline its slug is \d+ characters long", log), log
    assert "/news//" not in _all_text(out)


def test_a_malformed_corrections_file_costs_a_warning_per_entry(bad_site):
    _, out, log = bad_site
    for line, message in [
        (1, "unknown section 'entites' — did you mean 'entities'?; ignored"),
        (6, "entities entry 1 ('Daniel Obuya'): aliases[0]: '' is blank; entry ignored"),
        (8, "entities entry 2 ('Iran Press TV'): type: ['organization'] is not one of"),
        (11, "entities entry 3 ('Lisbon'): hide: 'no' is not of type 'boolean'; entry ignored"),
        (12, "entities entry 4 ('Daniel Obuya'): merge_into makes a cycle (Daniel Obuya → Lisbon → Daniel Obuya)"),
        (14, "entities entry 5 ('Lisbon'): merge_into makes a cycle"),
        (20, "events entry 1 ('synthetic-long-paragraph'): date: '2019-02-31': day is out of range for month"),
        (22, "events entry 2 ('synthetic-long-paragraph'): date: '2019-W60': Invalid week: 60"),
    ]:
        assert f"annotations.yml:{line}: {message}" in log, (line, message, log)
    longer = json.loads((out / "data/articles/synthetic-long-paragraph.json").read_text(encoding="utf-8"))
    names = {e["name"] for e in longer["entities"]}
    assert {"Daniel Obuya-Reiter", "Lisbon"} <= names  # the good entry applied, the bad ones did nothing


def test_a_fifo_is_not_read(bad_site):
    _, _, log = bad_site
    assert re.search(r"fifo\.txt: is not a regular file", log), log


def test_a_folder_in_place_of_the_corrections_file(tmp_path):
    corpus = tmp_path / "corpus"
    write_raw(corpus / "news", "one.txt", "Synthetic only article", "Synthetic Wire", "3 May 2021", ["Synthetic body."])
    (corpus / "annotations.yml").mkdir()
    run = build(corpus, tmp_path / "out")
    log = re.sub(r"\s+", " ", run.stdout + run.stderr)
    assert "annotations.yml: cannot be read: not a file (a folder?); corrections ignored" in log, log
    assert (tmp_path / "out/news/synthetic-only-article/index.html").exists()
