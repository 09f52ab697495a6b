"""The editor's corrections file: merge, rename, retype, hide, add aliases; unmatched entries are reported."""

from __future__ import annotations

import os

import pytest

from newsreader.core.corrections import apply as corrections
from newsreader.core.model import Problem
from newsreader.core.text.sentences import number_sentences

SENTENCES = number_sentences(["Uncle Sam paid. The Harbour Board met Alma Veress in Lisbon."])


def entity(name, type_, *mentions, aliases=()):
    return {"name": name, "type": type_, "aliases": list(aliases), "roles": [],
            "mentions": [{"sentence": s, "start": a, "end": b, "text": t} for s, a, b, t in mentions]}


def base():
    return [
        entity("Harbour Board", "organization", ("s2", 4, 17, "Harbour Board")),
        entity("Alma Veress", "person", ("s2", 22, 33, "Alma Veress")),
        entity("Lisbon", "place", ("s2", 37, 43, "Lisbon")),
        entity("United States", "place"),
    ]


def rules_from(tmp_path, text):
    path = tmp_path / "annotations.yml"
    path.write_text(text, encoding="utf-8")
    return corrections.load(path)


def test_rename_retype_hide_and_alias(tmp_path):
    rules, problems = rules_from(tmp_path, """
entities:
  - name: Harbour Board
    rename: Lisbon Harbour Board
  - name: Lisbon
    hide: true
  - name: Alma Veress
    retype: organization
  - name: United States
    aliases: [Uncle Sam]
""")
    assert problems == []
    out = {e["name"]: e for e in corrections.apply(base(), "any", SENTENCES, rules)}
    assert "Lisbon" not in out
    assert out["Lisbon Harbour Board"]["aliases"] == ["Harbour Board"]
    assert out["Alma Veress"]["type"] == "organization"
    assert out["United States"]["mentions"] == [{"sentence": "s1", "start": 0, "end": 9, "text": "Uncle Sam"}]
    assert corrections.unused(rules, "annotations.yml") == []


def test_merge_into_takes_the_target_type_and_joins_mentions(tmp_path):
    rules, _ = rules_from(tmp_path, "entities:\n  - name: Lisbon\n    merge_into: Harbour Board\n")
    out = corrections.apply(base(), "any", SENTENCES, rules)
    board = next(e for e in out if e["name"] == "Harbour Board")
    assert board["type"] == "organization"
    assert [m["text"] for m in board["mentions"]] == ["Harbour Board", "Lisbon"]
    assert "Lisbon" in board["aliases"]


def test_article_scope(tmp_path):
    rules, _ = rules_from(tmp_path, "entities:\n  - name: Lisbon\n    article: other-article\n    hide: true\n")
    assert any(e["name"] == "Lisbon" for e in corrections.apply(base(), "this-article", SENTENCES, rules))
    assert not any(e["name"] == "Lisbon" for e in corrections.apply(base(), "other-article", SENTENCES, rules))


def test_unmatched_entry_is_reported_with_its_line(tmp_path):
    rules, _ = rules_from(tmp_path, "entities:\n  - name: Lisbon\n    hide: true\n  - name: Atlantis\n    hide: true\n")
    corrections.apply(base(), "any", SENTENCES, rules)
    problems = corrections.unused(rules, "content/annotations.yml")
    assert [str(p) for p in problems] == ["content/annotations.yml:4: entities entry 2 ('Atlantis') matches no entity"]


def test_bad_file_and_bad_entries_are_reported_not_raised(tmp_path):
    rules, problems = rules_from(tmp_path, "entities: [\n")
    assert rules == [] and "cannot be read" in str(problems[0])
    rules, problems = rules_from(tmp_path, "entities:\n  - name: X\n    retype: planet\n  - hide: true\n  - name: Y\n    explode: true\n")
    assert rules == []
    text = " ".join(str(p) for p in problems)
    assert "retype: 'planet' is not one of person, organization" in text and "'name' is a required property" in text
    assert "explode: unknown key 'explode'" in text


def test_missing_file_means_no_corrections(tmp_path):
    assert corrections.load(tmp_path / "absent.yml") == ([], [])


GOOD = "  - name: Lisbon\n    hide: true\n"  # an entry that must survive its neighbours' faults


