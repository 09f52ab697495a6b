"""Annotate a batch of articles: entities, events, quotes and figures in one record per article.

Results are plain JSON-able dicts, cached by a hash of the article text, its
publication date, the model and the rules' own code (``rules_id``: no version to bump by hand), so a
rebuild where nothing changed never loads spaCy.
"""

from __future__ import annotations

import json
import multiprocessing
from typing import Protocol

from . import nlp as nlp_module
from .keys import key
from .entities.index import salience
from .model import RawArticle, flat_dict
from .rules_id import rules_id



class RecordStore(Protocol):
    """Where annotation records are kept between builds: the build's verified cache (``build/cache.py``)."""

    def get_checked(self, digest: str, suffix: str = ".json", touch: bool = False) -> tuple[bytes, str] | None: ...

    def put_text(self, digest: str, text: str, suffix: str = ".json") -> str | None: ...


def cache_key(article: RawArticle) -> str:
    published = article.published.isoformat() if article.published else None
    return key(rules_id(), nlp_module.model_id(), published, article.paragraphs)


EMPTY = {"entities": [], "events": [], "timexes": [], "quotes": [], "figures": [], "comparisons": []}


def _mention(mention) -> dict:
    """A mention's dict; ``nationality`` only where it is true ("South Korean" linked to South Korea)."""
    found = flat_dict(mention)
    if not found["nationality"]:
        del found["nationality"]
    return found


def annotate_one(article: RawArticle, docs) -> dict:
    with nlp_module.docs_remembered():  # what the rules ask of a Doc again and again, made once (nlp.text_of…)
        return _annotate_one(article, docs)


def _annotate_one(article: RawArticle, docs) -> dict:
    # The rules are imported here: a build whose annotations are all cached never loads them (nor spaCy).
    from .timex import events as dates  # noqa: PLC0415
    from .figures import extract as figures, money  # noqa: PLC0415
    from .quotes import extract as quotes  # noqa: PLC0415
    from .entities.extract import extract  # noqa: PLC0415

    entities = sorted(money.refine(
        [dict({"name": e.name, "type": e.type, "aliases": e.aliases, "roles": e.roles,
               "mentions": [_mention(m) for m in e.mentions]}, **({"local": True} if e.local else {}))
         for e in extract(article.paragraphs, article.sentences, docs)], article.sentences), key=salience)
    found_figures, comparisons = figures.extract(article.sentences, entities)
    timexes, events = dates.extract_all(article.sentences, docs, article.published)
    return {
        "entities": entities,
        "events": dates.as_dicts(events),
        "timexes": dates.as_dicts(timexes),
        "quotes": quotes.as_dicts(quotes.extract(article.paragraphs, article.sentences, docs, entities)),
        "figures": found_figures,
        "comparisons": comparisons,
    }


# An article with a longer body is published without annotations (with a warning): parsing is done in
# pieces (nlp.PIECE_CHARS), but time and memory still grow with the text, and no news article is this long.
MAX_CHARS = 200_000


def too_long(article: RawArticle) -> str | None:
    size = sum(len(p) for p in article.paragraphs)
    return f"the text is too long to annotate ({size:,} characters; at most {MAX_CHARS:,})" if size > MAX_CHARS else None


def _annotate_batch(articles: list[RawArticle]) -> list[dict]:
    """Parse and annotate some articles in this process; a failing article gets an ``error`` record."""
    parsed = [a for a in articles if not too_long(a)]
    docs = nlp_module.parse_paragraphs([p for article in parsed for p in article.paragraphs])
    results, at = [], 0
    for article in articles:
        if too_long(article):
            results.append(dict(EMPTY, error=too_long(article)))
            continue
        mine = docs[at:at + len(article.paragraphs)]
        at += len(article.paragraphs)
        try:
            results.append(annotate_one(article, mine))
        except Exception as err:  # noqa: BLE001 - one article's failure must not stop the site
            results.append(dict(EMPTY, error=f"{type(err).__name__}: {err}"))
    return results


BATCH = 8  # articles per task handed to a worker process
PARALLEL_FROM = 4 * BATCH  # fewer uncached articles than this are not worth starting processes for


def _annotated(articles: list[RawArticle], processes: int):
    """:func:`_annotate_batch` over batches of ``BATCH`` articles, yielding one record per article, in order.

    With several processes each worker parses *and* annotates its articles, so
    the rules run on every core and only small JSON-able records come back (not
    spaCy Docs). Workers are forked after the model is loaded, so they share it.
    """
    batches = [articles[i:i + BATCH] for i in range(0, len(articles), BATCH)]
    if processes > 1 and len(articles) >= PARALLEL_FROM:
        nlp_module.load()
        methods = multiprocessing.get_all_start_methods()
        with multiprocessing.get_context("fork" if "fork" in methods else None).Pool(processes) as pool:
            for batch in pool.imap(_annotate_batch, batches):
                yield from batch
    else:
        for batch in map(_annotate_batch, batches):
            yield from batch


def _record(payload: bytes) -> dict | None:
    """A cached record's value, or None when it is not of the record's shape.

    The shape is checked (pydantic-core, ``record_shape.py``) every time a record is read: a list of records
    found of the right shape before would be one more cache entry to trust, and a cache restored from elsewhere
    could list a record of any shape in it. (A rebuild where nothing changed reads no record: the memo.)
    """
    from .record_shape import is_annotation_record  # noqa: PLC0415 - only when a record is read

    if not is_annotation_record(payload):
        return None
    try:
        return json.loads(payload)
    except (ValueError, RecursionError):
        return None


def annotate_all(articles: list[RawArticle], cache: RecordStore, processes: int = 1, progress=None,
                 digests: list[str] | None = None, annotator=None) -> list[dict]:
    """Annotations for each article, in order; only uncached articles are parsed (across ``processes``).

    ``digests`` are the articles' :func:`cache_key` values when the caller has them already. ``annotator``, when
    given, is called with the uncached articles (only when there are some) instead of the process pool, and returns
    a context manager whose ``annotated(articles)`` yields their records in order (``dask_backend.Annotator``).
    """
    results: list[dict | None] = []
    todo: list[tuple[int, RawArticle, str]] = []
    for index, article in enumerate(articles):
        digest = digests[index] if digests else cache_key(article)
        entry = cache.get_checked(digest, touch=True)  # touch: used, for Cache.prune
        cached = _record(entry[0]) if entry else None
        results.append(cached)
        if cached is None:
            todo.append((index, article, digest))
    if todo and annotator is not None:
        with annotator() as remote:
            _store(todo, remote.annotated([a for _, a, _ in todo]), results, cache, progress)
    else:
        _store(todo, _annotated([a for _, a, _ in todo], processes), results, cache, progress)
    return results  # type: ignore[return-value]


def _store(todo: list[tuple[int, RawArticle, str]], done, results: list, cache: RecordStore, progress) -> None:
    """Each new record into ``results`` and the cache, as it comes (``progress`` shows them)."""
    for (index, _, digest), result in zip(todo, progress(done, len(todo)) if progress and todo else done):
        results[index] = result
        if "error" not in result:
            cache.put_text(digest, json.dumps(result, sort_keys=True, ensure_ascii=False))
