"""Where quotes are in a paragraph, and which quoted pieces make one quote.

Straight and curly double quotes, curly single quotes and straight single quotes at word edges; a quote left open
at the end of a paragraph runs to its end (news style for quotes spanning paragraphs); two pieces in one sentence
split by an attribution ("…," he said, "…") are one quote.
"""

from __future__ import annotations

import re

from ..model import Sentence
from ..text.sentences import SentenceLocator


def _glued_opening(paragraph: str, start: int) -> int:
    """The first opening curly mark from ``start`` that closes a quote: glued to the words before it and
    followed by a space or the end ('“…,“ said X'); -1 without one."""
    for m in re.finditer("“", paragraph[start:]):
        k = start + m.start()
        if not paragraph[k - 1].isspace() and (k + 1 == len(paragraph) or paragraph[k + 1].isspace()):
            return k
    return -1


# Words written with a leading apostrophe that copy often sets as an opening single quote ("‘bout", "‘til", "‘em",
# rock "‘n’" roll): never the start of a single-quoted phrase. Decades ("the ‘90s") are caught by their shape.
_ELIDED = frozenset({"bout", "til", "till", "cause", "cos", "coz", "em", "n", "tis", "twas", "round", "nuff", "scuse",
                     "fraid", "neath", "cept", "kay"})
_DECADE = re.compile(r"\d\d?s\b")
_WORD = re.compile(r"[A-Za-z]+")


def _single_quote_opens(paragraph: str, i: int) -> bool:
    """Whether the single mark at ``i`` opens a quoted phrase rather than marking an elided word or a decade."""
    word = _WORD.match(paragraph, i + 1)
    return not (word and word.group().lower() in _ELIDED) and not _DECADE.match(paragraph, i + 1)


def _balanced_doubles(text: str) -> bool:
    """A single-quoted phrase may hold a whole double-quoted one (‘He said “no”’), never half of one: a span that
    opens or closes a double quote is an apostrophe paired with another by chance, across a real quote."""
    return text.count("“") == text.count("”") and text.count('"') % 2 == 0


# A nickname between the parts of a name ('Robert T. "Bobby" Quill', 'Ana "Nan" Duarte'): one or two capitalised words
# in quotation marks, right after a capitalised word or an initial and right before a capitalised word.
_NICKNAME = re.compile(r"(?:The\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)?")
_NAME_BEFORE = re.compile(r"(?:^|\s)(?:[A-Z][a-z’'-]+|[A-Z]\.)\s+$")
_NAME_AFTER = re.compile(r"\s+[A-Z][a-z][\w’'-]*(?!\s+[A-Z])")  # the name ends there: not a headline in title case


def _nickname(paragraph: str, opening: int, closing: int) -> bool:
    inner = paragraph[opening + 1:closing]
    return (bool(_NICKNAME.fullmatch(inner))
            and bool(_NAME_BEFORE.search(paragraph[max(0, opening - 30):opening]))
            and bool(_NAME_AFTER.match(paragraph, closing + 1)))


# The title of a programme ('appeared on "Harbour Hour,"', 'a broadcast of "The Quay Tonight"'): capitalised words
# in quotation marks after a word that introduces a broadcast. Not an authored title ('a memo titled "…"', 'his book
# "…"', an advert's): those are their authors' words.
_WORK_BEFORE = re.compile(r"(?:\bon|\bshow|\bprogram|\bprogramme|\bseries|\bpodcast|\b(?:episode|broadcast|edition)\s+of)"
                          r"\s*,?\s*$", re.I)
_SMALL = frozenset("a an the of and or to in on for with at by from".split())


def _titled_work(paragraph: str, opening: int, closing: int) -> bool:
    words = paragraph[opening + 1:closing].rstrip(",.").split()
    return (0 < len(words) <= 7 and words[0][:1].isupper() and paragraph[closing - 1] not in "?!"
            and all(w[:1].isupper() or w[:1].isdigit() or w in _SMALL for w in words)
            and bool(_WORK_BEFORE.search(paragraph[max(0, opening - 25):opening])))