@pytest.mark.parametrize("text, expected", [
    ("entities:\n  - name: A\n    aliases: 5\n" + GOOD, "annotations.yml:3: entities entry 1 ('A'): aliases: 5 is not of type 'string', 'array'; entry ignored"),
    ("entities:\n  - name: A\n    type: [organization]\n    hide: true\n" + GOOD,
     "annotations.yml:3: entities entry 1 ('A'): type: ['organization'] is not one of person, organization, place, agreement, money, quantity; entry ignored"),
    ("entities:\n  - name: A\n    rename: [a, b]\n" + GOOD, "annotations.yml:3: entities entry 1 ('A'): rename: ['a', 'b'] is not of type 'string'; entry ignored"),
    ("entities:\n  - name: A\n    aliases: ['']\n" + GOOD, "annotations.yml:3: entities entry 1 ('A'): aliases[0]: '' is blank; entry ignored"),
    ("entities:\n  - name: A\n    aliases: '  '\n" + GOOD, "annotations.yml:3: entities entry 1 ('A'): aliases: '  ' is blank; entry ignored"),
    ("entities:\n  - name: A\n    hide: 'no'\n" + GOOD, "annotations.yml:3: entities entry 1 ('A'): hide: 'no' is not of type 'boolean'; entry ignored"),
    ("entites:\n  - name: A\n    hide: true\nentities:\n" + GOOD, "annotations.yml:1: unknown section 'entites' — did you mean 'entities'?; ignored"),
    ("entities:\n  - name: A\n    merge_into: B\n  - name: B\n    merge_into: A\n" + GOOD,
     "annotations.yml:2: entities entry 1 ('A'): merge_into makes a cycle (A → B → A); entry ignored"),
    ("entities:\n  - name: A\n    merge_into: A\n" + GOOD, "annotations.yml:2: entities entry 1 ('A'): merge_into makes a cycle (A → A); entry ignored"),
])
def test_malformed_entries_are_reported_by_line_and_only_they_are_ignored(tmp_path, text, expected):
    rules, problems = rules_from(tmp_path, text)
    assert expected in [str(p).replace(str(tmp_path) + "/", "") for p in problems]
    assert any(rule.name == "Lisbon" and rule.ops == {"hide": True} for rule in rules)
    assert not any(rule.name == "A" for rule in rules)


@pytest.mark.parametrize("date, message", [
    ("2019-13", "'2019-13': month must be in 1..12"),
    ("2019-02-31", "'2019-02-31': day is out of range for month"),
    ("2019-W60", "'2019-W60': Invalid week: 60"),
    ("2019-W53", "'2019-W53': Invalid week: 53"),  # 2019 has 52 ISO weeks
    ("19-08", "'19-08': not YYYY-MM-DD, YYYY-Www, YYYY-MM, YYYY or YYY0s"),
])
def test_event_dates_that_do_not_exist_are_reported_by_line(tmp_path, date, message):
    path = tmp_path / "annotations.yml"
    path.write_text(f"events:\n  - article: a\n    date: {date}\n  - article: b\n    date: 2020-W53\n"
                    "  - article: c\n    date: 2019-08-01\n  - article: d\n    date: 1950s\n", encoding="utf-8")
    rules, problems = corrections.load_events(path)
    assert [str(p) for p in problems] == [f"{path}:3: events entry 1 ('a'): date: {message}; entry ignored"]
    assert [(r.article, r.date, r.line) for r in rules] == [("b", "2020-W53", 4), ("c", "2019-08-01", 6), ("d", "1950s", 8)]


def test_a_section_of_the_wrong_type_is_reported_and_the_other_section_applies(tmp_path):
    path = tmp_path / "annotations.yml"
    path.write_text("entities: 5\nevents:\n  - article: a\n    hide: true\n", encoding="utf-8")
    assert corrections.load(path) == ([], [Problem(str(path), "5 is not of type 'array', 'null'; section 'entities' ignored", 1)])
    assert [(r.article, r.hide) for r in corrections.load_events(path)[0]] == [("a", True)]


def test_a_folder_or_a_fifo_in_place_of_the_file_is_reported(tmp_path):
    folder = tmp_path / "annotations.yml"
    folder.mkdir()
    assert corrections.load(folder) == ([], [Problem(str(folder), "cannot be read: not a file (a folder?); corrections ignored")])
    assert corrections.load_events(folder) == ([], [])
    fifo = tmp_path / "fifo.yml"
    os.mkfifo(fifo)
    assert "not a file" in str(corrections.load(fifo)[1][0])  # returns at once: a FIFO is never opened


def test_a_file_that_is_not_a_mapping_is_reported(tmp_path):
    rules, problems = rules_from(tmp_path, "- a\n- b\n")
    assert rules == [] and [str(p).replace(str(tmp_path) + "/", "") for p in problems] == [
        "annotations.yml:1: ['a', 'b'] is not of type 'object'; corrections ignored"]
