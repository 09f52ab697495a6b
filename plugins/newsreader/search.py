"""Search: the sharded lunr index and the display files written at the end of the build, plus the search page.

The files (``core/search/shards.py``) are built in a second process while the
other generators render pages, and kept in the cache under the index's key, so a
rebuild where no article changed links every one of them back in.
``lunr-index.json`` (the whole index) and ``store.json`` are written for tools only with
``NEWSREADER_TOOL_EXPORTS``; no page fetches them.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import shutil
from bisect import bisect_left
from collections.abc import Iterator
from functools import partial
from itertools import islice, pairwise
from pathlib import Path

from markupsafe import Markup
from pelican.generators import Generator

from . import annotation as annotate, dask_glue
from .build import keys as build_keys, state
from .core.search import shards as search_shards
from .build.cache import Cache, inside, is_digest, is_relative, key, replace_text
from .core.search.index import build_index, index_key, serialize
from .core.text.markup import visible

logger = logging.getLogger(__name__)
SKIPPED_TYPES = {"money", "quantity"}


def documents_and_store(articles, siteurl: str) -> tuple[list[dict], dict]:
    """One document per published article (refs are list positions) and the store of what results show."""
    docs, store = [], []
    entity_meta = {}
    for ref, article in enumerate(articles):
        raw = getattr(article, "raw", None)
        entities = article.newsreader.entities if raw else []
        names = []
        for e in entities:
            if e["type"] in SKIPPED_TYPES:
                continue
            names += [e["name"], *e["aliases"]]
            entity_meta[e["id"]] = [e["name"], e["type"], e["aliases"], e.get("href")]
        body = "\n".join(map(visible, raw.paragraphs)) if raw else Markup(article.content).striptags()
        title = raw.headline if raw else Markup(article.title).striptags()
        source = str(getattr(article, "category", "") or "")
        docs.append({"ref": str(ref), "title": title, "entities": " ".join(names), "source": source, "body": body})
        dated = not getattr(article, "date_unknown", False)
        store.append({
            "t": title, "u": f"{siteurl}/{article.url}", "s": source,
            "d": article.date.strftime("%-d %B %Y") if dated else None,
            "y": article.date.year if dated else None,
            "e": sorted({e["id"] for e in entities if e["type"] not in SKIPPED_TYPES}),
            "x": (visible(raw.paragraphs[0]) if raw else Markup(article.summary).striptags())[:300],
            "j": f"{siteurl}/data/articles/{article.slug}.json" if raw else None,
            "p": [[s.id, visible(s.text)] for s in raw.sentences] if raw else [[None, Markup(article.summary).striptags()]],
        })
    return docs, {"docs": store, "entities": dict(sorted(entity_meta.items()))}


def _dumps(value) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def search_files(docs: list[dict], store: dict, index=None, whole: bool = False) -> dict[str, str]:
    """Every file under ``search/``: the sharded index and display files, and with ``whole`` (for tools) the whole
    index and the store.

    ``index`` is ``build_index(docs)`` when the caller has it already (computed on a Dask cluster: the same index).
    """
    index = index or build_index(docs)
    displays, facets, with_pages = shown(store)
    out = search_shards.files(index, list(displays), facets, with_pages)
    if not whole:
        return out
    entities = store["entities"]
    out["lunr-index.json"] = _dumps(serialize(index))
    out["store.json"] = _dumps({"docs": [{k: v for k, v in d.items() if k != "p"} for d in store["docs"]],
                                "entities": {i: m[:3] for i, m in entities.items()}})
    return out


def shown(store: dict):
    """What results show (display files, one a document, made as they are read), the facets and the entities with
    a page (the alias files)."""
    displays = _displays(store)
    entities = store["entities"]
    ids = list(entities)
    number = {eid: n for n, eid in enumerate(ids)}
    sources = sorted({d["s"] for d in store["docs"] if d["s"]})
    facets = {"sources": sources, "entities": [[entities[i][0], entities[i][1]] for i in ids],
              "docs": [[sources.index(d["s"]) if d["s"] else -1, d["y"] or 0, [number[e] for e in d["e"]]]
                       for d in store["docs"]]}
    with_pages = [{"name": m[0], "type": m[1], "aliases": m[2], "url": m[3]} for m in entities.values() if m[3]]
    return displays, facets, with_pages


def _displays(store: dict) -> Iterator[dict]:
    return ({"t": d["t"], "u": d["u"], "s": d["s"], "d": d["d"], "p": d["p"]} for d in store["docs"])


def streamed(store: dict):
    """:func:`shown` for the search files made on a Dask cluster, nothing of it whole here: the display files, the
    facets as pieces of ``facets.json`` (:func:`facet_pieces`, given how the cluster numbers the documents'
    entities: ``on_dask.Search.files``) and the entities with a page, generators."""
    with_pages = ({"name": m[0], "type": m[1], "aliases": m[2], "url": m[3]} for m in store["entities"].values()
                  if m[3])
    return _displays(store), partial(facet_pieces, store), with_pages


ROWS = 2000  # facets' rows per piece


def facet_pieces(store: dict, numbered=None) -> Iterator[str]:
    """``facets.json`` (``dumps`` of :func:`shown`'s facets) made a piece at a time: no row is kept. An entity's
    number is given by ``numbered(ids, rows, ROWS)`` (the documents' rows ``[source, year, [entity ids]]`` made
    pieces of the file, the ids numbered on a Dask cluster: ``facets_on_dask.pieces``), else found here by
    bisection in the ids when they are in order (as :func:`documents_and_store` leaves them)."""
    entities, docs = store["entities"], store["docs"]
    sources = sorted({d["s"] for d in docs if d["s"]})
    source_number = {source: n for n, source in enumerate(sources)}
    rows = ([m[0], m[1]] for m in entities.values())
    yield f'{{"sources":{search_shards.dumps(sources)},"entities":['
    yield from _joined(rows)
    yield '],"docs":['
    facets = ([source_number[d["s"]] if d["s"] else -1, d["y"] or 0, d["e"]] for d in docs)
    if numbered is not None:
        yield from numbered(iter(entities), facets, ROWS)
    else:
        number = _numbering(list(entities))
        yield from _joined([source, year, [number(e) for e in ids]] for source, year, ids in facets)
    yield "]}"


def _numbering(ids: list[str]):
    """An entity id's number: its position in ``ids``, by bisection when they are in order."""
    if not all(a < b for a, b in pairwise(ids)):
        return {eid: n for n, eid in enumerate(ids)}.__getitem__

    def number(eid: str) -> int:
        at = bisect_left(ids, eid)
        if at == len(ids) or ids[at] != eid:
            raise KeyError(eid)
        return at
    return number


def _joined(rows) -> Iterator[str]:
    """``rows`` as the items of a JSON list, comma-separated, in pieces of ROWS."""
    first = True
    while True:
        piece = [search_shards.dumps(row) for row in islice(rows, ROWS)]
        if not piece:
            return
        yield ("" if first else ",") + ",".join(piece)
        first = False


def _listing_name(articles, documents, whole: bool = False) -> str:
    """The cache key of the search files' listing: the articles' render keys, which name everything the
    documents are made from (so they need not be made to look it up); else a hash of the documents. ``whole``:
    the listing also holds the files for tools."""
    keys = [build_keys.render_key(article) for article in articles]
    if keys and all(keys):
        return build_keys.search_files(keys, whole)
    docs, store = documents()
    return build_keys.search_files_of(index_key(docs), store, whole)


def _cache_files(cache: Cache, name: str, files: dict[str, str]) -> None:
    listing = {}
    for path, text in files.items():
        digest = key("search-file", text)
        if not cache.has(digest, ".txt"):
            cache.put_text(digest, text, ".txt")
        listing[path] = digest
    cache.put(name, listing)


def _build_into(folder: str, name: str, docs: list[dict], store: dict, whole: bool) -> None:
    """In a child process: build every search file and leave them in the cache for the parent."""
    _cache_files(Cache(folder), name, search_files(docs, store, whole=whole))


def _valid_listing(listing) -> bool:
    """A listing names relative paths (nothing absolute, nothing climbing out of ``search/``) and entry keys."""
    return isinstance(listing, dict) and bool(listing) and all(
        is_relative(path) and is_digest(digest) for path, digest in listing.items())


def _link_from_cache(cache: Cache, name: str, out: Path) -> bool:
    listing = cache.get(name, touch=True, valid=_valid_listing)
    if listing is None or not all(cache.has(d, ".txt") for d in listing.values()):
        return False
    folders = set()
    for path, digest in listing.items():
        target = out / path
        if not inside(out, target):  # through a symbolic link, say
            return False
        if target.parent not in folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            folders.add(target.parent)
        if cache.link_to(digest, ".txt", target) is None:  # damaged or unreadable: rebuild every file
            return False
    return True


class SearchGenerator(Generator):
    """The files are built in a second process while the other generators render pages, when not cached."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.worker = self.name = self.dask = self.index = None
        # Started as soon as the articles are annotated (while the entity pages are planned), not after.
        annotate.annotated.connect(self.start, sender=self.context)

    def start(self, context=None, site=None) -> None:  # noqa: ARG002 - the signal's arguments
        """What the search files are listed as in the cache; when not there, a forked process starts on them."""
        if self.name is not None:
            return
        annotate.annotated.disconnect(self.start, sender=self.context)
        settings = self.settings
        self.articles = sorted(self.context.get("articles", []), key=lambda a: (a.date, a.slug), reverse=True)
        self._documents = None
        self.cache = Cache(settings["NEWSREADER_CACHE_PATH"])
        self.whole = bool(settings.get("NEWSREADER_TOOL_EXPORTS"))
        self.name = _listing_name(self.articles, self.documents, self.whole)
        forking = "fork" in multiprocessing.get_all_start_methods()
        self.dask = dask_glue.session(settings)  # with a cluster, the index is computed there, not in a fork
        if self.dask is not None and not self.cache.has(self.name):
            self.index = dask_glue.search_index(self.dask, self.documents()[0], self.whole)  # meanwhile, pages are rendered
        elif self.cache.folder is not None and forking and not self.cache.has(self.name):
            self.worker = multiprocessing.get_context("fork").Process(target=self._build, daemon=True)
            self.worker.start()

    def _build(self) -> None:
        """In the forked process: the documents are made there too."""
        _build_into(str(self.cache.folder), self.name, *self.documents(), self.whole)

    def generate_context(self):
        self.start()  # unless it started when the articles were annotated

    def documents(self) -> tuple[list[dict], dict]:
        """The search documents and store, made on first use: a rebuild that reuses the files never makes them."""
        if self._documents is None:
            self._documents = documents_and_store(self.articles, self.settings.get("SITEURL", ""))
        return self._documents

    def generate_output(self, writer):
        settings = self.settings
        out = Path(self.output_path) / settings["SEARCH_URL"]
        out.mkdir(parents=True, exist_ok=True)
        for stale in out.glob("s-*"):  # an earlier build's shards, when the output folder is kept
            shutil.rmtree(stale, ignore_errors=True)
        if self.worker is not None:
            self.worker.join()
        # Reused files go through the build's publisher: one already in the output folder is neither read nor copied.
        self.cache.publisher = state.of(settings).publisher
        if not _link_from_cache(self.cache, self.name, out):
            if self.worker is not None and self.worker.exitcode:  # 0: it ran, but the cache could not keep the files
                logger.warning("building the search files in a second process failed (exit code %s); building them here",
                               self.worker.exitcode)
            if self.dask is not None and self.index is None:  # the files in the cache were damaged
                self.index = dask_glue.search_index(self.dask, self.documents()[0], self.whole)
            if self.dask is not None and not self.whole:  # written as the cluster makes them, never held whole
                dask_glue.write_search(self.dask, self.index, self.documents()[0],
                                       lambda: streamed(self.documents()[1]), out, self.cache, self.name)
            else:
                files = search_files(*self.documents(), index=self.index.result() if self.index else None,
                                     whole=self.whole)
                for path, text in files.items():
                    (out / path).parent.mkdir(parents=True, exist_ok=True)
                    replace_text(out / path, text)
                if self.cache.folder is not None:
                    _cache_files(self.cache, self.name, files)
        lunr_js = Path(settings["NEWSREADER_LUNR_JS"])
        target = Path(self.output_path) / settings["THEME_STATIC_DIR"] / "js" / "search-lunr.js"
        if lunr_js.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            # What the site's pages fetch on focus (and pages of your own may load): lunr.js and search-shards.js as
            # one script. lunr.js is not published apart from it: no page would fetch it.
            shards_js = Path(settings["THEME"]) / "static" / "js" / "search-shards.js"
            replace_text(target, search_shards.script_bundle(
                lunr_js.read_text(encoding="utf-8"), shards_js.read_text(encoding="utf-8")))
        else:
            logger.error("%s not found: run `npm ci` (invoke build does) so search can work", lunr_js)
        writer.write_file(settings["SEARCH_SAVE_AS"], self.get_template("search"), self.context,
                          relative_urls=settings["RELATIVE_URLS"], page_name="search")


def get_generators(pelican):
    return SearchGenerator
