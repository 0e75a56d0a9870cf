"""`make check-source`: an edited copy of the hospital's page names exactly the answers to
review (core/content/check_source.py), run as staff would run it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from core.content.check_source import review
from tests.project import ROOT, load_yaml, source_page_path

DURATION = "Vertebroplasty takes from 1-2 hours to perform depending on how many bones are treated."


def responses() -> dict:
    return dict(load_yaml("domain.yml")["responses"])


def run(page: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "core.content.check_source", str(page), "--current",
         str(source_page_path())],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip


def test_the_current_page_needs_no_review(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(source_page_path().read_text(encoding="utf-8"), encoding="utf-8")
    done = run(page)
    assert done.returncode == 0, done.stdout
    assert "Nothing to review" in done.stdout


def test_an_edited_page_names_the_answers_to_review(tmp_path: Path) -> None:
    current = source_page_path().read_text(encoding="utf-8")
    assert DURATION in " ".join(current.split())
    edited = (
        " ".join(current.split())
        .replace(DURATION, "Vertebroplasty takes 1-3 hours. Patients rest for 4 hours afterwards.")
        .replace("Lasts 1-2 hours", "Lasts 1-3 hours")
    )
    page = tmp_path / "edited.txt"
    page.write_text(edited, encoding="utf-8")
    done = run(page)
    assert done.returncode == 1
    result = review(responses(), edited, current)
    # The quoted page passage of that sentence is stale too (`make rules` rewrites it).
    assert result.missing_sources == ["utter_page_passage", "utter_procedure_duration"]
    assert ("utter_procedure_duration", "1-2hour") in result.missing_figures
    assert {"1-3hour", "4hour"} <= set(result.new_figures)
    assert "utter_procedure_duration" in done.stdout and "1-3hour" in done.stdout
    # Answers whose passages are untouched are not listed.
    assert "utter_recovery" not in done.stdout


def test_a_missing_page_is_a_clear_error(tmp_path: Path) -> None:
    done = run(tmp_path / "nope.txt")
    assert done.returncode == 2 and "no such file" in done.stderr


def test_a_page_that_is_not_text_or_empty_is_a_clear_error(tmp_path: Path) -> None:
    binary, empty = tmp_path / "page.pdf", tmp_path / "empty.txt"
    binary.write_bytes(b"\xff\xfe\x00%PDF")
    empty.write_text("   \n")
    done = run(binary)
    assert done.returncode == 2 and "not UTF-8 text" in done.stderr
    assert "Traceback" not in done.stderr
    done = run(empty)
    assert done.returncode == 2 and "is empty" in done.stderr
