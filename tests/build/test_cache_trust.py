"""A cache restored from anywhere can make a build slower, never wrong and never harmful.

The Pages workflow restores ``.cache/newsreader`` from the CI cache, which other workflow runs can write. Entries
are authenticated (a MAC keyed by a secret not in the cache: tests/build/test_cache_secret.py forges entries without
it); these tests go further and write entries *with* the secret and right headers, and check that even then
nothing in them is run, used as a path outside the output, or published under another page's name.
"""

from __future__ import annotations

import pytest

import json
import marshal
import os
import pickle
import resource
import subprocess
import sys

from conftest import ROOT, build, entry_text
from newsreader.build import article_memo
from newsreader.build.cache import Cache, key
from newsreader.build.page_packs import PackedCache
from test_cache_damage import copied_cache, entries, warm  # noqa: F401 - the fixture
from test_noop_memo import memo_of, plant_memo, the_memo
from test_page_cache import different

# Run in the build process (and inherited by the processes it forks): every unpickling of a class and every
# unmarshalling that is not Python importing a module, nor multiprocessing talking to its own workers, is noted.
AUDIT = r"""
import os, sys
def _hook(event, args):
    if event not in ("marshal.loads", "marshal.load", "pickle.find_class"):
        return
    frame = sys._getframe(1)
    while frame is not None:
        name = frame.f_code.co_filename
        if name.startswith("<frozen importlib") or os.sep + "multiprocessing" + os.sep in name:
            return
        frame = frame.f_back
    with open(os.environ["AUDIT_LOG"], "a") as log:
        log.write(f"{event} {str(args)[:80]}\n")
sys.addaudithook(_hook)
import runpy
sys.argv = ["pelican", "-s", "pelican.conf.py"]
runpy.run_module("pelican", run_name="__main__", alter_sys=True)
"""

MEMORY_CAP = 4 << 30  # bytes of address space a build may take here


def audited_build(corpus, out, cache, log, timeout=600) -> subprocess.CompletedProcess:
    env = dict(os.environ, NEWSREADER_CONTENT=str(corpus), NEWSREADER_OUTPUT=str(out), NEWSREADER_CACHE=str(cache),
               SITEURL="", COLUMNS="1000", AUDIT_LOG=str(log))
    env.pop("PYTHONPATH", None)
    return subprocess.run([sys.executable, "-c", AUDIT], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=timeout, preexec_fn=_capped)


def _capped() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


class _Mkdir:
    """A pickle that makes a folder when it is loaded: what a crafted entry could run."""

    def __init__(self, path):
        self.path = str(path)

    def __reduce__(self):
        return (os.mkdir, (self.path,))


@pytest.mark.slow
def test_nothing_read_from_the_cache_is_unpickled_unmarshalled_or_run(warm, tmp_path):
    corpus, _, reference = warm
    cache = copied_cache(warm, tmp_path)
    marker = tmp_path / "payload-ran"
    # Jinja's bytecode format (magic, pickled checksum, marshalled code) with a pickle that runs a payload.
    from jinja2.bccache import bc_magic  # noqa: PLC0415

    poison = bc_magic + pickle.dumps(_Mkdir(marker), 2) + marshal.dumps(compile("1", "x", "eval"))
    store = Cache(cache / "pages")
    for path in (cache / "pages").glob("*/*.code"):  # compiled templates, where a build keeps them
        store.put_bytes(path.stem, poison, ".code")
    for page in [*(cache / "pages" / "packs").glob("*.pack"), *(cache / "pages").glob("*/*.json")]:
        page.unlink()  # every page is rendered: every template is loaded
    log = tmp_path / "audit.log"
    result = audited_build(corpus, tmp_path / "out", cache, log)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not marker.exists(), "a compiled template from the cache was run"
    assert not log.exists(), log.read_text()
    assert different(reference, tmp_path / "out") == []
    # A rebuild where nothing changed reads the annotations' memo: as data, never unmarshalled.
    result = audited_build(corpus, tmp_path / "out", cache, log)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not log.exists(), log.read_text()


