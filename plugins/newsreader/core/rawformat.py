"""Read the raw article format.

Line 1 the headline, line 2 the source, line 3 the publication date and time,
then one paragraph per line, often followed by the republisher's boilerplate.
Blank lines, trailing spaces, a UTF-8 byte-order mark and CRLF endings are
tolerated. Problems are reported with the file and line; only a file with no
article in it at all (:class:`RawFormatError`) is refused.
"""

from __future__ import annotations

from .boilerplate import trailing_boilerplate_start
from .dateline import parse_dateline
from .model import Problem, RawArticle
from .sentences import number_sentences

# A third line longer than this is taken for prose (a missing date line), not a bad date.
_DATELINE_MAX_WORDS = 8


class RawFormatError(ValueError):
    """The file holds no usable article."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


def decode(data: bytes, path: str) -> tuple[str, list[Problem]]:
    """Decode bytes as UTF-8 (BOM allowed); fall back to Windows-1252 with a warning."""
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        problem = Problem(
            path,
            f"is not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start}); "
            "read as Windows-1252 — save the file as UTF-8 to be sure of its text",
            line,
        )
        return data.decode("cp1252", errors="replace"), [problem]


def parse(data: bytes, path: str) -> RawArticle:
    """Parse one raw article file's bytes. Raises :class:`RawFormatError`."""
    text, problems = decode(data, path)
    lines = [
        (number, line.strip())
        for number, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1)
        if line.strip()
    ]
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

    return RawArticle(
        path=path,
        headline=headline,
        source=source,
        published=published,
        has_time=has_time,
        paragraphs=paragraphs,
        sentences=number_sentences(paragraphs),
        boilerplate=boilerplate,
        problems=problems,
    )
