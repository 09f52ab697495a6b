"""Editor corrections (``content/annotations.yml``), applied to the annotations on every build.

    entities:
      - name: Jeong Eun-bo          # the entity as extracted (its name or one of its aliases)
        type: person                # optional: only an entity of this type
        article: some-article-slug  # optional: only in this article (otherwise site-wide)
        rename: Jeong Eun-bo        # any of these operations:
        retype: person              #   person organization place agreement money quantity
        merge_into: United States   #   its mentions join that entity
        aliases: [Uncle Sam]        #   extra names; their occurrences in the text become mentions
        hide: true                  #   drop the entity from this article or the whole site

    events:
      - article: some-article-slug  # required
        sentence: s14               # optional: only events of this sentence
        phrase: in July             # optional: only events whose phrase is this
        date: 2019-08               # fix the date (precision follows the form: 2019-08-01, 2019-W31, 2019-08, 2019, 1950s)
        hide: true                  # or drop the event

The file is checked against a declared schema (``corrections/schema.py``: types, known keys and
sections, dates that exist); an entry that does not fit it, or whose ``merge_into`` leads back to
itself, is reported with its line and ignored, and the others still apply. An entry that matches
nothing is reported by number and name, so typos do not go unnoticed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from . import schema as _schema
from ..model import Problem

TYPES = set(_schema.TYPES)
OPERATIONS = set(_schema.OPERATIONS)


@dataclass
class Rule:
    number: int
    line: int | None
    name: str
    type: str | None = None
    article: str | None = None
    ops: dict = field(default_factory=dict)
    used: bool = False

    def describe(self) -> str:
        scope = f" in article {self.article!r}" if self.article else ""
        return f"entities entry {self.number} ({self.name!r}{scope})"


@dataclass
class EventRule:
    number: int
    line: int | None
    article: str
    sentence: str | None = None
    phrase: str | None = None
    date: str | None = None
    hide: bool = False
    used: bool = False

    def describe(self) -> str:
        where = "".join(f" {k} {v!r}" for k, v in (("sentence", self.sentence), ("phrase", self.phrase)) if v)
        return f"events entry {self.number} (article {self.article!r}{where})"


_PRECISIONS = [
    (re.compile(r"^\d{4}-\d{2}-\d{2}$"), "day"), (re.compile(r"^\d{4}-W\d{2}$"), "week"),
    (re.compile(r"^\d{4}-\d{2}$"), "month"), (re.compile(r"^\d{4}$"), "year"), (re.compile(r"^\d{3}0s$"), "decade"),
]


def precision_of(value: str) -> str | None:
    return next((p for pattern, p in _PRECISIONS if pattern.match(value)), None)


def _faults(path: Path):
    """``(data, root node, schema faults, problems with the file as a whole)`` (never an exception)."""
    try:
        data, root = _schema.read(path)
    except _schema.Unreadable as err:
        return None, None, [], [Problem(str(path), f"{err}; corrections ignored", err.line)]
    if data is None:
        return None, None, [], []
    return data, root, _schema.check(data, root), []


def _entries(path: Path, section: str, data, root, faults) -> tuple[list[tuple[int, int | None, dict]], list[Problem]]:
    """``(number, line, entry)`` of the section's entries that fit the schema, and a problem per fault in it."""
    if not isinstance(data, dict) or not isinstance(data.get(section), list):
        return [], []
    bad = set()
    problems = []
    for fault in faults:
        if fault.where[:1] != (section,) or len(fault.where) < 2:
            continue
        index = fault.where[1]
        entry = data[section][index]
        label = "name" if section == "entities" else "article"
        name = f" ({entry[label]!r})" if isinstance(entry, dict) and isinstance(entry.get(label), str) else ""
        field = "".join(f"[{s}]" if isinstance(s, int) else f".{s}" for s in fault.where[2:]).lstrip(".")
        problems.append(Problem(str(path), f"{section} entry {index + 1}{name}: {field + ': ' if field else ''}"
                                           f"{fault.message}; entry ignored", fault.line))
        bad.add(index)
    return [(i + 1, _schema.line_of(root, (section, i)), e) for i, e in enumerate(data[section]) if i not in bad], problems


