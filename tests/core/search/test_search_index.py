"""The search index: the same as lunr.py and lunr.js build, and its shards answer exactly like the whole index.

The sharded client (theme/static/js/search-shards.js) runs in Node here and in
Chromium in test_browser_search.py, on the same query sets.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import subprocess
from pathlib import Path

import pytest

from bench_search import search_corpus
from conftest import ROOT, SEED_DIR, require_tool
from newsreader.core.search import lunr_js, shards as search_shards
from newsreader.build.cache import Cache
from newsreader.build.publish import Publisher
from newsreader.core.text.rawformat import parse
from newsreader.core.search.fold import fold, unicode_trim
from newsreader.core.search.index import FIELDS, build, build_index, build_with_lunr_py, index_terms
from newsreader.search import _cache_files, _link_from_cache, search_files

WORDS = [
    # lunr.py's stemmer differs from lunr.js on words ending in "y"
    "Tuesday", "military", "money", "holiday", "attorney", "way", "sovereignty", "policy", "agency", "yesterday",
    # non-ASCII letters: kept by the Unicode trimmer, folded as a second term
    "Żmijewski", "Kraków", "Łódź", "Ølstykke", "Zürich", "São", "naïve", "café", "résumé", "Ærø",
    "Krakow", "Lodz", "Zmijewski", "Sao",
    # punctuation inside words
    "U.S.", "u.s", "3.5%", "3.5", "DeHart's", "Eun-bo", "cost-sharing", "co-operation", "—",
    # ordinary words and names
    "DeHart", "negotiators", "negotiator", "alliance", "Pentagon", "talks", "Korea", "troops", "dollars",
    "agreed", "running", "generalization", "happily", "relational", "conditional", "hopeful", "goodness",
    # words that are names of every JavaScript object's properties, and queries with no word at all
    "__proto__", "constructor", "hasOwnProperty", "toString", "*proto*", "__proto*", "constr*", "\U0001F642", "!!!",
    # lunr query syntax a reader may type
    "title:military", "militar*", "+military -alliance", "military^10", "talks~1", "krak*", "-talks",
]

DIACRITICS = [
    # (ref, title, body): synthetic fixtures, one spelling each
    ("Synthetic fixture: Kraków council", "The council of Kraków met on Tuesday."),
    ("Synthetic fixture: Krakow council", "The council of Krakow met on Tuesday."),
    ("Synthetic fixture: Łódź mill", "A mill in Łódź reopened."),
    ("Synthetic fixture: Lodz mill", "A mill in Lodz reopened."),
    ("Synthetic fixture: Żmijewski speaks", "Tomasz Żmijewski spoke to reporters."),
    ("Synthetic fixture: Zmijewski speaks", "Tomasz Zmijewski spoke to reporters."),
    ("Synthetic fixture: São Paulo port", "The port of São Paulo grew."),
    ("Synthetic fixture: Sao Paulo port", "The port of Sao Paulo grew."),
]


def fixture_documents() -> list[dict]:
    """The seed article, synthetic diacritics fixtures and 40 synthetic articles, as search documents."""
    seed = parse((SEED_DIR / "000_29d63d47178ef691.txt").read_bytes(), "seed")
    docs = [
        {"title": seed.headline, "entities": "James DeHart DeHart Jeong Eun-bo United States US Washington",
         "source": seed.source, "body": "\n".join(seed.paragraphs)},
        {"title": "Synthetic fixture: Żmijewski visits Kraków and Łódź", "entities": "Tomasz Żmijewski Kraków Łódź",
         "source": "Fixture Wire",
         "body": "On Tuesday the attorney said the holiday money would go a long way. Ølstykke and Zürich, São Paulo; "
                 "a naïve café résumé — the U.S. paid 3.5% more. Sovereignty policy of the agency, yesterday."},
        {"title": "Synthetic fixture: running relational conditional goodness", "entities": "Ærø",
         "source": "Fixture Wire B",
         "body": "Happily hopeful generalization; co-operation and cost-sharing talks among troops\u00a0and\u2003dollars."},
    ]
    docs += [{"title": t, "entities": "", "source": "Fixture Wire", "body": b} for t, b in DIACRITICS]
    docs += [{k: v for k, v in d.items() if k != "ref"} for d in search_corpus(40)[0]]
    docs += [{"title": "Synthetic fixture: object properties", "entities": "", "source": "Fixture Wire",
              "body": "The __proto__ field, its constructor and hasOwnProperty, toString and valueOf; the prototype."}]
    return [{"ref": str(i), **d} for i, d in enumerate(docs)]


def test_pipeline_pieces():
    assert lunr_js.tokenize("Cost-sharing  TALKS\u00a0now") == ["cost", "sharing", "talks", "now"]
    assert lunr_js.stem("tuesday") == "tuesday" and lunr_js.stem("military") == "militari"
    assert lunr_js.stem("relational") == "relat" and lunr_js.stem("yesterday") == "yesterday"
    # The Unicode trimmer keeps letters lunr.js's ASCII trimmer strips ("Łódź" must not become "d").
    assert unicode_trim("łódź,") == "łódź" and unicode_trim("«żmijewski»") == "żmijewski" and unicode_trim("u.s.") == "u.s"
    assert unicode_trim("—") == "" and lunr_js.trim("łódź") == "d"
    assert fold("łódź") == "lodz" and fold("kraków") == "krakow" and fold("são") == "sao" and fold("ærø") == "aero"
    assert index_terms("Łódź".lower()) == ("łódź", "lodz") and index_terms("krakow") == ("krakow",)
    assert index_terms("the") == ()


def test_index_is_what_lunr_py_builds():
    """build() computes the index directly; it is the very JSON lunr.py's Builder serializes."""
    docs = fixture_documents()
    assert json.dumps(build(docs), sort_keys=True) == json.dumps(build_with_lunr_py(docs), sort_keys=True)


