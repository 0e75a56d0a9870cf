"""A trained component's one artifact, kept in Rasa's model storage (the model archive).

Why one helper: the TF-IDF second opinion and the page-passage index both persist a fitted
scikit-learn object the same way; writing and reading it twice invited the two to drift.
The archive is this project's own training output, like Rasa's own pickled components; it is
never loaded from anywhere else.
"""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage


def save_artifact(model_storage: ModelStorage, resource: Resource, name: str, value: Any) -> None:
    with (
        model_storage.write_to(resource) as directory,
        open(Path(directory) / name, "wb") as handle,
    ):
        pickle.dump(value, handle)


def load_artifact(model_storage: ModelStorage, resource: Resource, name: str) -> Any:
    with (
        model_storage.read_from(resource) as directory,
        open(Path(directory) / name, "rb") as handle,
    ):
        return pickle.load(handle)  # noqa: S301 (the project's own training output)
