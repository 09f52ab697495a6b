"""Split paragraphs into sentences and give each a stable id (``s1``, ``s2``…).

Ids are numbered in reading order over the whole body, so they depend only on
the article's text: rebuilding unchanged text gives the same ids, and later
features (entities, timeline, quotes) link to them.

A small rule-based splitter rather than a library: pySBD is about a thousand
times slower, and the statistical parser's boundaries would move whenever the
model changes, breaking links readers have copied.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ..model import Sentence

# Words that end with a full stop without ending the sentence.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen col lt sgt capt cmdr adm maj gov sen rep rev hon pres
    st jr sr inc corp co ltd llc plc no nos vs etc approx est dept univ fig
    jan feb mar apr jun jul aug sep sept oct nov dec mt ft ave blvd rd
    """.split()
)
# After a dotted acronym ("U.S.") a new sentence starts only with one of these.
_STARTERS = frozenset(
    """
    the a an he she it they we i you this that these those there but and or so
    yet in on at for as after before when while if however meanwhile his her
    its their our some many most all no one two three according
    """.split()
)

# A candidate boundary: terminal punctuation, optional closing quotes/brackets,
# whitespace, then something that can start a sentence. It starts only where a run
# of punctuation starts and never backtracks into a run, so a scan is linear in the
# paragraph's length (a match found from inside a run would be found from its start).
_BOUNDARY = re.compile(r"""(?<![.!?…])([.!?…]++)(["'”’»)\]]*+)(\s++)(?=["'“‘«(\[]?[A-Z0-9])""")
_NEXT_WORD = re.compile(r"""["'“‘«(\[]?([A-Za-z]+)""")
_DOTTED_ACRONYM = re.compile(r"(?:[A-Za-z]\.){2,}$")


def _last_word(text: str, end: int) -> str:
    """The run of non-space characters ending at ``end``, found by looking back from it (not from the start)."""
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end]


def _is_boundary(text: str, match: re.Match[str]) -> bool:
    if match.group(1) != ".":
        return True  # ! ? … and runs like "?!" always end a sentence
    if match.group(2):
        return True  # a full stop inside closing quotes: 'he said.' Then…
    word = _last_word(text, match.start(1) + 1)
    bare = word.rstrip(".").lstrip("\"'“‘(").lower()
    if _DOTTED_ACRONYM.search(word.lstrip("\"'“‘(")):
        nxt = _NEXT_WORD.match(text, match.end())
        return bool(nxt) and nxt.group(1).lower() in _STARTERS
    if bare in ABBREVIATIONS:
        return False
    if len(bare) == 1 and bare.isalpha():
        return False  # an initial: "James J. DeHart"
    return True


def sentence_spans(paragraph: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of one paragraph, in order."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(paragraph):
        if _is_boundary(paragraph, match):
            spans.append((start, match.end(2)))
            start = match.end()
    if paragraph[start:].strip():
        spans.append((start, len(paragraph)))
    return spans


def split_sentences(paragraph: str) -> list[str]:
    """Split one paragraph into sentences; the pieces join back to the paragraph."""
    return [paragraph[start:end] for start, end in sentence_spans(paragraph)]


def number_sentences(paragraphs: list[str]) -> list[Sentence]:
    """Sentences of the whole body, numbered ``s1``, ``s2``… in reading order."""
    out: list[Sentence] = []
    for p_index, paragraph in enumerate(paragraphs, start=1):
        for start, end in sentence_spans(paragraph):
            out.append(Sentence(id=f"s{len(out) + 1}", paragraph=p_index, text=paragraph[start:end], offset=start))
    return out


class SentenceLocator:
    """Which sentence holds a character offset of a paragraph (paragraphs numbered from 1), by bisection."""

    def __init__(self, sentences: list[Sentence]):
        self._by_paragraph: dict[int, list[Sentence]] = {}
        for sentence in sentences:
            self._by_paragraph.setdefault(sentence.paragraph, []).append(sentence)
        self._starts = {p: [s.offset for s in ss] for p, ss in self._by_paragraph.items()}

    def at(self, paragraph: int, offset: int) -> Sentence | None:
        index = bisect_right(self._starts.get(paragraph, []), offset) - 1
        if index < 0:
            return None
        sentence = self._by_paragraph[paragraph][index]
        return sentence if offset < sentence.offset + len(sentence.text) else None
