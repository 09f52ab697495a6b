"""A clearly synthetic corpus of raw news articles, for benchmarks and scale tests.

Every headline starts with "Synthetic" and every source is "Synthetic Wire …":
nothing here is news, and nothing is ever written into content/.
"""

from __future__ import annotations

import random
from functools import lru_cache
from datetime import datetime, timedelta
from pathlib import Path

PEOPLE = ["Alma Veress", "Tomasz Żmijewski", "Keiko Arada", "Daniel Obuya", "Marta Kovač", "Samuel Brightwater",
          "Lena Holmqvist", "Ravi Chandrasekar", "Olga Petrenko", "Jonas Reiter"]
ROLES = ["Foreign Minister", "chief negotiator", "spokesperson", "Defence Secretary", "central bank governor"]
PLACES = ["Kraków", "Nairobi", "Lisbon", "Osaka", "Valparaíso", "Tbilisi", "Winnipeg", "Da Nang"]
COUNTRIES = ["Poland", "Kenya", "Portugal", "Japan", "Chile", "Georgia", "Canada", "Vietnam"]
ORGS = ["the Finance Ministry", "the Harbour Authority", "the National Grid Agency", "the Trade Council",
        "the Railway Workers Union", "the Water Board"]
TOPICS = ["port fees", "rail freight", "grain exports", "water rights", "fishing quotas", "power prices",
          "border checks", "tariff talks"]
