"""Build the project's own English spaCy pipeline, offline and reproducibly.

Why: official pretrained spaCy models cannot be downloaded on our machines, and Rasa's
`SpacyNLP` needs a loadable pipeline. A blank English tokenizer plus the lookup lemmatizer
from `spacy-lookups-data` (a PyPI package, so it installs with the other dependencies)
gives Rasa spaCy's rule-based tokenisation (contractions, punctuation, "mom's") and
lemmas ("fractures" -> "fracture", "took" -> "take"), which the count-vector featurizers
use. The pipeline has no vectors and no trained weights, so the same inputs always give a
byte-identical folder; a stamp file records the versions so the build is skipped when
nothing changed.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

import spacy
import spacy_lookups_data

DEFAULT_OUTPUT = Path("var/spacy/en_patient_pipeline")
PIPELINE_NAME = "en_patient_pipeline"
PIPELINE_VERSION = "1.0.0"


def build_stamp() -> dict[str, str]:
    """What the built pipeline depends on; a change in any of these forces a rebuild."""
    return {
        "pipeline": PIPELINE_VERSION,
        "spacy": spacy.__version__,
        "spacy_lookups_data": getattr(spacy_lookups_data, "__version__", "unknown"),
        "python": f"{sys.version_info.major}.{sys.version_info.minor}",
    }


def build(output: Path) -> None:
    """Create blank English + lookup lemmatizer and write it to `output`."""
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    # initialize() loads the lemma lookup table from spacy-lookups-data (installed
    # locally), never from the network.
    nlp.initialize()
    nlp.meta["name"] = PIPELINE_NAME.removeprefix("en_")
    nlp.meta["version"] = PIPELINE_VERSION
    nlp.meta["description"] = (
        "Blank English tokenizer + lookup lemmatizer (spacy-lookups-data), built offline "
        "by ops/build_spacy_pipeline.py for the vertebroplasty assistant."
    )
    if output.exists():
        shutil.rmtree(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(output)
    (output / "build-stamp.json").write_text(json.dumps(build_stamp(), indent=2) + "\n")


def is_up_to_date(output: Path) -> bool:
    stamp = output / "build-stamp.json"
    if not stamp.exists():
        return False
    try:
        return json.loads(stamp.read_text()) == build_stamp()
    except json.JSONDecodeError:
        return False


def check(output: Path) -> None:
    """Load the built pipeline and make sure it tokenises and lemmatises as expected."""
    nlp = spacy.load(output)
    doc = nlp("My mom's fractures were treated")
    lemmas = [token.lemma_ for token in doc]
    if "fracture" not in lemmas or "be" not in lemmas:
        raise SystemExit(f"spaCy pipeline at {output} does not lemmatise: {lemmas}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--force", action="store_true", help="rebuild even if up to date")
    args = parser.parse_args()
    if args.force or not is_up_to_date(args.output):
        build(args.output)
        print(f"Built spaCy pipeline in {args.output}")
    check(args.output)


if __name__ == "__main__":
    main()
