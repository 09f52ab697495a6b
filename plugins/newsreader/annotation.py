"""Signal handler: annotate every raw article in one batch and attach the results.

Runs when the articles generator has read everything (``article_generator_finalized``),
so entities can be merged across the whole site before any page is written.
"""

from __future__ import annotations

import logging
import os
import stat
import sys
from functools import partial
from pathlib import Path

from blinker import signal

from .build import article_memo, keys, state
from . import dask_glue, site as site_settings
from .annotated import KEY, AnnotatedSite, ArticleAnnotations, of
from .article_events import article_events, display_fields
from .corrections_file import EditorCorrections
from .core.entities import index as entity_index
from .core.annotate import annotate_all
from .core.text.body_html import article_body
from .core.text.html_text import hand_written
from .build.cache import Cache, collector_paused, key
from .site import processes as build_processes

logger = logging.getLogger(__name__)

def _terminal_progress(items, total):
    if not sys.stderr.isatty():
        return items
    from rich.progress import track  # noqa: PLC0415 - only for terminals

    return track(items, total=total, description="Annotating articles", console=None, transient=True)


def raw_articles(generator) -> list:
    everything = generator.articles + generator.translations + generator.hidden_articles + generator.drafts
    for article in everything:  # hand-written (Markdown) articles are annotated like raw ones, from their HTML
        if getattr(article, "raw", None) is None and getattr(article, "_content", None):
            article.raw = hand_written(article)
    return sorted((a for a in everything if getattr(a, "raw", None) is not None), key=lambda a: a.source_path)


def _quotes(quotes: list[dict], entities: list[dict], local_types: dict[int, str] | None = None) -> list[dict]:
    """Quotes with their speaker's entity id (found again after corrections may have renamed it).

    The speaker is matched on the type the entity had in this article (``local_types``, by the
    entity's ``id()``), not the site-wide type it may have been given since, so a name typed
    differently elsewhere keeps its speaker link: the link follows the entity, not its type.
    """
    local_types = local_types or {}
    out = []
    for n, quote in enumerate(quotes, start=1):
        speaker = None
        if quote.get("speaker_key"):
            kind, _, name = quote["speaker_key"].partition(":")
            typed = [e for e in entities if local_types.get(id(e), e["type"]) == kind]
            speaker = next((e for e in typed if e["name"] == name), None) or next(
                (e for e in typed if name in e["aliases"]), None)
        out.append(dict(quote, speaker=speaker["id"] if speaker else None,
                        speaker_name=speaker["name"] if speaker else quote["speaker_name"],
                        speaker_href=speaker["href"] if speaker else None, anchor=f"{quote['sentence']}-q{n}"))
    return out


def _mark_speakers(entities: list[dict], quotes: list[dict]) -> None:
    """Give each entity that speaks a quote ``quoted``, how many (matched as :func:`_quotes` matches them): a speaker
    earns a page of its own (``entity_index.earns_page``)."""
    spoken: dict[str, int] = {}
    for q in quotes:
        if q.get("speaker_key"):
            spoken[q["speaker_key"]] = spoken.get(q["speaker_key"], 0) + 1
    for e in entities:
        count = sum(spoken.get(f"{e['type']}:{name}", 0) for name in (e["name"], *e["aliases"]))
        if count:
            e["quoted"] = count


def page_rule(settings: dict) -> dict:
    """Which entities earn a page (``entity_index.earns_page``), from the settings."""
    return {"min_articles": settings["NEWSREADER_ENTITY_PAGE_MIN_ARTICLES"],
            "min_mentions": settings["NEWSREADER_ENTITY_PAGE_MIN_MENTIONS"],
            "min_quotes": settings["NEWSREADER_ENTITY_PAGE_MIN_QUOTES"]}


# Sent with the build's context once every article has its annotations and site-wide entity ids: what needs
# them alone (the search files, ``search.py``) can start then, before the other generators.
annotated = signal("newsreader.annotated")


def annotate_articles(generator) -> None:
    """The stage: ``context["newsreader"]`` (an AnnotatedSite) and ``article.newsreader`` on every article."""
    found = generator.context[KEY] = _annotate_articles(generator)
    siteurl = generator.settings.get("SITEURL", "")
    for article in generator.articles + generator.hidden_articles:
        if of(article) is None:  # not annotated (an empty Markdown article): shown with Pelican's own content
            setattr(article, KEY, ArticleAnnotations())
        of(article).jsonld = site_settings.structured_data(article, siteurl)
    annotated.send(generator.context, site=found)