def test_a_crafted_memo_is_a_miss_within_bounded_memory(warm, tmp_path):
    corpus, _, reference = warm
    cache = copied_cache(warm, tmp_path)
    digest = the_memo(cache)
    crafted = [
        marshal.dumps(compile("import os; os.mkdir('x')", "memo", "exec")),  # a code object
        b"[" + (0x7FFFFFFF).to_bytes(4, "little"),  # a list header of two thousand million items
        b"{" * 100_000,  # nesting beyond any parser's depth
        b"[" * 100_000 + b"]" * 100_000,
    ]
    for payload in crafted:
        plant_memo(cache, digest, payload)  # its record agrees with it
        result = audited_build(corpus, tmp_path / "out", cache, tmp_path / "audit.log", timeout=120)
        assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
        assert "Traceback" not in result.stdout + result.stderr
        assert different(reference, tmp_path / "out") == []


def test_search_listing_paths_never_leave_the_output(warm, tmp_path):
    corpus, _, reference = warm
    cache = copied_cache(warm, tmp_path)
    store = Cache(cache)
    listings = entries(cache, "*/search-*.json")
    some_file = next(iter(store.get(listings[0].stem).values()))
    climbed = "../" * 40 + str(tmp_path / "climbed.txt").lstrip("/")
    for path in listings:
        store.put(path.stem, {str(tmp_path / "absolute.txt"): some_file, climbed: some_file,
                              "s-x/../../../../../../escaped.txt": some_file})
    result = build(corpus, tmp_path / "out", cache=cache)
    assert not (tmp_path / "absolute.txt").exists()
    assert not (tmp_path / "climbed.txt").exists()
    assert not list(tmp_path.rglob("escaped.txt"))
    assert "Traceback" not in result.stdout + result.stderr
    assert different(reference, tmp_path / "out") == []


def test_output_manifest_paths_never_leave_the_output(warm, tmp_path):
    corpus, _, reference = warm
    cache = copied_cache(warm, tmp_path)
    out = tmp_path / "site" / "out"
    build(corpus, out, cache=cache)
    victims = [tmp_path / "victim.txt", tmp_path / "site" / "README.md"]
    for victim in victims:
        victim.write_text("not the build's", encoding="utf-8")
    manifests = Cache(cache / "output")
    name = key("output folder", os.path.realpath(out))
    manifest = manifests.get(name)
    assert manifest, "no manifest for the output folder"
    record = next(iter(manifest.values()))
    manifest[str(victims[0])] = record  # an absolute path
    manifest["../README.md"] = record  # and one climbing out
    manifest["news/../../README.md"] = record
    manifests.put(name, manifest)
    folders = manifests.get(key(name, "folders")) or {}
    folders["../.."] = [0, 0, 0]
    manifests.put(key(name, "folders"), folders)
    result = build(corpus, out, cache=cache)
    assert all(victim.read_text(encoding="utf-8") == "not the build's" for victim in victims)
    assert "Traceback" not in result.stdout + result.stderr
    assert different(reference, out) == []


def test_entries_swapped_inside_a_pack_are_misses(tmp_path):
    store = PackedCache(tmp_path)
    one, two = b"<p>page one</p>", b"<p>page two</p>"
    assert len(one) == len(two)
    store.put_bytes("a" * 64, one, ".out")
    store.put_bytes("b" * 64, two, ".out")
    store.seal()
    pack = next((tmp_path / "packs").glob("*.pack"))
    index = store.index_of(pack)
    (a_at, a_len, *_), (b_at, b_len, *_) = index["a" * 64 + ".out"], index["b" * 64 + ".out"]
    data = bytearray(pack.read_bytes())
    data[a_at:a_at + a_len], data[b_at:b_at + b_len] = data[b_at:b_at + b_len], data[a_at:a_at + a_len]
    pack.write_bytes(bytes(data))
    fresh = PackedCache(tmp_path)
    assert entry_text(fresh, "a" * 64, ".out") in (None, one.decode())
    assert entry_text(fresh, "b" * 64, ".out") in (None, two.decode())
    assert entry_text(fresh, "a" * 64, ".out") is None  # each entry's bytes are the other's: both are misses


