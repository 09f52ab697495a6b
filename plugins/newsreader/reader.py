"""Pelican reader for raw ``.txt`` news articles: a thin wrapper over ``core.rawformat``."""

from __future__ import annotations

import logging
from datetime import datetime
from html import escape

from pelican.readers import BaseReader

from . import slugs
from .content_files import open_regular, refusal
from .core.text.rawformat import RawFormatError, parse

logger = logging.getLogger(__name__)

# Pelican's Article needs a date; an undated article gets this one and is shown
# as "date unknown" (``date_unknown`` metadata), listed after the dated ones.
UNKNOWN_DATE = datetime(1970, 1, 1)


class RawNewsReader(BaseReader):
    enabled = True
    file_extensions = ["txt"]

    def read(self, source_path: str):
        why = refusal(source_path, self.settings["PATH"])
        try:
            data = open_regular(source_path) if why is None else b""
        except OSError as err:
            why = f"cannot be read ({err}); skipped"
        if why:
            logger.warning("%s: %s", source_path, why)
            return "", {"status": "skip"}
        try:
            article = parse(data, source_path)
        except RawFormatError as err:
            logger.warning("Skipping %s", err.problem)
            return "", {"status": "skip"}
        for problem in article.problems:
            logger.warning("%s", problem)

        # Pelican treats title and summary as HTML: the raw text is escaped here, once.
        metadata = {
            "title": escape(article.headline, quote=False),
            "headline": article.headline,
            "slug": slugs.make(article.headline, self.settings),  # made usable and unique by slugs.settle
            "summary": escape(article.paragraphs[0], quote=False),
            "date": article.published or UNKNOWN_DATE,
            "date_unknown": article.published is None,
            "date_has_time": article.has_time,
            "source": article.source or "Unknown source",
            "category": self.process_metadata("category", article.source or "Unknown source"),
            "raw": article,
        }
        # The body is rendered once, with its annotations, when every article has been read (annotation.py).
        return "", metadata
