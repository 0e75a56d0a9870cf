"""Write transcripts through Rasa's real SQL tracker store, configured exactly as `make run`
configures it (actions/storage/endpoints.py), for tests that read transcripts back."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import Event
from rasa.shared.core.trackers import DialogueStateTracker

from actions.storage.endpoints import tracker_store_config


def save_transcript(database_url: str, sender: str, events: Iterable[Event]) -> None:
    config = tracker_store_config(database_url)
    store = SQLTrackerStore(
        domain=Domain.empty(),
        dialect=config["dialect"],
        host=config.get("url"),
        port=config.get("port"),
        db=config["db"],
        username=config.get("username"),
        password=config.get("password"),
    )
    tracker = DialogueStateTracker(sender, slots=[])
    for event in events:
        tracker.update(event)
    asyncio.run(store.save(tracker))
