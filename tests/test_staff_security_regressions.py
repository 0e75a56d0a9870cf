"""Regression tests for the defects an outside review found in the staff console.

One section per defect; each test failed on the console as it was before the fix:
1. open redirects (`next=` on the login, `back=` on the review form); a CRLF gave a 500;
2. logging out, disabling an account or changing a password did not end sessions;
3. account probing: failures did different amounts of hashing and said different things;
4. odd query parameters gave 500s (or were silently accepted);
5. failed logins, 403s and CSRF failures were not in the audit log;
6. times were shown in UTC instead of the hospital's time zone.
"""

from __future__ import annotations

import hashlib
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select, text, update

from core.db.database import session_factory
from core.db.models import CallbackRequest
from core.db.staff_models import AuditEvent, StaffUser
from staff.app import create_app, create_user
from tests.staff_clients import PASSWORD, csrf_of, log_in
from tests.test_staff_console import add_question

NEW_PASSWORD = "another long passphrase"
COOKIE = "staff_session"


def audit_rows(url: str) -> list[AuditEvent]:
    with session_factory(url)() as session:
        return list(session.execute(select(AuditEvent).order_by(AuditEvent.id)).scalars())


def user_id(url: str, username: str) -> int:
    with session_factory(url)() as session:
        return int(
            session.execute(select(StaffUser.id).where(StaffUser.username == username)).scalar_one()
        )


def copy_of(client: FlaskClient) -> FlaskClient:
    """A second client holding the same session cookie (what a thief would hold)."""
    cookie = client.get_cookie(COOKIE)
    assert cookie is not None
    thief = client.application.test_client()
    thief.set_cookie(COOKIE, cookie.value)
    return thief


# --- 1. open redirects --------------------------------------------------------------------------

HOSTILE_TARGETS = [
    "/%09/evil.example/",  # a tab: browsers drop it and read //evil.example/
    "//evil.example/",
    "/%5Cevil.example",  # a backslash: browsers read /\ as //
    "/%5C%5Cevil.example",
    "https://evil.example/",
    "https:evil.example",
    "/%2F%2Fevil.example",  # encoded slashes
    "/%0d%0aSet-Cookie:%20stolen=1",  # CRLF: header injection, was a 500
    "/%20/evil.example",
    "%2F%2Fevil.example",
    "javascript:alert(1)",
    "/nowhere-in-the-console",
]


@pytest.mark.parametrize("target", HOSTILE_TARGETS)
def test_login_next_never_leaves_the_console(app: Flask, target: str) -> None:
    client = app.test_client()
    token = csrf_of(client)
    response = client.post(
        f"/login?next={target}",
        data={"username": "rita", "password": PASSWORD, "csrf_token": token},
    )
    assert response.status_code == 302
    assert response.headers["Location"] == "/"


def test_login_next_still_returns_to_a_console_page(app: Flask) -> None:
    client = app.test_client()
    first = client.get("/callbacks?status=new")
    assert first.status_code == 302
    token = csrf_of(client)
    response = client.post(
        first.headers["Location"],
        data={"username": "rita", "password": PASSWORD, "csrf_token": token},
    )
    assert response.headers["Location"] == "/callbacks?status=new"


@pytest.mark.parametrize(
    "back", ["https://evil.example/", "//evil.example", "/\t/evil.example", "/\\evil.example"]
)
def test_review_back_field_never_leaves_the_console(
    reviewer: FlaskClient, database_url: str, back: str
) -> None:
    question = add_question(database_url)
    response = reviewer.post(
        f"/questions/{question}/review",
        data={"corrected_intent": "", "back": back, "csrf_token": csrf_of(reviewer, "/")},
    )
    assert response.status_code == 302
    assert response.headers["Location"] == "/"


def test_review_back_field_returns_to_the_filtered_inbox(
    reviewer: FlaskClient, database_url: str
) -> None:
    question = add_question(database_url)
    response = reviewer.post(
        f"/questions/{question}/review",
        data={"back": "/?outcome=fallback&page=1", "csrf_token": csrf_of(reviewer, "/")},
    )
    assert response.headers["Location"] == "/?outcome=fallback&page=1"