def find_quote_spans(paragraph: str) -> list[tuple[int, int]]:
    """(start, end) of quoted text, quote marks excluded, in paragraph offsets."""
    spans: list[tuple[int, int]] = []
    i, n = 0, len(paragraph)
    while i < n:
        ch = paragraph[i]
        if ch in "“\"":
            close = "”" if ch == "“" else '"'
            j = paragraph.find(close, i + 1)
            if ch == "“":
                # Copy mixing styles closes a curly quote with a straight mark ('“…," X said. "…”') or with
                # another opening mark glued to the words ('“…,“ said X'): the first of those ends it.
                ends = [k for k in (j, paragraph.find('"', i + 1), _glued_opening(paragraph, i + 1)) if k != -1]
                j = min(ends) if ends else -1
            if ch == '"':  # a straight mark closed by a curly one ('"…,” X said'): copy mixing both styles
                curly = paragraph.find("”", i + 1)
                if curly != -1 and (j == -1 or curly < j):
                    j = curly
            end = n if j == -1 else j  # left open: runs to the paragraph's end
            if i and paragraph[i - 1] == "=" and j != -1:
                i = end + 1  # a markup attribute's value ('<tweet id="…">'), not a quotation
                continue
            if end > i + 1 and not (j != -1 and (_nickname(paragraph, i, j) or _titled_work(paragraph, i, j))):
                spans.append((i + 1, end))
            i = end + 1
            continue
        if ch in "‘'" and (i == 0 or not paragraph[i - 1].isalnum()) and i + 1 < n and paragraph[i + 1].isalnum() \
                and _single_quote_opens(paragraph, i):
            # A single-quoted phrase: closes at a quote mark that is not an apostrophe inside a word.
            m = re.compile(r"[’'](?![A-Za-z])").search(paragraph, i + 1)
            if m and 3 < m.start() - i < 200 and (paragraph[m.start() - 1].isalnum() or paragraph[m.start() - 1] in ".,!?") \
                    and _balanced_doubles(paragraph[i + 1:m.start()]):
                spans.append((i + 1, m.start()))
                i = m.end()
                continue
        i += 1
    return spans


def words_outside(sentence: Sentence, group, s_lo: int) -> int:
    text, at, outside = sentence.text, 0, []
    for a, b in group:
        outside.append(text[at:max(at, a - s_lo)])
        at = b - s_lo
    outside.append(text[at:])
    return len(re.findall(r"\w+", " ".join(outside)))


# Words that start another clause between two quoted pieces ("… ," Ortiz said, while Tran called it "…"): two quotes.
_CLAUSE_LINKS = frozenset({"while", "whereas", "but", "and", "although", "though", "as"})
_ATTRIBUTION_WORDS = frozenset({"said", "says", "added", "adds", "told", "continued", "stressed", "insisted", "noted"})


def group_spans(paragraph: str, p_index: int, spans, locate: SentenceLocator) -> list[list[tuple[int, int]]]:
    """Pieces of one sentence split by an attribution ('"…," he said, "…"') grouped as one quote."""
    groups: list[list[tuple[int, int]]] = []
    for span in spans:
        here = locate.at(p_index, span[0])
        if groups:
            prev_sentence = locate.at(p_index, groups[-1][0][0])
            between = paragraph[groups[-1][-1][1]:span[0]]
            words = set(re.findall(r"\w+", between.lower()))
            # (not across a colon: 'After X said it was "…," Y said: "…"' introduces Y's own words)
            if (here is prev_sentence and here is not None and len(re.findall(r"\w+", between)) <= 8
                    and words & _ATTRIBUTION_WORDS and not words & _CLAUSE_LINKS
                    and not between.rstrip(" “\"‘'").endswith(":")):
                groups[-1].append(span)
                continue
        groups.append([span])
    return groups
