"""Annotate a batch of articles: entities, events, quotes and figures in one record per article.

Results are plain JSON-able dicts, cached by a hash of the article text, its
publication date, the model and the rules version, so a rebuild where nothing
changed never loads spaCy.
"""

from __future__ import annotations

from dataclasses import asdict

from . import nlp as nlp_module
from .cache import Cache, key
from . import dates, figures, quotes
from .entities import extract
from .entity_index import salience
from .model import RawArticle

# Bump whenever a rule changes what annotation produces.
RULES_VERSION = "entities-1;dates-1;quotes-1;figures-1"


def cache_key(article: RawArticle) -> str:
    published = article.published.isoformat() if article.published else None
    return key(RULES_VERSION, nlp_module.model_id(), published, article.paragraphs)


EMPTY = {"entities": [], "events": [], "quotes": [], "figures": [], "comparisons": []}


def annotate_one(article: RawArticle, docs) -> dict:
    entities = sorted(
        ({"name": e.name, "type": e.type, "aliases": e.aliases, "roles": e.roles, "mentions": [asdict(m) for m in e.mentions]}
         for e in extract(article.paragraphs, article.sentences, docs)),
        key=salience,
    )
    found_figures, comparisons = figures.extract(article.sentences, entities)
    return {
        "entities": entities,
        "events": dates.as_dicts(dates.extract(article.sentences, docs, article.published)),
        "quotes": quotes.as_dicts(quotes.extract(article.paragraphs, article.sentences, docs, entities)),
        "figures": found_figures,
        "comparisons": comparisons,
    }


def annotate_all(articles: list[RawArticle], cache: Cache, processes: int = 1, progress=None) -> list[dict]:
    """Annotations for each article, in order; only uncached articles are parsed, in one batch."""
    results: list[dict | None] = []
    todo: list[tuple[int, RawArticle, str]] = []
    for index, article in enumerate(articles):
        digest = cache_key(article)
        cached = cache.get(digest)
        results.append(cached)
        if cached is None:
            todo.append((index, article, digest))
    if todo:
        texts = [p for _, article, _ in todo for p in article.paragraphs]
        docs = nlp_module.parse_paragraphs(texts, processes=processes, progress=progress)
        at = 0
        for index, article, digest in todo:
            mine = docs[at:at + len(article.paragraphs)]
            at += len(article.paragraphs)
            try:
                results[index] = annotate_one(article, mine)
            except Exception as err:  # noqa: BLE001 - one article's failure must not stop the site
                results[index] = dict(EMPTY, error=f"{type(err).__name__}: {err}")
                continue
            cache.put(digest, results[index])
    return results  # type: ignore[return-value]