def run_node(script: str, payload: dict, tmp_path: Path) -> dict:
    node = require_tool("node", "the lunr.js comparisons run in Node")
    if not (ROOT / "node_modules" / "lunr").exists():
        pytest.fail("node_modules/lunr is missing: run `npm ci` (invoke test does)")
    path = tmp_path / "input.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    out = subprocess.run([node, str(ROOT / "tests" / "js" / script), str(path)], capture_output=True, text=True,
                         timeout=600)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


@pytest.fixture(scope="module")
def comparison(tmp_path_factory):
    documents = fixture_documents()
    index = build(documents)
    queries = WORDS + [w.lower() for w in WORDS]
    words = ["Łódź", "Kraków", "KRAKÓW", "São", "naïve", "Ærø", "Ølstykke", "straße", "«Żmijewski»", "DeHart's",
             "U.S.", "James DeHart", "Jeong Eun-bo", "Zürich", "—", "the", "running"]
    payload = {"documents": documents, "index": index, "fields": FIELDS, "queries": queries, "words": words}
    return run_node("compare_lunr.js", payload, tmp_path_factory.mktemp("lunr")), index, words


def test_same_terms_as_lunr_js(comparison):
    result, _, _ = comparison
    assert result["ours"]["terms"] == result["js"]["terms"]


@pytest.mark.parametrize("word", WORDS)
def test_same_results_as_lunr_js(comparison, word):
    result, _, _ = comparison
    for q in (word, word.lower()):
        assert result["ours"]["results"][q] == result["js"]["results"][q], q


def test_the_words_that_matter_do_find_documents(comparison):
    result, _, _ = comparison
    for word in ("Tuesday", "military", "money", "holiday", "attorney", "DeHart", "negotiators", "Kraków", "Łódź"):
        assert result["ours"]["results"][word], word


def test_serialized_index_equals_lunr_js_apart_from_float_rounding(comparison):
    result, ours, _ = comparison
    theirs = result["jsSerialized"]
    assert ours["fields"] == theirs["fields"]
    assert ours["pipeline"] == theirs["pipeline"] == ["unicodeTrimmer", "foldDiacritics", "stemmer"]
    assert [t for t, _ in ours["invertedIndex"]] == [t for t, _ in theirs["invertedIndex"]]


def test_browser_pipeline_functions_equal_the_python_ones(comparison):
    result, _, words = comparison
    for word in words:
        js = result["fold"][word]
        if " " not in word:  # the browser marks words with these terms (an empty one marks nothing)
            assert js["terms"] == [t for t in index_terms(word.lower()) if t], word
        assert js["key"] == search_shards.alias_key(word), word
        assert js["bucket"] == search_shards.bucket(search_shards.alias_key(word), 7), word


def test_lunr_js_own_trimmer_would_lose_polish_names():
    """Why the Unicode trimmer exists: lunr.js's trimmer (ported in lunr_js.trim) cuts Łódź to "d"."""
    for word, js in (("łódź", "d"), ("żmijewski", "mijewski")):
        assert lunr_js.trim(word) == js != unicode_trim(word)


