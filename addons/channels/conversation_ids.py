"""Conversation tokens a client cannot forge or guess, and the ids stored for them.

Why: a conversation holds health information and, during the call-back form, a phone number.
If a client could choose its own sender id, anyone who learnt or guessed an id ("patient-42",
an id seen in a log) could read replies meant for someone else or answer their form. So the
server issues every conversation a token: 128 random bits and an HMAC signature over them.
Only a token the server signed is accepted, and a token is a bearer secret: holding it is
what lets a client continue that conversation.

The token itself is never stored. Rasa's tracker, the question log and the staff console see
a conversation id *derived* from it with a second keyed hash, so nothing staff or a log can
show is enough to write into a conversation.

Rotating the key (CHANNEL_SECRET_KEY) ends every open conversation; patients simply start a
new one.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

from core.secrets import load_or_create_secret

TOKEN_VERSION = "v1"  # noqa: S105 - a format version, not a secret
RANDOM_BYTES = 16
SIGNATURE_BYTES = 16
# v1.<22 base64url chars>.<22 base64url chars>
TOKEN_PATTERN = re.compile(r"v1\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{22})")
CONVERSATION_PREFIX = "c-"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


@dataclass(frozen=True)
class ConversationKeys:
    """Issues and checks tokens with one secret key."""

    secret: bytes

    @classmethod
    def from_environment(cls) -> ConversationKeys:
        """CHANNEL_SECRET_KEY, or a key generated once into var/channel-secret.key."""
        secret = load_or_create_secret(
            "CHANNEL_SECRET_KEY", "CHANNEL_SECRET_FILE", "channel-secret.key"
        )
        return cls(secret.encode("utf-8"))

    def _mac(self, purpose: str, nonce: str, length: int) -> bytes:
        message = f"{purpose}:{nonce}".encode("ascii")
        return hmac.new(self.secret, message, hashlib.sha256).digest()[:length]

    def new_token(self) -> str:
        nonce = _b64(secrets.token_bytes(RANDOM_BYTES))
        return f"{TOKEN_VERSION}.{nonce}.{_b64(self._mac('token', nonce, SIGNATURE_BYTES))}"

    def conversation_id(self, token: object) -> str | None:
        """The stored conversation id for a token this server issued, else None.

        Anything that is not a well-formed, correctly signed token (wrong type, another
        server's token, a hand-made id) gives None; the comparison is constant-time.
        """
        if not isinstance(token, str):
            return None
        match = TOKEN_PATTERN.fullmatch(token)  # not .match: "$" would let a "\n" through
        if match is None:
            return None
        nonce, signature = match.groups()
        expected = _b64(self._mac("token", nonce, SIGNATURE_BYTES))
        if not hmac.compare_digest(expected, signature):
            return None
        return CONVERSATION_PREFIX + self._mac("conversation", nonce, 16).hex()
