"""Name rules shared by one article's entities and the site-wide index.

- A person's name with and without middle initials is one key: "Donald J. Trump" -> "Donald Trump".
- A dotted acronym and the plain one are one key: "F.B.I." -> "FBI".
- A generic-head organisation ("Foreign Ministry", "Supreme Court", "Police", "House") names a different
  body in every country: it is qualified by the country the text ties it to, "Foreign Ministry (Japan)".
- A bare generic word ("State", "House", "Government", "PAC") is never an entity of its own site-wide.
Nothing here folds accents, case or other punctuation: "José Müller" and "Jose Muller" stay two names.
"""

from __future__ import annotations

import re

# The last word of a landform's or a region's name ("South Shore", "the Ostley Mountains"): a place.
LANDFORM_WORDS = (r"Bank|Coast|Side|Shore|Highlands|Lowlands|Plains?|Hills|Valley|Sea|Gulf|Bay|Cape|Islands?|"
                  r"Mountains|Desert|Riviera|Midlands|End|Flank|Steppe|Basin|Delta|Peninsula|Territor(?:y|ies)")
_INITIAL = re.compile(r"^[A-Z]\.?$")
_DOTTED = re.compile(r"^(?:[A-Z]\.){2,}$")

# Words that make up the names of bodies every country has; a name made only of these is generic.
GENERIC_WORDS = frozenset(
    """
    foreign defense defence finance interior justice health education trade economy economic industry agriculture
    environment labor labour energy culture transport unification affairs public national federal
    central supreme constitutional high appeals appellate district state people's peoples military armed
    ministry ministries department office court courts parliament police bank army navy air force forces
    government cabinet senate house congress assembly legislature administration presidency prosecutors
    prosecution prosecutor's prosecutor treasury commission committee council agency authority authorities
    coast guard intelligence service services embassy consulate regulator pac party opposition of the and
    """.split()
)
GENERIC_HEADS = frozenset(
    """
    ministry department office court parliament police bank army navy force forces government cabinet senate
    house congress assembly legislature administration presidency prosecutors prosecution treasury commission
    committee council agency authority authorities guard intelligence service embassy consulate regulator pac
    party opposition state
    """.split()
)
# Bare words that name no one body even with a country ("State", "PAC"): always article-local.
NEVER_QUALIFIED = frozenset("state pac party opposition authorities administration".split())


# Closed-class words (articles, pronouns, conjunctions, prepositions, auxiliaries, sentence adverbs): never a
# name, an alias or a surname on their own, whatever their capital ("The", "But", "He" opening a sentence).
FUNCTION_WORDS = frozenset(
    """
    a an the this that these those some any each every all both either neither no such what which who whom whose
    i me my mine we us our ours you your yours he him his she her hers it its they them their theirs one ones
    myself yourself himself herself itself ourselves themselves
    and but or nor so yet for if as than then because though although while whereas unless until since when where
    whether why how
    of in on at by to from with without into onto upon about above below over under after before during through
    between among against along across around behind beyond near off out up down via per within toward towards
    is am are was were be been being do does did done have has had having will would shall should can could
    may might must ought not
    also even just only still there here now however meanwhile moreover instead indeed perhaps yes oh well
    """.split()
)


# Abbreviations a full stop ends without ending the sentence: titles, company words, US states' short forms.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st ste mt ft gen col capt sgt lt adm maj cmdr gov sen rep reps sens pres supt insp det
    rev hon messrs inc corp co ltd bros no vs ave blvd dept univ
    ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont neb nev okla ore
    pa penn tenn tex va vt wash wis wisc wyo
    jan feb mar apr jun jul aug sep sept oct nov dec
    """.split()
)


def is_function_word(text: str) -> bool:
    """ "The", "But", "He", "I": a closed-class word alone (an acronym in capitals, "US", "IT", is not one)."""
    text = text.strip(" .,;:'’\"“”")
    if " " in text or not text:
        return False
    if len(text) >= 2 and text.isupper():
        return False
    return text.lower() in FUNCTION_WORDS


def person_key(name: str) -> str:
    """ "Donald J. Trump" -> "Donald Trump"; a first or last initial is kept ("J. Smith")."""
    words = name.split()
    if len(words) < 3:
        return name
    kept = [words[0]] + [w for w in words[1:-1] if not _INITIAL.match(w)] + [words[-1]]
    return " ".join(kept)


def acronym_key(name: str) -> str:
    """ "F.B.I." -> "FBI"; any other name unchanged."""
    return name.replace(".", "") if _DOTTED.match(name) else name


def is_dotted_acronym(name: str) -> bool:
    return bool(_DOTTED.match(name))


def is_generic(name: str) -> bool:
    """ "Foreign Ministry", "Supreme Court", "Police", "House", "State": every word generic, a generic head."""
    words = name.lower().split()
    if len(words) > 2 and not (words[1] == "of" and len(words) <= 5):  # "Ministry of Foreign Affairs"
        return False  # "Federal Trade Commission", "House Foreign Affairs Committee" are proper names
    head = words[0] if len(words) > 2 else words[-1]
    return bool(words) and all(w in GENERIC_WORDS for w in words) and head in GENERIC_HEADS


def qualified(name: str, country: str) -> str:
    """The site-wide name of a generic body tied to a country: "Foreign Ministry (South Korea)"."""
    return f"{name} ({country})"