# ---- diacritics, ranking --------------------------------------------------------------------
def ranked(result: dict, q: str, docs: list[dict]) -> list[str]:
    return [docs[int(ref)]["title"] for ref, _ in result["whole"][q]]


@pytest.fixture(scope="module")
def fixture_answers(tmp_path_factory):
    """Whole-index and sharded answers for the fixture corpus (queries: query_set)."""
    docs = fixture_documents()
    folder = tmp_path_factory.mktemp("fixture-search")
    write_files(folder, docs)
    queries = query_set(build_index(docs), docs, random.Random(14))
    return docs, queries, folder, run_node("compare_shards.js", {"dir": str(folder), "queries": queries},
                                           tmp_path_factory.mktemp("node"))


@pytest.mark.parametrize("plain, accented", [("Krakow", "Kraków"), ("Lodz", "Łódź"), ("Zmijewski", "Żmijewski"),
                                             ("Sao Paulo", "São Paulo")])
def test_unaccented_query_finds_accented_text_and_exact_spelling_ranks_first(fixture_answers, plain, accented):
    docs, _, _, result = fixture_answers
    found = ranked(result, plain, docs)
    assert any(accented in t for t in found) and any(f": {plain} " in t for t in found)
    # Spelled with its accents, the query ranks the accented fixture first, then finds the other spelling too.
    exact = [t for t in ranked(result, accented, docs) if t.startswith("Synthetic fixture: ")]
    other = next(i for i, t in enumerate(exact) if t.startswith(f"Synthetic fixture: {plain} "))
    assert other > 0 and all(accented in t for t in exact[:other])


def test_polish_name_is_not_indexed_as_a_fragment(fixture_answers):
    docs, _, folder, _ = fixture_answers
    terms = json.loads((folder / "lunr-index.json").read_text(encoding="utf-8"))["invertedIndex"]
    names = {t for t, _ in terms}
    assert {"łódź", "lodz", "kraków", "krakow", "żmijewski", "zmijewski"} <= names and "d" not in names


# ---- the sharded index answers exactly like the whole one --------------------------------------
def write_files(folder: Path, docs: list[dict]) -> dict[str, str]:
    store = {"docs": [{"t": d["title"], "u": f"/a/{d['ref']}/", "s": d["source"], "d": None, "y": None, "e": [],
                       "x": "", "j": None, "p": [["s1", d["body"]]]} for d in docs],
             "entities": {"james-dehart": ["James DeHart", "person", ["DeHart"], "/entity/james-dehart/"]}}
    files = search_files(docs, store, whole=True)
    for path, text in files.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text(text, encoding="utf-8")
    return files


