"""The passage of the hospital's page an answer restates, sent with the answer.

Why: patients trust an answer they can check. Every topic answer in domain.yml names the
page passage it restates (`metadata.source`, checked word for word against the page by the
grounding tests); the channels send it beside the answer's text as

    "source": {"passage": "<the page's own words>", "title": "…", "url": "<the page or null>",
               "topic": "<the answer's topic, for feedback>"}

in REST replies and Socket.IO `bot_uttered` events alike; the widget shows it under the
answer behind a "Where does this come from?" disclosure. The page's address is the
hospital's to give (`source_page_url` in the contact config, config/contact.yml or
CONTACT_CONFIG, or SOURCE_PAGE_URL); without one, no link is invented.
"""

from __future__ import annotations

import os
from functools import cache
from typing import Any

import yaml
from rasa.core.channels.channel import CollectingOutputChannel

from core.settings import load_settings

PAGE_TITLE = "Bristol Hospital's patient page on vertebroplasty"


@cache
def source_page_url() -> str | None:
    """The public address of the hospital's page, if the hospital has given one."""
    configured = os.environ.get("SOURCE_PAGE_URL")
    contact_config = load_settings().contact_config
    if configured is None and contact_config.is_file():
        values = yaml.safe_load(contact_config.read_text(encoding="utf-8")) or {}
        configured = values.get("source_page_url") if isinstance(values, dict) else None
    url = str(configured or "").strip()
    return url if url.startswith("https://") else None


def answer_source(metadata: Any) -> dict[str, Any] | None:
    """The `source` object for a response's metadata, or None when it names no passage."""
    if not isinstance(metadata, dict):
        return None
    passage = metadata.get("source")
    if not isinstance(passage, str) or not passage.strip():
        return None
    topic = metadata.get("topic")
    return {
        "passage": " ".join(passage.split()),
        "title": PAGE_TITLE,
        "url": source_page_url(),
        "topic": topic if isinstance(topic, str) else None,
    }


class SourcedCollectingOutputChannel(CollectingOutputChannel):
    """Rasa's collecting output (the REST reply), with each answer's `source` attached."""

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        before = len(self.messages)
        await super().send_text_message(recipient_id, text, **kwargs)
        self._attach(before, kwargs.get("metadata"))

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        before = len(self.messages)
        await super().send_text_with_buttons(recipient_id, text, buttons, **kwargs)
        self._attach(before, kwargs.get("metadata"))

    def _attach(self, before: int, metadata: Any) -> None:
        source = answer_source(metadata)
        if source is not None and len(self.messages) > before:
            self.messages[-1]["source"] = source
