"""A hand-written article's HTML (Pelican's Markdown output) as plain paragraphs for annotation.

Block elements (paragraphs, headings, list items, quotes, preformatted text)
become paragraphs, as a raw article's lines are; inline emphasis, code and web
links are kept as spans (offsets into the paragraph text) so the annotated body
can show them again as marks, the text itself always escaped by ``body_html``.
Scripts, styles and images contribute no text. Parsed with the standard
library's ``html.parser``.
"""

from __future__ import annotations

import re
from datetime import time
from html import escape, unescape
from html.parser import HTMLParser

from ..model import RawArticle, Sentence
from .sentences import number_sentences

BLOCKS = frozenset("p li h1 h2 h3 h4 h5 h6 blockquote pre dd dt td th figcaption div tr".split())
INLINE = {"em": "em", "i": "em", "strong": "strong", "b": "strong", "code": "code"}
SKIP = frozenset({"script", "style", "template"})
_SAFE_HREF = re.compile(r"^(?:https?://|mailto:|/|#)", re.I)


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.spans: list[list[tuple[int, int, dict]]] = []  # per paragraph: (start, end, mark)
        self._text: list[str] = []
        self._marks: list[tuple[int, int, dict]] = []
        self._open: list[tuple[str, int, dict]] = []
        self._skip = 0

    def _flush(self) -> None:
        raw = "".join(self._text)
        lead = len(raw) - len(raw.lstrip())
        text = re.sub(r"\s", " ", raw.strip())
        if text:
            self.paragraphs.append(text)
            self.spans.append([(max(0, a - lead), min(len(text), b - lead), m) for a, b, m in self._marks
                               if min(len(text), b - lead) > max(0, a - lead)])
        self._text, self._marks = [], []
        self._open = [(tag, 0, mark) for tag, _, mark in self._open]

    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            self._skip += 1
        elif tag in BLOCKS or tag == "br":
            self._flush()
        elif tag in INLINE:
            self._open.append((tag, self._length(), {"tag": INLINE[tag]}))
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            self._open.append((tag, self._length(), {"href": href} if _SAFE_HREF.match(href) else {"tag": "span"}))

    def handle_endtag(self, tag):
        if tag in SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in BLOCKS:
            self._flush()
        elif tag in INLINE or tag == "a":
            for index in range(len(self._open) - 1, -1, -1):
                if self._open[index][0] == tag:
                    _, start, mark = self._open.pop(index)
                    if self._length() > start and (mark.get("href") or mark.get("tag") != "span"):
                        self._marks.append((start, self._length(), mark))
                    break

    def handle_data(self, data):
        if not self._skip:
            self._text.append(data)

    def _length(self) -> int:
        return sum(len(t) for t in self._text)


def paragraphs_of(html: str) -> tuple[list[str], list[list[tuple[int, int, dict]]]]:
    """Plain paragraphs of ``html`` and, for each, its inline marks as (start, end, mark) in its text."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    parser._flush()
    return parser.paragraphs, parser.spans


def sentence_marks(sentences: list[Sentence], spans: list[list[tuple[int, int, dict]]]) -> dict[str, list[dict]]:
    """The paragraphs' inline marks cut at sentence ends, in sentence offsets (``body_html`` marks)."""
    out: dict[str, list[dict]] = {}
    for sentence in sentences:
        lo, hi = sentence.offset, sentence.offset + len(sentence.text)
        for a, b, mark in spans[sentence.paragraph - 1]:
            start, end = max(a, lo) - lo, min(b, hi) - lo
            if end > start:
                out.setdefault(sentence.id, []).append(dict(mark, start=start, end=end))
    return out


def hand_written(article) -> RawArticle:
    """A Pelican article read from Markdown (or HTML) as a :class:`RawArticle`, with its inline marks by sentence.

    The headline is its title, the source its category, the publication date its ``Date:`` (a time of
    midnight is taken for a date without time). Its summary, unless given, becomes its first paragraph.
    """
    paragraphs, spans = paragraphs_of(article._content)
    sentences = number_sentences(paragraphs)
    published = article.date.replace(tzinfo=None) if getattr(article, "date", None) else None
    category = getattr(article, "category", None)
    raw = RawArticle(
        path=article.source_path, headline=unescape(re.sub(r"<[^>]*>", "", str(article.title))),
        source=str(category) if category else None, published=published,
        has_time=bool(published and published.time() != time()), paragraphs=paragraphs, sentences=sentences,
        marks=sentence_marks(sentences, spans),
    )
    if "summary" not in article.metadata and paragraphs:
        article.metadata["summary"] = escape(paragraphs[0], quote=False)
    return raw
