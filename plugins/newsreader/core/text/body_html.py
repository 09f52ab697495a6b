"""Render an article body to HTML from its sentences (never by editing HTML).

Every piece of article text is escaped here: the raw format is plain text, so
``<script>`` in a paragraph is shown as characters. Marks (entity mentions…)
are given as offsets into a sentence and wrapped around the escaped text.
Straight quotes and dashes are shown typographically, one display string per
character of the original, so the offsets (and the JSON) stay on the original text.
"""

from __future__ import annotations

import re
from html import escape
from itertools import groupby

from ..model import Sentence
from .markup import embeds_post, hidden

_OPENERS = set(" \t\n([{\u2014\u2013-/\u201c\u2018")
_CHANGEABLE = re.compile(r"[\"'.-]")


def typographic(text: str) -> list[str]:
    """What each character of ``text`` shows as: curly quotes, dashes and ellipses, nothing for embed markup
    (``markup.hidden``); same length as ``text``.

    Only quotes, hyphens and full stops can change: the loop visits those alone (every sentence of every
    snippet on thousands of entity pages comes through here).
    """
    shown = list(text)
    for found in _CHANGEABLE.finditer(text):
        i, ch = found.start(), found.group()
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if ch == '"':
            shown[i] = "\u201c" if before in _OPENERS and not after.isspace() else "\u201d"
        elif ch == "'":
            opening = before in _OPENERS and not after.isspace() and not after.isdigit()
            shown[i] = "\u2018" if opening else "\u2019"
        elif ch == "-" and text[i:i + 2] == "--":
            shown[i], shown[i + 1] = "\u2014", ""
        elif ch == "-" and before == " " and after == " ":
            shown[i] = "\u2013"
        elif text[i:i + 3] == "..." and shown[i] == ".":
            shown[i:i + 3] = ["\u2026", "", ""]
    for start, end in hidden(text):
        shown[start:end] = [""] * (end - start)
    return shown


def _attrs(mark: dict) -> str:
    names = ("id", "class", "href", "data-type", "data-label", "data-entity", "aria-label")
    return "".join(f' {n}="{escape(str(mark[n]))}"' for n in names if mark.get(n))


def _marked_text(shown: list[str], marks: list[dict], start: int = 0, end: int | None = None) -> str:
    """Escaped text with marks wrapped around it; a mark may contain others (a quote holds names)."""
    end = len(shown) if end is None else end
    out, at = [], start
    ordered = sorted((m for m in marks if start <= m["start"] < m["end"] <= end), key=lambda m: (m["start"], -m["end"]))
    for mark in ordered:
        if mark["start"] < at:
            continue  # inside (or overlapping) an earlier mark: handled by the recursion, or dropped
        inner = [m for m in ordered if m is not mark and mark["start"] <= m["start"] and m["end"] <= mark["end"]]
        tag = mark.get("tag") or ("a" if mark.get("href") else "span")
        if tag == "a":
            inner = [m for m in inner if not m.get("href")]  # no link inside a link
        out.append(escape("".join(shown[at:mark["start"]]), quote=False))
        out.append(f"<{tag}{_attrs(mark)}>{_marked_text(shown, inner, mark['start'], mark['end'])}</{tag}>")
        at = mark["end"]
    out.append(escape("".join(shown[at:end]), quote=False))
    return "".join(out)


def render_sentence(sentence: Sentence, marks: list[dict] | None = None) -> str:
    """One sentence as an anchored span (ui.js adds the link a reader can copy: its "#" is drawn by CSS)."""
    return f'<span class="sentence" id="{sentence.id}">{_marked_text(typographic(sentence.text), marks or [])}</span>'


def _said_by(names: list[tuple[str, str | None]]) -> str:
    links = ", ".join(f'<a href="{escape(href)}">{escape(name)}</a>' if href else escape(name) for name, href in names)
    return f'<div class="said-by"><span class="said-by-label">Quoted:</span> {links}</div>'


def render_body(sentences: list[Sentence], marks: dict[str, list[dict]] | None = None,
                speakers: dict[int, list[tuple[str, str | None]]] | None = None) -> str:
    """The article body: one ``<p>`` per paragraph, one span per sentence.

    ``speakers`` (by paragraph number) are named after their paragraph, outside the
    ``<p>``: the stylesheet moves them to the margin on wide screens.
    """
    marks, speakers = marks or {}, speakers or {}
    paragraphs = []
    for number, group in groupby(sentences, key=lambda s: s.paragraph):
        group = list(group)
        opening = ' class="embedded-post"' if embeds_post(group[0].text) else ""
        html = f"<p{opening}>" + " ".join(render_sentence(s, marks.get(s.id)) for s in group) + "</p>"
        if speakers.get(number):
            html = f'<div class="quoted">{html}{_said_by(speakers[number])}</div>'
        paragraphs.append(html)
    return "\n".join(paragraphs)


