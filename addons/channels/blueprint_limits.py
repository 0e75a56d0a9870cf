"""Cap the size of request bodies for the whole Rasa server when a channel is registered.

Why: Sanic accepts bodies up to 100 MB by default and reads them whole before any handler
runs. Rasa builds the Sanic app itself, so the channel that knows the limit sets it when its
blueprint is registered (before the server starts accepting connections); Sanic then answers
413 to a larger body without reading it.
"""

from __future__ import annotations

from typing import Any

from sanic import Blueprint, Sanic

from addons.channels.http_guard import guard_request_framing
from addons.cleaning.inbound import MAX_BODY_BYTES


def limit_request_size(app: Sanic, limit: int = MAX_BODY_BYTES) -> None:
    """Cap the body size, and refuse malformed body framing (addons/channels/http_guard.py)."""
    app.config.REQUEST_MAX_SIZE = min(int(app.config.REQUEST_MAX_SIZE), limit)
    guard_request_framing(app)


class LimitedBlueprint(Blueprint):
    """A blueprint that caps the app's request body size when it is registered."""

    def register(self, app: Sanic, options: dict[str, Any]) -> None:
        limit_request_size(app)
        super().register(app, options)
