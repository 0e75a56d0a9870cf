"""Only the Rasa server may call the action server.

Why: rasa-sdk's server listens on every address without authentication, and a direct POST to
its /webhook can run any action with any tracker: a call-back request with a made-up phone
number and no consent, or a fake emergency in the question log. So every call except the
health check must carry `Authorization: Bearer <ACTION_SERVER_TOKEN>`; the Rasa server sends
it because the generated endpoints file puts it in the action endpoint's `headers`.

The token comes from ACTION_SERVER_TOKEN, or is generated once into var/action-server.key
(mode 600), which `make run` and the tests share between the two processes.
"""

from __future__ import annotations

import hmac

from sanic import Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

from project_secrets import load_or_create_secret

OPEN_PATHS = frozenset({"/health"})


def action_server_token() -> str:
    return load_or_create_secret(
        "ACTION_SERVER_TOKEN", "ACTION_SERVER_TOKEN_FILE", "action-server.key"
    )


def authorization_header(token: str) -> dict[str, str]:
    """The header the Rasa server sends with every action call."""
    return {"Authorization": f"Bearer {token}"}


def is_authorised(header: str | None, token: str) -> bool:
    expected = f"Bearer {token}"
    return bool(header) and hmac.compare_digest(str(header).encode(), expected.encode())


def require_token(app: Sanic, token: str) -> None:
    """Refuse every request without the token (401), before rasa-sdk reads its body."""

    @app.middleware("request")
    async def check_token(request: Request) -> HTTPResponse | None:
        if request.path in OPEN_PATHS:
            return None
        if not is_authorised(request.headers.get("authorization"), token):
            return response.json({"error": "Unauthorised."}, status=401)
        return None
