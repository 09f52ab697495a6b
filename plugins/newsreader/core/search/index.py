"""The search index: lunr 2.3.9's BM25 index, computed directly, as a whole and as term shards.

It is the index lunr.py's ``Builder`` makes with the project's pipeline
(``lunr_js.tokenize``; ``search_fold.unicode_trim``, lunr's stop words,
``search_fold.fold_diacritics``, ``lunr_js.stem``): the same terms, the same
term numbers, the same field-vector weights (rounded to 3 decimals as lunr does),
and ``serialize`` writes the very JSON lunr.py would
(``tests/core/search/test_search_index.py`` compares them). It is computed here because
lunr.py also builds a token set and vector objects that neither the shards nor
the serialized index need, which made the build several times slower.

The index holds only terms; what a result shows lives in separate files
(``search/shards.py``), keyed by the same short refs. Dates are not indexed as
text: the browser filters by the year in the facet table.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from . import lunr_js
from ..keys import key
from .fold import FOLD_LABEL, TRIMMER_LABEL, unicode_trim, variants

FIELDS = (("title", 10), ("entities", 5), ("source", 1), ("body", 1))
INDEX_VERSION = "lunr-2.3.9;fields=title10,entities5,source,body;unicodeTrimmer,stopWordFilter,foldDiacritics,stemmer;v3"
SEARCH_PIPELINE = [TRIMMER_LABEL, FOLD_LABEL, "stemmer"]
K1, B = 1.2, 0.75  # lunr's BM25 defaults


def index_key(documents: list[dict]) -> str:
    return key(INDEX_VERSION, documents)


@lru_cache(maxsize=1)
def _stop_words() -> frozenset:
    from lunr.stop_word_filter import WORDS  # noqa: PLC0415 - lunr.js's own list, as lunr.py ships it

    return frozenset(WORDS)


@lru_cache(maxsize=1 << 18)
def index_terms(token: str) -> tuple[str, ...]:
    """The terms one token (as ``lunr_js.tokenize`` gives it) becomes in the index pipeline."""
    word = unicode_trim(token)
    if word in _stop_words():
        return ()
    return tuple(lunr_js.stem(v) for v in variants(word))


def js_order(term: str) -> bytes:
    """lunr.js sorts terms by UTF-16 code units (Python's ``sorted`` uses code points)."""
    return term.encode("utf-16-be", "surrogatepass")


@dataclass
class Index:
    """A built index: ``terms`` in lunr.js order, and per term its number and, per field, (doc position, weight)."""

    fields: list[str]
    refs: list[str]
    terms: list[str]
    postings: dict  # term -> (term index, [[(doc position, weight), ...] per field])


def field_counts(doc: dict) -> list[dict[str, int]]:
    """Per field, each term's count in ``doc`` in first-seen order (a field's length is the sum of its counts)."""
    out = []
    for name, _ in FIELDS:
        counts: dict[str, int] = {}
        for token in lunr_js.tokenize(doc.get(name) or ""):
            for term in index_terms(token):
                counts[term] = counts.get(term, 0) + 1
        out.append(counts)
    return out


def weigh(per_field: list[list[tuple[int, int]]], count: int, averages: list[float],
          lengths: list[list[int]]) -> list[list[tuple[int, float]]]:
    """One term's postings ``[(doc position, term frequency)]`` per field as lunr's BM25 weights, rounded as lunr
    rounds them; ``lengths[f][position]`` is a document's field length, ``averages[f]`` the field's average."""
    with_term = sum(len(p) for p in per_field)
    x = (count - with_term + 0.5) / (with_term + 0.5)
    idf = math.log(1 + abs(x))
    k1_plus_1 = K1 + 1
    weighted = []
    for f, (_, boost) in enumerate(FIELDS):
        avg, field_lengths = averages[f], lengths[f]
        row = []
        for position, tf in per_field[f]:
            score = idf * (k1_plus_1 * tf) / (K1 * (1 - B + B * (field_lengths[position] / avg)) + tf)
            score *= boost
            row.append((position, round(score, 3)))
        weighted.append(row)
    return weighted


def averages_of(totals: list[int], count: int) -> list[float]:
    """Each field's average length from its total over ``count`` documents."""
    return [total / count if count else 0 for total in totals]


def build_index(documents: list[dict]) -> Index:
    """Documents ``{"ref", "title", "entities", "source", "body"}`` (strings), in ref order."""
    names = [name for name, _ in FIELDS]
    found: dict[str, tuple[int, list[list]]] = {}
    lengths = [[0] * len(documents) for _ in FIELDS]
    for position, doc in enumerate(documents):
        for f, counts in enumerate(field_counts(doc)):
            lengths[f][position] = sum(counts.values())
            for term, tf in counts.items():  # first-seen order numbers terms, as lunr's builder does
                entry = found.get(term)
                if entry is None:
                    entry = found[term] = (len(found), [[] for _ in FIELDS])
                entry[1][f].append((position, tf))
    count = len(documents)
    averages = averages_of([sum(row) for row in lengths], count)
    postings = {term: (number, weigh(per_field, count, averages, lengths))
                for term, (number, per_field) in found.items()}
    return Index(names, [str(doc["ref"]) for doc in documents], sorted(found, key=js_order), postings)


def serialize(index: Index) -> dict:
    """The index as lunr.py's ``Index.serialize`` writes it (what ``lunr.Index.load`` reads)."""
    vectors = [[[] for _ in index.fields] for _ in index.refs]
    inverted = []
    for term in index.terms:
        number, per_field = index.postings[term]
        posting = {}
        for f, name in enumerate(index.fields):
            posting[name] = {index.refs[p]: {} for p, _ in per_field[f]}
            for p, weight in per_field[f]:
                vectors[p][f].append((number, weight))
        posting["_index"] = number
        inverted.append([term, posting])
    field_vectors = []
    for p, ref in enumerate(index.refs):
        for f, name in enumerate(index.fields):
            field_vectors.append([f"{name}/{ref}", [v for pair in sorted(vectors[p][f]) for v in pair]])
    return {"version": "2.3.9", "fields": index.fields, "fieldVectors": field_vectors, "invertedIndex": inverted,
            "pipeline": SEARCH_PIPELINE}


def build(documents: list[dict]) -> dict:
    """Serialized lunr index for documents ``{"ref", "title", "entities", "source", "body"}`` (strings)."""
    return serialize(build_index(documents))


def build_with_lunr_py(documents: list[dict]) -> dict:
    """The same index built by lunr.py's own Builder (slow): what ``build`` is checked against."""
    from lunr.builder import Builder  # noqa: PLC0415
    from lunr.stop_word_filter import stop_word_filter  # noqa: PLC0415

    from .fold import fold_diacritics, unicode_trimmer  # noqa: PLC0415

    builder = Builder()
    builder.pipeline.add(unicode_trimmer, stop_word_filter, fold_diacritics, lunr_js.stemmer)
    builder.search_pipeline.add(unicode_trimmer, fold_diacritics, lunr_js.stemmer)
    builder.ref("ref")
    for name, boost in FIELDS:
        builder.field(name, boost=boost)
    for doc in documents:
        builder.add({"ref": doc["ref"], **{name: lunr_js.tokenize(doc.get(name) or "") for name, _ in FIELDS}})
    return builder.build().serialize()