def _annotate_articles(generator) -> AnnotatedSite:
    settings = generator.settings
    articles = raw_articles(generator)
    site = keys.site_key(settings)
    if not articles:
        return AnnotatedSite(site, entity_index.build([]))
    cache = Cache(settings["NEWSREADER_CACHE_PATH"])
    digests = [keys.annotation(a.raw) for a in articles]
    corrections_path = Path(settings["PATH"]) / settings["NEWSREADER_CORRECTIONS"]
    edits = key(corrections_path.read_text(encoding="utf-8", errors="replace") if corrections_path.is_file() else "")
    slugs_and_digests = [(a.slug, d) for a, d in zip(articles, digests)]
    index_key = keys.entity_index(site, settings["ENTITY_URL"], page_rule(settings), edits,
                                  [(s, d, False) for s, d in slugs_and_digests])
    memo = keys.annotated_articles(site, settings["ENTITY_URL"], edits, f"{corrections_path}\0{_kind(corrections_path)}",
                                 slugs_and_digests)
    slot = article_memo.slot(settings["PATH"])  # where the memo is kept (not a key of what it holds)
    distrust, state.of(settings).memo_trial = article_memo.on_trial(cache, slot)  # mark removed by finish()
    use_memo = settings.get("NEWSREADER_MEMO", True)  # off: only to measure what it saves (scripts/bench_layers.py)
    with collector_paused(freeze=True):  # kept to the build's end: never scanned by the garbage collector
        found = None if distrust or not use_memo else article_memo.load(cache, slot, memo, len(articles), lambda: [index_key, *(
            name for slug, digest in slugs_and_digests for name in (digest, keys.event_display(site, digest, slug, edits)))])
    if found and not entity_index.sound_urls(found["index"], settings["ENTITY_URL"]):
        found = None  # a memo this code did not write: made again
    if found:  # nothing changed: what the loop below made last time
        for article, results in zip(articles, found["articles"]):
            _attach(article, results["entities"], results["events"], results)
        index, problems = found["index"], found["problems"]
        shown = [results["entities_key"] for results in found["articles"]]
    else:
        index_key, index, problems, failed = _annotate(settings, cache, site, articles, digests, corrections_path,
                                                       edits, distrust)
        shown = [keys.entities_shown(of(article).entities) for article in articles]
        if not failed and use_memo:
            article_memo.store(cache, slot, memo, articles, problems, shown, index)
    for article, digest, entities in zip(articles, digests, shown):
        # Slugs are final here: fix URL and path once (Pelican recomputes them on every access otherwise).
        article.override_url, article.override_save_as = article.url, article.save_as
        of(article).render_key = keys.article(site, article, digest, edits, entities)
    for problem in problems:
        logger.warning("%s", problem)
    return AnnotatedSite(site, index, index_key, articles, distrust)


def _kind(path: Path) -> str:
    """What is at the corrections file's path (a folder or a broken link is reported, unlike no file)."""
    try:
        return str(stat.S_IFMT(os.lstat(path).st_mode))
    except OSError:
        return "none"


def _attach(article, entities: list[dict], events: list[dict], result: dict) -> None:
    """Give ``article`` its annotations (events in date order). Its body is rendered, and its sentences numbered
    (core/text/rawformat.py), only when a page or feed that shows it is rendered rather than reused."""
    setattr(article, KEY, ArticleAnnotations(
        entities=entities, events=events, timexes=result.get("timexes", []), quotes=result["quotes"],
        figures=result.get("figures", []), all_comparisons=result.get("comparisons", []),
        make_body=partial(_body, article.raw, entities, result["quotes"])))


def _body(raw, entities: list[dict], quotes: list[dict]) -> str:
    return article_body(raw.sentences, entities, quotes, raw.marks)


def _annotate(settings, cache: Cache, site: str, articles: list, digests: list[str], corrections_path: Path,
              edits: str, distrust: bool = False) -> tuple[str, dict, list[str], bool]:
    """Annotate (from the cache, else spaCy), apply the corrections, give entities their site-wide ids.

    Returns the index's key, the index, the corrections file's problems, and whether an article's
    annotation failed (then nothing is memoised: it is tried again next time).
    """
    processes = build_processes(settings)
    results = annotate_all([a.raw for a in articles], cache, processes=processes, progress=_terminal_progress,
                           digests=digests, annotator=dask_glue.annotator(settings))
    edits_file = EditorCorrections(corrections_path)
    per_article = []
    for article, result in zip(articles, results):
        if result.get("error"):
            logger.warning("%s: annotation failed (%s); the article is shown without annotations", article.source_path, result["error"])
        sentences = article.raw.sentences if edits_file.module else None  # aliases are looked for in the sentences
        entities = edits_file.apply(result["entities"], article.slug, sentences)
        entities = [e for e in entities if e["mentions"]]
        _mark_speakers(entities, result.get("quotes", []))
        per_article.append((article.slug, sorted(entities, key=entity_index.salience)))

    siteurl = settings.get("SITEURL", "")
    failed = any(r.get("error") for r in results)
    index_key = keys.entity_index(site, settings["ENTITY_URL"], page_rule(settings), edits,
                                 [(a.slug, d, bool(r.get("error"))) for a, d, r in zip(articles, digests, results)])
    # When the last build did not finish, the index is made again and replaces its entry.
    index = entity_index.build_cached(cache, index_key, per_article, url_pattern=settings["ENTITY_URL"],
                                      reuse=not distrust, builder=dask_glue.entity_index_builder(settings),
                                      **page_rule(settings))
    for article, digest, result, (_, entities) in zip(articles, digests, results, per_article):
        counters: dict[str, int] = {}
        local_types = {id(entity): entity["type"] for entity in entities}
        for entity in entities:
            entity["id"] = entity_index.id_of(index, article.slug, entity)
            # One type per entity site-wide.
            entity["type"], entity["url"], entity["article_count"] = entity_index.brief(index, entity["id"])
            entity["href"] = f"{siteurl}/{entity['url']}" if entity["url"] else None
            for mention in entity["mentions"]:
                counters[mention["sentence"]] = counters.get(mention["sentence"], 0) + 1
                mention["anchor"] = f"{mention['sentence']}-m{counters[mention['sentence']]}"
        events = edits_file.apply_events(result.get("events", []), article.slug)
        fields = display_fields(events, cache, None if result.get("error") else keys.event_display(site, digest, article.slug, edits))
        _attach(article, entities, article_events(events, entities, fields),
                dict(result, quotes=_quotes(result.get("quotes", []), entities, local_types)))
    return index_key, index, [str(p) for p in edits_file.problems()], failed
