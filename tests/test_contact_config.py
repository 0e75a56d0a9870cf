"""config/contact.yml: the hand-off details, read at each use, warned about once.

An outside tester found "Ignoring unknown keys in config/contact.yml: source_page_url" in
var/log/rasa.log three times for every message: the key is read by another part (an answer's
`metadata.source`), and the red-flag policy reads the file at every use.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from core.vocabulary.contact import load_contact_details
from tests.project import ROOT


def test_the_shipped_file_has_no_unknown_key(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="core.vocabulary.contact"):
        load_contact_details(ROOT / "config" / "contact.yml")
    assert "unknown keys" not in caplog.text


def test_an_unknown_key_is_warned_about_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "contact.yml"
    path.write_text('phone: "860-555-0100"\nfax_number: "x"\n', encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="core.vocabulary.contact"):
        for _ in range(3):
            details = load_contact_details(path)
    assert details.phone == "860-555-0100"
    assert caplog.text.count("unknown keys") == 1
    assert "fax_number" in caplog.text