def test_the_readme_and_the_workflow_say_what_a_restored_cache_can_do():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    workflow = (ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8")
    for text in (readme, workflow):
        said = " ".join(word for word in text.split() if word != "#")  # the workflow's comment, as one text
        assert "a restored cache can make a build slower, never wrong and never harmful" in said.lower(), text[:200]
        assert "entries are authenticated with a secret that is not in the cache" in said
        assert "NEWSREADER_CACHE_SECRET" in said
        assert "without it, each deploy rebuilds from scratch" in said.lower()
        for unsaid in ("not who wrote it", "restore caches only from runs you trust", "slower, never harmful"):
            assert unsaid not in said, unsaid
    assert "verified when read, so an older cache is safe" not in " ".join(workflow.split())
    architecture = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")  # the maintainers' side of the story
    assert "Jinja's compiled templates are not cached" in architecture


def edit_entity_indexes(cache, edit) -> None:
    """``edit(id, record)`` on each record of the site-wide entity index entries in ``cache`` (with right headers);
    the memo is removed, so that the next build reads the index from its entry."""
    store = Cache(cache)
    planted = 0
    for path in cache.glob("*/*.json"):
        value = store.get(path.stem)
        if isinstance(value, dict) and {"entities", "local", "ids"} <= set(value):  # the site-wide entity index
            for eid, record in value["entities"].items():
                edit(eid, record)
            store.put_text(path.stem, json.dumps(value))
            planted += 1
    assert planted
    for path in cache.glob(f"*/*{article_memo.SUFFIX}"):
        path.unlink()


def test_entity_page_urls_from_the_cache_never_leave_the_output(warm, tmp_path):
    corpus, _, reference = warm
    cache = copied_cache(warm, tmp_path)

    def escape(eid, record):
        if record.get("url"):
            record["url"] = f"../../../../../../../../{str(tmp_path).lstrip('/')}/escaped/{eid}/"

    edit_entity_indexes(cache, escape)
    result = build(corpus, tmp_path / "out", cache=cache)
    assert not (tmp_path / "escaped").exists()
    assert "Traceback" not in result.stdout + result.stderr
    assert different(reference, tmp_path / "out") == []


def test_records_nested_past_the_parsers_depth_are_misses(warm, tmp_path):
    corpus, _, reference = warm
    cache = copied_cache(warm, tmp_path)
    out = tmp_path / "out"
    build(corpus, out, cache=cache)  # a manifest and folder records for this output folder
    deep = b"[" * 100_000 + b"]" * 100_000
    for folder in (cache, cache / "pages", cache / "output"):
        store = Cache(folder)
        for path in folder.glob("*/*.json"):
            store.put_bytes(path.stem, deep)  # a right header
    result = build(corpus, out, cache=cache)
    assert "Traceback" not in result.stdout + result.stderr
    assert different(reference, out) == []


def test_a_memo_that_breaks_a_build_is_not_used_by_the_next(warm, tmp_path):
    corpus, _, reference = warm
    cache = copied_cache(warm, tmp_path)
    digest = the_memo(cache)
    value = json.loads(memo_of(cache, digest)[1])
    for article in value["articles"]:
        article["entities"] = [5]  # the outline is right; what is inside is not
    plant_memo(cache, digest, json.dumps(value).encode())  # its record agrees with it
    first = audited_build(corpus, tmp_path / "out", cache, tmp_path / "audit.log", timeout=300)  # may fail
    second = audited_build(corpus, tmp_path / "out", cache, tmp_path / "audit.log", timeout=300)
    assert second.returncode == 0, (first.stdout + first.stderr)[-2000:] + (second.stdout + second.stderr)[-2000:]
    assert different(reference, tmp_path / "out") == []
    third = audited_build(corpus, tmp_path / "out", cache, tmp_path / "audit.log", timeout=300)
    assert third.returncode == 0
    assert not list(cache.glob("*/*.trial"))  # each finished build removed its mark


def test_an_entity_index_entry_that_breaks_a_build_is_not_used_by_the_next(warm, tmp_path):
    corpus, _, reference = warm
    cache = copied_cache(warm, tmp_path)
    edit_entity_indexes(cache, lambda eid, record: record.update(articles=5))  # the outline right, not the inside
    first = audited_build(corpus, tmp_path / "out", cache, tmp_path / "audit.log", timeout=300)  # may fail
    second = audited_build(corpus, tmp_path / "out", cache, tmp_path / "audit.log", timeout=300)
    assert second.returncode == 0, (first.stdout + first.stderr)[-2000:] + (second.stdout + second.stderr)[-2000:]
    assert different(reference, tmp_path / "out") == []