def load_events(path: str | Path) -> tuple[list[EventRule], list[Problem]]:
    """The ``events`` section of the corrections file (problems with the file itself come from :func:`load`)."""
    path = Path(path)
    data, root, faults, trouble = _faults(path)
    if trouble:
        return [], []
    entries, problems = _entries(path, "events", data, root, faults)
    rules = [
        EventRule(number, line, entry["article"], entry.get("sentence"), entry.get("phrase"),
                  str(entry["date"]) if entry.get("date") is not None else None, bool(entry.get("hide")))
        for number, line, entry in entries
    ]
    return rules, problems


def apply_events(events: list[dict], slug: str, rules: list[EventRule]) -> list[dict]:
    out = []
    for event in events:
        event = dict(event)
        keep = True
        for rule in rules:
            if rule.article != slug or (rule.sentence and rule.sentence != event["sentence"]) or (
                rule.phrase and rule.phrase != event["phrase"]
            ):
                continue
            rule.used = True
            if rule.hide:
                keep = False
            elif rule.date:
                event.update(date=rule.date, precision=precision_of(rule.date), derived=False,
                             explanation=f"corrected by the editor (was {event['date']})")
        if keep:
            out.append(event)
    return out


def load(path: str | Path) -> tuple[list[Rule], list[Problem]]:
    """Rules from the corrections file, and problems with it (never an exception)."""
    path = Path(path)
    data, root, faults, problems = _faults(path)
    if problems or data is None:
        return [], problems
    problems = [Problem(str(path), f"{fault.message}; " + ("corrections ignored" if not fault.where else
                        "ignored" if fault.where[0] not in _schema.SCHEMA["properties"] else
                        f"section {fault.where[0]!r} ignored"), fault.line)
                for fault in faults if len(fault.where) < 2 and fault.where[:1] != ("events",)]
    entries, entry_problems = _entries(path, "entities", data, root, faults)
    rules = [
        Rule(number, line, entry["name"], entry.get("type"), entry.get("article"),
             {k: v for k, v in entry.items() if k in OPERATIONS})
        for number, line, entry in entries
    ]
    rules, cycle_problems = _without_merge_cycles(rules, str(path))
    return rules, sorted(problems + entry_problems + cycle_problems, key=lambda p: p.line or 0)


CHAIN_SHOWN = 6  # names of a cycle printed in its problem


def _without_merge_cycles(rules: list[Rule], path: str) -> tuple[list[Rule], list[Problem]]:
    """Rules less those whose ``merge_into`` leads back to their own name (in the same scope), each reported.

    From a rule of an article, ``merge_into`` leads to that article's rule for the target, else to the site-wide
    one: each scope is a graph where every name leads to at most one other, and a rule loops when its name is on a
    cycle of its scope's graph. Each name is walked once per scope (linear, whatever the chains' length).
    """
    into = {(rule.article, rule.name): rule for rule in rules if "merge_into" in rule.ops}

    def step(scope, name):
        at = into.get((scope, name)) or into.get((None, name))
        return at.ops["merge_into"] if at is not None else None

    looping = []
    for scope in {article for article, _ in into}:
        state: dict[str, int] = {}  # 1: on the walk now, 2: done
        cycles: dict[str, tuple[list[str], int]] = {}  # name on a cycle -> the cycle, and where the name is in it
        for start in (name for article, name in into if article == scope):
            walk, name = [], start
            while name is not None and name not in state:
                state[name] = 1
                walk.append(name)
                name = step(scope, name)
            if name is not None and state[name] == 1:  # this walk closed a cycle: name .. end of walk
                cycle = walk[walk.index(name):]
                for n, member in enumerate(cycle):
                    cycles[member] = (cycle, n)
            for name in walk:
                state[name] = 2
        for (article, name), rule in into.items():
            if article == scope and name in cycles:
                cycle, at = cycles[name]
                names = [cycle[(at + n) % len(cycle)] for n in range(min(len(cycle), CHAIN_SHOWN))]
                if len(cycle) > CHAIN_SHOWN:
                    names[-1] = f"… {len(cycle) - CHAIN_SHOWN + 1} more"
                shown = names
                looping.append((rule, " → ".join([*shown, name])))
    looping.sort(key=lambda found: found[0].number)
    problems = [Problem(path, f"{rule.describe()}: merge_into makes a cycle ({chain}); entry ignored", rule.line)
                for rule, chain in looping]
    out = {id(rule) for rule, _ in looping}
    return [r for r in rules if id(r) not in out], problems


