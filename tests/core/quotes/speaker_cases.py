"""What the speaker tests share: the model, and the speakers the project names for paragraphs written for a test."""

from __future__ import annotations

import pytest

from newsreader.core import nlp as nlp_module
from newsreader.core.annotate import annotate_one
from newsreader.core.text.rawformat import parse


@pytest.fixture(scope="session")
def nlp():
    return nlp_module.load()


def speakers(paragraphs: list[str], nlp) -> dict[str, str | None]:
    """The speaker of each quote, by the quote's first words."""
    body = "\n".join(paragraphs)
    article = parse(f"Synthetic fixture\nFixture Wire\n5 March 2020\n{body}\n".encode(), "fixture.txt")
    quotes = annotate_one(article, list(nlp.pipe(article.paragraphs)))["quotes"]
    return {" ".join(q["text"].split()[:3]): q["speaker_name"] for q in quotes}
