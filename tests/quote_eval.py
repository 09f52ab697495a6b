"""Self-written multi-paragraph quote cases (synthetic names) and the pipeline's speaker accuracy on them.

Each case: the article's paragraphs and, for every quote, its first three words and the expected
speaker name (None: the speaker should be left unknown). Run ``python3 tests/quote_eval.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

CASES: list[tuple[list[str], dict[str, str | None]]] = [
    (["Finance Minister Olga Varnik defended the budget on Monday.",
      '"We will not raise taxes this year," she said.'],
     {"We will not": "Olga Varnik"}),
    (["The plan was drafted by Mayor Idris Kamara, who said it was \"the fairest option we have\"."],
     {"the fairest option": "Idris Kamara"}),
    (['"The economy is slowing faster than expected," according to Lena Marsh, an economist at Torvik Bank.'],
     {"The economy is": "Lena Marsh"}),
    (["Governor Tom Reyes faces a recall vote next month.",
      'Political analyst Priya Natarajan said Reyes was "running out of friends in the capital."'],
     {"running out of": "Priya Natarajan"}),
    (["Coach Anders Holt was furious after the defeat.",
      '"We gave away two soft goals," Holt said. "That cannot happen at this level."'],
     {"We gave away": "Anders Holt", "That cannot happen": "Anders Holt"}),
    (["The court released an e-mail the defendant sent in May.",
      '"Move the money before Friday and tell nobody," the e-mail read.',
      '"I will handle the auditors myself."'],
     {"Move the money": None, "I will handle": None}),
    (["Senator Ruth Calloway criticised the treaty.",
      '"It gives away too much," said Calloway, who chairs the trade committee.'],
     {"It gives away": "Ruth Calloway"}),
    (['"Prices will keep rising," said Marco Bellini, chief executive of Bellini Foods.'],
     {"Prices will keep": "Marco Bellini"}),
    (["Police chief Dana Whitlow spoke to reporters on Sunday.",
      '"We have made two arrests," Whitlow said.',
      "The mayor, Joel Pratt, praised the officers.",
      '"They acted quickly," he said.'],
     {"We have made": "Dana Whitlow", "They acted quickly": "Joel Pratt"}),
    (["A transcript of the call was published on Tuesday.",
      '"Can you confirm the shipment?" "Yes, it left the port last night."'],
     {"Can you confirm": None, "Yes, it left": None}),
    (["Opposition leader Sanjay Kapoor attacked the prime minister on Wednesday.",
      '"This government has lost its way," Kapoor told supporters.'],
     {"This government has": "Sanjay Kapoor"}),
    (['Professor Helen Ostrova, a historian who has written about President Karl Brenner, said the speech was "his weakest in years."'],
     {"his weakest in": "Helen Ostrova"}),
    (["Union leader Maya Fenwick rejected the offer.",
      '"Our members deserve better than this," Fenwick said in a statement.'],
     {"Our members deserve": "Maya Fenwick"}),
    (['"The ruling is a victory for every tenant," said lawyer Kwame Asante, who represented the families.'],
     {"The ruling is": "Kwame Asante"}),
    (["Interior Minister Pavel Dorn announced new border checks.",
      '"These measures are temporary," Dorn said.',
      'Rights groups were not convinced. "Temporary measures have a habit of staying," said Aisha Rahman of Open Borders Watch.'],
     {"These measures are": "Pavel Dorn", "Temporary measures have": "Aisha Rahman"}),
    (['"We cannot wait any longer," the health minister, Ilse Brandt, told lawmakers on Thursday.'],
     {"We cannot wait": "Ilse Brandt"}),
    (["Chairman Victor Osei and his deputy, Nora Kell, disagreed on Monday.",
      '"The merger is off," Osei said, while Kell called the talks "far from over."'],
     {"The merger is": "Victor Osei", "far from over.": "Nora Kell"}),
    (["The vote was close.", '"We expected more," Dunmore said after the count, "but we will be back."'],
     {"We expected more": "Dunmore"}),
    (['A lawyer for the Brenna Dock Workers Union, Sunil Varma, said the ruling was "a warning to every employer."'],
     {"a warning to": "Sunil Varma"}),
    (['State radio quoted Admiral Petra Lindqvist as saying the fleet was "ready for any task."'],
     {"ready for any": "Petra Lindqvist"}),
    (['Port director Julia Morgan warned of delays on Monday. "The cranes are twenty years old.',
      '"Nobody has replaced a single part," she said.'],
     {"The cranes are": "Julia Morgan", "Nobody has replaced": "Julia Morgan"}),
]


def speakers(paragraphs: list[str], nlp) -> dict[str, str | None]:
    from newsreader.core.annotate import annotate_one
    from newsreader.core.text.rawformat import parse

    body = "\n".join(paragraphs)
    article = parse(f"Synthetic fixture\nFixture Wire\n5 March 2020\n{body}\n".encode(), "fixture.txt")
    quotes = annotate_one(article, list(nlp.pipe(article.paragraphs)))["quotes"]
    return {" ".join(q["text"].split()[:3]): q["speaker_name"] for q in quotes}


def score(nlp, report=None) -> dict[str, float]:
    right = total = found = 0
    for paragraphs, gold in CASES:
        got = speakers(paragraphs, nlp)
        for start, speaker in gold.items():
            total += 1
            found += start in got
            right += start in got and got[start] == speaker
            if report and got.get(start, "<no quote>") != speaker:
                report(f"{start!r}: expected {speaker!r}, got {got.get(start, '<no quote>')!r}")
    return {"right": right / total, "detected": found / total, "quotes": total}


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))
    from newsreader.core import nlp as nlp_module

    print(score(nlp_module.load(), report=print))
