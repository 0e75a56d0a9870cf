"""Security suite of the staff console: who may do what on every route, what odd input does,
and that forms without their CSRF token are refused and audited.

- ACCESS: every route of the app (enumerated from `app.url_map`, so a new route cannot be
  forgotten: the test fails until the table has a row for it) x GET and POST x anonymous /
  reviewer / admin, with the answer expected for each.
- Fuzzing (hypothesis, derandomized, bounded): every GET page with odd query parameters
  (control characters, huge and negative numbers, nan, unicode, empty), and conversation ids
  and form fields, never gives a 5xx.
- CSRF: every POST route without its token, or with another session's, is a 400 and a
  `csrf_failed` row in the audit log.
- The session id changes at log-in, an idle session ends, passwords are argon2id, and every
  answer carries the security headers.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

import pytest
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text
from werkzeug.routing import Rule

from core.db.database import session_factory
from core.db.models import CallbackRequest
from core.db.staff_models import AuditEvent, StaffUser
from staff.app import create_app, create_user
from tests.staff_clients import PASSWORD, csrf_of, log_in
from tests.test_staff_console import add_question

ROLES = ("anonymous", "reviewer", "admin")
ACCOUNTS = {"reviewer": "rita", "admin": "adam"}


def to(path: str) -> str:
    """A redirect to `path` (its query string, such as login's `next`, is not compared)."""
    return f"302 {path}"


LOGIN = to("/login")

# endpoint -> method -> answer for (anonymous, reviewer, admin). An int is a status code.
# Anonymous requests to anything but the login page and static files go to the login page
# (the login check comes before routing's 405); a POST carries a valid CSRF token here.
ACCESS: dict[str, dict[str, tuple[int | str, int | str, int | str]]] = {
    "static": {  # /static/<path:filename>: the style sheet, public
        "GET": (200, 200, 200),
        "POST": (LOGIN, 405, 405),
    },
    "auth.login": {  # /login (the POST has no credentials)
        "GET": (200, 200, 200),
        "POST": (401, 401, 401),
    },
    "auth.logout": {  # /logout
        "GET": (LOGIN, 405, 405),
        "POST": (LOGIN, LOGIN, LOGIN),
    },
    "auth.password": {  # /account/password (the POST has a wrong current password)
        "GET": (LOGIN, 200, 200),
        "POST": (LOGIN, 400, 400),
    },
    "questions.inbox": {  # /
        "GET": (LOGIN, 200, 200),
        "POST": (LOGIN, 405, 405),
    },
    "questions.review": {  # /questions/<id>/review
        "GET": (LOGIN, 405, 405),
        "POST": (LOGIN, to("/"), to("/")),
    },
    "questions.conversation": {  # /conversations/<path:conversation_id>
        "GET": (LOGIN, 200, 200),
        "POST": (LOGIN, 405, 405),
    },
    "exports.questions_csv": {  # /export/questions.csv
        "GET": (LOGIN, 200, 200),
        "POST": (LOGIN, 405, 405),
    },
    "questions.export_nlu": {  # /export/nlu.yml
        "GET": (LOGIN, 200, 200),
        "POST": (LOGIN, 405, 405),
    },
    "callbacks.index": {  # /callbacks
        "GET": (LOGIN, 200, 200),
        "POST": (LOGIN, 405, 405),
    },
    "callbacks.update": {  # /callbacks/<id>
        "GET": (LOGIN, 405, 405),
        "POST": (LOGIN, to("/callbacks"), to("/callbacks")),
    },
    "dashboard.index": {  # /dashboard
        "GET": (LOGIN, 200, 200),
        "POST": (LOGIN, 405, 405),
    },
    "admin.users": {  # /admin/users (the POST creates an account)
        "GET": (LOGIN, 403, 200),
        "POST": (LOGIN, 403, 200),
    },
    "admin.set_active": {  # /admin/users/<id>/active (the POST disables an account)
        "GET": (LOGIN, 405, 405),
        "POST": (LOGIN, 403, to("/admin/users")),
    },
    "admin.retention": {  # /admin/retention (the POST deletes what is past retention)
        "GET": (LOGIN, 403, 200),
        "POST": (LOGIN, 403, to("/admin/retention")),
    },
    "admin.erase": {  # /admin/conversations/<path:conversation_id>/erase (the POST erases it)
        "GET": (LOGIN, 403, 200),
        "POST": (LOGIN, 403, to("/")),
    },
    "admin.quarantine": {  # /admin/quarantine
        "GET": (LOGIN, 403, 200),
        "POST": (LOGIN, 405, 405),
    },
}
# A path that is no route at all: anonymous visitors learn nothing (login first).
UNKNOWN_PATH = ("/no/such/page", (LOGIN, 404, 404))

# What each POST sends besides its CSRF token.
FORMS: dict[str, dict[str, str]] = {
    "callbacks.update": {"status": "contacted", "notes": "rang twice"},
    "admin.users": {"username": "", "password": PASSWORD, "role": "reviewer"},  # filled per request
    "admin.set_active": {"active": "0"},
    "questions.review": {"corrected_intent": ""},
    "auth.password": {
        "current_password": "not the password",
        "new_password": "a new long passphrase",
        "confirm_password": "a new long passphrase",
    },
}
SECURITY_HEADERS = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


@dataclass
class Seeded:
    """Rows the routes' ids point at."""

    question_id: int
    callback_id: int
    victim_id: int  # an account the admin may disable


@pytest.fixture
def seeded(app: Flask, database_url: str) -> Seeded:
    question_id = add_question(database_url)
    create_user(session_factory(database_url), "vic", PASSWORD, "reviewer")
    with session_factory(database_url).begin() as session:
        callback = CallbackRequest(
            request_key="k-security", conversation_id="conv-1",
            requested_at=datetime.now(timezone.utc), name="Ann Lee", phone="(860) 555-0199",
            preferred_time="mornings", consent=True, status="new",
        )  # fmt: skip
        session.add(callback)
        session.flush()
        callback_id = int(callback.id)
        victim_id = session.execute(
            select(StaffUser.id).where(StaffUser.username == "vic")
        ).scalar_one()
    return Seeded(question_id, callback_id, int(victim_id))


def client_as(app: Flask, role: str) -> FlaskClient:
    client = app.test_client()
    if role != "anonymous":
        assert log_in(client, ACCOUNTS[role]).status_code == 302
    return client


def routes(app: Flask) -> list[Rule]:
    return sorted(app.url_map.iter_rules(), key=lambda rule: rule.rule)


def url_of(app: Flask, rule: Rule, seeded: Seeded) -> str:
    samples: dict[str, Any] = {
        "question_id": seeded.question_id,
        "callback_id": seeded.callback_id,
        "user_id": seeded.victim_id,
        # Erasing conv-1 would delete the rows the other routes' ids point at.
        "conversation_id": "conv-2" if rule.endpoint == "admin.erase" else "conv-1",
        "filename": "staff.css",
    }
    missing = rule.arguments - set(samples)
    assert not missing, f"add a sample value for {missing} of {rule.rule}"
    values = {name: samples[name] for name in rule.arguments}
    return app.url_map.bind("localhost").build(rule.endpoint, values, force_external=False)


def answer(response: Any) -> int | str:
    if 300 <= response.status_code < 400:
        return to(urlsplit(response.headers["Location"]).path)
    return int(response.status_code)


def request(app: Flask, role: str, method: str, path: str, endpoint: str) -> Any:
    client = client_as(app, role)
    if method == "GET":
        return client.get(path)
    form = dict(FORMS.get(endpoint, {}))
    if endpoint == "admin.users":
        form["username"] = f"new-{uuid.uuid4().hex[:8]}"
    form["csrf_token"] = csrf_of(client, "/login")
    return client.post(path, data=form)


# --- who may do what --------------------------------------------------------------------------


def test_the_access_table_has_every_route_of_the_app(app: Flask) -> None:
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    assert endpoints == set(ACCESS), (
        f"routes without a row in ACCESS: {sorted(endpoints - set(ACCESS))}; "
        f"rows without a route: {sorted(set(ACCESS) - endpoints)}"
    )
    for rule in app.url_map.iter_rules():
        for method in ("GET", "POST"):
            if method not in ACCESS[rule.endpoint]:
                pytest.fail(f"ACCESS[{rule.endpoint!r}] needs an answer for {method}")


@pytest.mark.parametrize("role", ROLES)
def test_every_route_answers_each_role_as_the_table_says(
    app: Flask, seeded: Seeded, role: str
) -> None:
    column = ROLES.index(role)
    expected: dict[str, int | str] = {}
    actual: dict[str, int | str] = {}
    for rule in routes(app):
        path = url_of(app, rule, seeded)
        for method in ("GET", "POST"):
            key = f"{method} {rule.rule}"
            expected[key] = ACCESS[rule.endpoint][method][column]
            response = request(app, role, method, path, rule.endpoint)
            actual[key] = answer(response)
            for header, value in SECURITY_HEADERS.items():
                assert response.headers.get(header) == value, (key, header)
            assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
            assert "Access-Control-Allow-Origin" not in response.headers, key  # no CORS
            content_type = response.headers["Content-Type"]
            assert not content_type.startswith("text/") or "charset=utf-8" in content_type
    path, answers = UNKNOWN_PATH
    expected[f"GET {path}"] = answers[column]
    actual[f"GET {path}"] = answer(client_as(app, role).get(path))
    assert actual == expected


# --- odd input never gives a 5xx --------------------------------------------------------------

QUERY_PARAMETERS = ("from", "to", "topic", "outcome", "max_confidence", "reviewed", "q", "page")
OTHER_PARAMETERS = ("status", "next")
FORM_FIELDS = ("username", "password", "role", "active", "status", "notes", "corrected_intent")
OTHER_FORM_FIELDS = ("back", "current_password", "new_password", "confirm_password")
ODD_STRINGS = [
    *("", "nan", "NaN", "inf", "-inf", "1e999", "-0", "0", "1", "-1", "0.5", "1.0000001"),
    *("9999-12-31", "0001-01-01", "2026-02-30", "2026-01-15", "2099-12-31", "1999-12-31"),
    *("\x00", "%00", "\r\n", "\t", "\uff11\uff12", "\u0663", "0x10", "1_000", " 1", "yes"),
    *("no", "fallback", "new", "100000000000000000000", "-100000000000000000000"),
    *("<script>alert(1)</script>", "' OR 1=1 --", "%", "_", "\\", "//evil.example"),
]
PARAMETER_NAMES = st.one_of(
    st.sampled_from((*QUERY_PARAMETERS, *OTHER_PARAMETERS)), st.text(min_size=1, max_size=8)
)
ODD_VALUES = st.one_of(
    st.sampled_from(ODD_STRINGS),
    st.text(max_size=40),
    st.text(st.characters(max_codepoint=0x9F), max_size=6),  # control characters
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.floats().map(repr),
    st.dates().map(str),
    st.text(min_size=190, max_size=260),
)
FUZZ = settings(
    derandomize=True,
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def get_pages(app: Flask, seeded: Seeded) -> list[str]:
    return [
        url_of(app, rule, seeded)
        for rule in routes(app)
        if "GET" in rule.methods and rule.endpoint != "static"  # type: ignore[operator]
    ]


@FUZZ
@given(data=st.data())
def test_odd_query_parameters_never_give_a_5xx(
    admin: FlaskClient, app: Flask, seeded: Seeded, data: st.DataObject
) -> None:
    page = data.draw(st.sampled_from(get_pages(app, seeded)), label="page")
    query = data.draw(st.dictionaries(PARAMETER_NAMES, ODD_VALUES, max_size=4), label="query")
    response = admin.get(f"{page}?{urlencode(query)}")
    assert response.status_code < 500, (page, query)
    if response.status_code == 400:
        assert "That is not possible" in response.get_data(as_text=True)


@FUZZ
@given(conversation_id=st.text(min_size=1, max_size=300))
def test_odd_conversation_ids_never_give_a_5xx(admin: FlaskClient, conversation_id: str) -> None:
    response = admin.get("/conversations/" + quote(conversation_id, safe=""))
    assert response.status_code < 500, conversation_id


@settings(FUZZ, max_examples=60)
@given(
    endpoint=st.sampled_from([*sorted(FORMS), "auth.login"]),
    values=st.dictionaries(
        st.sampled_from((*FORM_FIELDS, *OTHER_FORM_FIELDS)), ODD_VALUES, max_size=4
    ),
)
def test_odd_form_fields_never_give_a_5xx(
    app: Flask, seeded: Seeded, endpoint: str, values: dict[str, str]
) -> None:
    client = client_as(app, "admin")
    rule = next(rule for rule in app.url_map.iter_rules() if rule.endpoint == endpoint)
    response = client.post(
        url_of(app, rule, seeded), data={**values, "csrf_token": csrf_of(client, "/login")}
    )
    assert response.status_code < 500, (endpoint, values)


def test_reflected_parameters_are_escaped(admin: FlaskClient) -> None:
    html = admin.get("/?q=%3Cscript%3Ealert(1)%3C/script%3E").get_data(as_text=True)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>" not in html


# --- CSRF ------------------------------------------------------------------------------------


def post_routes(app: Flask) -> list[Rule]:
    return [rule for rule in routes(app) if "POST" in rule.methods]  # type: ignore[operator]


@pytest.mark.parametrize("role", ["anonymous", "reviewer"])
def test_every_post_route_refuses_a_missing_or_foreign_csrf_token_and_audits_it(
    app: Flask, seeded: Seeded, database_url: str, role: str
) -> None:
    foreign = csrf_of(client_as(app, "admin"), "/login")  # valid, but another session's
    refused: list[str] = []
    for rule in post_routes(app):
        path = url_of(app, rule, seeded)
        for token in (None, foreign, "forged"):
            client = client_as(app, role)
            data = {**FORMS.get(rule.endpoint, {})}
            if token is not None:
                data["csrf_token"] = token
            response = client.post(path, data=data)
            assert response.status_code == 400, (role, rule.rule, token)
            refused.append(f"POST {path}")
    with session_factory(database_url)() as session:
        audited = list(
            session.execute(
                select(AuditEvent.detail)
                .where(AuditEvent.action == "csrf_failed")
                .order_by(AuditEvent.id)
            ).scalars()
        )
    assert audited == refused


def test_the_csrf_token_is_the_sessions_own_and_changes_at_login(app: Flask) -> None:
    client = app.test_client()
    before = csrf_of(client, "/login")
    assert log_in(client, "rita").status_code == 302
    after = csrf_of(client, "/")
    other = client_as(app, "reviewer")
    assert before != after and after != csrf_of(other, "/")


# --- sessions and passwords -------------------------------------------------------------------


def session_id_of(app: Flask, client: FlaskClient) -> str:
    cookie = client.get_cookie("staff_session")
    assert cookie is not None
    serializer = app.session_interface.get_signing_serializer(app)  # type: ignore[attr-defined]
    return str(serializer.loads(cookie.value)["sid"])


def test_the_session_id_changes_at_login(app: Flask) -> None:
    client = app.test_client()
    client.get("/login")
    planted = session_id_of(app, client)
    assert log_in(client, "rita").status_code == 302
    assert session_id_of(app, client) != planted


def test_a_session_idle_too_long_ends(app: Flask, database_url: str) -> None:
    from staff.login_sessions import IDLE_MINUTES

    client = client_as(app, "reviewer")
    assert client.get("/").status_code == 200
    with session_factory(database_url).begin() as session:
        session.execute(
            text("UPDATE staff_sessions SET last_seen_at = :then"),
            {"then": datetime.now(timezone.utc) - timedelta(minutes=IDLE_MINUTES + 1)},
        )
    assert answer(client.get("/")) == LOGIN


def test_a_session_in_use_is_not_idle(app: Flask, database_url: str) -> None:
    client = client_as(app, "reviewer")
    with session_factory(database_url).begin() as session:
        session.execute(
            text("UPDATE staff_sessions SET last_seen_at = :then"),
            {"then": datetime.now(timezone.utc) - timedelta(minutes=5)},
        )
    assert client.get("/").status_code == 200
    with session_factory(database_url)() as session:
        seen = session.execute(text("SELECT last_seen_at FROM staff_sessions")).scalar_one()
    seen = seen if isinstance(seen, datetime) else datetime.fromisoformat(seen)
    seen = seen if seen.tzinfo else seen.replace(tzinfo=timezone.utc)
    assert datetime.now(timezone.utc) - seen < timedelta(minutes=1)  # the visit was noted


def test_passwords_are_stored_as_argon2id(app: Flask, database_url: str) -> None:
    with session_factory(database_url)() as session:
        hashes = list(session.execute(select(StaffUser.password_hash)).scalars())
    assert hashes and all(h.startswith("$argon2id$") for h in hashes)
    assert not any(PASSWORD in h for h in hashes)


def test_the_password_field_is_masked_managers_may_fill_it_and_it_is_never_echoed(
    app: Flask,
) -> None:
    client = app.test_client()
    html = client.get("/login").get_data(as_text=True)
    field = re.search(r'<input[^>]*name="password"[^>]*>', html)
    assert field and 'type="password"' in field.group(0)
    assert 'autocomplete="current-password"' in field.group(0)  # password managers welcome
    refused = log_in(client, "rita", "a wrong password").get_data(as_text=True)
    assert "a wrong password" not in refused


def test_a_fresh_database_has_no_accounts(database_url: str) -> None:
    with session_factory(database_url)() as session:
        assert session.execute(select(StaffUser)).first() is None  # no default account


def test_an_unexpected_error_shows_no_details(app: Flask, monkeypatch: pytest.MonkeyPatch) -> None:
    from staff import queries

    def broken(*_args: Any) -> Any:
        raise RuntimeError("secret internals /var/lib/db")

    client = client_as(app, "reviewer")
    app.testing = False  # as in production: the error is not raised into the test
    monkeypatch.setattr(queries, "inbox_page", broken)
    response = client.get("/")
    assert response.status_code == 500
    body = response.get_data(as_text=True)
    assert "secret internals" not in body and "Traceback" not in body


def test_a_repeated_parameter_uses_its_first_value(admin: FlaskClient) -> None:
    assert admin.get("/?page=1&page=nonsense").status_code == 200
    assert admin.get("/?page=nonsense&page=1").status_code == 400


def change_password(client: FlaskClient, current: str, new: str) -> Any:
    return client.post(
        "/account/password",
        data={
            "current_password": current,
            "new_password": new,
            "confirm_password": new,
            "csrf_token": csrf_of(client, "/account/password"),
        },
    )


def test_passwords_may_be_long_and_any_characters_but_not_over_128(app: Flask) -> None:
    client = client_as(app, "reviewer")
    assert change_password(client, PASSWORD, "x" * 129).status_code == 400
    long_one = "correct horse battery staple " * 4  # 116 characters, spaces kept as typed
    assert change_password(client, PASSWORD, long_one).status_code == 302
    emoji = "\U0001f512 Ünïcödé pass phrase \U0001f40e"
    assert change_password(client, long_one, emoji).status_code == 302
    assert log_in(app.test_client(), "rita", emoji).status_code == 302
    assert log_in(app.test_client(), "rita", emoji.strip("\U0001f40e ")).status_code == 401


def test_over_https_the_cookie_is_host_only_and_hsts_is_sent(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STAFF_SECRET_FILE", str(tmp_path / "secret.key"))
    create_user(session_factory(database_url), "sam", PASSWORD, "reviewer")
    client = create_app(database_url, secure_cookies=True).test_client()
    response = log_in(client, "sam")
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("__Host-staff_session=") and "Secure" in cookie
    assert "Path=/" in cookie and "Domain" not in cookie
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")
    over_http = create_app(database_url).test_client()
    assert "Strict-Transport-Security" not in log_in(over_http, "sam").headers


def test_no_session_id_ever_appears_in_a_url(app: Flask) -> None:
    client = app.test_client()
    response = log_in(client, "rita")
    session_id = session_id_of(app, client)
    assert session_id not in response.headers["Location"]
    assert session_id not in client.get("/").get_data(as_text=True)
