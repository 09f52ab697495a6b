"""A span one rule or the model proposes as an entity mention, and how overlapping ones are settled."""

from __future__ import annotations

from dataclasses import dataclass

# Higher wins when candidate spans overlap.
PRIORITY = {"acronym": 6, "agreement": 5, "surname": 4, "title": 4, "organization": 3, "listing": 3, "direction": 2,
            "capitals": 2, "ner": 1}


@dataclass
class Candidate:
    start: int  # character offsets in the paragraph
    end: int
    type: str
    name: str
    source: str
    roles: tuple[str, ...] = ()
    nationality: bool = False  # "South Korean lawmakers": linked to the country, shown as a nationality
    capital_of: str | None = None  # a capital: the country it may stand for
    actor: bool = False  # used as an actor ("Seoul said"), so standing for its country
    evidence: bool = False  # a person by a title, a role or a pronoun, not only by the model's label
    speaks: bool = False  # the subject of a speech verb ("Tanaka said"): a person's evidence
    person_evidence: bool = False  # typed otherwise, but the text says a person: "Mr. Tanaka", "Tanaka, 45,"
    team: bool = False  # a team by a sports listing line (:mod:`listings`) or a team :mod:`teams` found
    the: str = ""  # a capitalised "The" right before it: "mid" inside a sentence ("in The Hague"), "start" opening it

    @property
    def length(self) -> int:
        return self.end - self.start


def resolve_overlaps(candidates: list[Candidate]) -> list[Candidate]:
    chosen: list[Candidate] = []
    for cand in sorted(candidates, key=lambda c: (-PRIORITY[c.source], -c.length, c.start)):
        if all(cand.end <= c.start or cand.start >= c.end for c in chosen):
            chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)
