"""No source file holds a control character, and no pattern of the redaction does.

Why: a "\\b" written without its r"" prefix is a backspace (U+0008), and a pattern holding one
never matches a patient's text. The rule it belongs to is then dead without a sign: one in
names.py stayed dead from round 5 to round 21, found only by reading the patterns' parse trees.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import unicodedata
from pathlib import Path

import core.privacy
from core.privacy import gates, names, redaction

ROOT = Path(__file__).resolve().parents[1]
_ALLOWED = {"\t", "\n", "\r", "\f"}


def _control(text: str) -> list[str]:
    return sorted(
        {repr(ch) for ch in text if unicodedata.category(ch) == "Cc" and ch not in _ALLOWED}
    )


def _sources() -> list[Path]:
    skip = {".venv", "node_modules", "var", "models", ".git"}
    return [
        path for path in ROOT.rglob("*.py") if not skip.intersection(path.relative_to(ROOT).parts)
    ]


def test_no_source_file_holds_a_control_character() -> None:
    sources = _sources()
    assert len(sources) > 100
    found = {
        str(path.relative_to(ROOT)): chars
        for path in sources
        if (chars := _control(path.read_text(encoding="utf-8")))
    }
    assert found == {}


def test_no_redaction_pattern_holds_a_control_character() -> None:
    """The compiled patterns too: one built from a non-raw string elsewhere would show here."""
    found = {}
    for info in pkgutil.iter_modules(core.privacy.__path__):
        module = importlib.import_module(f"core.privacy.{info.name}")
        for name, value in vars(module).items():
            pattern = value.pattern if isinstance(value, gates.Gated) else value
            if isinstance(pattern, re.Pattern) and (chars := _control(pattern.pattern)):
                found[f"{info.name}.{name}"] = chars
    assert len(found) == 0, found


def test_a_care_home_named_for_a_saint_where_someone_lives_is_masked() -> None:
    """The dead rule, run, would have kept "Agnes": the home is where the mother lives."""
    redacted = redaction.redact(
        "my mother lives at St. Agnes Home, can they send her by ambulance?"
    )
    assert "Agnes" not in redacted


def test_a_hospital_named_for_a_saint_is_kept() -> None:
    assert names.redact_names("i had my first one at St Francis and now another") == (
        "i had my first one at St Francis and now another"
    )
