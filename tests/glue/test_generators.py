"""Small pieces of the Pelican glue that have rules of their own."""

from newsreader.entity_pages import page_url, paginate


def group(n, name="a"):
    return {"article": name, "sentences": [f"s{i}" for i in range(1, n + 1)], "count": n}


def test_mentions_paginate_at_most_size_sentences_a_page_continuing_a_long_article():
    """Issue 24: an entity page stays short at any size, so one article's many mentions run on over pages."""
    pages = paginate([group(12, "a"), group(6, "b"), group(45, "c"), group(2, "d")], 20)
    assert [sum(g["count"] for g in page) for page in pages] == [20, 20, 20, 5]
    assert [[(g["article"], g["count"], g["continued"]) for g in page] for page in pages] == [
        [("a", 12, False), ("b", 6, False), ("c", 2, False)],
        [("c", 20, True)], [("c", 20, True)], [("c", 3, True), ("d", 2, False)]]
    # Every sentence once, in order.
    assert [s for page in pages for g in page if g["article"] == "c" for s in g["sentences"]] == group(45)["sentences"]
    assert paginate([], 20) == [[]]
    # A first page of its own size (below the summary), the others larger.
    pages = paginate([group(12, "a"), group(45, "c")], 30, first=10)
    assert [[(g["article"], g["count"]) for g in page] for page in pages] == [
        [("a", 10)], [("a", 2), ("c", 28)], [("c", 17)]]


def test_entity_pages_use_folder_urls():
    assert page_url("entity/g7/", 1) == "entity/g7/"
    assert page_url("entity/g7/", 2) == "entity/g7/page/2/"
