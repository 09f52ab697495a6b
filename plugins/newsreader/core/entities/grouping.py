"""Which names are one entity across the site (``index.build``): spellings, lone surnames, acronyms of long forms.

Computed from :func:`grouping_parts` of the articles. Its steps are pieces whose parts of the articles add up
(:func:`spelling_counts`, :func:`people`, :func:`acronyms`) and rules of one key each (:func:`chosen_spellings`,
:class:`Rules`): ``grouping_on_dask.py`` applies them on a cluster, by key, never with every name in one place.
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


def spelling_group(key: str) -> str:
    """The spellings a key is chosen among (:func:`spelling_key`); a key of three characters or fewer stays apart."""
    return spelling_key(key) if len(key) > 3 else key


def spelling_counts(seen: dict[tuple, int], plain: dict[str, str]) -> dict[str, Counter]:
    """{spelling group: {plain key: entity dicts}} of ``seen``; those of parts of the articles add up."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for (_, name), dicts in seen.items():
        key = plain[name]
        counts[spelling_group(key)][key] += dicts
    return counts


def best_spelling(spelled: Counter) -> str:
    """The one key of a spelling group's keys (counted): the one met in most entity dicts, one not in capitals first."""
    return min(spelled, key=lambda k: (k.isupper(), -spelled[k], k))


def chosen_spellings(counts: dict[str, Counter]) -> dict[str, str]:
    """{plain key: the one key of its spelling} of :func:`spelling_counts`: the spelling met in most entity dicts,
    one not in capitals first (a dateline's "WASHINGTON" joins "Washington"). Keys of three characters or fewer
    stay apart."""
    chosen = {}
    for spelled in counts.values():
        best = best_spelling(spelled)
        chosen.update({k: best for k in spelled})
    return chosen


# A surname several full-name people bear names the one met in this many times the entity dicts of all the others
# together (and in at least this many): the lone "Velkner" of a site about "Tomas Velkner", whose wife is named once.
DOMINANT = 5


def people(seen: dict[tuple, int], key_of) -> tuple[dict[str, Counter], set[str]]:
    """{surname: {key of a full-name person bearing it: entity dicts}} and the lone names typed person somewhere;
    those of parts of the articles add up (the counters) and join (the sets)."""
    bearers: dict[str, Counter] = defaultdict(Counter)
    lone_people = set()
    for (type_, name), count in seen.items():
        if type_ == "person":
            key = key_of(name)
            if " " in key:
                bearers[key.split()[-1]][key] += count
            else:
                lone_people.add(key)
    return bearers, lone_people


def owner(bearers: Counter) -> str | None:
    """The full-name person a lone surname names: the one who bears it, or the one who dominates the others who do
    (:data:`DOMINANT`); None when two bear it comparably."""
    top, *others = sorted(bearers, key=lambda k: (-bearers[k], k))
    rest = sum(bearers[k] for k in others)
    return top if not others or (bearers[top] >= DOMINANT * rest and bearers[top] >= DOMINANT) else None


def acronyms(organisations: set[tuple[str, tuple]], key_of) -> dict[str, set[str]]:
    """{acronym: keys of its long forms}: an organisation one article names in full with the acronym among its
    aliases (defined there in brackets) and whose capitals spell it; those of parts of the articles join."""
    found: dict[str, set[str]] = defaultdict(set)
    for name, aliases in organisations:
        key = key_of(name)
        if " " not in key:
            continue
        initials = "".join(w[0] for w in key.split() if w[:1].isupper())
        for alias in aliases:
            if alias.isupper() and " " not in alias and len(alias) >= 2 and alias == initials:
                found[alias].add(key)
    return found


class Rules:
    """What a key (a lone name, surname or acronym among them) becomes site-wide, from the :func:`people` and the
    :func:`acronyms` of the articles (all of them, or all of those of the keys asked about)."""

    def __init__(self, bearers: dict[str, Counter], lone_people: set[str], found: dict[str, set[str]]):
        from .aliases import load as load_aliases  # noqa: PLC0415 - yaml and pycountry: only when the index is made

        self.aliases = load_aliases()
        self.bearers, self.lone_people = bearers, lone_people
        self.owners = {surname: top for surname, keys in bearers.items() if (top := owner(keys)) is not None}
        # Only an acronym with one long form.
        self.long_forms = {acronym: next(iter(keys)) for acronym, keys in found.items() if len(keys) == 1}

    def final(self, key: str) -> str:
        """The site-wide key of a name of key ``key``, whatever its type: a lone name typed person somewhere is in
        ``lone_people``, so "typed person here or there" is "there"."""
        if key in self.owners and self.surname(key):
            return self.owners[key]  # "Trump" (even typed an organisation where it says something) -> "Donald Trump"
        aliases = self.aliases
        if key in self.long_forms and not (aliases.place(key) or aliases.organization(key)):
            return self.long_forms[key]  # "UKFO" of an article that never spells it out -> the long form defined
        return key

    def surname(self, key: str) -> bool:
        """Whether ``key`` is a person's surname typed person somewhere (its type is the person's)."""
        aliases = self.aliases
        return key in self.lone_people and key in self.bearers \
            and not (aliases.place(key) or aliases.capital_of(key) or aliases.organization(key))


def grouping_parts(articles) -> tuple[dict[tuple, int], set[tuple[str, tuple]]]:
    """What :func:`grouping` reads of ``[(slug, entity dicts)]``: {(type, name): entity dicts} of the names that may
    earn a page, in first-seen order, and each organisation's (name, aliases)."""
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
    spelling = chosen_spellings(spelling_counts(seen, plain))
    key_of = lambda name: spelling[plain[name]]  # noqa: E731
    bearers, lone_people = people(seen, key_of)
    rules = Rules(bearers, lone_people, acronyms(organisations, key_of))
    groups = {(type_, name): rules.final(key_of(name)) for type_, name in seen}
    return groups, {k for k in lone_people if rules.surname(k)}
