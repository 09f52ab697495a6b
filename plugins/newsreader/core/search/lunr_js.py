"""lunr.js 2.3.9's text pipeline, in Python, so that an index built here answers like one lunr.js built.

lunr.py's own pipeline differs from lunr.js in ways that lose results in the
browser: its Porter stemmer treats words ending in "y" differently (Tuesday,
military, money), its trimmer keeps non-ASCII letters that lunr.js strips and
leaves "u.s." alone, and its tokenizer splits on fewer kinds of space. Each
function here follows the lunr.js source of the same name, and carries the
label lunr.js registers it under, so the serialized index names lunr.js's own
functions for the query side.
"""

from __future__ import annotations

import re
from functools import lru_cache

# JavaScript's \s, and its ASCII-only \w / \W.
JS_SPACE = "\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
_SEPARATOR = re.compile(f"[{JS_SPACE}\\-]+")
_LEADING = re.compile(r"^[^A-Za-z0-9_]+")
_TRAILING = re.compile(r"[^A-Za-z0-9_]+$")


def tokenize(text: str) -> list[str]:
    """lunr.tokenizer: lower-case, split on whitespace and hyphens, drop empty pieces."""
    return [piece for piece in _SEPARATOR.split(str(text).lower()) if piece]


@lru_cache(maxsize=1 << 17)  # words repeat (Zipf): each distinct one is trimmed once
def trim(word: str) -> str:
    """lunr.trimmer: strip leading and trailing characters outside [A-Za-z0-9_]."""
    return _TRAILING.sub("", _LEADING.sub("", word, count=1), count=1)


# --- lunr.stemmer: Porter's algorithm exactly as lunr.js writes it ----------------------------
_STEP2 = {"ational": "ate", "tional": "tion", "enci": "ence", "anci": "ance", "izer": "ize", "bli": "ble",
          "alli": "al", "entli": "ent", "eli": "e", "ousli": "ous", "ization": "ize", "ation": "ate",
          "ator": "ate", "alism": "al", "iveness": "ive", "fulness": "ful", "ousness": "ous", "aliti": "al",
          "iviti": "ive", "biliti": "ble", "logi": "log"}
_STEP3 = {"icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic", "ful": "", "ness": ""}
_c = "[^aeiou]"
_v = "[aeiouy]"
_C = _c + "[^aeiouy]*"
_V = _v + "[aeiou]*"
_MGR0 = re.compile("^(" + _C + ")?" + _V + _C)
_MEQ1 = re.compile("^(" + _C + ")?" + _V + _C + "(" + _V + ")?$")
_MGR1 = re.compile("^(" + _C + ")?" + _V + _C + _V + _C)
_S_V = re.compile("^(" + _C + ")?" + _v)
_1A = re.compile(r"^(.+?)(ss|i)es$")
_1A_2 = re.compile(r"^(.+?)([^s])s$")
_1B = re.compile(r"^(.+?)eed$")
_1B_2 = re.compile(r"^(.+?)(ed|ing)$")
_LAST = re.compile(r".$")
_1B_AT = re.compile(r"(at|bl|iz)$")
_1B_DOUBLE = re.compile(r"([^aeiouylsz])\1$")
_1B_CVC = re.compile("^" + _C + _v + "[^aeiouwxy]$")
_1C = re.compile(r"^(.+?[^aeiou])y$")
_2 = re.compile(r"^(.+?)(" + "|".join(_STEP2) + ")$")
_3 = re.compile(r"^(.+?)(" + "|".join(_STEP3) + ")$")
_4 = re.compile(r"^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$")
_4_2 = re.compile(r"^(.+?)(s|t)(ion)$")
_5 = re.compile(r"^(.+?)e$")
_5_LL = re.compile(r"ll$")
_5_CVC = re.compile("^" + _C + _v + "[^aeiouwxy]$")


def _js_length(word: str) -> int:
    return len(word.encode("utf-16-le")) // 2  # JavaScript counts UTF-16 code units


@lru_cache(maxsize=1 << 17)
def stem(w: str) -> str:
    if _js_length(w) < 3:
        return w
    first_y = w[0] == "y"
    if first_y:
        w = "Y" + w[1:]

    if _1A.search(w):
        w = _1A.sub(r"\1\2", w, count=1)
    elif _1A_2.search(w):
        w = _1A_2.sub(r"\1\2", w, count=1)

    match = _1B.search(w)
    if match:
        if _MGR0.search(match.group(1)):
            w = _LAST.sub("", w, count=1)
    else:
        match = _1B_2.search(w)
        if match and _S_V.search(match.group(1)):
            w = match.group(1)
            if _1B_AT.search(w):
                w += "e"
            elif _1B_DOUBLE.search(w):
                w = _LAST.sub("", w, count=1)
            elif _1B_CVC.search(w):
                w += "e"

    match = _1C.search(w)
    if match:
        w = match.group(1) + "i"

    match = _2.search(w)
    if match and _MGR0.search(match.group(1)):
        w = match.group(1) + _STEP2[match.group(2)]

    match = _3.search(w)
    if match and _MGR0.search(match.group(1)):
        w = match.group(1) + _STEP3[match.group(2)]

    match = _4.search(w)
    if match:
        if _MGR1.search(match.group(1)):
            w = match.group(1)
    else:
        match = _4_2.search(w)
        if match and _MGR1.search(match.group(1) + match.group(2)):
            w = match.group(1) + match.group(2)

    match = _5.search(w)
    if match:
        stem_ = match.group(1)
        if _MGR1.search(stem_) or (_MEQ1.search(stem_) and not _5_CVC.search(stem_)):
            w = stem_

    if _5_LL.search(w) and _MGR1.search(w):
        w = _LAST.sub("", w, count=1)

    if first_y:
        w = "y" + w[1:]
    return w


# --- pipeline functions for lunr.py, labelled as lunr.js registers them ----------------------
def trimmer(token, i=None, tokens=None):
    return token.update(lambda s, metadata=None: trim(s))


def stemmer(token, i=None, tokens=None):
    return token.update(lambda s, metadata=None: stem(s))


trimmer.label = "trimmer"
stemmer.label = "stemmer"
