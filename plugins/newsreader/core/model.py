"""Plain dataclasses shared by the core modules."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


def flat_dict(record) -> dict:
    """``dataclasses.asdict`` of a frozen dataclass whose fields all hold plain values (str, int, bool, None):
    the same dict in the same order, without asdict's recursive copy of every value (a cost per mention)."""
    return dict(record.__dict__)


@dataclass(frozen=True)
class Problem:
    """Something wrong with an input file, located as precisely as we can."""

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Sentence:
    """One sentence of the body. ``id`` is ``s1``, ``s2``… in reading order."""

    id: str
    paragraph: int  # 1-based paragraph number
    text: str
    offset: int = 0  # where the sentence starts in its paragraph


@dataclass
class RawArticle:
    """An article as read from the raw text format, before any annotation."""

    path: str
    headline: str
    source: str | None
    published: datetime | None
    has_time: bool
    paragraphs: list[str]
    sentences: list[Sentence] = field(default_factory=list)
    boilerplate: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    header_lines: tuple[int, ...] = ()  # line numbers of the headline and the source (when there is one)
    # A hand-written (Markdown, HTML) article's links and emphasis, by sentence id (text/html_text.py); None for raw
    # text. Shown in its body, not part of what is annotated (nor of the annotation's key).
    marks: dict | None = None


@dataclass(frozen=True)
class Mention:
    """A stretch of one sentence that names an entity; offsets are within the sentence text."""

    sentence: str
    start: int
    end: int
    text: str
    nationality: bool = False  # a nationality word ("South Korean") linked to its country


@dataclass
class Entity:
    """An entity of one article, its mentions merged across aliases."""

    name: str
    type: str  # person | organization | place | agreement | money | quantity
    mentions: list[Mention] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    local: bool = False  # a generic body ("Foreign Ministry") tied to no country: this article's only

    @property
    def key(self) -> str:
        return f"{self.type}:{self.name}"


@dataclass(frozen=True)
class Timex:
    """A temporal expression (TimeML TIMEX3); offsets are within the sentence text."""

    id: str  # t1, t2… in reading order
    sentence: str
    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str  # a TIMEX3 value: 2019-11-19, 2019-W47, P28Y, PRESENT_REF, XXXX-XX-XX…
