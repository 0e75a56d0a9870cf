"""The action server's token: only the Rasa server may call the action server.

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

from core.secrets import load_or_create_secret


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
