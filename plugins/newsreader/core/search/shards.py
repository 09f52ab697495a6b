"""The index cut into term shards, and the display files, that the browser fetches a few of at a time.

Layout (under ``search/``; ``<dir>`` is ``s-`` + a hash of every file in it):

- ``manifest.json`` — fields, search pipeline, document count, ``<dir>``, the
  number of term shards, and the first key of every GROUP-th shard (of every
  shard, ``keys``, up to INLINE_KEYS shards); the number of alias buckets;
- ``<dir>/k<g>.json`` — the first keys of shards g·GROUP … g·GROUP + GROUP − 1
  (a shard's key sorts after every term of the shard before it);
- ``<dir>/t<n>.json`` — shard n: ``[[term, termIndex, postings of field 0, …], …]``
  for a contiguous range of terms in lunr's term order; a field's postings are one
  string of numbers (see ``postings_text``): grouped by weight (lunr's field-vector
  entry, which lunr rounds to 3 decimals, in thousandths), ascending, each group
  ``weight − previous weight, count, ref − previous ref, …`` (refs ascending, the
  first one counted from 0);
- ``<dir>/vocab.json`` — every term, as one list per shard, fetched only for
  leading/inner wildcard queries;
- ``<dir>/v<L>.json`` — the terms of L UTF-16 code units (``v<LENGTHS>`` also the longer
  ones), as ``[[shard, term, …], …]``: a fuzzy term ``w~d`` reads lengths len(w) − d …
  len(w) + d only (one edit changes a length by at most one);
- ``<dir>/d/<ref>.json`` — what a result shows: title, URL, source, date, sentences;
- ``<dir>/a<n>.json`` — entity names and aliases, bucketed by a hash of the folded key;
- ``<dir>/facets.json`` — per document: source, year, entity ids (the search page's filters).
"""

from __future__ import annotations

import hashlib
import json

from . import lunr_js
from .fold import fold, unicode_trim
from .index import SEARCH_PIPELINE, Index, js_order

FORMAT = 3
SHARD_BYTES = 9000  # raw JSON per shard: about 3–4 kB gzip
ALONE_BYTES = SHARD_BYTES // 8  # a term whose entry is longer gets a shard of its own (a query for it fetches nothing else)
ALIASES_PER_BUCKET = 120
GROUP = 64  # shard keys per key file: the manifest stays small at any size
INLINE_KEYS = 640  # up to this many shards, the manifest also lists every key (about 2 kB gzip)
LENGTHS = 24  # v1.json … v24.json: the terms of each length, v24 also every longer one


def dumps(value) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def _thousandths(weight: float) -> int:
    k = round(weight * 1000)
    if k / 1000 != weight:
        raise ValueError(f"weight {weight!r} is not a whole number of thousandths")
    return k


DIGITS = "0123456789abcdefghijklmnopqrstuv"  # a number's last 5 bits
MORE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ_-$!()"  # its higher 5-bit digits, most significant first


def number_text(n: int) -> str:
    """``n`` ≥ 0 in base 32, one character a digit, the last digit from another alphabet (no separators)."""
    text = DIGITS[n & 31]
    n >>= 5
    while n:
        text = MORE[n & 31] + text
        n >>= 5
    return text


def postings_text(row: list[tuple[int, float]]) -> str:
    """One field's postings ``[(ref, weight), …]`` (refs ascending) as shards store them: gzip likes it."""
    by_weight: dict[int, list[int]] = {}
    for position, weight in row:
        by_weight.setdefault(_thousandths(weight), []).append(position)
    numbers, last_weight = [], 0
    for weight in sorted(by_weight):
        refs = by_weight[weight]
        numbers += [weight - last_weight, len(refs)]
        last_weight, last = weight, 0
        for ref in refs:
            numbers.append(ref - last)
            last = ref
    return "".join(number_text(n) for n in numbers)


def _entry(index: Index, term: str) -> list:
    number, per_field = index.postings[term]
    return [term, number, *(postings_text(row) for row in per_field)]


def separator(before: str, first: str) -> str:
    """The shortest prefix of ``first`` that sorts after ``before`` (in lunr.js order)."""
    for length in range(1, len(first) + 1):
        if js_order(first[:length]) > js_order(before):
            return first[:length]
    return first


