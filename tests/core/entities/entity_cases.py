"""What the entity tests share: the model (a fixture) and the types an article's mentions are given."""

from __future__ import annotations

import pytest

from newsreader.core import nlp as nlp_module
from newsreader.core.entities.extract import extract
from newsreader.core.text.sentences import number_sentences


@pytest.fixture(scope="module")
def nlp():
    return nlp_module.load()


def typed(paragraphs, nlp) -> dict[str, set[str]]:
    """{mention text: the types of the entities it is a mention of}."""
    out: dict[str, set[str]] = {}
    for entity in extract(paragraphs, number_sentences(paragraphs), list(nlp.pipe(paragraphs))):
        for mention in entity.mentions:
            out.setdefault(mention.text, set()).add(entity.type)
    return out
