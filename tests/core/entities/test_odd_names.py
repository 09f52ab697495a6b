"""Odd names: an entity whose slug would pass 255 bytes, article files named ``..txt``, ``-x.txt`` or with a
newline; every output file name stays within 255 bytes and a name in a log line cannot fake another line."""

from __future__ import annotations

import os

from conftest import build, write_raw

LONG = "Q" + "u" * 286  # one word of 287 letters
FAKE = "\n[00:00:00] WARNING  all is well"


def test_odd_names_are_read_or_reported_and_every_file_name_fits(tmp_path):
    news = tmp_path / "corpus" / "news"
    write_raw(news, "long.txt", "Synthetic talks end with a very long name", "Synthetic Wire", "2021-03-03 10:00",
              [f"Spokesperson Alma {LONG} said on Monday that the talks in Lisbon would resume.",
               f"{LONG} told reporters in Lisbon that the Trade Council agreed.",
               f"{LONG} said the council would meet again.",
               f"On Tuesday {LONG} visited the port.", f"By Friday {LONG} had left Lisbon."])  # five: a page of its own
    write_raw(news, "..txt", "Synthetic dots only article", "Synthetic Wire", "2021-03-04 10:00",
              ["Officials in Portugal said the Trade Council met on Tuesday."])
    write_raw(news, "-dash.txt", "Synthetic dash article", "Synthetic Wire", "2021-03-05 10:00",
              ["Officials in Kenya said the Water Board met on Wednesday."])
    (news / f"link{FAKE}.txt").symlink_to(tmp_path / "outside.txt")
    result = build(tmp_path / "corpus", tmp_path / "out", cache=tmp_path / "cache")
    log = result.stdout + result.stderr
    assert "all is well" in log and FAKE not in log and "\\n[00:00:00] WARNING  all is well" in log  # escaped
    assert "..txt: a name of only dots before its extension cannot be read" in log, log
    assert list((tmp_path / "out" / "news").glob("synthetic-dash-article*")), "the -dash.txt article was not published"
    too_long = [os.path.join(folder, name) for folder, dirs, files in os.walk(tmp_path / "out") for name in dirs + files
                if len(name.encode()) > 255]
    assert too_long == []
    entity = [name for name in os.listdir(tmp_path / "out" / "entity") if "quuuu" in name]
    assert entity and all(len(name) <= 100 for name in entity), entity
