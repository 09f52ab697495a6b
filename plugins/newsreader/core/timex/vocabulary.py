"""The temporal vocabulary, defined once: month and weekday names, years (in digits and in words), seasons, parts of
the day, units and counts, hedges ("about", "more than"), qualifiers ("business days") and modifiers ("early", "the
end of"), as data and as regular-expression fragments. The candidate patterns (:mod:`patterns`) and the finder, the
readers (registered in :mod:`registry` by :mod:`rules` and the families it loads: :mod:`counts`, :mod:`relative`,
:mod:`reports`, :mod:`clock`, :mod:`calendar_names`, :mod:`periods`, :mod:`holidays`), the story's time
(:mod:`narrative`) and the value arithmetic (:mod:`values`) all take them from here, so a word added to one list is
known to all of them; the regular-expression fragments below are made from the word lists above.
"""

from __future__ import annotations

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
WEEKDAY_STEMS = [w[:-3] for w in WEEKDAYS]  # "mon", "tues", "wednes"…: a weekday's name before its "day"
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
SEASON_WORDS = "|".join(SEASONS)  # spring|summer|autumn|fall|winter, as the patterns and the readers match them
SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}  # a season's first month (it starts on the 21st)
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}
# morning|afternoon|evening|night: the parts of the day a day is named with ("Friday night", "the next morning")
PART_OF_DAY_WORDS = "|".join(p for p in PARTS_OF_DAY if p != "overnight")
PART_NAMES = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}
# A duration unit -> (TIMEX3 letter, whether it needs the ``T`` time designator).
UNIT_CODES = {"second": ("S", True), "minute": ("M", True), "hour": ("H", True), "day": ("D", False),
              "night": ("D", False), "week": ("W", False), "month": ("M", False), "year": ("Y", False),
              "decade": ("DE", False), "century": ("CE", False), "quarter": ("Q", False),
              "weekend": ("WE", False)}
UNIT_WORDS = {"seconds": "second", "minutes": "minute", "hours": "hour", "days": "day", "nights": "night",
              "weeks": "week", "months": "month", "years": "year", "decades": "decade", "centuries": "century",
              "quarters": "quarter", "weekends": "weekend"} | {u: u for u in UNIT_CODES}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
    "half": 0.5, "single": 1,
}
YEAR = r"(?:1\d{3}|20\d{2})"  # a year written in digits: 1000-2099
HEDGE_WORDS = (r"just|about|around|nearly|almost|some|roughly|approximately|only|barely|fully|over|under|more\s+than|"
               r"less\s+than|fewer\s+than|at\s+least|up\s+to|close\s+to|well\s+over|a\s+little\s+over|another|"
               r"a\s+further")
# "early", "mid-", "later in", "the end of": what a period's part is named with ("early December", "mid-2011")
MODIFIER_WORDS = (r"early|mid|middle|late|(?:earlier|later)(?:\s+in)?|"
                  r"the\s+(?:end|beginning|start|middle|close|turn|rest)\s+of")
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
            "final": 4, "last": 4}

# A year written in words, as broadcast transcripts spell it: "nineteen ninety-six", "eighteen twelve", "the year two
# thousand" ("two thousand" alone is a count, so the finder asks for "the year" before it).
NUMBER_UNITS = "one two three four five six seven eight nine".split()
NUMBER_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
NUMBER_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
YEAR_CENTURIES = {"seventeen": 17, "eighteen": 18, "nineteen": 19}
SPELLED_YEAR = (rf"(?:(?:{'|'.join(YEAR_CENTURIES)})[\s-]+(?:(?:{'|'.join(NUMBER_TENS)})"
                rf"(?:[\s-]+(?:{'|'.join(NUMBER_UNITS)}))?|(?:{'|'.join(NUMBER_TEENS)})))")
THE_YEAR_2000S = rf"the\s+year\s+two\s+thousand(?:\s+(?:and\s+)?(?:{'|'.join(NUMBER_UNITS + NUMBER_TEENS)}))?"

# Regular-expression fragments of the same words, as the finder and the readers match them.
MONTH_NAME = (rf"(?:{'|'.join(m.capitalize() for m in MONTHS)}|"
              r"Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.|Sept?|Jan|Feb|Aug|Oct|Nov|Dec)")
FULL_MONTH = rf"(?:{'|'.join(m.capitalize() for m in MONTHS)})"  # (?:January|February|…|December)
WEEKDAY_NAME = rf"(?:{'|'.join(s.capitalize() for s in WEEKDAY_STEMS)})day"  # (?:Mon|Tues|…|Sun)day
# the words that let the finder try a month's or a weekday's patterns on a paragraph
MONTH_TRIGGERS = " ".join(MONTHS + list(MONTH_ABBR))  # "january" … "december", "jan" … "dec", "sept"
WEEKDAY_TRIGGERS = " ".join(WEEKDAYS)
# a unit of time, a count of them ("two", "a couple of", "28", "twenty-eight", "two and a half") and hedges before it
UNIT = r"(?:seconds|minutes?|hours?|days?|nights?|weeks?|weekends?|months?|years?|decades?|centur(?:y|ies))"
NUMBER = (r"(?:\d+\s+1/2|\d[\d,]*(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
          r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
          r"ninety|hundred|dozen|half|several|few|many|couple|some)")
COUNT = rf"(?:an?\s+(?:few|couple(?:\s+of)?|dozen|hundred|half)|{NUMBER}(?:[\s-]+(?:and\s+a\s+half|{NUMBER}))*|an?)"
HEDGE = rf"(?:(?:{HEDGE_WORDS})\s+)*"
# words between a count and its unit that keep it a length of time: "five business days", "an additional year"
# ("a calendar year" is a kind of year, not a length)
UNIT_QUALIFIER = r"(?:(?:more|full|straight|consecutive|additional|extra|business|trading|working)\s+)"
# an approximate count after its unit: "a week or so ago", "a year or two ago"
APPROXIMATELY = r"(?:\s+or\s+(?:so|two|three))"
MODIFIER = rf"(?:(?:{MODIFIER_WORDS})[\s-]+)"
# time zones a clock time may name: "0930 GMT", "4 p.m. EDT"
ZONES = "gmt utc est edt cst cdt mst mdt pst pdt bst cet cest eet eest msk ist jst hkt sgt aest aedt"
