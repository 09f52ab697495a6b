"""Which content files may be read: regular files whose real path is inside the content folder."""

from __future__ import annotations

import os

import pytest

from newsreader.content_files import open_regular, refusal


@pytest.fixture
def content(tmp_path):
    folder = tmp_path / "content"
    (folder / "news").mkdir(parents=True)
    (folder / "news" / "a.txt").write_text("text", encoding="utf-8")
    (tmp_path / "outside.txt").write_text("secret", encoding="utf-8")
    return folder


def test_a_regular_file_inside_and_a_link_to_one_inside_may_be_read(content):
    (content / "news" / "link.txt").symlink_to(content / "news" / "a.txt")
    assert refusal(str(content / "news" / "a.txt"), str(content)) is None
    assert refusal(str(content / "news" / "link.txt"), str(content)) is None
    assert open_regular(str(content / "news" / "link.txt")) == b"text"


def test_links_outside_the_content_folder_are_refused(content, tmp_path):
    (content / "news" / "out.txt").symlink_to(tmp_path / "outside.txt")
    (content / "news" / "broken.txt").symlink_to(tmp_path / "missing.txt")
    assert refusal(str(content / "news" / "out.txt"), str(content)) == f"is a link to {tmp_path / 'outside.txt'}, outside the content folder; skipped"
    assert "outside the content folder" in refusal(str(content / "news" / "broken.txt"), str(content))
    sibling = tmp_path / "content-other"  # a folder whose name merely starts like the content folder's
    sibling.mkdir()
    (sibling / "x.txt").write_text("x", encoding="utf-8")
    assert "outside" in refusal(str(sibling / "x.txt"), str(content))


def test_a_fifo_is_refused_and_never_waited_on(content):
    fifo = content / "news" / "pipe.txt"
    os.mkfifo(fifo)
    assert refusal(str(fifo), str(content)).startswith("is not a regular file")
    with pytest.raises(OSError, match="not a regular file"):
        open_regular(str(fifo))  # with no writer, a blocking open would wait for ever
