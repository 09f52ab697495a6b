"""Render an article body to HTML from its sentences (never by editing HTML).

Every piece of article text is escaped here: the raw format is plain text, so
``<script>`` in a paragraph is shown as characters. Marks (entity mentions…)
are given as offsets into a sentence and wrapped around the escaped text.
"""

from __future__ import annotations

from html import escape
from itertools import groupby

from .model import Sentence


def _attrs(mark: dict) -> str:
    names = ("id", "class", "href", "data-type", "data-label", "aria-label")
    return "".join(f' {n}="{escape(str(mark[n]))}"' for n in names if mark.get(n))


def _marked_text(text: str, marks: list[dict]) -> str:
    out, at = [], 0
    for mark in sorted(marks, key=lambda m: m["start"]):
        if mark["start"] < at or mark["end"] > len(text):
            continue  # overlapping or out of range: leave the text plain rather than break it
        tag = mark.get("tag") or ("a" if mark.get("href") else "span")
        out.append(escape(text[at:mark["start"]], quote=False))
        inner = escape(text[mark["start"]:mark["end"]], quote=False)
        out.append(f"<{tag}{_attrs(mark)}>{inner}</{tag}>")
        at = mark["end"]
    out.append(escape(text[at:], quote=False))
    return "".join(out)


def render_sentence(sentence: Sentence, marks: list[dict] | None = None) -> str:
    """One sentence as an anchored span, with a link a reader can copy."""
    return (
        f'<span class="sentence" id="{sentence.id}">{_marked_text(sentence.text, marks or [])}'
        f'<a class="sentence-link" href="#{sentence.id}" '
        f'aria-label="Link to sentence {sentence.id[1:]}">#</a></span>'
    )


def render_body(sentences: list[Sentence], marks: dict[str, list[dict]] | None = None) -> str:
    """The article body: one ``<p>`` per paragraph, one span per sentence."""
    marks = marks or {}
    paragraphs = []
    for _, group in groupby(sentences, key=lambda s: s.paragraph):
        paragraphs.append("<p>" + " ".join(render_sentence(s, marks.get(s.id)) for s in group) + "</p>")
    return "\n".join(paragraphs)


def render_snippet(text: str, marks: list[dict]) -> str:
    """A sentence quoted elsewhere (an entity page), its marks wrapped in ``<mark>``."""
    return _marked_text(text, [dict(m, tag="mark") for m in marks])
