"""Recognise the republishing site's trailing boilerplate.

Only a run of lines at the very end of the file is ever removed, and only lines
that look like site furniture: punctuation-only lines, and short lines about
newsletters, sign-ups, sharing, following the author, advertisements or related reading. A body
paragraph that merely mentions a newsletter is long prose and stays.
"""

from __future__ import annotations

import re

# Furniture lines are short; a real paragraph is rarely under this many words.
MAX_WORDS = 14

_FURNITURE = re.compile(
    r"""
    \bnewsletters?\b | \bmailing\s+list\b | \bsign[\s-]*up\b | \bsubscrib\w* |
    \bshare\s+(?:this|on|via)\b | ^\s*share\W*$ | \bfollow\s+us\b |
    ^\W*follow\s+(?:\S+\s+){1,3}on\s+(?:twitter|x|facebook|instagram|threads|bluesky|mastodon)\W*(?:@\S+)?\W*$ |
    \badvertis\w* | ^\s*ad\s*$ | \bsponsored\b |
    \brelated\s+(?:reading|articles?|stories|news|content|coverage|links?)\b |
    \bread\s+(?:more|also|next)\b | ^\s*see\s+also\b | \bmore\s+stories\b |
    \ball\s+rights\s+reserved\b | ^\s*(?:©|\(c\)|copyright)\b |
    \bclick\s+here\b | \bcomments?\s*(?:\(\d+\))?\s*$ | ^\s*tags?\s*:
    """,
    re.IGNORECASE | re.VERBOSE,
)
_WORD = re.compile(r"\w+", re.UNICODE)


def is_punctuation_only(line: str) -> bool:
    """True for lines such as ``|``, ``---`` or ``* * *``: no letter or digit."""
    return not any(ch.isalnum() for ch in line)


def is_furniture(line: str) -> bool:
    """True when ``line`` reads as site furniture rather than article text."""
    if is_punctuation_only(line):
        return True
    return len(_WORD.findall(line)) <= MAX_WORDS and bool(_FURNITURE.search(line))


def trailing_boilerplate_start(lines: list[str]) -> int:
    """Index of the first line of the trailing boilerplate run (``len(lines)`` if none)."""
    start = len(lines)
    while start > 0 and is_furniture(lines[start - 1]):
        start -= 1
    return start
