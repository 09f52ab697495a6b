"""Every built page and stylesheet is valid according to the current Nu HTML Checker (npm's vnu-jar, pinned)."""

from __future__ import annotations

import pytest

import subprocess

from conftest import IN_CI, ROOT, require_tool

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def validate(root) -> subprocess.CompletedProcess:
    """The Nu checker on every .html and .css file under ``root``; errors only."""
    java = require_tool("java", "the Nu HTML Checker runs on Java")
    if not VNU.exists():
        message = "vnu-jar is not installed: run `npm ci` (invoke test does)"
        if IN_CI:
            raise AssertionError(message)
        import pytest  # noqa: PLC0415

        pytest.skip(message)
    return subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--also-check-css", "--skip-non-html", str(root)],
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.mark.slow
def test_every_page_and_stylesheet_of_the_fixture_site_is_valid(fixture_site):
    out, _ = fixture_site
    assert len(list(out.rglob("*.html"))) >= 8 and list(out.rglob("*.css"))
    result = validate(out)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout + result.stderr == ""


def test_every_page_of_the_seed_site_is_valid(seed_site):
    out, _ = seed_site
    result = validate(out)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_checker_does_report_html_and_css_errors(tmp_path):
    (tmp_path / "broken.html").write_text("<!DOCTYPE html><html><head></head><body><p><div></span></body></html>")
    (tmp_path / "broken.css").write_text("p { colr: red; }\n")
    result = validate(tmp_path)
    assert result.returncode != 0
    report = result.stdout + result.stderr
    assert "broken.html" in report and "broken.css" in report and "colr" in report
