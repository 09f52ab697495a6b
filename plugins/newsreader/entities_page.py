"""What the entities index shows: the entities with a page of their own, by type, most mentioned first.

A name that earns no page (``site.py``'s page rule) is served by its article (highlight, hover card, sidebar),
the export and search, not by the index: listing every name met once made the index of a newsroom archive a
page of tens of megabytes (issue 25). Past ``NEWSREADER_ENTITIES_INDEX_MAX`` names, ``entity/`` shows each
type's most mentioned (``NEWSREADER_ENTITIES_INDEX_TOP``) and one page per initial letter lists them all
(``ENTITIES_LETTER_SAVE_AS``), each page with the same filter box.
"""

from __future__ import annotations

import unicodedata

OTHER = "other"  # names that do not start with a letter from a to z, once folded


def initial(name: str) -> str:
    """The letter a name is listed under: its first letter without accents, lower case; else ``OTHER``."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    first = next((c for c in folded if c.isalnum()), "")
    return first if "a" <= first <= "z" else OTHER


def groups(records, type_order, labels: dict) -> list[dict]:
    """Each type's entities with a page, most mentioned first (ties by name)."""
    out = []
    for kind in type_order:
        members = sorted((r for r in records if r["type"] == kind and r["url"]),
                         key=lambda r: (-r["mentions"], r["name"]))
        if members:
            out.append({"title": labels[kind][0], "type": kind, "members": members, "total": len(members)})
    return out


def by_letter(all_groups: list[dict]) -> dict[str, list[dict]]:
    """The groups split by initial letter (letters in order, ``OTHER`` last); within a type, by name."""
    letters: dict[str, list[dict]] = {}
    for group in all_groups:
        split: dict[str, list] = {}
        for record in group["members"]:
            split.setdefault(initial(record["name"]), []).append(record)
        for letter, members in split.items():
            members.sort(key=lambda r: (r["name"].casefold(), r["id"]))
            letters.setdefault(letter, []).append({**group, "members": members, "total": len(members)})
    return {letter: letters[letter] for letter in sorted(letters, key=lambda x: (x == OTHER, x))}


def front(all_groups: list[dict], top: int) -> list[dict]:
    """The front page's groups: each type's ``top`` most mentioned, with the type's total."""
    return [{**group, "members": group["members"][:top]} for group in all_groups]
