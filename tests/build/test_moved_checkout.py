"""A checkout moved to another folder keeps its cache: no render key names where the project is."""

from __future__ import annotations

import shutil

from conftest import ROOT, build
from test_cache_damage import copied_cache, warm  # noqa: F401 - the fixture
from test_page_cache import cache_report, different


def test_the_theme_and_lunr_js_elsewhere_reuse_every_page(warm, tmp_path):
    corpus, _, reference = warm
    cache = copied_cache(warm, tmp_path)
    moved = tmp_path / "moved"
    shutil.copytree(ROOT / "theme", moved / "theme")
    (moved / "lunr").mkdir()
    shutil.copyfile(ROOT / "node_modules" / "lunr" / "lunr.min.js", moved / "lunr" / "lunr.min.js")
    settings = (f'THEME="{moved / "theme"}"', f'NEWSREADER_LUNR_JS="{moved / "lunr" / "lunr.min.js"}"')
    result = build(corpus, tmp_path / "out", cache=cache, args=("-v", "-e", *settings))
    assert cache_report(result)[1] == 0, "pages were rendered again"
    assert different(reference, tmp_path / "out") == []
