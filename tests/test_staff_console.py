"""Request tests for every view of the staff console, on real SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import sys
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
import yaml
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from core.db.database import session_factory
from core.db.models import CallbackRequest, Question
from core.db.staff_models import AuditEvent, StaffUser
from staff.app import create_app, create_user
from staff.security import MAX_FAILED_ATTEMPTS
from tests.project import ROOT
from tests.staff_clients import PASSWORD, csrf_of, log_in
from tests.transcripts import save_transcript

NOW = datetime.now(timezone.utc)


def add_question(url: str, **values: Any) -> int:
    row = {
        "message_id": uuid.uuid4().hex,
        "conversation_id": "conv-1",
        "asked_at": NOW,
        "channel": "rest",
        "text": "how long does it take?",
        "text_truncated": False,
        "intent": "procedure_duration",
        "confidence": 0.95,
        "response": "1-2 hours",
        "outcome": "answered",
    }
    row.update(values)
    with session_factory(url).begin() as session:
        question = Question(**row)
        session.add(question)
        session.flush()
        return int(question.id)


PAGES = [
    "/", "/conversations/conv-1", "/callbacks", "/dashboard", "/export/questions.csv",
    "/export/nlu.yml", "/admin/users", "/admin/retention",
]  # fmt: skip


@pytest.mark.parametrize("path", PAGES)
def test_every_page_needs_a_login(app: Flask, path: str) -> None:
    response = app.test_client().get(path)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login")


def test_login_sets_a_safe_cookie_and_logout_ends_it(app: Flask, database_url: str) -> None:
    client = app.test_client()
    response = log_in(client, "rita")
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert client.get("/").status_code == 200
    assert client.post("/logout", data={"csrf_token": csrf_of(client, "/")}).status_code == 302
    assert client.get("/").status_code == 302
    with session_factory(database_url)() as session:
        actions = [e.action for e in session.execute(select(AuditEvent)).scalars()]
    assert "login" in actions and "logout" in actions


def test_cookies_are_secure_over_https(database_url: str, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("STAFF_SECRET_FILE", str(tmp_path / "secret.key"))
    create_user(session_factory(database_url), "sam", PASSWORD, "reviewer")
    client = create_app(database_url, secure_cookies=True).test_client()
    assert "Secure" in log_in(client, "sam").headers["Set-Cookie"]


def test_wrong_password_is_refused_and_repeated_failures_lock_the_account(
    app: Flask, database_url: str
) -> None:
    client = app.test_client()
    assert log_in(client, "rita", "wrong password!").status_code == 401
    assert log_in(client, "nobody", PASSWORD).status_code == 401
    for _ in range(MAX_FAILED_ATTEMPTS - 1):
        log_in(client, "rita", "wrong password!")
    locked = log_in(client, "rita", PASSWORD)  # right password, but locked now
    assert locked.status_code == 401 and "locked" in locked.get_data(as_text=True)
    with session_factory(database_url).begin() as session:
        user = session.execute(select(StaffUser).where(StaffUser.username == "rita")).scalar_one()
        assert user.locked_until is not None
        user.locked_until = NOW - timedelta(minutes=1)  # the lock-out period has passed
    assert log_in(client, "rita", PASSWORD).status_code == 302


def test_every_form_needs_the_csrf_token(reviewer: FlaskClient, database_url: str) -> None:
    question = add_question(database_url)
    assert reviewer.post("/logout").status_code == 400
    assert reviewer.post(f"/questions/{question}/review", data={}).status_code == 400
    assert reviewer.post("/callbacks/1", data={"csrf_token": "forged"}).status_code == 400
    assert reviewer.get("/").status_code == 200  # still logged in


def test_a_reviewer_is_refused_admin_pages(reviewer: FlaskClient, admin: FlaskClient) -> None:
    for path in ("/admin/users", "/admin/retention"):
        assert reviewer.get(path).status_code == 403
        assert admin.get(path).status_code == 200
    token = csrf_of(reviewer, "/")
    response = reviewer.post(
        "/admin/users",
        data={"username": "eve", "password": PASSWORD, "role": "admin", "csrf_token": token},
    )
    assert response.status_code == 403


def test_admin_creates_and_disables_accounts(admin: FlaskClient, database_url: str) -> None:
    token = csrf_of(admin, "/admin/users")
    admin.post(
        "/admin/users",
        data={"username": "nina", "password": PASSWORD, "role": "reviewer", "csrf_token": token},
    )
    admin.post(
        "/admin/users",
        data={"username": "weak", "password": "short", "role": "reviewer", "csrf_token": token},
    )
    with session_factory(database_url)() as session:
        names = set(session.execute(select(StaffUser.username)).scalars())
        nina = session.execute(select(StaffUser).where(StaffUser.username == "nina")).scalar_one()
    assert "nina" in names and "weak" not in names
    admin.post(f"/admin/users/{nina.id}/active", data={"active": "0", "csrf_token": token})
    client = admin.application.test_client()
    assert log_in(client, "nina").status_code == 401


def test_inbox_filters_and_pages(reviewer: FlaskClient, database_url: str) -> None:
    add_question(database_url, text="is it safe", intent="complications", confidence=0.4)
    add_question(
        database_url, text="blorf", intent="nlu_fallback", outcome="fallback", confidence=0.2
    )
    add_question(
        database_url, text="old question", asked_at=NOW - timedelta(days=40), intent="recovery"
    )
    for i in range(55):
        add_question(database_url, text=f"bulk {i}", asked_at=NOW - timedelta(minutes=i + 1))

    def shown(query: str) -> str:
        return reviewer.get("/?" + query).get_data(as_text=True)

    assert "58 questions" in shown("")
    assert "Older" in shown("") and "bulk 54" not in shown("")
    assert "bulk 54" in shown("page=2")
    only_fallback = shown("outcome=fallback")
    assert "1 question;" in only_fallback and "blorf" in only_fallback
    assert "1 question;" in shown("topic=complications")
    assert "2 questions" in shown("max_confidence=0.5")
    yesterday = (NOW - timedelta(days=1)).date().isoformat()
    assert "old question" not in shown(f"from={yesterday}")
    assert "old question" in shown("q=OLD+quest")
    assert "0 questions" in shown("q=%25")  # a wildcard is searched for literally


def test_inbox_shows_why_a_message_was_an_emergency_and_filters_red_flags(
    reviewer: FlaskClient, database_url: str
) -> None:
    """Issue 23: the flag and the deciding cue are shown; "emergency" and "talk" filters."""
    add_question(
        database_url, text="my legs went numb", intent="emergency", outcome="emergency",
        red_flag="leg_weakness_or_numbness",
    )  # fmt: skip
    add_question(
        database_url, text="went numb an hour ago", intent="nlu_fallback", outcome="emergency",
        red_flag="leg_weakness_or_numbness", red_flag_cue="two messages",
    )  # fmt: skip
    add_question(
        database_url, text="is a fever normal?", intent="complications",
        red_flag="fever_or_infected_site", red_flag_cue="question: normal",
    )  # fmt: skip
    add_question(database_url, text="how long does it take?")

    def shown(query: str) -> str:
        return reviewer.get("/?" + query).get_data(as_text=True)

    emergencies = shown("red_flag=emergency")
    assert "2 questions" in emergencies and "is a fever normal?" not in emergencies
    assert "no context cue (a plain report)" in emergencies
    assert "cue: two messages" in emergencies
    talk = shown("red_flag=talk")
    assert "1 question;" in talk and "cue: question: normal" in talk
    assert "3 questions" in shown("red_flag=any")
    assert reviewer.get("/?red_flag=maybe").status_code == 400
    exported = reviewer.get("/export/questions.csv?red_flag=emergency").get_data(as_text=True)
    rows = list(csv.DictReader(io.StringIO(exported)))
    assert {(r["red_flag"], r["red_flag_cue"]) for r in rows} == {
        ("leg_weakness_or_numbness", ""),
        ("leg_weakness_or_numbness", "two messages"),
    }


def test_review_confirms_or_corrects_a_topic(reviewer: FlaskClient, database_url: str) -> None:
    question = add_question(database_url, text="can i drive", intent="recovery")
    token = csrf_of(reviewer, "/")
    reviewer.post(
        f"/questions/{question}/review",
        data={"corrected_intent": "not_covered", "csrf_token": token},
    )
    assert "1 question;" in reviewer.get("/?reviewed=yes").get_data(as_text=True)
    with session_factory(database_url)() as session:
        row = session.get(Question, question)
    assert (row.corrected_intent, row.reviewed_by) == ("not_covered", "rita")
    bad = reviewer.post(
        f"/questions/{question}/review", data={"corrected_intent": "nonsense", "csrf_token": token}
    )
    assert bad.status_code == 400


def test_csv_export_matches_the_filter(reviewer: FlaskClient, database_url: str) -> None:
    add_question(database_url, text="=HYPERLINK(1)", intent="nlu_fallback", outcome="fallback")
    add_question(database_url, text="is it covered", intent="insurance_coverage")
    response = reviewer.get("/export/questions.csv?outcome=fallback")
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert [r["outcome"] for r in rows] == ["fallback"]
    assert rows[0]["text"] == "'=HYPERLINK(1)"  # never run as a spreadsheet formula
    assert "attachment" in response.headers["Content-Disposition"]
    with session_factory(database_url)() as session:
        audit = [e.action for e in session.execute(select(AuditEvent)).scalars()]
    assert "export_csv" in audit


def test_nlu_export_is_valid_rasa_training_data(
    reviewer: FlaskClient, database_url: str, tmp_path: Path
) -> None:
    question = add_question(database_url, text="can I drive home after it", intent="recovery")
    add_question(database_url, text="zzz qqq", intent="nlu_fallback", outcome="fallback")
    token = csrf_of(reviewer, "/")
    reviewer.post(
        f"/questions/{question}/review",
        data={"corrected_intent": "not_covered", "csrf_token": token},
    )
    exported = reviewer.get("/export/nlu.yml").get_data(as_text=True)
    data = yaml.safe_load(exported)
    assert data["nlu"] == [{"intent": "not_covered", "examples": "- can I drive home after it\n"}]
    assert "#   - zzz qqq" in exported
    if "postgresql" in database_url:
        return  # Rasa's validator is slow; once (on SQLite) is enough
    project = tmp_path / "project"
    shutil.copytree(ROOT / "data", project / "data")
    shutil.copy(ROOT / "domain.yml", project / "domain.yml")
    shutil.copy(ROOT / "config.yml", project / "config.yml")
    (project / "data" / "nlu_from_review.yml").write_text(exported)
    result = subprocess.run(
        [str(Path(sys.executable).parent / "rasa"), "data", "validate", "--fail-on-warnings"],
        cwd=project, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]


def test_conversation_view_shows_the_transcript_escaped(
    reviewer: FlaskClient, database_url: str
) -> None:
    from rasa.shared.core.events import BotUttered, UserUttered

    save_transcript(
        database_url,
        "conv-xss",
        [
            UserUttered(
                "<script>alert(1)</script> how long?",
                intent={"name": "procedure_duration", "confidence": 0.91},
            ),
            BotUttered("The procedure usually takes 1-2 hours."),
        ],
    )
    html = reviewer.get("/conversations/conv-xss").get_data(as_text=True)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; how long?" in html
    assert "<script>alert(1)" not in html
    assert "The procedure usually takes 1-2 hours." in html
    assert "procedure_duration" in html and "0.91" in html


def test_callback_status_and_notes_change(reviewer: FlaskClient, database_url: str) -> None:
    with session_factory(database_url).begin() as session:
        request = CallbackRequest(
            request_key="k1", conversation_id="conv-9", requested_at=NOW, name="Mary Smith",
            phone="(860) 555-0123", preferred_time="mornings", consent=True, status="new",
        )  # fmt: skip
        session.add(request)
        session.flush()
        request_id = request.id
    page = reviewer.get("/callbacks").get_data(as_text=True)
    assert "Mary Smith" in page and "(860) 555-0123" in page
    token = csrf_of(reviewer, "/callbacks")
    reviewer.post(
        f"/callbacks/{request_id}",
        data={"status": "contacted", "notes": "left a voicemail", "csrf_token": token},
    )
    with session_factory(database_url)() as session:
        row = session.get(CallbackRequest, request_id)
    assert (row.status, row.notes, row.updated_by) == ("contacted", "left a voicemail", "rita")
    assert "Mary Smith" not in reviewer.get("/callbacks?status=new").get_data(as_text=True)
    bad = reviewer.post(f"/callbacks/{request_id}", data={"status": "lost", "csrf_token": token})
    assert bad.status_code == 400


def test_dashboard_shows_rates_and_charts(reviewer: FlaskClient, database_url: str) -> None:
    add_question(database_url)
    add_question(database_url, intent="nlu_fallback", outcome="fallback")
    add_question(database_url, intent="emergency", outcome="emergency")
    add_question(database_url, intent="contact", outcome="handoff")
    html = reviewer.get("/dashboard").get_data(as_text=True)
    assert "25.0 %" in html  # fallback rate and hand-off rate: 1 of 4 each
    assert "<svg" in html and "procedure_duration" in html
    figures = re.findall(r"<dd>([^<]+)</dd>", html)
    assert figures[0] == "4" and figures[3] == "1"


def test_security_headers_on_every_page(reviewer: FlaskClient) -> None:
    for path in ("/", "/dashboard", "/login"):
        headers = reviewer.get(path).headers
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
        assert headers["X-Frame-Options"] == "DENY"
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "no-referrer"
        assert headers["Cache-Control"] == "no-store"


def test_create_user_command(database_url: str, tmp_path: Path) -> None:
    env = {"DATABASE_URL": database_url, "STAFF_PASSWORD": PASSWORD, "PATH": "/usr/bin:/bin"}
    command = [sys.executable, "-m", "staff", "create-user", "carol", "--role", "admin"]
    created = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert created.returncode == 0, created.stderr
    again = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert again.returncode != 0 and "already exists" in again.stderr
    weak = subprocess.run(
        [*command[:4], "dave"], cwd=ROOT, env={**env, "STAFF_PASSWORD": "short"},
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert weak.returncode != 0 and "12 characters" in weak.stderr


def test_exports_survive_rows_stored_before_text_was_cleaned(
    reviewer: FlaskClient, database_url: str
) -> None:
    """A NUL or an escape sequence in an old row (SQLite kept them) broke the CSV export (500)
    and the NLU export (rejected by `rasa data validate`)."""
    if "postgresql" in database_url:
        pytest.skip("PostgreSQL never stored a NUL")
    question = add_question(database_url, text="how long\x00 does it\x1b take?")
    add_question(database_url, text="zzz\x00qqq", intent="nlu_fallback", outcome="fallback")
    response = reviewer.get("/export/questions.csv")
    assert response.status_code == 200
    exported_csv = response.get_data(as_text=True)
    assert "\x00" not in exported_csv and "\x1b" not in exported_csv
    assert "how long does it take?" in exported_csv
    token = csrf_of(reviewer, "/")
    reviewer.post(
        f"/questions/{question}/review",
        data={"corrected_intent": "procedure_duration", "csrf_token": token},
    )
    exported = reviewer.get("/export/nlu.yml").get_data(as_text=True)
    assert "- how long does it take?" in exported and "#   - zzzqqq" in exported
    assert "\x00" not in exported and "\x1b" not in exported


# --- patients' feedback on answers (issue 14) ----------------------------------------------------


def add_feedback(url: str, message_id: str, topic: str, helpful: bool, comment: str | None) -> None:
    from core.db.models import AnswerFeedback

    with session_factory(url).begin() as session:
        session.add(
            AnswerFeedback(
                conversation_id="conv-1",
                message_id=message_id,
                topic=topic,
                helpful=helpful,
                comment=comment,
                given_at=NOW,
            )
        )


def test_staff_find_answers_marked_unhelpful_and_see_helpfulness_per_topic(
    reviewer: FlaskClient, database_url: str
) -> None:
    add_question(database_url, message_id="m-bad.0", text="how long will it take")
    add_question(database_url, message_id="m-good.0", text="is it painful at all")
    add_question(database_url, message_id="m-none.0", text="what is recovery like")
    add_feedback(database_url, "m-bad.0", "procedure_duration", False, "=too vague")
    add_feedback(database_url, "m-good.0", "procedure_duration", True, None)
    page = reviewer.get("/?feedback=unhelpful").get_data(as_text=True)
    assert "how long will it take" in page
    assert "is it painful at all" not in page and "what is recovery like" not in page
    assert reviewer.get("/?feedback=sometimes").status_code == 400
    days = f"from={(NOW - timedelta(days=1)).date()}&to={(NOW + timedelta(days=1)).date()}"
    dashboard = reviewer.get(f"/dashboard?{days}").get_data(as_text=True)
    assert dashboard.index("Top topics answered") < dashboard.index("Were the answers helpful?")
    assert dashboard.count("Were the answers helpful?") == 1  # in the page, not in its title
    assert "<td>procedure_duration</td><td>1</td><td>1</td><td>50 %</td>" in dashboard
    csv_text = reviewer.get("/export/questions.csv").get_data(as_text=True)
    header, *lines = csv_text.strip().splitlines()
    assert header.endswith("feedback,feedback_comment")
    assert any(
        "how long will it take" in line and line.endswith("unhelpful,'=too vague") for line in lines
    )
    assert any("is it painful at all" in line and line.endswith("helpful,") for line in lines)
