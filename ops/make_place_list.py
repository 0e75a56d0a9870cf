"""Write core/privacy/data/place_names.txt (every US postal place name, lower case), once,
offline.

Why a file and not the package at run time: `zipcodes` 3.0.0 (PyPI, MIT; its ZIP data is
bundled, it needs no network) takes ~0.8 s of CPU and ~100 MB to load every ZIP record; the
names alone are ~19,000 short lines that load in a few milliseconds, only when a message has a
cue of where a person is (redaction reads them lazily). Names that are ordinary English words
are written too: the caller decides (a capitalised "Hope" after "we're in" is a town).

    pip install zipcodes==3.0.0   # requirements-dev.txt
    python -m ops.make_place_list
"""

from __future__ import annotations

from pathlib import Path

import zipcodes

OUT = Path(__file__).resolve().parents[1] / "core" / "privacy" / "data" / "place_names.txt"


def place_names() -> list[str]:
    """Every city and acceptable city name of every US ZIP code, lower case, sorted."""
    names: set[str] = set()
    for record in zipcodes.list_all():
        for name in [record["city"], *(record.get("acceptable_cities") or [])]:
            names.add(" ".join(name.lower().split()))
    return sorted(name for name in names if name)


def main() -> None:
    version = zipcodes.__version__
    header = f"# US postal place names from zipcodes {version} (MIT); ops/make_place_list.py\n"
    OUT.write_text(header + "\n".join(place_names()) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
