"""The Socket.IO server: it refuses other websites' origins, and sends no CORS headers itself.

Why: `rasa run --cors ALLOWED_ORIGINS` (ops/run.sh, the cluster, tests/servers.py) makes
Sanic-CORS add `Access-Control-Allow-Origin` to every response of the Rasa server, the
Socket.IO routes included. python-socketio, given `cors_allowed_origins`, added its own too, so
a long-polling response carried the header twice and every browser refused it (CORS allows
exactly one value): rasa-webchat and every other browser client, which all start with
long-polling, never got a session. python-socketio's own clients do not enforce CORS, which
is why only a browser showed it.

So the headers have one source, the server's CORS (the same list as ALLOWED_ORIGINS), and
this server keeps only python-engineio's origin check: a request whose Origin is not allowed
(addons/channels/origins.py) is refused with a 400 on both transports, before any session.
The check happens in `handle_request`; only the header list is emptied here.
"""

from __future__ import annotations

from typing import Any

import engineio
import socketio


class CheckingEngineIOServer(engineio.AsyncServer):
    """python-engineio's server with its origin check, without its CORS response headers."""

    def _cors_headers(self, environ: dict[str, Any]) -> list[tuple[str, str]]:
        return []


class PatientAsyncServer(socketio.AsyncServer):
    """python-socketio's server on the engine.io server above."""

    def _engineio_server_class(self) -> type[engineio.AsyncServer]:
        return CheckingEngineIOServer
