"""URL slugs of articles and sources: never empty, bounded in length, never taken twice.

A headline or source without letters or digits (``???``) would give an empty slug (``news//``,
``source//`` — the latter is the sources index's own file); a very long headline a folder name the
file system refuses. Both get a usable slug here, with a warning naming the file.
"""

from __future__ import annotations

import hashlib
import logging
from collections import defaultdict

from pelican.utils import slugify

logger = logging.getLogger(__name__)

# Bytes of UTF-8: well under the 255 a file or folder name may have, with room for a "-2" suffix.
MAX_BYTES = 100


def make(text: str, settings, kind: str = "SLUG") -> str:
    """Pelican's slug of ``text``, with the site's substitutions (``CATEGORY_REGEX_SUBSTITUTIONS`` for ``kind="CATEGORY"``)."""
    return slugify(
        text,
        regex_subs=settings.get(f"{kind}_REGEX_SUBSTITUTIONS", settings.get("SLUG_REGEX_SUBSTITUTIONS", [])),
        preserve_case=settings.get("SLUGIFY_PRESERVE_CASE", False),
        use_unicode=settings.get("SLUGIFY_USE_UNICODE", False),
    )


def fit(slug: str, name: str, prefix: str, limit: int = MAX_BYTES) -> tuple[str, str | None]:
    """``slug`` made usable, and why it had to change (``None`` when it did not)."""
    if not slug.strip("-"):
        new = f"{prefix}-{hashlib.sha256(name.encode('utf-8')).hexdigest()[:8]}"
        return new, f"{name!r} has no letters or digits for a URL; using {new!r}"
    if len(slug.encode("utf-8")) <= limit:
        return slug, None
    cut = slug.encode("utf-8")[:limit + 1].decode("utf-8", errors="ignore")
    new = (cut[:cut.rfind("-")] if cut.rfind("-") > limit // 2 else cut[:limit]).strip("-")
    return new, f"its slug is {len(slug)} characters long; shortened to {new!r}"


def _where(article, line_index: int) -> str:
    raw = getattr(article, "raw", None)
    lines = getattr(raw, "header_lines", ())
    return f"{article.source_path}:{lines[line_index]}" if len(lines) > line_index else article.source_path


def settle(generator) -> None:
    """Every article's slug and its source's slug usable, then duplicates numbered ``-2``, ``-3``… (free ones only)."""
    everything = generator.articles + generator.drafts + generator.hidden_articles
    for article in sorted(everything, key=lambda a: a.source_path):
        slug, why = fit(article.slug or "", getattr(article, "headline", None) or article.title, "article")
        if why:
            logger.warning("%s: headline %s", _where(article, 0), why)
            article.slug = article.metadata["slug"] = slug  # url and save_as follow the slug
        category = getattr(article, "category", None)
        if category is not None:
            slug, why = fit(make(category.name, generator.settings, "CATEGORY"), category.name, "source")
            if why:
                logger.warning("%s: source %s", _where(article, 1), why)
                category.slug = slug
    _dedupe(everything)


def _dedupe(articles) -> None:
    """Two articles with the same slug: the later ones (in source-path order) get the first free ``-N``."""
    by_slug = defaultdict(list)
    for article in articles:
        by_slug[article.slug].append(article)
    taken = set(by_slug)
    for slug, group in sorted(by_slug.items()):
        group.sort(key=lambda a: a.source_path)
        number = 2
        for article in group[1:]:
            while f"{slug}-{number}" in taken:
                number += 1
            new = f"{slug}-{number}"
            taken.add(new)
            logger.warning("%s: headline slug %r already used by %s; using %r", article.source_path, slug,
                           group[0].source_path, new)
            article.slug = article.metadata["slug"] = new
