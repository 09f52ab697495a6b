"""Which names are one entity across the site (``index.build``): spellings, lone surnames, acronyms of long forms.

Computed from :func:`grouping_parts` of the articles, which the parts of consecutive articles make by merging
(``on_dask.py`` makes them on a cluster).
"""

from __future__ import annotations

from collections import Counter, defaultdict

from .names import acronym_key, is_generic, person_key

PAGE_TYPES = ("person", "organization", "place", "agreement")  # money and quantities get no page


def is_local(entity: dict) -> bool:
    """An article-local entity: a generic body tied to no country (unless a correction renamed it)."""
    return bool(entity.get("local")) and is_generic(entity["name"])


def _plain_key(name: str) -> str:
    """The site-wide key of a name: without middle initials, acronyms without their dots, without a
    leading "The" ("The Hague" in one article, "Hague" where no evidence kept the article)."""
    if name.startswith("The ") and len(name) > 4:
        name = name[4:]
    return acronym_key(person_key(name))


def spelling_key(key: str) -> str:
    """What two spellings of one name share: case, punctuation and spaces aside ("WASHINGTON" and "Washington",
    "Fizz-Co" and "Fizz Co", "Walter K.D. Renn" and "Walter KD Renn", "O’Dell" and "O'Dell", "BrightPath"
    and "Bright Path"); letters with accents stay themselves ("José" is not "Jose")."""
    return "".join(ch for ch in key.casefold() if ch.isalnum())


def _spellings(seen: dict[tuple, int], plain: dict[str, str]) -> dict[str, str]:
    """{plain key: the one key of its spelling}: the spelling met in most entity dicts, one not in capitals
    first (a dateline's "WASHINGTON" joins "Washington"). Keys of three characters or fewer stay apart."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for (_, name), dicts in seen.items():
        key = plain[name]
        counts[spelling_key(key) if len(key) > 3 else key][key] += dicts
    chosen = {}
    for spelled in counts.values():
        best = min(spelled, key=lambda k: (k.isupper(), -spelled[k], k))
        chosen.update({k: best for k in spelled})
    return chosen


# A surname several full-name people bear names the one met in this many times the entity dicts of all the others
# together (and in at least this many): the lone "Velkner" of a site about "Tomas Velkner", whose wife is named once.
DOMINANT = 5


def _surname_owners(seen: dict[tuple, int], key_of) -> tuple[dict[str, str], set[str], set[str]]:
    """Lone surnames that name the one full-name person of the site who bears them, or the one who dominates the
    others who do (:data:`DOMINANT`): {surname: key}; the lone names typed person somewhere; the surnames of every
    full-name person."""
    owners: dict[str, set[str]] = defaultdict(set)
    dicts: Counter = Counter()
    lone_people = set()
    for (type_, name), count in seen.items():
        key = key_of(name)
        if type_ == "person" and " " in key:
            owners[key.split()[-1]].add(key)
            dicts[key] += count
        elif type_ == "person":
            lone_people.add(key)
    chosen = {}
    for surname, keys in owners.items():
        top, *others = sorted(keys, key=lambda k: (-dicts[k], k))
        rest = sum(dicts[k] for k in others)
        if not others or (dicts[top] >= DOMINANT * rest and dicts[top] >= DOMINANT):
            chosen[surname] = top
    return chosen, lone_people, set(owners)


def _long_forms(organisations: set[tuple[str, tuple]], key_of) -> dict[str, str]:
    """{acronym: key of its long form}: an organisation one article names in full with the acronym among its
    aliases (defined there in brackets) and whose capitals spell it; only an acronym with one long form."""
    found: dict[str, set[str]] = defaultdict(set)
    for name, aliases in organisations:
        key = key_of(name)
        if " " not in key:
            continue
        initials = "".join(w[0] for w in key.split() if w[:1].isupper())
        for alias in aliases:
            if alias.isupper() and " " not in alias and len(alias) >= 2 and alias == initials:
                found[alias].add(key)
    return {acronym: next(iter(keys)) for acronym, keys in found.items() if len(keys) == 1}


def grouping_parts(articles) -> tuple[dict[tuple, int], set[tuple[str, tuple]]]:
    """What :func:`grouping` reads of ``[(slug, entity dicts)]``: {(type, name): entity dicts} of the names that may
    earn a page, in first-seen order, and each organisation's (name, aliases). Parts of consecutive articles
    merge into the whole's (counts added, in order; the sets joined)."""
    seen: dict[tuple, int] = {}
    organisations = set()
    for _, ents in articles:
        for e in ents:
            if e["type"] in PAGE_TYPES and not is_local(e):
                pair = (e["type"], e["name"])
                seen[pair] = seen.get(pair, 0) + 1
                if e["type"] == "organization" and e["aliases"]:
                    organisations.add((e["name"], tuple(e["aliases"])))
    return seen, organisations


def grouping(seen: dict[tuple, int], organisations: set) -> tuple[dict[tuple, str], set[str]]:
    """Site-wide key of each (type, name): figures by type and name, other entities by name alone; and the
    keys that are a person's surname typed person somewhere (their type is the person's, see :func:`build`)."""
    plain = {name: _plain_key(name) for _, name in seen}
    spelling = _spellings(seen, plain)
    key_of = lambda name: spelling[plain[name]]  # noqa: E731
    owners, lone_people, all_surnames = _surname_owners(seen, key_of)
    from .aliases import load as load_aliases  # noqa: PLC0415 - yaml and pycountry: only when the index is made

    aliases = load_aliases()
    long_forms = _long_forms(organisations, key_of)
    groups = {}
    for type_, name in seen:
        key = key_of(name)
        if " " not in key and key in owners and (type_ == "person" or key in lone_people) \
                and not (aliases.place(key) or aliases.capital_of(key) or aliases.organization(key)):
            key = owners[key]  # "Trump" (even typed an organisation where it says something) -> "Donald Trump"
        elif key in long_forms and not (aliases.place(key) or aliases.organization(key)):
            key = long_forms[key]  # "UKFO" of an article that never spells it out -> the long form another defines
        groups[(type_, name)] = key
    surnames = {k for k in lone_people & all_surnames
                if not (aliases.place(k) or aliases.capital_of(k) or aliases.organization(k))}
    return groups, surnames


