"""The website widget in a real headless Chromium, against the real running assistant.

Debian's Chromium (/usr/bin/chromium, installed by .ci/run) is driven by Playwright; no
browser is downloaded. Screenshots for people to look at are written to
artifacts/screenshots/ (ignored by git, kept by CI).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Dialog, Page, ViewportSize

from tests.project import ROOT
from tests.servers import Assistant, free_port, running_assistant

pytestmark = pytest.mark.e2e

SCREENSHOTS = ROOT / "artifacts" / "screenshots"
PHONE: ViewportSize = {"width": 375, "height": 740}
DESKTOP: ViewportSize = {"width": 1280, "height": 800}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Assistant]]:
    """The demo site (served in-process) and an assistant that allows only its origin."""
    from web.demo_site import make_server

    site_port = free_port()
    site_url = f"http://127.0.0.1:{site_port}"
    with running_assistant(
        tmp_path_factory.mktemp("browser"), cors_origins=(site_url,)
    ) as assistant:
        server = make_server(site_port, assistant.rasa_url)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield site_url, assistant
        finally:
            server.shutdown()


@pytest.fixture(scope="module")
def browser(site: tuple[str, Assistant], chromium: Browser) -> Browser:
    return chromium


@pytest.fixture
def dialogs() -> list[str]:
    """Messages of any alert() the page showed: there must never be one (XSS)."""
    return []


@pytest.fixture
def page(browser: Browser, site: tuple[str, Assistant], dialogs: list[str]) -> Iterator[Page]:
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()

    def on_dialog(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.goto(site[0] + "/")
    yield page
    context.close()


def open_widget(page: Page) -> None:
    page.get_by_role("button", name="Open chat: questions about vertebroplasty").click()
    page.locator(".vc-bot").first.wait_for()


def ask(page: Page, text: str) -> None:
    before = page.locator(".vc-bot").count()
    page.get_by_label("Type your question").fill(text)
    page.get_by_label("Type your question").press("Enter")
    page.wait_for_function(
        "n => document.querySelectorAll('.vc-bot').length > n", arg=before, timeout=30_000
    )


def test_ask_how_long_it_takes(page: Page) -> None:
    open_widget(page)
    assert "not medical advice" in page.locator(".vc-bot").first.inner_text()
    ask(page, "how long does it take?")
    assert "1-2 hours" in page.locator(".vc-bot").last.inner_text()
    assert page.locator(".vc-user").last.inner_text().endswith("how long does it take?")


def test_quick_reply_buttons_send_their_topic(page: Page) -> None:
    open_widget(page)
    ask(page, "what can you do?")
    before = page.locator(".vc-bot").count()
    page.get_by_role("button", name="Recovery").click()
    page.wait_for_function(
        "n => document.querySelectorAll('.vc-bot').length > n", arg=before, timeout=30_000
    )
    assert "48 hours" in page.locator(".vc-bot").last.inner_text()
    assert page.locator(".vc-user").last.inner_text().endswith("Recovery")


def test_history_survives_reload_and_navigation(page: Page, site: tuple[str, Assistant]) -> None:
    open_widget(page)
    ask(page, "is it covered by medicare?")
    # The insurance answer is followed by the contact details (issue 24): the whole history
    # must come back, not only its last bubble.
    replies = page.locator(".vc-bot").all_inner_texts()
    assert any("Medicare" in text for text in replies)
    sender = page.evaluate("JSON.parse(sessionStorage.getItem('vertebroChat:v1')).sender")
    page.reload()
    page.locator(".vc-bot").first.wait_for()
    assert page.locator(".vc-bot").all_inner_texts() == replies
    page.get_by_role("link", name="Contact us").click()
    page.locator(".vc-bot").first.wait_for()
    assert page.evaluate("JSON.parse(sessionStorage.getItem('vertebroChat:v1')).sender") == sender
    ask(page, "and how long does it take?")
    assert "1-2 hours" in page.locator(".vc-bot").last.inner_text()
    assert page.locator(".vc-user").count() == 2


def test_emergency_message_stands_out(page: Page) -> None:
    open_widget(page)
    ask(page, "I have chest pain and I can't breathe")
    emergency = page.locator(".vc-emergency")
    emergency.wait_for()
    assert "911" in emergency.inner_text()
    colour = emergency.evaluate("e => getComputedStyle(e).backgroundColor")
    normal = page.locator(".vc-bot:not(.vc-emergency)").first.evaluate(
        "e => getComputedStyle(e).backgroundColor"
    )
    assert colour != normal


def test_html_in_messages_is_shown_as_text(page: Page, dialogs: list[str]) -> None:
    open_widget(page)
    attack = "<img src=x onerror=alert(1)>"
    ask(page, attack)
    assert page.locator(".vc-user").last.inner_text().endswith(attack)
    assert page.locator(".vc-log img").count() == 0
    assert dialogs == []


def test_accessibility_scan_finds_no_serious_violations(page: Page) -> None:
    from axe_playwright_python.sync_playwright import Axe

    open_widget(page)
    ask(page, "what can you do?")
    results = Axe().run(page)
    serious = [
        (v["id"], v["impact"], v["help"])
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == [], serious
    log = page.locator(".vc-log")
    assert log.get_attribute("role") == "log" and log.get_attribute("aria-live") == "polite"


def test_keyboard_only_use(page: Page) -> None:
    launcher = page.locator(".vc-launcher")
    for _ in range(20):  # Tab through the page until the launcher has focus
        page.keyboard.press("Tab")
        if launcher.evaluate("e => e === document.activeElement"):
            break
    else:
        pytest.fail("the launcher cannot be reached with Tab")
    page.keyboard.press("Enter")
    page.locator(".vc-bot").first.wait_for()
    assert page.evaluate("document.activeElement.id") == "vc-input"
    page.keyboard.type("help")
    before = page.locator(".vc-bot").count()
    page.keyboard.press("Enter")
    page.wait_for_function(
        "n => document.querySelectorAll('.vc-bot').length > n", arg=before, timeout=30_000
    )
    page.locator(".vc-quick-reply").first.focus()
    outline = page.locator(".vc-quick-reply").first.evaluate(
        "e => getComputedStyle(e).outlineStyle"
    )
    assert outline != "none"  # focus is visible
    page.keyboard.press("Escape")
    assert page.locator(".vc-panel").is_hidden()
    assert launcher.evaluate("e => e === document.activeElement")


def test_screenshots_on_phone_and_desktop(browser: Browser, site: tuple[str, Assistant]) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        page.goto(site[0] + "/")
        open_widget(page)
        ask(page, "how long does it take?")
        panel = page.locator(".vc-panel").bounding_box()
        assert panel and panel["x"] >= 0 and panel["x"] + panel["width"] <= viewport["width"]
        page.screenshot(path=str(SCREENSHOTS / f"widget-{name}.png"))
        context.close()
    assert (SCREENSHOTS / "widget-phone.png").stat().st_size > 10_000


def test_offline_message_then_queued_message_is_sent(
    page: Page, site: tuple[str, Assistant]
) -> None:
    """Last in this module: it stops and restarts the Rasa server."""
    _, assistant = site
    open_widget(page)
    assistant.stop_rasa()
    try:
        page.get_by_label("Type your question").fill("what are the risks?")
        page.get_by_label("Type your question").press("Enter")
        status = page.locator(".vc-status")
        status.wait_for(timeout=30_000)
        assert "can't be reached" in status.inner_text()
        assert "911" in status.inner_text()
        assert page.locator(".vc-pending").count() == 1
    finally:
        assistant.start_rasa()
    page.wait_for_function(
        "() => document.querySelectorAll('.vc-pending').length === 0", timeout=60_000
    )
    page.locator(".vc-bot", has_text="rare").wait_for(timeout=30_000)
    assert page.locator(".vc-status").inner_text() == ""


def test_the_widget_uses_a_server_issued_token_and_renews_one_the_server_refuses(
    page: Page, site: tuple[str, Assistant]
) -> None:
    open_widget(page)
    token = page.evaluate("JSON.parse(sessionStorage.getItem('vertebroChat:v1')).sender")
    assert site[1].keys().conversation_id(token) is not None  # issued by this server
    # A token the server does not know (e.g. after its key changed): the widget gets a new one
    # and the patient still gets the answer.
    page.evaluate(
        "() => { const s = JSON.parse(sessionStorage.getItem('vertebroChat:v1'));"
        " s.sender = 'v1.AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA';"
        " sessionStorage.setItem('vertebroChat:v1', JSON.stringify(s)); }"
    )
    page.reload()
    page.locator(".vc-bot").first.wait_for()
    ask(page, "how long does it take?")
    assert "1-2 hours" in page.locator(".vc-bot").last.inner_text()
    renewed = page.evaluate("JSON.parse(sessionStorage.getItem('vertebroChat:v1')).sender")
    assert renewed != token and site[1].keys().conversation_id(renewed) is not None


def test_a_message_over_the_limit_is_not_sent(page: Page) -> None:
    open_widget(page)
    box = page.get_by_label("Type your question")
    assert box.get_attribute("maxlength") == "1000"
    before = page.locator(".vc-user").count()
    box.evaluate("el => { el.removeAttribute('maxlength'); el.value = 'x'.repeat(1001); }")
    box.press("Enter")
    assert "under 1,000 characters" in page.locator(".vc-status").inner_text()
    assert page.locator(".vc-user").count() == before


def test_where_does_this_come_from_opens_with_the_keyboard(page: Page) -> None:
    """Issue 14: the page passage under an answer, behind a keyboard-accessible disclosure."""
    from axe_playwright_python.sync_playwright import Axe

    open_widget(page)
    ask(page, "how long does it take?")
    answer = page.locator(".vc-bot").last
    summary = answer.locator(".vc-source summary")
    assert summary.inner_text() == "Where does this come from?"
    passage = answer.locator(".vc-source-passage")
    assert passage.is_hidden()  # closed until asked for
    summary.focus()
    page.keyboard.press("Enter")
    assert passage.is_visible()
    assert "takes from 1-2 hours to perform" in passage.inner_text()  # the page's own words
    assert answer.locator(".vc-source-title").inner_text().startswith("Bristol Hospital")
    assert page.locator(".vc-source").count() == 1  # the disclaimer and greeting have none
    serious = [
        (v["id"], v["help"])
        for v in Axe().run(page).response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == [], serious


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two CSS rgb() colours."""

    def luminance(colour: str) -> float:
        values = [int(v) / 255 for v in colour[colour.index("(") + 1 : -1].split(",")[:3]]
        linear = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in values]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted([luminance(foreground), luminance(background)], reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("size", [(375, 667), (390, 844)])
def test_on_a_phone_the_open_chat_takes_the_whole_screen(
    browser: Browser, site: tuple[str, Assistant], size: tuple[int, int]
) -> None:
    """Issue 14: full screen at 480 px and below, the launcher hidden, the page behind it not
    scrolling, the input above the on-screen keyboard, the header readable; screenshots."""
    from axe_playwright_python.sync_playwright import Axe

    width, height = size
    context = browser.new_context(viewport={"width": width, "height": height}, is_mobile=True)
    page = context.new_page()
    page.goto(site[0] + "/")
    page.evaluate("window.scrollTo(0, 0)")
    open_widget(page)
    ask(page, "how long does it take?")
    panel = page.locator(".vc-panel").bounding_box()
    assert panel is not None
    assert (panel["x"], panel["y"]) == (0, 0)
    assert abs(panel["width"] - width) <= 1 and abs(panel["height"] - height) <= 1
    assert page.locator(".vc-launcher").is_hidden()
    page.mouse.wheel(0, 800)  # a swipe over the chat does not scroll the page behind it
    assert page.evaluate("getComputedStyle(document.body).overflow") == "hidden"
    assert page.evaluate("window.scrollY") == 0
    header = page.locator(".vc-header")
    colours = header.evaluate(
        "e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]"
    )
    assert contrast(*colours) >= 4.5
    page.screenshot(path=str(SCREENSHOTS / f"widget-phone-{width}x{height}.png"))
    # The on-screen keyboard takes the bottom 300 px: the input stays on screen above it.
    page.set_viewport_size({"width": width, "height": height - 300})
    page.wait_for_timeout(200)
    box = page.get_by_label("Type your question").bounding_box()
    assert box is not None and box["y"] + box["height"] <= height - 300
    serious = [
        (v["id"], [n["html"][:80] for n in v["nodes"]])
        for v in Axe().run(page).response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == [], serious
    # Closed again, the page is the page: the launcher is back and it scrolls.
    page.keyboard.press("Escape")
    assert page.locator(".vc-launcher").is_visible()
    assert page.evaluate("getComputedStyle(document.body).overflow") != "hidden"
    context.close()


def test_a_light_brand_colour_still_gives_a_readable_header(
    browser: Browser, site: tuple[str, Assistant]
) -> None:
    """A hospital that embeds the widget with its own light colour gets dark header text."""
    import requests

    html = requests.get(site[0] + "/", timeout=10).text.replace(
        'data-color="#005a9c"', 'data-color="#ffd54f"'
    )
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.route(site[0] + "/", lambda route: route.fulfill(body=html, content_type="text/html"))
    page.goto(site[0] + "/")
    page.get_by_role("button", name="Open chat: questions about vertebroplasty").click()
    page.locator(".vc-panel").wait_for()
    colours = page.locator(".vc-title").evaluate(
        "e => [getComputedStyle(e).color, getComputedStyle(e.parentElement).backgroundColor]"
    )
    assert "255, 213, 79" in colours[1]  # the brand colour is used
    assert contrast(*colours) >= 4.5
    context.close()


def test_was_this_helpful_with_a_comment_is_stored_once(
    page: Page, site: tuple[str, Assistant]
) -> None:
    """Issue 14: yes / no and an optional comment under a topic answer, in the real widget."""
    from sqlalchemy import select

    from core.db.database import session_factory
    from core.db.models import AnswerFeedback

    open_widget(page)
    ask(page, "how long does it take?")
    answer = page.locator(".vc-bot").last
    answer.get_by_role("button", name="No").click()
    answer.get_by_label("What was missing? (optional)").fill("my number is 860-555-0142")
    answer.get_by_role("button", name="Send").click()
    answer.locator(".vc-feedback-done").wait_for()
    assert answer.locator(".vc-feedback-done").inner_text() == "Thank you for your feedback."
    with session_factory(site[1].database_url)() as session:
        rows = list(session.execute(select(AnswerFeedback)).scalars())
    mine = [row for row in rows if row.comment and "phone removed" in row.comment]
    assert len(mine) == 1 and mine[0].topic == "procedure_duration" and not mine[0].helpful
    page.reload()  # the answer remembers its feedback: no second vote offered
    if page.locator(".vc-panel").is_hidden():
        open_widget(page)
    page.locator(".vc-bot .vc-feedback-done").first.wait_for()
    assert page.locator(".vc-bot .vc-feedback-button").count() == 0
