"""Which website origins may talk to the assistant from a browser: one list for every channel.

ALLOWED_ORIGINS (space-separated, e.g. "https://www.example-hospital.org") is the same list
`make run` passes to Rasa as `--cors`. A request that carries an Origin header not on the list
is refused by the REST channel and by both Socket.IO transports (long-polling and websocket);
a request without one (a server-side client, curl) is not a browser page and is let through,
because it needs a conversation token like everyone else.
"""

from __future__ import annotations

import os


def allowed_origins() -> frozenset[str]:
    return frozenset(o.rstrip("/") for o in (os.environ.get("ALLOWED_ORIGINS") or "").split())


def origin_allowed(origin: str | None, *_environ: object) -> bool:
    """True for no Origin header or a listed one (python-socketio calls it with the environ)."""
    if origin is None:
        return True
    return origin.rstrip("/") in allowed_origins()
