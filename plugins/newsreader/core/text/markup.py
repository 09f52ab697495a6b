"""Embed markup a scraper left in the text: ``<tweet id="…" author="@…" datetime="…">…</tweet>`` around an
embedded post, ``<a href="…">…</a>`` around a link's words.

The article stays plain text (its offsets, sentences and export are the file's own words); these tags are only
*not shown*: :func:`hidden` gives their character ranges, which the display blanks (``body_html.typographic``),
and :func:`visible` gives the text without them (search). Anything else between angle brackets is text and is
shown, escaped. Only whole tags of these two kinds are hidden: a name, attributes of the form ``name="value"``
(straight or curly quotes, as a scraper's typography may have turned them), nothing nested.
"""

from __future__ import annotations

import re

_VALUE = r"""(?:"[^"<>]*"|\u201d[^\u201d<>]*\u201d|\u201c[^\u201c\u201d<>]*\u201d|'[^'<>]*')"""
_TAG = re.compile(rf"<(?:tweet|a)(?:\s+[a-z][\w-]*\s*=\s*{_VALUE})*\s*>|</(?:tweet|a)\s*>", re.IGNORECASE)


def hidden(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` ranges of ``text`` that are embed markup, in order."""
    if "<" not in text:
        return []
    return [m.span() for m in _TAG.finditer(text)]


def visible(text: str) -> str:
    """``text`` without its embed markup."""
    return _TAG.sub("", text) if "<" in text else text


def embeds_post(text: str) -> bool:
    """Whether ``text`` (a paragraph) opens with an embedded post's tag."""
    ranges = hidden(text)
    return bool(ranges) and not text[:ranges[0][0]].strip() and text[ranges[0][0]:][:6].lower() == "<tweet"
