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
    names = ("id", "class", "href", "data-type", "data-label", "data-speaker", "aria-label")
    return "".join(f' {n}="{escape(str(mark[n]))}"' for n in names if mark.get(n))


def _marked_text(text: str, marks: list[dict], start: int = 0, end: int | None = None) -> str:
    """Escaped text with marks wrapped around it; a mark may contain others (a quote holds names)."""
    end = len(text) if end is None else end
    out, at = [], start
    ordered = sorted((m for m in marks if start <= m["start"] < m["end"] <= end), key=lambda m: (m["start"], -m["end"]))
    taken: list[dict] = []
    for mark in ordered:
        if mark["start"] < at:
            continue  # inside (or overlapping) an earlier mark: handled by the recursion, or dropped
        inner = [m for m in ordered if m is not mark and mark["start"] <= m["start"] and m["end"] <= mark["end"]]
        tag = mark.get("tag") or ("a" if mark.get("href") else "span")
        if tag == "a":
            inner = [m for m in inner if not m.get("href")]  # no link inside a link
        out.append(escape(text[at:mark["start"]], quote=False))
        out.append(f"<{tag}{_attrs(mark)}>{_marked_text(text, inner, mark['start'], mark['end'])}</{tag}>")
        at = mark["end"]
        taken.append(mark)
    out.append(escape(text[at:end], quote=False))
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
