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

An entry that matches nothing is reported by number and name, so typos do not go unnoticed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .model import Problem

TYPES = {"person", "organization", "place", "agreement", "money", "quantity"}
OPERATIONS = {"rename", "retype", "merge_into", "aliases", "hide"}


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


def _item_lines(root, key: str) -> dict[int, int]:
    if root is None or not isinstance(root, yaml.MappingNode):
        return {}
    for key_node, value_node in root.value:
        if key_node.value == key and isinstance(value_node, yaml.SequenceNode):
            return {i: item.start_mark.line + 1 for i, item in enumerate(value_node.value)}
    return {}


def load_events(path: str | Path) -> tuple[list[EventRule], list[Problem]]:
    """The ``events`` section of the corrections file (problems with the file itself come from :func:`load`)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
        plain = yaml.safe_load(text) or {}
        lines = _item_lines(yaml.compose(text), "events")
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        return [], []
    rules, problems = [], []
    for index, entry in enumerate(plain.get("events") or [] if isinstance(plain, dict) else []):
        line = lines.get(index)
        if not isinstance(entry, dict) or not entry.get("article"):
            problems.append(Problem(str(path), f"events entry {index + 1} needs an 'article'", line))
            continue
        value = str(entry["date"]) if entry.get("date") is not None else None
        if value is not None and precision_of(value) is None:
            problems.append(Problem(str(path), f"events entry {index + 1}: date {value!r} is not YYYY-MM-DD, YYYY-Www, YYYY-MM, YYYY or YYY0s; ignored", line))
            continue
        if value is None and not entry.get("hide"):
            problems.append(Problem(str(path), f"events entry {index + 1}: give a 'date' or 'hide: true'; ignored", line))
            continue
        rules.append(EventRule(index + 1, line, str(entry["article"]), entry.get("sentence"), entry.get("phrase"), value, bool(entry.get("hide"))))
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
    if not path.exists():
        return [], []
    try:
        data = yaml.compose(path.read_text(encoding="utf-8"))
        plain = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as err:
        line = getattr(getattr(err, "problem_mark", None), "line", None)
        return [], [Problem(str(path), f"cannot be read, corrections ignored: {err}", line + 1 if line is not None else None)]
    if not isinstance(plain, dict):
        return [], [Problem(str(path), "should be a mapping with an 'entities' list; corrections ignored")]
    nodes = _item_lines(data, "entities")
    rules, problems = [], []
    for index, entry in enumerate(plain.get("entities") or []):
        line = nodes.get(index)
        if not isinstance(entry, dict) or not entry.get("name"):
            problems.append(Problem(str(path), f"entities entry {index + 1} needs a 'name'", line))
            continue
        ops = {k: v for k, v in entry.items() if k in OPERATIONS}
        unknown = sorted(set(entry) - OPERATIONS - {"name", "type", "article"})
        bad_type = [t for t in (entry.get("type"), entry.get("retype")) if t is not None and t not in TYPES]
        if unknown or bad_type or not ops:
            what = (f"unknown keys {unknown}" if unknown else f"unknown type {bad_type[0]!r}" if bad_type
                    else "no operation (rename, retype, merge_into, aliases, hide)")
            problems.append(Problem(str(path), f"entities entry {index + 1} ({entry['name']!r}): {what}; ignored", line))
            continue
        rules.append(Rule(index + 1, line, str(entry["name"]), entry.get("type"), entry.get("article"), ops))
    return rules, problems


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