def _matches(rule: Rule, entity: dict) -> bool:
    if rule.type and entity["type"] != rule.type:
        return False
    return rule.name == entity["name"] or rule.name in entity.get("aliases", [])


def _find_mentions(alias: str, sentences) -> list[dict]:
    pattern = re.compile(rf"(?<!\w){re.escape(alias)}(?!\w)")
    return [
        {"sentence": s.id, "start": m.start(), "end": m.end(), "text": m.group(0)}
        for s in sentences
        for m in pattern.finditer(s.text)
    ]


def _merge_duplicates(entities: list[dict]) -> list[dict]:
    merged: dict[tuple[str, str], dict] = {}
    for entity in entities:
        key = (entity["type"], entity["name"])
        if key not in merged:
            merged[key] = entity
            continue
        target = merged[key]
        seen = {(m["sentence"], m["start"]) for m in target["mentions"]}
        target["mentions"] += [m for m in entity["mentions"] if (m["sentence"], m["start"]) not in seen]
        target["aliases"] = sorted(set(target["aliases"]) | set(entity["aliases"]) - {target["name"]})
        target["roles"] += [r for r in entity["roles"] if r not in target["roles"]]
    for entity in merged.values():
        entity["mentions"].sort(key=lambda m: (int(m["sentence"][1:]), m["start"]))
    return list(merged.values())


def apply(entities: list[dict], slug: str, sentences, rules: list[Rule]) -> list[dict]:
    """Apply the rules that concern this article to its entity dicts; returns the new list."""
    if not any(not rule.article or rule.article == slug for rule in rules):
        return entities
    entities = [dict(e, aliases=list(e["aliases"]), roles=list(e["roles"]), mentions=list(e["mentions"])) for e in entities]
    for rule in rules:
        if rule.article and rule.article != slug:
            continue
        kept = []
        for entity in entities:
            if not _matches(rule, entity):
                kept.append(entity)
                continue
            rule.used = True
            ops = rule.ops
            if ops.get("hide"):
                continue
            if "aliases" in ops:
                extra = [ops["aliases"]] if isinstance(ops["aliases"], str) else list(ops["aliases"])
                entity["aliases"] = sorted(set(entity["aliases"]) | set(extra))
                taken = {(m["sentence"], m["start"]) for e in entities for m in e["mentions"]}
                for alias in extra:
                    entity["mentions"] += [m for m in _find_mentions(alias, sentences) if (m["sentence"], m["start"]) not in taken]
            if "retype" in ops:
                entity["type"] = ops["retype"]
            new_name = ops.get("rename") or ops.get("merge_into")
            if new_name and new_name != entity["name"]:
                entity["aliases"] = sorted((set(entity["aliases"]) | {entity["name"]}) - {new_name})
                entity["name"] = str(new_name)
                if "merge_into" in ops:
                    target = next((e for e in entities if e["name"] == new_name and e is not entity), None)
                    if target is not None and "retype" not in ops:
                        entity["type"] = target["type"]
            kept.append(entity)
        entities = kept
    return _merge_duplicates(entities)


def unused(rules, path: str) -> list[Problem]:
    return [
        Problem(path, f"{rule.describe()} matches no {'event' if isinstance(rule, EventRule) else 'entity'}", rule.line)
        for rule in rules
        if not rule.used
    ]
