"""The editor's corrections file: merge, rename, retype, hide, add aliases; unmatched entries are reported."""

from __future__ import annotations

from newsreader.core import corrections
from newsreader.core.sentences import number_sentences

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
    assert "unknown type 'planet'" in text and "needs a 'name'" in text and "unknown keys ['explode']" in text


def test_missing_file_means_no_corrections(tmp_path):
    assert corrections.load(tmp_path / "absent.yml") == ([], [])
