"""Each blueprint of the staff console works alone: an app built with it and the `auth`
blueprint (the log-in every page needs) serves its pages, and no query parameter, however
odd, gets a 500 from any of its views.

Why: the views were closures inside one `create_app`, testable only all together. Now each
module of staff/views/ is a blueprint over shared helpers (staff/console.py) and queries
(staff/queries.py); these tests hold that shape, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from html import unescape
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
from flask import Blueprint, Flask
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from werkzeug.exceptions import HTTPException

from staff.app import create_app
from staff.views import BLUEPRINTS, admin, auth, callbacks, dashboard, exports, questions
from tests.staff_clients import log_in
from tests.test_staff_console import add_question

VIEWS = Path(__file__).resolve().parent.parent / "staff" / "views"
INBOX_PARAMETERS = (
    "from", "to", "topic", "outcome", "max_confidence", "reviewed", "feedback", "q", "page",
)  # fmt: skip
# blueprint -> its GET pages (conv-1 has a logged question) and the parameters they read.
PAGES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "questions": (("/", "/conversations/conv-1", "/export/nlu.yml"), INBOX_PARAMETERS),
    "callbacks": (("/callbacks",), ("status",)),
    "dashboard": (("/dashboard",), ("from", "to")),
    "exports": (("/export/questions.csv",), INBOX_PARAMETERS),
    "admin": (
        ("/admin/users", "/admin/retention", "/admin/quarantine", "/admin/conversations/c/erase"),
        ("status", "page"),  # read by none of them: ignored, still never a 500
    ),
}
ALONE = [questions.blueprint, callbacks.blueprint, dashboard.blueprint, exports.blueprint]
ALONE.append(admin.blueprint)

HOSTILE = st.one_of(
    st.sampled_from(
        [
            *("", "nan", "-inf", "1e999", "-1", "0", "10" * 30, "9999-12-31", "2026-02-30"),
            *("\x00", "%00", "\r\n", "\uff11", "yes", "<script>x</script>", "' OR 1=1 --"),
            *("%", "\\", "[]", "{}", "true", "None", "0x10", "1_000", " 1"),
        ]
    ),
    st.text(max_size=30),
    st.text(st.characters(max_codepoint=0x9F), max_size=6),  # control characters
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    st.floats().map(repr),
    st.text(min_size=190, max_size=400),
)
FUZZ = settings(
    derandomize=True,
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def app_with(database_url: str, *blueprints: Blueprint) -> Flask:
    """The console with only `blueprints` (and auth, for the log-in)."""
    console = create_app(database_url, blueprints=(auth.blueprint, *blueprints))
    console.testing = True
    return console


def admin_client(console: Flask) -> FlaskClient:
    """An admin (every blueprint's pages are open to one) logged in to `console`."""
    client = console.test_client()
    assert log_in(client, "adam").status_code == 302
    return client


@pytest.fixture
def alone(app: Flask, database_url: str) -> Callable[[Blueprint], FlaskClient]:
    """`alone(blueprint)`: an admin logged in to an app of that blueprint and auth only
    (`app` is asked for its accounts, rita and adam)."""
    add_question(database_url)
    clients: dict[str, FlaskClient] = {}

    def client_of(blueprint: Blueprint) -> FlaskClient:
        if blueprint.name not in clients:
            clients[blueprint.name] = admin_client(app_with(database_url, blueprint))
        return clients[blueprint.name]

    return client_of


def dead_links(console: Flask, html: str) -> list[str]:
    """The links of a page that lead to no page of `console`."""
    urls = console.url_map.bind("localhost")
    dead = []
    for href in re.findall(r'href="(/[^"?]*)', html):
        try:
            urls.match(unescape(href), method="GET")
        except HTTPException:
            dead.append(href)
    return dead


def test_the_console_is_the_blueprints_together(app: Flask) -> None:
    assert set(app.blueprints) == {b.name for b in BLUEPRINTS}
    assert {name for name in PAGES} | {"auth"} == set(app.blueprints)
    for rule in app.url_map.iter_rules():
        assert rule.endpoint == "static" or "." in rule.endpoint, rule  # none on the app


@pytest.mark.parametrize("blueprint", ALONE, ids=lambda b: b.name)
def test_each_blueprint_serves_its_pages_alone(
    alone: Callable[[Blueprint], FlaskClient], blueprint: Blueprint
) -> None:
    client = alone(blueprint)
    console = client.application
    names = {rule.endpoint.split(".")[0] for rule in console.url_map.iter_rules()}
    assert names == {"static", "auth", blueprint.name}
    paths, _ = PAGES[blueprint.name]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, (path, response.get_data(as_text=True)[:300])
        if response.mimetype == "text/html":  # links to absent pages are plain text
            assert not dead_links(console, response.get_data(as_text=True)), path
    assert client.get("/no/such/page").status_code == 404


def test_auth_alone_logs_in_to_the_password_page(app: Flask, database_url: str) -> None:
    """Without the inbox, a log-in lands on one's own password page, and logging out works."""
    console = app_with(database_url)
    client = console.test_client()
    response = log_in(client, "rita")
    assert response.status_code == 302 and response.headers["Location"] == "/account/password"
    assert client.get("/account/password").status_code == 200
    assert client.get("/").status_code == 404  # logged in, and there is no inbox here


def test_admin_blueprint_alone_still_refuses_a_reviewer(app: Flask, database_url: str) -> None:
    client = app_with(database_url, admin.blueprint).test_client()
    assert log_in(client, "rita").status_code == 302
    for path in PAGES["admin"][0]:
        assert client.get(path).status_code == 403, path


@pytest.mark.parametrize("blueprint", ALONE, ids=lambda b: b.name)
@FUZZ
@given(data=st.data())
def test_odd_query_parameters_never_give_a_5xx_from_a_blueprint_alone(
    alone: Callable[[Blueprint], FlaskClient], blueprint: Blueprint, data: st.DataObject
) -> None:
    client = alone(blueprint)
    paths, names = PAGES[blueprint.name]
    path = data.draw(st.sampled_from(paths), label="path")
    query = data.draw(
        st.dictionaries(
            st.one_of(st.sampled_from(names), st.text(min_size=1, max_size=6)),
            st.lists(HOSTILE, min_size=1, max_size=3),  # repeated parameters too
            max_size=4,
        ),
        label="query",
    )
    response = client.get(f"{path}?{urlencode(query, doseq=True)}")
    assert response.status_code < 500, (path, query)
    if response.status_code == 400:
        assert "That is not possible" in response.get_data(as_text=True)


@settings(FUZZ, max_examples=30)
@given(conversation_id=st.text(min_size=1, max_size=300))
def test_odd_conversation_ids_never_give_a_5xx_from_questions_alone(
    alone: Callable[[Blueprint], FlaskClient], conversation_id: str
) -> None:
    client = alone(questions.blueprint)
    response = client.get("/conversations/" + quote(conversation_id, safe=""))
    assert response.status_code < 500, conversation_id


@pytest.mark.parametrize("module", sorted(VIEWS.glob("*.py")), ids=lambda p: p.name)
def test_views_leave_every_query_to_queries_py(module: Path) -> None:
    """No view module imports SQLAlchemy or calls `execute`: its SQL is in staff/queries.py."""
    tree = ast.parse(module.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            assert not (node.module or "").startswith("sqlalchemy"), node.module
        if isinstance(node, ast.Import):
            assert not any(a.name.startswith("sqlalchemy") for a in node.names)
        if isinstance(node, ast.Attribute):
            assert node.attr not in {"execute", "scalars", "scalar_one"}, ast.unparse(node)