# --- 2. sessions end on the server ------------------------------------------------------------


def test_a_cookie_copied_before_logout_is_refused_after_it(reviewer: FlaskClient) -> None:
    thief = copy_of(reviewer)
    assert thief.get("/callbacks").status_code == 200  # the copy works while the session lives
    reviewer.post("/logout", data={"csrf_token": csrf_of(reviewer, "/")})
    response = thief.get("/callbacks")
    assert response.status_code == 302 and response.headers["Location"].startswith("/login")


def test_disabling_an_account_ends_its_sessions_for_good(
    reviewer: FlaskClient, admin: FlaskClient, database_url: str
) -> None:
    rita = user_id(database_url, "rita")
    token = csrf_of(admin, "/admin/users")
    admin.post(f"/admin/users/{rita}/active", data={"active": "0", "csrf_token": token})
    admin.post(f"/admin/users/{rita}/active", data={"active": "1", "csrf_token": token})
    # Enabled again, but the session that was open when it was disabled stays ended.
    response = reviewer.get("/callbacks")
    assert response.status_code == 302 and response.headers["Location"].startswith("/login")


def test_changing_the_password_ends_the_other_sessions(app: Flask, database_url: str) -> None:
    desk, ward = app.test_client(), app.test_client()
    assert log_in(desk, "rita").status_code == 302
    assert log_in(ward, "rita").status_code == 302
    response = desk.post(
        "/account/password",
        data={
            "current_password": PASSWORD,
            "new_password": NEW_PASSWORD,
            "confirm_password": NEW_PASSWORD,
            "csrf_token": csrf_of(desk, "/account/password"),
        },
    )
    assert response.status_code == 302
    assert desk.get("/callbacks").status_code == 200  # the session that changed it goes on
    assert ward.get("/callbacks").status_code == 302  # every other one has ended
    assert log_in(app.test_client(), "rita", PASSWORD).status_code == 401
    assert log_in(app.test_client(), "rita", NEW_PASSWORD).status_code == 302
    assert "password_changed" in [row.action for row in audit_rows(database_url)]


def test_a_wrong_current_password_changes_nothing(reviewer: FlaskClient, app: Flask) -> None:
    response = reviewer.post(
        "/account/password",
        data={
            "current_password": "not my password",
            "new_password": NEW_PASSWORD,
            "confirm_password": NEW_PASSWORD,
            "csrf_token": csrf_of(reviewer, "/account/password"),
        },
    )
    assert response.status_code == 400
    assert log_in(app.test_client(), "rita", PASSWORD).status_code == 302


def test_an_expired_session_is_refused(reviewer: FlaskClient, database_url: str) -> None:
    with session_factory(database_url).begin() as session:
        session.execute(
            text("UPDATE staff_sessions SET expires_at = :past"),
            {"past": datetime.now(timezone.utc) - timedelta(seconds=1)},
        )
    response = reviewer.get("/callbacks")
    assert response.status_code == 302 and response.headers["Location"].startswith("/login")


def test_the_cookie_carries_only_a_session_id_stored_as_a_hash(
    reviewer: FlaskClient, app: Flask, database_url: str
) -> None:
    cookie = reviewer.get_cookie(COOKIE)
    assert cookie is not None
    serializer = app.session_interface.get_signing_serializer(app)  # type: ignore[attr-defined]
    content: dict[str, Any] = serializer.loads(cookie.value)
    content.pop("_permanent", None)  # Flask's own flag: the cookie lasts the session's 8 hours
    assert len(content) == 1, content  # no user id, no CSRF token: only the session's id
    (session_id,) = content.values()
    with session_factory(database_url)() as session:
        stored = [tuple(row) for row in session.execute(text("SELECT * FROM staff_sessions"))]
    assert stored and not any(session_id in map(str, row) for row in stored)
    digest = hashlib.sha256(session_id.encode()).hexdigest()
    assert any(digest in map(str, row) for row in stored)


# --- 3. account probing -----------------------------------------------------------------------


