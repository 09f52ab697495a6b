"""The declared shape of ``content/annotations.yml``, checked with jsonschema, and where in the file each fault is.

``read`` parses the file (dates stay text: ``2019-08-01`` is a correction, not a timestamp) and
``check`` validates it against :data:`SCHEMA`, returning the faults located by the YAML node marks.
The caller ignores just the entry a fault is in (or the section, when the section itself is wrong).
"""

from __future__ import annotations

import difflib
import os
import re
import stat
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import jsonschema
import yaml

TYPES = ["person", "organization", "place", "agreement", "money", "quantity"]
OPERATIONS = ["rename", "retype", "merge_into", "aliases", "hide"]

_TEXT = {"type": "string", "pattern": r"\S"}  # not empty, not blank
SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "properties": {
        "entities": {"type": ["array", "null"], "items": {"$ref": "#/$defs/entity"}},
        "events": {"type": ["array", "null"], "items": {"$ref": "#/$defs/event"}},
    },
    "additionalProperties": False,
    "$defs": {
        "text": _TEXT,
        "entity": {
            "type": "object",
            "properties": {
                "name": _TEXT, "type": {"enum": TYPES}, "article": _TEXT,
                "rename": _TEXT, "retype": {"enum": TYPES}, "merge_into": _TEXT,
                "aliases": {"type": ["string", "array"], "pattern": r"\S", "minItems": 1,
                            "items": _TEXT},
                "hide": {"type": "boolean"},
            },
            "required": ["name"],
            "additionalProperties": False,
            "anyOf": [{"required": [op]} for op in OPERATIONS],
            "x-message": "no operation (rename, retype, merge_into, aliases, hide)",
        },
        "event": {
            "type": "object",
            "properties": {
                "article": _TEXT, "sentence": {"type": "string", "pattern": r"^s[1-9][0-9]*$"}, "phrase": _TEXT,
                "date": {"type": ["string", "integer"], "format": "event-date"},
                "hide": {"type": "boolean"},
            },
            "required": ["article"],
            "additionalProperties": False,
            "anyOf": [{"required": ["date"]}, {"required": ["hide"], "properties": {"hide": {"const": True}}}],
            "x-message": "give a 'date' or 'hide: true'",
        },
    },
}

_FORMS = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?|-W(?P<week>\d{2}))?$|^\d{3}0s$")
FORMATS = jsonschema.FormatChecker(formats=())


@FORMATS.checks("event-date", raises=ValueError)
def event_date(value) -> bool:
    """YYYY-MM-DD, YYYY-Www, YYYY-MM, YYYY or YYY0s, naming a day, week, month or year that exists."""
    match = _FORMS.match(str(value))
    if not match:
        raise ValueError("not YYYY-MM-DD, YYYY-Www, YYYY-MM, YYYY or YYY0s")
    year = int(match.group("year") or 1)
    if match.group("week"):
        date.fromisocalendar(year, int(match.group("week")), 1)  # ValueError for week 0 or past the year's last
    elif year:
        date(year, int(match.group("month") or 1), int(match.group("day") or 1))  # ValueError for 2019-13, 2019-02-31
    else:
        raise ValueError("year 0000 is not a year")
    return True


VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=FORMATS)


MAX_BYTES = 2 << 20  # a corrections file larger than this is not read (one problem says so)
MAX_DEPTH = 32  # nesting of lists and mappings; the schema's deepest is 4
MAX_NODES = 200_000  # values in the file once its aliases are expanded ("billion laughs" is 10**9)


class _Loader(yaml.SafeLoader):
    """YAML as written: dates stay strings (``2019-08-01``), so the schema sees what the editor wrote.

    Bounded before anything is built from the file: nesting deeper than :data:`MAX_DEPTH` stops the composer
    (which recurses per level), and a document whose aliases expand to more than :data:`MAX_NODES` values is
    refused before it is constructed or checked (what is built from aliases is shared, but walking it is not).
    """

    _depth = 0

    def compose_node(self, parent, index):
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                mark = self.peek_event().start_mark
                raise Unreadable(f"cannot be read: nested more than {MAX_DEPTH} deep", mark.line + 1)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class Unreadable(Exception):
    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.line = line