VERBS = ["said", "told reporters", "stressed", "insisted", "warned"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
MONTHS = ["January", "March", "May", "July", "September", "November"]


def _sentence(rng: random.Random) -> str:
    person, role, place = rng.choice(PEOPLE), rng.choice(ROLES), rng.choice(PLACES)
    country, org, topic = rng.choice(COUNTRIES), rng.choice(ORGS), rng.choice(TOPICS)
    templates = [
        f"{role.capitalize()} {person} {rng.choice(VERBS)} on {rng.choice(WEEKDAYS)} that talks on {topic} would resume in {place}.",
        f"Officials in {country} said {org} had set aside {rng.randint(2, 900)} million dollars for {topic} this year.",
        f"\"We are not there yet,\" {person} said, adding that {org} needed more time.",
        f"The dispute over {topic} began in {rng.choice(MONTHS)} {rng.randint(1995, 2023)}, when {country} raised fees by {rng.randint(3, 40)} per cent.",
        f"About {rng.randint(2, 90) * 100:,} workers marched through {place} last week, according to {org}.",
        f"Analysts expect the {topic} agreement to be signed next month, though {country} has not confirmed a date.",
        f"{person} of {org} will meet counterparts from {country} on {rng.choice(WEEKDAYS)}.",
    ]
    return rng.choice(templates)


_SYLLABLES = ["ka", "lo", "mi", "ren", "tas", "vo", "quel", "dri", "ban", "sor", "pel", "tu", "gra", "nim", "os",
              "wen", "hal", "zer", "fi", "mun", "cor", "ly", "det", "ar", "pri", "sen", "bo", "ith", "rak", "ul"]


@lru_cache(maxsize=1)
def lexicon(size: int = 30000) -> list[str]:
    """A made-up vocabulary, so that texts have the spread of words real news has (used Zipf-wise)."""
    rng = random.Random(20191119)
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def filler(rng: random.Random, count: int) -> str:
    """``count`` made-up words drawn with a Zipf-like distribution, as sentences."""
    words = lexicon()
    weights = _zipf_weights(len(words))
    picked = rng.choices(words, cum_weights=weights, k=count)
    out, i = [], 0
    while i < len(picked):
        n = rng.randint(8, 20)
        out.append(" ".join(picked[i:i + n]).capitalize() + ".")
        i += n
    return " ".join(out)


@lru_cache(maxsize=1)
def _zipf_weights(n: int) -> list[float]:
    total, out = 0.0, []
    for rank in range(1, n + 1):
        total += 1.0 / rank
        out.append(total)
    return out


def article(index: int, seed: int = 1, words: int | None = None) -> dict:
    """One synthetic article as fields: headline, source, published, paragraphs.

    With ``words``, made-up filler brings the body to about that many words (for index-size figures).
    """
    rng = random.Random(seed * 1_000_003 + index)
    published = datetime(2018, 1, 1, 6, 0) + timedelta(days=rng.randint(0, 6 * 365), minutes=rng.randint(0, 900))
    topic = rng.choice(TOPICS)
    paragraphs = [" ".join(_sentence(rng) for _ in range(rng.randint(1, 3))) for _ in range(rng.randint(8, 14))]
    if words:
        missing = words - sum(len(p.split()) for p in paragraphs)
        if missing > 0:
            share = missing // len(paragraphs) + 1
            paragraphs = [f"{p} {filler(rng, share)}" for p in paragraphs]
    return {
        "headline": f"Synthetic article {index}: {topic} talks in {rng.choice(PLACES)}",
        "source": f"Synthetic Wire {'ABC'[index % 3]}",
        "published": published,
        "paragraphs": paragraphs,
    }


def _made_up_name(rng: random.Random, parts: int) -> str:
    return " ".join("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize() for _ in range(parts))


def entity_rich_article(index: int, seed: int = 1) -> dict:
    """An article naming about 40 entities, nearly all its own (made-up people, bodies and towns), a few shared.

    The shape of a corpus whose entity pages far outnumber its articles (``--shape entity-rich``).
    """
    rng = random.Random(seed * 2_000_003 + index)
    published = datetime(2018, 1, 1, 6, 0) + timedelta(days=rng.randint(0, 6 * 365), minutes=rng.randint(0, 900))
    topic = rng.choice(TOPICS)
    paragraphs = []
    for _ in range(13):
        person, body, town = _made_up_name(rng, 2), f"the {_made_up_name(rng, 1)} Institute", _made_up_name(rng, 1)
        paragraphs.append(
            f"{rng.choice(ROLES).capitalize()} {person} said on {rng.choice(WEEKDAYS)} that {body} would open an office "
            f"in {town} to handle {topic}. {rng.choice(PEOPLE)} of {rng.choice(ORGS)} welcomed the plan.")
    return {
        "headline": f"Synthetic article {index}: {topic} offices named",
        "source": f"Synthetic Wire {'ABC'[index % 3]}",
        "published": published,
        "paragraphs": paragraphs,
    }


# The "archive" shape: a newsroom archive as the reading-page tests need it (issue #24/#25). A recurring cast
# appears in many articles; most people and bodies are named in one article only, as in real news; every
# article carries several dated events, quotes with their speakers, money and counts. Article 0 is long.
ARCHIVE_CAST = [("Alma Veress", "Foreign Minister"), ("Daniel Obuya", "Trade Commissioner"),
                ("Keiko Arada", "central bank governor"), ("Marta Kovač", "opposition leader"),
                ("Samuel Brightwater", "chief negotiator"), ("Lena Holmqvist", "Energy Minister")]
ARCHIVE_TITLES = ["Mayor", "Senator", "Professor", "Judge", "Councillor", "Dr."]
ARCHIVE_JOBS = ["a port engineer", "a grain trader", "a union organiser", "a shipping analyst", "a farmer",
                "a retired teacher", "a customs officer", "an economist"]
ARCHIVE_BODIES = ["Cooperative", "Institute", "Trust", "Federation", "Chamber of Commerce", "Authority"]


def _archive_date(rng: random.Random, published: datetime) -> datetime:
    return published - timedelta(days=rng.randint(20, 5 * 365))


def _archive_paragraph(rng: random.Random, published: datetime, topic: str) -> str:
    person, title = rng.choice(ARCHIVE_CAST)
    one_off = f"{rng.choice(ARCHIVE_TITLES)} {_made_up_name(rng, 2)}"
    citizen = _made_up_name(rng, 2)
    body = f"the {_made_up_name(rng, 1)} {rng.choice(ARCHIVE_BODIES)}"
    town, country = _made_up_name(rng, 1), rng.choice(COUNTRIES)
    past = _archive_date(rng, published)
    templates = [
        f"{title[0].upper() + title[1:]} {person} said on {rng.choice(WEEKDAYS)} that the talks on {topic} "
        f"would resume in {rng.choice(PLACES)}. \"We have waited long enough,\" {person.split()[-1]} told reporters.",
        f"\"Nobody in {town} was asked,\" said {citizen}, {rng.choice(ARCHIVE_JOBS)}, who has lived there since "
        f"{rng.randint(1970, 2005)}.",
        f"{one_off} of {body} said the plan would cost {rng.randint(2, 900)} million dollars. \"The numbers do not "
        f"add up,\" {one_off.split()[-1]} said.",
        f"The dispute began on {past:%-d %B %Y}, when {country} raised fees on {topic} by {rng.randint(3, 40)} "
        f"per cent, and it deepened in {(past + timedelta(days=rng.randint(40, 300))):%B %Y}.",
        f"About {rng.randint(2, 90) * 100:,} workers marched through {town} last week, according to {body}.",
        f"{person} first raised the question of {topic} in {past:%B %Y}, and {one_off} answered in a letter "
        f"a month later.",
        f"Officials in {country} said {body} had set aside {rng.randint(2, 900)} million dollars for {topic} "
        f"this year, and that a review is due by {published.year + rng.randint(1, 3)}.",
        f"\"We will not sign an agreement that hurts {town},\" {one_off} said at a meeting on "
        f"{past:%-d %B %Y}.",
    ]
    return rng.choice(templates)


def archive_article(index: int, seed: int = 1) -> dict:
    """An article of a newsroom archive (``shape="archive"``): article 0 is about 2,400 words, the rest 250-600."""
    rng = random.Random(seed * 3_000_017 + index)
    published = datetime(2017, 1, 1, 6, 0) + timedelta(days=rng.randint(0, 8 * 365), minutes=rng.randint(0, 900))
    topic = rng.choice(TOPICS)
    count = 110 if index == 0 else rng.randint(12, 30)
    paragraphs = [_archive_paragraph(rng, published, topic) for _ in range(count)]
    return {
        "headline": f"Synthetic archive {index}: {topic} dispute in {rng.choice(PLACES)}",
        "source": f"Synthetic Wire {'ABC'[index % 3]}",
        "published": published,
        "paragraphs": paragraphs,
    }


SHAPES = {"news": article, "entity-rich": entity_rich_article, "archive": archive_article}


def write_raw(folder: Path, count: int, seed: int = 1, shape: str = "news") -> list[Path]:
    """Raw articles in the project's input format, with republisher boilerplate at the end."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        a = SHAPES[shape](i, seed)
        lines = [a["headline"], a["source"], a["published"].strftime("%A, %-d %B %Y %-I:%M %p"), *a["paragraphs"],
                 "NEWSLETTER", "|", "Join the Synthetic Wire mailing list |", "|"]
        path = folder / f"synthetic_{i:05d}.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def write_markdown(folder: Path, count: int, seed: int = 1, shape: str = "news") -> list[Path]:
    """The same texts as plain Pelican Markdown articles (for the baseline build)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        a = SHAPES[shape](i, seed)
        header = f"Title: {a['headline']}\nDate: {a['published']:%Y-%m-%d %H:%M}\nCategory: {a['source']}\n\n"
        path = folder / f"synthetic_{i:05d}.md"
        path.write_text(header + "\n\n".join(a["paragraphs"]) + "\n", encoding="utf-8")
        paths.append(path)
    return paths