def mention_marks(entities: list[dict], quotes: list[dict],
                  where: dict[str, tuple[int, int]] | None = None) -> dict[str, list[dict]]:
    """Marks per sentence: quotes, and entity mentions (a nationality word links to its country, classed so).

    ``where`` (sentence id → paragraph number, place in the text): only the first mention of an entity in a
    paragraph is marked — a link to its page (a tab stop, with a card) or, with no page, a span — and its
    repeats carry only their type's class (shown by the "labelled" highlights). Without it, every mention is
    marked. Nothing the script or the stylesheet can work out is written per mention: the type is the class,
    the entity is the link (ui.js finds its sidebar entry by the link).
    """
    marks: dict[str, list[dict]] = {}
    for quote in quotes:
        marks.setdefault(quote["sentence"], []).append(
            {"start": quote["start"], "end": quote["end"], "id": quote["anchor"], "class": "quote"})
    mentions = [(entity, mention) for entity in entities for mention in entity["mentions"]]
    if where is not None:
        mentions.sort(key=lambda em: (where.get(em[1]["sentence"], (0, 0)), em[1]["start"]))
    seen: set = set()
    for entity, mention in mentions:
        if where is not None:
            place = (where.get(mention["sentence"], (None,))[0], entity.get("id") or entity.get("name"))
            if place in seen:
                marks.setdefault(mention["sentence"], []).append(
                    {"start": mention["start"], "end": mention["end"], "class": f"ent-{entity['type']}", "tag": "span"})
                continue
            seen.add(place)
        nationality = " ent-nationality" if mention.get("nationality") else ""
        marks.setdefault(mention["sentence"], []).append({
            "start": mention["start"], "end": mention["end"], "href": entity.get("href"),
            "class": f"ent ent-{entity['type']}{nationality}",
        })
    return marks


def attributed_in_sentence(quote: dict, entities: list[dict], text: str) -> bool:
    """Whether the quote's own sentence already names its speaker outside the quotation."""
    outside = [(0, quote["start"]), (quote["end"], len(text))]
    name = (quote.get("speaker_name") or "").lower()
    if name and any(name in text[a:b].lower() for a, b in outside):
        return True
    speaker = next((e for e in entities if quote.get("speaker") and e.get("id") == quote["speaker"]), None)
    return bool(speaker) and any(
        m["sentence"] == quote["sentence"] and any(a <= m["start"] and m["end"] <= b for a, b in outside)
        for m in speaker["mentions"])


def _named_after(paragraph: str, quoted: str, name: str) -> bool:
    """A quote running on into the next sentence: whether the paragraph names its speaker outside the quoted words."""
    return bool(quoted) and quoted in paragraph and name.lower() in paragraph.replace(quoted, " ", 1).lower()


def quote_speakers(sentences: list[Sentence], entities: list[dict], quotes: list[dict]) -> dict[int, list]:
    """Per paragraph, the named speakers of its quotes, unless a sentence of the paragraph already names them."""
    by_id = {s.id: s for s in sentences}
    out: dict[int, list[tuple[str, str | None]]] = {}
    named: set[tuple[int, str]] = set()
    paragraphs: dict[int, str] = {}
    for sentence in sentences:
        paragraphs[sentence.paragraph] = f"{paragraphs.get(sentence.paragraph, '')} {sentence.text}"
    for quote in quotes:
        sentence = by_id.get(quote["sentence"])
        name = quote.get("speaker_name")
        if sentence and name and (attributed_in_sentence(quote, entities, sentence.text)
                                  or _named_after(paragraphs[sentence.paragraph], quote.get("text") or "", name)):
            named.add((sentence.paragraph, name))
    for quote in quotes:
        sentence = by_id.get(quote["sentence"])
        if not sentence or not quote.get("speaker_name") or (sentence.paragraph, quote["speaker_name"]) in named:
            continue
        names = out.setdefault(sentence.paragraph, [])
        entry = (quote["speaker_name"], quote.get("speaker_href"))
        if entry not in names:
            names.append(entry)
    return out


def article_body(sentences: list[Sentence], entities: list[dict], quotes: list[dict],
                 inline: dict[str, list[dict]] | None = None) -> str:
    """The article body with its entity mentions and quotes marked, and unattributed speakers named."""
    where = {s.id: (s.paragraph, n) for n, s in enumerate(sentences)}
    marks = mention_marks(entities, quotes, where)
    for sid, extra in (inline or {}).items():  # a hand-written article's emphasis and links
        marks.setdefault(sid, []).extend(extra)
    return render_body(sentences, marks, quote_speakers(sentences, entities, quotes))


def render_snippet(text: str, marks: list[dict]) -> str:
    """A sentence quoted elsewhere (an entity page), its marks wrapped in ``<mark>``."""
    return _marked_text(typographic(text), [dict(m, tag="mark") for m in marks])
