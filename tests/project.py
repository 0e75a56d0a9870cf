"""Paths and loaders the tests share, so each test reads the project the same way."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from core.content.passages import source_page_path

__all__ = ["source_page_path"]  # shared with the tests: one place finds the page

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "models" / "current.tar.gz"


def load_yaml(relative: str) -> Any:
    with open(ROOT / relative, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def nlu_examples(relative: str) -> dict[str, list[str]]:
    """intent -> examples, from a Rasa NLU YAML file."""
    examples: dict[str, list[str]] = {}
    for block in load_yaml(relative)["nlu"]:
        if "intent" not in block:
            continue
        lines = [
            line[2:].strip() for line in block["examples"].splitlines() if line.startswith("- ")
        ]
        examples.setdefault(block["intent"], []).extend(lines)
    return examples


def domain_responses() -> dict[str, Any]:
    """The domain's responses as Rasa loads them (what the server's channels read)."""
    from rasa.shared.core.domain import Domain

    return dict(Domain.load(str(ROOT / "domain.yml")).responses)


def allowed_payloads() -> frozenset:
    """The bot's own button payloads, from the domain as Rasa loads it."""
    from addons.cleaning.payloads import allowed_payloads as payloads_of

    return payloads_of(domain_responses())