class Packer:
    """Cuts terms, in lunr's order, into shards of about SHARD_BYTES of JSON: :meth:`starts` says whether the next
    term (its entry's JSON costs ``cost`` bytes, with its comma) begins a new shard. Shard 0 exists before any term."""

    def __init__(self):
        self.shards, self.size, self.empty = 1, 0, True

    def starts(self, cost: int) -> bool:
        new = not self.empty and (self.size + cost > SHARD_BYTES or cost > ALONE_BYTES)
        if new:
            self.shards += 1
            self.size = 0
        self.empty = False
        self.size += cost
        if cost > ALONE_BYTES:  # a common term: alone, so a query for it fetches nothing else
            self.size = SHARD_BYTES
        return new


def check_refs(refs: list[str]) -> None:
    if refs != [str(i) for i in range(len(refs))]:
        raise ValueError("shards need refs 0, 1, 2, … in document order")


def shard_keys(terms: list[list[str]]) -> list[str]:
    """Each shard's key: the shortest prefix of its first term that sorts after the shard before it."""
    return [""] + [separator(terms[n - 1][-1], terms[n][0]) for n in range(1, len(terms))]


def term_shards(index: Index) -> tuple[list[str], list[str], list[list[str]]]:
    """Contiguous ranges of terms, each about SHARD_BYTES of JSON: their keys, texts and terms."""
    check_refs(index.refs)
    groups: list[list[list]] = [[]]
    packer = Packer()
    for term in index.terms:
        entry = _entry(index, term)
        if packer.starts(len(dumps(entry)) + 1):
            groups.append([])
        groups[-1].append(entry)
    terms = [[entry[0] for entry in group] for group in groups]
    return shard_keys(terms), [dumps(group) for group in groups], terms


def script_bundle(lunr_js_text: str, shards_js_text: str) -> str:
    """lunr.min.js and search-shards.js as the one script a page fetches on focus (``search-lunr.js``).

    search-shards.js goes in without its comment lines and indentation (it has no template
    literals or multi-line strings, so nothing else changes)."""
    lines = [line.strip() for line in shards_js_text.splitlines()]
    compact = "\n".join(line for line in lines if line and not line.startswith("//"))
    return f"{lunr_js_text.rstrip()}\n;{compact}\n"


def js_length(term: str) -> int:
    """A term's length as JavaScript counts it (UTF-16 code units), as lunr's fuzzy matching does."""
    return len(term.encode("utf-16-le", "surrogatepass")) // 2


def length_files(terms: list[list[str]]) -> list[list[list]]:
    """The terms of each shard by length: file L−1 holds ``[[shard, term, …], …]`` for terms of length L."""
    out: list[list[list]] = [[] for _ in range(LENGTHS)]
    for n, shard in enumerate(terms):
        by_length: dict[int, list[str]] = {}
        for term in shard:
            by_length.setdefault(min(js_length(term), LENGTHS), []).append(term)
        for length in sorted(by_length):
            out[length - 1].append([n, *by_length[length]])
    return out


def alias_key(text: str) -> str:
    """A name as the browser compares it with a query: lunr's tokens, trimmed, folded, no dots or possessive."""
    words = []
    for token in lunr_js.tokenize(text):
        word = unicode_trim(token)
        if word.endswith(("'s", "\u2019s")):
            word = unicode_trim(word[:-2])
        word = fold(word).replace(".", "")
        if word:
            words.append(word)
    return " ".join(words)


def bucket(key_text: str, buckets: int) -> int:
    """A 31-multiplier hash over code points, the same in search-shards.js."""
    h = 0
    for char in key_text:
        h = (h * 31 + ord(char)) & 0xFFFFFFFF
    return h % buckets


ALIASES_PER_KEY = 5  # entities a key lists, at most


def _listed(keyed: dict[str, list], k: str, rows: list[list]) -> None:
    if not k:
        return
    found = keyed.setdefault(k, [])
    for row in rows:
        if len(found) == ALIASES_PER_KEY:
            return
        if row not in found:
            found.append(row)


