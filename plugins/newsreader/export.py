"""Data export under data/: articles/<slug>.json, entities.json, timeline.json, timelinejs.json, version.json (keys
sorted)."""

from __future__ import annotations

import json
from pathlib import Path

from .build import keys
from .build.cache import Cache, replace_text, write_atomic
from .core.timex.events import event_order, period_start


def _json(value) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _dumps(value) -> str:
    return _json(value) + "\n"


def _list_pieces(values):
    """``_dumps(list(values))`` as bytes, a value at a time (every entity of an archive: never one string)."""
    yield b"["
    for n, value in enumerate(values):
        yield (b"," if n else b"") + _json(value).encode()
    yield b"]\n"


EVENT_KEYS = ("date", "precision", "phrase", "anchor", "derived", "sentence", "text", "explanation")
# The export's schema version, written to data/version.json (the README documents each version). 2: timeline.json rows
# refer to their article's event (slug, sentence, date, phrase) instead of repeating its text, explanation and URL;
# an entity without a page has no related entities (``related`` is empty) and its ``url`` is null.
SCHEMA_VERSION = 3
TIMELINE_KEYS = ("article", "sentence", "date", "precision", "phrase", "derived", "display", "entities")
TIMEX_KEYS = ("id", "sentence", "start", "end", "text", "type", "value")


def timeline_records(articles, urls: dict[str, str], shown: tuple[str, ...] = ()) -> list[dict]:
    """Every event of the site with its article's slug and URL (``urls`` by slug) and display date, in date order.

    ``shown`` names more of the article event's fields to keep (the timelines' display fields, not exported).
    """
    keys = (*EVENT_KEYS, *shown)
    rows = [
        dict({k: e[k] for k in keys}, article=a.slug, url=urls[a.slug], entities=e["entities"], display=e["display"])
        for a in articles for e in a.newsreader.events
    ]
    return sorted(rows, key=lambda r: event_order(r, article=r["article"]))


def timelinejs(records: list[dict], titles: dict[str, str], sitename: str) -> dict:
    """The Knight Lab TimelineJS format: one slide per event, grouped by article."""
    events = []
    for r in records:
        try:
            first = period_start(r["date"], r["precision"])
        except ValueError:  # a value no calendar has (a corrected or odd date): no slide rather than no build
            continue
        start = {"year": first.year}
        if r["precision"] in {"day", "week"}:
            start.update(month=first.month, day=first.day)
        elif r["precision"] == "month":
            start["month"] = first.month
        events.append({
            "start_date": start,
            "text": {"headline": r["phrase"], "text": r["text"]},
            "group": titles.get(r["article"], r["article"]),
            "unique_id": f"{r['article']}-{r['sentence']}-{r['date']}",
        })
    return {"title": {"text": {"headline": sitename, "text": "Events mentioned in the articles"}}, "events": events}


def article_record(article, url: str) -> dict:
    raw, annotations = article.raw, article.newsreader
    return {
        "slug": article.slug,
        "url": url,
        "title": raw.headline,
        "source": raw.source,
        "published": raw.published.isoformat() if raw.published else None,
        "sentences": [{"id": s.id, "paragraph": s.paragraph, "text": s.text} for s in raw.sentences],
        "entities": [
            {
                "id": e["id"], "name": e["name"], "type": e["type"], "aliases": e["aliases"], "roles": e["roles"],
                "url": e["url"],
                "mentions": [{k: m[k] for k in ("sentence", "start", "end", "text", "nationality") if k in m}
                             for m in e["mentions"]],
                **({"currency": e.get("currency"), "value": e.get("value")} if e["type"] == "money" else {}),
            }
            for e in annotations.entities
        ],
        # An event's text is its sentence's, in "sentences" (not repeated since schema 3).
        "events": [{k: e[k] for k in EVENT_KEYS if k != "text"} | {k: e.get(k) for k in ("timex", "time")}
                   for e in annotations.events],
        "timexes": [{k: t[k] for k in TIMEX_KEYS} for t in annotations.timexes],
        "quotes": [{k: q[k] for k in ("speaker", "speaker_name", "text", "sentence", "partial")} for q in annotations.quotes],
        "figures": annotations.figures,
        "comparisons": annotations.all_comparisons,
    }


def write_all(output_path: str, articles, urls: dict[str, str], index: dict, records, sitename: str,
              store: Cache | None = None, all_key: str = "", tools: bool = False) -> None:
    """Everything under data/; ``urls`` maps slugs to page URLs, ``records()`` gives :func:`timeline_records`;
    ``tools`` (``NEWSREADER_TOOL_EXPORTS``): also ``timeline.json`` and ``timelinejs.json``, which no page reads
    (each event is in its article's file).

    With a ``store`` (the page cache), a file whose inputs hash the same as before
    (the article's render key; ``all_key`` for the site-wide files) is linked in.
    """
    data = Path(output_path) / "data"
    store = store or Cache(None)
    (data / "articles").mkdir(parents=True, exist_ok=True)

    def write(path: Path, digest: str | None, value, listed: bool = False) -> None:
        """``listed``: ``value()`` is the items of a list, written as they come (:func:`_list_pieces`)."""
        if digest and store.link_to(digest, ".out", path):
            return
        if listed:
            write_atomic(path, _list_pieces(value()))
        else:
            replace_text(path, _dumps(value()))
        if digest:
            store.adopt(digest, ".out", path)

    for article in articles:
        write(data / "articles" / f"{article.slug}.json", keys.export_article(article.newsreader.render_key),
              lambda article=article: article_record(article, urls[article.slug]))
    # Every entity, with or without a page (``url`` null): the export is the annotations' record, not the site's.
    write(data / "entities.json", all_key and keys.export_file(all_key, "entities"), lambda: index["entities"].values(),
          listed=True)
    write(data / "version.json", all_key and keys.export_file(all_key, "version"), lambda: {"schema": SCHEMA_VERSION})
    if tools:
        write(data / "timeline.json", all_key and keys.export_file(all_key, "timeline"),
              lambda: [{k: r[k] for k in TIMELINE_KEYS} for r in records()])
        write(data / "timelinejs.json", all_key and keys.export_file(all_key, "timelinejs"),
              lambda: timelinejs(records(), {a.slug: a.raw.headline for a in articles}, sitename))

