"""A patient withdraws the call-back request they have just sent.

Why (round 21, callback-028/-029): "cancel" or "no" right after the consent "yes" was
answered "All right..." while the request stayed `new` in the staff list: the team would
still call. The request is now marked `withdrawn` (by "patient"), so staff see it and skip it;
the row stays, like any request, until the retention job removes it.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlalchemy import select

from core.db.database import session_factory
from core.db.models import CallbackRequest

WITHDRAWN = "withdrawn"
WITHDRAWN_BY = "patient"
# Only a request sent a moment ago is the one the patient means ("cancel" after "yes").
RECENT = timedelta(hours=1)


def withdraw_request(database_url: str, conversation_id: str, request_key: str) -> bool:
    """Mark the request `request_key` of the conversation withdrawn, if it is still `new`
    and was sent in the last hour; True if it was."""
    now = datetime.now(timezone.utc)
    table = CallbackRequest
    query = select(table).where(
        table.request_key == request_key,
        table.conversation_id == conversation_id,
        table.status == "new",
        table.requested_at >= now - RECENT,
    )
    with session_factory(database_url).begin() as session:
        row = session.execute(query).scalar_one_or_none()
        if row is None:
            return False
        row.status = WITHDRAWN
        row.updated_at = now
        row.updated_by = WITHDRAWN_BY
        return True
