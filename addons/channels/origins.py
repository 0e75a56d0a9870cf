"""Which website origins may talk to the assistant from a browser: one list for every channel.

ALLOWED_ORIGINS (space-separated, e.g. "https://www.example-hospital.org") is the same list
`make run` passes to Rasa as `--cors`. A request that carries an Origin header not on the list
is refused by the REST channel and by both Socket.IO transports (long-polling and websocket);
a request without one (a server-side client, curl) is not a browser page and is let through,
because it needs a conversation token like everyone else.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cache
from typing import Any


@cache
def allowed_origins() -> frozenset[str]:
    """Read once per process (it is asked on every request)."""
    return frozenset(
        o.rstrip("/").lower() for o in (os.environ.get("ALLOWED_ORIGINS") or "").split()
    )


def same_origin(origin: str, environ: Mapping[str, Any]) -> bool:
    """The assistant's own address (what websocket clients such as websocket-client send)."""
    host = environ.get("HTTP_HOST")
    scheme = environ.get("wsgi.url_scheme", "http")
    return bool(host) and origin.rstrip("/") in (
        f"http://{host}",
        f"https://{host}",
        f"{scheme}://{host}",
    )


def origin_allowed(origin: str | None, environ: Mapping[str, Any] | None = None) -> bool:
    """True for no Origin header, a listed one, or (given the request's environ) our own.

    python-socketio calls it with the environ; no web page is served from the assistant's
    own address, so an Origin equal to it is a client library, not another website.
    Compared exactly but for case, as the server's CORS (Sanic-CORS, from `rasa run --cors`)
    compares it: a request this lets through gets its one `Access-Control-Allow-Origin` there,
    and one it refuses gets none (a browser never sends a trailing "/" or a path).
    """
    if origin is None:
        return True
    if origin.lower() in allowed_origins():
        return True
    return environ is not None and same_origin(origin, environ)
