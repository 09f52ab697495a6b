"""Unicode-aware pipeline functions for the search index, the same in Python and in lunr.js.

lunr.js's own ``trimmer`` strips everything outside ASCII ``\\w`` at a word's
edges, so "Łódź" becomes "d" and "Żmijewski" "mijewski". ``unicode_trim``
strips only what is neither a letter, a digit, a mark nor "_" (Unicode
categories L*, N*, M*). ``fold`` maps a word to its unaccented spelling
("kraków" → "krakow", "łódź" → "lodz", "são" → "sao"); the pipeline function
``fold_diacritics`` keeps the word *and* adds its folded spelling, so "Krakow"
finds "Kraków" and a query spelled with the accents matches both terms of an
accented word and ranks the exact spelling first.

``theme/static/js/search-shards.js`` registers the same two functions with
lunr.js under the same labels (``unicodeTrimmer``, ``foldDiacritics``);
``tests/core/search/test_search_index.py`` checks both sides give the same terms.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

TRIMMER_LABEL = "unicodeTrimmer"
FOLD_LABEL = "foldDiacritics"

# Letters NFD does not decompose into a base letter and a mark.
SPECIAL = {"ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ı": "i", "ŀ": "l", "ß": "ss", "æ": "ae", "œ": "oe",
           "þ": "th"}


def _kept(char: str) -> bool:
    return char == "_" or unicodedata.category(char)[0] in "LNM"


@lru_cache(maxsize=1 << 17)
def unicode_trim(word: str) -> str:
    """Strip leading and trailing characters that are not letters, digits, marks or "_"."""
    start, end = 0, len(word)
    while start < end and not _kept(word[start]):
        start += 1
    while end > start and not _kept(word[end - 1]):
        end -= 1
    return word[start:end]


@lru_cache(maxsize=1 << 17)
def fold(word: str) -> str:
    """The word without diacritics: NFD, combining marks (Mn) dropped, a few letters mapped (ł → l)."""
    if word.isascii():
        return word
    bare = "".join(c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn")
    return "".join(SPECIAL.get(c, c) for c in bare)


def variants(word: str) -> list[str]:
    """What ``fold_diacritics`` makes of a word: the word, then its folded spelling if that differs."""
    folded = fold(word)
    return [word] if folded == word else [word, folded]


# --- lunr.py pipeline functions, labelled as search-shards.js registers them in lunr.js ----------
def unicode_trimmer(token, i=None, tokens=None):
    return token.update(lambda s, metadata=None: unicode_trim(s))


def fold_diacritics(token, i=None, tokens=None):
    folded = fold(str(token))
    return token if folded == str(token) else [token, token.clone(lambda s, metadata=None: folded)]


unicode_trimmer.label = TRIMMER_LABEL
fold_diacritics.label = FOLD_LABEL