@pytest.fixture
def verifications(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every argon2 verification made, counted at the hasher itself."""
    made: list[str] = []
    real = PasswordHasher.verify

    def counting(self: PasswordHasher, hash: str | bytes, password: str | bytes) -> bool:
        made.append("verify")
        return real(self, hash, password)

    monkeypatch.setattr(PasswordHasher, "verify", counting)
    return made


def refusal(response: Any) -> str:
    match = re.search(r'<p class="error" role="alert">(.*?)</p>', response.get_data(as_text=True))
    assert match, response.get_data(as_text=True)[:500]
    return match.group(1)


def lock(url: str, username: str) -> None:
    with session_factory(url).begin() as session:
        session.execute(
            update(StaffUser)
            .where(StaffUser.username == username)
            .values(locked_until=datetime.now(timezone.utc) + timedelta(minutes=10))
        )


def disable(url: str, username: str) -> None:
    with session_factory(url).begin() as session:
        session.execute(
            update(StaffUser).where(StaffUser.username == username).values(active=False)
        )


FAILURES = {
    "unknown user": ("nobody", PASSWORD, None),
    "wrong password": ("rita", "wrong password!", None),
    "locked, right password": ("rita", PASSWORD, lock),
    "locked, wrong password": ("rita", "wrong password!", lock),
    "disabled, right password": ("rita", PASSWORD, disable),
    "disabled, wrong password": ("rita", "wrong password!", disable),
}


@pytest.mark.parametrize("case", FAILURES)
def test_every_failed_login_does_one_hash_verification_and_says_the_same(
    app: Flask, database_url: str, verifications: list[str], case: str
) -> None:
    username, password, prepare = FAILURES[case]
    if prepare is not None:
        prepare(database_url, username)
    client = app.test_client()
    token = csrf_of(client)
    verifications.clear()
    response = client.post(
        "/login", data={"username": username, "password": password, "csrf_token": token}
    )
    assert response.status_code == 401
    assert verifications == ["verify"], case
    assert refusal(response).startswith("Wrong username or password, or the account is locked.")


def test_a_successful_login_does_one_hash_verification(
    app: Flask, verifications: list[str]
) -> None:
    client = app.test_client()
    token = csrf_of(client)
    verifications.clear()
    response = client.post(
        "/login", data={"username": "rita", "password": PASSWORD, "csrf_token": token}
    )
    assert response.status_code == 302 and verifications == ["verify"]


def test_lock_out_is_still_enforced(app: Flask, database_url: str) -> None:
    from staff.security import MAX_FAILED_ATTEMPTS

    client = app.test_client()
    for _ in range(MAX_FAILED_ATTEMPTS):
        assert log_in(client, "rita", "wrong password!").status_code == 401
    assert log_in(client, "rita", PASSWORD).status_code == 401
    assert "locked" in [row.action for row in audit_rows(database_url)]


# --- 4. odd query parameters ------------------------------------------------------------------

BAD_QUERIES = [
    ("/?to=9999-12-31", "to"),
    ("/?from=0001-01-01", "from"),
    ("/?from=2026-02-30", "from"),
    ("/?from=yesterday", "from"),
    ("/?page=100000000000000000000", "page"),
    ("/?page=0", "page"),
    ("/?page=-1", "page"),
    ("/?page=two", "page"),
    ("/?max_confidence=nan", "max_confidence"),
    ("/?max_confidence=inf", "max_confidence"),
    ("/?max_confidence=1e999", "max_confidence"),
    ("/?max_confidence=-0.5", "max_confidence"),
    ("/?max_confidence=1.5", "max_confidence"),
    ("/?q=%00", "q"),
    ("/?q=" + "x" * 1000, "q"),
    ("/?topic=%00", "topic"),
    ("/?outcome=nonsense", "outcome"),
    ("/?reviewed=maybe", "reviewed"),
    ("/dashboard?from=0001-01-01", "from"),
    ("/dashboard?to=9999-12-31", "to"),
    ("/dashboard?from=0001-01-01&to=0001-01-01", "from"),
    ("/export/questions.csv?to=9999-12-31", "to"),
    ("/export/questions.csv?max_confidence=nan", "max_confidence"),
    ("/callbacks?status=lost", "status"),
]


@pytest.mark.parametrize(("path", "name"), BAD_QUERIES)
def test_an_odd_query_parameter_gets_a_400_that_names_it(
    reviewer: FlaskClient, path: str, name: str
) -> None:
    response = reviewer.get(path)
    assert response.status_code == 400, path
    assert f"{name}:" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "path",
    [
        "/questions/100000000000000000000/review",
        "/callbacks/100000000000000000000",
        "/admin/users/100000000000000000000/active",
    ],
)
def test_a_huge_id_is_not_found_rather_than_a_500(admin: FlaskClient, path: str) -> None:
    response = admin.post(path, data={"status": "new", "csrf_token": csrf_of(admin, "/")})
    assert response.status_code == 404


def test_a_control_character_in_a_conversation_id_is_a_400(reviewer: FlaskClient) -> None:
    assert reviewer.get("/conversations/conv%00one").status_code == 400


def test_a_nul_in_a_callback_note_is_dropped_not_a_500(
    reviewer: FlaskClient, database_url: str
) -> None:
    with session_factory(database_url).begin() as session:
        row = CallbackRequest(
            request_key="k-nul", conversation_id="conv-2", requested_at=datetime.now(timezone.utc),
            name="Ann Lee", phone="(860) 555-0199", preferred_time="any", consent=True,
            status="new",
        )  # fmt: skip
        session.add(row)
        session.flush()
        callback_id = row.id
    response = reviewer.post(
        f"/callbacks/{callback_id}",
        data={
            "status": "contacted",
            "notes": "rang\x00 twice",
            "csrf_token": csrf_of(reviewer, "/callbacks"),
        },
    )
    assert response.status_code == 302
    with session_factory(database_url)() as session:
        assert session.get(CallbackRequest, callback_id).notes == "rang twice"


# --- 5. audit of failures ---------------------------------------------------------------------


def test_a_single_failed_login_is_audited_without_the_password(
    app: Flask, database_url: str
) -> None:
    log_in(app.test_client(), "nobody", "s3cret attempt")
    log_in(app.test_client(), "rita", "another s3cret attempt")
    failed = [row for row in audit_rows(database_url) if row.action == "login_failed"]
    assert [row.username for row in failed] == ["nobody", "rita"]
    for row in audit_rows(database_url):
        assert "s3cret" not in f"{row.username} {row.detail}"


def test_a_403_is_audited_with_its_path_but_not_its_query(
    reviewer: FlaskClient, database_url: str
) -> None:
    assert reviewer.get("/admin/users?q=Mary+Smith+back+pain").status_code == 403
    (row,) = [row for row in audit_rows(database_url) if row.action == "forbidden"]
    assert row.username == "rita"
    assert "/admin/users" in (row.detail or "") and "Mary" not in (row.detail or "")


def test_a_csrf_failure_is_audited(reviewer: FlaskClient, app: Flask, database_url: str) -> None:
    assert reviewer.post("/logout?note=Mary+Smith").status_code == 400
    assert app.test_client().post("/login", data={"username": "eve"}).status_code == 400
    rows = [row for row in audit_rows(database_url) if row.action == "csrf_failed"]
    assert [(row.username, row.detail) for row in rows] == [
        ("rita", "POST /logout"),
        ("eve", "POST /login"),
    ]


# --- 6. the hospital's time zone --------------------------------------------------------------

# 15:30 UTC on 15 January is 10:30 in New York (EST, UTC-5) and 21:00 in Kolkata (UTC+5:30).
ASKED = datetime(2026, 1, 15, 15, 30, tzinfo=timezone.utc)


def test_times_are_shown_in_new_york_by_default(reviewer: FlaskClient, database_url: str) -> None:
    add_question(database_url, asked_at=ASKED, text="when can I shower")
    with session_factory(database_url).begin() as session:
        session.add(
            CallbackRequest(
                request_key="k-tz", conversation_id="conv-1", requested_at=ASKED,
                name="Ann Lee", phone="(860) 555-0199", preferred_time="any", consent=True,
                status="new",
            )
        )  # fmt: skip
    inbox = reviewer.get("/").get_data(as_text=True)
    assert "2026-01-15 10:30" in inbox and "15:30" not in inbox
    callbacks = reviewer.get("/callbacks").get_data(as_text=True)
    assert "2026-01-15 10:30" in callbacks and "15:30" not in callbacks
    csv_text = reviewer.get("/export/questions.csv").get_data(as_text=True)
    assert "asked_at_utc" in csv_text.splitlines()[0]
    assert "2026-01-15T15:30:00Z" in csv_text  # exports stay in UTC, and say so


def test_the_time_zone_is_a_setting(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STAFF_SECRET_FILE", str(tmp_path / "secret.key"))
    monkeypatch.setenv("HOSPITAL_TIMEZONE", "Asia/Kolkata")
    create_user(session_factory(database_url), "ravi", PASSWORD, "reviewer")
    add_question(database_url, asked_at=ASKED)
    client = create_app(database_url).test_client()
    assert log_in(client, "ravi").status_code == 302
    assert "2026-01-15 21:00" in client.get("/").get_data(as_text=True)


def test_an_unknown_time_zone_stops_the_console_from_starting(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STAFF_SECRET_FILE", str(tmp_path / "secret.key"))
    monkeypatch.setenv("HOSPITAL_TIMEZONE", "Mars/Olympus_Mons")
    with pytest.raises(ValueError, match="HOSPITAL_TIMEZONE"):
        create_app(database_url)


def test_days_are_the_hospitals_days(reviewer: FlaskClient, database_url: str) -> None:
    # 03:00 UTC on 16 January is 22:00 on 15 January in New York.
    add_question(database_url, asked_at=datetime(2026, 1, 16, 3, 0, tzinfo=timezone.utc))
    inbox = reviewer.get("/?from=2026-01-15&to=2026-01-15").get_data(as_text=True)
    assert "1 question;" in inbox
    dashboard = reviewer.get("/dashboard?from=2026-01-15&to=2026-01-15").get_data(as_text=True)
    assert re.findall(r"<dd>([^<]+)</dd>", dashboard)[0] == "1"


@pytest.mark.parametrize(
    ("asked", "day"),
    [
        # Daylight saving time starts on 8 March 2026 (UTC-5 before, UTC-4 after) ...
        (datetime(2026, 3, 8, 4, 30, tzinfo=timezone.utc), "2026-03-07"),  # 23:30 EST
        (datetime(2026, 3, 9, 3, 30, tzinfo=timezone.utc), "2026-03-08"),  # 23:30 EDT
        # ... and ends on 1 November 2026.
        (datetime(2026, 11, 1, 3, 30, tzinfo=timezone.utc), "2026-10-31"),  # 23:30 EDT
        (datetime(2026, 11, 2, 4, 30, tzinfo=timezone.utc), "2026-11-01"),  # 23:30 EST
    ],
)
def test_dashboard_days_follow_daylight_saving_time(
    reviewer: FlaskClient, database_url: str, asked: datetime, day: str
) -> None:
    add_question(database_url, asked_at=asked)
    html = reviewer.get("/dashboard?from=2026-01-01&to=2026-12-31").get_data(as_text=True)
    per_day = dict(re.findall(r"<title>(\d{4}-\d{2}-\d{2}): (\d+)</title>", html))
    assert {d: n for d, n in per_day.items() if n != "0"} == {day: "1"}


# --- found by the privacy outsider of issue 11 ---------------------------------------------------


def test_what_staff_search_for_is_not_kept_in_the_audit_log(
    reviewer: FlaskClient, database_url: str
) -> None:
    """A search for a call-back name was stored in the audit log, kept longer than the data."""
    assert reviewer.get("/?q=Quillfeather").status_code == 200
    assert reviewer.get("/export/questions.csv?q=Zebediah").status_code == 200
    details = " ".join(row.detail or "" for row in audit_rows(database_url))
    assert "Quillfeather" not in details and "Zebediah" not in details
    assert "[search text, 12 characters]" in details


def test_the_dashboards_date_range_is_audited_readably(
    reviewer: FlaskClient, database_url: str
) -> None:
    """It was stored as '[date removed]..[phone removed]'."""
    assert reviewer.get("/dashboard?from=2026-01-01&to=2026-02-01").status_code == 200
    (row,) = [row for row in audit_rows(database_url) if row.action == "view_dashboard"]
    assert row.detail == "2026-01-01..2026-02-01"