def read(path: Path):
    """``(data, root node)`` of the file; ``(None, None)`` when it does not exist. Raises :class:`Unreadable`."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return None, None
    except OSError as err:
        raise Unreadable(f"cannot be read ({err.strerror})") from None
    if not stat.S_ISREG(mode):
        raise Unreadable("cannot be read: not a file (a folder?)")
    try:
        with open(path, "rb") as file:
            blob = file.read(MAX_BYTES + 1)
        if len(blob) > MAX_BYTES:
            raise Unreadable(f"cannot be read: larger than {MAX_BYTES >> 20} MiB")
        loader = _Loader(blob.decode("utf-8"))
        try:
            node = loader.get_single_node()
            if node is not None:
                _check_size(node)
            return (loader.construct_document(node) if node is not None else None), node
        finally:
            loader.dispose()
    except (OSError, UnicodeDecodeError) as err:
        raise Unreadable(f"cannot be read ({err})") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise Unreadable(f"cannot be read: not valid YAML ({getattr(err, 'problem', None) or err})",
                         mark.line + 1 if mark else None) from None


def _check_size(root) -> None:
    """:class:`Unreadable` when the node graph, its aliases expanded, holds more than :data:`MAX_NODES` values.

    Each node's expanded size is counted once (aliases are shared nodes), so this is linear in the file.
    """
    sizes: dict[int, int] = {}
    stack = [(root, False)]
    while stack:
        node, done = stack.pop()
        if id(node) in sizes:
            continue
        children = ([n for pair in node.value for n in pair] if isinstance(node, yaml.MappingNode)
                    else node.value if isinstance(node, yaml.SequenceNode) else [])
        if not done:
            stack.append((node, True))
            stack.extend((child, False) for child in children if id(child) not in sizes)
            continue
        total = 1 + sum(sizes.get(id(child), 1) for child in children)
        sizes[id(node)] = total
        if total > MAX_NODES:
            raise Unreadable(f"cannot be read: its aliases expand to more than {MAX_NODES:,} values",
                             node.start_mark.line + 1)


@dataclass(frozen=True)
class Fault:
    where: tuple  # the path of what is wrong: ("entities", 2, "aliases", 0); () for the whole file
    line: int | None
    message: str


def _node_at(root, where) -> yaml.Node | None:
    node = root
    for step in where:
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if k.value == step), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
        else:
            return node
        if node is None:
            return None
    return node


def line_of(root, where) -> int | None:
    """The line (from 1) of the YAML node at ``where``."""
    node = _node_at(root, where)
    return node.start_mark.line + 1 if node is not None else None


def _key_line(root, where, key) -> int | None:
    node = _node_at(root, where)
    if isinstance(node, yaml.MappingNode):
        found = next((k for k, _ in node.value if k.value == str(key)), None)
        if found is not None:
            return found.start_mark.line + 1
    return node.start_mark.line + 1 if node is not None else None


def _message(error: jsonschema.ValidationError) -> list[tuple[tuple, str]]:
    where = tuple(error.absolute_path)
    if error.validator == "additionalProperties":
        allowed = list(error.schema.get("properties", {}))
        out = []
        for key in sorted(set(error.instance) - set(allowed), key=str):
            close = difflib.get_close_matches(str(key), allowed, n=1)
            hint = f" — did you mean {close[0]!r}?" if close else f" (known: {', '.join(allowed)})"
            out.append(((*where, key), f"unknown {'key' if where else 'section'} {key!r}{hint}"))
        return out
    if error.validator == "anyOf" and "x-message" in error.schema:
        return [(where, error.schema["x-message"])]
    if error.validator == "format":
        return [(where, f"{error.instance!r}: {error.cause}")]
    if error.validator == "enum":
        return [(where, f"{error.instance!r} is not one of {', '.join(error.validator_value)}")]
    if error.validator == "pattern" and error.validator_value == r"\S":
        return [(where, f"{error.instance!r} is blank")]
    return [(where, error.message)]


def check(data, root) -> list[Fault]:
    """Every way ``data`` departs from :data:`SCHEMA`, each with its line, in file order."""
    faults = []
    for error in VALIDATOR.iter_errors(data):
        for where, message in _message(error):
            parent, last = where[:-1], where[-1] if where else None
            line = _key_line(root, parent, last) if error.validator == "additionalProperties" else None
            if line is None:
                line = line_of(root, where)
            faults.append(Fault(where, line, message))
    return sorted(set(faults), key=lambda f: (f.line or 0, [str(s) for s in f.where], f.message))
