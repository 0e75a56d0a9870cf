"""Run the action server: `python -m actions.server [--host 127.0.0.1] [--port 5055]`.

rasa-sdk's own `rasa run actions` listens on 0.0.0.0 with no authentication and, on an
error, echoes the whole request (the conversation) back in its 500 reply. This entry point
builds the same rasa-sdk app with the project's actions, but:

- listens on loopback unless ACTION_SERVER_HOST / --host says otherwise (a separate host in
  a cluster sets it to its private address);
- refuses every call without the shared token (core/secrets/action_token.py);
- answers errors with a short message, never the request;
- caps request bodies (a tracker with a long conversation is well under it);
- starts the question-log writer at once (start-up quarantine count and back-fill).
"""

from __future__ import annotations

import argparse
import logging
import os

from rasa_sdk.endpoint import create_app
from sanic import Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

from actions.runtime import log_writer
from core.privacy import log_redaction
from core.secrets.action_token import action_server_token, is_authorised

logger = logging.getLogger("action_server")
MAX_BODY_BYTES = 8 * 1024 * 1024
OPEN_PATHS = frozenset({"/health"})


def require_token(app: Sanic, token: str) -> None:
    """Refuse every request without the token (401), before rasa-sdk reads its body."""

    @app.middleware("request")
    async def check_token(request: Request) -> HTTPResponse | None:
        if request.path in OPEN_PATHS:
            return None
        if not is_authorised(request.headers.get("authorization"), token):
            return response.json({"error": "Unauthorised."}, status=401)
        return None


def build_app(token: str) -> Sanic:
    app = create_app("actions", cors_origins=[])
    app.config.REQUEST_MAX_SIZE = MAX_BODY_BYTES
    require_token(app, token)

    @app.exception(Exception)
    async def on_error(request: Request, exception: Exception) -> HTTPResponse:
        status = getattr(exception, "status_code", 500)
        if status >= 500:
            logger.error("Action server error on %s", request.path, exc_info=exception)
        return response.json({"error": "The action could not be run."}, status=status)

    return app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default=os.environ.get("ACTION_SERVER_HOST") or "127.0.0.1")
    parser.add_argument("--port", type=int, default=int(os.environ.get("ACTION_PORT") or 5055))
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    log_redaction.install(own_hosts=[args.host])
    app = build_app(action_server_token())
    # Start the question-log writer now, not at the first question: it reports what waits in
    # the quarantine and back-fills what was answered while this server was down.
    log_writer().start()
    logger.info("Action server on http://%s:%d (token required)", args.host, args.port)
    app.run(args.host, args.port, workers=1, access_log=False)


if __name__ == "__main__":
    main()
