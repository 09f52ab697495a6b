"""Read the raw article format.

Line 1 the headline, line 2 the source, line 3 the publication date and time,
then one paragraph per line, often followed by the republisher's boilerplate.
Blank lines, trailing spaces, a byte-order mark (UTF-8, UTF-16 or UTF-32) and
CRLF endings are tolerated; control characters (pasted from PDF or Word) are
replaced or removed with a warning. Problems are reported with the file and
line; only a file with no article in it at all, or a binary file
(:class:`RawFormatError`), is refused.
"""

from __future__ import annotations

import codecs
import re

from .boilerplate import trailing_boilerplate_start
from .dateline import parse_dateline
from ..model import Problem, RawArticle, Sentence
from .sentences import number_sentences

# A third line longer than this is taken for prose (a missing date line), not a bad date.
_DATELINE_MAX_WORDS = 8


class RawFormatError(ValueError):
    """The file holds no usable article."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


# Longest first: the UTF-32 little-endian mark begins with the UTF-16 one.
_BOMS = [(codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")]
# Control characters no text needs (C0 but tab and line ends, DEL, C1). Feeds (XML 1.0) refuse the C0 ones.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Those that stand for a break in pasted text (page break, vertical tab, separators) become a space.
_BREAKS = frozenset("\x0b\x0c\x1c\x1d\x1e\x1f")
_CONTROL_NAMES = {"\x00": "NUL", "\x0b": "VT", "\x0c": "FF", "\x1b": "ESC", "\x7f": "DEL"}
# A text with more control characters than this share is taken for a binary file.
_BINARY_SHARE = 0.1


class BinaryFileError(RawFormatError):
    """The file is not text."""


class ParsedArticle(RawArticle):
    """A :class:`RawArticle` whose sentences are numbered when first asked for, not when the file is read.

    A rebuild whose annotations, pages and search files all come from the cache never needs them.
    """

    @property  # type: ignore[override]
    def sentences(self) -> list[Sentence]:
        found = self.__dict__.get("_sentences")
        if found is None:
            found = self.__dict__["_sentences"] = number_sentences(self.paragraphs)
        return found

    @sentences.setter
    def sentences(self, value: list[Sentence]) -> None:
        # The dataclass's __init__ sets the default (an empty list): "not numbered yet". Paragraphs always have
        # a sentence, so an empty list is never a real result.
        self.__dict__["_sentences"] = value or None


def decode(data: bytes, path: str) -> tuple[str, list[Problem]]:
    """Decode bytes as UTF-8 (BOM allowed), or UTF-16/32 after their BOM; else Windows-1252 with a warning.

    Raises :class:`BinaryFileError` for a file that is not text at all.
    """
    text, problems = _decode(data, path)
    controls = len(_CONTROL.findall(text))
    if controls > _BINARY_SHARE * len(text):
        raise BinaryFileError(Problem(path, f"is a binary file, not text ({controls} control characters)"))
    return text, problems


def _decode(data: bytes, path: str) -> tuple[str, list[Problem]]:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = data.decode(codec, errors="replace")
            return text, [] if "\ufffd" not in text else [
                Problem(path, f"is not valid {codec.upper()} (its byte-order mark says it is); "
                              "unreadable characters shown as \ufffd", text.count("\n", 0, text.index("\ufffd")) + 1)]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        if b"\x00" in data:  # no 8-bit text encoding has NUL bytes: not text
            raise BinaryFileError(Problem(path, "is a binary file, not text (not UTF-8 and has NUL bytes)")) from None
        line = data.count(b"\n", 0, err.start) + 1
        problem = Problem(
            path,
            f"is not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start}); "
            "read as Windows-1252 — save the file as UTF-8 to be sure of its text",
            line,
        )
        return data.decode("cp1252", errors="replace"), [problem]
    return text, []


def _replacement(char: str) -> str:
    if char in _BREAKS:
        return " "
    if "\x80" <= char <= "\x9f":  # Windows-1252 punctuation saved as if it were Latin-1: "don\x92t" is "don’t"
        return bytes([ord(char)]).decode("cp1252", errors="ignore")
    return ""


def _clean(line: str) -> str:
    return _CONTROL.sub(lambda m: _replacement(m.group(0)), line)


def clean_controls(lines: list[str], path: str) -> tuple[list[str], list[Problem]]:
    """``lines`` without control characters, and one warning naming the lines that had some."""
    dirty = [(number, line) for number, line in enumerate(lines, 1) if _CONTROL.search(line)]
    if not dirty:
        return lines, []
    names = sorted({f"U+{ord(c):04X}{' ' + _CONTROL_NAMES[c] if c in _CONTROL_NAMES else ''}"
                    for _, line in dirty for c in _CONTROL.findall(line)})
    where = ", ".join(str(n) for n, _ in dirty[:10]) + (" …" if len(dirty) > 10 else "")
    problem = Problem(path, f"has control characters ({', '.join(names[:6])}) on line{'s' if len(dirty) > 1 else ''} {where}: page breaks and "
                            "vertical tabs read as spaces, Windows-1252 codes as their characters, the others removed "
                            "(text pasted from PDF or Word?)", dirty[0][0])
    return [_clean(line) if _CONTROL.search(line) else line for line in lines], [problem]


def parse(data: bytes, path: str) -> RawArticle:
    """Parse one raw article file's bytes. Raises :class:`RawFormatError`."""
    text, problems = decode(data, path)
    raw_lines, control_problems = clean_controls(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), path)
    problems += control_problems
    lines = [(number, line.strip()) for number, line in enumerate(raw_lines, 1) if line.strip()]
    if not lines:
        raise RawFormatError(Problem(path, "is empty: expected a headline, source, date and paragraphs"))

    end = trailing_boilerplate_start([line for _, line in lines])
    boilerplate = [line for _, line in lines[end:]]
    # Boilerplate is stripped from the body only: the header lines always stay.
    lines = lines[: max(end, min(3, len(lines)))]
    if len(lines) == 1:
        raise RawFormatError(
            Problem(path, "has only one line (a headline); expected source, date and paragraphs after it", lines[0][0])
        )

    headline = lines[0][1]
    source: str | None = lines[1][1]
    published = None
    has_time = False
    body_from = 3

    dated = parse_dateline(lines[2][1]) if len(lines) > 2 else None
    if dated:
        published, has_time = dated
    elif parse_dateline(lines[1][1]):
        published, has_time = parse_dateline(lines[1][1])  # type: ignore[misc]
        problems.append(Problem(path, "has no source line (line 2 is the date); source shown as unknown", lines[1][0]))
        source = None
        body_from = 2
    elif len(lines) > 2 and len(lines[2][1].split()) <= _DATELINE_MAX_WORDS:
        problems.append(
            Problem(path, f"no recognisable date in line 3 {lines[2][1]!r}; date shown as unknown", lines[2][0])
        )
    else:
        problems.append(Problem(path, "has no date line after the source; date shown as unknown", lines[1][0]))
        body_from = 2

    paragraphs = [line for _, line in lines[body_from:]]
    if not paragraphs:
        raise RawFormatError(Problem(path, "has a header but no body paragraphs", lines[-1][0]))

    return ParsedArticle(
        path=path,
        headline=headline,
        source=source,
        published=published,
        has_time=has_time,
        paragraphs=paragraphs,
        boilerplate=boilerplate,
        problems=problems,
        header_lines=(lines[0][0], lines[1][0]) if source is not None else (lines[0][0],),
    )
