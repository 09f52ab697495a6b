"""Data export: ``data/articles/<slug>.json`` and ``data/entities.json`` (keys sorted, deterministic)."""

from __future__ import annotations

import json
from pathlib import Path


def _dump(path: Path, value) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")


def article_record(article) -> dict:
    raw = article.raw
    return {
        "slug": article.slug,
        "url": article.url,
        "title": raw.headline,
        "source": raw.source,
        "published": raw.published.isoformat() if raw.published else None,
        "sentences": [{"id": s.id, "paragraph": s.paragraph, "text": s.text} for s in raw.sentences],
        "entities": [
            {
                "id": e["id"], "name": e["name"], "type": e["type"], "aliases": e["aliases"], "roles": e["roles"],
                "url": e["url"],
                "mentions": [{k: m[k] for k in ("sentence", "start", "end", "text")} for m in e["mentions"]],
            }
            for e in article.entities
        ],
        "events": article.events,
        "quotes": article.quotes,
    }


def write_all(output_path: str, articles, index: dict) -> None:
    data = Path(output_path) / "data"
    for article in articles:
        _dump(data / "articles" / f"{article.slug}.json", article_record(article))
    _dump(data / "entities.json", list(index["entities"].values()))
