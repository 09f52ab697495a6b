"""Canonical names for places and organisations: a curated table plus exact country names.

Lookups are exact (after removing a leading "the" and a possessive): "the United
States" is the United States, never the Virgin Islands. pycountry supplies the
names of countries the table does not list, also matched exactly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
import re
from functools import lru_cache
from pathlib import Path

import pycountry
import yaml

DATA = Path(__file__).parent.parent / "data" / "aliases.yml"


@lru_cache(maxsize=65536)  # a pure function of a short string, asked again and again for the same names
def surface_key(text: str) -> str:
    """The form lookups use: no leading "the", no possessive, single spaces."""
    text = " ".join(text.split())
    for suffix in ("'s", "’s", "'", "’"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
            break
    if text[:4].lower() == "the ":
        text = text[4:]
    text = text.strip(" ,;:")
    if text.endswith(".") and text.count(".") < 2:  # a full stop, not the last dot of "U.S."
        text = text[:-1]
    return text


_AFTER_CITY = re.compile(r"[A-Z][a-z'’.-]+,\s*$")


@dataclass(frozen=True)
class AliasTable:
    places: dict[str, str]  # surface -> canonical place
    demonyms: dict[str, str]  # "American" -> "United States"
    capitals: dict[str, str]  # "Seoul" -> "South Korea"
    organizations: dict[str, str]  # "UN" -> "United Nations"
    postal: dict[str, str] = field(default_factory=dict)  # "FL" -> "Florida": only after "City, " (see postal_state)

    def place(self, text: str) -> str | None:
        key = surface_key(text)
        return self.places.get(key) or _pycountry_name(key)

    def demonym(self, text: str) -> str | None:
        return self.demonyms.get(surface_key(text))

    def capital_of(self, text: str) -> str | None:
        return self.capitals.get(surface_key(text))

    def organization(self, text: str) -> str | None:
        return self.organizations.get(surface_key(text))

    def postal_state(self, text: str, before: str) -> str | None:
        """ "FL" of "Tampa, FL" -> "Florida": a two-letter postal code is a state only after a capitalised
        word and a comma (``before`` is the text before it); alone it may be a word ("IN") or a body ("VA")."""
        if not _AFTER_CITY.search(before):
            return None
        return self.postal.get(text.strip())


@lru_cache(maxsize=4096)
def _pycountry_name(text: str) -> str | None:
    if len(text) < 4:  # two- and three-letter codes are too ambiguous in prose ("IT", "CAN")
        return None
    for field in ("name", "common_name", "official_name"):
        try:
            country = pycountry.countries.get(**{field: text})
        except (KeyError, LookupError):
            country = None
        if country is not None and text in {getattr(country, f, None) for f in ("name", "common_name", "official_name")}:
            return getattr(country, "common_name", None) or country.name
    return None


@lru_cache(maxsize=1)
def load(path: Path = DATA) -> AliasTable:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    places, demonyms, capitals, orgs = {}, {}, {}, {}
    for name, entry in data.get("places", {}).items():
        for alias in [name, *entry.get("aliases", [])]:
            places[surface_key(alias)] = name
        for demonym in entry.get("demonyms", []):
            demonyms[demonym] = name
        if entry.get("capital"):
            capitals[entry["capital"]] = name
    postal = {}
    for name, entry in data.get("us_states", {}).items():
        if name not in places and name not in capitals:  # "Georgia" stays the country; "Washington" the capital
            places[name] = name
        for alias in entry.get("aliases", []):
            places.setdefault(surface_key(alias), name)
            places.setdefault(alias.rstrip("."), name)  # "N.J" and "W.Va" as a tokenizer may leave them
        postal[entry["postal"]] = name
    for name, entry in data.get("organizations", {}).items():
        for alias in [name, *entry.get("aliases", [])]:
            orgs[surface_key(alias)] = name
    return AliasTable(places, demonyms, capitals, orgs, postal)
