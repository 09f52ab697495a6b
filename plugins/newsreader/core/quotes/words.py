"""The words the speaker rules read (``quotes/speakers.py``): speech verbs and nouns for something said, nouns for
people and bodies that speak and for things that do not, documents that carry words, pronouns, gendered words.
"""

from __future__ import annotations

SPEECH_VERBS = frozenset(
    """
    say tell add stress insist note warn state claim argue explain announce declare write reply respond ask
    continue conclude urge accuse describe call admit acknowledge affirm agree assert believe charge comment
    complain confirm contend deny emphasize emphasise estimate recall remark report reiterate reveal suggest
    testify tweet vow predict promise maintain observe point order pledge quote cite
    shout yell scream exclaim proclaim quip joke retort concede boast brag lament muse whisper plead demand
    caution advise inform remind reassure recount repeat mention allege answer apologize apologise assure
    interject chime snap scoff sneer mock question wonder marvel thunder bellow chant post text email react
    opine riff gush fume scold laugh sigh disagree counter dissent bark beam growl grumble mutter murmur groan enthuse crow rail gasp
    cry roar echo snipe retaliate remember exhort
    """.split()
)
# Nouns for something said: a quote inside one that has an owner ("X's promise of '…'", "X's '…' remark") is the
# owner's words.
SAYING_NOUNS = frozenset(
    """
    remark comment word call promise pledge vow claim slogan catchphrase phrase accusation warning charge quip joke
    dictum answer response reply plea demand threat boast assertion argument description characterization
    characterisation label mantra motto refrain insult jibe taunt nickname broadside criticism rhetoric language term
    contention statement speech tweet mispronunciation saying
    """.split()
)
# Phrasal verbs that report speech: "X went on", "X fired back", "X cut in".
PHRASAL_SPEECH = frozenset({("go", "on"), ("fire", "back"), ("shoot", "back"), ("hit", "back"), ("cut", "in"),
                            ("push", "back"), ("chime", "in"), ("weigh", "in"), ("put", "it")})
# Passive speech verbs whose subject is the speaker ("X was quoted as saying", "X is said to have told").
PASSIVE_SPEAKERS = frozenset({"quote", "cite", "report", "say"})
MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"they", "it", "we"})
RELATIVE_PRONOUNS = frozenset({"who", "whom", "whose", "which", "that"})
NOT_SPEAKERS = frozenset({"this", "that", "these", "those", "which", "what", "there", "who", "whom", "whose"})
# Nouns for people and bodies that can speak; words ending in SPEAKER_SUFFIXES count too.
SPEAKER_NOUNS = frozenset(
    """
    official source aide adviser advisor police government ministry department agency administration committee
    council court company firm bank group organization organisation team office authority military army navy
    people person member chief head candidate governor mayor general commander soldier staff staffer insider
    union party campaign family friend colleague ally witness judge attorney counsel expert critic analyst
    diplomat envoy delegate representative executive spokesperson spokesman spokeswoman secretary minister
    president premier chair chairman chairwoman director professor student parent citizen public prosecution
    regulator watchdog board cabinet parliament congress senate assembly coalition opposition palace embassy
    consulate regime junta mission secretariat headquarters employee refugee trustee nominee detainee retiree
    attendee victim patient neighbor neighbour resident local nurse fan mother son daughter wife husband child
    network newspaper broadcaster station channel outlet magazine boy girl kid guy lady teen teenager youth host
    anchor pastor priest pope rabbi imam cleric bishop guest veteran hopeful sheriff deputy
    crowd audience congregation prince princess king queen duke duchess emperor empress
    tycoon mogul magnate billionaire millionaire heir heiress celebrity star actress poet pundit correspondent
    surrogate operative advocate volunteer athlete coach captain sergeant colonel admiral detective agent marshal
    physician surgeon neurosurgeon scholar academic entrepreneur nephew niece cousin uncle aunt grandson
    granddaughter widow sibling relative tenant landlord pilot eyewitness incumbent rival opponent heavyweight
    superdelegate ceo commission panel publication tabloid media press community town village city county justice
    nonprofit charity foundation institute bureau caucus association federation league society club school
    university college hospital legislature subcommittee delegation lobby alliance camp crew jury tribunal
    """.split()
)
SPEAKER_SUFFIXES = ("er", "ers", "or", "ors", "ist", "ists", "ian", "ians", "crat", "crats", "man", "men", "woman",
                    "women", "person", "people", "ant", "ants")
# Things that "say" in news copy but are no speakers (documents, events, abstractions ending like agents).
NOT_SPEAKER_NOUNS = frozenset(
    """
    letter order paper number matter chapter register poster banner answer filter power border water computer
    charter flyer cover sign report statement document memo email e-mail mail text message filing lawsuit
    complaint ruling decision study survey poll book article post tweet note transcript record release notice
    plan bill law resolution indictment affidavit summary budget data figure chart website page headline
    caption label warning analysis review audit assessment investigation inquiry motion petition proposal policy
    draft guideline rule regulation election presidency vote result deal agreement treaty
    speech interview editorial column story video footage photo image year week day time history
    copy memoir excerpt readout recording
    """.split()
)
# Documents that carry words of their own: as a speech verb's subject ("the notice said", "the lawsuit argues",
# "reads an editorial"), they are shown as the quote's source, by their words, when no one is named as their author.
WORDED_DOCUMENTS = frozenset(
    """
    report statement document memo email e-mail letter message filing lawsuit suit complaint ruling decision study
    survey poll article post tweet note transcript release notice indictment affidavit editorial column story
    advert advertisement ad commercial website headline caption petition readout excerpt memoir book passage cable
    analysis review audit assessment investigation inquiry order motion summary brief account video clip
    textbook piece opinion footnote manifesto platform pamphlet leaflet brochure booklet newsletter bulletin
    """.split()
)
MALE_WORDS = frozenset("mr sir lord king prince spokesman chairman congressman businessman father son husband brother "
                       "uncle duke emperor".split())
FEMALE_WORDS = frozenset("mrs ms miss dame lady queen princess spokeswoman chairwoman congresswoman businesswoman "
                         "mother daughter wife sister aunt duchess empress".split())
