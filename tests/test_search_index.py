"""The lunr index built in Python answers exactly like an index lunr.js builds itself (checked in Node)."""

from __future__ import annotations

import json
import subprocess

import pytest

from conftest import ROOT, SEED_DIR, require_tool
from newsreader.core import lunr_js
from newsreader.core.rawformat import parse
from newsreader.core.search_index import FIELDS, build

WORDS = [
    # lunr.py's stemmer differs from lunr.js on words ending in "y"
    "Tuesday", "military", "money", "holiday", "attorney", "way", "sovereignty", "policy", "agency", "yesterday",
    # lunr.js's trimmer strips non-ASCII letters at the edges, lunr.py's does not
    "Żmijewski", "Kraków", "Łódź", "Ølstykke", "Zürich", "São", "naïve", "café", "résumé", "Ærø",
    # punctuation inside words
    "U.S.", "u.s", "3.5%", "3.5", "DeHart's", "Eun-bo", "cost-sharing", "co-operation",
    # ordinary words and names
    "DeHart", "negotiators", "negotiator", "alliance", "Pentagon", "talks", "Korea", "troops", "dollars",
    "agreed", "running", "generalization", "happily", "relational", "conditional", "hopeful", "goodness",
    # lunr query syntax a reader may type
    "title:military", "militar*", "+military -alliance", "military^10", "talks~1",
]


def synthetic_documents() -> list[dict]:
    seed = parse((SEED_DIR / "000_29d63d47178ef691.txt").read_bytes(), "seed")
    return [
        {"ref": "0", "title": seed.headline, "entities": "James DeHart Jeong Eun-bo United States US Washington",
         "source": seed.source, "body": "\n".join(seed.paragraphs)},
        {"ref": "1", "title": "Synthetic fixture: Żmijewski visits Kraków and Łódź",
         "entities": "Tomasz Żmijewski Kraków Łódź", "source": "Fixture Wire",
         "body": "On Tuesday the attorney said the holiday money would go a long way. Ølstykke and Zürich, São Paulo; "
                 "a naïve café résumé — the U.S. paid 3.5% more. Sovereignty policy of the agency, yesterday."},
        {"ref": "2", "title": "Synthetic fixture: running relational conditional goodness",
         "entities": "Ærø", "source": "Fixture Wire B",
         "body": "Happily hopeful generalization; co-operation and cost-sharing talks among troops\u00a0and\u2003dollars."},
    ]


def test_pipeline_pieces_match_lunr_js_behaviour():
    assert lunr_js.tokenize("Cost-sharing  TALKS\u00a0now") == ["cost", "sharing", "talks", "now"]
    assert lunr_js.trim("żmijewski") == "mijewski" and lunr_js.trim("u.s.") == "u.s" and lunr_js.trim("—") == ""
    assert lunr_js.stem("tuesday") == "tuesday" and lunr_js.stem("military") == "militari"
    assert lunr_js.stem("relational") == "relat" and lunr_js.stem("yesterday") == "yesterday"


@pytest.fixture(scope="module")
def comparison(tmp_path_factory):
    node = require_tool("node", "the lunr.js comparison runs in Node")
    if not (ROOT / "node_modules" / "lunr").exists():
        pytest.fail("node_modules/lunr is missing: run `npm ci` (invoke test does)")
    documents = synthetic_documents()
    index = build(documents)
    path = tmp_path_factory.mktemp("lunr") / "input.json"
    queries = WORDS + [w.lower() for w in WORDS]
    path.write_text(json.dumps({"documents": documents, "index": index, "fields": FIELDS, "queries": queries}), encoding="utf-8")
    out = subprocess.run([node, str(ROOT / "tests" / "js" / "compare_lunr.js"), str(path)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout), index


def test_same_terms_as_lunr_js(comparison):
    result, _ = comparison
    assert result["ours"]["terms"] == result["js"]["terms"]


@pytest.mark.parametrize("word", WORDS)
def test_same_results_as_lunr_js(comparison, word):
    result, _ = comparison
    for q in (word, word.lower()):
        assert result["ours"]["results"][q] == result["js"]["results"][q], q


def test_the_words_that_matter_do_find_documents(comparison):
    result, _ = comparison
    for word in ("Tuesday", "military", "money", "holiday", "attorney", "DeHart", "negotiators", "Kraków"):
        assert result["ours"]["results"][word], word


def test_serialized_index_equals_lunr_js_apart_from_float_rounding(comparison):
    result, ours = comparison
    theirs = result["jsSerialized"]
    assert ours["fields"] == theirs["fields"] and ours["pipeline"] == theirs["pipeline"] == ["stemmer"]
    assert [t for t, _ in ours["invertedIndex"]] == [t for t, _ in theirs["invertedIndex"]]


def test_lunr_py_default_pipeline_really_differs():
    """Why the project pipeline exists: lunr.py's own stemmer and trimmer give other tokens."""
    from lunr.stemmer import stemmer as py_stemmer  # noqa: PLC0415
    from lunr.token import Token  # noqa: PLC0415
    from lunr.trimmer import trimmer as py_trimmer  # noqa: PLC0415

    for word in ("tuesday", "money", "holiday"):
        assert str(py_stemmer(Token(word))) != lunr_js.stem(word) == word
    for word, js in (("u.s.", "u.s"), ("żmijewski", "mijewski"), ("łódź", "d")):
        assert str(py_trimmer(Token(word))) != lunr_js.trim(word) == js
