"""The assistant's responses, read once from domain.yml for the channels.

Why the channels read them: the bot's buttons decide which "/intent" payloads are accepted
(payloads.py), and the emergency answer given at the door (backlog.py) must be the
assistant's own text, never a second copy that could drift from it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

DOMAIN_FILE = Path(__file__).resolve().parents[2] / "domain.yml"


@cache
def domain_responses() -> dict[str, Any]:
    with open(DOMAIN_FILE, encoding="utf-8") as handle:
        return dict(yaml.safe_load(handle).get("responses") or {})
