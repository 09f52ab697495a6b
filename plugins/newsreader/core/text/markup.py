"""Embed markup a scraper left in the text: ``<tweet id="…" author="@…" datetime="…">…</tweet>`` around an
embedded post, ``<a href="…">…</a>`` around a link's words, and a site's call to action in capitals caught inside
a paragraph (``SIGN UP FOR OUR NEWSLETTER``, ``CLICK HERE TO SUBSCRIBE``).

The article stays plain text (its offsets, sentences and export are the file's own words); these tags are only
*not shown*: :func:`hidden` gives their character ranges, which the display blanks (``body_html.typographic``),
and :func:`visible` gives the text without them (search). Anything else between angle brackets is text and is
shown, escaped. Only whole tags of these two kinds are hidden: a name, attributes of the form ``name="value"``
(straight or curly quotes, as a scraper's typography may have turned them), nothing nested. A call to action is
hidden only in capitals and whole ("SIGN UP FOR OUR NEWSLETTER"); entities are not looked for in what is hidden
(``entities.extract``).
"""

from __future__ import annotations

import re

_VALUE = r"""(?:"[^"<>]*"|\u201d[^\u201d<>]*\u201d|\u201c[^\u201c\u201d<>]*\u201d|'[^'<>]*')"""
_TAG = re.compile(rf"<(?:tweet|a)(?:\s+[a-z][\w-]*\s*=\s*{_VALUE})*\s*>|</(?:tweet|a)\s*>|<tweet\s*/>", re.IGNORECASE)
_CALL = re.compile(r"\b(?:(?:SIGN UP|SUBSCRIBE|REGISTER)(?: FOR| TO)?(?: OUR| THE)?(?: FREE| DAILY| WEEKLY)?"
                   r" (?:NEWSLETTERS?|MAILING LIST)|CLICK HERE TO (?:SUBSCRIBE|SIGN UP)|JOIN OUR MAILING LIST)\b")


_CALL_WORDS = ("NEWSLETTER", "MAILING LIST", "CLICK HERE")  # a call to action holds one of these


def may_hide(text: str) -> bool:
    """Whether ``text`` can hold anything :func:`hidden` finds (cheap: most text cannot)."""
    return "<" in text or any(word in text for word in _CALL_WORDS)


def hidden(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` ranges of ``text`` that are embed markup, in order."""
    if not may_hide(text):
        return []
    found = [m.span() for m in _TAG.finditer(text)] + [m.span() for m in _CALL.finditer(text)]
    return sorted(found)  # a call holds no "<": no range overlaps another


def visible(text: str) -> str:
    """``text`` without its embed markup."""
    ranges = hidden(text)
    return "".join(text[a:b] for a, b in zip([0] + [end for _, end in ranges], [start for start, _ in ranges] + [len(text)]))


def embeds_post(text: str) -> bool:
    """Whether ``text`` (a paragraph) opens with an embedded post's tag."""
    ranges = hidden(text)
    return bool(ranges) and not text[:ranges[0][0]].strip() and text[ranges[0][0]:][:6].lower() == "<tweet"