def query_set(index, docs: list[dict], rng: random.Random) -> list[str]:
    """About 250 queries of every kind, from the corpus's own words (as typed: not stemmed)."""
    df: dict[str, int] = {}
    for doc in docs:
        for token in set(lunr_js.tokenize(doc["body"] + " " + doc["title"])):
            word = unicode_trim(token)
            if word and index_terms(word) and word.isalpha():
                df[word] = df.get(word, 0) + 1
    by_df = sorted(df, key=lambda w: (-df[w], w))
    common, rare = by_df[:30], [w for w in by_df if df[w] == 1]
    mid = [w for w in by_df if 3 <= df[w] <= max(4, len(docs) // 5)]
    pick = lambda pool, n: rng.sample(pool, min(n, len(pool)))  # noqa: E731
    words = pick(common, 14) + pick(mid, 14) + pick(rare, 14)
    q = list(words)
    q += [" ".join(pick(mid + common, rng.choice((2, 3)))) for _ in range(30)]
    q += [f"+{a} {b}" for a, b in zip(pick(common, 8), pick(mid, 8))] + [f"+{a} +{b}" for a, b in zip(pick(common, 6), pick(common, 6))]
    q += [f"{a} -{b}" for a, b in zip(pick(common, 8), pick(mid + common, 8))] + [f"+{a} -{b}" for a, b in zip(pick(mid, 5), pick(common, 5))]
    q += [f"-{a}" for a in pick(common, 5)] + [f"-{a} -{b}" for a, b in zip(pick(mid, 4), pick(rare, 4))]
    q += [f"{f}:{w}" for f in ("title", "body", "source", "entities") for w in pick(common + mid, 4)]
    q += [f"title:{a} {b}" for a, b in zip(pick(common, 4), pick(mid, 4))]
    q += [w[:n] + "*" for w in pick([w for w in common + mid if len(w) > 5], 16) for n in (rng.randint(2, 5),)]
    q += ["ka*", "title:syn*", "k*", "t*", "+tal* -osaka"]
    q += [w + "~1" for w in pick(mid + common, 10)] + [w + "~2" for w in pick(mid + rare, 8)]
    q += [w[:-1] + "x~1" for w in pick([w for w in mid if len(w) > 4], 6)]
    q += ["*" + w[-3:] for w in pick([w for w in common if len(w) > 4], 4)] + [w[0] + "*" + w[-2:] for w in pick(common, 4)]
    q += [f"{a}^10 {b}" for a, b in zip(pick(mid, 6), pick(common, 6))] + [f"{a}^3 {b}^0.5" for a, b in zip(pick(rare, 4), pick(mid, 4))]
    q += ["zzyzxabsent", "qwertyuiopabsent talks", "+zzyzxabsent " + common[0], "-zzyzxabsent", "absentword~1"]
    q += ["Kraków", "Krakow", "Łódź", "Lodz", "Żmijewski", "Zmijewski", "Sao Paulo", "São Paulo", "krak*", "lódz~1",
          "DeHart", "Tuesday", "U.S.", "title:fixture", "+Tuesday -Kraków", "military^10 talks", "negotiator~2",
          "__proto__", "constructor", "hasOwnProperty", "toString", "valueOf", "*proto*", "__proto*", "proto~2",
          "__proto__ talks", "+__proto__ -constructor", "title:constructor", "\U0001F642", "!!!"]
    q = list(dict.fromkeys(q))
    pool = common + mid + rare
    while len(q) < 220:  # a small vocabulary repeats itself: more combinations
        a, b, c = rng.sample(pool, 3)
        extra = rng.choice([f"{a} {b}", f"+{a} {b} {c}", f"{a} -{b}", f"title:{a} {b}~1", f"{a[:3]}* {b}"])
        if extra not in q:
            q.append(extra)
    return q


def assert_same_answers(result: dict, queries: list[str]) -> None:
    assert len(queries) >= 200
    different = [q for q in queries if not (result["whole"][q] == result["fresh"][q] == result["session"][q])]
    assert different == []
    assert sum(1 for q in queries if isinstance(result["whole"][q], list) and result["whole"][q]) >= 150


def test_shards_answer_like_the_whole_index_on_the_fixture_corpus(fixture_answers):
    _, queries, _, result = fixture_answers
    assert_same_answers(result, queries)


@pytest.fixture(scope="module")
def bench_answers(tmp_path_factory):
    """The bench's synthetic corpus (600-word articles), big enough for hundreds of shards."""
    docs, store = search_corpus(int(os.environ.get("SEARCH_TEST_ARTICLES", "400")))
    folder = tmp_path_factory.mktemp("bench-search")
    for path, text in search_files(docs, store, whole=True).items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text(text, encoding="utf-8")
    queries = query_set(build_index(docs), docs, random.Random(1000))
    return queries, folder


@pytest.mark.slow
def test_shards_answer_like_the_whole_index_on_the_bench_corpus(bench_answers, tmp_path):
    queries, folder = bench_answers
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["shards"] > 100 and len(manifest["groups"]) < manifest["shards"] / 50 and "keys" in manifest
    result = run_node("compare_shards.js", {"dir": str(folder), "queries": queries, "maxShards": 10**6}, tmp_path)
    assert_same_answers(result, queries)
    # A plain one-word query reads one shard, nothing else (the manifest lists every shard's key).
    assert result["files"][queries[0]] == 1


def test_a_fuzzy_term_reads_the_terms_of_its_lengths_only(bench_answers, tmp_path):
    """Format 3: w~d reads v<len(w)-d>.json … v<len(w)+d>.json, never the whole vocabulary, and answers the same."""
    queries, folder = bench_answers
    fuzzy = [q for q in queries if "~" in q and "*" not in q]
    result = run_node("compare_shards.js", {"dir": str(folder), "queries": fuzzy, "maxShards": 10**6}, tmp_path)
    assert len(fuzzy) >= 15 and all(result["whole"][q] == result["fresh"][q] for q in fuzzy)
    assert sum(1 for q in fuzzy if result["whole"][q]) >= 10
    for q in fuzzy:
        lengths = {int(n[1:-5]) for n in result["names"][q] if n.startswith("v") and n != "vocab.json"}
        words = [w for w in q.split() if "~" in w]
        assert "vocab.json" not in result["names"][q] and lengths, q
        assert len(lengths) <= sum(2 * int(w.rsplit("~", 1)[1]) + 1 for w in words), q
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    vocab = json.loads((folder / manifest["dir"] / "vocab.json").read_text(encoding="utf-8"))
    by_length = {}
    for n in range(1, manifest["lengths"] + 1):
        for shard, *terms in json.loads((folder / manifest["dir"] / f"v{n}.json").read_text(encoding="utf-8")):
            for term in terms:
                assert min(search_shards.js_length(term), manifest["lengths"]) == n and term in vocab[shard]
                by_length[term] = n
    assert len(by_length) == sum(len(terms) for terms in vocab)


@pytest.mark.slow
def test_a_huge_expansion_is_capped_and_says_so(bench_answers, tmp_path):
    queries, folder = bench_answers
    result = run_node("compare_shards.js", {"dir": str(folder), "queries": queries}, tmp_path)
    capped = set(result["approximate"])
    assert capped and all(q.startswith("*") or q in ("k*", "t*") for q in capped)
    assert all(result["whole"][q] == result["fresh"][q] for q in queries if q not in capped)
    # the vocabulary, the capped expansion, the query's own shard and a few key files
    assert max(result["files"].values()) <= 48 + 6


@pytest.mark.slow
def test_a_client_without_the_vocabulary_gets_other_answers(bench_answers, tmp_path):
    """The equality test can fail: a naive client (no vocabulary, no prefix ranges) differs on wildcards/fuzzy."""
    queries, folder = bench_answers
    result = run_node("compare_shards.js", {"dir": str(folder), "queries": queries, "naive": True}, tmp_path)
    different = [q for q in queries if result["whole"][q] != result["fresh"][q]]
    assert different and all(("*" in q or "~" in q) for q in different)


@pytest.mark.slow
def test_the_likely_first_result_is_fetched_during_the_search(bench_answers, tmp_path):
    """With prefetch, a plain query fetches one display file while lunr searches: nearly always the first result's."""
    queries, folder = bench_answers
    result = run_node("compare_shards.js", {"dir": str(folder), "queries": queries, "maxShards": 10**6, "prefetch": True},
                      tmp_path)
    assert_same_answers(result, queries)
    plain = [q for q in queries if not any(c in q for c in "+-:^~") and result["whole"][q]]
    right = [q for q in plain if result["prefetched"][q] == [result["whole"][q][0][0]]]
    assert len(plain) >= 60 and len(right) >= 0.95 * len(plain)
    assert all(len(result["prefetched"][q]) <= 1 for q in queries)
    # required, prohibited, field-scoped or boosted words: no guess
    assert all(result["prefetched"][q] == [] for q in queries if any(c in q for c in "+-:^"))


# ---- the files -----------------------------------------------------------------------------
@pytest.mark.slow
def test_a_big_index_keeps_its_keys_out_of_the_manifest(bench_answers, tmp_path, monkeypatch):
    """Past INLINE_KEYS shards the manifest names every 64th key only, and a query reads one key file."""
    queries, folder = bench_answers
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["keys"][::manifest["group"]] == manifest["groups"]
    monkeypatch.setattr(search_shards, "INLINE_KEYS", 10)
    docs, store = search_corpus(int(os.environ.get("SEARCH_TEST_ARTICLES", "400")))
    big = tmp_path / "big"
    for path, text in search_files(docs, store, whole=True).items():
        (big / path).parent.mkdir(parents=True, exist_ok=True)
        (big / path).write_text(text, encoding="utf-8")
    assert "keys" not in json.loads((big / "manifest.json").read_text(encoding="utf-8"))
    some = queries[:60] + [q for q in queries if "*" in q or "~" in q][:40]
    result = run_node("compare_shards.js", {"dir": str(big), "queries": some, "maxShards": 10**6}, tmp_path)
    assert all(result["whole"][q] == result["fresh"][q] == result["session"][q] for q in some)
    assert result["files"][queries[0]] == 2  # the keys of one group of shards, and one shard


def test_a_fields_postings_are_grouped_by_weight_in_base_32():
    """The format docs/search-shards.md describes: refs 0 and 7 weigh 0.5, ref 3 weighs 0.25; 250 is "H" (7·32) then "q" (26)."""
    assert search_shards.postings_text([(0, 0.5), (3, 0.25), (7, 0.5)]) == "Hq13Hq207"
    assert [search_shards.number_text(n) for n in (0, 31, 32, 1023, 1024)] == ["0", "v", "B0", ")v", "BA0"]
    with pytest.raises(ValueError):
        search_shards.postings_text([(0, 0.1234)])  # not a whole number of thousandths: lunr never stores one


def test_shards_are_small_and_a_common_term_has_its_own(bench_answers):
    _, folder = bench_answers
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    shard_dir = folder / manifest["dir"]
    sizes = sorted(len(gzip.compress(p.read_bytes(), 6)) for p in shard_dir.glob("t*.json"))
    assert sizes[len(sizes) // 2] < 5000
    shards = [json.loads((shard_dir / f"t{n}.json").read_text(encoding="utf-8")) for n in range(manifest["shards"])]
    talk = [s for s in shards if any(e[0] == "talk" for e in s)][0]
    assert len(talk) == 1  # "talk" is in every synthetic article: alone in its shard
    # Keys are ascending and each shard's terms lie between its key and the next; the manifest has every 64th.
    keys = [k for g in range(len(manifest["groups"])) for k in json.loads((shard_dir / f"k{g}.json").read_text(encoding="utf-8"))]
    assert len(keys) == len(shards) and keys[::manifest["group"]] == manifest["groups"]
    for n, s in enumerate(shards):
        assert all(keys[n] <= e[0] and (n + 1 == len(keys) or e[0] < keys[n + 1]) for e in s)


def test_no_change_rebuild_takes_every_file_from_the_cache(tmp_path):
    docs, store = search_corpus(30)
    cache = Cache(tmp_path / "cache")
    files = search_files(docs, store)
    _cache_files(cache, "search-x", files)
    cache.publisher = Publisher(tmp_path / "site", None)  # the build's, which places reused files
    out = cache.publisher.stage() / "search"
    assert _link_from_cache(cache, "search-x", out)
    written = sorted(p for p in out.rglob("*") if p.is_file())
    # copies, never links: editing a file in the output cannot change the cache
    assert len(written) == len(files) and all(p.stat().st_nlink == 1 for p in written)
    assert all((out / path).read_text(encoding="utf-8") == text for path, text in files.items())
    assert not _link_from_cache(cache, "search-y", tmp_path / "other")


def test_same_documents_same_files():
    docs, store = search_corpus(20)
    first, second = search_files(docs, store), search_files(docs, store)
    assert first == second
    manifest = json.loads(first["manifest.json"])
    assert manifest["dir"].startswith("s-") and all(p == "manifest.json" or p.startswith(manifest["dir"] + "/")
                                                    for p in first)
    # The files only tools read, on request: the same shards beside them.
    whole = search_files(docs, store, whole=True)
    assert set(whole) - set(first) == {"lunr-index.json", "store.json"} and all(whole[p] == first[p] for p in first)
    docs[3] = {**docs[3], "body": docs[3]["body"] + " changed"}
    assert json.loads(search_files(docs, store)["manifest.json"])["dir"] != manifest["dir"]


def test_alias_table_finds_entities_by_name_and_alias():
    docs, store = search_corpus(20)
    files = search_files(docs, store)
    manifest = json.loads(files["manifest.json"])
    for typed, name in (("Holmqvist", "Lena Holmqvist"), ("lena holmqvist", "Lena Holmqvist"), ("Krakow", "Kraków"),
                        ("Petrenko's", "Olga Petrenko")):
        key = search_shards.alias_key(typed)
        table = json.loads(files[f"{manifest['dir']}/a{search_shards.bucket(key, manifest['aliases'])}.json"])
        assert table[key][0][0] == name


def test_the_search_files_start_once_the_articles_are_annotated(tmp_path):
    """The search generator starts its process on the annotated signal of its own build, once."""
    from pelican.settings import DEFAULT_CONFIG
    from newsreader import annotation as annotate
    from newsreader.search import SearchGenerator

    settings = dict(DEFAULT_CONFIG, NEWSREADER_CACHE_PATH=str(tmp_path / "cache"), PATH=str(tmp_path))
    context = {"articles": []}
    generator = SearchGenerator(context=context, settings=settings, path=str(tmp_path),
                                theme=DEFAULT_CONFIG["THEME"], output_path=str(tmp_path / "out"))
    annotate.annotated.send({"articles": []})  # another build's
    assert generator.name is None and generator.worker is None
    annotate.annotated.send(context)
    assert generator.name and generator.worker is not None
    worker = generator.worker
    worker.join()
    assert worker.exitcode == 0 and Cache(tmp_path / "cache").has(generator.name)  # the files are in the cache
    generator.generate_context()
    annotate.annotated.send(context)
    assert generator.worker is worker  # started once
