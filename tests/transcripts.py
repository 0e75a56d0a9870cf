"""Rasa's SQL tracker stores, configured exactly as `make run` configures them
(ops/endpoints.py), for tests that write or read transcripts."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from typing import Any, TypeVar

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import Event
from rasa.shared.core.trackers import DialogueStateTracker

from ops.endpoints import tracker_store_config

Store = TypeVar("Store", bound=SQLTrackerStore)


def sql_tracker_store(
    database_url: str,
    store_class: type[Store] = SQLTrackerStore,
    domain: Domain | None = None,
    **kwargs: Any,
) -> Store:
    config = tracker_store_config(database_url)
    return store_class(
        domain=domain or Domain.empty(),
        dialect=config["dialect"],
        host=config.get("url"),
        port=config.get("port"),
        db=config["db"],
        username=config.get("username"),
        password=config.get("password"),
        **kwargs,
    )


def save_transcript(database_url: str, sender: str, events: Iterable[Event]) -> None:
    store: SQLTrackerStore = sql_tracker_store(database_url)
    tracker = DialogueStateTracker(sender, slots=[])
    for event in events:
        tracker.update(event)
    asyncio.run(store.save(tracker))
    store.engine.dispose()  # each call makes its own engine: leave no idle connection behind