def alias_lists(entities) -> tuple[dict[str, list], dict[str, list]]:
    """What :func:`alias_buckets` reads of ``entities`` (in order): ({key of a name or alias: entities}, {a person's
    surname: entities}), each key's entities once each, at most ALIASES_PER_KEY. The lists of consecutive parts of
    the entities merge into the whole's (:func:`merged_aliases`)."""
    names: dict[str, list] = {}
    surnames: dict[str, list] = {}
    for e in entities:
        row = [e["name"], e["url"], e["type"]]
        for name in [e["name"], *e["aliases"]]:
            _listed(names, alias_key(name), [row])
        words = alias_key(e["name"]).split(" ")
        if e["type"] == "person" and len(words) > 1:
            _listed(surnames, words[-1], [row])
    return names, surnames


def merged_aliases(parts) -> dict[str, list]:
    """Each key's entities over the :func:`alias_lists` of consecutive parts, in order: names and aliases first,
    then surnames (after any entity with that very name)."""
    keyed: dict[str, list] = {}
    for names, _ in parts:
        for k, rows in names.items():
            _listed(keyed, k, rows)
    for _, surnames in parts:
        for k, rows in surnames.items():
            _listed(keyed, k, rows)
    return keyed


def alias_bucket_count(keys: int) -> int:
    return max(1, -(-keys // ALIASES_PER_BUCKET))


def alias_buckets(entities: list[dict]) -> list[dict]:
    """``entities``: ``{"name", "aliases", "url", "type"}``; a key (a name, an alias, a person's surname) lists up to
    ALIASES_PER_KEY of them."""
    keyed = merged_aliases([alias_lists(entities)])
    count = alias_bucket_count(len(keyed))
    out = [{} for _ in range(count)]
    for k in sorted(keyed):
        out[bucket(k, count)][k] = keyed[k]
    return out


def files(index: Index, displays: list[dict], facets: dict, entities: list[dict]) -> dict[str, str]:
    """Every file of the sharded search, by path under ``search/``; ``manifest.json`` names the rest."""
    keys, shards, terms = term_shards(index)
    aliases = alias_buckets(entities)
    inner = {f"t{n}.json": text for n, text in enumerate(shards)}
    inner.update(term_files(keys, terms))
    inner.update({f"d/{ref}.json": dumps(display) for ref, display in zip(index.refs, displays)})
    inner.update({f"a{n}.json": dumps(b) for n, b in enumerate(aliases)})
    inner["facets.json"] = dumps(facets)
    digest = hashlib.sha256()
    for path in sorted(inner):
        digest.update(f"{path}\0{inner[path]}\0".encode())
    folder = f"s-{digest.hexdigest()[:12]}"
    out = {"manifest.json": manifest(folder, index.fields, len(index.refs), len(keys), keys[::GROUP], len(aliases),
                                     keys)}
    out.update({f"{folder}/{path}": text for path, text in inner.items()})
    return out


def term_files(keys: list[str], terms: list[list[str]]) -> dict[str, str]:
    """The key files, the vocabulary and the terms by length, from the shards' keys and terms."""
    inner = {f"k{g}.json": dumps(keys[g * GROUP:(g + 1) * GROUP]) for g in range(-(-len(keys) // GROUP))}
    inner["vocab.json"] = dumps(terms)
    inner.update({f"v{n}.json": dumps(rows) for n, rows in enumerate(length_files(terms), 1)})
    return inner


def manifest(folder: str, fields: list[str], docs: int, shards: int, groups: list[str], aliases: int,
             keys: list[str] | None) -> str:
    """``manifest.json``: what the browser reads first (``folder`` is ``s-`` + a hash of every file in it);
    ``groups``: the first key of every GROUP-th shard; ``keys``: every shard's key (needed up to INLINE_KEYS)."""
    found = {"format": FORMAT, "lunr": "2.3.9", "fields": fields, "pipeline": SEARCH_PIPELINE,
             "docs": docs, "dir": folder, "shards": shards, "group": GROUP, "groups": groups,
             "aliases": aliases, "lengths": LENGTHS}
    if shards <= INLINE_KEYS:  # a small index: every key in the manifest saves a request per query
        found["keys"] = keys
    return dumps(found)
