"""Refuse requests whose framing is malformed before Sanic reads their body.

Why: Sanic 21.12 (Rasa 3.6's pin) trusts the Content-Length header. "Content-Length: -1"
sent the Rasa server into a busy loop that answered nobody again, not even SIGTERM, until it
was killed; a non-numeric value was a 500. A request with both Content-Length and chunked
Transfer-Encoding is the classic request-smuggling shape behind a proxy. The check runs on
Sanic's `http.lifecycle.request` signal, after the headers are parsed and before the body is
read, for every route of the app (the REST channel and both Socket.IO transports alike), and
answers 400.
"""

from __future__ import annotations

from sanic import Sanic
from sanic.exceptions import InvalidUsage
from sanic.request import Request

GUARD_FLAG = "patient_request_framing_guard"


def framing_problem(content_lengths: list[str], transfer_encodings: list[str]) -> str | None:
    """Why a request's body framing is refused, or None when it is sound."""
    if len(content_lengths) > 1 or len(transfer_encodings) > 1:
        return "Repeated Content-Length or Transfer-Encoding header."
    if content_lengths and transfer_encodings:
        return "Content-Length and Transfer-Encoding together."
    if content_lengths:
        value = content_lengths[0].strip()
        if not (value.isascii() and value.isdigit()):
            return "Content-Length must be a whole number of bytes."
    if transfer_encodings and transfer_encodings[0].strip().lower() != "chunked":
        return "Only chunked Transfer-Encoding is accepted."
    return None


def guard_request_framing(app: Sanic) -> None:
    """Register the check on `app` once (every channel calls this when it is registered)."""
    if getattr(app.ctx, GUARD_FLAG, False):
        return
    setattr(app.ctx, GUARD_FLAG, True)

    @app.signal("http.lifecycle.request")
    async def check_framing(request: Request) -> None:
        problem = framing_problem(
            request.headers.getall("content-length", []),
            request.headers.getall("transfer-encoding", []),
        )
        if problem is not None:
            raise InvalidUsage(problem)
