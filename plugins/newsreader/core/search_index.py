"""The search index (lunr.py, with lunr.js's own pipeline) and the small display store beside it.

The index holds only terms; what a result shows (title, URL, source, date,
summary, entity ids) lives in the store, keyed by the same short refs, so the
index stays as small as lunr allows. Dates are not indexed as text: the
browser filters by the year in the store.
"""

from __future__ import annotations

from . import lunr_js
from .cache import key

FIELDS = (("title", 10), ("entities", 5), ("source", 1), ("body", 1))
INDEX_VERSION = "lunr-2.3.9;fields=title10,entities5,source,body;v2"


def index_key(documents: list[dict]) -> str:
    return key(INDEX_VERSION, documents)


def build(documents: list[dict]) -> dict:
    """Serialized lunr index for documents ``{"ref", "title", "entities", "source", "body"}`` (strings)."""
    from lunr.builder import Builder  # noqa: PLC0415 - a rebuild that reuses the cached index never imports lunr
    from lunr.stop_word_filter import stop_word_filter  # noqa: PLC0415

    builder = Builder()
    builder.pipeline.add(lunr_js.trimmer, stop_word_filter, lunr_js.stemmer)
    builder.search_pipeline.add(lunr_js.stemmer)
    builder.ref("ref")
    for name, boost in FIELDS:
        builder.field(name, boost=boost)
    for doc in documents:
        # Tokenized here the way lunr.tokenizer does it; lunr.py's own tokenizer splits differently.
        builder.add({"ref": doc["ref"], **{name: lunr_js.tokenize(doc.get(name) or "") for name, _ in FIELDS}})
    return builder.build().serialize()
