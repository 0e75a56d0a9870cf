"""Erasure on request: everything held about one conversation goes, audited, nothing else.

Against real SQLite and PostgreSQL: question rows, the transcript, call-back requests and
quarantined entries of the conversation are deleted in one transaction; another
conversation (even one whose id starts the same, or holds LIKE wildcards) is untouched; the
admin page and the command line both leave an audit row naming the id, never the content.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timezone

import pytest
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rasa.shared.core.events import ActionExecuted, UserUttered
from sqlalchemy import func, inspect, select

from core.db.database import session_factory
from core.db.models import CallbackRequest, QuarantinedEntry, Question
from core.db.rasa_events import rasa_events
from core.db.staff_models import AuditEvent
from core.privacy.erasure import erase_conversation
from tests.log_entries import callback_entry, question_entry
from tests.project import ROOT
from tests.staff_clients import csrf_of
from tests.test_staff_console import add_question
from tests.transcripts import save_transcript

NOW = datetime.now(timezone.utc)


def hold_a_conversation(url: str, conversation_id: str) -> None:
    """One of everything: a question, a transcript, a call-back, two quarantined entries."""
    add_question(url, conversation_id=conversation_id, text="how long? [phone removed]")
    save_transcript(
        url,
        conversation_id,
        [ActionExecuted("action_listen"), UserUttered("how long?", intent={"name": "x"})],
    )
    with session_factory(url).begin() as session:
        session.add(
            CallbackRequest(
                request_key=f"{conversation_id}:1", conversation_id=conversation_id,
                requested_at=NOW, name="Ann Lee", phone="(860) 555-0199",
                preferred_time="mornings", consent=True, status="new",
            )
        )  # fmt: skip
        entry = question_entry(conversation_id=conversation_id)
        session.add(
            QuarantinedEntry(
                kind="question", entry_key=f"q-{conversation_id}", reason="test",
                payload=json.dumps(entry), quarantined_at=NOW,
            )
        )  # fmt: skip
        # A spool line cut by a crash: no entry, kept as text.
        cut = json.dumps({"kind": "callback", "record": callback_entry(
            conversation_id=conversation_id)})  # fmt: skip
        line = json.dumps(cut[: cut.index(conversation_id) + len(conversation_id) + 5])
        session.add(
            QuarantinedEntry(
                kind="spool_line", entry_key=f"s-{conversation_id}", reason="test",
                payload=line, quarantined_at=NOW,
            )
        )  # fmt: skip


def counts(url: str) -> dict[str, int]:
    with session_factory(url)() as session:
        return {
            table.name: int(session.execute(select(func.count()).select_from(table)).scalar_one())
            for table in (
                rasa_events,
                CallbackRequest.__table__,
                QuarantinedEntry.__table__,
                Question.__table__,
            )
        }


def test_one_conversation_is_erased_and_the_other_is_kept(database_url: str) -> None:
    hold_a_conversation(database_url, "c-abc")
    hold_a_conversation(database_url, "c-abcdef")  # same start: must survive
    before = counts(database_url)
    with session_factory(database_url).begin() as session:
        erased = erase_conversation(session, "c-abc")
    assert (erased.questions, erased.callback_requests, erased.quarantined) == (1, 1, 2)
    assert erased.transcript_events == 2
    after = counts(database_url)
    assert {name: before[name] - after[name] for name in before} == {
        "events": 2, "callback_requests": 1, "log_quarantine": 2, "questions": 1,
    }  # fmt: skip


def test_a_dry_run_counts_and_deletes_nothing(database_url: str) -> None:
    hold_a_conversation(database_url, "c-dry")
    before = counts(database_url)
    with session_factory(database_url).begin() as session:
        assert erase_conversation(session, "c-dry", dry_run=True).total == 6
    assert counts(database_url) == before


@pytest.mark.parametrize("key", ["request_key", "conversation_id", "text"])
def test_an_id_that_names_a_key_of_a_cut_line_erases_nothing(database_url: str, key: str) -> None:
    """A cut spool line is kept as text: an id equal to one of its keys is not its id."""
    hold_a_conversation(database_url, "c-keys")
    before = counts(database_url)
    with session_factory(database_url).begin() as session:
        erase_conversation(session, key)
    assert counts(database_url) == before


@settings(
    max_examples=25, derandomize=True, deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)  # fmt: skip
@given(forged=st.text(min_size=1, max_size=40).filter(lambda t: "\x00" not in t))
def test_a_forged_id_erases_nothing_else(database_url: str, forged: str) -> None:
    """Wildcards (% _ \\), quotes and odd unicode in the id match only that exact id."""
    with session_factory(database_url)() as session:
        held = inspect(session.connection()).has_table(rasa_events.name)
    if not held:
        hold_a_conversation(database_url, "c-keep_%")
    before = counts(database_url)
    with session_factory(database_url).begin() as session:
        erase_conversation(session, forged if forged != "c-keep_%" else forged + "x")
    assert counts(database_url) == before


def test_an_admin_erases_a_conversation_from_the_console(
    admin: FlaskClient, database_url: str
) -> None:
    hold_a_conversation(database_url, "c-console")
    page = admin.get("/admin/conversations/c-console/erase").get_data(as_text=True)
    assert "1 logged questions" in page and "1 call-back" in page
    response = admin.post(
        "/admin/conversations/c-console/erase", data={"csrf_token": csrf_of(admin, "/")}
    )
    assert response.status_code == 302
    with session_factory(database_url)() as session:
        [audit] = session.execute(
            select(AuditEvent).where(AuditEvent.action == "erase_conversation")
        ).scalars()
    assert audit.username == "adam" and audit.detail and audit.detail.startswith("c-console: 1 ")
    assert "Ann Lee" not in audit.detail
    assert counts(database_url)["callback_requests"] == 0


def test_erasing_an_unknown_conversation_says_nothing_was_held(admin: FlaskClient) -> None:
    """The privacy outsider: a mistyped id was answered "Erased conversation …: 0 …"."""
    response = admin.post(
        "/admin/conversations/c-doesnotexist/erase",
        data={"csrf_token": csrf_of(admin, "/")},
        follow_redirects=True,
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Nothing is held for conversation c-doesnotexist" in page


def test_a_reviewer_cannot_erase(reviewer: FlaskClient, database_url: str) -> None:
    hold_a_conversation(database_url, "c-kept")
    response = reviewer.post(
        "/admin/conversations/c-kept/erase", data={"csrf_token": csrf_of(reviewer, "/")}
    )
    assert response.status_code == 403
    assert counts(database_url)["callback_requests"] == 1


def test_the_command_line_erases_and_audits(database_url: str) -> None:
    hold_a_conversation(database_url, "c-cli")
    env = {**os.environ, "DATABASE_URL": database_url}
    command = [sys.executable, "-m", "staff", "erase", "c-cli"]
    dry = subprocess.run([*command, "--dry-run"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert dry.returncode == 0 and "Would erase conversation c-cli" in dry.stdout
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "Erased conversation c-cli: 1 questions, 1 call-back requests" in done.stdout
    with session_factory(database_url)() as session:
        [audit] = session.execute(
            select(AuditEvent).where(AuditEvent.action == "erase_conversation")
        ).scalars()
    assert audit.username.startswith("cli:")
    assert counts(database_url) == {
        "events": 0, "callback_requests": 0, "log_quarantine": 0, "questions": 0,
    }  # fmt: skip
    bad = subprocess.run(
        [sys.executable, "-m", "staff", "erase", "bad\x01id"],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert bad.returncode != 0 and "not a conversation id" in bad.stderr
