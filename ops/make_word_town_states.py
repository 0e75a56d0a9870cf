"""Write core/privacy/data/word_town_states.txt, once, offline: every US postal place name of
one word that is also an ordinary English word, with the states it lies in ("opportunity wa").

Why: a capitalised ordinary word before a state code is read as a town only when the town is
in that state ("my mother lives alone in Opportunity WA": round 24, city134); the place list
(ops/make_place_list.py) holds names only, and `zipcodes` is too heavy to load at run time.

    pip install zipcodes==3.0.0   # requirements-dev.txt
    python -m ops.make_word_town_states
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import zipcodes

from core.privacy.names import ordinary

OUT = Path(__file__).resolve().parents[1] / "core" / "privacy" / "data" / "word_town_states.txt"


def word_towns() -> dict[str, set[str]]:
    """Each one-word place name that is an ordinary word, with its states' codes."""
    states: dict[str, set[str]] = defaultdict(set)
    for record in zipcodes.list_all():
        for name in [record["city"], *(record.get("acceptable_cities") or [])]:
            words = name.lower().split()
            if len(words) == 1 and words[0].isalpha() and ordinary(words[0]):
                states[words[0]].add(record["state"].lower())
    return states


def main() -> None:
    version = zipcodes.__version__
    header = f"# One-word US place names that are words, with states (zipcodes {version}, MIT)\n"
    lines = [f"{name} {' '.join(sorted(codes))}" for name, codes in sorted(word_towns().items())]
    OUT.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
