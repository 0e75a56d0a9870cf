"""The staff console in headless Chromium: log in, filter, read a transcript, update a
callback request, log out."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page
from werkzeug.serving import make_server

from core.db.database import session_factory
from core.db.migrate import upgrade
from core.db.models import CallbackRequest, Question
from staff.app import create_app, create_user
from tests.servers import free_port
from tests.transcripts import save_transcript

pytestmark = pytest.mark.e2e
PASSWORD = "correct horse battery"


def seed(url: str) -> None:
    from rasa.shared.core.events import BotUttered, UserUttered

    now = datetime.now(timezone.utc)
    with session_factory(url).begin() as session:
        for i, (text, intent, outcome) in enumerate(
            [
                ("how long does it take?", "procedure_duration", "answered"),
                ("blorf zzz", "nlu_fallback", "fallback"),
                ("can I talk to someone", "contact", "handoff"),
            ]
        ):
            session.add(
                Question(
                    message_id=f"m{i}", conversation_id="conv-yesterday", asked_at=now,
                    channel="rest", text=text, text_truncated=False, intent=intent,
                    confidence=0.9 if outcome == "answered" else 0.3, response="...",
                    outcome=outcome,
                )
            )  # fmt: skip
        session.add(
            CallbackRequest(
                request_key="k", conversation_id="conv-yesterday", requested_at=now,
                name="Mary Smith", phone="(860) 555-0123", preferred_time="mornings",
                consent=True, status="new",
            )
        )  # fmt: skip
    save_transcript(
        url,
        "conv-yesterday",
        [
            UserUttered("how long does it take?", intent={"name": "procedure_duration"}),
            BotUttered("The procedure usually takes 1-2 hours."),
        ],
    )


@pytest.fixture(scope="module")
def console(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder: Path = tmp_path_factory.mktemp("staff")
    url = f"sqlite:///{folder / 'staff.db'}"
    upgrade(url)
    seed(url)
    create_user(session_factory(url), "rita", PASSWORD, "reviewer")
    previous = os.environ.get("STAFF_SECRET_FILE")
    os.environ["STAFF_SECRET_FILE"] = str(folder / "secret.key")
    try:
        app = create_app(url)
    finally:
        if previous is None:
            os.environ.pop("STAFF_SECRET_FILE")
        else:
            os.environ["STAFF_SECRET_FILE"] = previous
    port = free_port()
    server = make_server("127.0.0.1", port, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{port}"
    server.shutdown()


def test_a_reviewer_works_through_the_console(console: str, chromium: Browser) -> None:
    # `console` comes first: it seeds with asyncio.run(), before Playwright's loop exists.
    context = chromium.new_context()
    page: Page = context.new_page()
    page.goto(console + "/")
    assert page.url.startswith(console + "/login")
    page.get_by_label("Username").fill("rita")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("heading", name="Questions").wait_for()
    assert "3 questions" in page.locator(".count").inner_text()

    page.get_by_label("Outcome").select_option("fallback")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**outcome=fallback**")
    assert "1 question;" in page.locator(".count").inner_text()
    assert "blorf zzz" in page.locator("table.questions").inner_text()

    page.goto(console + "/")
    page.get_by_role("link", name="how long does it take?").click()
    page.get_by_role("heading", name="Conversation").wait_for()
    assert "The procedure usually takes 1-2 hours." in page.locator(".transcript").inner_text()

    page.get_by_role("link", name="Callback requests").click()
    page.get_by_label("Status for Mary Smith").select_option("contacted")
    page.get_by_label("Notes for Mary Smith").fill("called back, all clear")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Callback request updated.").wait_for()
    assert page.get_by_label("Status for Mary Smith").input_value() == "contacted"

    page.get_by_role("button", name="Log out").click()
    page.get_by_role("heading", name="Log in").wait_for()
    page.goto(console + "/callbacks")
    assert page.url.startswith(console + "/login")
    context.close()
