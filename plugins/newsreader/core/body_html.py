"""Render an article body to HTML from its sentences (never by editing HTML).

Every piece of article text is escaped here: the raw format is plain text, so
``<script>`` in a paragraph is shown as characters.
"""

from __future__ import annotations

from html import escape
from itertools import groupby

from .model import Sentence


def render_sentence(sentence: Sentence) -> str:
    """One sentence as an anchored span, with a link a reader can copy."""
    return (
        f'<span class="sentence" id="{sentence.id}">{escape(sentence.text.strip(), quote=False)}'
        f'<a class="sentence-link" href="#{sentence.id}" '
        f'aria-label="Link to sentence {sentence.id[1:]}">#</a></span>'
    )


def render_body(sentences: list[Sentence]) -> str:
    """The article body: one ``<p>`` per paragraph, one span per sentence."""
    paragraphs = []
    for _, group in groupby(sentences, key=lambda s: s.paragraph):
        paragraphs.append("<p>" + " ".join(render_sentence(s) for s in group) + "</p>")
    return "\n".join(paragraphs)
