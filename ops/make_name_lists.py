"""Write the word lists the name redaction reads (core/privacy/data/), once, offline.

Why a script: the lists are data, not code, and where they come from must be checkable.
Sources (both public, no run-time download):

- First names and surnames: the US Census Bureau's 1990 name files (dist.male.first,
  dist.female.first, dist.all.last; US government work, public domain), as shipped in the
  PyPI package `names` 0.3.0 (MIT). Every first name; the 30,000 most frequent surnames.
- Ordinary words: English word frequencies from `spacy-lookups-data` 1.0.5 (MIT; already a
  dependency), table en_lexeme_prob. A word is "ordinary" when it is written in lower case at
  least as often as capitalised ("will", "grace", "hope", "bill", "mark" are; "mary",
  "smith", "june" are not), among the ~30,000 commonest; months and weekdays are added by
  hand (capitalised by rule, yet not names).

    pip download --no-deps names==0.3.0 && tar xzf names-0.3.0.tar.gz
    python -m ops.make_name_lists names-0.3.0/names
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from pathlib import Path

import spacy_lookups_data

OUT = Path(__file__).resolve().parents[1] / "core" / "privacy" / "data"
SURNAMES = 30_000
MIN_LOG_PROB = -15.0
WORD = re.compile(r"^[a-z]+$")
MONTHS = "january february march april may june july august september october november december"
BY_RULE = [*MONTHS.split(), "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
BY_RULE.append("sunday")


def census(path: Path, limit: int | None = None) -> list[str]:
    """The names of one census file, most frequent first, lower case."""
    lines = path.read_text(encoding="ascii").splitlines()[:limit]
    return [line.split()[0].lower() for line in lines if line.strip()]


def ordinary_words() -> list[str]:
    table = Path(spacy_lookups_data.__file__).parent / "data" / "en_lexeme_prob.json.gz"
    with gzip.open(table) as file:
        prob: dict[str, float] = json.loads(file.read())
    words = {
        word
        for word, logp in prob.items()
        if WORD.match(word) and logp > MIN_LOG_PROB and logp >= prob.get(word.title(), -99.0)
    }
    return sorted(words | set(BY_RULE))


def first_names_that_are_words(first: list[str]) -> list[str]:
    """First names that are also English words ("frank", "rose", "june"): at the start of a
    sentence such a word alone is not taken for a name."""
    table = Path(spacy_lookups_data.__file__).parent / "data" / "en_lexeme_prob.json.gz"
    with gzip.open(table) as file:
        prob: dict[str, float] = json.loads(file.read())
    return [name for name in first if prob.get(name, -99.0) > MIN_LOG_PROB]


# How much more often a name that is also a word must be written capitalised to count as
# mostly a name (log units: 1.8 is about 6x): "mary", "robert", "john" (7-35x), not "rose",
# "frank", "grace". Places, faiths and brands among them stay words ("Florida", "Jesus").
TITLE_MARGIN = 1.8
NOT_PEOPLE = """america asia europe africa argentina china france india israel jordan florida
georgia virginia carolina paris sydney jesus irish venus mercedes"""


def first_names_mostly_names(words: list[str]) -> list[str]:
    """Of the first names that are also words, those written capitalised far more often than
    in lower case: in a sentence they are names, even alone ("I spoke with Robert yesterday"
    kept "Robert" as the word the lexeme table also holds in lower case; issue 21)."""
    table = Path(spacy_lookups_data.__file__).parent / "data" / "en_lexeme_prob.json.gz"
    with gzip.open(table) as file:
        prob: dict[str, float] = json.loads(file.read())
    kept = set(NOT_PEOPLE.split()) | set(BY_RULE)
    return [
        name
        for name in words
        if name not in kept and prob.get(name, -99.0) < prob.get(name.title(), -99.0) - TITLE_MARGIN
    ]


def write(name: str, source: str, words: list[str]) -> None:
    unique = sorted(dict.fromkeys(words))
    (OUT / name).write_text(f"# {source}\n" + "\n".join(unique) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("census", type=Path, help="folder with the census dist.* files")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    first = census(args.census / "dist.male.first") + census(args.census / "dist.female.first")
    write("first_names.txt", "US Census 1990 first names (public domain), via `names` 0.3.0", first)
    write(
        "first_names_that_are_words.txt",
        "Census first names that are also English words (spacy-lookups-data en_lexeme_prob)",
        first_names_that_are_words(first),
    )
    write(
        "first_names_mostly_names.txt",
        "Census first names that are also words, written capitalised 6x as often (en_lexeme_prob)",
        first_names_mostly_names(first_names_that_are_words(first)),
    )
    write(
        "surnames.txt",
        f"US Census 1990 surnames, the {SURNAMES} most frequent (public domain), via `names`",
        census(args.census / "dist.all.last", SURNAMES),
    )
    write(
        "ordinary_words.txt",
        "English words written in lower case at least as often as capitalised "
        "(spacy-lookups-data en_lexeme_prob, MIT), plus months and weekdays",
        ordinary_words(),
    )


if __name__ == "__main__":
    main()
