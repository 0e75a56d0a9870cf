"""Train the learned name model (core/privacy/learned_names.py) and write its weights.

Why at install time: the weights are a generated file (var/, never committed), made from the
labelled corpus, the training messages and the word lists, deterministically (a fixed seed),
in a few seconds. `make install` runs this when any of those inputs changed (the Makefile's
stamp); the redaction trains the model itself if the file is missing (docs/privacy.md).

    python -m ops.train_name_model [--output var/learned_names/model.json]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from core.privacy import learned_names
from core.privacy.learned_names_training import train_and_write


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=learned_names.MODEL_PATH)
    args = parser.parse_args()
    start = time.monotonic()
    model = train_and_write(args.output)
    print(
        f"Trained the learned name model in {time.monotonic() - start:.1f} s: "
        f"{len(model.weights)} weights, threshold {model.threshold} -> {args.output}"
    )


if __name__ == "__main__":
    main()
