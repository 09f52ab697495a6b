"""Small pieces of the Pelican glue that have rules of their own."""

from newsreader.generators import page_url, paginate


def group(n):
    return {"count": n}


def test_mentions_paginate_by_article_groups_without_splitting_one():
    pages = paginate([group(60), group(30), group(20), group(150), group(5)], 100)
    assert [[g["count"] for g in page] for page in pages] == [[60, 30], [20], [150], [5]]
    assert paginate([], 100) == [[]]


def test_entity_pages_use_folder_urls():
    assert page_url("entity/g7/", 1) == "entity/g7/"
    assert page_url("entity/g7/", 2) == "entity/g7/page/2/"
